//! A project's hand-off package and its readiness score.

use atelier_app::domain::handoff::{AssetDraft, HandoffDraft, RiskDraft, Weight};
use atelier_app::domain::{ProjectId, SaveOptions};
use atelier_app::HandoffView;
use tauri::State;

use super::app;
use crate::error::IpcError;
use crate::Backend;

#[tauri::command]
#[specta::specta]
pub fn get_handoff(state: State<'_, Backend>, project: ProjectId) -> Result<HandoffView, IpcError> {
    Ok(app(&state)?.get_handoff(project)?)
}

#[tauri::command]
#[specta::specta]
pub fn save_handoff(
    state: State<'_, Backend>,
    project: ProjectId,
    draft: HandoffDraft,
    save: SaveOptions,
) -> Result<HandoffView, IpcError> {
    Ok(app(&state)?.save_handoff(project, draft, &save)?)
}

#[tauri::command]
#[specta::specta]
pub fn save_asset(
    state: State<'_, Backend>,
    project: ProjectId,
    id: Option<u32>,
    draft: AssetDraft,
    save: SaveOptions,
) -> Result<HandoffView, IpcError> {
    Ok(app(&state)?.save_asset(project, id, draft, &save)?)
}

#[tauri::command]
#[specta::specta]
pub fn remove_asset(state: State<'_, Backend>, project: ProjectId, id: u32) -> Result<HandoffView, IpcError> {
    Ok(app(&state)?.remove_asset(project, id)?)
}

#[tauri::command]
#[specta::specta]
pub fn save_risk(
    state: State<'_, Backend>,
    project: ProjectId,
    id: Option<u32>,
    draft: RiskDraft,
    save: SaveOptions,
) -> Result<HandoffView, IpcError> {
    Ok(app(&state)?.save_risk(project, id, draft, &save)?)
}

#[tauri::command]
#[specta::specta]
pub fn remove_risk(state: State<'_, Backend>, project: ProjectId, id: u32) -> Result<HandoffView, IpcError> {
    Ok(app(&state)?.remove_risk(project, id)?)
}

#[tauri::command]
#[specta::specta]
pub fn set_handoff_weights(
    state: State<'_, Backend>,
    project: ProjectId,
    weights: Vec<Weight>,
    threshold: u32,
    save: SaveOptions,
) -> Result<HandoffView, IpcError> {
    Ok(app(&state)?.set_handoff_weights(project, weights, threshold, &save)?)
}
