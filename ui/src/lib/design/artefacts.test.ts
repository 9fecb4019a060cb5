import { describe, expect, it } from "vitest";
import { FIELDS, KINDS, blankBody, labelOf } from "./artefacts";

describe("artefact editors", () => {
  it("cover every field of every kind, and exactly one naming field", () => {
    for (const kind of KINDS) {
      const body = blankBody(kind);
      expect(body.kind).toBe(kind);
      const bodyKeys = Object.keys(body).filter((k) => k !== "kind" && k !== "touchpoints").sort();
      expect(FIELDS[kind].map((f) => f.key).sort(), kind).toEqual(bodyKeys);
      expect(FIELDS[kind].filter((f) => f.naming).length, kind).toBe(1);
    }
  });

  it("label an artefact by its naming field", () => {
    for (const kind of KINDS) {
      const body = blankBody(kind) as Record<string, unknown>;
      const naming = FIELDS[kind].find((f) => f.naming)!.key;
      body[naming] = "Sophie";
      expect(labelOf(body as never)).toBe("Sophie");
    }
  });
});
