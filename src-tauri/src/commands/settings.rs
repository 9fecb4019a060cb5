//! Start-up and preferences commands.

use atelier_app::domain::Settings;
use atelier_app::Startup;
use tauri::State;

use super::app;
use crate::error::IpcError;
use crate::folders::{AboutView, Folder, Places};
use crate::Backend;

#[tauri::command]
#[specta::specta]
pub fn startup(state: State<'_, Backend>) -> Result<Startup, IpcError> {
    Ok(app(&state)?.startup()?)
}

#[tauri::command]
#[specta::specta]
pub fn save_settings(state: State<'_, Backend>, settings: Settings) -> Result<Settings, IpcError> {
    Ok(app(&state)?.save_settings(settings)?)
}

/// The window's first screen has drawn (see `started`).
#[tauri::command]
#[specta::specta]
pub fn first_screen_painted() -> Result<(), IpcError> {
    crate::started::painted();
    Ok(())
}

/// What Settings › About shows: the version, the data folder and the log
/// folder of this run.
#[tauri::command]
#[specta::specta]
pub fn about(state: State<'_, Backend>, places: State<'_, Places>) -> Result<AboutView, IpcError> {
    Ok(places.about(state.dir()))
}

/// Opens the data folder or the log folder in the file manager. The page
/// says which; the path is Rust's.
#[tauri::command]
#[specta::specta]
pub fn open_folder(state: State<'_, Backend>, places: State<'_, Places>, folder: Folder) -> Result<(), IpcError> {
    places.open(folder, state.dir())
}
