// Which screen is showing. The app has no URLs to share, so a small state
// machine is all the routing it needs; `back` returns to the portfolio.
import type { PersonId, ProjectId, VendorId } from "./bindings";
import type { CoordinationPart } from "./projects/CoordinationPanel.svelte";

/** The tabs of a project's page. */
export type ProjectTab = "overview" | "design" | "mix" | "cycles" | "tasks" | "vendors" | "coordination" | "handoff";

export type Route =
  | { name: "portfolio" }
  | { name: "new-project" }
  /** A project's page, on its overview unless `tab` (and, for the
   *  coordination tab, `part`) names another. */
  | { name: "project"; id: ProjectId; tab?: ProjectTab; part?: CoordinationPart }
  | { name: "edit-project"; id: ProjectId }
  | { name: "trash" }
  | { name: "vendors" }
  | { name: "vendor"; id: VendorId }
  | { name: "new-vendor" }
  | { name: "edit-vendor"; id: VendorId }
  | { name: "compare-vendors"; ids: VendorId[] }
  | { name: "vendor-radar" }
  | { name: "people" }
  | { name: "person"; id: PersonId }
  /** A new person; from a vendor's page, already working for it. */
  | { name: "new-person"; vendor?: VendorId }
  | { name: "edit-person"; id: PersonId }
  | { name: "settings" };

class Router {
  current = $state<Route>({ name: "portfolio" });

  go = (route: Route) => {
    this.current = route;
  };
}

export const router = new Router();
