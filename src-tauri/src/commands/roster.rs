//! A program's occasional trainers and sessions.

use atelier_app::domain::roster::{SessionDraft, TrainerDraft};
use atelier_app::domain::{PersonId, ProjectId, SaveOptions};
use atelier_app::RosterView;
use tauri::State;

use super::app;
use crate::error::IpcError;
use crate::Backend;

#[tauri::command]
#[specta::specta]
pub fn get_roster(state: State<'_, Backend>, project: ProjectId) -> Result<RosterView, IpcError> {
    Ok(app(&state)?.get_roster(project)?)
}

#[tauri::command]
#[specta::specta]
pub fn add_trainer(state: State<'_, Backend>, project: ProjectId, person: PersonId) -> Result<RosterView, IpcError> {
    Ok(app(&state)?.add_trainer(project, person)?)
}

#[tauri::command]
#[specta::specta]
pub fn set_trainer(
    state: State<'_, Backend>,
    project: ProjectId,
    person: PersonId,
    draft: TrainerDraft,
    save: SaveOptions,
) -> Result<RosterView, IpcError> {
    Ok(app(&state)?.set_trainer(project, person, draft, &save)?)
}

#[tauri::command]
#[specta::specta]
pub fn remove_trainer(state: State<'_, Backend>, project: ProjectId, person: PersonId) -> Result<RosterView, IpcError> {
    Ok(app(&state)?.remove_trainer(project, person)?)
}

#[tauri::command]
#[specta::specta]
pub fn save_session(
    state: State<'_, Backend>,
    project: ProjectId,
    id: Option<u32>,
    draft: SessionDraft,
    save: SaveOptions,
) -> Result<RosterView, IpcError> {
    Ok(app(&state)?.save_session(project, id, draft, &save)?)
}

#[tauri::command]
#[specta::specta]
pub fn remove_session(state: State<'_, Backend>, project: ProjectId, id: u32) -> Result<RosterView, IpcError> {
    Ok(app(&state)?.remove_session(project, id)?)
}

#[tauri::command]
#[specta::specta]
pub fn set_max_per_month(state: State<'_, Backend>, project: ProjectId, max: u32) -> Result<RosterView, IpcError> {
    Ok(app(&state)?.set_max_per_month(project, max)?)
}
