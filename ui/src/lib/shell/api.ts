// The shell's calls: the application menu's language.
import type { Lang } from "../bindings";
import { call, commands } from "../ipc";

/** Sets the application menu in `lang`. */
export const setMenuLanguage = (lang: Lang): Promise<null> => call(commands.setMenuLanguage(lang));
