import { afterEach, describe, expect, it } from "vitest";
import { addDays, addMonths, datePlaceholder, formatDateInput, monthGrid, monthTitle, parseDateInput, todayIso, weekdayNames } from "./dates";
import { i18n } from "./i18n/index.svelte";

const initialLang = i18n.lang;
afterEach(() => {
  i18n.lang = initialLang;
});

describe("formatDateInput", () => {
  it("writes the day first in both languages", () => {
    expect(formatDateInput("2026-12-01", "fr")).toBe("01/12/2026");
    expect(formatDateInput("2026-12-01", "en")).toBe("01/12/2026");
    expect(formatDateInput("0007-03-09", "fr")).toBe("09/03/0007");
  });

  it("leaves blank and unreadable text as it is", () => {
    expect(formatDateInput("", "fr")).toBe("");
    expect(formatDateInput("demain", "fr")).toBe("demain");
    expect(formatDateInput("2026-0", "en")).toBe("2026-0");
  });
});

describe("parseDateInput", () => {
  it("reads day, month and year as a French or English DLM types them", () => {
    expect(parseDateInput("01/12/2026", "fr")).toBe("2026-12-01");
    expect(parseDateInput("1/12/2026", "fr")).toBe("2026-12-01");
    expect(parseDateInput("5/3/2027", "en")).toBe("2027-03-05");
    expect(parseDateInput("15.01.2027", "fr")).toBe("2027-01-15");
    expect(parseDateInput("15-01-2027", "en")).toBe("2027-01-15");
    expect(parseDateInput("15 01 2027", "fr")).toBe("2027-01-15");
    expect(parseDateInput("  15 / 01 / 2027  ", "fr")).toBe("2027-01-15");
  });

  it("reads an ISO date typed as is", () => {
    expect(parseDateInput("2026-06-10", "fr")).toBe("2026-06-10");
    expect(parseDateInput("2026-6-1", "en")).toBe("2026-06-01");
  });

  it("reads two-digit years as 20yy", () => {
    expect(parseDateInput("01/12/26", "fr")).toBe("2026-12-01");
    expect(parseDateInput("1.2.05", "en")).toBe("2005-02-01");
  });

  it("returns null for blank text", () => {
    expect(parseDateInput("", "fr")).toBeNull();
    expect(parseDateInput("   ", "en")).toBeNull();
  });

  it("refuses days that do not exist", () => {
    expect(parseDateInput("31/02/2026", "fr")).toBe("invalid");
    expect(parseDateInput("29/02/2026", "fr")).toBe("invalid");
    expect(parseDateInput("29/02/2028", "fr")).toBe("2028-02-29");
    expect(parseDateInput("31/04/2026", "en")).toBe("invalid");
    expect(parseDateInput("00/01/2026", "en")).toBe("invalid");
    expect(parseDateInput("12/13/2026", "en")).toBe("invalid");
    expect(parseDateInput("2026-02-30", "en")).toBe("invalid");
  });

  it("refuses text it cannot read", () => {
    for (const text of ["demain", "2026", "2026-0", "2026-06-", "01/12", "01/12/202", "01/12/20266", "1/1/1/2026", "12/2026", "01122026", "01/12/2026x"]) {
      expect(parseDateInput(text, "fr"), text).toBe("invalid");
    }
  });

  it("does not bound the year: the backend refuses it with its own message", () => {
    expect(parseDateInput("01/01/0007", "fr")).toBe("0007-01-01");
    expect(parseDateInput("0007-01-01", "en")).toBe("0007-01-01");
    expect(parseDateInput("01/01/2150", "en")).toBe("2150-01-01");
  });
});

describe("datePlaceholder", () => {
  it("shows the format in the app's language", () => {
    expect(datePlaceholder("fr")).toBe("jj/mm/aaaa");
    expect(datePlaceholder("en")).toBe("dd/mm/yyyy");
  });
});

describe("monthGrid", () => {
  it("starts weeks on Monday", () => {
    // 1 December 2026 is a Tuesday.
    const weeks = monthGrid(2026, 11);
    expect(weeks[0]).toEqual([null, "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06"]);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
    expect(weeks.at(-1)).toEqual(["2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31", null, null, null]);
  });

  it("fits February 2027 in exactly four weeks", () => {
    // 1 February 2027 is a Monday, and 2027 is not a leap year.
    const weeks = monthGrid(2027, 1);
    expect(weeks).toHaveLength(4);
    expect(weeks[0][0]).toBe("2027-02-01");
    expect(weeks[3][6]).toBe("2027-02-28");
  });

  it("puts a month starting on Sunday at the end of its first row", () => {
    // 1 March 2026 is a Sunday: six rows.
    const weeks = monthGrid(2026, 2);
    expect(weeks[0]).toEqual([null, null, null, null, null, null, "2026-03-01"]);
    expect(weeks).toHaveLength(6);
    expect(weeks[5]).toEqual(["2026-03-30", "2026-03-31", null, null, null, null, null]);
  });

  it("counts 29 days in a leap February", () => {
    expect(monthGrid(2028, 1).flat().filter(Boolean)).toHaveLength(29);
  });
});

describe("calendar moves", () => {
  it("adds days across months and years", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-12-01", 7)).toBe("2026-12-08");
  });

  it("adds months, keeping the day inside the month", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-12-15", 1)).toBe("2027-01-15");
    expect(addMonths("2026-01-15", -1)).toBe("2025-12-15");
    expect(addMonths("2028-02-29", 12)).toBe("2029-02-28");
  });

  it("gives today in local time", () => {
    expect(todayIso(new Date(2026, 5, 9, 23, 30))).toBe("2026-06-09");
  });
});

describe("names", () => {
  it("follow the app's language, Monday first", () => {
    i18n.lang = "fr";
    expect(monthTitle(2026, 11)).toBe("Décembre 2026");
    expect(weekdayNames()[0].long).toBe("lundi");
    expect(weekdayNames()[6].long).toBe("dimanche");
    i18n.lang = "en";
    expect(monthTitle(2026, 11)).toBe("December 2026");
    expect(weekdayNames()[0].short).toBe("Mon");
  });
});
