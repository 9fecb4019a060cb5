// The engagement form's values as typed, and their conversion to the
// `EngagementDraft` Rust validates. Only reading typed text happens here.
import type { ContractStatus, EngagementDraft } from "../bindings";
import { amountInput, readAmount, readDate } from "../reading";
import type { Unreadable } from "../save";

export type EngagementValues = {
  vendor: string;
  scope: string;
  /** One deliverable per line. */
  deliverables: string;
  amount: string;
  currency: string;
  start: string;
  end: string;
  status: ContractStatus;
};

export function toValues(draft: EngagementDraft | null, locale: string, vendor = ""): EngagementValues {
  return {
    vendor: draft?.vendor ?? vendor,
    scope: draft?.scope ?? "",
    deliverables: (draft?.deliverables ?? []).join("\n"),
    amount: amountInput(draft?.amount_cents ?? null, locale),
    currency: draft?.currency ?? "EUR",
    start: draft?.start ?? "",
    end: draft?.end ?? "",
    status: draft?.status ?? "draft",
  };
}

/** The draft to send, with the fields whose text could not be read left
 *  empty and named in `unreadable`; no vendor chosen yet is named too (its
 *  id is sent blank, never saved: the unreadable field refuses the save). */
export function fromValues(v: EngagementValues): { draft: EngagementDraft; unreadable: Unreadable } {
  const unreadable: Unreadable = {};
  if (v.vendor === "") unreadable.vendor = "required";
  return {
    draft: {
      vendor: v.vendor || NO_VENDOR,
      scope: v.scope,
      deliverables: v.deliverables.split("\n"),
      currency: v.currency,
      amount_cents: readAmount(v.amount, "amount", unreadable),
      start: readDate(v.start, "start", unreadable),
      end: readDate(v.end, "end", unreadable),
      status: v.status,
    },
    unreadable,
  };
}

/** The stand-in vendor id of a form where none is chosen yet. */
const NO_VENDOR = "00000000-0000-0000-0000-000000000000";
