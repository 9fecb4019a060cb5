use std::path::PathBuf;

use atelier_core::{Caution, Refusal, ValidationError};
use atelier_store::StoreError;

/// Why an operation was refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The input breaks one or more rules; nothing was saved.
    #[error("invalid input: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Validation(Vec<ValidationError>),
    /// The input is sound but unusual: saved once the DLM confirms.
    #[error("asks for confirmation: {}", .0.iter().map(|c| format!("{} {:?}", c.field, c.kind)).collect::<Vec<_>>().join("; "))]
    Unconfirmed(Vec<Caution>),
    /// The record does not exist (or no longer exists where it was asked for).
    #[error("not found")]
    NotFound,
    /// The request contradicts the current state (e.g. samples already loaded).
    #[error("{0}")]
    Conflict(String),
    /// Another Atelier holds the data directory.
    #[error("the data directory {} is already open in another Atelier", .0.display())]
    StorageLocked(PathBuf),
    /// The database cannot be read; restoring a backup is the way out.
    /// `path` is empty when sled could not say where (a read it failed).
    #[error("the database{} is damaged: {detail}", if .path.as_os_str().is_empty() { String::new() } else { format!(" in {}", .path.display()) })]
    StorageDamaged { path: PathBuf, detail: String },
    /// One record cannot be read; it is kept as it is and listed in
    /// Settings › Data.
    #[error("the record {key} of {tree} cannot be read")]
    Unreadable { tree: String, key: String },
    /// The database is open read-only (a full disk, or damaged files the
    /// DLM chose to read): nothing was changed.
    #[error("the database is open read-only ({0:?}); nothing was changed")]
    ReadOnly(crate::ReadOnly),
    /// A newer Atelier wrote this database.
    #[error("this database was written by a newer Atelier (schema {found}, this one reads up to {supported})")]
    StorageNewer { found: u32, supported: u32 },
    /// An imported file cannot be read; nothing was imported.
    #[error("import refused: {0}")]
    Import(atelier_export::vendor_csv::CsvError),
    /// The disk refused a read or a write where no file can be named.
    #[error("{0}")]
    Io(String),
    /// A file chosen to restore is not a backup Atelier can restore;
    /// nothing changed.
    #[error("cannot restore {}: {refusal:?}", .path.display())]
    BackupRefused {
        path: PathBuf,
        refusal: crate::backups::BackupRefusal,
    },
    /// A document could not be made (a typesetting or packaging failure:
    /// a bug, never the DLM's input); nothing was written.
    #[error("the document could not be made: {0}")]
    Export(String),
    /// A file chosen as a project archive cannot be imported; nothing was.
    #[error("cannot import {}: {problem}", .path.display())]
    Archive {
        path: PathBuf,
        problem: atelier_export::archive::ArchiveError,
    },
    /// A file cannot be written or read: one the DLM chose (an export, an
    /// import) or one of Atelier's own (the database folder, a backup).
    #[error("cannot use the file {}: {reason}", .path.display())]
    File { path: PathBuf, reason: String },
}

impl AppError {
    /// The failure to write or read the file at `path`.
    pub fn file(path: &std::path::Path, error: &std::io::Error) -> Self {
        AppError::File {
            path: path.to_path_buf(),
            reason: error.to_string(),
        }
    }
}

impl From<atelier_export::document::pdf::PdfError> for AppError {
    fn from(e: atelier_export::document::pdf::PdfError) -> Self {
        AppError::Export(e.to_string())
    }
}

impl From<atelier_export::document::docx::DocxError> for AppError {
    fn from(e: atelier_export::document::docx::DocxError) -> Self {
        AppError::Export(e.to_string())
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => AppError::NotFound,
            StoreError::Locked(path) => AppError::StorageLocked(path),
            StoreError::Damaged { path, detail } => AppError::StorageDamaged { path, detail },
            StoreError::NewerSchema { found, supported } => AppError::StorageNewer { found, supported },
            StoreError::Unreadable { tree, key } => AppError::Unreadable { tree, key },
            StoreError::ReadOnly(reason) => AppError::ReadOnly(reason.into()),
            StoreError::Record(detail) => AppError::StorageDamaged {
                path: PathBuf::new(),
                detail,
            },
            StoreError::Io {
                path: Some(path),
                source,
            } => AppError::file(&path, &source),
            StoreError::Io { path: None, source } => AppError::Io(source.to_string()),
        }
    }
}

impl From<Vec<ValidationError>> for AppError {
    fn from(errors: Vec<ValidationError>) -> Self {
        AppError::Validation(errors)
    }
}

impl From<Refusal> for AppError {
    fn from(refusal: Refusal) -> Self {
        match refusal {
            Refusal::Invalid(errors) => AppError::Validation(errors),
            Refusal::Unconfirmed(cautions) => AppError::Unconfirmed(cautions),
        }
    }
}

impl From<ValidationError> for AppError {
    fn from(error: ValidationError) -> Self {
        AppError::Validation(vec![error])
    }
}
