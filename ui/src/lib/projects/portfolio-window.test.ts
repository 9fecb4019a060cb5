import { describe, expect, it } from "vitest";
import type { PortfolioItem, PortfolioQuery, ProjectPage } from "../bindings";
import { PAGE_SIZE, PortfolioWindow } from "./portfolio.svelte";

const TOTAL = 10_000;

/** A portfolio of TOTAL rows, each standing for its position; answers
 *  when `release` is called, in the order asked. */
function fakePortfolio() {
  const waiting: (() => void)[] = [];
  const asked: number[] = [];
  const fetch = (query: PortfolioQuery): Promise<ProjectPage> => {
    const offset = query.offset ?? 0;
    asked.push(offset);
    const items = Array.from(
      { length: Math.min(query.limit ?? PAGE_SIZE, TOTAL - offset) },
      (_, i) => ({ position: offset + i }) as unknown as PortfolioItem,
    );
    return new Promise((resolve) => waiting.push(() => resolve({ total: TOTAL, offset, items })));
  };
  const release = async () => {
    while (waiting.length > 0) waiting.shift()!();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { fetch, release, asked };
}

const heldPages = (w: PortfolioWindow) =>
  [...new Set(Object.keys(w.rows).map((at) => Math.floor(Number(at) / PAGE_SIZE)))].sort((a, b) => a - b);

describe("the portfolio window", () => {
  it("holds only the pages around the screen, however far the list is scrolled", async () => {
    const portfolio = fakePortfolio();
    const w = new PortfolioWindow(portfolio.fetch, async () => []);
    const loading = w.reload();
    await portfolio.release();
    await loading;
    expect(heldPages(w)).toEqual([0]);

    for (let start = 0; start < TOTAL; start += 37) {
      w.ensure(start, start + 30);
      await portfolio.release();
      expect(Object.keys(w.rows).length).toBeLessThanOrEqual(3 * PAGE_SIZE);
    }
    expect(heldPages(w)).toEqual([98, 99]);
    expect((w.rows[TOTAL - 1] as unknown as { position: number }).position).toBe(TOTAL - 1);
  });

  it("drops a page that answers after the list was scrolled away from it", async () => {
    const portfolio = fakePortfolio();
    const w = new PortfolioWindow(portfolio.fetch, async () => []);
    const loading = w.reload();
    await portfolio.release();
    await loading;
    w.ensure(4_000, 4_030);
    w.ensure(9_000, 9_030);
    await portfolio.release();
    expect(portfolio.asked).toContain(4_000);
    expect(heldPages(w)).toEqual([90]);
  });
});
