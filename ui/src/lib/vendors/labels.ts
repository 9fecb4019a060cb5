// Display order of vendor types, watch stages and journal kinds.
import type { JournalKind, VendorType, WatchStage } from "../bindings";

export const VENDOR_TYPES: VendorType[] = ["startup", "established", "freelance", "internal"];
export const STAGES: WatchStage[] = ["spotted", "contacted", "evaluating", "piloting", "referenced", "dropped"];
/** The kinds a DLM writes; stage changes are written by Atelier. */
export const JOURNAL_KINDS: JournalKind[] = ["meeting", "demo", "reference_call", "pilot_result", "event", "note"];
