import { describe, expect, it } from "vitest";
import { amountInput, fromForm, parseAmount, toForm } from "./form";

describe("parseAmount", () => {
  it("reads French and English ways of writing money", () => {
    expect(parseAmount("12 500")).toBe(1_250_000);
    expect(parseAmount("12\u202f500,50")).toBe(1_250_050);
    expect(parseAmount("12,500.50")).toBe(1_250_050);
    expect(parseAmount("12.500,5")).toBe(1_250_050);
    expect(parseAmount("9.5")).toBe(950);
    expect(parseAmount("48 000 €")).toBe(4_800_000);
    expect(parseAmount("1,000")).toBe(100_000);
  });

  it("keeps 'not known' apart from zero, and passes negatives on for the backend to refuse", () => {
    expect(parseAmount("  ")).toBeNull();
    expect(parseAmount("0")).toBe(0);
    expect(parseAmount("-5")).toBe(-500);
  });

  it("flags what is not an amount", () => {
    expect(parseAmount("douze")).toBe("invalid");
    expect(parseAmount("12,5,0")).toBe("invalid");
    expect(parseAmount("1.234.56")).toBe("invalid");
  });
});

describe("form values", () => {
  it("round-trip through a draft", () => {
    const values = toForm(null, "fr-FR");
    values.title = "Onboarding";
    values.objectives = "Accueillir\nIntégrer";
    values.tags = "Managers, RGPD";
    values.budget_planned = "48 000";
    values.start_date = "2026-03-01";
    const result = fromForm(values);
    if (!("draft" in result)) throw new Error("expected a draft");
    expect(result.draft.budget.planned_cents).toBe(4_800_000);
    expect(result.draft.budget.actual_cents).toBeNull();
    expect(result.draft.objectives).toEqual(["Accueillir", "Intégrer"]);
    expect(toForm(result.draft, "fr-FR").budget_planned).toBe(amountInput(4_800_000, "fr-FR"));
  });

  it("names unreadable fields instead of sending them", () => {
    const values = toForm(null, "en-GB");
    values.budget_actual = "lots";
    values.end_date = "next spring";
    expect(fromForm(values)).toEqual({ unreadable: { budget_actual: "not_a_number", end_date: "not_a_date" } });
  });
});
