// The project form's values as typed, and their conversion to and from
// the `ProjectDraft` the backend validates. Only the *reading* of typed
// text happens here (an amount, a list); every rule is checked in Rust.
import type { Health, ProjectDraft } from "../bindings";

export type FormValues = {
  title: string;
  summary: string;
  business_need: string;
  audience: string;
  /** One objective per line. */
  objectives: string;
  sponsor: string;
  start_date: string;
  end_date: string;
  budget_planned: string;
  budget_actual: string;
  currency: string;
  health: Health;
  /** Comma-separated. */
  tags: string;
};

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

export function toForm(draft: ProjectDraft | null, locale: string): FormValues {
  return {
    title: draft?.title ?? "",
    summary: draft?.summary ?? "",
    business_need: draft?.business_need ?? "",
    audience: draft?.audience ?? "",
    objectives: (draft?.objectives ?? []).join("\n"),
    sponsor: draft?.sponsor ?? "",
    start_date: draft?.start_date ?? "",
    end_date: draft?.end_date ?? "",
    budget_planned: amountInput(draft?.budget.planned_cents ?? null, locale),
    budget_actual: amountInput(draft?.budget.actual_cents ?? null, locale),
    currency: draft?.budget.currency ?? "EUR",
    health: draft?.health ?? "on_track",
    tags: (draft?.tags ?? []).join(", "),
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The draft to send, or the fields whose text could not be read at all. */
export function fromForm(v: FormValues): { draft: ProjectDraft } | { unreadable: Record<string, "not_a_number" | "not_a_date"> } {
  const unreadable: Record<string, "not_a_number" | "not_a_date"> = {};
  const planned = parseAmount(v.budget_planned);
  const actual = parseAmount(v.budget_actual);
  if (planned === "invalid") unreadable.budget_planned = "not_a_number";
  if (actual === "invalid") unreadable.budget_actual = "not_a_number";
  for (const field of ["start_date", "end_date"] as const) {
    if (v[field] !== "" && !ISO_DATE.test(v[field])) unreadable[field] = "not_a_date";
  }
  if (Object.keys(unreadable).length > 0 || planned === "invalid" || actual === "invalid") return { unreadable };
  return {
    draft: {
      title: v.title,
      summary: v.summary,
      business_need: v.business_need,
      audience: v.audience,
      objectives: v.objectives.split("\n"),
      sponsor: v.sponsor,
      start_date: v.start_date || null,
      end_date: v.end_date || null,
      budget: { currency: v.currency, planned_cents: planned, actual_cents: actual },
      health: v.health,
      tags: v.tags.split(","),
    },
  };
}
