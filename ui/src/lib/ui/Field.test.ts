import { cleanup, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import Harness from "./FieldHarness.test.svelte";

afterEach(cleanup);

describe("a form field", () => {
  it("labels its control and links its hint", () => {
    render(Harness, { hint: "Shown on the card." });
    const input = screen.getByLabelText("Title");
    expect(input.getAttribute("aria-invalid")).toBeNull();
    expect(input.getAttribute("aria-describedby")).toBe("title-hint");
    expect(screen.queryByTestId("title-error")).toBeNull();
  });

  it("marks its control invalid and links the error to it", () => {
    render(Harness, { hint: "Shown on the card.", error: "Give it a title." });
    const input = screen.getByLabelText("Title");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(input.getAttribute("aria-describedby")).toBe("title-hint title-error");
    expect(screen.getByTestId("title-error").textContent).toBe("Give it a title.");
  });

  it("links nothing when there is nothing to link", () => {
    render(Harness, {});
    expect(screen.getByLabelText("Title").getAttribute("aria-describedby")).toBeNull();
  });
});
