import { describe, expect, it } from "vitest";
import { pagesCovering, visibleRange } from "./virtual";

describe("visibleRange", () => {
  it("renders only what the viewport shows, plus overscan", () => {
    expect(visibleRange(0, 520, 52, 5000, 4)).toEqual({ start: 0, end: 15 });
    expect(visibleRange(52 * 1000, 520, 52, 5000, 4)).toEqual({ start: 996, end: 1015 });
  });

  it("stays inside the list", () => {
    expect(visibleRange(52 * 4990, 520, 52, 5000, 4)).toEqual({ start: 4986, end: 5000 });
    expect(visibleRange(0, 520, 52, 0)).toEqual({ start: 0, end: 0 });
    expect(visibleRange(-30, 520, 52, 3)).toEqual({ start: 0, end: 3 });
  });

  it("never renders more than a screenful whatever the total", () => {
    for (const total of [10, 5_000, 50_000]) {
      const r = visibleRange(52 * 200, 800, 52, total);
      expect(r.end - r.start).toBeLessThanOrEqual(Math.ceil(800 / 52) + 1 + 8);
    }
  });
});

describe("pagesCovering", () => {
  it("lists the pages a range needs", () => {
    expect(pagesCovering(0, 15, 100)).toEqual([0]);
    expect(pagesCovering(95, 110, 100)).toEqual([0, 1]);
    expect(pagesCovering(200, 200, 100)).toEqual([]);
  });
});
