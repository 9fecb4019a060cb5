// The portfolio as the screen sees it: a query (filters, sort) and the
// rows of the pages around the part of the list on screen (see
// `PagedWindow`).
import type { Health, ImpactFilter, PortfolioItem, PortfolioQuery, ProjectPage, SortDirection, SortKey, Status } from "../bindings";
import { PAGE_SIZE, PagedWindow } from "../ui/paged-window.svelte";
import { listProjects, listProjectTags } from "./api";

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
  /** Every tag in the portfolio: the tag filter's choices, read again on
   *  each reload so new projects (samples, imports) bring theirs at once. */
  tags = $state<string[]>([]);
  /** The projects the filters keep, a few pages of them at a time. */
  readonly list: PagedWindow<PortfolioItem>;

  /** `fetch` answers a portfolio query (Rust's, unless a test gives its own). */
  constructor(
    fetch: (query: PortfolioQuery) => Promise<ProjectPage> = listProjects,
    private fetchTags: () => Promise<string[]> = listProjectTags,
  ) {
    this.list = new PagedWindow((offset, limit) => fetch({ ...this.query(), offset, limit }));
  }

  get total(): number {
    return this.list.total;
  }
  get rows(): Record<number, PortfolioItem> {
    return this.list.rows;
  }
  get loaded(): boolean {
    return this.list.loaded;
  }

  get filtering(): boolean {
    const f = this.filters;
    return f.text.trim() !== "" || f.statuses.length > 0 || f.healths.length > 0 || f.tag !== null || f.itBelow !== null || f.impact !== null;
  }

  /** Forgets every row and fetches the first page for the current
   *  filters, and the tags. */
  reload = async (): Promise<void> => {
    const [, tags] = await Promise.all([this.list.reload(), this.fetchTags()]);
    this.tags = tags;
  };

  /** Makes sure rows `[start, end)` are fetched; see [`PagedWindow.ensure`]. */
  ensure = (start: number, end: number): void => this.list.ensure(start, end);

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
}
