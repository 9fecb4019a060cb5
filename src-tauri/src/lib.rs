//! The Tauri shell: opens the database, registers the thin commands and
//! starts the window. Business rules live in the `atelier-*` crates.

mod commands;
mod error;
mod files;
#[cfg(test)]
mod tests;
mod window;

pub use commands::specta_builder;
pub use error::{ErrorCode, IpcError};

use atelier_app::Atelier;
use tauri::{Manager, Runtime};

/// What the commands work on: the open application, or why it could not
/// be opened (locked by another Atelier, damaged, too new). The window
/// opens either way so the DLM is told what happened in their language.
pub enum Backend {
    Ready(Atelier),
    Unavailable(IpcError),
}

impl Backend {
    /// Opens the default data directory.
    pub fn open_default() -> Self {
        match Atelier::open_default() {
            Ok(app) => Backend::Ready(app),
            Err(e) => Backend::Unavailable(e.into()),
        }
    }
}

/// Adds the commands and their state to a builder on any runtime. `run`
/// adds the desktop-only plugins; the tests use it on the mock runtime.
pub fn with_commands<R: Runtime>(base: tauri::Builder<R>, backend: Backend) -> tauri::Builder<R> {
    base.manage(backend)
        .invoke_handler(specta_builder::<R>().invoke_handler())
}

/// Starts Atelier. A second launch focuses the running window instead of
/// opening the same database twice.
pub fn run() {
    let result = with_commands(tauri::Builder::default(), Backend::open_default())
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            app.manage(files::FilePicker::for_run(app.handle().clone()));
            if let Some(main) = app.get_webview_window("main") {
                window::fit_to_screen(&main)?;
            }
            Ok(())
        })
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
