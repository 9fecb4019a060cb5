// The mix area's calls: a project's learning path. Each change answers
// with the whole path, its totals and warnings recomputed by Rust.
import type { ActivityDraft, ActivityId, LearningPath, ProjectId, SaveOptions } from "../bindings";
import { call, commands } from "../ipc";

/** The learning path in order, with its totals and warnings. */
export const getLearningPath = (project: ProjectId): Promise<LearningPath> => call(commands.getLearningPath(project));

/** Adds an activity at the end of the path. */
export const addActivity = (project: ProjectId, draft: ActivityDraft, save: SaveOptions): Promise<LearningPath> =>
  call(commands.addActivity(project, draft, save));

/** Replaces an activity's fields. */
export const updateActivity = (project: ProjectId, id: ActivityId, draft: ActivityDraft, save: SaveOptions): Promise<LearningPath> =>
  call(commands.updateActivity(project, id, draft, save));

/** Moves an activity to `index` in the path. */
export const moveActivity = (project: ProjectId, id: ActivityId, index: number): Promise<LearningPath> => call(commands.moveActivity(project, id, index));

/** Deletes an activity. */
export const deleteActivity = (project: ProjectId, id: ActivityId): Promise<LearningPath> => call(commands.deleteActivity(project, id));
