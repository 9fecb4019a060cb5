//! Short-cycle commands: cycles and the task board.

use atelier_app::domain::{Cycle, CycleForm, CycleId, ProjectId, SaveOptions, Task, TaskDraft, TaskId, TaskStatus};
use atelier_app::{CyclePlan, TaskBoard};
use tauri::State;

use super::app;
use crate::error::IpcError;
use crate::Backend;

#[tauri::command]
#[specta::specta]
pub fn list_cycles(state: State<'_, Backend>, project: ProjectId) -> Result<CyclePlan, IpcError> {
    Ok(app(&state)?.list_cycles(project)?)
}

#[tauri::command]
#[specta::specta]
pub fn create_cycle(
    state: State<'_, Backend>,
    project: ProjectId,
    form: CycleForm,
    save: SaveOptions,
) -> Result<Cycle, IpcError> {
    Ok(app(&state)?.create_cycle(project, form, &save)?)
}

#[tauri::command]
#[specta::specta]
pub fn update_cycle(
    state: State<'_, Backend>,
    project: ProjectId,
    id: CycleId,
    form: CycleForm,
    save: SaveOptions,
) -> Result<Cycle, IpcError> {
    Ok(app(&state)?.update_cycle(project, id, form, &save)?)
}

#[tauri::command]
#[specta::specta]
pub fn delete_cycle(state: State<'_, Backend>, project: ProjectId, id: CycleId) -> Result<(), IpcError> {
    Ok(app(&state)?.delete_cycle(project, id)?)
}

#[tauri::command]
#[specta::specta]
pub fn list_tasks(state: State<'_, Backend>, project: ProjectId) -> Result<TaskBoard, IpcError> {
    Ok(app(&state)?.list_tasks(project)?)
}

#[tauri::command]
#[specta::specta]
pub fn create_task(
    state: State<'_, Backend>,
    project: ProjectId,
    draft: TaskDraft,
    save: SaveOptions,
) -> Result<Task, IpcError> {
    Ok(app(&state)?.create_task(project, draft, &save)?)
}

#[tauri::command]
#[specta::specta]
pub fn update_task(
    state: State<'_, Backend>,
    project: ProjectId,
    id: TaskId,
    draft: TaskDraft,
    save: SaveOptions,
) -> Result<Task, IpcError> {
    Ok(app(&state)?.update_task(project, id, draft, &save)?)
}

#[tauri::command]
#[specta::specta]
pub fn move_task(
    state: State<'_, Backend>,
    project: ProjectId,
    id: TaskId,
    status: TaskStatus,
    index: u32,
) -> Result<TaskBoard, IpcError> {
    Ok(app(&state)?.move_task(project, id, status, index)?)
}

#[tauri::command]
#[specta::specta]
pub fn delete_task(state: State<'_, Backend>, project: ProjectId, id: TaskId) -> Result<(), IpcError> {
    Ok(app(&state)?.delete_task(project, id)?)
}
