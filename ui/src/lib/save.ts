// How every form saves: what the form could not read goes to Rust with the
// draft, so every broken rule comes back in one answer; a sound but unusual
// draft asks the DLM first, then is sent again as confirmed.
import type { Caution, Rule, SaveOptions, Status } from "./bindings";
import { asker } from "./ask.svelte";
import { errorMessage, fieldMessages } from "./errors";
import { i18n, t, type MessageKey } from "./i18n/index.svelte";
import { failureOf } from "./ipc";
import { notify } from "./notify.svelte";

/** The fields a form could not read from what was typed, and why. */
export type Unreadable = Record<string, Rule>;

/** What a caution's message needs to name its figures, and, for a
 *  caution naming another record (`other`), how to open it instead. */
export type CautionContext = {
  currency?: string;
  status?: Status;
  openOther?: { label: string; open: (id: string) => void };
  /** The confirming button's words when "Save anyway" does not fit (a move). */
  confirm?: string;
};

/** The outcome of a save: saved, or the message for each field at fault
 *  (none when the DLM chose to check again, or a toast said what failed). */
export type Saved<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

/** Sends a form through `send`, confirming cautions with the DLM. */
export async function saveForm<T>(
  send: (save: SaveOptions) => Promise<T>,
  unreadable: Unreadable = {},
  context: CautionContext = {},
): Promise<Saved<T>> {
  const save: SaveOptions = {
    unreadable: Object.entries(unreadable).map(([field, rule]) => ({ field, rule, limit: null })),
    confirmed: false,
  };
  for (;;) {
    try {
      return { ok: true, value: await send(save) };
    } catch (e) {
      const failure = failureOf(e);
      if (failure.code === "validation") return { ok: false, errors: fieldMessages(failure) };
      if (failure.code !== "confirm" || save.confirmed) {
        notify.error(errorMessage(failure));
        return { ok: false, errors: {} };
      }
      const cautions = failure.cautions ?? [];
      const other = cautions.find((c) => c.other)?.other;
      const openOther = context.openOther;
      const yes = await asker.ask(
        t("caution.title"),
        cautions.map((c) => ({ key: c.kind, text: cautionMessage(c, context) })),
        context.confirm ?? t("caution.save_anyway"),
        other && openOther ? { label: openOther.label, run: () => openOther.open(other) } : undefined,
      );
      if (!yes) return { ok: false, errors: {} };
      save.confirmed = true;
    }
  }
}

/** One caution in the DLM's language, with its figure. */
export function cautionMessage(c: Caution, context: CautionContext = {}): string {
  const amount = c.amount_cents === null ? "" : i18n.money(c.amount_cents, context.currency ?? "EUR");
  const status = context.status ? t(`status.${context.status}`) : "";
  const key = c.kind === "cycle_outside_project" ? `caution.cycle_outside_project.${c.field}` : `caution.${c.kind}`;
  return t(key as MessageKey, { limit: c.limit ?? "", amount, status });
}
