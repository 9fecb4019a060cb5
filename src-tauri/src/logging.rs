//! Atelier's log: what it did, for the DLM to send with a problem report.
//! A few files of about 1 MB in the OS log folder (`~/.local/share/
//! app.atelier.desktop/logs` on Linux, `atelier.log` and its older dated
//! copies), written by `tauri-plugin-log`.
//!
//! At info level it says what happened and how long it took — started,
//! database opened in N ms, backup written, restored, the window placed —
//! and errors by their code: never a project's, vendor's or person's name,
//! never a path or anything the DLM typed. Other crates only reach the log
//! from warning up.

use std::path::PathBuf;
use std::time::Duration;

use atelier_app::Atelier;
use log::{Level, LevelFilter};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_log::{RotationStrategy, Target, TargetKind};

use crate::error::{ErrorCode, IpcError};

/// The log file's name (`atelier.log`, older ones `atelier_<date>.log`).
pub const FILE_NAME: &str = "atelier";
/// A file is set aside once it would grow past this many bytes.
pub const MAX_FILE_BYTES: u128 = 1_000_000;
/// How many files set aside are kept beside the current one: at most
/// about 5 MB of log in all.
pub const KEPT_FILES: usize = 4;

/// Starts the log in the OS log folder and returns that folder, or `None`
/// when it cannot be named or written: Atelier then runs without a log
/// rather than not at all.
pub fn start<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    let dir = match app.path().app_log_dir() {
        Ok(dir) => dir,
        Err(e) => {
            eprintln!("Atelier: no log folder ({e})");
            return None;
        }
    };
    let mut targets = vec![Target::new(TargetKind::LogDir {
        file_name: Some(FILE_NAME.into()),
    })];
    if cfg!(debug_assertions) {
        targets.push(Target::new(TargetKind::Stderr));
    }
    let builder = tauri_plugin_log::Builder::new()
        .targets(targets)
        .max_file_size(MAX_FILE_BYTES)
        .rotation_strategy(RotationStrategy::KeepSome(KEPT_FILES))
        .level(LevelFilter::Warn)
        .level_for(env!("CARGO_CRATE_NAME"), LevelFilter::Info);
    // `split` gives the logger without registering the plugin's command:
    // the web view does not write to the log, and a log folder that cannot
    // be written must not keep Atelier from starting (the plugin's own
    // setup would fail the start).
    let attached = builder
        .split(app)
        .map_err(|e| e.to_string())
        .and_then(|(_, level, logger)| tauri_plugin_log::attach_logger(level, logger).map_err(|e| e.to_string()));
    match attached {
        Ok(()) => {
            note_panics();
            let info = app.package_info();
            log::info!(
                "Atelier {} started ({} {})",
                info.version,
                std::env::consts::OS,
                std::env::consts::ARCH
            );
            Some(dir)
        }
        Err(e) => {
            eprintln!("Atelier: no log file ({e})");
            None
        }
    }
}

/// Notes a panic's place in the code in the log (not its message, which
/// may quote data), then lets the usual report run.
fn note_panics() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |panic| {
        match panic.location() {
            Some(at) => log::error!("panic at {}:{}", at.file(), at.line()),
            None => log::error!("panic"),
        }
        previous(panic);
    }));
}

/// Says how opening the database went, and how long it took.
pub fn opened(result: &Result<Atelier, IpcError>, took: Duration) {
    match result {
        Ok(app) => {
            match app.read_only() {
                None => log::info!("database opened in {} ms", took.as_millis()),
                Some(why) => log::warn!(
                    "database opened read-only ({}) in {} ms",
                    code_name(&why),
                    took.as_millis()
                ),
            }
            if app.daily_backup_failed() {
                log::warn!("today's automatic backup could not be written");
            }
        }
        Err(e) => log::warn!("database could not be opened: {}", code_name(&e.code)),
    }
}

/// Notes a refused call by its code alone: its message may name a file
/// or quote what was typed. What a DLM meets in the normal course of
/// things (a rule broken, a question to confirm) stays out of the log at
/// info level; a file refused is noted; a failure of the disk, the
/// database or the shell is a warning.
pub fn failure(code: ErrorCode) {
    let level = match code {
        ErrorCode::Validation | ErrorCode::Confirm | ErrorCode::NotFound | ErrorCode::Conflict => Level::Debug,
        ErrorCode::Backup | ErrorCode::Import | ErrorCode::Archive => Level::Info,
        ErrorCode::StorageLocked
        | ErrorCode::StorageDamaged
        | ErrorCode::StorageNewer
        | ErrorCode::ReadOnly
        | ErrorCode::Unreadable
        | ErrorCode::Export
        | ErrorCode::Io => Level::Warn,
    };
    log::log!(level, "refused: {}", code_name(&code));
}

/// The name a closed set goes by across IPC (`storage_locked`).
fn code_name(value: &impl serde::Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => "unknown".to_owned(),
    }
}
