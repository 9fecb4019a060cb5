//! A project's RACI matrix, and the load across projects.

use atelier_app::domain::raci::RaciRole;
use atelier_app::domain::{PersonId, ProjectId};
use atelier_app::{RaciLoadRow, RaciView};
use tauri::State;

use super::app;
use crate::error::IpcError;
use crate::Backend;

#[tauri::command]
#[specta::specta]
pub fn get_raci(state: State<'_, Backend>, project: ProjectId) -> Result<RaciView, IpcError> {
    Ok(app(&state)?.get_raci(project)?)
}

#[tauri::command]
#[specta::specta]
pub fn set_raci_cell(
    state: State<'_, Backend>,
    project: ProjectId,
    row: u32,
    person: PersonId,
    role: Option<RaciRole>,
) -> Result<RaciView, IpcError> {
    Ok(app(&state)?.set_raci_cell(project, row, person, role)?)
}

#[tauri::command]
#[specta::specta]
pub fn add_raci_person(state: State<'_, Backend>, project: ProjectId, person: PersonId) -> Result<RaciView, IpcError> {
    Ok(app(&state)?.add_raci_person(project, person)?)
}

#[tauri::command]
#[specta::specta]
pub fn remove_raci_person(
    state: State<'_, Backend>,
    project: ProjectId,
    person: PersonId,
) -> Result<RaciView, IpcError> {
    Ok(app(&state)?.remove_raci_person(project, person)?)
}

#[tauri::command]
#[specta::specta]
pub fn add_raci_row(state: State<'_, Backend>, project: ProjectId, name: String) -> Result<RaciView, IpcError> {
    Ok(app(&state)?.add_raci_row(project, name)?)
}

#[tauri::command]
#[specta::specta]
pub fn rename_raci_row(
    state: State<'_, Backend>,
    project: ProjectId,
    row: u32,
    name: String,
) -> Result<RaciView, IpcError> {
    Ok(app(&state)?.rename_raci_row(project, row, name)?)
}

#[tauri::command]
#[specta::specta]
pub fn remove_raci_row(state: State<'_, Backend>, project: ProjectId, row: u32) -> Result<RaciView, IpcError> {
    Ok(app(&state)?.remove_raci_row(project, row)?)
}

#[tauri::command]
#[specta::specta]
pub fn raci_load(state: State<'_, Backend>) -> Result<Vec<RaciLoadRow>, IpcError> {
    Ok(app(&state)?.raci_load()?)
}
