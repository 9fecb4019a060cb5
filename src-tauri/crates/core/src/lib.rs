//! Atelier's domain: the types a Digital Learning Manager works with, and the
//! rules that keep them sound. Pure code: no storage, no UI, no I/O, so every
//! rule here is cheap to test exhaustively.

// Tests build records "now"; the rules themselves never read the clock
// (see clippy.toml).
#![cfg_attr(test, allow(clippy::disallowed_methods))]

mod choices;

pub mod artefact;
pub mod brief;
pub mod budget;
pub mod builtin_templates;
pub mod campaign;
pub mod caution;
pub mod cycle;
pub mod design;
pub mod directory;
pub mod engagement;
pub mod evaluation;
pub mod handoff;
pub mod ids;
pub mod it_readiness;
pub mod limits;
pub mod lines;
pub mod mix;
pub mod money;
pub mod paging;
pub mod person;
pub mod phase;
pub mod portfolio;
pub mod project;
pub mod raci;
pub mod radar;
pub mod registry;
pub mod roster;
pub mod samples;
pub mod scorecard;
pub mod search;
pub mod settings;
pub mod task;
pub mod template;
pub mod text;
pub mod theme;
pub mod trash;
pub mod validation;
pub mod vendor;

pub use artefact::{Artefact, ArtefactBody};
pub use caution::{Caution, CautionKind, Refusal, SaveOptions};
pub use cycle::{Cycle, CycleDraft, CycleForm};
pub use design::DesignState;
pub use engagement::{ContractStatus, Engagement, EngagementDraft};
pub use ids::{
    ActivityId, ArtefactId, CycleId, EngagementId, JournalEntryId, MessageId, PersonId, ProjectId, TaskId, TemplateId,
    ThemeId, VendorId,
};
pub use mix::{Activity, ActivityDraft, Bucket, Delivery, Modality};
pub use money::Currency;
pub use person::{Person, PersonDraft, PersonKind, PersonRef};
pub use phase::{ArtefactKind, Phase};
pub use portfolio::{PortfolioQuery, SortDirection, SortKey};
pub use project::{Budget, Health, Project, ProjectDraft, Status};
pub use samples::Lang;
pub use settings::{Settings, Theme};
pub use task::{Task, TaskDraft, TaskStatus};
pub use template::{ProjectBundle, Template};
pub use trash::TrashedProject;
pub use validation::{Draft, Rule, ValidationError};
pub use vendor::{Vendor, VendorDraft, WatchStage};
