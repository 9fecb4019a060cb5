import { describe, expect, it } from "vitest";
import { isTyping, keysOf, SHORTCUTS, shortcutOf, withKeys } from "./shortcuts";

const press = (key: string, init: KeyboardEventInit = {}) => new KeyboardEvent("keydown", { key, ...init });

describe("shortcuts", () => {
  it("finds the shortcut a key press names, Ctrl or ⌘ alike", () => {
    expect(shortcutOf(press("k", { ctrlKey: true }), false)?.action).toBe("search");
    expect(shortcutOf(press("K", { metaKey: true }), true)?.action).toBe("search");
    expect(shortcutOf(press("2", { ctrlKey: true }), false)?.action).toBe("go_vendors");
    expect(shortcutOf(press("k"), false)).toBeUndefined();
    expect(shortcutOf(press("k", { ctrlKey: true, altKey: true }), false)).toBeUndefined();
  });

  it("takes a plain key only outside text fields, and leaves Escape to the dialogs", () => {
    expect(shortcutOf(press("?"), false)?.action).toBe("shortcuts");
    expect(shortcutOf(press("?"), true)).toBeUndefined();
    expect(shortcutOf(press("Escape"), false)).toBeUndefined();
    const input = document.createElement("input");
    expect(isTyping(input)).toBe(true);
    expect(isTyping(document.createElement("button"))).toBe(false);
  });

  it("writes each shortcut once, as the DLM reads it", () => {
    const keys = SHORTCUTS.map((s) => `${s.ctrl}${s.key}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keysOf(SHORTCUTS[0])).toBe("Ctrl+K");
    expect(withKeys("Projects", "go_projects")).toBe("Projects (Ctrl+1)");
  });
});
