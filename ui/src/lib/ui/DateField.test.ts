import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { todayIso } from "../dates";
import { i18n } from "../i18n/index.svelte";
import DateField from "./DateField.svelte";
import Harness from "./DateFieldHarness.test.svelte";

const initialLang = i18n.lang;
beforeEach(() => {
  i18n.lang = "en";
});
afterEach(() => {
  cleanup();
  i18n.lang = initialLang;
});

const field = () => screen.getByTestId("due") as HTMLInputElement;
const bound = () => screen.getByTestId("bound").textContent;

/** Lets the calendar finish opening (it moves the focus after a render). */
async function openCalendar() {
  await fireEvent.click(screen.getByTestId("due-picker"));
  await new Promise((resolve) => setTimeout(resolve, 0));
}

async function type(text: string) {
  field().focus();
  field().value = text;
  await fireEvent.input(field());
}

describe("DateField", () => {
  it("shows an ISO value day first", () => {
    render(DateField, { id: "due", testid: "due", value: "2026-12-01" });
    expect(field().value).toBe("01/12/2026");
    expect(field().type).toBe("text");
    expect(screen.getByLabelText("Choose a date")).toBe(screen.getByTestId("due-picker"));
  });

  it("is labelled by an outside label through its id", () => {
    render(Harness);
    expect(screen.getByLabelText("Due")).toBe(field());
  });

  it("binds the ISO date of what is typed, reformatted on blur", async () => {
    render(Harness);
    await type("15/01/2027");
    expect(bound()).toBe("2027-01-15");
    expect(field().value).toBe("15/01/2027");
    await type("3.2.27");
    expect(bound()).toBe("2027-02-03");
    expect(field().value).toBe("3.2.27");
    await fireEvent.blur(field());
    expect(field().value).toBe("03/02/2027");
  });

  it("passes unreadable text on as typed, and blank as empty", async () => {
    render(Harness, { initial: "2026-12-01" });
    await type("31/02/2026");
    expect(bound()).toBe("31/02/2026");
    await fireEvent.blur(field());
    expect(field().value).toBe("31/02/2026");
    await type("   ");
    expect(bound()).toBe("");
  });

  it("never rewrites an ISO date typed one key at a time", async () => {
    render(Harness);
    const target = "2026-06-10";
    for (let i = 1; i <= target.length; i++) {
      await type(target.slice(0, i));
      expect(field().value).toBe(target.slice(0, i));
    }
    expect(bound()).toBe("2026-06-10");
    await fireEvent.blur(field());
    expect(field().value).toBe("10/06/2026");
  });

  it("follows a value set or cleared from outside", async () => {
    render(Harness, { initial: "2026-12-01" });
    await fireEvent.click(screen.getByTestId("set-outside"));
    expect(field().value).toBe("09/03/2027");
    await fireEvent.click(screen.getByTestId("clear-outside"));
    expect(field().value).toBe("");
  });

  it("marks itself invalid and described when asked", () => {
    render(DateField, { id: "due", testid: "due", "aria-invalid": "true", "aria-describedby": "due-error" });
    expect(field().getAttribute("aria-invalid")).toBe("true");
    expect(field().getAttribute("aria-describedby")).toBe("due-error");
  });

  it("shows the French format when the app is in French", () => {
    i18n.lang = "fr";
    render(DateField, { id: "due", testid: "due" });
    expect(field().placeholder).toBe("jj/mm/aaaa");
    expect(screen.getByTestId("due-picker").getAttribute("aria-label")).toBe("Choisir une date");
  });

  it("picks a day from the calendar, then closes and gives the focus back", async () => {
    render(Harness, { initial: "2026-12-01" });
    const picker = screen.getByTestId("due-picker");
    expect(picker.getAttribute("aria-expanded")).toBe("false");
    await openCalendar();
    expect(picker.getAttribute("aria-expanded")).toBe("true");
    const calendar = screen.getByTestId("due-calendar");
    expect(calendar.textContent).toContain("December 2026");
    const selected = calendar.querySelector('[data-date="2026-12-01"]')!;
    expect(selected.getAttribute("aria-pressed")).toBe("true");
    await fireEvent.click(calendar.querySelector('[data-date="2026-12-15"]')!);
    expect(bound()).toBe("2026-12-15");
    expect(field().value).toBe("15/12/2026");
    expect(screen.queryByTestId("due-calendar")).toBeNull();
    expect(document.activeElement).toBe(field());
  });

  it("shows French weekday and month names, Monday first", async () => {
    i18n.lang = "fr";
    render(Harness, { initial: "2026-12-01" });
    await openCalendar();
    const calendar = screen.getByTestId("due-calendar");
    expect(calendar.textContent).toContain("Décembre 2026");
    expect(calendar.querySelector("th abbr")!.getAttribute("title")).toBe("lundi");
    expect(screen.getByLabelText("Mois suivant")).toBeTruthy();
    expect(screen.getByText("Aujourd'hui")).toBeTruthy();
  });

  it("opens on today's month when empty, and marks today", async () => {
    render(Harness);
    await openCalendar();
    const today = screen.getByTestId("due-calendar").querySelector(`[data-date="${todayIso()}"]`)!;
    expect(today.getAttribute("aria-current")).toBe("date");
    expect(document.activeElement).toBe(today);
    await fireEvent.click(screen.getByTestId("due-today"));
    expect(bound()).toBe(todayIso());
  });

  it("moves by keyboard: arrows by day and week, pages by month", async () => {
    render(Harness, { initial: "2026-12-31" });
    await openCalendar();
    const focused = () => (document.activeElement as HTMLElement).dataset.date;
    expect(focused()).toBe("2026-12-31");
    const key = async (k: string) => {
      await fireEvent.keyDown(document.activeElement!, { key: k });
      await new Promise((resolve) => setTimeout(resolve, 0));
    };
    await key("ArrowRight");
    expect(focused()).toBe("2027-01-01");
    expect(screen.getByTestId("due-calendar").textContent).toContain("January 2027");
    await key("ArrowUp");
    expect(focused()).toBe("2026-12-25");
    await key("PageDown");
    expect(focused()).toBe("2027-01-25");
    await key("ArrowLeft");
    await key("ArrowDown");
    expect(focused()).toBe("2027-01-31");
    await key("PageUp");
    expect(focused()).toBe("2026-12-31");
    await fireEvent.click(screen.getByLabelText("Previous month"));
    expect(screen.getByTestId("due-calendar").textContent).toContain("November 2026");
    expect(bound()).toBe("2026-12-31");
  });

  it("closes on Escape and on a press outside, without changing the value", async () => {
    render(Harness, { initial: "2026-12-01" });
    await openCalendar();
    await fireEvent.keyDown(document.activeElement!, { key: "Escape" });
    expect(screen.queryByTestId("due-calendar")).toBeNull();
    expect(document.activeElement).toBe(field());
    await openCalendar();
    expect(screen.getByTestId("due-calendar")).toBeTruthy();
    await fireEvent.pointerDown(document.body);
    expect(screen.queryByTestId("due-calendar")).toBeNull();
    expect(bound()).toBe("2026-12-01");
  });
});
