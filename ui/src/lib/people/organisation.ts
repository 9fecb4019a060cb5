// How a person's organisation reads on screen: their department, or the
// vendor they work for.
import type { PersonRow } from "../bindings";

/** "DSI", "Immersia", or "" when unknown. */
export function organisationName(row: PersonRow): string {
  const o = row.person.fields.organisation;
  if (o === null) return "";
  return o.kind === "department" ? o.name : (row.vendor_name ?? "");
}
