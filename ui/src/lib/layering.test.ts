// How the UI is put together, checked on its source: screens reach Rust
// through their area's `api.ts`, take every closed set from `CHOICES`, and
// report failures through `attempt` (or `saveForm`), each form field
// through `Field`. A screen that slips back into the old ways fails here.
/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";
import { CHOICES } from "./bindings";

const sources = import.meta.glob(["./**/*.ts", "./**/*.svelte", "../App.svelte", "!./**/*.test.ts", "!./**/*.test.svelte", "!./bindings.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

const files = (keep: (path: string) => boolean) => Object.entries(sources).filter(([path]) => keep(path));

describe("the UI's layers", () => {
  it("reads the sources it checks", () => {
    expect(Object.keys(sources).length).toBeGreaterThan(40);
    expect(Object.keys(sources)).toContain("./design/DesignPanel.svelte");
  });

  it("reaches the commands only through each area's api.ts", () => {
    const offenders = files((p) => !p.endsWith("/api.ts") && p !== "./ipc.ts")
      .filter(([, code]) => /\bcommands\./.test(code))
      .map(([p]) => p);
    expect(offenders).toEqual([]);
  });

  it("keeps no hand-written list of a closed set: selects come from CHOICES", () => {
    const sets = Object.entries(CHOICES).map(([name, values]) => [name, new Set<string>(values)] as const);
    const offenders: string[] = [];
    for (const [path, code] of files(() => true)) {
      for (const m of code.matchAll(/\[\s*("[a-z_]+"\s*,\s*)+"[a-z_]+"\s*,?\s*\]/g)) {
        const items = [...m[0].matchAll(/"([a-z_]+)"/g)].map((x) => x[1]);
        const set = sets.find(([, values]) => items.every((i) => values.has(i)));
        if (set) offenders.push(`${path}: ${m[0]} (CHOICES.${set[0]})`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("reports failures through attempt or saveForm, not a toast line of its own", () => {
    const offenders = files((p) => p !== "./attempt.ts" && p !== "./save.ts")
      .filter(([, code]) => /notify\.error\(errorMessage\(/.test(code))
      .map(([p]) => p);
    expect(offenders).toEqual([]);
  });

  it("shows a field's error only through Field", () => {
    const offenders = files((p) => p.endsWith(".svelte") && p !== "./ui/Field.svelte")
      .filter(([, code]) => /class="error"/.test(code))
      .map(([p]) => p);
    expect(offenders).toEqual([]);
  });
});
