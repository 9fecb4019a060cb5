// Which screen is showing. The app has no URLs to share, so a small state
// machine is all the routing it needs; `back` returns to the portfolio.
import type { ProjectId, VendorId } from "./bindings";

export type Route =
  | { name: "portfolio" }
  | { name: "new-project" }
  | { name: "project"; id: ProjectId }
  | { name: "edit-project"; id: ProjectId }
  | { name: "trash" }
  | { name: "vendors" }
  | { name: "vendor"; id: VendorId }
  | { name: "new-vendor" }
  | { name: "edit-vendor"; id: VendorId }
  | { name: "compare-vendors"; ids: VendorId[] }
  | { name: "vendor-radar" }
  | { name: "people" }
  | { name: "settings" };

class Router {
  current = $state<Route>({ name: "portfolio" });

  go = (route: Route) => {
    this.current = route;
  };
}

export const router = new Router();
