//! Buzz or trend: the DLM's judgement on a vendor or a technology theme
//! (generative AI tutors, VR…), and the rules that turn it into a ring of
//! the technology radar and a verdict. Where an item sits on the disc, and
//! the drawing, live in `atelier-export` (`radar_layout`, `radar_svg`).
//!
//! Every rule is a pure function of the judgement, so the same evidence
//! always gives the same ring and verdict.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::limits::LONG_TEXT_MAX;
use crate::mix::Modality;
use crate::validation::{check_len, Draft, Rule, ValidationError};

use crate::choices::every_variant;

/// Gartner-style hype cycle stage: where the market's excitement stands,
/// which is not the same as how much proof there is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum HypeStage {
    /// Innovation trigger: first announcements, little to show yet.
    #[default]
    Trigger,
    /// Peak of inflated expectations: everybody talks about it.
    Peak,
    /// Trough of disillusionment: the first projects disappoint.
    Trough,
    /// Slope of enlightenment: the sound uses become clear.
    Slope,
    /// Plateau of productivity: an ordinary, proven tool.
    Plateau,
}

every_variant!(HypeStage {
    Trigger,
    Peak,
    Trough,
    Slope,
    Plateau
});

impl HypeStage {
    /// True on the slope or the plateau: past the hype, into real use.
    fn is_mature(self) -> bool {
        matches!(self, HypeStage::Slope | HypeStage::Plateau)
    }
}

/// How widely organisations like the DLM's already use it. Ordered from
/// nobody to everybody, so `adoption >= Adoption::Growing` reads naturally.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Adoption {
    /// No known user.
    #[default]
    None,
    /// A few pioneers.
    Early,
    /// Spreading among peers.
    Growing,
    /// Most peers use it.
    Mainstream,
}

every_variant!(Adoption {
    None,
    Early,
    Growing,
    Mainstream
});

impl Adoption {
    /// Evidence points the adoption level is worth: 0, 1, 3, 5.
    pub fn weight(self) -> u8 {
        match self {
            Adoption::None => 0,
            Adoption::Early => 1,
            Adoption::Growing => 3,
            Adoption::Mainstream => 5,
        }
    }
}

/// Largest number of pilots or references the DLM can record: more is a
/// typing slip, and the evidence points stop counting long before.
pub const JUDGEMENT_COUNT_MAX: u16 = 999;

/// The DLM's judgement on one vendor or theme: the hype around it and the
/// evidence that it works, from which [`Judgement::ring`] and
/// [`Judgement::verdict`] follow.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct Judgement {
    /// Where the market's excitement stands.
    pub hype: HypeStage,
    /// Pilots run (by the DLM's company or known ones).
    pub pilots: u16,
    /// Reference customers checked.
    pub references: u16,
    /// How widely peers already use it.
    pub adoption: Adoption,
    /// Markdown notes: the evidence behind the judgement.
    pub evidence: String,
}

impl Judgement {
    /// The weight of evidence, 0 to 15:
    /// `2 × min(pilots, 3) + min(references, 4) + adoption weight`
    /// (adoption: none 0, early 1, growing 3, mainstream 5). Pilots count
    /// double because they are the DLM's own proof; beyond three pilots or
    /// four references, more of the same proves little more.
    pub fn evidence_points(&self) -> u8 {
        let pilots = u8::try_from(self.pilots.min(3)).unwrap_or(3);
        let references = u8::try_from(self.references.min(4)).unwrap_or(4);
        2 * pilots + references + self.adoption.weight()
    }

    /// The radar ring, with `e` the [evidence points](Judgement::evidence_points):
    /// - Adopt when `e >= 10` and the hype is past (slope or plateau);
    /// - otherwise Trial when `e >= 5`;
    /// - otherwise Hold in the trough, or at the peak with `e < 2` (pure noise);
    /// - otherwise Assess.
    pub fn ring(&self) -> Ring {
        let e = self.evidence_points();
        if e >= 10 && self.hype.is_mature() {
            Ring::Adopt
        } else if e >= 5 {
            Ring::Trial
        } else if self.hype == HypeStage::Trough || (self.hype == HypeStage::Peak && e < 2) {
            Ring::Hold
        } else {
            Ring::Assess
        }
    }

    /// Buzz or trend, with `e` the [evidence points](Judgement::evidence_points):
    /// - Trend when `e >= 5` and either peers adopt it (growing or
    ///   mainstream) or the hype is past (slope or plateau);
    /// - otherwise Buzz when the hype is rising or at its peak and `e < 5`;
    /// - otherwise TooEarly: not enough to tell either way.
    pub fn verdict(&self) -> Verdict {
        let e = self.evidence_points();
        if e >= 5 && (self.adoption >= Adoption::Growing || self.hype.is_mature()) {
            Verdict::Trend
        } else if matches!(self.hype, HypeStage::Trigger | HypeStage::Peak) && e < 5 {
            Verdict::Buzz
        } else {
            Verdict::TooEarly
        }
    }
}

/// Where a judgement lands, as the screens show it next to the judgement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Assessment {
    pub ring: Ring,
    pub verdict: Verdict,
    /// 0 to 15, see [`Judgement::evidence_points`].
    pub evidence_points: u8,
}

impl Judgement {
    /// Ring, verdict and evidence points together.
    pub fn assess(&self) -> Assessment {
        Assessment {
            ring: self.ring(),
            verdict: self.verdict(),
            evidence_points: self.evidence_points(),
        }
    }
}

impl Draft for Judgement {
    /// Trims the evidence notes.
    fn normalized(mut self) -> Self {
        self.evidence = self.evidence.trim().to_owned();
        self
    }

    /// Evidence notes at most [`LONG_TEXT_MAX`] characters; pilots and
    /// references at most [`JUDGEMENT_COUNT_MAX`] each.
    fn validate(&self) -> Vec<ValidationError> {
        let mut e: Vec<ValidationError> = Vec::new();
        e.extend(check_len("evidence", &self.evidence, LONG_TEXT_MAX));
        let max = usize::from(JUDGEMENT_COUNT_MAX);
        if self.pilots > JUDGEMENT_COUNT_MAX {
            e.push(ValidationError::with_limit("pilots", Rule::TooLarge, max));
        }
        if self.references > JUDGEMENT_COUNT_MAX {
            e.push(ValidationError::with_limit("references", Rule::TooLarge, max));
        }
        e
    }
}

/// A ring of the radar: what the DLM recommends doing with the item.
/// Variant order is from the centre outwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Ring {
    /// Proven: use it. The innermost ring.
    Adopt,
    /// Worth a real project.
    Trial,
    /// Worth watching and exploring.
    Assess,
    /// Wait, or stop. The outermost ring.
    Hold,
}

every_variant!(Ring {
    Adopt,
    Trial,
    Assess,
    Hold
});

/// Buzz or trend: the judgement in a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Noise without proof: talked about, not shown to work.
    Buzz,
    /// Lasting: proven and spreading.
    Trend,
    /// Not enough evidence to tell.
    TooEarly,
}

every_variant!(Verdict { Trend, Buzz, TooEarly });

/// Sectors of the radar: the families of modalities, one quarter each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    /// Self-paced online learning. Top-right quarter.
    Online,
    /// Sessions at a set time, in a room or a virtual class. Bottom-right.
    Live,
    /// Games and AR/VR. Bottom-left.
    Immersive,
    /// Learning from and with others. Top-left.
    Social,
}

every_variant!(Family {
    Online,
    Live,
    Immersive,
    Social
});

impl Family {
    /// The family of a modality: Online = e-learning, microlearning, MOOC,
    /// COOC, SPOC; Live = virtual class, classroom, blended; Immersive =
    /// serious game, AR/VR; Social = mentoring, on the job, social learning.
    pub fn of(m: Modality) -> Family {
        match m {
            Modality::Elearning | Modality::Microlearning | Modality::Mooc | Modality::Cooc | Modality::Spoc => {
                Family::Online
            }
            Modality::VirtualClass | Modality::Classroom | Modality::Blended => Family::Live,
            Modality::SeriousGame | Modality::ArVr => Family::Immersive,
            Modality::Mentoring | Modality::OnTheJob | Modality::SocialLearning => Family::Social,
        }
    }
}

/// The family most of the modalities belong to, to place a vendor offering
/// several; a tie goes to the family first in [`Family::ALL`]. `None` when
/// there is no modality.
pub fn family_of(modalities: &[Modality]) -> Option<Family> {
    let mut best: Option<(Family, usize)> = None;
    for f in Family::ALL {
        let count = modalities.iter().filter(|m| Family::of(**m) == f).count();
        if count > 0 && best.is_none_or(|(_, b)| count > b) {
            best = Some((f, count));
        }
    }
    best.map(|(f, _)| f)
}

/// Whether a radar item is a provider or a technology theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum RadarItemKind {
    /// A provider of the vendor watch.
    Vendor,
    /// A modality or technology theme ("generative AI tutors", "VR").
    Theme,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn judgement(hype: HypeStage, pilots: u16, references: u16, adoption: Adoption) -> Judgement {
        Judgement {
            hype,
            pilots,
            references,
            adoption,
            evidence: String::new(),
        }
    }

    /// A judgement with exactly `e` evidence points (0 to 15), from references
    /// and adoption only when possible, otherwise with pilots too.
    fn with_points(hype: HypeStage, adoption: Adoption, e: u8) -> Option<Judgement> {
        let rest = e.checked_sub(adoption.weight())?;
        let pilots = rest.saturating_sub(4).div_ceil(2).min(3);
        let references = rest.checked_sub(2 * pilots)?;
        (references <= 4).then(|| judgement(hype, pilots.into(), references.into(), adoption))
    }

    #[test]
    fn an_assessment_gathers_ring_verdict_and_points() {
        let j = Judgement {
            hype: HypeStage::Plateau,
            pilots: 2,
            references: 3,
            adoption: Adoption::Growing,
            evidence: String::new(),
        };
        assert_eq!(
            j.assess(),
            Assessment {
                ring: Ring::Adopt,
                verdict: Verdict::Trend,
                evidence_points: 10
            }
        );
    }

    #[test]
    fn every_modality_has_its_family() {
        use Modality as M;
        let expected = [
            (
                Family::Online,
                vec![M::Elearning, M::Microlearning, M::Mooc, M::Cooc, M::Spoc],
            ),
            (Family::Live, vec![M::VirtualClass, M::Classroom, M::Blended]),
            (Family::Immersive, vec![M::SeriousGame, M::ArVr]),
            (Family::Social, vec![M::Mentoring, M::OnTheJob, M::SocialLearning]),
        ];
        for (family, modalities) in &expected {
            for m in modalities {
                assert_eq!(Family::of(*m), *family, "{m:?}");
            }
        }
        assert_eq!(
            expected.iter().map(|(_, m)| m.len()).sum::<usize>(),
            Modality::ALL.len()
        );
    }

    #[test]
    fn the_family_of_a_vendor_is_the_most_common_one() {
        use Modality as M;
        assert_eq!(family_of(&[]), None);
        assert_eq!(family_of(&[M::ArVr]), Some(Family::Immersive));
        assert_eq!(
            family_of(&[M::Mentoring, M::SeriousGame, M::OnTheJob]),
            Some(Family::Social)
        );
        // Ties go to the earlier family.
        assert_eq!(family_of(&[M::SocialLearning, M::Mooc]), Some(Family::Online));
        assert_eq!(family_of(&[M::ArVr, M::Classroom]), Some(Family::Live));
        assert_eq!(
            family_of(&[M::Mentoring, M::SeriousGame, M::ArVr, M::OnTheJob]),
            Some(Family::Immersive)
        );
    }

    #[test]
    fn evidence_points_cap_pilots_and_references() {
        let e = |p, r, a| judgement(HypeStage::Trigger, p, r, a).evidence_points();
        assert_eq!(e(0, 0, Adoption::None), 0);
        assert_eq!(e(1, 0, Adoption::None), 2);
        assert_eq!(e(3, 0, Adoption::None), 6);
        assert_eq!(e(4, 0, Adoption::None), 6);
        assert_eq!(e(0, 4, Adoption::None), 4);
        assert_eq!(e(0, 5, Adoption::None), 4);
        assert_eq!(e(0, 0, Adoption::Early), 1);
        assert_eq!(e(0, 0, Adoption::Growing), 3);
        assert_eq!(e(0, 0, Adoption::Mainstream), 5);
        assert_eq!(e(u16::MAX, u16::MAX, Adoption::Mainstream), 15);
        for p in 0..=15 {
            for a in Adoption::ALL {
                if let Some(j) = with_points(HypeStage::Trigger, a, p) {
                    assert_eq!(j.evidence_points(), p);
                }
            }
        }
    }

    #[test]
    fn ring_boundaries() {
        use HypeStage as H;
        let ring = |h, e| with_points(h, Adoption::None, e).map(|j| j.ring());
        // Adopt needs 10 points and a mature hype.
        assert_eq!(ring(H::Slope, 10), Some(Ring::Adopt));
        assert_eq!(ring(H::Plateau, 10), Some(Ring::Adopt));
        assert_eq!(ring(H::Slope, 9), Some(Ring::Trial));
        assert_eq!(ring(H::Peak, 10), Some(Ring::Trial));
        assert_eq!(ring(H::Trough, 10), Some(Ring::Trial));
        // Trial from 5 points.
        assert_eq!(ring(H::Trigger, 5), Some(Ring::Trial));
        assert_eq!(ring(H::Trough, 5), Some(Ring::Trial));
        assert_eq!(ring(H::Trigger, 4), Some(Ring::Assess));
        // Hold in the trough, or at the peak with under 2 points.
        assert_eq!(ring(H::Trough, 4), Some(Ring::Hold));
        assert_eq!(ring(H::Trough, 0), Some(Ring::Hold));
        assert_eq!(ring(H::Peak, 1), Some(Ring::Hold));
        assert_eq!(ring(H::Peak, 2), Some(Ring::Assess));
        assert_eq!(ring(H::Trigger, 0), Some(Ring::Assess));
        assert_eq!(ring(H::Slope, 4), Some(Ring::Assess));
        assert_eq!(ring(H::Plateau, 0), Some(Ring::Assess));
    }

    #[test]
    fn verdict_boundaries() {
        use Adoption as A;
        use HypeStage as H;
        let verdict = |h, a, e| with_points(h, a, e).map(|j| j.verdict());
        // Trend: 5 points and adoption growing or mature hype.
        assert_eq!(verdict(H::Trigger, A::Growing, 5), Some(Verdict::Trend));
        assert_eq!(verdict(H::Peak, A::Mainstream, 5), Some(Verdict::Trend));
        assert_eq!(verdict(H::Slope, A::None, 5), Some(Verdict::Trend));
        assert_eq!(verdict(H::Plateau, A::Early, 5), Some(Verdict::Trend));
        assert_eq!(verdict(H::Trough, A::Growing, 5), Some(Verdict::Trend));
        assert_eq!(verdict(H::Slope, A::None, 4), Some(Verdict::TooEarly));
        assert_eq!(verdict(H::Trough, A::Early, 5), Some(Verdict::TooEarly));
        // Buzz: rising or peaking hype under 5 points.
        assert_eq!(verdict(H::Trigger, A::Early, 4), Some(Verdict::Buzz));
        assert_eq!(verdict(H::Peak, A::Growing, 4), Some(Verdict::Buzz));
        assert_eq!(verdict(H::Peak, A::None, 0), Some(Verdict::Buzz));
        assert_eq!(verdict(H::Peak, A::Early, 5), Some(Verdict::TooEarly));
        assert_eq!(verdict(H::Trigger, A::Early, 5), Some(Verdict::TooEarly));
        assert_eq!(verdict(H::Trigger, A::Early, 11), Some(Verdict::TooEarly));
        assert_eq!(verdict(H::Trough, A::None, 0), Some(Verdict::TooEarly));
    }

    #[test]
    fn judgements_are_trimmed_and_bounded() {
        let mut j = judgement(HypeStage::Peak, 999, 999, Adoption::Early);
        j.evidence = "  deux pilotes  \n".into();
        let j = j.checked().expect("valid");
        assert_eq!(j.evidence, "deux pilotes");

        let mut bad = judgement(HypeStage::Peak, 1000, 1000, Adoption::Early);
        bad.evidence = "é".repeat(LONG_TEXT_MAX + 1);
        let errors = bad.validate();
        let rules: Vec<(&str, Rule, Option<u32>)> =
            errors.iter().map(|e| (e.field.as_str(), e.rule, e.limit)).collect();
        assert_eq!(
            rules,
            [
                ("evidence", Rule::TooLong, Some(10_000)),
                ("pilots", Rule::TooLarge, Some(999)),
                ("references", Rule::TooLarge, Some(999)),
            ]
        );
        let mut ok = bad.clone();
        ok.evidence = "é".repeat(LONG_TEXT_MAX);
        ok.pilots = 999;
        ok.references = 0;
        assert!(ok.validate().is_empty());
    }

    #[test]
    fn judgements_read_and_write_snake_case() {
        let j = judgement(HypeStage::Plateau, 1, 2, Adoption::Mainstream);
        let json = serde_json::to_value(&j).expect("json");
        assert_eq!(json["hype"], "plateau");
        assert_eq!(json["adoption"], "mainstream");
        let unknown = r#"{"hype":"peak","pilots":0,"references":0,"adoption":"none","evidence":"","x":1}"#;
        assert!(serde_json::from_str::<Judgement>(unknown).is_err());
        assert_eq!(Judgement::default().hype, HypeStage::Trigger);
    }

    fn any_judgement() -> impl Strategy<Value = Judgement> {
        (0usize..5, any::<u16>(), any::<u16>(), 0usize..4)
            .prop_map(|(h, p, r, a)| judgement(HypeStage::ALL[h], p, r, Adoption::ALL[a]))
    }

    proptest! {
        #[test]
        fn rings_and_verdicts_are_always_sound(j in any_judgement()) {
            prop_assert!(j.evidence_points() <= 15);
            prop_assert!(j.ring() != Ring::Adopt || j.evidence_points() >= 10);
            let _ = j.verdict();
        }
    }
}
