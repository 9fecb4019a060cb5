// Geometry of the campaign calendar: one date axis shared by the
// project's cycles and its messages, as percentages of the width.
import { fromDay, ticks, toDay } from "../projects/timeline";

/** The days the calendar spans, first and last included. */
export type Span = { first: number; last: number };

/** The span covering every date given (ISO days), a few days of margin on
 *  each side; none when there is no date. */
export function spanOf(dates: string[], margin = 3): Span | null {
  if (dates.length === 0) return null;
  const days = dates.map(toDay);
  return { first: Math.min(...days) - margin, last: Math.max(...days) + margin };
}

/** Where a day stands across the span, from 0 to 100. */
export function at(day: string, span: Span): number {
  const width = Math.max(1, span.last - span.first);
  return ((toDay(day) - span.first) / width) * 100;
}

/** How wide a stretch of days is across the span, ends included, from 0 to 100. */
export function width(start: string, end: string, span: Span): number {
  const days = Math.max(1, span.last - span.first);
  return ((toDay(end) - toDay(start) + 1) / days) * 100;
}

/** The first day of each month within the span, as ISO days. */
export function months(span: Span): string[] {
  return ticks(span.first, span.last, "months").map((d) => fromDay(d).toISOString().slice(0, 10));
}
