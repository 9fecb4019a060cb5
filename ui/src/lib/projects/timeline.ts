// Geometry of the portfolio timeline: days to pixels at each zoom, and
// the ticks of the scale. Dates are ISO calendar days, handled in UTC.

export type Zoom = "weeks" | "months" | "quarters";
export const PX_PER_DAY: Record<Zoom, number> = { weeks: 24, months: 5, quarters: 1.6 };
const DAY = 86_400_000;

export const toDay = (iso: string): number => Math.round(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY);
export const fromDay = (day: number): Date => new Date(day * DAY);

/** The first day of each week (Monday), month or quarter in `[first, last]`. */
export function ticks(first: number, last: number, zoom: Zoom): number[] {
  const out: number[] = [];
  if (zoom === "weeks") {
    const monday = first - ((fromDay(first).getUTCDay() + 6) % 7);
    for (let d = monday; d <= last; d += 7) if (d >= first) out.push(d);
    return out;
  }
  const step = zoom === "months" ? 1 : 3;
  const start = fromDay(first);
  let y = start.getUTCFullYear();
  let m = zoom === "months" ? start.getUTCMonth() : Math.floor(start.getUTCMonth() / 3) * 3;
  for (;;) {
    const d = Math.round(Date.UTC(y, m, 1) / DAY);
    if (d > last) return out;
    if (d >= first) out.push(d);
    m += step;
    if (m >= 12) {
      m -= 12;
      y += 1;
    }
  }
}
