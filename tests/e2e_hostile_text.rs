//! Hostile text in the real window: a corpus of 120 XSS payloads (script
//! tags, event handlers, `javascript:` and `data:` URLs, SVG and MathML
//! tricks, mutation XSS, broken-out attributes, Markdown links and images)
//! is put through every kind of field Atelier renders — project titles and
//! texts, the brief's Markdown preview, vendor names, journal entries and
//! judgement evidence in Markdown, radar themes and labels — and through the
//! radar saved as SVG. On every screen none may run: a global flag stays
//! unset, the window's title unchanged, and the page holds no script, frame,
//! event handler or script URL that the corpus could have brought; the SVG
//! file holds no active content.
#![cfg(feature = "e2e")]

mod support;

use atelier_app::Atelier;
use atelier_core::radar::{Adoption, Family, HypeStage, Judgement};
use atelier_core::theme::RadarThemeDraft;
use atelier_core::vendor::{JournalDraft, JournalKind, VendorType};
use atelier_core::{Modality, ProjectDraft, SaveOptions, VendorDraft};
use support::App;

/// What each payload tries to do.
const ACTIONS: [&str; 3] = ["window.__xss=1", "document.title='XSS'", "top.__xss=1"];

/// The ways in, `ACTION` standing for what they try.
const VECTORS: [&str; 40] = [
    "<script>ACTION</script>",
    "<img src=x onerror=\"ACTION\">",
    "<img src=x onerror=ACTION>",
    "<svg onload=ACTION>",
    "<svg><script>ACTION</script></svg>",
    "<body onload=ACTION>",
    "<iframe srcdoc=\"<script>parent.ACTION</script>\"></iframe>",
    "<iframe src=\"javascript:ACTION\"></iframe>",
    "<a href=\"javascript:ACTION\">lien</a>",
    "[lien](javascript:ACTION)",
    "[lien](JaVaScRiPt:ACTION)",
    "[lien](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==)",
    "![image](x\" onerror=\"ACTION)",
    "<details open ontoggle=ACTION>",
    "<math><mtext><table><mglyph><style><img src=x onerror=ACTION>",
    "<noscript><p title=\"</noscript><img src=x onerror=ACTION>\">",
    "<input autofocus onfocus=ACTION>",
    "<video><source onerror=ACTION></video>",
    "<object data=\"javascript:ACTION\"></object>",
    "<embed src=\"javascript:ACTION\">",
    "<form><button formaction=javascript:ACTION>ok</button></form>",
    "<style>@import 'javascript:ACTION';</style>",
    "<marquee onstart=ACTION>",
    "\"><img src=x onerror=ACTION>",
    "'><svg onload=ACTION>",
    "</textarea><script>ACTION</script>",
    "<svg><a xlink:href=\"javascript:ACTION\"><text>x</text></a></svg>",
    "<svg><animate onbegin=ACTION attributeName=x dur=1s>",
    "<math href=\"javascript:ACTION\">x</math>",
    "<scr<script>ipt>ACTION</script>",
    "<IMG SRC=x OnErRoR=ACTION>",
    "{@html '<img src=x onerror=ACTION>'}",
    "<template><img src=x onerror=ACTION></template>",
    "<base href=\"javascript:ACTION//\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:ACTION\">",
    "<div style=\"background:url(javascript:ACTION)\">x</div>",
    "<svg><foreignObject><img src=x onerror=ACTION></foreignObject></svg>",
    "<a href=\"&#106;avascript:ACTION\">lien</a>",
    "<img src=\"x`<script>ACTION</script>\"`>",
    "<svg><set attributeName=onmouseover to=ACTION />",
];

fn corpus() -> Vec<String> {
    VECTORS
        .iter()
        .flat_map(|v| ACTIONS.iter().map(move |a| v.replace("ACTION", a)))
        .collect()
}

/// The corpus as Markdown notes of at most `max` characters each.
fn notes(corpus: &[String], max: usize) -> Vec<String> {
    let mut out = vec![String::new()];
    for payload in corpus {
        let last = out.last_mut().expect("one");
        if last.chars().count() + payload.chars().count() + 2 > max {
            out.push(String::new());
        }
        let last = out.last_mut().expect("one");
        last.push_str(payload);
        last.push_str("\n\n");
    }
    out
}

/// True when the window is as no payload ran: the flag unset, the title
/// unchanged, and nothing in the page that could run (elements that load
/// or run code, event-handler attributes, script URLs).
const SAFE: &str = r#"
const bad = [];
if (window.__xss !== undefined || top.__xss !== undefined) bad.push("flag set");
if (document.title !== "Atelier") bad.push("title " + document.title);
for (const el of document.body.querySelectorAll("*")) {
  const tag = el.tagName.toLowerCase();
  if (["script", "iframe", "object", "embed", "base", "meta", "frame", "frameset", "noscript"].includes(tag)) bad.push(tag);
  for (const at of el.attributes) {
    const name = at.name.toLowerCase();
    const value = at.value.replace(/[\s\u0000-\u001f]/g, "").toLowerCase();
    if (name.startsWith("on")) bad.push(tag + " " + name);
    if (["href", "src", "action", "formaction", "xlink:href", "data", "srcdoc"].includes(name)
        && (value.startsWith("javascript:") || value.startsWith("data:text/html") || name === "srcdoc")) bad.push(tag + " " + name + "=" + value.slice(0, 40));
  }
}
return bad;
"#;

async fn assert_safe(app: &App, screen: &str) {
    let bad = app.execute(SAFE).await;
    assert_eq!(
        bad,
        serde_json::json!([]),
        "on {screen}, something from the corpus could run"
    );
}

/// Fills a fresh data folder: the corpus in every kind of rendered field.
fn fill(dir: &std::path::Path, corpus: &[String]) {
    let app = Atelier::open(dir).expect("opens");
    let save = SaveOptions::default();
    let long = notes(corpus, 10_000);
    let short = notes(corpus, 500);
    app.create_project(
        ProjectDraft {
            title: "Corpus of hostile text".into(),
            summary: long[0].clone(),
            business_need: long.get(1).cloned().unwrap_or_default(),
            audience: short[0].clone(),
            objectives: short.iter().take(50).cloned().collect(),
            ..Default::default()
        },
        &save,
    )
    .expect("a project of the corpus");
    for title in corpus.iter().filter(|p| p.chars().count() <= 200).take(12) {
        app.create_project(
            ProjectDraft {
                title: title.clone(),
                ..Default::default()
            },
            &save,
        )
        .expect("a project titled with a payload");
    }
    let judgement = |evidence: &str| Judgement {
        hype: HypeStage::Peak,
        pilots: 1,
        references: 1,
        adoption: Adoption::None,
        evidence: evidence.to_owned(),
    };
    let vendor = app
        .create_vendor(VendorDraft {
            name: "Corpus vendor".into(),
            vendor_type: VendorType::Startup,
            modalities: vec![Modality::Elearning],
            website: String::new(),
            country: String::new(),
            tags: Vec::new(),
        })
        .expect("the corpus vendor");
    app.judge_vendor(vendor.id, Some(judgement(&long[0]))).expect("judged");
    for (i, body) in long.iter().enumerate() {
        app.add_journal_entry(
            vendor.id,
            JournalDraft {
                date: chrono::NaiveDate::from_ymd_opt(2026, 11, 1 + i as u32).expect("date"),
                kind: JournalKind::Meeting,
                title: corpus[i].chars().take(200).collect(),
                body: body.clone(),
            },
            &save,
        )
        .expect("a journal entry of the corpus");
    }
    for name in corpus.iter().filter(|p| p.chars().count() <= 200).take(12) {
        app.create_vendor(VendorDraft {
            name: name.clone(),
            vendor_type: VendorType::Established,
            modalities: vec![Modality::VirtualClass],
            website: String::new(),
            country: String::new(),
            tags: Vec::new(),
        })
        .expect("a vendor named with a payload");
    }
    for name in corpus.iter().filter(|p| p.chars().count() <= 200) {
        app.create_theme(RadarThemeDraft {
            name: name.clone(),
            family: Family::Social,
            judgement: judgement(""),
        })
        .expect("a theme named with a payload");
    }
}

#[tokio::test]
async fn no_payload_of_the_corpus_runs_on_any_screen_nor_in_the_saved_radar() {
    let corpus = corpus();
    assert!(corpus.len() >= 100, "a corpus of at least 100 payloads");
    let data = tempfile::tempdir().expect("temp dir");
    fill(data.path(), &corpus);
    let app = App::launch_with_lang(data.path(), "en").await;

    app.wait_for("[data-testid=project-card]").await;
    assert_safe(&app, "the portfolio").await;

    app.execute(
        "[...document.querySelectorAll('[data-testid=project-card] button.title')]\
         .find(b => b.innerText.includes('Corpus of hostile text')).click()",
    )
    .await;
    app.wait_text("[data-testid=project-title]", "Corpus of hostile text")
        .await;
    assert_safe(&app, "the project's page").await;
    app.click("[data-testid=export-brief]").await;
    app.wait_text("[data-testid=brief-preview]", "lien").await;
    assert_safe(&app, "the brief's preview").await;
    app.click("[data-testid=brief-cancel]").await;
    app.wait_gone("[data-testid=brief-dialog]").await;

    app.click("[data-testid=nav-vendors]").await;
    app.wait_until_count("[data-testid=vendor-row]", 13).await;
    assert_safe(&app, "the vendor registry").await;
    app.execute(
        "[...document.querySelectorAll('[data-testid=vendor-row] button.link')]\
         .find(b => b.innerText === 'Corpus vendor').click()",
    )
    .await;
    app.wait_for("[data-testid=entry-body-text]").await;
    app.wait_for("[data-testid=judgement]").await;
    assert_safe(&app, "the vendor's page, journal and judgement").await;

    app.click("[data-testid=nav-vendors]").await;
    app.click("[data-testid=open-radar]").await;
    app.wait_for("[data-testid=radar-point]").await;
    app.wait_for("[data-testid=theme-row]").await;
    assert_safe(&app, "the radar").await;
    app.click("[data-testid=save-radar]").await;
    app.wait_for("[data-testid=toast]").await;
    assert_safe(&app, "the radar once saved").await;
    let svg = std::fs::read_dir(app.files_dir())
        .expect("files folder")
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().ends_with(".svg"))
        .map(|e| std::fs::read_to_string(e.path()).expect("reads the svg"))
        .expect("the radar saved as SVG");
    app.quit().await;
    assert_no_active_content(&svg);
}

/// An SVG a browser would show without running anything, read as XML:
/// only drawing elements, no event handler, no link or reference to a
/// script URL — the payloads are text, and stay text.
fn assert_no_active_content(svg: &str) {
    let doc = roxmltree::Document::parse(svg).expect("the SVG is well-formed XML");
    const DRAWING: [&str; 12] = [
        "svg", "g", "title", "desc", "text", "tspan", "circle", "line", "path", "rect", "polygon", "defs",
    ];
    let mut texts = String::new();
    for node in doc.descendants() {
        if node.is_text() {
            texts.push_str(node.text().unwrap_or_default());
            continue;
        }
        if !node.is_element() {
            continue;
        }
        let tag = node.tag_name().name();
        assert!(DRAWING.contains(&tag), "the SVG holds a <{tag}> element");
        for attribute in node.attributes() {
            let name = attribute.name().to_lowercase();
            let value: String = attribute
                .value()
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_lowercase();
            assert!(!name.starts_with("on"), "the SVG's <{tag}> has an event handler {name}");
            assert!(
                !value.contains("javascript:") && !value.contains("data:") && !value.contains("url("),
                "the SVG's <{tag}> {name} points somewhere: {value}"
            );
        }
    }
    assert!(texts.contains("onerror"), "the payloads are in the SVG, as text");
}
