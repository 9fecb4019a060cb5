// What the window knows about the session: the saved preferences, the
// first facts about the portfolio, and how the theme and language follow
// them.
import type { IpcError, Lang, ReadOnly, Settings, Startup, Theme, UnreadableView } from "../bindings";
import { i18n, systemLang } from "../i18n/index.svelte";
import { failureOf, whenStorageTroubled } from "../ipc";
import { saveSettings, startup } from "./api";

class Session {
  ready = $state(false);
  /** Set when the database could not be opened; the app shows why. */
  fatal = $state<IpcError | null>(null);
  settings = $state<Settings>({ language: null, theme: "system", user_name: "" });
  projectCount = $state(0);
  hasSamples = $state(false);
  dataDir = $state("");
  /** Records found unreadable (skipped everywhere, kept on disk). */
  unreadable = $state<UnreadableView[]>([]);
  /** Today's automatic backup could not be written. */
  dailyBackupFailed = $state(false);
  /** Set while the database is open read-only, and why. */
  readOnly = $state<ReadOnly | null>(null);
  private rechecking = false;
  private recheckTimer: ReturnType<typeof setInterval> | null = null;

  constructor() {
    whenStorageTroubled(this.recheck);
  }

  /** Reads the preferences and the portfolio's first facts. */
  start = async (): Promise<void> => {
    try {
      const s = await startup();
      this.settings = s.settings;
      this.dataDir = s.data_dir;
      this.dailyBackupFailed = s.daily_backup_failed;
      this.take(s);
      this.fatal = null;
      this.apply();
    } catch (e) {
      this.fatal = failureOf(e);
    }
    this.ready = true;
  };

  /** Re-reads the counts (and the unreadable records met meanwhile) after
   *  something changed the portfolio. */
  refreshCounts = async (): Promise<void> => {
    this.take(await startup());
  };

  private take(s: Startup) {
    this.projectCount = s.project_count;
    this.hasSamples = s.has_samples;
    this.unreadable = s.unreadable;
    this.readOnly = s.read_only;
    // A full disk: asked again now and then, since asking is what lets
    // Atelier open the database for writing once there is room.
    if (s.read_only === "disk_full" && this.recheckTimer === null) {
      this.recheckTimer = setInterval(this.recheck, RECHECK_MS);
    } else if (s.read_only !== "disk_full" && this.recheckTimer !== null) {
      clearInterval(this.recheckTimer);
      this.recheckTimer = null;
    }
  }

  /** Re-reads the session's state after a command met the disk (a save it
   *  refused: the database is then opened again, read-only while the disk
   *  is full), one at a time. */
  private recheck = (): void => {
    if (this.rechecking || !this.ready || this.fatal) return;
    this.rechecking = true;
    this.refreshCounts()
      .catch(() => undefined)
      .finally(() => {
        this.rechecking = false;
      });
  };

  save = async (settings: Settings): Promise<void> => {
    this.settings = await saveSettings(settings);
    this.apply();
  };

  /** The DLM's own name; empty until they give it. */
  get userName(): string {
    return this.settings.user_name ?? "";
  }

  /** The language the interface speaks now. */
  get lang(): Lang {
    return this.settings.language ?? systemLang();
  }

  private apply() {
    i18n.lang = this.lang;
    document.documentElement.lang = this.lang;
    applyTheme(this.settings.theme);
  }
}

/** How often a read-only database (a full disk) is asked whether it can
 *  write again. */
const RECHECK_MS = 10_000;

const darkQuery = typeof window !== "undefined" && window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

/** Sets `data-theme` on the document; "system" follows the OS, live. */
export function applyTheme(theme: Theme) {
  const dark = theme === "dark" || (theme === "system" && (darkQuery?.matches ?? false));
  document.documentElement.dataset.theme = dark ? "dark" : "light";
}

export const session = new Session();
darkQuery?.addEventListener("change", () => applyTheme(session.settings.theme));
