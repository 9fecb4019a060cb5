//! Template and duplication commands.

use atelier_app::domain::{Lang, Project, ProjectId, TemplateId};
use atelier_app::TemplateSummary;
use chrono::NaiveDate;
use tauri::State;

use super::app;
use crate::error::IpcError;
use crate::Backend;

#[tauri::command]
#[specta::specta]
pub fn list_templates(state: State<'_, Backend>, lang: Lang) -> Result<Vec<TemplateSummary>, IpcError> {
    Ok(app(&state)?.list_templates(lang)?)
}

#[tauri::command]
#[specta::specta]
pub fn create_from_template(
    state: State<'_, Backend>,
    template: TemplateId,
    lang: Lang,
    title: String,
    start: NaiveDate,
) -> Result<Project, IpcError> {
    Ok(app(&state)?.create_from_template(template, lang, title, start)?)
}

#[tauri::command]
#[specta::specta]
pub fn save_as_template(
    state: State<'_, Backend>,
    project: ProjectId,
    name: String,
    description: String,
) -> Result<TemplateSummary, IpcError> {
    Ok(app(&state)?.save_as_template(project, name, description)?)
}

#[tauri::command]
#[specta::specta]
pub fn delete_template(state: State<'_, Backend>, id: TemplateId) -> Result<(), IpcError> {
    Ok(app(&state)?.delete_template(id)?)
}

#[tauri::command]
#[specta::specta]
pub fn duplicate_project(state: State<'_, Backend>, project: ProjectId, title: String) -> Result<Project, IpcError> {
    Ok(app(&state)?.duplicate_project(project, title)?)
}
