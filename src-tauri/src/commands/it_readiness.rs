//! A project's IT readiness checklist.

use atelier_app::domain::it_readiness::{ItArea, ItItemDraft};
use atelier_app::domain::{ProjectId, SaveOptions};
use atelier_app::ItChecklistView;
use tauri::State;

use super::app;
use crate::error::IpcError;
use crate::Backend;

#[tauri::command]
#[specta::specta]
pub fn get_it_checklist(state: State<'_, Backend>, project: ProjectId) -> Result<ItChecklistView, IpcError> {
    Ok(app(&state)?.get_it_checklist(project)?)
}

#[tauri::command]
#[specta::specta]
pub fn update_it_item(
    state: State<'_, Backend>,
    project: ProjectId,
    item: u32,
    draft: ItItemDraft,
    save: SaveOptions,
) -> Result<ItChecklistView, IpcError> {
    Ok(app(&state)?.update_it_item(project, item, draft, &save)?)
}

#[tauri::command]
#[specta::specta]
pub fn add_it_item(
    state: State<'_, Backend>,
    project: ProjectId,
    area: ItArea,
    name: String,
) -> Result<ItChecklistView, IpcError> {
    Ok(app(&state)?.add_it_item(project, area, name)?)
}

#[tauri::command]
#[specta::specta]
pub fn remove_it_item(state: State<'_, Backend>, project: ProjectId, item: u32) -> Result<ItChecklistView, IpcError> {
    Ok(app(&state)?.remove_it_item(project, item)?)
}
