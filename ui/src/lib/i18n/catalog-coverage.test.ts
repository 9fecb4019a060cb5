// Every value Rust can send that the UI words by key has a message in both
// catalogs: a new Rust variant without one fails here, not on screen.
/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";
import bindings from "../bindings.ts?raw";
import { en } from "./en";
import { fr } from "./fr";

/** The string literals of a generated union type, e.g. `Rule`. */
function variants(type: string): string[] {
  const code = bindings.replace(/\/\*[\s\S]*?\*\//g, "");
  const body = new RegExp(`export type ${type} = ([^;]*);`).exec(code)?.[1] ?? "";
  return [...body.matchAll(/"([a-z_]+)"/g)].map((m) => m[1]);
}

describe("messages for what Rust sends", () => {
  it.each([
    ["Rule", (v: string) => [`rule.${v}`]],
    ["CautionKind", (v: string) => (v === "cycle_outside_project" ? [`caution.${v}.start`, `caution.${v}.end`] : [`caution.${v}`])],
    ["ErrorCode", (v: string) => (v === "validation" || v === "import" || v === "confirm" ? [] : [`error.${v}`])],
  ])("%s", (type, keysOf) => {
    const all = variants(type);
    expect(all.length).toBeGreaterThan(2);
    for (const key of all.flatMap(keysOf)) {
      expect(en, key).toHaveProperty([key]);
      expect(fr, key).toHaveProperty([key]);
    }
  });
});
