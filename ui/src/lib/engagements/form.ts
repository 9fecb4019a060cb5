// The engagement form's values as typed, and their conversion to the
// `EngagementDraft` Rust validates. Only reading typed text happens here.
import type { ContractStatus, EngagementDraft } from "../bindings";
import { amountInput, parseAmount } from "../projects/form";

export const CONTRACT_STATUSES: ContractStatus[] = ["draft", "signed", "delivered", "closed"];

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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The draft to send, or the fields whose text could not be read. */
export function fromValues(
  v: EngagementValues,
): { draft: EngagementDraft } | { unreadable: Record<string, "not_a_number" | "not_a_date" | "required"> } {
  const unreadable: Record<string, "not_a_number" | "not_a_date" | "required"> = {};
  const amount = parseAmount(v.amount);
  if (amount === "invalid") unreadable.amount = "not_a_number";
  for (const field of ["start", "end"] as const) {
    if (v[field] !== "" && !ISO_DATE.test(v[field])) unreadable[field] = "not_a_date";
  }
  if (v.vendor === "") unreadable.vendor = "required";
  if (Object.keys(unreadable).length > 0 || amount === "invalid") return { unreadable };
  return {
    draft: {
      vendor: v.vendor,
      scope: v.scope,
      deliverables: v.deliverables.split("\n"),
      currency: v.currency,
      amount_cents: amount,
      start: v.start || null,
      end: v.end || null,
      status: v.status,
    },
  };
}
