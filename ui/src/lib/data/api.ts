// The data area's calls: where the data lives, its backups, restoring one.
import type { BackupView, DataStatus } from "../bindings";
import { t } from "../i18n/index.svelte";
import { call, commands } from "../ipc";

/** The Data section's facts. */
export const dataStatus = (): Promise<DataStatus> => call(commands.dataStatus());

/** Asks where to save a backup and writes it there; null when cancelled. */
export const backUpNow = (): Promise<BackupView | null> =>
  call(
    commands.backUpNow(
      { title: t("data.backup_dialog"), filter: t("data.backup_filter") },
      `${t("data.backup_file")}-${new Date().toISOString().slice(0, 10)}.atelier-backup`,
    ),
  );

/** Asks which backup to restore and checks it (nothing changes); null when cancelled. */
export const chooseBackup = (): Promise<BackupView | null> =>
  call(commands.chooseBackup({ title: t("data.restore_dialog"), filter: t("data.backup_filter") }));

/** Restores the backup just chosen: the current data is backed up first. */
export const restoreChosenBackup = (): Promise<BackupView> => call(commands.restoreChosenBackup());

/** The latest backup, also when the database cannot be opened. */
export const latestBackup = (): Promise<BackupView | null> => call(commands.latestBackup());

/** Replaces a database that cannot be opened with its latest backup. */
export const restoreLatestBackup = (): Promise<BackupView> => call(commands.restoreLatestBackup());

/** Opens a database that cannot be opened for writing read-only, to see
 *  what its files still hold. */
export const openReadOnly = (): Promise<null> => call(commands.openReadOnly());

/** "12 projects · 4 vendors · 230 records". */
export function backupContents(b: BackupView): string {
  return [
    t("data.projects", { count: b.projects }),
    t("data.vendors", { count: b.vendors }),
    t("data.records", { count: b.records }),
  ].join(" · ");
}

