// How the RACI's words read in the DLM's language.
import type { RaciRole, RowName } from "../bindings";
import { t } from "../i18n/index.svelte";

/** An activity's name: the usual ones from the catalog, the DLM's as typed. */
export const rowName = (name: RowName): string => (name.kind === "step" ? t(`raci.step.${name.step}`) : name.name);

/** The letter a role is written with (the same in French and English). */
export const LETTER: Record<RaciRole, string> = { responsible: "R", accountable: "A", consulted: "C", informed: "I" };
