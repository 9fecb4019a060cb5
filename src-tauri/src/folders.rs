//! The folders Settings › About shows and opens in the file manager: the
//! data folder and the log folder. The page names a folder by what it is
//! ([`Folder`]), never by a path: the paths are Rust's.
//!
//! The end-to-end tests cannot see a file manager open; built with the
//! `e2e` feature and launched with `ATELIER_E2E_FILES` set, opening a
//! folder writes its path to `<that folder>/opened-folder.txt` instead.
//! Every other step (the command, the checks, the error) is the DLM's.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::IpcError;

/// A folder the DLM can open from Settings › About.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Folder {
    /// Where the database and its backups live.
    Data,
    /// Where the log files are written.
    Logs,
}

impl Folder {
    /// How the log calls it.
    fn name(self) -> &'static str {
        match self {
            Folder::Data => "data",
            Folder::Logs => "log",
        }
    }
}

/// What Settings › About shows.
#[derive(Debug, Clone, Serialize, Type)]
pub struct AboutView {
    /// Atelier's version, e.g. "0.1.0".
    pub version: String,
    /// The data folder of this run (`ATELIER_DATA_DIR` or the OS one),
    /// when one could be named.
    pub data_dir: Option<String>,
    /// The folder of the log files, when the log could be started.
    pub log_dir: Option<String>,
}

/// What the shell learns as the window starts: the version and the log
/// folder, and how a folder is opened.
pub struct Places {
    version: String,
    log_dir: Option<PathBuf>,
    opener: FolderOpener,
}

/// How a folder is opened.
pub enum FolderOpener {
    /// In the system's file manager.
    System,
    /// Written down in this file (end-to-end tests, the shell's tests).
    #[cfg_attr(not(any(test, feature = "e2e")), allow(dead_code))]
    Record(PathBuf),
}

/// Where [`FolderOpener::Record`] writes, inside the e2e files folder.
#[cfg_attr(not(any(test, feature = "e2e")), allow(dead_code))]
pub const RECORD_FILE: &str = "opened-folder.txt";

impl Places {
    pub fn new(version: String, log_dir: Option<PathBuf>, opener: FolderOpener) -> Self {
        Places {
            version,
            log_dir,
            opener,
        }
    }

    /// The opener for a real run: written down when an e2e build is told
    /// to use a folder for files, the file manager otherwise.
    pub fn opener_for_run() -> FolderOpener {
        #[cfg(feature = "e2e")]
        if let Some(dir) = std::env::var_os("ATELIER_E2E_FILES") {
            return FolderOpener::Record(PathBuf::from(dir).join(RECORD_FILE));
        }
        FolderOpener::System
    }

    /// The facts for Settings › About, with the data folder `data_dir`.
    pub fn about(&self, data_dir: Option<&Path>) -> AboutView {
        AboutView {
            version: self.version.clone(),
            data_dir: data_dir.map(|d| d.display().to_string()),
            log_dir: self.log_dir.as_ref().map(|d| d.display().to_string()),
        }
    }

    /// Opens `folder` (at `data_dir` for the data) in the file manager.
    /// Refused as `io`, naming the folder, when it is not there or cannot
    /// be opened; as `io` without a path when it could not be named.
    pub fn open(&self, folder: Folder, data_dir: Option<&Path>) -> Result<(), IpcError> {
        let path = match folder {
            Folder::Data => data_dir,
            Folder::Logs => self.log_dir.as_deref(),
        };
        let Some(path) = path else {
            log::warn!("the {} folder has no known place", folder.name());
            return Err(IpcError::internal("this folder could not be named"));
        };
        let opened = if path.is_dir() {
            match &self.opener {
                FolderOpener::System => tauri_plugin_opener::open_path(path, None::<&str>).map_err(|e| match e {
                    tauri_plugin_opener::Error::Io(e) => e,
                    other => std::io::Error::other(other.to_string()),
                }),
                FolderOpener::Record(file) => std::fs::write(file, path.display().to_string()),
            }
        } else {
            Err(std::io::Error::from(std::io::ErrorKind::NotFound))
        };
        match opened {
            Ok(()) => {
                log::info!("the {} folder was opened", folder.name());
                Ok(())
            }
            Err(e) => {
                log::warn!("the {} folder could not be opened ({:?})", folder.name(), e.kind());
                Err(atelier_app::AppError::file(path, &e).into())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;
    use tauri::test::mock_builder;

    use super::*;
    use crate::tests::invoke;
    use crate::{with_commands, Backend};

    /// The page asks for the facts and names a folder by what it is; a
    /// path it sends is not a folder.
    #[test]
    #[expect(
        clippy::disallowed_methods,
        reason = "Tauri's generated context, which the macro may end with an exit"
    )]
    fn about_and_open_folder_answer_through_ipc() {
        let data = tempfile::tempdir().expect("temp dir");
        let files = tempfile::tempdir().expect("temp dir");
        let record = files.path().join(RECORD_FILE);
        let atelier = atelier_app::Atelier::open(data.path()).expect("opens");
        let app = with_commands(mock_builder(), Backend::ready(atelier))
            .manage(Places::new(
                "0.1.0".into(),
                Some(files.path().to_path_buf()),
                FolderOpener::Record(record.clone()),
            ))
            .build(tauri::generate_context!())
            .expect("builds");
        let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .expect("window");

        let about = invoke(&webview, "about", json!({})).expect("about answers");
        assert_eq!(about["version"], "0.1.0");
        assert_eq!(about["data_dir"], data.path().display().to_string());
        assert_eq!(about["log_dir"], files.path().display().to_string());

        invoke(&webview, "open_folder", json!({ "folder": "data" })).expect("opens the data folder");
        assert_eq!(
            std::fs::read_to_string(&record).expect("recorded"),
            data.path().display().to_string()
        );
        invoke(&webview, "open_folder", json!({ "folder": "/etc" })).expect_err("a path is not a folder");
    }

    #[test]
    fn a_folder_is_opened_by_what_it_is_and_refused_when_it_is_gone() {
        let data = tempfile::tempdir().expect("temp dir");
        let logs = tempfile::tempdir().expect("temp dir");
        let files = tempfile::tempdir().expect("temp dir");
        let record = files.path().join(RECORD_FILE);
        let places = Places::new(
            "1.2.3".into(),
            Some(logs.path().join("logs")),
            FolderOpener::Record(record.clone()),
        );

        places
            .open(Folder::Data, Some(data.path()))
            .expect("opens the data folder");
        assert_eq!(
            std::fs::read_to_string(&record).expect("recorded"),
            data.path().display().to_string()
        );

        // The log folder was never made (or was removed since).
        let refused = places.open(Folder::Logs, Some(data.path())).expect_err("not there");
        assert_eq!(refused.code, crate::ErrorCode::Io);
        assert_eq!(
            refused.path.as_deref(),
            Some(logs.path().join("logs").display().to_string().as_str())
        );
        std::fs::create_dir(logs.path().join("logs")).expect("makes it");
        places
            .open(Folder::Logs, Some(data.path()))
            .expect("opens the log folder");
        assert!(std::fs::read_to_string(&record).expect("recorded").ends_with("logs"));

        // No data folder could be named.
        let unnamed = places.open(Folder::Data, None).expect_err("no folder");
        assert_eq!((unnamed.code, unnamed.path), (crate::ErrorCode::Io, None));

        let about = places.about(Some(data.path()));
        assert_eq!(about.version, "1.2.3");
        assert_eq!(about.data_dir, Some(data.path().display().to_string()));
        assert_eq!(about.log_dir, Some(logs.path().join("logs").display().to_string()));
    }
}
