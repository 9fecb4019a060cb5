// The projects area's calls: the portfolio, one project, its lifecycle,
// the trash, the sample projects and the timeline.
import type {
  Lang,
  PortfolioQuery,
  Project,
  ProjectDetail,
  ProjectDraft,
  ProjectId,
  ProjectPage,
  SampleProject,
  SaveOptions,
  Status,
  Timeline,
  TrashedProject,
} from "../bindings";
import { call, commands, failureOf } from "../ipc";

/** One window of the portfolio, filtered and sorted as `query` says. */
export const listProjects = (query: PortfolioQuery): Promise<ProjectPage> => call(commands.listProjects(query));

/** Every tag in the portfolio: the tag filter's choices. */
export const listProjectTags = (): Promise<string[]> => call(commands.listProjectTags());

/** One project as its page shows it. */
export const getProject = (id: ProjectId): Promise<ProjectDetail> => call(commands.getProject(id));

/** One project as its page shows it, or null when there is none (purged,
 *  or a stale link): its page says so rather than a toast. */
export async function findProject(id: ProjectId): Promise<ProjectDetail | null> {
  try {
    return await getProject(id);
  } catch (e) {
    if (failureOf(e).code === "not_found") return null;
    throw e;
  }
}

/** Saves a new project. */
export const createProject = (draft: ProjectDraft, save: SaveOptions): Promise<Project> => call(commands.createProject(draft, save));

/** Saves the edited fields of a project. */
export const updateProject = (id: ProjectId, draft: ProjectDraft, save: SaveOptions): Promise<Project> =>
  call(commands.updateProject(id, draft, save));

/** A copy of a project under a new title. */
export const duplicateProject = (id: ProjectId, title: string): Promise<Project> => call(commands.duplicateProject(id, title));

/** Hands a project off: under its package's threshold only with a reason. */
export const handOffProject = (id: ProjectId, reason: string | null): Promise<ProjectDetail> => call(commands.handOffProject(id, reason));

/** Moves a project along its lifecycle (asks first before deployment
 *  while IT is not ready; refuses "handed off" under the threshold). */
export const changeProjectStatus = (id: ProjectId, status: Status, save: SaveOptions): Promise<ProjectDetail> =>
  call(commands.changeProjectStatus(id, status, save));

/** Moves a project to the trash. */
export const trashProject = (id: ProjectId): Promise<TrashedProject> => call(commands.trashProject(id));

/** The projects in the trash. */
export const listTrash = (): Promise<TrashedProject[]> => call(commands.listTrash());

/** Brings a project back from the trash. */
export const restoreProject = (id: ProjectId): Promise<Project> => call(commands.restoreProject(id));

/** Brings several projects back from the trash (the samples' undo). */
export const restoreProjects = (ids: ProjectId[]): Promise<Project[]> => call(commands.restoreProjects(ids));

/** Deletes a trashed project for good. */
export const purgeProject = (id: ProjectId): Promise<null> => call(commands.purgeProject(id));

/** Adds the sample projects in `lang`; how many were added. */
export const loadSampleProjects = (lang: Lang): Promise<number> => call(commands.loadSampleProjects(lang));

/** The sample projects still in the portfolio, edited ones marked. */
export const listSampleProjects = (): Promise<SampleProject[]> => call(commands.listSampleProjects());

/** Moves the sample projects to the trash; the ids moved. */
export const removeSampleProjects = (): Promise<ProjectId[]> => call(commands.removeSampleProjects());

/** Projects and their cycles on one time scale. */
export const portfolioTimeline = (): Promise<Timeline> => call(commands.portfolioTimeline());
