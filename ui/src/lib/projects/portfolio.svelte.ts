// The portfolio as the screen sees it: a query (filters, sort) and the
// rows of the pages around the part of the list on screen. Rows are
// fetched from Rust a page at a time, and pages scrolled far away are
// forgotten, so the window never holds more than a few pages however large
// the portfolio.
import type { Health, ImpactFilter, PortfolioItem, PortfolioQuery, ProjectPage, SortDirection, SortKey, Status } from "../bindings";
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

  /** `fetch` answers a portfolio query (Rust's, unless a test gives its own). */
  constructor(
    private fetch: (query: PortfolioQuery) => Promise<ProjectPage> = listProjects,
    private fetchTags: () => Promise<string[]> = listProjectTags,
  ) {}

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
    const [, tags] = await Promise.all([this.fetchPage(0, this.generation), this.fetchTags()]);
    this.tags = tags;
    this.loaded = true;
  };

  /** Makes sure rows `[start, end)` are fetched (or being fetched), and
   *  forgets the pages that are neither those nor next to them. */
  ensure = (start: number, end: number): void => {
    const wanted = pagesCovering(start, Math.min(end, this.total), PAGE_SIZE);
    for (const page of wanted) {
      if (!this.pages.has(page)) void this.fetchPage(page, this.generation);
    }
    if (wanted.length > 0) this.forgetAllBut(wanted[0] - 1, wanted[wanted.length - 1] + 1);
  };

  /** Drops the pages outside `[first, last]` and their rows. */
  private forgetAllBut(first: number, last: number): void {
    const far = [...this.pages.keys()].filter((page) => page < first || page > last);
    if (far.length === 0) return;
    for (const page of far) this.pages.delete(page);
    const rows: Record<number, PortfolioItem> = {};
    for (const [at, row] of Object.entries(this.rows)) {
      const page = Math.floor(Number(at) / PAGE_SIZE);
      if (page >= first && page <= last) rows[Number(at)] = row;
    }
    this.rows = rows;
  }

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
    const pending: Promise<void> = this.fetch({ ...this.query(), offset: page * PAGE_SIZE }).then((result) => {
      // Filters changed, or the page was scrolled far away meanwhile.
      if (generation !== this.generation || this.pages.get(page) !== pending) return;
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
