// The settings area's calls: what the window needs to start, saving the
// preferences, and what Settings › About shows and opens.
import type { AboutView, Folder, Settings, Startup } from "../bindings";
import { call, commands } from "../ipc";

/** The preferences and the portfolio's first facts. */
export const startup = (): Promise<Startup> => call(commands.startup());

/** Saves the preferences; the saved ones come back. */
export const saveSettings = (settings: Settings): Promise<Settings> => call(commands.saveSettings(settings));

/** Tells the shell the first screen has drawn (it notes the time). */
export const firstScreenPainted = (): Promise<null> => call(commands.firstScreenPainted());

/** The version, the data folder and the log folder of this run. */
export const about = (): Promise<AboutView> => call(commands.about());

/** Opens the data or log folder in the file manager (Rust knows where). */
export const openFolder = (folder: Folder): Promise<null> => call(commands.openFolder(folder));
