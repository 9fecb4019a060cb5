//! Start-up and preferences commands.

use atelier_app::domain::Settings;
use atelier_app::Startup;
use tauri::State;

use super::app;
use crate::error::IpcError;
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
