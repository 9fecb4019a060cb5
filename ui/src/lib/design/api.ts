// The design area's calls: the design view of a project (phases, gates,
// artefacts, votes) and everything that changes it.
import type { Artefact, ArtefactBody, ArtefactId, ArtefactKind, DesignView, Phase, ProjectId, SaveOptions } from "../bindings";
import { call, commands } from "../ipc";

/** The design view, with the dots left to `voter` when one is named. */
export const getDesign = (project: ProjectId, voter: string | null): Promise<DesignView> => call(commands.getDesign(project, voter));

/** Sets the artefact kinds a phase's gate expects. */
export const setExpectedArtefacts = (project: ProjectId, phase: Phase, kinds: ArtefactKind[]): Promise<DesignView> =>
  call(commands.setExpectedArtefacts(project, phase, kinds));

/** Moves the project to its next phase; with the gate unmet, only with a reason. */
export const advancePhase = (project: ProjectId, reason: string | null): Promise<DesignView> => call(commands.advancePhase(project, reason));

/** Adds an artefact to a phase. */
export const createArtefact = (project: ProjectId, phase: Phase, body: ArtefactBody, save: SaveOptions): Promise<Artefact> =>
  call(commands.createArtefact(project, phase, body, save));

/** Replaces an artefact's content (same kind). */
export const updateArtefact = (project: ProjectId, id: ArtefactId, body: ArtefactBody, save: SaveOptions): Promise<Artefact> =>
  call(commands.updateArtefact(project, id, body, save));

/** Deletes an artefact. */
export const deleteArtefact = (project: ProjectId, id: ArtefactId): Promise<null> => call(commands.deleteArtefact(project, id));

/** Places one of `voter`'s dots on an idea. */
export const castVote = (project: ProjectId, idea: ArtefactId, voter: string): Promise<DesignView> => call(commands.castVote(project, idea, voter));

/** Takes one of `voter`'s dots back from an idea. */
export const removeVote = (project: ProjectId, idea: ArtefactId, voter: string): Promise<DesignView> => call(commands.removeVote(project, idea, voter));

/** Sets how many dots each person may place. */
export const setDotsPerPerson = (project: ProjectId, dots: number): Promise<DesignView> => call(commands.setDotsPerPerson(project, dots));
