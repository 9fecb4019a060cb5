import { describe, expect, it } from "vitest";
import { errorMessage, fieldMessages } from "./errors";
import { i18n } from "./i18n/index.svelte";

describe("backend errors in the DLM's language", () => {
  it("puts one message per field, in the current language", () => {
    i18n.lang = "fr";
    const messages = fieldMessages({
      code: "validation",
      message: "title is required",
      field: "title",
      issues: [
        { field: "title", rule: "required", limit: null },
        { field: "summary", rule: "too_long", limit: 10000 },
        { field: "summary", rule: "required", limit: null },
      ],
    });
    expect(messages.title).toBe("Ce champ est obligatoire.");
    expect(messages.summary).toMatch(/^Pas plus de 10\s000 caractères\.$/u);
    expect(Object.keys(messages)).toEqual(["title", "summary"]);
  });

  it("explains storage errors by code, never by message text", () => {
    i18n.lang = "en";
    const text = errorMessage({ code: "storage_locked", message: "anything", issues: [] });
    expect(text).toContain("Another Atelier window");
  });

  it("names the file an export or import could not use", () => {
    i18n.lang = "fr";
    const text = errorMessage({ code: "io", message: "Is a directory", issues: [], path: "/home/dlm/prestataires.csv" });
    expect(text).toContain("«\u00a0/home/dlm/prestataires.csv\u00a0»");
    expect(errorMessage({ code: "io", message: "disk", issues: [] })).toContain("espace disque");
  });

  it("says what to do about an archive that cannot be imported, naming the file", () => {
    i18n.lang = "fr";
    const newer = errorMessage({
      code: "archive",
      message: "schema 9",
      issues: [],
      path: "/home/dlm/Téléchargements/Parcours managers.atelier",
      archive: { kind: "newer_schema", found: 9, supported: 6 },
    });
    expect(newer).toBe("«\u00a0Parcours managers.atelier\u00a0» a été créée par une version plus récente d'Atelier. Mettez Atelier à jour pour l'importer. Rien n'a été importé.");
    i18n.lang = "en";
    const damaged = errorMessage({ code: "archive", message: "", issues: [], path: "C:\\Users\\dlm\\p.atelier", archive: { kind: "corrupt", path: "records/tasks/00.json" } });
    expect(damaged).toContain("“p.atelier” is damaged");
  });
});
