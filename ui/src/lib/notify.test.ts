import { describe, expect, it } from "vitest";
import { visibleFor } from "./notify.svelte";

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
