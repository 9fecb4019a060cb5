use std::path::PathBuf;

/// Everything that can go wrong below the app layer.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another Atelier (or another process) holds the data directory.
    #[error("the data directory {0} is already in use by another Atelier")]
    Locked(PathBuf),
    /// The database files could not be read as a database.
    #[error("the database in {path} is damaged: {detail}")]
    Damaged { path: PathBuf, detail: String },
    /// The database was written by a newer Atelier than this one.
    #[error("the database uses schema {found}; this Atelier understands up to {supported}")]
    NewerSchema { found: u32, supported: u32 },
    /// The record asked for does not exist (or is not where it was looked for).
    #[error("not found")]
    NotFound,
    /// One stored record cannot be read (it is noted, and kept as it is).
    #[error("the record {key} of {tree} cannot be read")]
    Unreadable { tree: String, key: String },
    /// A stored record could not be decoded.
    #[error("a stored record could not be read: {0}")]
    Record(String),
    #[error("input/output error: {0}")]
    Io(#[from] std::io::Error),
}

impl From<sled::Error> for StoreError {
    fn from(e: sled::Error) -> Self {
        match e {
            sled::Error::Io(io) => StoreError::Io(io),
            other => StoreError::Record(other.to_string()),
        }
    }
}

impl From<sled::transaction::TransactionError<StoreError>> for StoreError {
    fn from(e: sled::transaction::TransactionError<StoreError>) -> Self {
        match e {
            sled::transaction::TransactionError::Abort(inner) => inner,
            sled::transaction::TransactionError::Storage(e) => e.into(),
        }
    }
}
