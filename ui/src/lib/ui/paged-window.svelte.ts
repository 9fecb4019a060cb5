// A long list as the screen sees it: how many rows there are, and the rows
// of the pages around the part on screen. Rows are fetched from Rust a page
// at a time, and pages scrolled far away are forgotten, so the window never
// holds more than a few pages however long the list (the portfolio, the
// vendor registry, the people directory).
import { pagesCovering } from "./virtual";

export const PAGE_SIZE = 100;

/** One page of a list as Rust answers it. */
export type Page<T> = { total: number; items: T[] };

export class PagedWindow<T> {
  total = $state(0);
  /** Fetched rows by position in the list. */
  rows = $state<Record<number, T>>({});
  loaded = $state(false);
  private pages = new Map<number, Promise<void>>();
  private generation = 0;

  /** `fetchPage` answers the list's page of `limit` rows from `offset`,
   *  for the filters of the moment. */
  constructor(private fetchPage: (offset: number, limit: number) => Promise<Page<T>>) {}

  /** Forgets every row and fetches the first page (the filters changed). */
  reload = async (): Promise<void> => {
    this.generation += 1;
    this.pages.clear();
    this.rows = {};
    await this.fetch(0, this.generation);
    this.loaded = true;
  };

  /** Makes sure rows `[start, end)` are fetched (or being fetched), and
   *  forgets the pages that are neither those nor next to them. */
  ensure = (start: number, end: number): void => {
    const wanted = pagesCovering(start, Math.min(end, this.total), PAGE_SIZE);
    for (const page of wanted) {
      if (!this.pages.has(page)) void this.fetch(page, this.generation);
    }
    if (wanted.length > 0) this.forgetAllBut(wanted[0] - 1, wanted[wanted.length - 1] + 1);
  };

  /** Drops the pages outside `[first, last]` and their rows. */
  private forgetAllBut(first: number, last: number): void {
    const far = [...this.pages.keys()].filter((page) => page < first || page > last);
    if (far.length === 0) return;
    for (const page of far) this.pages.delete(page);
    const rows: Record<number, T> = {};
    for (const [at, row] of Object.entries(this.rows)) {
      const page = Math.floor(Number(at) / PAGE_SIZE);
      if (page >= first && page <= last) rows[Number(at)] = row;
    }
    this.rows = rows;
  }

  private fetch(page: number, generation: number): Promise<void> {
    const offset = page * PAGE_SIZE;
    const pending: Promise<void> = this.fetchPage(offset, PAGE_SIZE).then((result) => {
      // Filters changed, or the page was scrolled far away meanwhile.
      if (generation !== this.generation || this.pages.get(page) !== pending) return;
      this.total = result.total;
      const rows = { ...this.rows };
      result.items.forEach((row, i) => (rows[offset + i] = row));
      this.rows = rows;
    });
    pending.catch(() => this.pages.delete(page));
    this.pages.set(page, pending);
    return pending;
  }
}
