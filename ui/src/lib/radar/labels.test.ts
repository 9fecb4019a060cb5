import { describe, expect, it } from "vitest";
import { fromJudgementValues, toJudgementValues } from "./labels";

describe("judgement form", () => {
  it("reads counts and keeps the rest", () => {
    const v = { ...toJudgementValues(null), pilots: " 2 ", references: "", hype: "peak" as const };
    expect(fromJudgementValues(v)).toEqual({ judgement: { hype: "peak", pilots: 2, references: 0, adoption: "none", evidence: "" } });
  });

  it("names counts that are not whole numbers", () => {
    expect(fromJudgementValues({ ...toJudgementValues(null), pilots: "deux", references: "1.5" })).toEqual({
      unreadable: { pilots: "not_a_count", references: "not_a_count" },
    });
  });
});
