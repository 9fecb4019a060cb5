import { describe, expect, it } from "vitest";
import { fromValues, toValues } from "./form";

describe("engagement form", () => {
  it("reads amounts, lines and dates into a draft", () => {
    const v = { ...toValues(null, "fr-FR", "v1"), scope: "Jeu", deliverables: "Storyboard\nBuild", amount: "12 500,50", start: "2026-03-01" };
    const result = fromValues(v);
    expect(result.unreadable).toEqual({});
    expect(result.draft.amount_cents).toBe(1_250_050);
    expect(result.draft.deliverables).toEqual(["Storyboard", "Build"]);
    expect(result.draft.start).toBe("2026-03-01");
    expect(result.draft.end).toBeNull();
  });

  it("names what it cannot read and asks for a vendor, still sending the rest", () => {
    const result = fromValues({ ...toValues(null, "en-US"), scope: "Jeu", amount: "lots", end: "soon" });
    expect(result.unreadable).toEqual({ vendor: "required", amount: "not_a_number", end: "not_a_date" });
    expect(result.draft.scope).toBe("Jeu");
    expect(result.draft.amount_cents).toBeNull();
  });

  it("shows a saved draft back as typed text", () => {
    const v = toValues(
      { vendor: "v", scope: "s", deliverables: ["a", "b"], currency: "EUR", amount_cents: 120000, start: null, end: null, status: "signed" },
      "en-US",
    );
    expect(v.amount).toBe("1,200");
    expect(v.deliverables).toBe("a\nb");
    expect(v.status).toBe("signed");
  });
});
