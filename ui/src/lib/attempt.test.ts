import { afterEach, describe, expect, it } from "vitest";
import { attempt } from "./attempt";
import type { IpcError } from "./bindings";
import { i18n } from "./i18n/index.svelte";
import { AppFailure } from "./ipc";
import { notify } from "./notify.svelte";

const refused = (error: Partial<IpcError>) => () =>
  Promise.reject(new AppFailure({ code: "validation", message: "", issues: [], ...error } as IpcError));
const brokenTitle = refused({ issues: [{ field: "title", rule: "required", limit: null }] });

afterEach(() => {
  for (const t of notify.toasts) notify.dismiss(t.id);
});

describe("attempt", () => {
  it("gives the value of a call that works, and says nothing", async () => {
    expect(await attempt(() => Promise.resolve(42))).toBe(42);
    expect(notify.toasts).toHaveLength(0);
  });

  it("puts a broken rule next to its field when the screen has fields", async () => {
    i18n.lang = "en";
    let shown: Record<string, string> = {};
    expect(await attempt(brokenTitle, { fields: (m) => (shown = m) })).toBeUndefined();
    expect(Object.keys(shown)).toEqual(["title"]);
    expect(shown.title).not.toBe("");
    expect(notify.toasts).toHaveLength(0);
  });

  it("shows any other failure as an error toast in the DLM's language", async () => {
    i18n.lang = "fr";
    expect(await attempt(refused({ code: "not_found" }), { fields: () => {} })).toBeUndefined();
    expect(notify.toasts.map((t) => t.kind)).toEqual(["error"]);
    expect(notify.toasts[0].text).toMatch(/\S/);
    expect(notify.toasts[0].text).not.toBe("not_found");
  });

  it("lets a screen say a failure its own way", async () => {
    await attempt(refused({ code: "conflict" }), { message: (f) => (f.code === "conflict" ? "Mine." : null) });
    expect(notify.toasts[0].text).toBe("Mine.");
  });

  it("turns a thrown non-IPC error into a toast too", async () => {
    await attempt(() => Promise.reject(new Error("disk on fire")));
    expect(notify.toasts).toHaveLength(1);
  });
});
