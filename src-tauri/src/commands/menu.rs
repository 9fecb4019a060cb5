//! The application menu's language.

use atelier_app::domain::samples::Lang;
use tauri::State;

use crate::error::IpcError;
use crate::menu::MenuBar;

/// Sets the application menu in the window's language (at start, and when
/// the DLM changes it).
#[tauri::command]
#[specta::specta]
pub fn set_menu_language(menu: State<'_, MenuBar>, lang: Lang) -> Result<(), IpcError> {
    menu.speak(lang)
}
