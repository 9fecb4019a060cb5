//! A project's design-thinking state: the phase it is in, what each phase
//! should produce, the gate overrides on record, and the dot votes on ideas.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::ids::ArtefactId;
use crate::phase::{default_plan, GateOverride, Phase, PhasePlan};
use crate::validation::{check_required, Rule, ValidationError};

/// Dots each person may place, unless the project says otherwise.
pub const DEFAULT_DOTS: u8 = 3;
/// The most dots a project may give each person.
pub const MAX_DOTS: u8 = 10;
/// Characters in a voter's name.
pub const VOTER_MAX: usize = 100;

/// One dot placed by one person on one idea. A person may stack dots.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct DotVote {
    pub voter: String,
    pub idea: ArtefactId,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct DesignState {
    pub phase: Phase,
    pub plan: Vec<PhasePlan>,
    pub overrides: Vec<GateOverride>,
    pub dots_per_person: u8,
    pub votes: Vec<DotVote>,
}

impl Default for DesignState {
    fn default() -> Self {
        Self {
            phase: Phase::Empathize,
            plan: default_plan(),
            overrides: Vec::new(),
            dots_per_person: DEFAULT_DOTS,
            votes: Vec::new(),
        }
    }
}

fn same_voter(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

impl DesignState {
    /// Places one of `voter`'s dots on `idea`. Refuses a blank name, or a
    /// person who has used all their dots.
    pub fn cast_vote(&mut self, voter: &str, idea: ArtefactId) -> Result<(), ValidationError> {
        if let Some(e) = check_required("voter", voter, VOTER_MAX) {
            return Err(e);
        }
        let used = self.votes.iter().filter(|v| same_voter(&v.voter, voter)).count();
        if used >= usize::from(self.dots_per_person) {
            return Err(ValidationError::with_limit(
                "voter",
                Rule::TooMany,
                usize::from(self.dots_per_person),
            ));
        }
        self.votes.push(DotVote {
            voter: voter.trim().to_owned(),
            idea,
        });
        Ok(())
    }

    /// Takes back one of `voter`'s dots from `idea`; false when there was none.
    pub fn remove_vote(&mut self, voter: &str, idea: ArtefactId) -> bool {
        match self
            .votes
            .iter()
            .position(|v| v.idea == idea && same_voter(&v.voter, voter))
        {
            Some(i) => {
                self.votes.remove(i);
                true
            }
            None => false,
        }
    }

    /// Dots on `idea`.
    pub fn votes_for(&self, idea: ArtefactId) -> u32 {
        u32::try_from(self.votes.iter().filter(|v| v.idea == idea).count()).unwrap_or(u32::MAX)
    }

    /// Dots `voter` has left.
    pub fn dots_left(&self, voter: &str) -> u8 {
        let used = self.votes.iter().filter(|v| same_voter(&v.voter, voter)).count();
        self.dots_per_person
            .saturating_sub(u8::try_from(used).unwrap_or(u8::MAX))
    }

    /// Changes the dots per person (1 to [`MAX_DOTS`]). Refuses a number
    /// below what someone has already used.
    pub fn set_dots(&mut self, dots: u8) -> Result<(), ValidationError> {
        if dots == 0 || dots > MAX_DOTS {
            return Err(ValidationError::with_limit(
                "dots_per_person",
                Rule::TooLarge,
                usize::from(MAX_DOTS),
            ));
        }
        let most_used = self
            .votes
            .iter()
            .map(|v| self.votes.iter().filter(|w| same_voter(&w.voter, &v.voter)).count())
            .max()
            .unwrap_or(0);
        if usize::from(dots) < most_used {
            return Err(ValidationError::with_limit("dots_per_person", Rule::TooMany, most_used));
        }
        self.dots_per_person = dots;
        Ok(())
    }

    /// Drops the votes on an idea that no longer exists.
    pub fn forget_idea(&mut self, idea: ArtefactId) {
        self.votes.retain(|v| v.idea != idea);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn each_person_has_a_limited_number_of_dots() {
        let mut w = DesignState::default();
        let (a, b) = (ArtefactId::new(), ArtefactId::new());
        w.cast_vote("Claire", a).expect("1");
        w.cast_vote("Claire", a).expect("2, stacked");
        w.cast_vote(" claire ", b).expect("3, same person");
        let refused = w.cast_vote("CLAIRE", b).expect_err("no dot left");
        assert_eq!((refused.rule, refused.limit), (Rule::TooMany, Some(3)));
        w.cast_vote("Karim", b).expect("another person");
        assert_eq!((w.votes_for(a), w.votes_for(b)), (2, 2));
        assert_eq!(w.dots_left("Claire"), 0);
        assert!(w.remove_vote("Claire", a));
        assert_eq!(w.dots_left("Claire"), 1);
        assert!(!w.remove_vote("Nobody", a));
    }

    #[test]
    fn a_voter_needs_a_name() {
        let mut w = DesignState::default();
        assert_eq!(
            w.cast_vote("  ", ArtefactId::new()).map_err(|e| e.rule),
            Err(Rule::Required)
        );
    }

    #[test]
    fn dots_cannot_drop_below_what_was_used() {
        let mut w = DesignState::default();
        let idea = ArtefactId::new();
        for _ in 0..3 {
            w.cast_vote("Claire", idea).expect("vote");
        }
        assert!(w.set_dots(2).is_err());
        assert!(w.set_dots(0).is_err());
        assert!(w.set_dots(MAX_DOTS + 1).is_err());
        w.set_dots(5).expect("raise");
        w.forget_idea(idea);
        assert_eq!(w.votes_for(idea), 0);
    }

    proptest! {
        #[test]
        fn nobody_ever_exceeds_their_dots(dots in 1u8..=MAX_DOTS, casts in prop::collection::vec((0usize..4, 0usize..5), 0..60)) {
            let mut w = DesignState::default();
            w.set_dots(dots).expect("valid");
            let voters = ["Ana", "Bo", "ana", "Cy"];
            let ideas: Vec<ArtefactId> = (0..5).map(|_| ArtefactId::new()).collect();
            for (v, i) in casts {
                let _ = w.cast_vote(voters[v], ideas[i]);
            }
            for v in voters {
                let used = w.votes.iter().filter(|x| same_voter(&x.voter, v)).count();
                prop_assert!(used <= usize::from(dots));
            }
            let total: u32 = ideas.iter().map(|i| w.votes_for(*i)).sum();
            prop_assert_eq!(total as usize, w.votes.len());
        }
    }
}
