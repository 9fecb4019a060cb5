import { describe, expect, it } from "vitest";
import { CHOICES } from "../bindings";
import { FIELDS, blankBody, labelOf } from "./artefacts";

describe("artefact editors", () => {
  it("cover every field of every kind, and exactly one naming field", () => {
    for (const kind of CHOICES.artefact_kind) {
      const body = blankBody(kind);
      expect(body.kind).toBe(kind);
      const bodyKeys = Object.keys(body).filter((k) => k !== "kind" && k !== "touchpoints").sort();
      expect(FIELDS[kind].map((f) => f.key).sort(), kind).toEqual(bodyKeys);
      expect(FIELDS[kind].filter((f) => f.naming).length, kind).toBe(1);
    }
  });

  it("offer in each select the value a blank artefact starts with", () => {
    for (const kind of CHOICES.artefact_kind) {
      const body = blankBody(kind) as Record<string, unknown>;
      for (const field of FIELDS[kind].filter((f) => f.input === "select")) {
        expect(field.options, `${kind}.${field.key}`).toContain(body[field.key]);
      }
    }
  });

  it("label an artefact by its naming field", () => {
    for (const kind of CHOICES.artefact_kind) {
      const body = blankBody(kind) as Record<string, unknown>;
      const naming = FIELDS[kind].find((f) => f.naming)!.key;
      body[naming] = "Sophie";
      expect(labelOf(body as never)).toBe("Sophie");
    }
  });
});
