//! The trash: what was deleted, and when, until it is restored or purged.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::project::Project;

/// A project in the trash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct TrashedProject {
    pub project: Project,
    pub trashed_at: DateTime<Utc>,
}
