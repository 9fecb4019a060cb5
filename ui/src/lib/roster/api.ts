// The roster area's calls: a program's trainers, their path, the sessions
// and the capacity check Rust runs on them.
import type { PersonId, ProjectId, RosterView, SaveOptions, SessionDraft, TrainerDraft } from "../bindings";
import { call, commands } from "../ipc";

/** The roster with its capacity warnings. */
export const getRoster = (project: ProjectId): Promise<RosterView> => call(commands.getRoster(project));

/** Adds a person of the directory as a trainer. */
export const addTrainer = (project: ProjectId, person: PersonId): Promise<RosterView> => call(commands.addTrainer(project, person));

/** Sets a trainer's path, topics, languages and availability. */
export const setTrainer = (project: ProjectId, person: PersonId, draft: TrainerDraft, save: SaveOptions): Promise<RosterView> =>
  call(commands.setTrainer(project, person, draft, save));

/** Takes a trainer off the program. */
export const removeTrainer = (project: ProjectId, person: PersonId): Promise<RosterView> => call(commands.removeTrainer(project, person));

/** Adds a session (`id` null) or edits one. */
export const saveSession = (project: ProjectId, id: number | null, draft: SessionDraft, save: SaveOptions): Promise<RosterView> =>
  call(commands.saveSession(project, id, draft, save));

/** Removes a session. */
export const removeSession = (project: ProjectId, id: number): Promise<RosterView> => call(commands.removeSession(project, id));

/** Sets the most sessions one trainer runs in a month. */
export const setMaxPerMonth = (project: ProjectId, max: number): Promise<RosterView> => call(commands.setMaxPerMonth(project, max));
