//! Vendor watch commands.

use atelier_app::domain::scorecard::{Criterion, Score};
use atelier_app::domain::vendor::{JournalDraft, VendorQuery};
use atelier_app::domain::{JournalEntryId, SaveOptions, Vendor, VendorDraft, VendorId, WatchStage};
use atelier_app::{VendorComparison, VendorDetail, VendorPage};
use chrono::NaiveDate;
use tauri::State;

use super::app;
use crate::error::IpcError;
use crate::Backend;

#[tauri::command]
#[specta::specta]
pub fn list_vendors(state: State<'_, Backend>, query: VendorQuery) -> Result<VendorPage, IpcError> {
    Ok(app(&state)?.list_vendors(&query)?)
}

#[tauri::command]
#[specta::specta]
pub fn get_vendor(state: State<'_, Backend>, id: VendorId) -> Result<VendorDetail, IpcError> {
    Ok(app(&state)?.get_vendor(id)?)
}

#[tauri::command]
#[specta::specta]
pub fn create_vendor(state: State<'_, Backend>, draft: VendorDraft) -> Result<Vendor, IpcError> {
    Ok(app(&state)?.create_vendor(draft)?)
}

#[tauri::command]
#[specta::specta]
pub fn update_vendor(state: State<'_, Backend>, id: VendorId, draft: VendorDraft) -> Result<Vendor, IpcError> {
    Ok(app(&state)?.update_vendor(id, draft)?)
}

#[tauri::command]
#[specta::specta]
pub fn delete_vendor(state: State<'_, Backend>, id: VendorId) -> Result<(), IpcError> {
    Ok(app(&state)?.delete_vendor(id)?)
}

#[tauri::command]
#[specta::specta]
pub fn change_vendor_stage(
    state: State<'_, Backend>,
    id: VendorId,
    stage: WatchStage,
    date: Option<NaiveDate>,
) -> Result<VendorDetail, IpcError> {
    Ok(app(&state)?.change_vendor_stage(id, stage, date)?)
}

#[tauri::command]
#[specta::specta]
pub fn add_journal_entry(
    state: State<'_, Backend>,
    vendor: VendorId,
    draft: JournalDraft,
    save: SaveOptions,
) -> Result<VendorDetail, IpcError> {
    Ok(app(&state)?.add_journal_entry(vendor, draft, &save)?)
}

#[tauri::command]
#[specta::specta]
pub fn update_journal_entry(
    state: State<'_, Backend>,
    vendor: VendorId,
    id: JournalEntryId,
    draft: JournalDraft,
    save: SaveOptions,
) -> Result<VendorDetail, IpcError> {
    Ok(app(&state)?.update_journal_entry(vendor, id, draft, &save)?)
}

#[tauri::command]
#[specta::specta]
pub fn delete_journal_entry(
    state: State<'_, Backend>,
    vendor: VendorId,
    id: JournalEntryId,
) -> Result<VendorDetail, IpcError> {
    Ok(app(&state)?.delete_journal_entry(vendor, id)?)
}

#[tauri::command]
#[specta::specta]
pub fn get_criteria(state: State<'_, Backend>) -> Result<Vec<Criterion>, IpcError> {
    Ok(app(&state)?.get_criteria()?)
}

#[tauri::command]
#[specta::specta]
pub fn set_criteria(state: State<'_, Backend>, criteria: Vec<Criterion>) -> Result<Vec<Criterion>, IpcError> {
    Ok(app(&state)?.set_criteria(criteria)?)
}

#[tauri::command]
#[specta::specta]
pub fn score_vendor(state: State<'_, Backend>, id: VendorId, scores: Vec<Score>) -> Result<VendorDetail, IpcError> {
    Ok(app(&state)?.score_vendor(id, scores)?)
}

#[tauri::command]
#[specta::specta]
pub fn compare_vendors(state: State<'_, Backend>, ids: Vec<VendorId>) -> Result<VendorComparison, IpcError> {
    Ok(app(&state)?.compare_vendors(ids)?)
}
