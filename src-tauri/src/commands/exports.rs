//! Exports: the project brief (what the dialog offers, its preview, the
//! file), the milestones as a calendar, the portfolio report, and the
//! project archive (written, previewed, imported).

use atelier_app::domain::brief::{BriefFormat, BriefSection, ReportFormat};
use atelier_app::domain::PortfolioQuery;
use atelier_app::domain::{Lang, ProjectId};
use atelier_app::{ArchivePreview, BriefView};
use tauri::State;

use super::app;
use crate::error::IpcError;
use crate::files::{save_to, ChosenFile, DialogText, FilePicker};
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

/// Opens a save dialog and writes `project`'s archive there (the project,
/// what hangs from it, the vendors and people it names). `None` when the
/// DLM cancels; otherwise the path written.
#[tauri::command]
#[specta::specta]
pub async fn export_archive(
    state: State<'_, Backend>,
    picker: State<'_, FilePicker>,
    project: ProjectId,
    dialog: DialogText,
    file_name: String,
) -> Result<Option<String>, IpcError> {
    let app = app(&state)?;
    save_to(&picker, &dialog, atelier_app::ARCHIVE_EXTENSION, &file_name, |path| {
        app.export_archive(project, path)
    })
}

/// The archive the DLM chose to import, between the preview and the
/// confirmation.
pub type PendingArchive = ChosenFile<Archive>;

/// The kind of [`PendingArchive`].
pub struct Archive;

/// Opens an open dialog and previews the chosen archive: what it holds and
/// what importing it would create or match; nothing is written. `None`
/// when the DLM cancels.
#[tauri::command]
#[specta::specta]
pub async fn choose_archive(
    state: State<'_, Backend>,
    picker: State<'_, FilePicker>,
    pending: State<'_, PendingArchive>,
    dialog: DialogText,
) -> Result<Option<ArchivePreview>, IpcError> {
    let Some(path) = picker.open(&dialog, atelier_app::ARCHIVE_EXTENSION) else {
        return Ok(None);
    };
    let preview = app(&state)?.preview_archive(&path)?;
    pending.keep(path)?;
    Ok(Some(preview))
}

/// Imports the chosen archive, as a new copy or replacing the DLM's copy
/// of that project; the imported project's id.
#[tauri::command]
#[specta::specta]
pub fn import_chosen_archive(
    state: State<'_, Backend>,
    pending: State<'_, PendingArchive>,
    as_new_copy: bool,
) -> Result<ProjectId, IpcError> {
    let path = pending.take()?;
    Ok(app(&state)?.import_archive(&path, as_new_copy)?)
}
