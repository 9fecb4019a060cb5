// The campaign area's calls: a project's messages and the plan's warnings.
import type { CampaignView, MessageDraft, MessageId, ProjectId, SaveOptions } from "../bindings";
import { call, commands } from "../ipc";

/** The messages by planned date, with the plan's warnings. */
export const getCampaign = (project: ProjectId): Promise<CampaignView> => call(commands.getCampaign(project));

/** Plans a message; every broken rule comes back at once. */
export const createMessage = (project: ProjectId, draft: MessageDraft, save: SaveOptions): Promise<CampaignView> =>
  call(commands.createMessage(project, draft, save));

/** Replaces a message's fields. */
export const updateMessage = (project: ProjectId, id: MessageId, draft: MessageDraft, save: SaveOptions): Promise<CampaignView> =>
  call(commands.updateMessage(project, id, draft, save));

/** Deletes a message. */
export const deleteMessage = (project: ProjectId, id: MessageId): Promise<CampaignView> => call(commands.deleteMessage(project, id));
