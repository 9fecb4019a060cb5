// How the IT checklist's words read in the DLM's language.
import type { ItItemName } from "../bindings";
import { t } from "../i18n/index.svelte";

/** An item's name: the usual checks from the catalog, the DLM's as typed. */
export const itemName = (name: ItItemName): string => (name.kind === "check" ? t(`it.check.${name.check}`) : name.name);
