// Display order and look of statuses and health, shared by every screen.
import type { Health, Status } from "../bindings";

export const STATUSES: Status[] = ["idea", "framing", "design", "pilot", "deployment", "handed_off", "archived"];
export const HEALTHS: Health[] = ["on_track", "at_risk", "off_track"];
export const SORT_KEYS = ["updated_at", "title", "status", "health", "start_date", "end_date", "budget_planned"] as const;
