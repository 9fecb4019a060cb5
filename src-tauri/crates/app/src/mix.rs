//! The modality mix planner: a project's learning path and its totals.

use atelier_core::mix::{reorder, totals, usual_settings, MixTotals, ModalityDefault};
use atelier_core::{Activity, ActivityDraft, ActivityId, Draft, ProjectId, SaveOptions};
use chrono::Utc;
use serde::Serialize;
use specta::Type;

use crate::{AppError, Atelier, Result};

/// The learning path in order, with its totals and warnings.
#[derive(Debug, Clone, Serialize, Type)]
pub struct LearningPath {
    pub activities: Vec<Activity>,
    pub totals: MixTotals,
    /// Every modality in catalogue order with the bucket and delivery the
    /// form proposes when the DLM picks it.
    pub usual: Vec<ModalityDefault>,
}

impl Atelier {
    /// The project's learning path. `NotFound` when the project is not live.
    pub fn get_learning_path(&self, project: ProjectId) -> Result<LearningPath> {
        self.store.project(project)?;
        let mut activities = self.store.activities(project)?;
        activities.sort_by_key(|a| (a.position, a.created_at));
        let totals = totals(&activities);
        Ok(LearningPath {
            activities,
            totals,
            usual: usual_settings(),
        })
    }

    /// Adds an activity at the end of the path. Refuses a blank title, a
    /// duration of zero or over 200 hours, a negative cost, a 201st activity,
    /// with the fields the form could not read.
    pub fn add_activity(&self, project: ProjectId, draft: ActivityDraft, save: &SaveOptions) -> Result<LearningPath> {
        self.store.project(project)?;
        save.judge(draft.clone().normalized().validate(), Vec::new)?;
        let position = u32::try_from(self.store.activities(project)?.len()).unwrap_or(u32::MAX);
        let activity = Activity::create(project, draft, position, Utc::now())?;
        self.store.put_activities(project, std::slice::from_ref(&activity))?;
        self.get_learning_path(project)
    }

    /// Edits an activity under the same rules.
    pub fn update_activity(
        &self,
        project: ProjectId,
        id: ActivityId,
        draft: ActivityDraft,
        save: &SaveOptions,
    ) -> Result<LearningPath> {
        self.store.project(project)?;
        save.judge(draft.clone().normalized().validate(), Vec::new)?;
        let mut activity = self.activity(project, id)?;
        activity.edit(draft, Utc::now())?;
        self.store.put_activities(project, std::slice::from_ref(&activity))?;
        self.get_learning_path(project)
    }

    /// Moves an activity to `index` in the path.
    pub fn move_activity(&self, project: ProjectId, id: ActivityId, index: u32) -> Result<LearningPath> {
        self.store.project(project)?;
        let changed = reorder(&self.store.activities(project)?, id, index as usize).ok_or(AppError::NotFound)?;
        self.store.put_activities(project, &changed)?;
        self.get_learning_path(project)
    }

    /// Removes an activity; the rest close the gap.
    pub fn delete_activity(&self, project: ProjectId, id: ActivityId) -> Result<LearningPath> {
        self.store.project(project)?;
        let all = self.store.activities(project)?;
        // Moving the doomed activity past the end renumbers the others.
        let renumbered: Vec<Activity> = reorder(&all, id, all.len())
            .ok_or(AppError::NotFound)?
            .into_iter()
            .filter(|a| a.id != id)
            .collect();
        self.store.delete_activity(project, id, &renumbered)?;
        self.get_learning_path(project)
    }

    fn activity(&self, project: ProjectId, id: ActivityId) -> Result<Activity> {
        self.store
            .activities(project)?
            .into_iter()
            .find(|a| a.id == id)
            .ok_or(AppError::NotFound)
    }
}
