// The keyboard shortcuts, written once: the window's key handler, the "?"
// sheet, the tooltips and the application menu all read this list.
import type { MessageKey } from "../i18n/index.svelte";

/** What a shortcut or an item of the application menu does (the menu
 *  names its items so, see `src-tauri/src/menu.rs`). */
export type Action =
  | "search"
  | "new_project"
  | "go_projects"
  | "go_vendors"
  | "go_people"
  | "save"
  | "shortcuts"
  | "close"
  | "back_up"
  | "settings"
  | "view_cards"
  | "view_list"
  | "view_timeline"
  | "theme_system"
  | "theme_light"
  | "theme_dark"
  | "about"
  | "open_logs";

/** Every action, to check a name the menu sends. */
export const ACTIONS: Action[] = [
  "search", "new_project", "go_projects", "go_vendors", "go_people", "save", "shortcuts", "close", "back_up", "settings",
  "view_cards", "view_list", "view_timeline", "theme_system", "theme_light", "theme_dark", "about", "open_logs",
];

export type Shortcut = {
  action: Action;
  /** The key as `KeyboardEvent.key` names it (lower case for letters). */
  key: string;
  /** Ctrl (⌘ on a Mac) held. */
  ctrl: boolean;
  /** What it does, for the sheet and the tooltips. */
  label: MessageKey;
};

export const SHORTCUTS: Shortcut[] = [
  { action: "search", key: "k", ctrl: true, label: "shortcuts.search" },
  { action: "new_project", key: "n", ctrl: true, label: "shortcuts.new_project" },
  { action: "go_projects", key: "1", ctrl: true, label: "shortcuts.go_projects" },
  { action: "go_vendors", key: "2", ctrl: true, label: "shortcuts.go_vendors" },
  { action: "go_people", key: "3", ctrl: true, label: "shortcuts.go_people" },
  { action: "save", key: "s", ctrl: true, label: "shortcuts.save" },
  { action: "close", key: "Escape", ctrl: false, label: "shortcuts.close" },
  { action: "shortcuts", key: "?", ctrl: false, label: "shortcuts.sheet" },
];

/** The shortcut `event` presses, if any. A key without Ctrl ("?") counts
 *  only outside text fields, where it would be typed; Escape is left to
 *  the dialogs, which close on it themselves. */
export function shortcutOf(event: KeyboardEvent, typing: boolean): Shortcut | undefined {
  const ctrl = event.ctrlKey || event.metaKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return SHORTCUTS.find(
    (s) => s.action !== "close" && s.key === key && s.ctrl === ctrl && !event.altKey && (ctrl || !typing),
  );
}

/** True when `target` takes typed text (so "?" is a character there). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** How a shortcut is written for the DLM: "Ctrl+K", "?", "Esc". */
export function keysOf(shortcut: Shortcut): string {
  const key = shortcut.key === "Escape" ? "Esc" : shortcut.key.toUpperCase();
  return shortcut.ctrl ? `Ctrl+${key}` : key;
}

/** The keys of `action`'s shortcut, for a tooltip: "Projects (Ctrl+1)". */
export function withKeys(label: string, action: Action): string {
  const shortcut = SHORTCUTS.find((s) => s.action === action);
  return shortcut ? `${label} (${keysOf(shortcut)})` : label;
}
