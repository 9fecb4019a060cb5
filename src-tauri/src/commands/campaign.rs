//! A project's communication campaign.

use atelier_app::domain::campaign::MessageDraft;
use atelier_app::domain::{MessageId, ProjectId, SaveOptions};
use atelier_app::CampaignView;
use tauri::State;

use super::app;
use crate::error::IpcError;
use crate::Backend;

#[tauri::command]
#[specta::specta]
pub fn get_campaign(state: State<'_, Backend>, project: ProjectId) -> Result<CampaignView, IpcError> {
    Ok(app(&state)?.get_campaign(project)?)
}

#[tauri::command]
#[specta::specta]
pub fn create_message(
    state: State<'_, Backend>,
    project: ProjectId,
    draft: MessageDraft,
    save: SaveOptions,
) -> Result<CampaignView, IpcError> {
    Ok(app(&state)?.create_message(project, draft, &save)?)
}

#[tauri::command]
#[specta::specta]
pub fn update_message(
    state: State<'_, Backend>,
    project: ProjectId,
    id: MessageId,
    draft: MessageDraft,
    save: SaveOptions,
) -> Result<CampaignView, IpcError> {
    Ok(app(&state)?.update_message(project, id, draft, &save)?)
}

#[tauri::command]
#[specta::specta]
pub fn delete_message(state: State<'_, Backend>, project: ProjectId, id: MessageId) -> Result<CampaignView, IpcError> {
    Ok(app(&state)?.delete_message(project, id)?)
}
