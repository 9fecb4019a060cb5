// The portfolio as the screen sees it: a query (filters, sort) and the
// rows fetched so far. Rows are fetched from Rust a page at a time, only
// for the part of the list that is on screen.
import type { Health, ImpactFilter, PortfolioItem, PortfolioQuery, SortDirection, SortKey, Status } from "../bindings";
import { pagesCovering } from "../ui/virtual";
import { listProjects, listProjectTags } from "./api";

export const PAGE_SIZE = 100;

export type Filters = {
  text: string;
  statuses: Status[];
  healths: Health[];
  tag: string | null;
  /** Keep projects whose IT readiness is below this percentage. */
  itBelow: number | null;
  /** Keep projects by hand-off readiness or measured ROI. */
  impact: ImpactFilter | null;
  sort: SortKey;
  direction: SortDirection;
};

export const defaultFilters = (): Filters => ({
  text: "",
  statuses: [],
  healths: [],
  tag: null,
  itBelow: null,
  impact: null,
  sort: "updated_at",
  direction: "desc",
});

export class PortfolioWindow {
  filters = $state<Filters>(defaultFilters());
  total = $state(0);
  /** Fetched rows by position in the sorted, filtered list. */
  rows = $state<Record<number, PortfolioItem>>({});
  loaded = $state(false);
  /** Every tag in the portfolio: the tag filter's choices, read again on
   *  each reload so new projects (samples, imports) bring theirs at once. */
  tags = $state<string[]>([]);
  private pages = new Map<number, Promise<void>>();
  private generation = 0;

  get filtering(): boolean {
    const f = this.filters;
    return f.text.trim() !== "" || f.statuses.length > 0 || f.healths.length > 0 || f.tag !== null || f.itBelow !== null || f.impact !== null;
  }

  /** Forgets every row and fetches the first page for the current
   *  filters, and the tags. */
  reload = async (): Promise<void> => {
    this.generation += 1;
    this.pages.clear();
    this.rows = {};
    const [, tags] = await Promise.all([this.fetchPage(0, this.generation), listProjectTags()]);
    this.tags = tags;
    this.loaded = true;
  };

  /** Makes sure rows `[start, end)` are fetched (or being fetched). */
  ensure = (start: number, end: number): void => {
    for (const page of pagesCovering(start, Math.min(end, this.total), PAGE_SIZE)) {
      if (!this.pages.has(page)) void this.fetchPage(page, this.generation);
    }
  };

  /** The current filters and sort as a query, from the first row. */
  query(): PortfolioQuery {
    const f = this.filters;
    return {
      text: f.text,
      statuses: f.statuses,
      healths: f.healths,
      tag: f.tag,
      it_readiness_below: f.itBelow,
      impact: f.impact,
      sort: f.sort,
      direction: f.direction,
      offset: 0,
      limit: PAGE_SIZE,
    };
  }

  private fetchPage(page: number, generation: number): Promise<void> {
    const pending = listProjects({ ...this.query(), offset: page * PAGE_SIZE }).then((result) => {
      if (generation !== this.generation) return;
      this.total = result.total;
      const rows = { ...this.rows };
      result.items.forEach((p, i) => (rows[result.offset + i] = p));
      this.rows = rows;
    });
    pending.catch(() => this.pages.delete(page));
    this.pages.set(page, pending);
    return pending;
  }
}
