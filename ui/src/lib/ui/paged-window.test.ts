import { describe, expect, it } from "vitest";
import { PAGE_SIZE, PagedWindow, type Page } from "./paged-window.svelte";

const TOTAL = 10_000;

type Row = { position: number };

/** A list of TOTAL rows, each standing for its position; answers when
 *  `release` is called, in the order asked. */
function fakeList() {
  const waiting: (() => void)[] = [];
  const asked: number[] = [];
  const fetch = (offset: number, limit: number): Promise<Page<Row>> => {
    asked.push(offset);
    const items = Array.from({ length: Math.min(limit, TOTAL - offset) }, (_, i) => ({ position: offset + i }));
    return new Promise((resolve) => waiting.push(() => resolve({ total: TOTAL, items })));
  };
  const release = async () => {
    while (waiting.length > 0) waiting.shift()!();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { fetch, release, asked };
}

const heldPages = (w: PagedWindow<Row>) =>
  [...new Set(Object.keys(w.rows).map((at) => Math.floor(Number(at) / PAGE_SIZE)))].sort((a, b) => a - b);

describe("a paged window on a long list", () => {
  it("holds only the pages around the screen, however far the list is scrolled", async () => {
    const list = fakeList();
    const w = new PagedWindow(list.fetch);
    const loading = w.reload();
    await list.release();
    await loading;
    expect(heldPages(w)).toEqual([0]);

    for (let start = 0; start < TOTAL; start += 37) {
      w.ensure(start, start + 30);
      await list.release();
      expect(Object.keys(w.rows).length).toBeLessThanOrEqual(3 * PAGE_SIZE);
    }
    expect(heldPages(w)).toEqual([98, 99]);
    expect(w.rows[TOTAL - 1].position).toBe(TOTAL - 1);
  });

  it("drops a page that answers after the list was scrolled away from it", async () => {
    const list = fakeList();
    const w = new PagedWindow(list.fetch);
    const loading = w.reload();
    await list.release();
    await loading;
    w.ensure(4_000, 4_030);
    w.ensure(9_000, 9_030);
    await list.release();
    expect(list.asked).toContain(4_000);
    expect(heldPages(w)).toEqual([90]);
  });
});
