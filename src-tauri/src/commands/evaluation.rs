//! A project's evaluation plan, results and return on investment.

use atelier_app::domain::evaluation::{BenefitDraft, CostDraft, EvaluationLine, IndicatorDraft, ParticipantsTime};
use atelier_app::domain::{ProjectId, SaveOptions};
use atelier_app::EvaluationView;
use tauri::State;

use super::app;
use crate::error::IpcError;
use crate::Backend;

#[tauri::command]
#[specta::specta]
pub fn get_evaluation(state: State<'_, Backend>, project: ProjectId) -> Result<EvaluationView, IpcError> {
    Ok(app(&state)?.get_evaluation(project)?)
}

#[tauri::command]
#[specta::specta]
pub fn save_indicator(
    state: State<'_, Backend>,
    project: ProjectId,
    id: Option<u32>,
    draft: IndicatorDraft,
    save: SaveOptions,
) -> Result<EvaluationView, IpcError> {
    Ok(app(&state)?.save_indicator(project, id, draft, &save)?)
}

#[tauri::command]
#[specta::specta]
pub fn save_benefit(
    state: State<'_, Backend>,
    project: ProjectId,
    id: Option<u32>,
    draft: BenefitDraft,
    save: SaveOptions,
) -> Result<EvaluationView, IpcError> {
    Ok(app(&state)?.save_benefit(project, id, draft, &save)?)
}

#[tauri::command]
#[specta::specta]
pub fn save_cost(
    state: State<'_, Backend>,
    project: ProjectId,
    id: Option<u32>,
    draft: CostDraft,
    save: SaveOptions,
) -> Result<EvaluationView, IpcError> {
    Ok(app(&state)?.save_cost(project, id, draft, &save)?)
}

#[tauri::command]
#[specta::specta]
pub fn save_evaluation_summary(
    state: State<'_, Backend>,
    project: ProjectId,
    participants: ParticipantsTime,
    verdict: String,
    save: SaveOptions,
) -> Result<EvaluationView, IpcError> {
    Ok(app(&state)?.save_evaluation_summary(project, participants, verdict, &save)?)
}

#[tauri::command]
#[specta::specta]
pub fn remove_evaluation_line(
    state: State<'_, Backend>,
    project: ProjectId,
    line: EvaluationLine,
    id: u32,
) -> Result<EvaluationView, IpcError> {
    Ok(app(&state)?.remove_evaluation_line(project, line, id)?)
}
