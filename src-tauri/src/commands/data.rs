//! The data: where it lives, its backups, a backup to a chosen file, and
//! restoring one.

use atelier_app::{BackupView, DataStatus};
use tauri::State;

use super::app;
use crate::error::IpcError;
use crate::files::{ChosenFile, DialogText, FilePicker};
use crate::Backend;

/// The backup the DLM chose to restore, between the check and the
/// confirmation.
pub type PendingRestore = ChosenFile<Backup>;

/// The kind of [`PendingRestore`].
pub struct Backup;

#[tauri::command]
#[specta::specta]
pub fn data_status(state: State<'_, Backend>) -> Result<DataStatus, IpcError> {
    Ok(app(&state)?.data_status()?)
}

/// Opens a save dialog and writes a backup of every record there. `None`
/// when the DLM cancels.
#[tauri::command]
#[specta::specta]
pub async fn back_up_now(
    state: State<'_, Backend>,
    picker: State<'_, FilePicker>,
    dialog: DialogText,
    file_name: String,
) -> Result<Option<BackupView>, IpcError> {
    let Some(path) = picker.save(&dialog, atelier_app::BACKUP_EXTENSION, &file_name) else {
        return Ok(None);
    };
    let view = app(&state)?.back_up_to(&path)?;
    log::info!("backup written ({} records)", view.records);
    Ok(Some(view))
}

/// Opens an open dialog and checks the chosen backup (nothing changes yet):
/// what it holds, for the DLM to confirm. `None` when the DLM cancels.
#[tauri::command]
#[specta::specta]
pub async fn choose_backup(
    picker: State<'_, FilePicker>,
    pending: State<'_, PendingRestore>,
    dialog: DialogText,
) -> Result<Option<BackupView>, IpcError> {
    let Some(path) = picker.open(&dialog, atelier_app::BACKUP_EXTENSION) else {
        return Ok(None);
    };
    let (_, view) = atelier_app::read_backup_file(&path)?;
    pending.keep(path)?;
    Ok(Some(view))
}

/// Restores the chosen backup: the current data is backed up first, then
/// every record is replaced and the database opened again.
#[tauri::command]
#[specta::specta]
pub fn restore_chosen_backup(
    state: State<'_, Backend>,
    pending: State<'_, PendingRestore>,
) -> Result<BackupView, IpcError> {
    let path = pending.take()?;
    let view = app(&state)?.stage_restore(&path)?;
    state.reopen()?;
    log::info!("backup restored ({} records)", view.records);
    Ok(view)
}

/// The latest backup of the data directory, also when its database cannot
/// be opened (the damaged-storage screen offers it).
#[tauri::command]
#[specta::specta]
pub fn latest_backup(state: State<'_, Backend>) -> Result<Option<BackupView>, IpcError> {
    match state.dir() {
        Some(dir) => Ok(atelier_app::latest_backup(dir)?),
        None => Ok(None),
    }
}

/// Replaces a database that cannot be opened with its latest backup (the
/// damaged one is kept aside), then opens it.
#[tauri::command]
#[specta::specta]
pub fn restore_latest_backup(state: State<'_, Backend>) -> Result<BackupView, IpcError> {
    let dir = state
        .dir()
        .ok_or_else(|| IpcError::from(atelier_app::AppError::NotFound))?;
    let view = atelier_app::stage_latest_backup(dir)?;
    state.reopen()?;
    log::info!(
        "damaged database replaced by its latest backup ({} records)",
        view.records
    );
    Ok(view)
}

/// Opens the database, which cannot be opened for writing, read-only, to
/// see what its files still hold (the damaged-storage screen offers it).
#[tauri::command]
#[specta::specta]
pub fn open_read_only(state: State<'_, Backend>) -> Result<(), IpcError> {
    state.open_read_only()
}
