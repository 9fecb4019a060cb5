// The vendor watch's calls: the registry, one vendor with its journal and
// scorecard, the comparison, the engagements seen from a vendor, and the
// registry as a CSV file.
import type {
  Criterion,
  CsvError,
  EngagementRow,
  ExportDone,
  ImportSummary,
  JournalDraft,
  JournalEntryId,
  SaveOptions,
  Score,
  Vendor,
  VendorComparison,
  VendorDetail,
  VendorDraft,
  VendorId,
  VendorQuery,
  VendorPage,
  WatchStage,
} from "../bindings";
import { i18n, t } from "../i18n/index.svelte";
import { call, commands, failureOf } from "../ipc";
import { csvValueNames } from "./csv-names";

/** The registry, filtered and ordered in Rust: every row from the query's
 *  offset, or a page of `limit` rows. */
export const listVendors = (query: VendorQuery): Promise<VendorPage> => call(commands.listVendors(query));

/** Every vendor by name, as a choice of vendor offers them. */
export const vendorChoices = async (): Promise<{ id: VendorId; name: string }[]> =>
  (await listVendors({ text: "", stages: [], types: [], modality: null })).rows.map((r) => ({ id: r.vendor.id, name: r.vendor.fields.name }));

/** One vendor with its journal, scorecard and judgement. */
export const getVendor = (id: VendorId): Promise<VendorDetail> => call(commands.getVendor(id));

/** Like `getVendor`, but null when there is no such vendor (deleted
 *  meanwhile): the screen then says so instead of a toast. */
export async function findVendor(id: VendorId): Promise<VendorDetail | null> {
  try {
    return await getVendor(id);
  } catch (e) {
    if (failureOf(e).code === "not_found") return null;
    throw e;
  }
}

/** Adds a vendor to the registry. */
export const createVendor = (draft: VendorDraft): Promise<Vendor> => call(commands.createVendor(draft));

/** Saves a vendor's details. */
export const updateVendor = (id: VendorId, draft: VendorDraft): Promise<Vendor> => call(commands.updateVendor(id, draft));

/** Deletes a vendor with its journal and scores (refused while engaged). */
export const deleteVendor = (id: VendorId): Promise<null> => call(commands.deleteVendor(id));

/** Moves a vendor to another watch stage, dated in its journal (`null`: today). */
export const changeVendorStage = (id: VendorId, stage: WatchStage, date: string | null): Promise<VendorDetail> =>
  call(commands.changeVendorStage(id, stage, date));

/** Logs a journal entry. */
export const addJournalEntry = (vendor: VendorId, draft: JournalDraft, save: SaveOptions): Promise<VendorDetail> =>
  call(commands.addJournalEntry(vendor, draft, save));

/** Edits a journal entry the DLM wrote. */
export const updateJournalEntry = (vendor: VendorId, id: JournalEntryId, draft: JournalDraft, save: SaveOptions): Promise<VendorDetail> =>
  call(commands.updateJournalEntry(vendor, id, draft, save));

/** Deletes a journal entry. */
export const deleteJournalEntry = (vendor: VendorId, id: JournalEntryId): Promise<VendorDetail> => call(commands.deleteJournalEntry(vendor, id));

/** Saves a vendor's scores, 1 to 5, by criterion. */
export const scoreVendor = (id: VendorId, scores: Score[]): Promise<VendorDetail> => call(commands.scoreVendor(id, scores));

/** Saves the scorecard's criteria with their weights. */
export const setCriteria = (criteria: Criterion[]): Promise<Criterion[]> => call(commands.setCriteria(criteria));

/** Two to four vendors side by side. */
export const compareVendors = (ids: VendorId[]): Promise<VendorComparison> => call(commands.compareVendors(ids));

/** The projects a vendor is engaged on. */
export const vendorEngagements = (vendor: VendorId): Promise<EngagementRow[]> => call(commands.vendorEngagements(vendor));

/** Asks where to save the registry and writes it as CSV, in the dialect
 *  the DLM's spreadsheet expects; null when cancelled. */
export const exportVendors = (): Promise<ExportDone | null> =>
  call(
    commands.exportVendorsCsv(
      i18n.lang === "fr" ? "semicolon" : "comma",
      { title: t("vendors.export_dialog"), filter: t("vendors.csv_filter") },
      `${t("vendors.export_file")}.csv`,
    ),
  );

/** What importing a registry file came to: its counts, or the line and
 *  column that refused the whole file (nothing imported). */
export type ImportOutcome = { imported: ImportSummary } | { refused: CsvError };

/** Asks which CSV file to import and imports it; null when cancelled. A
 *  refused file is an outcome, which the registry shows beside the list. */
export async function importVendors(): Promise<ImportOutcome | null> {
  try {
    const imported = await call(commands.importVendorsCsv({ title: t("vendors.import_dialog"), filter: t("vendors.csv_filter") }, csvValueNames()));
    return imported && { imported };
  } catch (e) {
    const failure = failureOf(e);
    if (failure.code === "import" && failure.import) return { refused: failure.import };
    throw e;
  }
}
