//! Modality mix planner commands.

use atelier_app::domain::{ActivityDraft, ActivityId, ProjectId, SaveOptions};
use atelier_app::LearningPath;
use tauri::State;

use super::app;
use crate::error::IpcError;
use crate::Backend;

#[tauri::command]
#[specta::specta]
pub fn get_learning_path(state: State<'_, Backend>, project: ProjectId) -> Result<LearningPath, IpcError> {
    Ok(app(&state)?.get_learning_path(project)?)
}

#[tauri::command]
#[specta::specta]
pub fn add_activity(
    state: State<'_, Backend>,
    project: ProjectId,
    draft: ActivityDraft,
    save: SaveOptions,
) -> Result<LearningPath, IpcError> {
    Ok(app(&state)?.add_activity(project, draft, &save)?)
}

#[tauri::command]
#[specta::specta]
pub fn update_activity(
    state: State<'_, Backend>,
    project: ProjectId,
    id: ActivityId,
    draft: ActivityDraft,
    save: SaveOptions,
) -> Result<LearningPath, IpcError> {
    Ok(app(&state)?.update_activity(project, id, draft, &save)?)
}

#[tauri::command]
#[specta::specta]
pub fn move_activity(
    state: State<'_, Backend>,
    project: ProjectId,
    id: ActivityId,
    index: u32,
) -> Result<LearningPath, IpcError> {
    Ok(app(&state)?.move_activity(project, id, index)?)
}

#[tauri::command]
#[specta::specta]
pub fn delete_activity(
    state: State<'_, Backend>,
    project: ProjectId,
    id: ActivityId,
) -> Result<LearningPath, IpcError> {
    Ok(app(&state)?.delete_activity(project, id)?)
}
