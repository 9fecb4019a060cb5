//! Portfolio commands.

use atelier_app::domain::portfolio::PortfolioQuery;
use atelier_app::domain::{Lang, Project, ProjectDraft, ProjectId, SaveOptions, Status, TrashedProject};
use atelier_app::{ProjectDetail, ProjectPage, SampleProject, Timeline};
use tauri::State;

use super::app;
use crate::error::IpcError;
use crate::Backend;

#[tauri::command]
#[specta::specta]
pub fn list_projects(state: State<'_, Backend>, query: PortfolioQuery) -> Result<ProjectPage, IpcError> {
    Ok(app(&state)?.list_projects(&query)?)
}

#[tauri::command]
#[specta::specta]
pub fn list_project_tags(state: State<'_, Backend>) -> Result<Vec<String>, IpcError> {
    Ok(app(&state)?.list_project_tags()?)
}

#[tauri::command]
#[specta::specta]
pub fn get_project(state: State<'_, Backend>, id: ProjectId) -> Result<ProjectDetail, IpcError> {
    Ok(app(&state)?.get_project(id)?)
}

#[tauri::command]
#[specta::specta]
pub fn create_project(state: State<'_, Backend>, draft: ProjectDraft, save: SaveOptions) -> Result<Project, IpcError> {
    Ok(app(&state)?.create_project(draft, &save)?)
}

#[tauri::command]
#[specta::specta]
pub fn update_project(
    state: State<'_, Backend>,
    id: ProjectId,
    draft: ProjectDraft,
    save: SaveOptions,
) -> Result<Project, IpcError> {
    Ok(app(&state)?.update_project(id, draft, &save)?)
}

#[tauri::command]
#[specta::specta]
pub fn change_project_status(
    state: State<'_, Backend>,
    id: ProjectId,
    status: Status,
    save: SaveOptions,
) -> Result<ProjectDetail, IpcError> {
    Ok(app(&state)?.change_project_status(id, status, &save)?)
}

#[tauri::command]
#[specta::specta]
pub fn hand_off_project(
    state: State<'_, Backend>,
    id: ProjectId,
    reason: Option<String>,
) -> Result<ProjectDetail, IpcError> {
    Ok(app(&state)?.hand_off_project(id, reason)?)
}

#[tauri::command]
#[specta::specta]
pub fn trash_project(state: State<'_, Backend>, id: ProjectId) -> Result<TrashedProject, IpcError> {
    Ok(app(&state)?.trash_project(id)?)
}

#[tauri::command]
#[specta::specta]
pub fn list_trash(state: State<'_, Backend>) -> Result<Vec<TrashedProject>, IpcError> {
    Ok(app(&state)?.list_trash()?)
}

#[tauri::command]
#[specta::specta]
pub fn restore_project(state: State<'_, Backend>, id: ProjectId) -> Result<Project, IpcError> {
    Ok(app(&state)?.restore_project(id)?)
}

#[tauri::command]
#[specta::specta]
pub fn purge_project(state: State<'_, Backend>, id: ProjectId) -> Result<(), IpcError> {
    Ok(app(&state)?.purge_project(id)?)
}

#[tauri::command]
#[specta::specta]
pub fn load_sample_projects(state: State<'_, Backend>, lang: Lang) -> Result<u32, IpcError> {
    Ok(app(&state)?.load_sample_projects(lang)?)
}

#[tauri::command]
#[specta::specta]
pub fn list_sample_projects(state: State<'_, Backend>) -> Result<Vec<SampleProject>, IpcError> {
    Ok(app(&state)?.list_sample_projects()?)
}

#[tauri::command]
#[specta::specta]
pub fn remove_sample_projects(state: State<'_, Backend>) -> Result<Vec<ProjectId>, IpcError> {
    Ok(app(&state)?.remove_sample_projects()?)
}

#[tauri::command]
#[specta::specta]
pub fn restore_projects(state: State<'_, Backend>, ids: Vec<ProjectId>) -> Result<Vec<Project>, IpcError> {
    Ok(app(&state)?.restore_projects(&ids)?)
}

#[tauri::command]
#[specta::specta]
pub fn portfolio_timeline(state: State<'_, Backend>) -> Result<Timeline, IpcError> {
    Ok(app(&state)?.portfolio_timeline()?)
}
