// What each shortcut and menu item does (see `shortcuts.ts`).
import { attempt } from "../attempt";
import type { Theme } from "../bindings";
import { backupContents, backUpNow } from "../data/api";
import { t } from "../i18n/index.svelte";
import { notify } from "../notify.svelte";
import { portfolio } from "../projects/portfolio-state.svelte";
import { router } from "../router.svelte";
import { palette } from "../search/palette.svelte";
import { openFolder } from "../settings/api";
import { session } from "../settings/session.svelte";
import type { Action } from "./shortcuts";

/** Whether the sheet of shortcuts ("?") is open. */
class Sheet {
  open = $state(false);
}
export const sheet = new Sheet();

export function runAction(action: Action): void {
  switch (action) {
    case "search":
      palette.show();
      break;
    case "new_project":
      router.go({ name: "new-project" });
      break;
    case "go_projects":
      router.go({ name: "portfolio" });
      break;
    case "go_vendors":
      router.go({ name: "vendors" });
      break;
    case "go_people":
      router.go({ name: "people" });
      break;
    case "save":
      submitForm();
      break;
    case "shortcuts":
      sheet.open = true;
      break;
    case "back_up":
      void backUp();
      break;
    case "settings":
    case "about":
      router.go({ name: "settings" });
      break;
    case "view_cards":
    case "view_list":
    case "view_timeline":
      portfolio.view = VIEWS[action];
      router.go({ name: "portfolio" });
      break;
    case "theme_system":
    case "theme_light":
    case "theme_dark":
      void attempt(() => session.save({ ...session.settings, theme: THEMES[action] }));
      break;
    case "open_logs":
      void attempt(() => openFolder("logs"));
      break;
    case "close":
      break;
  }
}

const VIEWS = { view_cards: "cards", view_list: "list", view_timeline: "timeline" } as const;
const THEMES: Record<"theme_system" | "theme_light" | "theme_dark", Theme> = {
  theme_system: "system",
  theme_light: "light",
  theme_dark: "dark",
};

/** Backs up now, as Settings › Data does, and says where. */
async function backUp(): Promise<void> {
  const done = await attempt(backUpNow);
  if (done) notify.success(t("data.backed_up", { path: done.path, contents: backupContents(done) }));
}

/** Saves the form being filled in, as its own Save button would: the one
 *  holding the focus, else the only one of the open dialog or screen. */
function submitForm(): void {
  const focused = document.activeElement?.closest("form");
  const dialogs = [...document.querySelectorAll<HTMLDialogElement>("dialog[open]")];
  const scope: ParentNode = dialogs.at(-1) ?? document.querySelector("main") ?? document;
  const forms = scope.querySelectorAll("form");
  const form = focused ?? (forms.length === 1 ? forms[0] : null);
  form?.requestSubmit();
}
