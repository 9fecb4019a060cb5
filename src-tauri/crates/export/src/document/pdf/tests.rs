//! The PDF read back by readers that share nothing with typst: poppler's
//! `pdftotext`, `pdffonts` and `pdfinfo`, and `qpdf`.

use std::io::Write;
use std::process::Command;

use tempfile::NamedTempFile;

use super::*;
use crate::document::{Align, Bar, Block, Column, Fact, Span, Table};

/// Markup of every language typst or a neighbour could read, typed by a DLM.
const HOSTILE: &str = r#"#set page(width: 1cm) #panic("x") $x^2$ \textbf{y} <b>z</b> *a* _b_ [c] @d // e /* f */"#;

/// A French document made of `blocks`.
fn doc(blocks: Vec<Block>) -> Document {
    Document {
        lang: "fr",
        title: "Accueil des nouveaux managers".into(),
        subtitle: "Sponsor\u{a0}: Direction des ressources humaines — 3 mars 2025".into(),
        header: "Accueil des nouveaux managers — note de cadrage".into(),
        footer: "Atelier · confidentiel".into(),
        page_word: "Page".into(),
        blocks,
    }
}

/// A paragraph of plain text.
fn para(text: &str) -> Block {
    Block::Paragraph {
        spans: vec![Span::plain(text)],
    }
}

/// A table of `rows` rows under the columns "Tâche", "Responsable", "Échéance visée", "Charge".
fn task_table(rows: usize) -> Block {
    let col = |title: &str, align, weight| Column {
        title: title.into(),
        align,
        weight,
    };
    Block::Table(Table {
        columns: vec![
            col("Tâche", Align::Left, 4),
            col("Responsable", Align::Left, 2),
            col("Échéance visée", Align::Left, 2),
            col("Charge", Align::Right, 1),
        ],
        rows: (1..=rows)
            .map(|i| {
                vec![
                    format!("Tâche n°\u{a0}{i} : préparer le module et le relire avec l’équipe"),
                    "Élodie Martin".into(),
                    format!("{}\u{a0}avril 2025", i % 28 + 1),
                    format!("{}\u{202f}h", i % 9 + 1),
                ]
            })
            .collect(),
    })
}

/// A chart of three bars, one over its maximum, one with no target.
fn chart() -> BarChart {
    let bar = |label: &str, value, target| Bar {
        label: label.into(),
        value,
        value_text: format!("{value}\u{202f}%"),
        target,
    };
    BarChart {
        caption: "Taux de complétion par module, cible en trait noir".into(),
        max: 100,
        bars: vec![
            bar("Module 1 — Accueil", 82, Some(80)),
            bar("Module 2 — Entretiens", 45, Some(70)),
            bar("Module 3", 130, None),
        ],
    }
}

/// A document with every kind of block.
fn sample() -> Document {
    doc(vec![
        Block::Facts {
            facts: vec![
                Fact {
                    label: "Sponsor".into(),
                    value: "Claire Dubois, DRH".into(),
                },
                Fact {
                    label: "Budget".into(),
                    value: "12\u{202f}500\u{a0}€".into(),
                },
            ],
        },
        Block::Heading {
            level: 1,
            text: "Contexte et objectifs".into(),
        },
        Block::Paragraph {
            spans: vec![
                Span::bold("Prêt"),
                Span::plain(" avant la rentrée\u{202f}; voir le "),
                Span {
                    text: "guide".into(),
                    link: Some("https://guide.example/accueil".into()),
                    ..Span::default()
                },
                Span::plain(", la commande "),
                Span {
                    text: "atelier export".into(),
                    code: true,
                    ..Span::default()
                },
                Span::plain(" et l’"),
                Span {
                    text: "annexe".into(),
                    italic: true,
                    bold: true,
                    ..Span::default()
                },
                Span::plain("."),
            ],
        },
        Block::List {
            ordered: false,
            items: vec![
                vec![Span::plain("Former 40 managers")],
                vec![Span::plain("Mesurer à 3 mois")],
            ],
        },
        Block::List {
            ordered: true,
            items: vec![vec![Span::plain("Cadrer")], vec![Span::plain("Concevoir")]],
        },
        Block::Heading {
            level: 2,
            text: "Planning".into(),
        },
        task_table(12),
        Block::Chart(chart()),
    ])
}

/// `doc` written as PDF to a temporary file, for the command-line readers.
fn pdf_of(doc: &Document) -> NamedTempFile {
    let pdf = write(doc).expect("typesets");
    let mut f = NamedTempFile::new().expect("creates a temporary file");
    f.write_all(&pdf).expect("writes the temporary file");
    f
}

/// The standard output of `program args…`, which must succeed.
fn run(program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} could not run ({e}): is it installed?"));
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
    assert!(
        out.status.success(),
        "{program} failed: {stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// The temporary file's path, for a command line.
fn path(pdf: &NamedTempFile) -> &str {
    pdf.path().to_str().expect("a UTF-8 temporary path")
}

/// What pdftotext reads in the PDF with `options` (UTF-8 text by default).
fn pdftotext(pdf: &NamedTempFile, options: &[&str]) -> String {
    let args: Vec<&str> = ["-enc", "UTF-8"]
        .iter()
        .chain(options)
        .chain(&[path(pdf), "-"])
        .copied()
        .collect();
    run("pdftotext", &args)
}

/// The text of the whole PDF (or of page `page`), as pdftotext reads it.
fn text(pdf: &NamedTempFile, page: Option<usize>) -> String {
    match page {
        Some(n) => {
            let n = n.to_string();
            pdftotext(pdf, &["-f", &n, "-l", &n])
        }
        None => pdftotext(pdf, &[]),
    }
}

/// Text with non-breaking spaces as spaces and every run of white space as
/// one space, so that line breaks and justification do not matter.
fn normalised(text: &str) -> String {
    text.replace(['\u{a0}', '\u{202f}'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A field of `pdfinfo`'s report, e.g. "Pages" or "Tagged".
fn info(pdf: &NamedTempFile, key: &str) -> String {
    let report = run("pdfinfo", &[path(pdf)]);
    report
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{key}:")))
        .unwrap_or_else(|| panic!("no {key} in {report}"))
        .trim()
        .to_owned()
}

/// The number of pages.
fn pages(pdf: &NamedTempFile) -> usize {
    info(pdf, "Pages").parse().expect("a number of pages")
}

#[test]
fn the_text_and_french_typography_survive() {
    let pdf = pdf_of(&sample());
    let got = normalised(&text(&pdf, None));
    for expected in [
        "Accueil des nouveaux managers",
        "Sponsor\u{a0}: Direction des ressources humaines — 3 mars 2025",
        // Facts are a grid: pdftotext reads its labels, then its values.
        "12\u{202f}500\u{a0}€",
        "Contexte et objectifs",
        "Prêt avant la rentrée\u{202f}; voir le guide, la commande atelier export et l’annexe.",
        "Former 40 managers",
        "Tâche n°\u{a0}12 : préparer le module",
        "Élodie Martin",
        "Taux de complétion par module, cible en trait noir",
        "Module 2 — Entretiens",
        "45\u{202f}%",
    ] {
        assert!(got.contains(&normalised(expected)), "{expected:?} not in {got}");
    }
}

#[test]
fn the_pdf_is_valid_tagged_and_links() {
    let pdf = pdf_of(&sample());
    let check = run("qpdf", &["--check", path(&pdf)]);
    assert!(check.contains("No syntax or stream encoding errors"), "{check}");
    assert_eq!(info(&pdf, "Tagged"), "yes");
    assert_eq!(info(&pdf, "Title"), "Accueil des nouveaux managers");
    assert!(info(&pdf, "Page size").contains("(A4)"));
    let urls = run("pdfinfo", &["-url", path(&pdf)]);
    assert!(urls.contains("https://guide.example/accueil"), "{urls}");
}

#[test]
fn every_font_is_embedded_and_subset() {
    let pdf = pdf_of(&sample());
    let fonts = run("pdffonts", &[path(&pdf)]);
    // Two header lines, then one line per font.
    let lines: Vec<&str> = fonts.lines().skip(2).collect();
    for style in [
        "NotoSans-Regular",
        "NotoSans-Bold",
        "NotoSans-BoldItalic",
        "NotoSansMono-Regular",
    ] {
        assert!(lines.iter().any(|l| l.contains(style)), "{style} not in {fonts}");
    }
    for line in &lines {
        let words: Vec<&str> = line.split_whitespace().collect();
        // name type… encoding emb sub uni object ID: emb and sub are the
        // 5th and 4th words from the end.
        let n = words.len();
        assert!(n >= 7, "{line}");
        assert_eq!((words[n - 5], words[n - 4]), ("yes", "yes"), "{line}");
    }
}

#[test]
fn a_long_table_repeats_its_header_on_every_page_under_the_running_header() {
    let pdf = pdf_of(&doc(vec![para("Les tâches du projet."), task_table(120)]));
    let n = pages(&pdf);
    assert!(n >= 3, "{n} pages");
    for page in 1..=n {
        let got = text(&pdf, Some(page));
        assert_eq!(got.matches("Échéance visée").count(), 1, "page {page}: {got}");
        assert_eq!(got.matches("Responsable").count(), 1, "page {page}");
        // The running header from the second page on, the footer on all.
        assert_eq!(got.contains("note de cadrage"), page > 1, "page {page}: {got}");
        assert!(got.contains("Atelier · confidentiel"), "page {page}");
        assert!(got.contains(&format!("Page {page} / {n}")), "page {page}: {got}");
    }
    let all = normalised(&text(&pdf, None));
    assert!(all.contains("Tâche n° 120 :"), "the last row is there");
}

#[test]
fn markup_typed_by_the_dlm_prints_as_typed() {
    let hostile_doc = Document {
        title: HOSTILE.into(),
        header: HOSTILE.into(),
        ..doc(vec![
            Block::Heading {
                level: 1,
                text: HOSTILE.into(),
            },
            para(HOSTILE),
            Block::Facts {
                facts: vec![Fact {
                    label: "Sponsor".into(),
                    value: HOSTILE.into(),
                }],
            },
            Block::Table(Table {
                columns: vec![Column {
                    title: "Note".into(),
                    align: Align::Left,
                    weight: 1,
                }],
                rows: vec![vec![HOSTILE.into()]],
            }),
        ])
    };
    let pdf = pdf_of(&hostile_doc);
    let got = normalised(&text(&pdf, None));
    // Title, heading, paragraph, fact, cell (the header is not on page 1).
    assert_eq!(got.matches(HOSTILE).count(), 5, "{got}");
    // The page is still A4 and the document one page long.
    assert!(
        info(&pdf, "Page size").starts_with("595.276 x 841.89"),
        "{}",
        info(&pdf, "Page size")
    );
    assert_eq!(pages(&pdf), 1);
}

#[test]
fn an_empty_document_is_one_blank_page() {
    let empty = Document {
        lang: "en",
        title: String::new(),
        subtitle: String::new(),
        header: String::new(),
        footer: String::new(),
        page_word: String::new(),
        blocks: Vec::new(),
    };
    let pdf = pdf_of(&empty);
    assert_eq!(pages(&pdf), 1);
    run("qpdf", &["--check", path(&pdf)]);
}

#[test]
fn odd_blocks_are_laid_out_not_refused() {
    let odd = doc(vec![
        Block::Heading {
            level: 0,
            text: "Niveau 0".into(),
        },
        Block::Heading {
            level: 9,
            text: "Niveau 9".into(),
        },
        Block::Paragraph { spans: Vec::new() },
        Block::Paragraph {
            spans: vec![Span {
                text: "lien vide".into(),
                link: Some(String::new()),
                ..Span::default()
            }],
        },
        Block::List {
            ordered: true,
            items: vec![Vec::new()],
        },
        Block::Facts { facts: Vec::new() },
        Block::Table(Table {
            columns: Vec::new(),
            rows: vec![vec!["orpheline".into()]],
        }),
        Block::Table(Table {
            columns: vec![Column {
                title: "Poids nul".into(),
                align: Align::Right,
                weight: 0,
            }],
            rows: vec![Vec::new(), vec!["a".into(), "en trop".into()]],
        }),
        Block::Chart(BarChart {
            caption: String::new(),
            max: 0,
            bars: vec![Bar {
                label: "Sans maximum".into(),
                value: 5,
                value_text: "5".into(),
                target: Some(7),
            }],
        }),
        para("ligne 1\nligne 2"),
    ]);
    let pdf = pdf_of(&odd);
    let got = normalised(&text(&pdf, None));
    for expected in [
        "Niveau 0",
        "Niveau 9",
        "lien vide",
        "Poids nul",
        "Sans maximum",
        "ligne 1 ligne 2",
    ] {
        assert!(got.contains(expected), "{expected} not in {got}");
    }
}

#[test]
fn a_long_unbroken_address_stays_on_the_page() {
    let url = format!("https://lms.example/parcours/{}", "x".repeat(300));
    let pdf = pdf_of(&doc(vec![
        Block::Table(Table {
            columns: vec![
                Column {
                    title: "Adresse".into(),
                    align: Align::Left,
                    weight: 1,
                },
                Column {
                    title: "Statut".into(),
                    align: Align::Right,
                    weight: 1,
                },
            ],
            rows: vec![vec![url.clone(), "publié".into()]],
        }),
        para(&format!("Voir {url} avant la session.")),
    ]));
    // Every word ends inside the right margin (A4 is 595.28 pt wide, the
    // margin 2.2 cm = 62.36 pt).
    let boxes = pdftotext(&pdf, &["-bbox"]);
    for word in boxes.lines().filter(|l| l.contains("<word")) {
        let x_max: f64 = word
            .split("xMax=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .and_then(|x| x.parse().ok())
            .expect("a word box");
        assert!(x_max <= 595.28 - 62.36 + 0.5, "{word}");
    }
    // The breaks add no character: the address reads back whole.
    let got: String = text(&pdf, None).split_whitespace().collect();
    assert_eq!(got.matches(&url).count(), 2, "{got}");
}

#[test]
fn the_same_document_gives_the_same_bytes() {
    // No clock, no random ids: an export can be compared with the last one.
    assert_eq!(write(&sample()).expect("typesets"), write(&sample()).expect("typesets"));
}

#[test]
fn a_chart_alone_is_a_png_the_width_of_the_text() {
    let png = chart_png(&chart(), "fr").expect("draws the chart");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    // IHDR: width and height, big-endian, after the signature and the
    // chunk's length and type. 16 cm at 2 pixels per point.
    let width = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
    let height = u32::from_be_bytes([png[20], png[21], png[22], png[23]]);
    assert_eq!(width, 907);
    assert!((60..400).contains(&height), "{height}");
    // A language typst does not know falls back rather than failing.
    assert!(chart_png(&chart(), "pas une langue").is_ok());
}

#[test]
fn a_chart_too_tall_for_an_image_is_refused() {
    let tall = BarChart {
        bars: (0..1500)
            .map(|i| Bar {
                label: format!("Barre {i}"),
                value: i,
                value_text: i.to_string(),
                target: None,
            })
            .collect(),
        ..chart()
    };
    assert!(matches!(chart_png(&tall, "fr"), Err(PdfError::ChartTooLarge { .. })));
}
