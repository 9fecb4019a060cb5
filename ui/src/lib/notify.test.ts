import { afterEach, describe, expect, it, vi } from "vitest";
import { notify, visibleFor } from "./notify.svelte";

describe("toast durations", () => {
  it("keeps errors and long texts up longer", () => {
    const short = visibleFor("success", "Saved.", false);
    expect(short).toBeGreaterThanOrEqual(4500);
    expect(short).toBeLessThan(5000);
    expect(visibleFor("success", "Saved.", true)).toBeGreaterThanOrEqual(8000);
    const error = visibleFor("error", "x".repeat(150), false);
    expect(error).toBe(8000 + 10000);
    expect(visibleFor("success", "x".repeat(150), false)).toBeLessThan(error);
  });
});

describe("one toast per kind of event", () => {
  afterEach(() => {
    for (const t of notify.toasts) notify.dismiss(t.id);
    vi.useRealTimers();
  });

  it("replaces the same news instead of piling it up", () => {
    for (let i = 0; i < 7; i++) notify.success("Weights saved.");
    notify.success("Task saved.");
    expect(notify.toasts.map((t) => t.text)).toEqual(["Weights saved.", "Task saved."]);
  });

  it("lets a success toast go after a few seconds, the replaced one's timer included", () => {
    vi.useFakeTimers();
    notify.success("Saved.");
    vi.advanceTimersByTime(3000);
    notify.success("Saved.");
    vi.advanceTimersByTime(3000);
    expect(notify.toasts).toHaveLength(1);
    vi.advanceTimersByTime(2000);
    expect(notify.toasts).toHaveLength(0);
  });

  it("takes back an undo that can no longer work", () => {
    notify.success("“A” moved to the trash.", { label: "Undo", run: () => {} }, "trash:a");
    notify.success("“B” moved to the trash.", { label: "Undo", run: () => {} }, "trash:b");
    notify.retract("trash:a");
    expect(notify.toasts.map((t) => t.key)).toEqual(["trash:b"]);
  });

  it("says when an action fails instead of doing nothing", async () => {
    notify.success("Moved.", { label: "Undo", run: () => Promise.reject(new Error("gone")) }, "undo");
    await notify.act(notify.toasts[0], (e) => `Could not undo: ${(e as Error).message}`);
    expect(notify.toasts.map((t) => [t.kind, t.text])).toEqual([["error", "Could not undo: gone"]]);
  });
});
