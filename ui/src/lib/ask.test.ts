import { describe, expect, it } from "vitest";
import { asker } from "./ask.svelte";

describe("the window's one question", () => {
  it("answers yes or no", async () => {
    const answer = asker.ask("Sure?", [], "Save");
    asker.pending?.answer(true);
    expect(await answer).toBe(true);
    expect(asker.pending).toBeNull();
  });

  it("takes the aside: no save, the question gone, then the aside runs", async () => {
    const ran: (string | null)[] = [];
    const answer = asker.ask("Sure?", [], "Save", { label: "Open it", run: () => ran.push(asker.pending?.title ?? null) });
    asker.takeAside();
    expect(await answer).toBe(false);
    expect(ran).toEqual([null]);
  });
});
