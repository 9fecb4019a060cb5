import { describe, expect, it } from "vitest";
import { at, months, spanOf, width } from "./calendar";

describe("the campaign calendar", () => {
  it("spans every date with a margin, and nothing without dates", () => {
    expect(spanOf([])).toBeNull();
    const span = spanOf(["2026-12-10", "2026-11-20", "2027-01-05"], 0);
    expect(span && at("2026-11-20", span)).toBe(0);
    expect(span && at("2027-01-05", span)).toBe(100);
  });

  it("places a day and a stretch in proportion", () => {
    const span = { first: 0, last: 0 };
    const s = spanOf(["2026-12-01", "2026-12-11"], 0) ?? span;
    expect(at("2026-12-06", s)).toBe(50);
    expect(width("2026-12-01", "2026-12-05", s)).toBe(50);
  });

  it("names the first day of each month inside the span", () => {
    const s = spanOf(["2026-11-20", "2027-01-05"], 0);
    expect(s && months(s)).toEqual(["2026-12-01", "2027-01-01"]);
  });
});
