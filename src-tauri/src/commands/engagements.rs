//! Vendors engaged on projects.

use atelier_app::domain::{EngagementDraft, EngagementId, ProjectId, SaveOptions, VendorId};
use atelier_app::{EngagementRow, ProjectEngagements};
use tauri::State;

use super::app;
use crate::error::IpcError;
use crate::Backend;

#[tauri::command]
#[specta::specta]
pub fn project_engagements(state: State<'_, Backend>, project: ProjectId) -> Result<ProjectEngagements, IpcError> {
    Ok(app(&state)?.project_engagements(project)?)
}

#[tauri::command]
#[specta::specta]
pub fn vendor_engagements(state: State<'_, Backend>, vendor: VendorId) -> Result<Vec<EngagementRow>, IpcError> {
    Ok(app(&state)?.vendor_engagements(vendor)?)
}

#[tauri::command]
#[specta::specta]
pub fn create_engagement(
    state: State<'_, Backend>,
    project: ProjectId,
    draft: EngagementDraft,
    save: SaveOptions,
) -> Result<ProjectEngagements, IpcError> {
    Ok(app(&state)?.create_engagement(project, draft, &save)?)
}

#[tauri::command]
#[specta::specta]
pub fn update_engagement(
    state: State<'_, Backend>,
    project: ProjectId,
    id: EngagementId,
    draft: EngagementDraft,
    save: SaveOptions,
) -> Result<ProjectEngagements, IpcError> {
    Ok(app(&state)?.update_engagement(project, id, draft, &save)?)
}

#[tauri::command]
#[specta::specta]
pub fn delete_engagement(
    state: State<'_, Backend>,
    project: ProjectId,
    id: EngagementId,
) -> Result<ProjectEngagements, IpcError> {
    Ok(app(&state)?.delete_engagement(project, id)?)
}
