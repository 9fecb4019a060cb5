//! Exports: the project brief (what the dialog offers, its preview, the
//! file), the milestones as a calendar, and the portfolio report.

use atelier_app::domain::brief::{BriefFormat, BriefSection, ReportFormat};
use atelier_app::domain::PortfolioQuery;
use atelier_app::domain::{Lang, ProjectId};
use atelier_app::BriefView;
use tauri::State;

use super::app;
use crate::error::IpcError;
use crate::files::{save_to, DialogText, FilePicker};
use crate::Backend;

#[tauri::command]
#[specta::specta]
pub fn get_brief(state: State<'_, Backend>, project: ProjectId) -> Result<BriefView, IpcError> {
    Ok(app(&state)?.get_brief(project)?)
}

#[tauri::command]
#[specta::specta]
pub fn preview_brief(
    state: State<'_, Backend>,
    project: ProjectId,
    sections: Vec<BriefSection>,
    lang: Lang,
) -> Result<BriefView, IpcError> {
    Ok(app(&state)?.preview_brief(project, sections, lang)?)
}

/// Opens a save dialog and writes the brief there, in `format` and
/// `lang`, with `sections`; the choice is remembered. `None` when the DLM
/// cancels; otherwise the path written.
#[tauri::command]
#[specta::specta]
#[allow(clippy::too_many_arguments)]
pub async fn export_brief(
    state: State<'_, Backend>,
    picker: State<'_, FilePicker>,
    project: ProjectId,
    format: BriefFormat,
    sections: Vec<BriefSection>,
    lang: Lang,
    dialog: DialogText,
    file_name: String,
) -> Result<Option<String>, IpcError> {
    let app = app(&state)?;
    save_to(&picker, &dialog, format.extension(), &file_name, |path| {
        app.export_brief(project, format, sections, lang, path)
    })
}

/// Opens a save dialog and writes the milestones of `project` (the whole
/// portfolio's when `None`) as an iCalendar file in `lang`. `None` when
/// the DLM cancels; otherwise the path written.
#[tauri::command]
#[specta::specta]
pub async fn export_milestones(
    state: State<'_, Backend>,
    picker: State<'_, FilePicker>,
    project: Option<ProjectId>,
    lang: Lang,
    dialog: DialogText,
    file_name: String,
) -> Result<Option<String>, IpcError> {
    let app = app(&state)?;
    save_to(&picker, &dialog, "ics", &file_name, |path| {
        app.export_milestones(project, lang, path)
    })
}

/// Opens a save dialog and writes the report of the projects `query`
/// keeps, as `format`, in `lang`; `filters` says in words which filters
/// chose them. `None` when the DLM cancels; otherwise the path written.
#[tauri::command]
#[specta::specta]
#[allow(clippy::too_many_arguments)]
pub async fn export_portfolio_report(
    state: State<'_, Backend>,
    picker: State<'_, FilePicker>,
    query: PortfolioQuery,
    format: ReportFormat,
    lang: Lang,
    filters: Option<String>,
    dialog: DialogText,
    file_name: String,
) -> Result<Option<String>, IpcError> {
    let app = app(&state)?;
    save_to(&picker, &dialog, format.extension(), &file_name, |path| {
        app.export_portfolio_report(&query, format, lang, filters.as_deref(), path)
    })
}
