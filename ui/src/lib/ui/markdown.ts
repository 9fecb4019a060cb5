// Free notes are written in Markdown and shown formatted. The HTML that
// Markdown produces is sanitised before it reaches the page: no script, no
// event handler, no remote content can come from what a DLM pasted.
import DOMPurify from "dompurify";
import { marked } from "marked";

const ALLOWED_TAGS = ["p", "br", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "h1", "h2", "h3", "h4", "hr", "a", "table", "thead", "tbody", "tr", "th", "td"];

/** Safe HTML for a Markdown text. Links keep their address but open nothing
 *  inside the app (the webview has no navigation to offer). */
export function renderMarkdown(text: string): string {
  const html = marked.parse(text, { async: false, gfm: true, breaks: true });
  return DOMPurify.sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR: ["href", "title"], ALLOW_DATA_ATTR: false });
}
