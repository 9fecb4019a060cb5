// The settings area's calls: what the window needs to start, and saving
// the preferences.
import type { Settings, Startup } from "../bindings";
import { call, commands } from "../ipc";

/** The preferences and the portfolio's first facts. */
export const startup = (): Promise<Startup> => call(commands.startup());

/** Saves the preferences; the saved ones come back. */
export const saveSettings = (settings: Settings): Promise<Settings> => call(commands.saveSettings(settings));

/** Tells the shell the first screen has drawn (it notes the time). */
export const firstScreenPainted = (): Promise<null> => call(commands.firstScreenPainted());
