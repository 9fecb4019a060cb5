import { describe, expect, it } from "vitest";
import { importProblemMessage } from "./errors";
import { i18n } from "./i18n/index.svelte";

describe("import problems", () => {
  it("name the line, the column and the value in the DLM's language", () => {
    i18n.lang = "fr";
    expect(importProblemMessage({ line: 4, column: "type", problem: { kind: "invalid_value", value: "startupp" } })).toBe(
      "Ligne 4\u00a0: «\u00a0startupp\u00a0» n'est pas une valeur reconnue pour la colonne «\u00a0type\u00a0».",
    );
    i18n.lang = "en";
    expect(importProblemMessage({ line: 3, column: null, problem: { kind: "field_count", expected: 9, found: 7 } })).toBe(
      "Line 3: this line has 7 cells where the header has 9.",
    );
    expect(importProblemMessage({ line: 5, column: "name", problem: { kind: "duplicate_row", first_line: 2 } })).toContain("line 2");
    expect(importProblemMessage({ line: 2, column: null, problem: { kind: "invalid", issues: [{ field: "name", rule: "required", limit: null }] } })).toContain(
      "This field is required.",
    );
  });
});
