// The About dialog's libraries are the ones the UI ships, under the
// licences their packages declare (as npm locked them). The crates are
// checked against `cargo metadata` by tests/credits.rs.
/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";
import lockRaw from "../../../package-lock.json?raw";
import ownRaw from "../../../package.json?raw";
import { en } from "../i18n/en";
import { fr } from "../i18n/fr";
import { credits, licenceWords } from "./credits";

const locked: Record<string, { license?: string }> = JSON.parse(lockRaw).packages;
const own: { dependencies: Record<string, string> } = JSON.parse(ownRaw);
const manifest = (pkg: string) => locked[`node_modules/${pkg}`] ?? {};

/** "(MPL-2.0 OR Apache-2.0)" and "Apache-2.0 OR MPL-2.0" say the same. */
const normal = (spdx: string) =>
  /\bAND\b/.test(spdx) ? spdx : spdx.replace(/[()]/g, "").split(/ OR |\//).map((s) => s.trim()).sort().join(" OR ");

describe("credits", () => {
  it("name each npm package under the licence it declares", () => {
    const packages = credits.libraries.flatMap((l) => l.npm.map((pkg) => [pkg, l.licence] as const));
    expect(packages.length).toBeGreaterThan(3);
    for (const [pkg, licence] of packages) {
      expect(normal(manifest(pkg).license ?? ""), pkg).toBe(normal(licence));
    }
  });

  it("list every package the screens are built with", () => {
    const listed = new Set(credits.libraries.flatMap((l) => l.npm));
    // Runtime dependencies, and Svelte, which is compiled into the screens.
    for (const pkg of [...Object.keys(own.dependencies), "svelte"]) expect(listed, pkg).toContain(pkg);
  });

  it("say what each library is for in both languages", () => {
    for (const l of credits.libraries) {
      expect(en, l.id).toHaveProperty([`about.lib.${l.id}`]);
      expect(fr, l.id).toHaveProperty([`about.lib.${l.id}`]);
    }
    for (const f of credits.fonts) {
      expect(en, f.id).toHaveProperty([`about.font.${f.id}`]);
      expect(fr, f.id).toHaveProperty([`about.font.${f.id}`]);
    }
  });

  it("word a licence expression in the reader's language", () => {
    const pieces = licenceWords("(Apache-2.0 OR MIT) AND BSD-3-Clause", { or: "ou", and: "et" });
    expect(pieces.map((p) => p.text).join("")).toBe("(Apache-2.0 ou MIT) et BSD-3-Clause");
    expect(pieces.filter((p) => p.id).map((p) => p.text)).toEqual(["Apache-2.0", "MIT", "BSD-3-Clause"]);
  });
});
