// The project form's values as typed, and their conversion to and from
// the `ProjectDraft` the backend validates. Only the *reading* of typed
// text happens here (an amount, a list); every rule is checked in Rust.
import type { Health, PersonRef, ProjectDraft } from "../bindings";
import { amountInput, readAmount, readDate } from "../reading";
import type { Unreadable } from "../save";

export type FormValues = {
  title: string;
  summary: string;
  business_need: string;
  audience: string;
  /** One objective per line. */
  objectives: string;
  sponsor: PersonRef | null;
  start_date: string;
  end_date: string;
  budget_planned: string;
  budget_actual: string;
  currency: string;
  health: Health;
  /** Comma-separated. */
  tags: string;
};

export function toForm(draft: ProjectDraft | null, locale: string): FormValues {
  return {
    title: draft?.title ?? "",
    summary: draft?.summary ?? "",
    business_need: draft?.business_need ?? "",
    audience: draft?.audience ?? "",
    objectives: (draft?.objectives ?? []).join("\n"),
    sponsor: draft?.sponsor ?? null,
    start_date: draft?.start_date ?? "",
    end_date: draft?.end_date ?? "",
    budget_planned: amountInput(draft?.budget.planned_cents ?? null, locale),
    budget_actual: amountInput(draft?.budget.actual_cents ?? null, locale),
    currency: draft?.budget.currency ?? "EUR",
    health: draft?.health ?? "on_track",
    tags: (draft?.tags ?? []).join(", "),
  };
}

/** The draft to send, with the fields whose text could not be read left
 *  empty and named in `unreadable` (Rust then reports them with every
 *  other rule, in one answer). */
export function fromForm(v: FormValues): { draft: ProjectDraft; unreadable: Unreadable } {
  const unreadable: Unreadable = {};
  return {
    draft: {
      title: v.title,
      summary: v.summary,
      business_need: v.business_need,
      audience: v.audience,
      objectives: v.objectives.split("\n"),
      sponsor: v.sponsor,
      start_date: readDate(v.start_date, "start_date", unreadable),
      end_date: readDate(v.end_date, "end_date", unreadable),
      budget: {
        currency: v.currency,
        planned_cents: readAmount(v.budget_planned, "budget_planned", unreadable),
        actual_cents: readAmount(v.budget_actual, "budget_actual", unreadable),
      },
      health: v.health,
      tags: v.tags.split(","),
    },
    unreadable,
  };
}
