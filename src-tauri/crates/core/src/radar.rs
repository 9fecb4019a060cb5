//! Buzz or trend: the DLM's judgement on a vendor or a technology theme
//! (generative AI tutors, VR…), the rules that turn it into a ring of the
//! technology radar and a verdict, and the placement of every judged item on
//! the radar disc. The drawing itself lives in `atelier-export`.
//!
//! Every rule is a pure function of the judgement, so the same evidence always
//! gives the same ring, verdict and place on the disc.

use std::f64::consts::{FRAC_PI_2, TAU};

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::limits::LONG_TEXT_MAX;
use crate::mix::Modality;
use crate::portfolio::fold;
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

impl Ring {
    /// Inner and outer radius of the ring's band on the unit disc:
    /// Adopt 0–0.4, Trial 0.4–0.65, Assess 0.65–0.85, Hold 0.85–1. The
    /// centre is widest because that is where the DLM looks first.
    pub fn band(self) -> (f64, f64) {
        match self {
            Ring::Adopt => (0.0, 0.4),
            Ring::Trial => (0.4, 0.65),
            Ring::Assess => (0.65, 0.85),
            Ring::Hold => (0.85, 1.0),
        }
    }
}

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

    /// Position in [`Family::ALL`].
    fn index(self) -> u8 {
        match self {
            Family::Online => 0,
            Family::Live => 1,
            Family::Immersive => 2,
            Family::Social => 3,
        }
    }

    /// Start and end angle of the family's quarter, in radians, as
    /// `atan2(y, x)` with y pointing down: `-π/2` is straight up and angles
    /// grow clockwise on screen. Family `i` spans `-π/2 + i·π/2` to
    /// `-π/2 + (i+1)·π/2`, so Online is top-right, Live bottom-right,
    /// Immersive bottom-left and Social top-left (from `π` to `3π/2`).
    pub fn angles(self) -> (f64, f64) {
        let i = f64::from(self.index());
        (-FRAC_PI_2 + i * FRAC_PI_2, -FRAC_PI_2 + (i + 1.0) * FRAC_PI_2)
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

/// What the app hands to [`place`]: one judged vendor or theme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct RadarItem {
    /// Stable identity (e.g. the vendor id), the last tie-breaker of the order.
    pub key: String,
    /// The name drawn on the radar.
    pub label: String,
    pub kind: RadarItemKind,
    /// The sector it goes in.
    pub family: Family,
    pub judgement: Judgement,
}

/// A placed item. Coordinates are in a unit disc: centre (0,0), outer edge
/// radius 1, y pointing DOWN (SVG convention).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct RadarPoint {
    /// The number drawn on the marker and in the legend, from 1.
    pub number: u32,
    pub key: String,
    pub label: String,
    pub kind: RadarItemKind,
    pub family: Family,
    pub ring: Ring,
    pub verdict: Verdict,
    /// Across, from -1 (left edge) to 1 (right edge).
    pub x: f64,
    /// Down, from -1 (top edge) to 1 (bottom edge).
    pub y: f64,
}

/// Every word drawn on the radar, in the DLM's language. The UI chooses them
/// and hands them to the export, which holds no translation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct RadarLabels {
    /// Drawn on top of the picture.
    pub title: String,
    pub adopt: String,
    pub trial: String,
    pub assess: String,
    pub hold: String,
    pub online: String,
    pub live: String,
    pub immersive: String,
    pub social: String,
    pub buzz: String,
    pub trend: String,
    pub too_early: String,
    pub vendor: String,
    pub theme: String,
}

impl RadarLabels {
    /// Every word, for checks that apply to all of them.
    pub fn words(&self) -> [&str; 14] {
        [
            &self.title,
            &self.adopt,
            &self.trial,
            &self.assess,
            &self.hold,
            &self.online,
            &self.live,
            &self.immersive,
            &self.social,
            &self.buzz,
            &self.trend,
            &self.too_early,
            &self.vendor,
            &self.theme,
        ]
    }

    /// The word for a ring.
    pub fn ring(&self, r: Ring) -> &str {
        match r {
            Ring::Adopt => &self.adopt,
            Ring::Trial => &self.trial,
            Ring::Assess => &self.assess,
            Ring::Hold => &self.hold,
        }
    }

    /// The word for a family.
    pub fn family(&self, f: Family) -> &str {
        match f {
            Family::Online => &self.online,
            Family::Live => &self.live,
            Family::Immersive => &self.immersive,
            Family::Social => &self.social,
        }
    }

    /// The word for a verdict.
    pub fn verdict(&self, v: Verdict) -> &str {
        match v {
            Verdict::Buzz => &self.buzz,
            Verdict::Trend => &self.trend,
            Verdict::TooEarly => &self.too_early,
        }
    }

    /// The word for a kind of item.
    pub fn kind(&self, k: RadarItemKind) -> &str {
        match k {
            RadarItemKind::Vendor => &self.vendor,
            RadarItemKind::Theme => &self.theme,
        }
    }
}

/// Places every item on the radar, deterministically whatever the input order.
///
/// Items are sorted by family (sector order), ring (centre outwards), label
/// ignoring case and accents, then key, and numbered from 1 in that order.
/// The `n` items sharing a ring and a family are spread evenly across the
/// quarter, never on a sector line: up to three sit on the middle of the
/// band, the k-th (from 0) at angle `start + (k+1)/(n+1) × span`. More are
/// laid on two to four arcs across the band (whichever count keeps
/// neighbours furthest apart), each arc taking a share in proportion to its
/// length, spread the same way and staggered from the arc below; they are
/// numbered clockwise. The Adopt ring keeps its inner tenth of the radius
/// free. Every point stays strictly inside its band and its quarter.
pub fn place(items: &[RadarItem]) -> Vec<RadarPoint> {
    let mut judged: Vec<(&RadarItem, Ring, Verdict, String)> = items
        .iter()
        .map(|i| (i, i.judgement.ring(), i.judgement.verdict(), fold(&i.label)))
        .collect();
    judged.sort_by(|a, b| {
        (a.0.family, a.1, &a.3, &a.0.key, a.0.kind, a.2, &a.0.label)
            .cmp(&(b.0.family, b.1, &b.3, &b.0.key, b.0.kind, b.2, &b.0.label))
    });

    let mut points: Vec<RadarPoint> = Vec::with_capacity(judged.len());
    let mut start = 0;
    while start < judged.len() {
        let (family, ring) = (judged[start].0.family, judged[start].1);
        let end = judged[start..]
            .iter()
            .position(|j| (j.0.family, j.1) != (family, ring))
            .map_or(judged.len(), |p| start + p);
        let spots = cell_spots(ring, family, end - start);
        for ((item, ring, verdict, _), (x, y)) in judged[start..end].iter().zip(spots) {
            points.push(RadarPoint {
                number: u32::try_from(points.len() + 1).unwrap_or(u32::MAX),
                key: item.key.clone(),
                label: item.label.clone(),
                kind: item.kind,
                family: item.family,
                ring: *ring,
                verdict: *verdict,
                x,
                y,
            });
        }
        start = end;
    }
    points
}

/// Distance from the centre kept free in the Adopt ring: the four sectors
/// meet there, so markers would crowd each other and the sector lines.
const CENTRE_CLEAR: f64 = 0.1;

/// Where the `n` items of one (ring, family) cell go, as (x, y), in the order
/// the items are numbered.
fn cell_spots(ring: Ring, family: Family, n: usize) -> Vec<(f64, f64)> {
    let choices: &[usize] = if n <= 3 { &[1] } else { &[2, 3, 4] };
    let mut best: Option<(f64, Vec<(f64, f64)>)> = None;
    for &rows in choices {
        let spots = spots_in_rows(ring, family, n, rows);
        let gap = min_gap(&spots);
        if best.as_ref().is_none_or(|(g, _)| gap > *g) {
            best = Some((gap, spots));
        }
    }
    best.map(|(_, s)| s).unwrap_or_default()
}

/// `n` spots on `rows` arcs evenly spaced strictly inside the band, each arc
/// holding a share of the spots in proportion to its length, spread evenly
/// across the quarter and staggered from one arc to the next. Sorted
/// clockwise, so that numbers run clockwise through the cell.
fn spots_in_rows(ring: Ring, family: Family, n: usize, rows: usize) -> Vec<(f64, f64)> {
    let (lo, hi) = ring.band();
    let inner = if ring == Ring::Adopt { lo.max(CENTRE_CLEAR) } else { lo };
    let (a0, a1) = family.angles();
    let radii: Vec<f64> = (0..rows)
        .map(|j| inner + (j as f64 + 1.0) / (rows as f64 + 1.0) * (hi - inner))
        .collect();
    let counts = shares(n, &radii);
    let mut spots: Vec<(f64, f64)> = Vec::with_capacity(n);
    for (j, (&radius, &count)) in radii.iter().zip(&counts).enumerate() {
        let stagger = match (rows, j % 2) {
            (1, _) => 0.0,
            (_, 0) => -0.25,
            _ => 0.25,
        };
        for i in 0..count {
            spots.push((
                a0 + (i as f64 + 1.0 + stagger) / (count as f64 + 1.0) * (a1 - a0),
                radius,
            ));
        }
    }
    spots.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    spots
        .into_iter()
        .map(|(angle, radius)| (radius * angle.cos(), radius * angle.sin()))
        .collect()
}

/// `n` split in proportion to `weights` (largest remainders, ties to the
/// first), summing to `n`.
fn shares(n: usize, weights: &[f64]) -> Vec<usize> {
    let total: f64 = weights.iter().sum();
    let mut counts: Vec<usize> = vec![0; weights.len()];
    if total.is_nan() || total <= 0.0 {
        if let Some(first) = counts.first_mut() {
            *first = n;
        }
        return counts;
    }
    let exact: Vec<f64> = weights.iter().map(|w| n as f64 * w / total).collect();
    for (c, e) in counts.iter_mut().zip(&exact) {
        *c = e.floor() as usize;
    }
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| {
        (exact[b] - exact[b].floor())
            .total_cmp(&(exact[a] - exact[a].floor()))
            .then(a.cmp(&b))
    });
    let given: usize = counts.iter().sum();
    for &j in order.iter().cycle().take(n.saturating_sub(given)) {
        counts[j] += 1;
    }
    counts
}

/// The smallest distance between two spots; infinite with fewer than two.
fn min_gap(spots: &[(f64, f64)]) -> f64 {
    let mut gap = f64::INFINITY;
    for (i, a) in spots.iter().enumerate() {
        for b in &spots[i + 1..] {
            gap = gap.min((a.0 - b.0).hypot(a.1 - b.1));
        }
    }
    gap
}

/// The polar angle of (x, y) brought into `[from, from + 2π)`, to compare
/// with a family's [`Family::angles`].
pub fn angle_from(x: f64, y: f64, from: f64) -> f64 {
    let mut a = y.atan2(x);
    while a < from {
        a += TAU;
    }
    while a >= from + TAU {
        a -= TAU;
    }
    a
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

    fn item(key: &str, label: &str, family: Family, j: Judgement) -> RadarItem {
        RadarItem {
            key: key.into(),
            label: label.into(),
            kind: RadarItemKind::Vendor,
            family,
            judgement: j,
        }
    }

    fn assert_inside(p: &RadarPoint) {
        let (lo, hi) = p.ring.band();
        let r = p.x.hypot(p.y);
        assert!(r > lo && r < hi, "{} radius {r} outside {lo}–{hi}", p.label);
        let (a0, a1) = p.family.angles();
        let a = angle_from(p.x, p.y, a0);
        assert!(a > a0 && a < a1, "{} angle {a} outside {a0}–{a1}", p.label);
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

    #[test]
    fn bands_and_sectors_tile_the_disc() {
        let mut outer = 0.0;
        for r in Ring::ALL {
            let (lo, hi) = r.band();
            assert_eq!(lo, outer);
            assert!(hi > lo);
            outer = hi;
        }
        assert_eq!(outer, 1.0);
        let mut end = -FRAC_PI_2;
        for f in Family::ALL {
            let (a0, a1) = f.angles();
            assert!((a0 - end).abs() < 1e-12);
            end = a1;
        }
        assert!((end - (TAU - FRAC_PI_2)).abs() < 1e-12);
        // Online is top-right, Live bottom-right, Immersive bottom-left, Social top-left.
        let quadrant = |f: Family| {
            let (a0, a1) = f.angles();
            let mid = (a0 + a1) / 2.0;
            (mid.cos() > 0.0, mid.sin() > 0.0)
        };
        assert_eq!(quadrant(Family::Online), (true, false));
        assert_eq!(quadrant(Family::Live), (true, true));
        assert_eq!(quadrant(Family::Immersive), (false, true));
        assert_eq!(quadrant(Family::Social), (false, false));
    }

    fn sample() -> Vec<RadarItem> {
        use HypeStage as H;
        vec![
            item(
                "v1",
                "Zeta",
                Family::Online,
                judgement(H::Plateau, 3, 4, Adoption::Growing),
            ),
            item(
                "v2",
                "Émile",
                Family::Online,
                judgement(H::Plateau, 3, 4, Adoption::Growing),
            ),
            item("v3", "alpha", Family::Online, judgement(H::Peak, 0, 0, Adoption::None)),
            item(
                "v4",
                "VR",
                Family::Immersive,
                judgement(H::Trough, 0, 1, Adoption::None),
            ),
            item(
                "v5",
                "Mentorat",
                Family::Social,
                judgement(H::Trigger, 1, 1, Adoption::Early),
            ),
            item(
                "v6",
                "Classe virtuelle",
                Family::Live,
                judgement(H::Slope, 2, 2, Adoption::Mainstream),
            ),
            item("v0", "alpha", Family::Online, judgement(H::Peak, 0, 0, Adoption::None)),
        ]
    }

    #[test]
    fn points_are_numbered_in_a_fixed_order_and_lie_in_their_cell() {
        let points = place(&sample());
        let order: Vec<(u32, &str, &str)> = points
            .iter()
            .map(|p| (p.number, p.key.as_str(), p.label.as_str()))
            .collect();
        assert_eq!(
            order,
            [
                (1, "v2", "Émile"),
                (2, "v1", "Zeta"),
                (3, "v0", "alpha"),
                (4, "v3", "alpha"),
                (5, "v6", "Classe virtuelle"),
                (6, "v4", "VR"),
                (7, "v5", "Mentorat"),
            ]
        );
        assert_eq!(points[0].ring, Ring::Adopt);
        assert_eq!(points[0].verdict, Verdict::Trend);
        assert_eq!(points[2].ring, Ring::Hold);
        assert_eq!(points[2].verdict, Verdict::Buzz);
        points.iter().for_each(assert_inside);

        let mut reversed = sample();
        reversed.reverse();
        assert_eq!(place(&reversed), points);
        let mut rotated = sample();
        rotated.rotate_left(3);
        assert_eq!(place(&rotated), points);
        assert!(place(&[]).is_empty());
    }

    #[test]
    fn a_crowded_cell_keeps_every_point_inside_and_apart() {
        for ring_judgement in [
            judgement(HypeStage::Plateau, 3, 4, Adoption::Mainstream),
            judgement(HypeStage::Trough, 0, 0, Adoption::None),
        ] {
            for family in Family::ALL {
                let items: Vec<RadarItem> = (0..30)
                    .map(|i| {
                        item(
                            &format!("k{i:02}"),
                            &format!("Item {i:02}"),
                            family,
                            ring_judgement.clone(),
                        )
                    })
                    .collect();
                let points = place(&items);
                assert_eq!(points.len(), 30);
                points.iter().for_each(assert_inside);
                for (i, a) in points.iter().enumerate() {
                    for b in &points[i + 1..] {
                        assert!(
                            (a.x - b.x).hypot(a.y - b.y) > 1e-3,
                            "{} and {} coincide",
                            a.label,
                            b.label
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn small_cells_sit_on_the_middle_of_the_band() {
        let j = judgement(HypeStage::Trigger, 0, 1, Adoption::None);
        let items: Vec<RadarItem> = (0..3)
            .map(|i| item(&i.to_string(), "x", Family::Live, j.clone()))
            .collect();
        for p in place(&items) {
            assert!((p.x.hypot(p.y) - 0.75).abs() < 1e-9);
        }
    }

    #[test]
    fn shares_add_up_and_follow_the_weights() {
        assert_eq!(shares(10, &[1.0, 1.0]), [5, 5]);
        assert_eq!(shares(5, &[1.0, 1.0]), [3, 2]);
        assert_eq!(shares(6, &[1.0, 2.0]), [2, 4]);
        assert_eq!(shares(7, &[0.2, 0.3, 0.5]), [1, 2, 4]);
        assert_eq!(shares(3, &[0.0, 0.0]), [3, 0]);
        for n in 0..50 {
            assert_eq!(shares(n, &[0.3, 0.5, 0.7, 0.9]).iter().sum::<usize>(), n);
        }
    }

    fn any_judgement() -> impl Strategy<Value = Judgement> {
        (0usize..5, any::<u16>(), any::<u16>(), 0usize..4)
            .prop_map(|(h, p, r, a)| judgement(HypeStage::ALL[h], p, r, Adoption::ALL[a]))
    }

    proptest! {
        #[test]
        fn rings_verdicts_and_places_are_always_sound(
            items in prop::collection::vec((any_judgement(), 0usize..4, "[a-dé ]{0,3}", any::<bool>()), 0..40)
        ) {
            let items: Vec<RadarItem> = items.into_iter().enumerate().map(|(i, (j, f, label, theme))| {
                let mut it = item(&format!("{i}"), &label, Family::ALL[f], j);
                if theme { it.kind = RadarItemKind::Theme; }
                it
            }).collect();
            for it in &items {
                let j = &it.judgement;
                prop_assert!(j.evidence_points() <= 15);
                let ring = j.ring();
                prop_assert!(ring != Ring::Adopt || j.evidence_points() >= 10);
                let _ = j.verdict();
            }
            let points = place(&items);
            prop_assert_eq!(points.len(), items.len());
            for (i, p) in points.iter().enumerate() {
                prop_assert_eq!(p.number as usize, i + 1);
                prop_assert!(p.x.is_finite() && p.y.is_finite());
                let (lo, hi) = p.ring.band();
                let r = p.x.hypot(p.y);
                prop_assert!(r > lo && r < hi);
                let (a0, a1) = p.family.angles();
                let a = angle_from(p.x, p.y, a0);
                prop_assert!(a > a0 && a < a1);
            }
            let mut shuffled = items.clone();
            shuffled.reverse();
            prop_assert_eq!(place(&shuffled), points);
        }
    }
}
