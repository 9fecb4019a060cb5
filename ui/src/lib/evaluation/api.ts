// The evaluation area's calls: a project's Kirkpatrick indicators, Phillips'
// benefits and costs, and the ROI Rust computes from them.
import type { BenefitDraft, CostDraft, EvaluationLine, EvaluationView, IndicatorDraft, ParticipantsTime, ProjectId, SaveOptions } from "../bindings";
import { call, commands } from "../ipc";

/** The plan with its levels' standing and its ROI. */
export const getEvaluation = (project: ProjectId): Promise<EvaluationView> => call(commands.getEvaluation(project));

/** Adds an indicator (`id` null) or edits one. */
export const saveIndicator = (project: ProjectId, id: number | null, draft: IndicatorDraft, save: SaveOptions): Promise<EvaluationView> =>
  call(commands.saveIndicator(project, id, draft, save));

/** Adds a benefit (`id` null) or edits one. */
export const saveBenefit = (project: ProjectId, id: number | null, draft: BenefitDraft, save: SaveOptions): Promise<EvaluationView> =>
  call(commands.saveBenefit(project, id, draft, save));

/** Adds a cost (`id` null) or edits one. */
export const saveCost = (project: ProjectId, id: number | null, draft: CostDraft, save: SaveOptions): Promise<EvaluationView> =>
  call(commands.saveCost(project, id, draft, save));

/** Sets the participants' time and the verdict. */
export const saveEvaluationSummary = (project: ProjectId, participants: ParticipantsTime, verdict: string, save: SaveOptions): Promise<EvaluationView> =>
  call(commands.saveEvaluationSummary(project, participants, verdict, save));

/** Removes an indicator, a benefit or a cost. */
export const removeEvaluationLine = (project: ProjectId, line: EvaluationLine, id: number): Promise<EvaluationView> =>
  call(commands.removeEvaluationLine(project, line, id));
