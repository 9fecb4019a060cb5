//! Where files go and come from. Rust opens the native save and open
//! dialogs and writes or reads the file itself, so the webview never gets
//! any file-system access.
//!
//! The end-to-end tests cannot drive a native GTK dialog through WebDriver;
//! built with the `e2e` feature and launched with `ATELIER_E2E_FILES` set,
//! the picker answers from that folder instead: a save goes to
//! `<folder>/<suggested name>`, an open reads `<folder>/import.<ext>`. Every
//! other step (the command, the app operation, the file on disk) is the
//! one the DLM uses.

use std::marker::PhantomData;
use std::path::PathBuf;
use std::sync::Mutex;

use tauri_plugin_dialog::DialogExt;

/// Chooses paths for the commands that save or read a file.
pub enum FilePicker {
    /// The native dialogs, parented to the main window.
    Native(tauri::AppHandle),
    /// A fixed folder (end-to-end tests and the shell's own tests).
    #[cfg_attr(not(any(test, feature = "e2e")), allow(dead_code))]
    Folder(PathBuf),
}

/// The file an open of type `extension` reads from a [`FilePicker::Folder`]:
/// `import.<extension>`.
pub fn folder_open_name(extension: &str) -> String {
    format!("import.{extension}")
}

/// The words of a dialog, in the DLM's language (the UI holds the catalogs).
#[derive(Debug, Clone, serde::Deserialize, specta::Type)]
pub struct DialogText {
    /// The window title, e.g. "Save the radar".
    pub title: String,
    /// The file-type filter's label, e.g. "SVG image".
    pub filter: String,
}

impl FilePicker {
    /// The picker for a real run: a folder when an e2e build is told to
    /// use one, the native dialogs otherwise.
    pub fn for_run(app: tauri::AppHandle) -> Self {
        #[cfg(feature = "e2e")]
        if let Some(dir) = std::env::var_os("ATELIER_E2E_FILES") {
            return FilePicker::Folder(dir.into());
        }
        FilePicker::Native(app)
    }

    /// Where to save a file of type `extension`, suggesting `file_name`; `None` when the DLM
    /// cancels. Blocks until the dialog closes: call it off the main thread.
    pub fn save(&self, text: &DialogText, extension: &str, file_name: &str) -> Option<PathBuf> {
        match self {
            FilePicker::Native(app) => app
                .dialog()
                .file()
                .set_title(&text.title)
                .set_file_name(file_name)
                .add_filter(&text.filter, &[extension])
                .blocking_save_file()
                .and_then(|p| p.into_path().ok()),
            FilePicker::Folder(dir) => Some(dir.join(file_name)),
        }
    }

    /// Which file (of type `extension`) to read; `None` when the DLM cancels.
    pub fn open(&self, text: &DialogText, extension: &str) -> Option<PathBuf> {
        match self {
            FilePicker::Native(app) => app
                .dialog()
                .file()
                .set_title(&text.title)
                .add_filter(&text.filter, &[extension])
                .blocking_pick_file()
                .and_then(|p| p.into_path().ok()),
            FilePicker::Folder(dir) => Some(dir.join(folder_open_name(extension))),
        }
    }
}

/// Asks where to save a file of type `extension` (suggesting `file_name`)
/// and writes it there with `write`. `None` when the DLM cancels;
/// otherwise the path written.
pub fn save_to(
    picker: &FilePicker,
    dialog: &DialogText,
    extension: &str,
    file_name: &str,
    write: impl FnOnce(&std::path::Path) -> Result<(), atelier_app::AppError>,
) -> Result<Option<String>, crate::error::IpcError> {
    let Some(path) = picker.save(dialog, extension, file_name) else {
        return Ok(None);
    };
    write(&path)?;
    Ok(Some(path.display().to_string()))
}

/// A file the DLM chose (a backup to restore, an archive to import), kept
/// in Rust between its preview and the confirmation, so that the page
/// never sends a path. `K` tells the kinds apart as Tauri states.
pub struct ChosenFile<K> {
    path: Mutex<Option<PathBuf>>,
    kind: PhantomData<K>,
}

impl<K> Default for ChosenFile<K> {
    fn default() -> Self {
        ChosenFile {
            path: Mutex::new(None),
            kind: PhantomData,
        }
    }
}

impl<K> ChosenFile<K> {
    /// Remembers `path` as the file chosen last.
    pub fn keep(&self, path: PathBuf) -> Result<(), crate::error::IpcError> {
        *self.lock()? = Some(path);
        Ok(())
    }

    /// The file chosen last, once; `Conflict` when none was chosen.
    pub fn take(&self) -> Result<PathBuf, crate::error::IpcError> {
        self.lock()?
            .take()
            .ok_or_else(|| atelier_app::AppError::Conflict("no file was chosen".into()).into())
    }

    fn lock(&self) -> Result<std::sync::MutexGuard<'_, Option<PathBuf>>, crate::error::IpcError> {
        self.path
            .lock()
            .map_err(|_| crate::error::IpcError::internal("the chosen file's lock was poisoned"))
    }
}
