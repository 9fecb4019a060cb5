// The IT readiness area's calls: a project's checklist, item by item.
import type { ItArea, ItChecklistView, ItItemDraft, ProjectId, SaveOptions } from "../bindings";
import { call, commands } from "../ipc";

/** The project's checklist, grouped by area, with its readiness. */
export const getItChecklist = (project: ProjectId): Promise<ItChecklistView> => call(commands.getItChecklist(project));

/** Saves what the DLM set on one item; every broken rule comes back at once. */
export const updateItItem = (project: ProjectId, item: number, draft: ItItemDraft, save: SaveOptions): Promise<ItChecklistView> =>
  call(commands.updateItItem(project, item, draft, save));

/** Adds an item of the DLM's own to an area. */
export const addItItem = (project: ProjectId, area: ItArea, name: string): Promise<ItChecklistView> =>
  call(commands.addItItem(project, area, name));

/** Removes an item. */
export const removeItItem = (project: ProjectId, item: number): Promise<ItChecklistView> => call(commands.removeItItem(project, item));
