//! The people directory.

use atelier_app::domain::person::PeopleQuery;
use atelier_app::domain::{Person, PersonDraft, PersonId, SaveOptions, VendorId};
use atelier_app::{Directory, DirectoryFilters, PersonDetail};
use tauri::State;

use super::app;
use crate::error::IpcError;
use crate::Backend;

#[tauri::command]
#[specta::specta]
pub fn list_people(state: State<'_, Backend>, query: PeopleQuery) -> Result<Directory, IpcError> {
    Ok(app(&state)?.list_people(&query)?)
}

#[tauri::command]
#[specta::specta]
pub fn directory_filters(state: State<'_, Backend>) -> Result<DirectoryFilters, IpcError> {
    Ok(app(&state)?.directory_filters())
}

#[tauri::command]
#[specta::specta]
pub fn get_person(state: State<'_, Backend>, id: PersonId) -> Result<PersonDetail, IpcError> {
    Ok(app(&state)?.get_person(id)?)
}

#[tauri::command]
#[specta::specta]
pub fn create_person(state: State<'_, Backend>, draft: PersonDraft, save: SaveOptions) -> Result<Person, IpcError> {
    Ok(app(&state)?.create_person(draft, &save)?)
}

#[tauri::command]
#[specta::specta]
pub fn update_person(
    state: State<'_, Backend>,
    id: PersonId,
    draft: PersonDraft,
    save: SaveOptions,
) -> Result<Person, IpcError> {
    Ok(app(&state)?.update_person(id, draft, &save)?)
}

#[tauri::command]
#[specta::specta]
pub fn delete_person(state: State<'_, Backend>, id: PersonId) -> Result<(), IpcError> {
    Ok(app(&state)?.delete_person(id)?)
}

#[tauri::command]
#[specta::specta]
pub fn replace_person(state: State<'_, Backend>, id: PersonId, by: PersonId) -> Result<u32, IpcError> {
    Ok(app(&state)?.replace_person(id, by)?)
}

#[tauri::command]
#[specta::specta]
pub fn vendor_people(state: State<'_, Backend>, vendor: VendorId) -> Result<Vec<Person>, IpcError> {
    Ok(app(&state)?.vendor_people(vendor)?)
}
