use std::path::{Path, PathBuf};

/// Everything that can go wrong below the app layer.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another Atelier (or another process) holds the data directory.
    #[error("the data directory {0} is already in use by another Atelier")]
    Locked(PathBuf),
    /// The database files could not be read as a database.
    #[error("the database in {path} is damaged: {detail}")]
    Damaged { path: PathBuf, detail: String },
    /// The database is open read-only: nothing is written until it can be
    /// opened for writing again.
    #[error("the database is open read-only ({0:?})")]
    ReadOnly(crate::ReadOnlyReason),
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
    /// The disk refused to read or write `path`. A failure inside sled
    /// names the database folder when the store can tell (a flush, an
    /// open); `None` only for a read sled failed in the middle of a list.
    #[error("cannot read or write {}: {source}", path.as_deref().map_or("the database".into(), |p| p.display().to_string()))]
    Io {
        path: Option<PathBuf>,
        source: std::io::Error,
    },
}

impl StoreError {
    /// A failure of the disk about `path`.
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        StoreError::Io {
            path: Some(path.to_path_buf()),
            source,
        }
    }

    /// The error, known to have come from the database in `db`: a failure
    /// sled could not place names that folder, and sled's own complaint
    /// about its files is damage there.
    pub(crate) fn inside(self, db: &Path) -> Self {
        match self {
            StoreError::Io { path: None, source } => StoreError::io(db, source),
            StoreError::Record(detail) => StoreError::Damaged {
                path: db.to_path_buf(),
                detail,
            },
            other => other,
        }
    }
}

/// Names the file an I/O result concerns: `fs::read(&p).at(&p)?`.
pub(crate) trait At<T> {
    fn at(self, path: &Path) -> Result<T, StoreError>;
}

impl<T> At<T> for std::io::Result<T> {
    fn at(self, path: &Path) -> Result<T, StoreError> {
        self.map_err(|e| StoreError::io(path, e))
    }
}

impl<T> At<T> for sled::Result<T> {
    fn at(self, path: &Path) -> Result<T, StoreError> {
        self.map_err(|e| match e {
            sled::Error::Io(source) => StoreError::io(path, source),
            other => other.into(),
        })
    }
}

impl From<sled::Error> for StoreError {
    fn from(e: sled::Error) -> Self {
        match e {
            sled::Error::Io(source) => StoreError::Io { path: None, source },
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
