// Turns a typed backend error into words in the DLM's language.
import type { IpcError, ValidationError } from "./bindings";
import { i18n, t, type MessageKey } from "./i18n/index.svelte";

/** The message for one broken rule, e.g. "Keep it under 200 characters." */
export function ruleMessage(issue: Pick<ValidationError, "rule" | "limit">): string {
  const limit = issue.limit === null ? "" : new Intl.NumberFormat(i18n.locale).format(issue.limit);
  return t(`rule.${issue.rule}` as MessageKey, { limit });
}

/** One message per field at fault: what a form shows next to each field. */
export function fieldMessages(error: IpcError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.field] ??= ruleMessage(issue);
  return out;
}

/** A sentence for a toast or a dialog. */
export function errorMessage(error: IpcError): string {
  switch (error.code) {
    case "validation":
      return error.issues.length > 0 ? ruleMessage(error.issues[0]) : t("error.validation");
    case "not_found":
      return t("error.not_found");
    case "conflict":
      return t("error.conflict");
    case "storage_locked":
      return t("error.storage_locked_body");
    case "storage_damaged":
      return t("error.storage_damaged_body");
    case "storage_newer":
      return t("error.storage_newer_body");
    case "io":
      return t("error.io");
  }
}
