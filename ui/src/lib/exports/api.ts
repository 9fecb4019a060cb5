// The exports' calls: the project brief (what the dialog offers, its
// preview, the file), the milestones, the portfolio report, and the
// project archive (written, previewed, imported).
import type { ArchivePreview, BriefFormat, BriefSection, BriefView, Lang, PortfolioQuery, ProjectId, ReportFormat } from "../bindings";
import { todayIso } from "../dates";
import { i18n, t, translate } from "../i18n/index.svelte";
import { call, commands } from "../ipc";

/** The last choice, the sections with content and the preview. */
export const getBrief = (project: ProjectId): Promise<BriefView> => call(commands.getBrief(project));

/** The preview of `sections` in `lang`, the choice not saved yet. */
export const previewBrief = (project: ProjectId, sections: BriefSection[], lang: Lang): Promise<BriefView> =>
  call(commands.previewBrief(project, sections, lang));

/** Characters no file name may hold on the DLM's or a colleague's system. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]/g;

/** "<title> – brief – <date>.<ext>", safe as a file name anywhere. */
export function briefFileName(title: string, format: BriefFormat, lang: Lang): string {
  const name = `${title} – ${translate(lang, "brief.file_name")} – ${todayIso()}`.replace(UNSAFE, "-").slice(0, 150);
  return `${name}.${format === "markdown" ? "md" : format}`;
}

/** Asks where to save the brief and writes it; the path, or null when cancelled. */
export const exportBrief = (project: ProjectId, title: string, format: BriefFormat, sections: BriefSection[], lang: Lang): Promise<string | null> =>
  call(
    commands.exportBrief(project, format, sections, lang, { title: t("brief.save_dialog"), filter: t(`brief.filter.${format}`) }, briefFileName(title, format, lang)),
  );

/** Asks where to save the milestones of `project` (the whole portfolio's
 *  when null) as a calendar file, in the screen's language; the path, or
 *  null when cancelled. */
export const exportMilestones = (project: ProjectId | null, title: string): Promise<string | null> => {
  const name = `${title} – ${t("ics.file_name")} – ${todayIso()}`.replace(UNSAFE, "-").slice(0, 150);
  return call(commands.exportMilestones(project, i18n.lang, { title: t("ics.save_dialog"), filter: t("ics.filter") }, `${name}.ics`));
};

/** Asks where to save the report of the projects `query` keeps (CSV table
 *  or one-page PDF summary) in the screen's language; `filters` says in
 *  words which filters chose them. The path, or null when cancelled. */
export const exportPortfolioReport = (query: PortfolioQuery, format: ReportFormat, filters: string | null): Promise<string | null> => {
  const name = `${t("report.file_name")} – ${todayIso()}`.replace(UNSAFE, "-");
  return call(commands.exportPortfolioReport(query, format, i18n.lang, filters, { title: t("report.save_dialog"), filter: t(`report.filter.${format}`) }, `${name}.${format}`));
};

/** Asks where to save the archive of `project` (everything a colleague
 *  needs to take it over, in one `.atelier` file); the path, or null. */
export const exportArchive = (project: ProjectId, title: string): Promise<string | null> => {
  const name = `${title} – ${todayIso()}`.replace(UNSAFE, "-").slice(0, 150);
  return call(commands.exportArchive(project, { title: t("archive.save_dialog"), filter: t("archive.filter") }, `${name}.atelier`));
};

/** Asks which archive to import and previews it (nothing is written);
 *  null when the DLM cancels. */
export const chooseArchive = (): Promise<ArchivePreview | null> =>
  call(commands.chooseArchive({ title: t("archive.open_dialog"), filter: t("archive.filter") }));

/** Imports the archive chosen last, as a new copy or replacing the
 *  DLM's copy; the imported project's id. */
export const importChosenArchive = (asNewCopy: boolean): Promise<ProjectId> => call(commands.importChosenArchive(asNewCopy));
