// Calendar dates as the DLM types and reads them: day first in both
// languages ("01/12/2026"; the app writes English as en-GB), stored as ISO
// "yyyy-mm-dd". Pure functions, apart from the names of months and days,
// which follow the app's language (never the system's).
import type { Lang } from "./bindings";
import { i18n, translate } from "./i18n/index.svelte";

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
/** An ISO date as typed, with one- or two-digit month and day. */
const ISO_TYPED = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** Day, month, year: separated by / . - or spaces (with spaces around). */
const DAY_FIRST = /^(\d{1,2})(?:\s*[/.-]\s*|\s+)(\d{1,2})(?:\s*[/.-]\s*|\s+)(\d{4}|\d{2})$/;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The number of days in a month (`month0` from 0 for January). */
export function daysInMonth(year: number, month0: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month0];
}

/** "yyyy-mm-dd" for a year, a month from 0 and a day. */
export function isoOf(year: number, month0: number, day: number): string {
  return `${pad(year, 4)}-${pad(month0 + 1)}-${pad(day)}`;
}

/** The year, month from 0 and day of a well-formed, existing ISO date;
 *  null for anything else. */
export function isoParts(iso: string): { year: number; month0: number; day: number } | null {
  const m = ISO.exec(iso);
  if (!m) return null;
  const year = Number(m[1]);
  const month0 = Number(m[2]) - 1;
  const day = Number(m[3]);
  if (month0 < 0 || month0 > 11 || day < 1 || day > daysInMonth(year, month0)) return null;
  return { year, month0, day };
}

/** A UTC instant on that calendar day, safe for years below 100. */
function utc(year: number, month0: number, day: number): Date {
  const d = new Date(Date.UTC(2000, 0, 1));
  d.setUTCFullYear(year, month0, day);
  return d;
}

/** An ISO date as the field shows it: "2026-12-01" → "01/12/2026" in
 *  both languages. Text that is not an ISO date comes back unchanged. */
export function formatDateInput(iso: string, _lang: Lang = i18n.lang): string {
  const m = ISO.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** What the DLM typed, as an ISO date; null when blank, "invalid" when it
 *  cannot be read or names a day that does not exist (31/02). Years are
 *  not bounded here: the backend refuses those out of range itself. */
export function parseDateInput(text: string, _lang: Lang = i18n.lang): string | null | "invalid" {
  const s = text.trim();
  if (s === "") return null;
  let year: number, month: number, day: number;
  const iso = ISO_TYPED.exec(s);
  const dmy = iso ? null : DAY_FIRST.exec(s);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (dmy) {
    [day, month] = [Number(dmy[1]), Number(dmy[2])];
    year = dmy[3].length === 2 ? 2000 + Number(dmy[3]) : Number(dmy[3]);
  } else {
    return "invalid";
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month - 1)) return "invalid";
  return isoOf(year, month - 1, day);
}

/** The format hint of the field: "dd/mm/yyyy", "jj/mm/aaaa". */
export function datePlaceholder(lang: Lang = i18n.lang): string {
  return translate(lang, "date.placeholder");
}

/** The weeks of a month, Monday first: each a row of 7 ISO dates, with
 *  null for the days of the months before and after. */
export function monthGrid(year: number, month0: number): (string | null)[][] {
  const lead = (utc(year, month0, 1).getUTCDay() + 6) % 7; // Monday = 0
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let day = 1; day <= daysInMonth(year, month0); day++) cells.push(isoOf(year, month0, day));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** The ISO date `days` days after (or before) `iso`. */
export function addDays(iso: string, days: number): string {
  const p = isoParts(iso);
  if (!p) return iso;
  const d = utc(p.year, p.month0, p.day + days);
  return isoOf(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

/** The same day `months` months later (or earlier), kept inside the
 *  month: 31 January plus one month is 28 or 29 February. */
export function addMonths(iso: string, months: number): string {
  const p = isoParts(iso);
  if (!p) return iso;
  const total = p.year * 12 + p.month0 + months;
  const year = Math.floor(total / 12);
  const month0 = total - year * 12;
  return isoOf(year, month0, Math.min(p.day, daysInMonth(year, month0)));
}

/** Today in the computer's time zone, as ISO. */
export function todayIso(now: Date = new Date()): string {
  return isoOf(now.getFullYear(), now.getMonth(), now.getDate());
}

const upperFirst = (s: string) => s.charAt(0).toLocaleUpperCase(i18n.locale) + s.slice(1);

/** The title of a month in the app's language: "Décembre 2026", "December 2026". */
export function monthTitle(year: number, month0: number): string {
  return upperFirst(new Intl.DateTimeFormat(i18n.locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(utc(year, month0, 1)));
}

/** The days of the week, Monday first, in the app's language:
 *  short ("lun.", "Mon") and long ("lundi", "Monday"). */
export function weekdayNames(): { short: string; long: string }[] {
  const short = new Intl.DateTimeFormat(i18n.locale, { weekday: "short", timeZone: "UTC" });
  const long = new Intl.DateTimeFormat(i18n.locale, { weekday: "long", timeZone: "UTC" });
  // 5 January 2026 is a Monday.
  return Array.from({ length: 7 }, (_, i) => {
    const d = utc(2026, 0, 5 + i);
    return { short: short.format(d), long: long.format(d) };
  });
}

/** A day in full, for screen readers: "mardi 1 décembre 2026". */
export function longDate(iso: string): string {
  const p = isoParts(iso);
  if (!p) return iso;
  return new Intl.DateTimeFormat(i18n.locale, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    utc(p.year, p.month0, p.day),
  );
}
