// The hand-off area's calls: a project's package, its inventory and risks,
// and the readiness score Rust computes from every area.
import type { AssetDraft, HandoffDraft, HandoffView, ProjectId, RiskDraft, SaveOptions, Weight } from "../bindings";
import { call, commands } from "../ipc";

/** The package with its readiness checklist. */
export const getHandoff = (project: ProjectId): Promise<HandoffView> => call(commands.getHandoff(project));

/** Saves the package's owner, acceptance, run model, runbook, FAQ and support. */
export const saveHandoff = (project: ProjectId, draft: HandoffDraft, save: SaveOptions): Promise<HandoffView> =>
  call(commands.saveHandoff(project, draft, save));

/** Adds an asset (`id` null) or edits one. */
export const saveAsset = (project: ProjectId, id: number | null, draft: AssetDraft, save: SaveOptions): Promise<HandoffView> =>
  call(commands.saveAsset(project, id, draft, save));

/** Removes an asset. */
export const removeAsset = (project: ProjectId, id: number): Promise<HandoffView> => call(commands.removeAsset(project, id));

/** Adds a risk (`id` null) or edits one. */
export const saveRisk = (project: ProjectId, id: number | null, draft: RiskDraft, save: SaveOptions): Promise<HandoffView> =>
  call(commands.saveRisk(project, id, draft, save));

/** Removes a risk. */
export const removeRisk = (project: ProjectId, id: number): Promise<HandoffView> => call(commands.removeRisk(project, id));

/** Sets the criteria's weights and the threshold. */
export const setHandoffWeights = (project: ProjectId, weights: Weight[], threshold: number, save: SaveOptions): Promise<HandoffView> =>
  call(commands.setHandoffWeights(project, weights, threshold, save));
