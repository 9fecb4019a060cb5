//! Every closed set the UI offers to choose from, in display order, from
//! the domain's own lists: a new variant in Rust reaches every select
//! without a hand-kept list in the UI. Exported into the TypeScript
//! bindings as the constant `CHOICES`.

use atelier_core::artefact::{Fidelity, JourneyStage, PilotOutcome};
use atelier_core::brief::{BriefFormat, BriefSection};
use atelier_core::campaign::{MessageChannel, MessagePurpose, MessageStatus};
use atelier_core::evaluation::{CostKind, Instrument, KirkLevel, Timing};
use atelier_core::handoff::{AssetKind, HandoffCriterion};
use atelier_core::it_readiness::{ItArea, ItStatus};
use atelier_core::portfolio::ImpactFilter;
use atelier_core::raci::RaciRole;
use atelier_core::radar::{Adoption, Family, HypeStage, Ring, Verdict};
use atelier_core::roster::SessionMode;
use atelier_core::vendor::{JournalKind, VendorSort, VendorType};
use atelier_core::{
    ArtefactKind, Bucket, ContractStatus, Delivery, Health, Lang, Modality, PersonKind, Phase, SortKey, Status,
    TaskStatus, Theme, WatchStage,
};
use serde::Serialize;

/// The lists, one per set, named as the set's type in snake case.
#[derive(Debug, Clone, Serialize)]
pub struct Choices {
    pub status: Vec<Status>,
    pub health: Vec<Health>,
    pub sort_key: Vec<SortKey>,
    pub impact_filter: Vec<ImpactFilter>,
    pub brief_section: Vec<BriefSection>,
    pub brief_format: Vec<BriefFormat>,
    pub phase: Vec<Phase>,
    pub artefact_kind: Vec<ArtefactKind>,
    pub journey_stage: Vec<JourneyStage>,
    pub fidelity: Vec<Fidelity>,
    pub pilot_outcome: Vec<PilotOutcome>,
    pub task_status: Vec<TaskStatus>,
    pub modality: Vec<Modality>,
    pub bucket: Vec<Bucket>,
    pub delivery: Vec<Delivery>,
    pub vendor_type: Vec<VendorType>,
    pub watch_stage: Vec<WatchStage>,
    /// The kinds a DLM writes (stage changes are written by Atelier).
    pub journal_kind: Vec<JournalKind>,
    pub vendor_sort: Vec<VendorSort>,
    pub contract_status: Vec<ContractStatus>,
    pub ring: Vec<Ring>,
    pub hype_stage: Vec<HypeStage>,
    pub adoption: Vec<Adoption>,
    pub family: Vec<Family>,
    pub verdict: Vec<Verdict>,
    pub person_kind: Vec<PersonKind>,
    pub raci_role: Vec<RaciRole>,
    pub it_area: Vec<ItArea>,
    pub it_status: Vec<ItStatus>,
    pub message_channel: Vec<MessageChannel>,
    pub message_purpose: Vec<MessagePurpose>,
    pub message_status: Vec<MessageStatus>,
    pub kirk_level: Vec<KirkLevel>,
    pub instrument: Vec<Instrument>,
    pub timing: Vec<Timing>,
    pub cost_kind: Vec<CostKind>,
    pub session_mode: Vec<SessionMode>,
    pub asset_kind: Vec<AssetKind>,
    pub handoff_criterion: Vec<HandoffCriterion>,
    pub theme: Vec<Theme>,
    pub lang: Vec<Lang>,
}

/// The lists as the UI shows them.
pub fn choices() -> Choices {
    Choices {
        status: Status::ALL.to_vec(),
        health: Health::ALL.to_vec(),
        sort_key: SortKey::ALL.to_vec(),
        impact_filter: ImpactFilter::ALL.to_vec(),
        brief_section: BriefSection::ALL.to_vec(),
        brief_format: BriefFormat::ALL.to_vec(),
        phase: Phase::ALL.to_vec(),
        artefact_kind: ArtefactKind::ALL.to_vec(),
        journey_stage: JourneyStage::ALL.to_vec(),
        fidelity: Fidelity::ALL.to_vec(),
        pilot_outcome: PilotOutcome::ALL.to_vec(),
        task_status: TaskStatus::ALL.to_vec(),
        modality: Modality::ALL.to_vec(),
        bucket: Bucket::ALL.to_vec(),
        delivery: Delivery::ALL.to_vec(),
        vendor_type: VendorType::ALL.to_vec(),
        watch_stage: WatchStage::ALL.to_vec(),
        journal_kind: JournalKind::ALL
            .into_iter()
            .filter(|k| k.written_by_the_dlm())
            .collect(),
        vendor_sort: VendorSort::ALL.to_vec(),
        contract_status: ContractStatus::ALL.to_vec(),
        ring: Ring::ALL.to_vec(),
        hype_stage: HypeStage::ALL.to_vec(),
        adoption: Adoption::ALL.to_vec(),
        family: Family::ALL.to_vec(),
        verdict: Verdict::ALL.to_vec(),
        person_kind: PersonKind::ALL.to_vec(),
        raci_role: RaciRole::ALL.to_vec(),
        it_area: ItArea::ALL.to_vec(),
        it_status: ItStatus::ALL.to_vec(),
        message_channel: MessageChannel::ALL.to_vec(),
        message_purpose: MessagePurpose::ALL.to_vec(),
        message_status: MessageStatus::ALL.to_vec(),
        kirk_level: KirkLevel::ALL.to_vec(),
        instrument: Instrument::ALL.to_vec(),
        timing: Timing::ALL.to_vec(),
        cost_kind: CostKind::ALL.to_vec(),
        session_mode: SessionMode::ALL.to_vec(),
        asset_kind: AssetKind::ALL.to_vec(),
        handoff_criterion: HandoffCriterion::ALL.to_vec(),
        theme: Theme::ALL.to_vec(),
        lang: Lang::ALL.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dlm_never_chooses_a_stage_change_entry() {
        let kinds = choices().journal_kind;
        assert!(!kinds.contains(&JournalKind::StageChange));
        assert_eq!(kinds.len(), JournalKind::ALL.len() - 1);
    }
}
