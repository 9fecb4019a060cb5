// Which rows of a long list are on screen: the list renders only those
// (plus a small margin), whatever the size of the portfolio.

export type Range = { start: number; end: number };

/** Rows `[start, end)` to render for a viewport scrolled to `scrollTop`. */
export function visibleRange(scrollTop: number, viewport: number, rowHeight: number, rowCount: number, overscan = 4): Range {
  if (rowCount <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const shown = Math.ceil(Math.max(0, viewport) / rowHeight) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(rowCount, first + shown + overscan);
  return { start: Math.min(start, end), end };
}

/** The pages of `pageSize` items that cover items `[start, end)`. */
export function pagesCovering(start: number, end: number, pageSize: number): number[] {
  if (end <= start) return [];
  const first = Math.floor(start / pageSize);
  const last = Math.floor((end - 1) / pageSize);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
