import { describe, expect, it } from "vitest";
import { amountInput } from "../reading";
import { fromForm, toForm } from "./form";

describe("form values", () => {
  it("round-trip through a draft", () => {
    const values = toForm(null, "fr-FR");
    values.title = "Onboarding";
    values.objectives = "Accueillir\nIntégrer";
    values.tags = "Managers, RGPD";
    values.budget_planned = "48 000";
    values.start_date = "2026-03-01";
    const result = fromForm(values);
    expect(result.unreadable).toEqual({});
    expect(result.draft.budget.planned_cents).toBe(4_800_000);
    expect(result.draft.budget.actual_cents).toBeNull();
    expect(result.draft.objectives).toEqual(["Accueillir", "Intégrer"]);
    expect(toForm(result.draft, "fr-FR").budget_planned).toBe(amountInput(4_800_000, "fr-FR"));
  });

  it("names unreadable fields and still sends the rest, so every error comes back at once", () => {
    const values = toForm(null, "en-GB");
    values.title = " ";
    values.budget_planned = "20,000";
    values.budget_actual = "lots";
    values.end_date = "next spring";
    const { draft, unreadable } = fromForm(values);
    expect(unreadable).toEqual({ budget_actual: "not_a_number", end_date: "not_a_date" });
    expect(draft.budget.actual_cents).toBeNull();
    expect(draft.end_date).toBeNull();
    expect(draft.budget.planned_cents).toBe(2_000_000);
    expect(draft.title).toBe(" ");
  });
});
