// The interface language: the catalogs, the current locale, and the
// locale-aware formatting of dates and money.
import type { Lang } from "../bindings";
import { en, type MessageKey } from "./en";
import { fr } from "./fr";

export type { MessageKey };
export const catalogs: Record<Lang, Record<MessageKey, string>> = { en, fr };

/** The OS language as the webview reports it: French when it says so. */
export function systemLang(languages: readonly string[] = navigator.languages ?? [navigator.language]): Lang {
  return languages.some((l) => l.toLowerCase().startsWith("fr")) ? "fr" : "en";
}

class I18n {
  lang = $state<Lang>(systemLang());

  /** The message for `key`, with `{name}` placeholders filled in. */
  t = (key: MessageKey, params: Record<string, string | number> = {}): string =>
    translate(this.lang, key, params);

  get locale(): string {
    return this.lang === "fr" ? "fr-FR" : "en-GB";
  }

  /** A count with the locale's digit grouping ("5 000", "5,000"). */
  number = (n: number): string => new Intl.NumberFormat(this.locale).format(n);

  /** A whole percent with the locale's spacing ("69 %", "69%"). */
  percent = (n: number): string => new Intl.NumberFormat(this.locale, { style: "percent" }).format(n / 100);

  /** A duration in minutes as hours and minutes ("1 h 30", "45 min"). */
  duration = (minutes: number): string => {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    if (h === 0) return `${m} min`;
    return m === 0 ? `${this.number(h)} h` : `${this.number(h)} h ${String(m).padStart(2, "0")}`;
  };

  /** A number with exactly `digits` decimals ("1,60", "1.60"). */
  decimal = (n: number, digits: number): string =>
    new Intl.NumberFormat(this.locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);

  /** A percent kept in tenths (1255) with one decimal ("125,5 %"). */
  percentTenths = (tenths: number): string =>
    new Intl.NumberFormat(this.locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(tenths / 1000);

  /** A score kept in hundredths (362) shown with two decimals ("3,62"). */
  score = (hundredths: number): string =>
    new Intl.NumberFormat(this.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(hundredths / 100);

  /** A calendar date ("2026-03-01") in the DLM's language. */
  date = (iso: string | null | undefined): string => {
    if (!iso) return "";
    const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
    return new Intl.DateTimeFormat(this.locale, { dateStyle: "medium", timeZone: "UTC" }).format(Date.UTC(y, m - 1, d));
  };

  /** A calendar date's month ("déc. 2026", "Dec 2026"), for a scale. */
  month = (iso: string): string => {
    const [y, m] = iso.slice(0, 10).split("-").map(Number);
    return new Intl.DateTimeFormat(this.locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(Date.UTC(y, m - 1, 1));
  };

  /** A calendar date without its year ("10 déc.", "Dec 10"), for a label. */
  dayMonth = (iso: string): string => {
    const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
    return new Intl.DateTimeFormat(this.locale, { day: "numeric", month: "short", timeZone: "UTC" }).format(Date.UTC(y, m - 1, d));
  };

  /** A moment (RFC 3339) as a date in local time. */
  moment = (iso: string): string =>
    new Intl.DateTimeFormat(this.locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));

  /** A file size in the language's units: "213 bytes", "12 kB", "3.4 MB"
   *  in English; "213 octets", "12 ko", "3,4 Mo" in French. */
  fileSize = (bytes: number): string => {
    const units = ["byte", "kilobyte", "megabyte", "gigabyte"];
    let value = bytes;
    let unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
      value /= 1000;
      unit += 1;
    }
    const digits = unit === 0 || value >= 10 ? 0 : 1;
    return new Intl.NumberFormat(this.locale, {
      style: "unit",
      unit: units[unit],
      unitDisplay: unit === 0 ? "long" : "short",
      maximumFractionDigits: digits,
    }).format(value);
  };

  /** An amount in cents of `currency`, e.g. "12 500 €". */
  money = (cents: number | null | undefined, currency: string): string => {
    if (cents === null || cents === undefined) return "";
    const whole = cents % 100 === 0;
    return new Intl.NumberFormat(this.locale, {
      style: "currency",
      currency,
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: 2,
    }).format(cents / 100);
  };
}

/** The message for `key`; with `count` equal to 1, its `_one` form when
 *  the catalog has one ("1 dot" rather than "1 dots"). */
export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const catalog = catalogs[lang];
  const one = `${key}_one` as MessageKey;
  const text = (String(params.count) === "1" && one in catalog ? catalog[one] : catalog[key]) ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export const i18n = new I18n();
export const t = i18n.t;

/** An action on a named thing, for screen readers: "Edit: Kick-off" in
 *  English, "Modifier : Lancement" in French. */
export const about = (action: string, name: string): string => t("common.about", { action, name });
