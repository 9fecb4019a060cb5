// Names of scorecard criteria: the defaults are translated, the DLM's own
// carry their label.
import type { Criterion } from "../bindings";
import { t, type MessageKey } from "../i18n/index.svelte";

export function criterionName(c: Criterion): string {
  return c.label || t(`criterion.${c.key}` as MessageKey);
}
