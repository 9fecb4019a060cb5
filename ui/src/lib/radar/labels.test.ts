import { describe, expect, it } from "vitest";
import { CHOICES } from "../bindings";
import { fromJudgementValues, radarLabels, toJudgementValues } from "./labels";

describe("radar labels", () => {
  it("name every ring, family and verdict the radar draws", () => {
    const labels: Record<string, string> = radarLabels();
    for (const key of [...CHOICES.ring, ...CHOICES.family, ...CHOICES.verdict]) {
      expect(labels[key]).toMatch(/\S/);
      expect(labels[key]).not.toMatch(/^[a-z_]+\.[a-z_]+$/);
    }
  });
});

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
