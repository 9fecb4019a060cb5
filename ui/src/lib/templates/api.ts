// The templates area's calls: the templates a project can start from,
// and saving a project's plan as one.
import type { Lang, Project, ProjectId, TemplateId, TemplateSummary } from "../bindings";
import { call, commands } from "../ipc";

/** Atelier's templates in `lang`, then the DLM's. */
export const listTemplates = (lang: Lang): Promise<TemplateSummary[]> => call(commands.listTemplates(lang));

/** A new project from a template, starting on `start` (ISO). */
export const createFromTemplate = (template: TemplateId, lang: Lang, title: string, start: string): Promise<Project> =>
  call(commands.createFromTemplate(template, lang, title, start));

/** Saves a project's plan as a template. */
export const saveAsTemplate = (project: ProjectId, name: string, description: string): Promise<TemplateSummary> =>
  call(commands.saveAsTemplate(project, name, description));

/** Deletes one of the DLM's templates. */
export const deleteTemplate = (id: TemplateId): Promise<null> => call(commands.deleteTemplate(id));
