//! Design-thinking commands: phases, gates, artefacts, dot votes.

use atelier_app::domain::phase::{ArtefactKind, Phase};
use atelier_app::domain::{Artefact, ArtefactBody, ArtefactId, ProjectId, SaveOptions};
use atelier_app::DesignView;
use tauri::State;

use super::app;
use crate::error::IpcError;
use crate::Backend;

#[tauri::command]
#[specta::specta]
pub fn get_design(
    state: State<'_, Backend>,
    project: ProjectId,
    voter: Option<String>,
) -> Result<DesignView, IpcError> {
    Ok(app(&state)?.get_design(project, voter.as_deref())?)
}

#[tauri::command]
#[specta::specta]
pub fn set_expected_artefacts(
    state: State<'_, Backend>,
    project: ProjectId,
    phase: Phase,
    kinds: Vec<ArtefactKind>,
) -> Result<DesignView, IpcError> {
    Ok(app(&state)?.set_expected_artefacts(project, phase, kinds)?)
}

#[tauri::command]
#[specta::specta]
pub fn advance_phase(
    state: State<'_, Backend>,
    project: ProjectId,
    reason: Option<String>,
) -> Result<DesignView, IpcError> {
    Ok(app(&state)?.advance_phase(project, reason)?)
}

#[tauri::command]
#[specta::specta]
pub fn create_artefact(
    state: State<'_, Backend>,
    project: ProjectId,
    phase: Phase,
    body: ArtefactBody,
    save: SaveOptions,
) -> Result<Artefact, IpcError> {
    Ok(app(&state)?.create_artefact(project, phase, body, &save)?)
}

#[tauri::command]
#[specta::specta]
pub fn update_artefact(
    state: State<'_, Backend>,
    project: ProjectId,
    id: ArtefactId,
    body: ArtefactBody,
    save: SaveOptions,
) -> Result<Artefact, IpcError> {
    Ok(app(&state)?.update_artefact(project, id, body, &save)?)
}

#[tauri::command]
#[specta::specta]
pub fn delete_artefact(state: State<'_, Backend>, project: ProjectId, id: ArtefactId) -> Result<(), IpcError> {
    Ok(app(&state)?.delete_artefact(project, id)?)
}

#[tauri::command]
#[specta::specta]
pub fn cast_vote(
    state: State<'_, Backend>,
    project: ProjectId,
    idea: ArtefactId,
    voter: String,
) -> Result<DesignView, IpcError> {
    Ok(app(&state)?.cast_vote(project, idea, voter)?)
}

#[tauri::command]
#[specta::specta]
pub fn remove_vote(
    state: State<'_, Backend>,
    project: ProjectId,
    idea: ArtefactId,
    voter: String,
) -> Result<DesignView, IpcError> {
    Ok(app(&state)?.remove_vote(project, idea, voter)?)
}

#[tauri::command]
#[specta::specta]
pub fn set_dots_per_person(state: State<'_, Backend>, project: ProjectId, dots: u8) -> Result<DesignView, IpcError> {
    Ok(app(&state)?.set_dots_per_person(project, dots)?)
}
