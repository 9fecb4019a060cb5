// The radar's calls: judging a vendor, the watched themes, and the radar
// drawn with the DLM's words, shown or saved as an SVG file.
import type { Judgement, RadarTheme, RadarThemeDraft, RadarView, ThemeId, ThemeRow, VendorDetail, VendorId } from "../bindings";
import { todayIso } from "../dates";
import { t } from "../i18n/index.svelte";
import { call, commands } from "../ipc";
import { radarLabels } from "./labels";

/** Saves a vendor's buzz-or-trend judgement. */
export const judgeVendor = (id: VendorId, judgement: Judgement | null): Promise<VendorDetail> => call(commands.judgeVendor(id, judgement));

/** The watched themes, each with where its judgement lands. */
export const listThemes = (): Promise<ThemeRow[]> => call(commands.listThemes());

/** Adds a theme to watch. */
export const createTheme = (draft: RadarThemeDraft): Promise<RadarTheme> => call(commands.createTheme(draft));

/** Saves a theme. */
export const updateTheme = (id: ThemeId, draft: RadarThemeDraft): Promise<RadarTheme> => call(commands.updateTheme(id, draft));

/** Deletes a theme. */
export const deleteTheme = (id: ThemeId): Promise<null> => call(commands.deleteTheme(id));

/** The radar drawn in the current language, with its placed items. */
export const getRadar = (): Promise<RadarView> => call(commands.getRadar(radarLabels()));

/** Asks where to save the radar and writes it as SVG; the path, or null when cancelled. */
export const saveRadar = (): Promise<string | null> =>
  call(commands.saveRadar(radarLabels(), { title: t("radar.save_dialog"), filter: t("radar.svg_filter") }, `${t("radar.file_name")}-${todayIso()}.svg`));
