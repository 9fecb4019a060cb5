//! Thin commands, grouped by area: deserialise, call one `atelier_app`
//! function, map the error.

mod data;
mod design;
mod engagements;
mod mix;
mod projects;
mod radar;
mod registry;
mod settings;
mod templates;
mod vendors;
mod workspace;

use tauri::{Runtime, State};
use tauri_specta::{collect_commands, Builder};

pub use data::PendingRestore;

use crate::error::IpcError;
use crate::Backend;

// Every command name, for the shell's own tests.
#[cfg(test)]
include!("names.rs");

/// The typed command set: registers the handlers and exports the
/// TypeScript bindings from the same list.
pub fn specta_builder<R: Runtime>() -> Builder<R> {
    Builder::<R>::new().disable_serde_phases().commands(collect_commands![
        settings::startup,
        settings::save_settings,
        data::data_status,
        data::back_up_now,
        data::choose_backup,
        data::restore_chosen_backup,
        data::latest_backup,
        data::restore_latest_backup,
        projects::list_projects,
        projects::list_project_tags,
        projects::get_project,
        projects::create_project,
        projects::update_project,
        projects::change_project_status,
        projects::trash_project,
        projects::list_trash,
        projects::restore_project,
        projects::purge_project,
        projects::load_sample_projects,
        projects::list_sample_projects,
        projects::remove_sample_projects,
        projects::restore_projects,
        projects::portfolio_timeline,
        workspace::list_cycles,
        workspace::create_cycle,
        workspace::update_cycle,
        workspace::delete_cycle,
        workspace::list_tasks,
        workspace::create_task,
        workspace::update_task,
        workspace::move_task,
        workspace::delete_task,
        design::get_design,
        design::set_expected_artefacts,
        design::advance_phase,
        design::create_artefact,
        design::update_artefact,
        design::delete_artefact,
        design::cast_vote,
        design::remove_vote,
        design::set_dots_per_person,
        mix::get_learning_path,
        mix::add_activity,
        mix::update_activity,
        mix::move_activity,
        mix::delete_activity,
        templates::list_templates,
        templates::create_from_template,
        templates::save_as_template,
        templates::delete_template,
        templates::duplicate_project,
        vendors::list_vendors,
        vendors::get_vendor,
        vendors::create_vendor,
        vendors::update_vendor,
        vendors::change_vendor_stage,
        vendors::add_journal_entry,
        vendors::delete_journal_entry,
        vendors::get_criteria,
        vendors::set_criteria,
        vendors::score_vendor,
        vendors::compare_vendors,
        engagements::project_engagements,
        engagements::vendor_engagements,
        engagements::create_engagement,
        engagements::update_engagement,
        engagements::delete_engagement,
        radar::judge_vendor,
        radar::list_themes,
        radar::create_theme,
        radar::update_theme,
        radar::delete_theme,
        radar::get_radar,
        radar::save_radar,
        registry::export_vendors_csv,
        registry::import_vendors_csv,
        vendors::delete_vendor,
        vendors::update_journal_entry,
    ])
}

/// The open application, or the storage error every command reports
/// when the database could not be opened.
fn app<'a>(state: &'a State<'_, Backend>) -> Result<App<'a>, IpcError> {
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
