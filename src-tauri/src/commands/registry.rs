//! The vendor registry as a CSV file, out and back in.

use atelier_app::ImportSummary;
use atelier_app::{CsvDialect, ValueNames};
use serde::Serialize;
use specta::Type;
use tauri::State;

use super::app;
use crate::error::IpcError;
use crate::files::{DialogText, FilePicker};
use crate::Backend;

/// Where the registry was written, and how many vendors it holds.
#[derive(Debug, Clone, Serialize, Type)]
pub struct ExportDone {
    pub path: String,
    pub count: u32,
}

/// Opens a save dialog and writes the registry there. `None` when the DLM cancels.
#[tauri::command]
#[specta::specta]
pub async fn export_vendors_csv(
    state: State<'_, Backend>,
    picker: State<'_, FilePicker>,
    dialect: CsvDialect,
    dialog: DialogText,
    file_name: String,
) -> Result<Option<ExportDone>, IpcError> {
    let app = app(&state)?;
    let Some(path) = picker.save(&dialog, "csv", &file_name) else {
        return Ok(None);
    };
    let count = app.export_vendors_csv(dialect, &path)?;
    Ok(Some(ExportDone {
        path: path.display().to_string(),
        count,
    }))
}

/// Opens a file dialog and imports the chosen registry file, all or
/// nothing. `None` when the DLM cancels.
#[tauri::command]
#[specta::specta]
pub async fn import_vendors_csv(
    state: State<'_, Backend>,
    picker: State<'_, FilePicker>,
    dialog: DialogText,
    names: ValueNames,
) -> Result<Option<ImportSummary>, IpcError> {
    let app = app(&state)?;
    let Some(path) = picker.open(&dialog, "csv") else {
        return Ok(None);
    };
    Ok(Some(app.import_vendors_csv(&path, &names)?))
}
