// The global search's call, and where each kind of hit is opened.
import type { ProjectId, SearchHit, SearchKind, SearchQuery, SearchResults } from "../bindings";
import { call, commands } from "../ipc";
import type { Route } from "../router.svelte";

/** What the search finds: the first hits of every kind, or (with `kind`)
 *  a page of one kind's hits. Answered in Rust from its index. */
export const search = (query: SearchQuery): Promise<SearchResults> => call(commands.search(query));

/** Every kind in the order Rust groups them. */
export const KINDS: SearchKind[] = ["project", "vendor", "person", "task", "artefact", "message", "journal"];

/** The screen a hit opens: the record's own page, or its project's tab
 *  (tasks, design, campaign) or its vendor's page (journal). */
export function routeOf(hit: SearchHit): Route {
  const project = (hit.owner?.id ?? hit.id) as ProjectId;
  switch (hit.kind) {
    case "project":
      return { name: "project", id: hit.id };
    case "vendor":
      return { name: "vendor", id: hit.id };
    case "person":
      return { name: "person", id: hit.id };
    case "journal":
      return { name: "vendor", id: hit.owner?.id ?? hit.id };
    case "task":
      return { name: "project", id: project, tab: "tasks" };
    case "artefact":
      return { name: "project", id: project, tab: "design" };
    case "message":
      return { name: "project", id: project, tab: "coordination", part: "campaign" };
  }
}
