//! Newtype identifiers. UUID v7 keeps sled keys in creation order.

use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

/// Declares a newtype id over a UUID v7, serialised as its string.
macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A fresh, time-ordered id.
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }

            /// The 16 bytes used in sled keys.
            pub fn as_bytes(&self) -> &[u8; 16] {
                self.0.as_bytes()
            }

            /// Rebuilds an id from key bytes; `None` when they are not 16 bytes.
            pub fn from_slice(bytes: &[u8]) -> Option<Self> {
                Uuid::from_slice(bytes).ok().map(Self)
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// Identifies one training project for its whole life, trash included.
    ProjectId
);
id_type!(
    /// Identifies one short cycle of a project.
    CycleId
);
id_type!(
    /// Identifies one task of a project.
    TaskId
);
id_type!(
    /// Identifies one design artefact (persona, idea, …) of a project.
    ArtefactId
);
id_type!(
    /// Identifies one activity of a project's learning path.
    ActivityId
);
id_type!(
    /// Identifies one project template (built in, or saved by the DLM).
    TemplateId
);
id_type!(
    /// Identifies one provider in the vendor watch.
    VendorId
);
id_type!(
    /// Identifies one dated entry of a vendor's journal.
    JournalEntryId
);
id_type!(
    /// Identifies one engagement of a vendor on a project.
    EngagementId
);
id_type!(
    /// Identifies one modality or technology theme on the radar.
    ThemeId
);
id_type!(
    /// Identifies one person of the directory.
    PersonId
);
id_type!(
    /// Identifies one message of a project's communication campaign.
    MessageId
);
