// The engagements area's calls: the vendors engaged on a project, and
// engaging, editing or removing one.
import type { EngagementDraft, EngagementId, ProjectEngagements, ProjectId, SaveOptions } from "../bindings";
import { call, commands } from "../ipc";

/** Every vendor engaged on a project, with the amounts added up. */
export const projectEngagements = (project: ProjectId): Promise<ProjectEngagements> => call(commands.projectEngagements(project));

/** Engages a vendor on a project. */
export const createEngagement = (project: ProjectId, draft: EngagementDraft, save: SaveOptions): Promise<ProjectEngagements> =>
  call(commands.createEngagement(project, draft, save));

/** Saves the edited fields of an engagement. */
export const updateEngagement = (project: ProjectId, id: EngagementId, draft: EngagementDraft, save: SaveOptions): Promise<ProjectEngagements> =>
  call(commands.updateEngagement(project, id, draft, save));

/** Removes an engagement. */
export const deleteEngagement = (project: ProjectId, id: EngagementId): Promise<ProjectEngagements> => call(commands.deleteEngagement(project, id));
