import { describe, expect, it } from "vitest";
import { fromDay, ticks, toDay } from "./timeline";

const iso = (day: number) => fromDay(day).toISOString().slice(0, 10);

describe("timeline scale", () => {
  it("ticks on Mondays, first days of months and of quarters", () => {
    const first = toDay("2026-11-20");
    const last = toDay("2027-04-10");
    expect(ticks(first, toDay("2026-12-08"), "weeks").map(iso)).toEqual(["2026-11-23", "2026-11-30", "2026-12-07"]);
    expect(ticks(first, last, "months").map(iso)).toEqual(["2026-12-01", "2027-01-01", "2027-02-01", "2027-03-01", "2027-04-01"]);
    expect(ticks(first, last, "quarters").map(iso)).toEqual(["2027-01-01", "2027-04-01"]);
  });

  it("counts days exactly across daylight-saving changes", () => {
    expect(toDay("2027-03-29") - toDay("2027-03-27")).toBe(2);
    expect(iso(toDay("2026-10-25"))).toBe("2026-10-25");
  });
});
