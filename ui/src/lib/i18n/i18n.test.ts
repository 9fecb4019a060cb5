import { describe, expect, it } from "vitest";
import { en } from "./en";
import { fr } from "./fr";
import { systemLang, translate } from "./index.svelte";

describe("catalogs", () => {
  it("have exactly the same keys in French and English", () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it("use the same placeholders in both languages", () => {
    const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(names(fr[key]), key).toEqual(names(en[key]));
    }
  });

  it("set French punctuation with non-breaking spaces, and English without spaces before it", () => {
    for (const [key, text] of Object.entries(fr)) {
      expect(text, key).not.toMatch(/ [?!;:]|« | »/);
    }
    for (const [key, text] of Object.entries(en)) {
      expect(text, key).not.toMatch(/[\s\u00a0\u202f][?!;:]|[«»]/);
    }
  });

  it("leave no message empty", () => {
    for (const [key, text] of [...Object.entries(en), ...Object.entries(fr)]) {
      expect(text.trim(), key).not.toBe("");
    }
  });
});

describe("translate", () => {
  it("fills placeholders", () => {
    expect(translate("fr", "trash.restored", { title: "Onboarding" })).toBe("«\u00a0Onboarding\u00a0» est de retour dans votre portefeuille.");
    expect(translate("en", "rule.too_long", { limit: 200 })).toBe("Keep it under 200 characters.");
  });
});

describe("plural forms", () => {
  it("use the _one form for a count of one only", () => {
    expect(translate("en", "votes.count", { count: 1 })).toBe("1 dot");
    expect(translate("en", "votes.count", { count: 2 })).toBe("2 dots");
    expect(translate("fr", "votes.left", { count: 1 })).toBe("1 gommette restante");
    expect(translate("fr", "votes.left", { count: 0 })).toBe("0 gommettes restantes");
  });
});

describe("systemLang", () => {
  it("picks French for any French locale, English otherwise", () => {
    expect(systemLang(["fr-CA"])).toBe("fr");
    expect(systemLang(["de-DE", "fr-FR"])).toBe("fr");
    expect(systemLang(["en-US"])).toBe("en");
    expect(systemLang([])).toBe("en");
  });
});

describe("file sizes", () => {
  it("are written in the language's own units", async () => {
    const { i18n } = await import("./index.svelte");
    const before = i18n.lang;
    i18n.lang = "fr";
    expect(i18n.fileSize(213).replace(/\s/g, " ")).toBe("213 octets");
    expect(i18n.fileSize(3_400_000).replace(/\s/g, " ")).toBe("3,4 Mo");
    i18n.lang = "en";
    expect(i18n.fileSize(213)).toBe("213 bytes");
    expect(i18n.fileSize(12_345)).toBe("12 kB");
    i18n.lang = before;
  });
});
