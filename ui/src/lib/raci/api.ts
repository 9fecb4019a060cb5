// The RACI area's calls: a project's matrix, and the load across projects.
import type { PersonId, ProjectId, RaciLoadRow, RaciRole, RaciView } from "../bindings";
import { call, commands } from "../ipc";

/** The project's matrix, rows flagged. */
export const getRaci = (project: ProjectId): Promise<RaciView> => call(commands.getRaci(project));

/** Sets (or clears, with null) what one person is for one activity. */
export const setRaciCell = (project: ProjectId, row: number, person: PersonId, role: RaciRole | null): Promise<RaciView> =>
  call(commands.setRaciCell(project, row, person, role));

/** Adds a person of the directory as a column. */
export const addRaciPerson = (project: ProjectId, person: PersonId): Promise<RaciView> => call(commands.addRaciPerson(project, person));

/** Removes a person's column and their letters. */
export const removeRaciPerson = (project: ProjectId, person: PersonId): Promise<RaciView> =>
  call(commands.removeRaciPerson(project, person));

/** Adds an activity of the DLM's own. */
export const addRaciRow = (project: ProjectId, name: string): Promise<RaciView> => call(commands.addRaciRow(project, name));

/** Renames an activity. */
export const renameRaciRow = (project: ProjectId, row: number, name: string): Promise<RaciView> =>
  call(commands.renameRaciRow(project, row, name));

/** Removes an activity and its letters. */
export const removeRaciRow = (project: ProjectId, row: number): Promise<RaciView> => call(commands.removeRaciRow(project, row));

/** Who holds how many A and R across the projects under way. */
export const raciLoad = (): Promise<RaciLoadRow[]> => call(commands.raciLoad());
