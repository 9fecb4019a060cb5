// Reading what the DLM typed into typed values — amounts, dates, durations —
// in French or English. Only the reading happens here: every rule on the
// values is Rust's. Text that cannot be read is named in an `Unreadable`
// map and sent empty, so Rust reports it with every other broken rule.
import type { Unreadable } from "./save";

/** Reads a typed amount ("12 500", "12 500,50", "12,500.50", "9.5") as cents.
 *  Empty text is `null` (not known yet); unreadable text is `"invalid"`. */
export function parseAmount(text: string): number | null | "invalid" {
  let s = text.replace(/[\s\u00a0\u202f]/g, "").replace(/[€$£]|EUR|USD|GBP|CHF/gi, "");
  if (s === "") return null;
  const negative = s.startsWith("-");
  if (negative) s = s.slice(1);
  const lastComma = s.lastIndexOf(",");
  const lastDot = s.lastIndexOf(".");
  const decimalAt = Math.max(lastComma, lastDot);
  let whole = s;
  let fraction = "";
  // A separator followed by one or two digits at the end is the decimal
  // mark; any other separator groups thousands.
  if (decimalAt >= 0 && s.length - decimalAt - 1 <= 2 && s.length - decimalAt - 1 > 0) {
    whole = s.slice(0, decimalAt);
    fraction = s.slice(decimalAt + 1);
  }
  // Thousands separators, when present, group digits by three and differ
  // from the decimal mark.
  if (fraction !== "" && whole.includes(s[decimalAt])) return "invalid";
  if (!/^(\d+|\d{1,3}([.,']\d{3})+)$/.test(whole) || !/^\d{0,2}$/.test(fraction)) return "invalid";
  whole = whole.replace(/[.,']/g, "");
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  if (!Number.isSafeInteger(cents)) return "invalid";
  return negative ? -cents : cents;
}

/** Cents as an editable amount in the DLM's locale, without currency sign. */
export function amountInput(cents: number | null, locale: string): string {
  if (cents === null) return "";
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: cents % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(cents / 100);
}

/** An amount field for a draft: cents, or null when blank or unreadable
 *  (then named in `unreadable`). */
export function readAmount(text: string, field: string, unreadable: Unreadable): number | null {
  const read = parseAmount(text);
  if (read !== "invalid") return read;
  unreadable[field] = "not_a_number";
  return null;
}

/** A whole number field (a count, a percentage: "50", "50 %"): the number,
 *  or 0 when blank or unreadable (then named in `unreadable`; blank as
 *  required). */
export function readWhole(text: string, field: string, unreadable: Unreadable): number {
  const s = text.replace(/[\s\u00a0\u202f%]/g, "");
  if (s === "") {
    unreadable[field] = "required";
    return 0;
  }
  if (!/^\d{1,9}$/.test(s)) {
    unreadable[field] = "not_a_count";
    return 0;
  }
  return Number(s);
}

/** A required amount field: cents, or 0 when blank or unreadable (then
 *  named in `unreadable`). */
export function readRequiredAmount(text: string, field: string, unreadable: Unreadable): number {
  const read = readAmount(text, field, unreadable);
  if (read === null && !(field in unreadable)) unreadable[field] = "required";
  return read ?? 0;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date field (as `DateField` binds it) for a draft: the ISO date, or
 *  null when blank or unreadable (then named in `unreadable`). */
export function readDate(value: string | null | undefined, field: string, unreadable: Unreadable): string | null {
  if (!value) return null;
  if (ISO_DATE.test(value)) return value;
  unreadable[field] = "not_a_date";
  return null;
}

/** Reads a typed duration as whole minutes: "45", "45,5" or "45.5"
 *  (rounded to the minute), "1 h 30", "1h30", "2 h", "1,5 h", "1:30".
 *  Empty text is null; unreadable text is "invalid". */
export function parseDuration(text: string): number | null | "invalid" {
  const s = text.trim().toLowerCase().replace(/\s+/g, " ");
  if (s === "") return null;
  const number = (n: string) => Number(n.replace(",", "."));
  let m = /^(\d+(?:[.,]\d+)?)(?: ?min)?$/.exec(s);
  if (m) return Math.round(number(m[1]));
  m = /^(\d+(?:[.,]\d+)?) ?h$/.exec(s);
  if (m) return Math.round(number(m[1]) * 60);
  m = /^(\d+) ?(?:h|:) ?(\d{1,2})(?: ?min)?$/.exec(s);
  if (m && Number(m[2]) < 60) return Number(m[1]) * 60 + Number(m[2]);
  return "invalid";
}

/** A duration field for a draft: minutes, 0 when blank (Rust says it is
 *  required), or 0 when unreadable (then named in `unreadable`). */
export function readDuration(text: string, field: string, unreadable: Unreadable): number {
  const read = parseDuration(text);
  if (read === "invalid" || (read ?? 0) > 4_294_967_295) {
    unreadable[field] = "not_a_duration";
    return 0;
  }
  return read ?? 0;
}
