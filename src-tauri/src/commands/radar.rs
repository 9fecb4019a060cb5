//! Buzz or trend: judgements, themes and the radar.

use atelier_app::domain::radar::Judgement;
use atelier_app::domain::theme::{RadarTheme, RadarThemeDraft};
use atelier_app::domain::{ThemeId, VendorId};
use atelier_app::RadarLabels;
use atelier_app::{RadarView, ThemeRow, VendorDetail};
use tauri::State;

use super::app;
use crate::error::IpcError;
use crate::files::{save_to, DialogText, FilePicker};
use crate::Backend;

#[tauri::command]
#[specta::specta]
pub fn judge_vendor(
    state: State<'_, Backend>,
    id: VendorId,
    judgement: Option<Judgement>,
) -> Result<VendorDetail, IpcError> {
    Ok(app(&state)?.judge_vendor(id, judgement)?)
}

#[tauri::command]
#[specta::specta]
pub fn list_themes(state: State<'_, Backend>) -> Result<Vec<ThemeRow>, IpcError> {
    Ok(app(&state)?.list_themes()?)
}

#[tauri::command]
#[specta::specta]
pub fn create_theme(state: State<'_, Backend>, draft: RadarThemeDraft) -> Result<RadarTheme, IpcError> {
    Ok(app(&state)?.create_theme(draft)?)
}

#[tauri::command]
#[specta::specta]
pub fn update_theme(state: State<'_, Backend>, id: ThemeId, draft: RadarThemeDraft) -> Result<RadarTheme, IpcError> {
    Ok(app(&state)?.update_theme(id, draft)?)
}

#[tauri::command]
#[specta::specta]
pub fn delete_theme(state: State<'_, Backend>, id: ThemeId) -> Result<(), IpcError> {
    Ok(app(&state)?.delete_theme(id)?)
}

#[tauri::command]
#[specta::specta]
pub fn get_radar(state: State<'_, Backend>, labels: RadarLabels) -> Result<RadarView, IpcError> {
    Ok(app(&state)?.radar(&labels)?)
}

/// Opens a save dialog and writes the radar's SVG there. `None` when the
/// DLM cancels; otherwise the path written.
#[tauri::command]
#[specta::specta]
pub async fn save_radar(
    state: State<'_, Backend>,
    picker: State<'_, FilePicker>,
    labels: RadarLabels,
    dialog: DialogText,
    file_name: String,
) -> Result<Option<String>, IpcError> {
    let app = app(&state)?;
    save_to(&picker, &dialog, "svg", &file_name, |path| {
        app.save_radar(&labels, path)
    })
}
