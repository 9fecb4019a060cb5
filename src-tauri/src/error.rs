//! The one error type that crosses the IPC boundary. The UI narrows on
//! `code` and translates it; `message` is English for logs, never shown
//! as-is and never matched.

use atelier_app::domain::{Caution, ValidationError};
use atelier_app::AppError;
use atelier_app::{ArchiveError, CsvError};
use serde::Serialize;
use specta::Type;

/// The closed set of error kinds the UI handles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    Validation,
    /// The input is sound but unusual: `cautions` says what to confirm;
    /// the same call with `confirmed` saves it.
    Confirm,
    NotFound,
    Conflict,
    StorageLocked,
    StorageDamaged,
    StorageNewer,
    /// The database is open read-only (a full disk, or damaged files the
    /// DLM chose to read); nothing was changed.
    ReadOnly,
    /// One record cannot be read; `path` names its tree and key.
    Unreadable,
    /// A file chosen to restore is not a backup Atelier can restore;
    /// `backup` says why, `path` names it.
    Backup,
    /// An imported file was refused; `import` says where and why.
    Import,
    /// A document could not be made (typesetting or packaging failed).
    Export,
    /// A file is not a project archive that can be imported; nothing was.
    Archive,
    Io,
}

/// `{ code, message, field?, issues, path? }`: `field` names the first
/// field at fault, `issues` lists every one, `path` the data directory for
/// storage errors or the file an export or import could not use.
#[derive(Debug, Clone, Serialize, Type)]
pub struct IpcError {
    pub code: ErrorCode,
    /// Boxed, as `field`: every command's `Result` carries this type, so
    /// it is kept small.
    pub message: Box<str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<Box<str>>,
    pub issues: Vec<ValidationError>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// For `confirm`: what the DLM is asked to confirm (boxed: most errors
    /// carry none, and every command's `Result` carries this type).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cautions: Option<Box<Vec<Caution>>>,
    /// For `backup`: why the file cannot be restored.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup: Option<atelier_app::BackupRefusal>,
    /// For `import`: the line, column and problem that refused the file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub import: Option<Box<CsvError>>,
    /// For `archive`: why the file cannot be imported.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub archive: Option<Box<ArchiveError>>,
}

impl IpcError {
    /// A failure of the shell itself (no operation of the app refused
    /// anything): reported as `io`, with `message` for the logs.
    pub fn internal(message: &str) -> Self {
        AppError::Io(message.to_owned()).into()
    }

    /// What the shell holds while the database is being opened or
    /// reopened: like [`IpcError::internal`], but not a failure, so not
    /// logged.
    pub(crate) fn placeholder(message: &str) -> Self {
        IpcError::of(AppError::Io(message.to_owned()))
    }
}

impl From<AppError> for IpcError {
    /// The error for the page, noted in the log by its code.
    fn from(e: AppError) -> Self {
        let error = IpcError::of(e);
        crate::logging::failure(error.code);
        error
    }
}

impl IpcError {
    /// The error for the page, as `AppError` describes it.
    fn of(e: AppError) -> Self {
        let message: Box<str> = e.to_string().into();
        let plain = |code| IpcError {
            code,
            message: message.clone(),
            field: None,
            issues: Vec::new(),
            path: None,
            cautions: None,
            backup: None,
            import: None,
            archive: None,
        };
        match e {
            AppError::Validation(issues) => IpcError {
                field: issues.first().map(|i| i.field.as_str().into()),
                issues,
                ..plain(ErrorCode::Validation)
            },
            AppError::Unconfirmed(cautions) => IpcError {
                field: cautions.first().map(|c| c.field.as_str().into()),
                cautions: Some(Box::new(cautions)),
                ..plain(ErrorCode::Confirm)
            },
            AppError::NotFound => plain(ErrorCode::NotFound),
            AppError::Conflict(_) => plain(ErrorCode::Conflict),
            AppError::StorageLocked(path) => IpcError {
                path: Some(path.display().to_string()),
                ..plain(ErrorCode::StorageLocked)
            },
            AppError::StorageDamaged { path, .. } => IpcError {
                path: (!path.as_os_str().is_empty()).then(|| path.display().to_string()),
                ..plain(ErrorCode::StorageDamaged)
            },
            AppError::StorageNewer { .. } => plain(ErrorCode::StorageNewer),
            AppError::ReadOnly(_) => plain(ErrorCode::ReadOnly),
            AppError::Unreadable { tree, key } => IpcError {
                path: Some(format!("{tree}/{key}")),
                ..plain(ErrorCode::Unreadable)
            },
            AppError::Import(problem) => IpcError {
                import: Some(Box::new(problem)),
                ..plain(ErrorCode::Import)
            },
            AppError::BackupRefused { path, refusal } => IpcError {
                path: Some(path.display().to_string()),
                backup: Some(refusal),
                ..plain(ErrorCode::Backup)
            },
            AppError::Export(_) => plain(ErrorCode::Export),
            AppError::Archive { path, problem } => IpcError {
                path: Some(path.display().to_string()),
                archive: Some(Box::new(problem)),
                ..plain(ErrorCode::Archive)
            },
            AppError::Io(_) => plain(ErrorCode::Io),
            AppError::File { path, .. } => IpcError {
                path: Some(path.display().to_string()),
                ..plain(ErrorCode::Io)
            },
        }
    }
}
