// Turns a typed backend error into words in the DLM's language.
import type { ArchiveError, CsvError, IpcError, Rule, ValidationError } from "./bindings";
import { catalogs, i18n, t, type MessageKey } from "./i18n/index.svelte";

/** The message for one broken rule, e.g. "Keep it under 200 characters."
 *  A rule that reads differently on one field has its own message,
 *  `rule.<rule>.<field>` (a vendor still used by people, not by projects). */
export function ruleMessage(issue: Pick<ValidationError, "rule" | "limit"> & { field?: string }): string {
  const limit = issue.limit === null ? "" : new Intl.NumberFormat(i18n.locale).format(issue.limit);
  const own = `rule.${issue.rule}.${issue.field ?? ""}`;
  return t((own in catalogs.en ? own : `rule.${issue.rule}`) as MessageKey, { limit });
}

/** One message per field whose text could not be read. */
export function unreadableMessages(unreadable: Record<string, Rule>): Record<string, string> {
  return Object.fromEntries(Object.entries(unreadable).map(([field, rule]) => [field, ruleMessage({ rule, limit: null })]));
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
    case "confirm":
      return t("caution.title");
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
    case "read_only":
      return t("error.read_only");
    case "backup":
      return t(`data.refused.${error.backup ?? "not_a_backup"}` as MessageKey, { path: error.path ?? "" });
    case "unreadable":
      return t("error.unreadable", { record: error.path ?? "" });
    case "import":
      return error.import ? `${importProblemMessage(error.import)} ${t("import.nothing_imported")}` : t("import.nothing_imported");
    case "export":
      return t("error.export");
    case "archive":
      return error.archive ? `${archiveProblemMessage(error.archive, error.path ?? "")} ${t("archive.nothing_imported")}` : t("error.archive");
    case "io":
      return error.path ? t("error.io_file", { path: error.path }) : t("error.io");
  }
}

/** "Line 4, column “type”: “startupp” is not a value Atelier knows." */
export function importProblemMessage(error: CsvError): string {
  const p = error.problem;
  const column = error.column ?? "";
  let what: string;
  switch (p.kind) {
    case "field_count":
      what = t("import.field_count", { expected: p.expected, found: p.found });
      break;
    case "invalid_value":
      what = t("import.invalid_value", { value: p.value, column });
      break;
    case "invalid":
      what = p.issues.length > 0 ? t("import.invalid", { field: p.issues[0].field, message: ruleMessage(p.issues[0]) }) : t("error.validation");
      break;
    case "duplicate_row":
      what = t("import.duplicate_row", { first_line: p.first_line });
      break;
    case "too_many_rows":
      what = t("import.too_many_rows", { limit: p.limit });
      break;
    default:
      what = t(`import.${p.kind}` as MessageKey, { column });
  }
  return t("import.at_line", { line: error.line, what });
}

/** Why an archive cannot be imported, for the DLM: what to do about it
 *  matters more than which check refused it. */
export function archiveProblemMessage(problem: ArchiveError, path: string): string {
  const file = path.split(/[\\/]/).pop() ?? path;
  switch (problem.kind) {
    case "not_an_archive":
      return t("archive.refused.cut", { file });
    case "missing_manifest":
    case "not_atelier":
      return t("archive.refused.not_atelier", { file });
    case "newer_format":
    case "newer_schema":
      return t("archive.refused.newer", { file });
    case "too_large":
    case "too_many_entries":
      return t("archive.refused.too_large", { file });
    case "bad_record":
    case "not_one_project":
      return t("archive.refused.records", { file });
    case "write_failed":
      return t("error.export");
    default:
      return t("archive.refused.damaged", { file });
  }
}
