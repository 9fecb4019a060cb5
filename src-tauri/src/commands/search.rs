//! The global search.

use atelier_app::domain::search::{SearchQuery, SearchResults};
use tauri::State;

use super::app;
use crate::error::IpcError;
use crate::Backend;

#[tauri::command]
#[specta::specta]
pub fn search(state: State<'_, Backend>, query: SearchQuery) -> Result<SearchResults, IpcError> {
    Ok(app(&state)?.search(&query)?)
}
