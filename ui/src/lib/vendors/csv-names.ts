// The names a DLM may write in a registry CSV for a vendor type, a watch
// stage or a modality, besides its key: every label the app shows for it,
// in both languages, so a file typed in French or English imports.
import { CHOICES, type Lang, type ValueNames } from "../bindings";
import { catalogs, translate, type MessageKey } from "../i18n/index.svelte";

const LANGS = Object.keys(catalogs) as Lang[];

function named<T extends string>(values: readonly T[], prefix: string): [T, string[]][] {
  return values.map((v) => [v, LANGS.map((lang) => translate(lang, `${prefix}.${v}` as MessageKey))]);
}

export function csvValueNames(): ValueNames {
  return {
    vendor_types: named(CHOICES.vendor_type, "vendor_type"),
    stages: named(CHOICES.watch_stage, "stage"),
    modalities: named(CHOICES.modality, "modality"),
  };
}
