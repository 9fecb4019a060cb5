// The cycles area's calls: a project's short cycles and its tasks.
import type { Cycle, CycleForm, CycleId, CyclePlan, ProjectId, SaveOptions, Task, TaskBoard, TaskDraft, TaskId, TaskStatus } from "../bindings";
import { call, commands } from "../ipc";

/** The cycles in date order, each with its number and length, and the running one. */
export const listCycles = (project: ProjectId): Promise<CyclePlan> => call(commands.listCycles(project));

/** Plans a new cycle. */
export const createCycle = (project: ProjectId, form: CycleForm, save: SaveOptions): Promise<Cycle> => call(commands.createCycle(project, form, save));

/** Replaces a cycle's fields. */
export const updateCycle = (project: ProjectId, id: CycleId, form: CycleForm, save: SaveOptions): Promise<Cycle> =>
  call(commands.updateCycle(project, id, form, save));

/** Deletes a cycle. */
export const deleteCycle = (project: ProjectId, id: CycleId): Promise<null> => call(commands.deleteCycle(project, id));

/** The tasks in board order, with those overdue. */
export const listTasks = (project: ProjectId): Promise<TaskBoard> => call(commands.listTasks(project));

/** Adds a task. */
export const createTask = (project: ProjectId, draft: TaskDraft, save: SaveOptions): Promise<Task> => call(commands.createTask(project, draft, save));

/** Replaces a task's fields. */
export const updateTask = (project: ProjectId, id: TaskId, draft: TaskDraft, save: SaveOptions): Promise<Task> =>
  call(commands.updateTask(project, id, draft, save));

/** Moves a task to `index` in the column of `status`; the board as it now stands. */
export const moveTask = (project: ProjectId, id: TaskId, status: TaskStatus, index: number): Promise<TaskBoard> =>
  call(commands.moveTask(project, id, status, index));

/** Deletes a task. */
export const deleteTask = (project: ProjectId, id: TaskId): Promise<null> => call(commands.deleteTask(project, id));
