//! Thin commands, grouped by area: deserialise, call one `atelier_app`
//! function, map the error.

mod campaign;
mod cycles;
mod data;
mod design;
mod engagements;
mod evaluation;
mod exports;
mod handoff;
mod it_readiness;
mod menu;
mod mix;
mod people;
mod projects;
mod raci;
mod radar;
mod registry;
mod roster;
mod search;
mod settings;
mod templates;
mod vendors;

use tauri::{Runtime, State};
use tauri_specta::{collect_commands, Builder};

pub use data::PendingRestore;
pub use exports::PendingArchive;

use crate::error::IpcError;
use crate::Backend;

/// Expands the one command list (`list.rs`) into the typed command set,
/// which registers the handlers and exports the TypeScript bindings, and
/// into the names the shell's tests check against `capabilities/`.
macro_rules! commands {
    ($($module:ident :: $name:ident),* $(,)?) => {
        /// The typed command set: registers the handlers and exports the
        /// TypeScript bindings from the same list, with the closed sets the
        /// UI chooses from (`CHOICES`).
        pub fn specta_builder<R: Runtime>() -> Builder<R> {
            Builder::<R>::new()
                .disable_serde_phases()
                .commands(collect_commands![$($module::$name),*])
                .constant("CHOICES", atelier_app::choices())
        }

        /// Every command name, for the shell's own tests.
        #[cfg(test)]
        pub(crate) const COMMANDS: &[&str] = &[$(stringify!($name)),*];
    };
}

include!("list.rs");

/// The open application, or the storage error every command reports
/// when the database could not be opened; opened again first when it asks
/// for it (see `Backend::reopen_if_needed`).
fn app<'a>(state: &'a State<'_, Backend>) -> Result<App<'a>, IpcError> {
    state.reopen_if_needed();
    let opened = state
        .inner()
        .opened()
        .map_err(|_| IpcError::internal("the database lock was poisoned"))?;
    match &*opened {
        Ok(_) => Ok(App(opened)),
        Err(e) => Err(e.clone()),
    }
}

/// The open application, read while a command runs (a restore waits for
/// the commands in progress, and they for it).
struct App<'a>(std::sync::RwLockReadGuard<'a, Result<atelier_app::Atelier, IpcError>>);

impl std::ops::Deref for App<'_> {
    type Target = atelier_app::Atelier;

    fn deref(&self) -> &atelier_app::Atelier {
        match &*self.0 {
            Ok(app) => app,
            // `app` only builds an `App` over an open application.
            Err(_) => unreachable!("an App over an unopened database"),
        }
    }
}
