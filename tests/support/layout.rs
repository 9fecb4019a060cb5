//! The layout guard: on the screen as it stands, every visible button, link
//! and field lies inside the window horizontally, is not cut off by a
//! container, and is the element hit at its own centre (nothing covers
//! it); no text runs out of its box, nor its box out of its container, nor
//! hides behind sideways scrolling — text that is cut (ellipsis) must
//! carry its full wording in a `title` for hover.
//!
//! Areas that scroll sideways on purpose (the timeline) carry
//! `data-scroll-x`; what lies inside them is not held to the window's width.

use serde_json::Value;

use super::App;

/// The window sizes every screen is checked at: a common corporate laptop
/// and the usual 13-inch one.
pub const SIZES: [(u32, u32); 2] = [(1024, 768), (1280, 800)];

/// Runs in the page; returns a list of problems as sentences. Scroll
/// positions it changes to bring controls into view are put back.
const CHECK_JS: &str = r#"
const problems = [];
const vw = document.documentElement.clientWidth;
const vh = document.documentElement.clientHeight;
const modals = [...document.querySelectorAll('dialog[open]')];
const root = modals.length > 0 ? modals[modals.length - 1] : document.body;
const scrolled = [...document.querySelectorAll('*')]
  .filter((e) => e.scrollTop !== 0 || e.scrollLeft !== 0)
  .map((e) => [e, e.scrollTop, e.scrollLeft]);
const name = (el) => {
  const id = el.dataset && el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : (el.id ? `#${el.id}` : '');
  const text = (el.getAttribute('aria-label') || el.innerText || el.value || el.placeholder || '').trim().replace(/\s+/g, ' ').slice(0, 50);
  return `<${el.tagName.toLowerCase()}${id}>${text ? ` "${text}"` : ''}`;
};
const shown = (el) => {
  if (el.closest('[aria-hidden="true"], .visually-hidden, [inert]')) return false;
  for (let a = el; a; a = a.parentElement) {
    const st = getComputedStyle(a);
    if (st.display === 'none' || st.visibility === 'hidden' || st.opacity === '0') return false;
    // Text kept for screen readers only (clipped to nothing).
    if (st.position === 'absolute' && st.clip && st.clip !== 'auto') return false;
  }
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
};
const sideways = (el) => el.closest('[data-scroll-x]') !== null;
const clips = (a) => getComputedStyle(a).overflowX !== 'visible';
const controls = root.querySelectorAll(
  'button, a[href], input:not([type=hidden]), select, textarea, [role=button], [role=tab], [tabindex="0"]');
for (const el of controls) {
  if (!shown(el) || sideways(el)) continue;
  let r = el.getBoundingClientRect();
  if (r.left < -1 || r.right > vw + 1) {
    problems.push(`${name(el)} runs out of the window: ${Math.round(r.left)}–${Math.round(r.right)} px of ${vw}`);
    continue;
  }
  let cut = null;
  for (let a = el.parentElement; a && a !== document.body && a !== root.parentElement; a = a.parentElement) {
    if (!clips(a)) continue;
    const ar = a.getBoundingClientRect();
    if (r.left < ar.left - 1 || r.right > ar.right + 1) { cut = a; break; }
  }
  if (cut) {
    problems.push(`${name(el)} is cut off sideways by ${name(cut)}`);
    continue;
  }
  if (r.top < 0 || r.bottom > vh) {
    el.scrollIntoView({ block: 'center', inline: 'nearest' });
    r = el.getBoundingClientRect();
  }
  const x = r.left + r.width / 2;
  const y = r.top + r.height / 2;
  if (y < 0 || y > vh) continue;
  const hit = document.elementFromPoint(x, y);
  const own = hit && (hit === el || el.contains(hit) || (el.labels && [...el.labels].some((l) => l.contains(hit))));
  if (!own) problems.push(`${name(el)} is covered at its centre by ${hit ? name(hit) : 'nothing'}`);
}
const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
const seen = new Set();
while (walker.nextNode()) {
  const node = walker.currentNode;
  const el = node.parentElement;
  if (!el || !node.textContent.trim() || el.closest('svg, option, script, style')) continue;
  if (!shown(el) || sideways(el)) continue;
  const range = document.createRange();
  range.selectNodeContents(node);
  const t = range.getBoundingClientRect();
  if (t.width === 0) continue;
  // The box the text is drawn in: its element, or for inline elements
  // the nearest block around it; and the nearest container that clips.
  let box = el;
  while (box.parentElement && getComputedStyle(box).display === 'inline') box = box.parentElement;
  const b = box.getBoundingClientRect();
  let clipper = null;
  for (let a = el; a && a !== document.body && a !== root.parentElement; a = a.parentElement) {
    if (clips(a)) { clipper = a; break; }
  }
  const snippet = node.textContent.trim().replace(/\s+/g, ' ').slice(0, 40);
  const beyond = (r) => t.left < r.left - 1 || t.right > r.right + 1;
  if (clipper && beyond(clipper.getBoundingClientRect())) {
    if (seen.has(clipper)) continue;
    seen.add(clipper);
    const overflow = getComputedStyle(clipper).overflowX;
    if (overflow === 'auto' || overflow === 'scroll') {
      problems.push(`"${snippet}" is hidden behind sideways scrolling in ${name(clipper)}`);
    } else if (!el.closest('[title]')) {
      problems.push(`"${snippet}" is cut in ${name(clipper)} with no title giving it in full`);
    }
  } else if (beyond(b)) {
    if (seen.has(box)) continue;
    seen.add(box);
    problems.push(`"${snippet}" runs out of ${name(box)} (${Math.round(Math.max(t.right - b.right, b.left - t.left))} px)`);
  } else {
    // The text fits its box: the box must fit its container (a chip
    // wider than its table cell covers the next column).
    let holder = box.parentElement;
    while (holder && getComputedStyle(holder).display === 'contents') holder = holder.parentElement;
    if (!holder || seen.has(box) || ['absolute', 'fixed'].includes(getComputedStyle(box).position)) continue;
    const h = holder.getBoundingClientRect();
    if ((b.right > h.right + 1 || b.left < h.left - 1) && !clips(holder)) {
      seen.add(box);
      problems.push(`${name(box)} is wider than ${name(holder)} (${Math.round(Math.max(b.right - h.right, h.left - b.left))} px)`);
    }
  }
}
for (const [e, top, left] of scrolled) { e.scrollTop = top; e.scrollLeft = left; }
for (const e of document.querySelectorAll('*')) {
  if (!scrolled.some(([s]) => s === e) && (e.scrollTop !== 0 || e.scrollLeft !== 0)) { e.scrollTop = 0; e.scrollLeft = 0; }
}
return problems;
"#;

impl App {
    /// Sizes the window so that the page is `width`×`height` and waits
    /// until it has that size and is drawn again. (The harness's X server
    /// runs no window manager: the window has no frame; what it holds
    /// besides the page is the menu bar.)
    pub async fn resize_viewport(&self, width: u32, height: u32) {
        let around = self
            .execute("return [window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight]")
            .await;
        let extra = |i: usize| around[i].as_u64().and_then(|v| u32::try_from(v).ok()).unwrap_or(0);
        let (outer_width, outer_height) = (width + extra(0), height + extra(1));
        if let Err(e) = self.client().set_window_size(outer_width, outer_height).await {
            panic!("resizing the window to {outer_width}×{outer_height}: {e}");
        }
        self.wait_js(&format!(
            "document.documentElement.clientWidth === {width} && window.innerHeight === {height}"
        ))
        .await;
        self.wait_painted().await;
    }

    /// What breaks the layout rules on the screen as it stands (see the
    /// module's documentation); empty when all is well.
    pub async fn layout_problems(&self) -> Vec<String> {
        match self.execute(CHECK_JS).await {
            Value::Array(items) => items
                .into_iter()
                .map(|v| v.as_str().unwrap_or_default().to_owned())
                .collect(),
            other => panic!("the layout check answered {other}"),
        }
    }

    /// The window's outer size and the screen's, in pixels.
    pub async fn window_and_screen(&self) -> Value {
        self.execute(
            "return { outer: [window.outerWidth, window.outerHeight], \
             screen: [screen.availWidth, screen.availHeight] };",
        )
        .await
    }
}

/// Closes the confirmation toasts, which would cover the bottom of the
/// screen in a check or a screenshot.
pub async fn dismiss_toasts(app: &App) {
    app.execute("document.querySelectorAll('[data-testid=toast] button:last-child').forEach(b => b.click())")
        .await;
    app.wait_gone("[data-testid=toast]").await;
}

/// The problems of one screen at one size, each named by where it was seen.
pub fn located(problems: Vec<String>, lang: &str, (w, h): (u32, u32), screen: &str) -> Vec<String> {
    problems
        .into_iter()
        .map(|p| format!("{lang} {w}×{h} {screen}: {p}"))
        .collect()
}

/// Fails with every problem found, or passes when there is none.
pub fn assert_no_problems(problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{} layout problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}
