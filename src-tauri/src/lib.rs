//! The Tauri shell: opens the database, registers the thin commands and
//! starts the window. Business rules live in the `atelier-*` crates.

mod commands;
mod error;
mod files;
mod folders;
mod logging;
mod menu;
mod rendering;
mod started;
#[cfg(test)]
mod tests;
mod window;

pub use commands::specta_builder;
pub use error::{ErrorCode, IpcError};

use std::path::PathBuf;
use std::sync::{Mutex, RwLock};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use atelier_app::Atelier;
use tauri::{Manager, Runtime};

/// What the commands work on: the open application, or why it could not
/// be opened (locked by another Atelier, damaged, too new). The window
/// opens either way so the DLM is told what happened in their language.
/// Behind a lock only so that a restore can close the database and open it
/// again; every command reads it concurrently.
pub struct Backend {
    /// The data directory, when one could be named.
    dir: Option<PathBuf>,
    opened: RwLock<Result<Atelier, IpcError>>,
    /// The open under way on its own thread, while the window starts, and
    /// how long it took: the first command waits for it (see
    /// [`Backend::settle`]).
    opening: Mutex<Option<JoinHandle<Opened>>>,
}

/// What opening the database gave, and how long it took.
type Opened = (Result<Atelier, IpcError>, Duration);

impl Backend {
    /// Opens the default data directory (see [`Backend::opening`]).
    pub fn open_default() -> Self {
        match atelier_app::default_data_dir() {
            Ok(dir) => Self::opening(dir),
            Err(e) => Self::unavailable(e.into(), None),
        }
    }

    /// Opens the data directory `dir` on a thread of its own: reading and
    /// checking every record runs while WebKit starts the window, and the
    /// first command waits for it.
    pub fn opening(dir: PathBuf) -> Self {
        let opening = {
            let dir = dir.clone();
            std::thread::spawn(move || {
                let started = Instant::now();
                (Atelier::open(&dir).map_err(IpcError::from), started.elapsed())
            })
        };
        Self {
            dir: Some(dir),
            opened: RwLock::new(Err(IpcError::placeholder("opening"))),
            opening: Mutex::new(Some(opening)),
        }
    }

    /// An open application (the shell's own tests).
    pub fn ready(app: Atelier) -> Self {
        Self {
            dir: Some(app.data_dir().to_path_buf()),
            opened: RwLock::new(Ok(app)),
            opening: Mutex::new(None),
        }
    }

    /// A database that could not be opened, and why (the shell's tests).
    pub fn unavailable(error: IpcError, dir: Option<PathBuf>) -> Self {
        Self {
            dir,
            opened: RwLock::new(Err(error)),
            opening: Mutex::new(None),
        }
    }

    /// The data directory, when one could be named.
    pub fn dir(&self) -> Option<&std::path::Path> {
        self.dir.as_deref()
    }

    /// Waits for the open under way, if any, and keeps what it gave. The
    /// log is told here: the open may end before the log is started.
    fn settle(&self) {
        let Some(opening) = self.opening.lock().ok().and_then(|mut pending| pending.take()) else {
            return;
        };
        let (result, took) = opening
            .join()
            .unwrap_or_else(|_| (Err(IpcError::internal("opening the database stopped")), Duration::ZERO));
        logging::opened(&result, took);
        if let Ok(mut opened) = self.opened.write() {
            *opened = result;
        }
    }

    fn opened(&self) -> std::sync::LockResult<std::sync::RwLockReadGuard<'_, Result<Atelier, IpcError>>> {
        self.settle();
        self.opened.read()
    }

    /// Closes the database and opens it again (a staged restore is swapped
    /// in then); afterwards the commands see the reopened one, or why it
    /// could not be opened.
    pub fn reopen(&self) -> Result<(), IpcError> {
        self.reopen_when(|_| true)
    }

    /// Opens the database again when it asks for it — a write the disk
    /// refused, whose change must leave memory, or room back after a full
    /// disk — before a command reads it. Checked under the read lock
    /// first, so that commands only wait when a reopen is due.
    fn reopen_if_needed(&self) {
        self.settle();
        let due = |opened: &Result<Atelier, IpcError>| opened.as_ref().is_ok_and(Atelier::needs_reopen);
        if self.opened.read().is_ok_and(|opened| due(&opened)) {
            // A failed reopen is kept as the state every command reports.
            let _ = self.reopen_when(due);
        }
    }

    /// Replaces the database, which cannot be opened, with a read-only
    /// view of what its files still hold.
    pub fn open_read_only(&self) -> Result<(), IpcError> {
        self.settle();
        let dir = self
            .dir
            .clone()
            .ok_or_else(|| IpcError::from(atelier_app::AppError::NotFound))?;
        let mut opened = self
            .opened
            .write()
            .map_err(|_| IpcError::internal("the database lock was poisoned"))?;
        // The database in place (if any) lets go of its lock first.
        *opened = Err(IpcError::placeholder("reopening"));
        *opened = Atelier::open_read_only(&dir).map_err(IpcError::from);
        logging::opened(&opened, Duration::ZERO);
        match &*opened {
            Ok(_) => Ok(()),
            Err(e) => Err(e.clone()),
        }
    }

    /// [`Backend::reopen`] if `due` still holds once no command runs.
    fn reopen_when(&self, due: impl Fn(&Result<Atelier, IpcError>) -> bool) -> Result<(), IpcError> {
        self.settle();
        let mut opened = self
            .opened
            .write()
            .map_err(|_| IpcError::internal("the database lock was poisoned"))?;
        if !due(&opened) {
            return Ok(());
        }
        let before = std::mem::replace(&mut *opened, Err(IpcError::placeholder("reopening")));
        let started = Instant::now();
        *opened = match (before, &self.dir) {
            (Ok(app), _) => app.reopen().map_err(IpcError::from),
            (Err(_), Some(dir)) => Atelier::open(dir).map_err(IpcError::from),
            (Err(e), None) => Err(e),
        };
        logging::opened(&opened, started.elapsed());
        match &*opened {
            Ok(_) => Ok(()),
            Err(e) => Err(e.clone()),
        }
    }
}

/// Adds the commands and their state to a builder on any runtime. `run`
/// adds the desktop-only plugins; the tests use it on the mock runtime.
pub fn with_commands<R: Runtime>(base: tauri::Builder<R>, backend: Backend) -> tauri::Builder<R> {
    base.manage(backend)
        .manage(menu::MenuBar::default())
        .manage(commands::PendingRestore::default())
        .manage(commands::PendingArchive::default())
        .invoke_handler(specta_builder::<R>().invoke_handler())
}

/// Starts Atelier. A second launch focuses the running window instead of
/// opening the same database twice.
#[expect(
    clippy::disallowed_methods,
    reason = "Tauri's generated context may exit, and a start that fails ends the process before any data is open"
)]
pub fn run() {
    started::note_start();
    rendering::prefer_software();
    let result = with_commands(tauri::Builder::default(), Backend::open_default())
        .plugin(tauri_plugin_dialog::init())
        .plugin(
            tauri_plugin_window_state::Builder::new()
                .with_state_flags(window::REMEMBERED)
                // `window::place` restores it, or fits it to the screen.
                .skip_initial_state("main")
                .build(),
        )
        .setup(|app| {
            let log_dir = logging::start(app.handle());
            let version = app.package_info().version.to_string();
            app.manage(folders::Places::new(
                version,
                log_dir,
                folders::Places::opener_for_run(),
            ));
            app.manage(files::FilePicker::for_run(app.handle().clone()));
            app.state::<menu::MenuBar>().attach(app.handle().clone());
            menu::apply(app.handle(), menu::system_lang())?;
            if let Some(main) = app.get_webview_window("main") {
                window::place(&main)?;
                window::keep_state(&main);
            }
            Ok(())
        })
        .on_menu_event(menu::on_event)
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        }))
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("Atelier could not start: {e}");
        std::process::exit(1);
    }
}
