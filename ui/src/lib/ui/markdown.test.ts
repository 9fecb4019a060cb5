import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown";

describe("renderMarkdown", () => {
  it("formats notes", () => {
    const html = renderMarkdown("**Sophie** dit :\n\n- pas le temps\n- peur de mal faire");
    expect(html).toContain("<strong>Sophie</strong>");
    expect(html).toContain("<li>pas le temps</li>");
  });

  it("lets no script run, whatever is pasted", () => {
    const pasted = [
      "<script>alert(1)</script>",
      '<img src="x" onerror="alert(2)">',
      "[clic](javascript:alert(3))",
      '<a href="#" onclick="alert(4)">lien</a>',
      '<iframe src="https://example.org"></iframe>',
      "<style>body{display:none}</style>",
    ].join("\n\n");
    const html = renderMarkdown(pasted);
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|<iframe|<img|<style/i);
  });
});
