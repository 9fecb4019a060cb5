import { describe, expect, it } from "vitest";
import { parseAmount, parseDuration, readDate, readDuration, readRequiredAmount, readWhole } from "./reading";
import type { Unreadable } from "./save";

describe("parseAmount", () => {
  it("reads French and English ways of writing money", () => {
    expect(parseAmount("12 500")).toBe(1_250_000);
    expect(parseAmount("12\u202f500,50")).toBe(1_250_050);
    expect(parseAmount("12,500.50")).toBe(1_250_050);
    expect(parseAmount("12.500,5")).toBe(1_250_050);
    expect(parseAmount("9.5")).toBe(950);
    expect(parseAmount("48 000 €")).toBe(4_800_000);
    expect(parseAmount("1,000")).toBe(100_000);
  });

  it("keeps 'not known' apart from zero, and passes negatives on for the backend to refuse", () => {
    expect(parseAmount("  ")).toBeNull();
    expect(parseAmount("0")).toBe(0);
    expect(parseAmount("-5")).toBe(-500);
  });

  it("flags what is not an amount", () => {
    expect(parseAmount("douze")).toBe("invalid");
    expect(parseAmount("12,5,0")).toBe("invalid");
    expect(parseAmount("1.234.56")).toBe("invalid");
  });
});

describe("parseDuration", () => {
  it("reads minutes, hours and minutes, and decimals rounded to the minute", () => {
    expect(parseDuration("45")).toBe(45);
    expect(parseDuration("45,5")).toBe(46);
    expect(parseDuration("45.5")).toBe(46);
    expect(parseDuration("90 min")).toBe(90);
    expect(parseDuration("1 h 30")).toBe(90);
    expect(parseDuration("1h30")).toBe(90);
    expect(parseDuration("1:30")).toBe(90);
    expect(parseDuration("2 h")).toBe(120);
    expect(parseDuration("1,5 h")).toBe(90);
    expect(parseDuration(" ")).toBeNull();
  });

  it("flags what is not a duration", () => {
    expect(parseDuration("une heure")).toBe("invalid");
    expect(parseDuration("1:75")).toBe("invalid");
    expect(parseDuration("-5")).toBe("invalid");
  });
});

describe("reading into a draft", () => {
  it("names what it could not read and sends it empty", () => {
    const unreadable: Unreadable = {};
    expect(readDate("2026-12-01", "start", unreadable)).toBe("2026-12-01");
    expect(readDate("", "start", unreadable)).toBeNull();
    expect(readDate("31/02/2026", "end", unreadable)).toBeNull();
    expect(readDuration("trois heures", "duration_minutes", unreadable)).toBe(0);
    expect(readDuration("1 h 15", "other", unreadable)).toBe(75);
    expect(unreadable).toEqual({ end: "not_a_date", duration_minutes: "not_a_duration" });
  });
});

describe("whole numbers and required amounts", () => {
  it("reads a count or a percentage, and names what it cannot read", () => {
    const unreadable = {};
    expect(readWhole("50 %", "isolation", unreadable)).toBe(50);
    expect(readWhole("1 200", "participants", unreadable)).toBe(1200);
    expect(unreadable).toEqual({});
    expect(readWhole("", "a", unreadable)).toBe(0);
    expect(readWhole("4,5", "b", unreadable)).toBe(0);
    expect(unreadable).toEqual({ a: "required", b: "not_a_count" });
  });

  it("asks for a required amount", () => {
    const unreadable = {};
    expect(readRequiredAmount("60 000", "amount", unreadable)).toBe(6_000_000);
    expect(readRequiredAmount("", "blank", unreadable)).toBe(0);
    expect(readRequiredAmount("abc", "bad", unreadable)).toBe(0);
    expect(unreadable).toEqual({ blank: "required", bad: "not_a_number" });
  });
});
