//! The Word writer read back by independent tools: the `zip` reader and
//! `roxmltree` for the package and its XML, the schema's element order
//! written out below from ECMA-376 `wml.xsd`, and LibreOffice for the text
//! a reader sees.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use proptest::prelude::*;
use roxmltree::Node;

use super::{write, TEXT_WIDTH};
use crate::document::{Align, Bar, BarChart, Block, Column, Document, Fact, Span, Table};

/// A 2×1 PNG (one blue pixel, one white): small, valid, and not square,
/// so that the picture's proportions can be checked.
const PNG_2X1: [u8; 72] = [
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x02, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x7b, 0x40, 0xe8, 0xdd, 0x00, 0x00, 0x00, 0x0f, 0x49,
    0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0xd0, 0x8b, 0xe9, 0xfa, 0xff, 0xff, 0x3f, 0x00, 0x0b, 0x09, 0x04, 0x12, 0xfc,
    0x4a, 0x72, 0x13, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

/// Text that is markup in XML, CDATA, templates, typst, LaTeX and
/// Markdown: it must come out exactly as typed.
const HOSTILE: &str = "<w:t>&amp; ]]> {{x}} #set $y$ \\textbf{z} *a*";

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WP: &str = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
const PIC: &str = "http://schemas.openxmlformats.org/drawingml/2006/picture";

/// The order of children the schema requires, per element: each slot
/// lists the names allowed at that rank (`a|b`: either, in any order).
/// Taken from ECMA-376 Part 1 `wml.xsd` (CT_PPrBase + CT_PPr, EG_RPrBase
/// in its first-edition sequence order, which Word still expects,
/// CT_TblPrBase, CT_TrPrBase, CT_TcPrBase, CT_SectPr, CT_Style, …) and
/// `dml-wordprocessingDrawing.xsd` / `dml-picture.xsd`. For `w:settings`
/// only the elements written here, in the schema's relative order.
#[rustfmt::skip]
const SCHEMA_ORDER: &[(&str, &str, &[&str])] = &[
    (W, "body", &["p|tbl", "sectPr"]),
    (W, "p", &["pPr", "r|hyperlink"]),
    (W, "hyperlink", &["r"]),
    (W, "r", &["rPr", "t|br|tab|drawing|fldChar|instrText"]),
    (W, "pPr", &[
        "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
        "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
        "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
        "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
        "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
    ]),
    (W, "numPr", &["ilvl", "numId"]),
    (W, "pBdr", &["top", "left", "bottom", "right", "between", "bar"]),
    (W, "rPr", &[
        "ins", "del", "moveFrom", "moveTo", "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps",
        "strike", "dstrike", "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish",
        "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr",
        "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath",
        "rPrChange",
    ]),
    (W, "tbl", &["tblPr", "tblGrid", "tr"]),
    (W, "tblPr", &[
        "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW",
        "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption",
        "tblDescription", "tblPrChange",
    ]),
    (W, "tblBorders", &["top", "left", "bottom", "right", "insideH", "insideV"]),
    (W, "tblCellMar", &["top", "left", "bottom", "right"]),
    (W, "tblGrid", &["gridCol"]),
    (W, "tr", &["tblPrEx", "trPr", "tc"]),
    (W, "trPr", &[
        "cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit", "trHeight", "tblHeader",
        "tblCellSpacing", "jc", "hidden", "ins", "del", "trPrChange",
    ]),
    (W, "tc", &["tcPr", "p|tbl"]),
    (W, "tcPr", &[
        "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar", "textDirection",
        "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel", "cellMerge", "tcPrChange",
    ]),
    (W, "sectPr", &[
        "headerReference|footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc",
        "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg",
        "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange",
    ]),
    (W, "styles", &["docDefaults", "latentStyles", "style"]),
    (W, "docDefaults", &["rPrDefault", "pPrDefault"]),
    (W, "style", &[
        "name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority", "semiHidden",
        "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose", "personalReply", "rsid", "pPr", "rPr",
        "tblPr", "trPr", "tcPr", "tblStylePr",
    ]),
    (W, "numbering", &["numPicBullet", "abstractNum", "num", "numIdMacAtCleanup"]),
    (W, "abstractNum", &["nsid", "multiLevelType", "tmpl", "name", "styleLink", "numStyleLink", "lvl"]),
    (W, "lvl", &[
        "start", "numFmt", "lvlRestart", "pStyle", "isLgl", "suff", "lvlText", "lvlPicBulletId", "legacy", "lvlJc",
        "pPr", "rPr",
    ]),
    (W, "num", &["abstractNumId", "lvlOverride"]),
    (W, "lvlOverride", &["startOverride", "lvl"]),
    (W, "settings", &["zoom", "defaultTabStop", "characterSpacingControl", "compat", "themeFontLang"]),
    (W, "font", &[
        "altName", "panose1", "charset", "family", "notTrueType", "pitch", "sig", "embedRegular", "embedBold",
        "embedItalic", "embedBoldItalic",
    ]),
    (W, "hdr", &["p|tbl"]),
    (W, "ftr", &["p|tbl"]),
    (WP, "inline", &["extent", "effectExtent", "docPr", "cNvGraphicFramePr", "graphic"]),
    (PIC, "pic", &["nvPicPr", "blipFill", "spPr"]),
];

/// A document in French with every kind of block.
fn sample() -> Document {
    let linked = Span {
        text: "guide à jour".into(),
        link: Some("https://guide.example/a b?x=1&y=é&p=100%&q=%C3%A9".into()),
        ..Span::default()
    };
    let code = Span {
        text: "make test".into(),
        code: true,
        ..Span::default()
    };
    let rows = (1..=120)
        .map(|i| {
            let label = if i == 5 {
                HOSTILE.to_owned()
            } else {
                format!("Ligne {i} — équipe pédagogique")
            };
            vec![label, format!("{} €", i * 125), format!("{} %", i % 100)]
        })
        .collect();
    Document {
        lang: "fr",
        title: "Accueil des managers — été".into(),
        subtitle: "Sponsor : Hélène Dupré".into(),
        header: "Atelier · Fiche projet".into(),
        footer: "Document interne".into(),
        page_word: "Page".into(),
        blocks: vec![
            Block::Heading {
                level: 1,
                text: "Contexte et enjeux".into(),
            },
            Block::Paragraph {
                spans: vec![
                    Span::plain("Le référentiel doit être prêt "),
                    Span::bold("avant l'été"),
                    Span::plain(". "),
                    Span::plain(HOSTILE),
                    Span::plain(" Voir le "),
                    linked,
                    Span::plain(" et "),
                    code,
                ],
            },
            Block::Heading {
                level: 2,
                text: "Objectifs".into(),
            },
            ordered(&["Cadrer le périmètre", "Valider le budget"]),
            Block::Paragraph {
                spans: vec![Span::plain("Ensuite :")],
            },
            ordered(&["Recruter les formateurs", "Planifier les sessions"]),
            Block::List {
                ordered: false,
                items: vec![vec![Span::plain("Puce sans numéro")]],
            },
            Block::Heading {
                level: 3,
                text: "Repères".into(),
            },
            Block::Facts {
                facts: vec![
                    Fact {
                        label: "Sponsor".into(),
                        value: "Hélène Dupré".into(),
                    },
                    Fact {
                        label: "Statut".into(),
                        value: HOSTILE.into(),
                    },
                ],
            },
            Block::Heading {
                level: 1,
                text: "Budget détaillé".into(),
            },
            Block::Table(Table {
                columns: vec![
                    column("Poste", Align::Left, 3),
                    column("Montant", Align::Right, 1),
                    column("Part", Align::Right, 1),
                ],
                rows,
            }),
            Block::Chart(chart("Avancement par lot")),
            Block::Chart(chart("Satisfaction des stagiaires")),
        ],
    }
}

fn ordered(items: &[&str]) -> Block {
    Block::List {
        ordered: true,
        items: items.iter().map(|i| vec![Span::plain(*i)]).collect(),
    }
}

fn column(title: &str, align: Align, weight: u8) -> Column {
    Column {
        title: title.into(),
        align,
        weight,
    }
}

fn chart(caption: &str) -> BarChart {
    BarChart {
        caption: caption.into(),
        max: 100,
        bars: vec![
            Bar {
                label: "Lot « conception »".into(),
                value: 62,
                value_text: "62 %".into(),
                target: Some(80),
            },
            Bar {
                label: "Lot déploiement".into(),
                value: 17,
                value_text: "17 %".into(),
                target: None,
            },
        ],
    }
}

/// The sample's charts: a picture for "Avancement par lot", none for the
/// others.
fn pictures_for_progress(chart: &BarChart) -> Option<Vec<u8>> {
    (chart.caption == "Avancement par lot").then(|| PNG_2X1.to_vec())
}

/// A document of `blocks` with empty furniture.
fn bare(blocks: Vec<Block>) -> Document {
    Document {
        lang: "en",
        title: String::new(),
        subtitle: String::new(),
        header: String::new(),
        footer: String::new(),
        page_word: String::new(),
        blocks,
    }
}

/// Every entry of the zip, by name.
fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip archive");
    let mut files = BTreeMap::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).expect("an entry");
        let mut data = Vec::new();
        entry.read_to_end(&mut data).expect("readable entry");
        files.insert(entry.name().expect("a UTF-8 name").into_owned(), data);
    }
    files
}

/// The text of the part `name`.
fn part<'a>(files: &'a BTreeMap<String, Vec<u8>>, name: &str) -> &'a str {
    let bytes = files
        .get(name)
        .unwrap_or_else(|| panic!("no part {name} in {:?}", files.keys()));
    std::str::from_utf8(bytes).expect("UTF-8 part")
}

fn parse<'a>(name: &str, xml: &'a str) -> roxmltree::Document<'a> {
    roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{name} is not well-formed: {e}\n{xml}"))
}

/// The sample written with a picture for its first chart.
fn sample_files() -> BTreeMap<String, Vec<u8>> {
    unzip(&write(&sample(), &pictures_for_progress).expect("written"))
}

/// `w:`-namespaced elements named `name` under `node`.
fn w_elements<'a, 'i>(node: Node<'a, 'i>, name: &'a str) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    node.descendants().filter(move |n| n.has_tag_name((W, name)))
}

/// The `w:val` of a `w:` child named `name`, if any.
fn child_val<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.children()
        .find(|c| c.has_tag_name((W, name)))
        .and_then(|c| c.attribute((W, "val")))
}

/// A paragraph's text as a reader sees it: `w:t`, `w:br` as a line
/// break, `w:tab` as a tab.
fn paragraph_text(p: Node) -> String {
    let mut out = String::new();
    for n in p.descendants() {
        if n.has_tag_name((W, "t")) {
            out.push_str(n.text().unwrap_or(""));
        } else if n.has_tag_name((W, "br")) {
            out.push('\n');
        } else if n.has_tag_name((W, "tab")) && n.parent().is_some_and(|r| r.has_tag_name((W, "r"))) {
            out.push('\t');
        }
    }
    out
}

/// Checks that every element with a rule in [`SCHEMA_ORDER`] has only
/// children the schema allows there, in the schema's order; gives how
/// many elements of each kind were checked.
fn check_schema_order(name: &str, xml: &str, seen: &mut BTreeMap<&'static str, usize>) {
    let doc = parse(name, xml);
    for node in doc.descendants().filter(Node::is_element) {
        let tag = node.tag_name();
        let Some((_, element, order)) = SCHEMA_ORDER
            .iter()
            .find(|(ns, local, _)| tag.namespace() == Some(*ns) && tag.name() == *local)
        else {
            continue;
        };
        *seen.entry(element).or_default() += 1;
        let mut last = 0;
        for child in node.children().filter(Node::is_element) {
            let child_name = child.tag_name().name();
            let rank = order.iter().position(|slot| slot.split('|').any(|n| n == child_name));
            let rank = rank.unwrap_or_else(|| panic!("{name}: <{child_name}> is not allowed in <{element}>"));
            assert!(
                rank >= last,
                "{name}: <{child_name}> comes after <{}> in <{element}>, against the schema's order",
                order[last]
            );
            last = rank;
        }
    }
}

#[test]
fn every_part_is_well_formed_xml() {
    let files = sample_files();
    let expected = [
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/core.xml",
        "docProps/app.xml",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/numbering.xml",
        "word/settings.xml",
        "word/fontTable.xml",
        "word/header1.xml",
        "word/footer1.xml",
        "word/media/chart1.png",
    ];
    for name in expected {
        assert!(files.contains_key(name), "missing {name}: {:?}", files.keys());
    }
    let bytes = write(&sample(), &pictures_for_progress).expect("written");
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes.as_slice())).expect("a zip archive");
    assert_eq!(
        archive.by_index(0).expect("an entry").name().expect("a UTF-8 name"),
        "[Content_Types].xml",
        "content types come first"
    );
    let xml_parts: Vec<&String> = files
        .keys()
        .filter(|n| n.ends_with(".xml") || n.ends_with(".rels"))
        .collect();
    assert_eq!(xml_parts.len(), 12);
    for name in xml_parts {
        parse(name, part(&files, name));
    }
    assert_eq!(files["word/media/chart1.png"], PNG_2X1);
}

#[test]
fn elements_are_in_schema_order() {
    let files = sample_files();
    let mut seen = BTreeMap::new();
    for (name, bytes) in &files {
        if name.ends_with(".xml") {
            check_schema_order(name, std::str::from_utf8(bytes).expect("UTF-8"), &mut seen);
        }
    }
    // The check saw every kind of element the brief lists (it is not
    // vacuous), each many times.
    for kind in [
        "pPr", "rPr", "tblPr", "trPr", "tcPr", "sectPr", "style", "lvl", "settings", "inline", "pic",
    ] {
        assert!(
            seen.get(kind).copied().unwrap_or(0) > 0,
            "no <{kind}> was checked: {seen:?}"
        );
    }
    assert!(seen["tcPr"] > 360, "{seen:?}");
}

#[test]
fn the_order_check_catches_what_docx_rs_got_wrong() {
    // The faults measured in docx-rs's output must fail the check.
    let wrong = [
        "<w:p><w:pPr><w:rPr/><w:pStyle w:val=\"X\"/></w:pPr></w:p>",
        "<w:r><w:rPr><w:sz w:val=\"20\"/><w:b/></w:rPr></w:r>",
        "<w:sectPr><w:pgSz/><w:footerReference/></w:sectPr>",
        "<w:style><w:rPr/><w:pPr/></w:style>",
        "<w:r><w:t>x</w:t><w:rPr/></w:r>",
    ];
    for xml in wrong {
        let xml = format!("<w:root xmlns:w=\"{W}\">{xml}</w:root>");
        let caught = std::panic::catch_unwind(|| check_schema_order("wrong", &xml, &mut BTreeMap::new()));
        assert!(caught.is_err(), "not caught: {xml}");
    }
}

#[test]
fn headings_use_word_builtin_styles() {
    let files = sample_files();
    let doc = parse("document", part(&files, "word/document.xml"));
    let styles: Vec<&str> = w_elements(doc.root(), "pStyle")
        .filter_map(|s| s.attribute((W, "val")))
        .filter(|s| s.starts_with("Heading") || *s == "Title" || *s == "Subtitle")
        .collect();
    assert_eq!(
        styles,
        ["Title", "Subtitle", "Heading1", "Heading2", "Heading3", "Heading1"]
    );

    // The styles are Word's built-in ones: ids, names and outline levels.
    let styles_xml = parse("styles", part(&files, "word/styles.xml"));
    let style = |id: &str| {
        w_elements(styles_xml.root(), "style")
            .find(|s| s.attribute((W, "styleId")) == Some(id))
            .unwrap_or_else(|| panic!("no style {id}"))
    };
    for (id, name, level) in [
        ("Heading1", "heading 1", "0"),
        ("Heading2", "heading 2", "1"),
        ("Heading3", "heading 3", "2"),
    ] {
        let s = style(id);
        assert_eq!(child_val(s, "name"), Some(name));
        let outline = w_elements(s, "outlineLvl").next().and_then(|o| o.attribute((W, "val")));
        assert_eq!(outline, Some(level), "{id}");
    }
    assert_eq!(child_val(style("Title"), "name"), Some("Title"));
    for id in [
        "Normal",
        "Subtitle",
        "ListParagraph",
        "Caption",
        "Header",
        "Footer",
        "Hyperlink",
        "TableText",
        "TableGrid",
    ] {
        style(id);
    }
}

#[test]
fn only_the_first_row_of_a_long_table_repeats() {
    let files = sample_files();
    let doc = parse("document", part(&files, "word/document.xml"));
    let table = w_elements(doc.root(), "tbl")
        .find(|t| w_elements(*t, "tr").count() == 121)
        .expect("the 120-row table");
    let rows: Vec<Node> = table.children().filter(|r| r.has_tag_name((W, "tr"))).collect();
    let repeating: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| w_elements(**r, "tblHeader").next().is_some())
        .map(|(i, _)| i)
        .collect();
    assert_eq!(repeating, [0], "only the header row repeats");
    assert!(
        paragraph_text(rows[0]).starts_with("PosteMontantPart"),
        "{}",
        paragraph_text(rows[0])
    );

    // Grid widths follow the weights 3:1:1 and fill the text width, with
    // no `w:type` on gridCol (not in the schema).
    let widths: Vec<u32> = w_elements(table, "gridCol")
        .map(|g| {
            assert_eq!(g.attributes().count(), 1, "gridCol has only w:w");
            g.attribute((W, "w")).and_then(|w| w.parse().ok()).expect("a width")
        })
        .collect();
    assert_eq!(widths.iter().sum::<u32>(), TEXT_WIDTH);
    assert_eq!(widths[1], widths[0] / 3);

    // Figures are right-aligned, labels not; the header row is shaded.
    let cells: Vec<Node> = rows[1].children().filter(|c| c.has_tag_name((W, "tc"))).collect();
    let jc: Vec<Option<&str>> = cells
        .iter()
        .map(|c| w_elements(*c, "jc").next().and_then(|j| j.attribute((W, "val"))))
        .collect();
    assert_eq!(jc, [None, Some("right"), Some("right")]);
    assert!(w_elements(rows[0], "shd").count() == 3, "shaded header");
    assert!(w_elements(table, "tblBorders").next().is_some(), "borders");
}

#[test]
fn each_ordered_list_counts_from_one() {
    let files = sample_files();
    let doc = parse("document", part(&files, "word/document.xml"));
    let mut num_ids: Vec<&str> = w_elements(doc.root(), "numId")
        .filter_map(|n| n.attribute((W, "val")))
        .collect();
    num_ids.dedup();
    assert_eq!(num_ids, ["1", "2", "3"], "one numbering instance per list");

    let numbering = parse("numbering", part(&files, "word/numbering.xml"));
    let format_of = |abstract_id: &str| {
        w_elements(numbering.root(), "abstractNum")
            .find(|a| a.attribute((W, "abstractNumId")) == Some(abstract_id))
            .and_then(|a| w_elements(a, "numFmt").next())
            .and_then(|f| f.attribute((W, "val")))
    };
    let nums: Vec<(Option<&str>, Option<&str>)> = w_elements(numbering.root(), "num")
        .map(|n| {
            let format = child_val(n, "abstractNumId").and_then(format_of);
            let start = w_elements(n, "startOverride")
                .next()
                .and_then(|s| s.attribute((W, "val")));
            (format, start)
        })
        .collect();
    assert_eq!(
        nums,
        [
            (Some("decimal"), Some("1")),
            (Some("decimal"), Some("1")),
            (Some("bullet"), None)
        ]
    );
}

#[test]
fn charts_become_pictures_or_tables() {
    let files = sample_files();
    let doc = parse("document", part(&files, "word/document.xml"));
    let inline = doc
        .descendants()
        .find(|n| n.has_tag_name((WP, "inline")))
        .expect("a picture");
    let extent = inline
        .children()
        .find(|n| n.has_tag_name((WP, "extent")))
        .expect("extent");
    // 16 cm wide, half as tall, as the 2×1 image.
    assert_eq!(extent.attribute("cx"), Some("5760000"));
    assert_eq!(extent.attribute("cy"), Some("2880000"));
    let doc_pr = inline
        .children()
        .find(|n| n.has_tag_name((WP, "docPr")))
        .expect("docPr");
    assert_eq!(doc_pr.attribute("descr"), Some("Avancement par lot"));
    let blip = doc.descendants().find(|n| n.has_tag_name("blip")).expect("blip");
    let rel = blip.attribute((R, "embed")).expect("r:embed");
    let rels = parse("rels", part(&files, "word/_rels/document.xml.rels"));
    let target = rels
        .descendants()
        .find(|r| r.attribute("Id") == Some(rel))
        .and_then(|r| r.attribute("Target"));
    assert_eq!(target, Some("media/chart1.png"));

    // The chart without a picture is a table of its labels and values.
    let fallback = w_elements(doc.root(), "tbl").last().expect("the chart's table");
    let rows: Vec<String> = w_elements(fallback, "tr").map(paragraph_text).collect();
    assert_eq!(rows, ["Lot « conception »62 %", "Lot déploiement17 %"]);

    // Something that is not a PNG is not embedded either.
    let garbage = write(&bare(vec![Block::Chart(chart("x"))]), &|_| Some(b"GIF89a".to_vec())).expect("written");
    let files = unzip(&garbage);
    assert!(!files.keys().any(|k| k.starts_with("word/media/")));
    assert_eq!(
        w_elements(parse("d", part(&files, "word/document.xml")).root(), "tr").count(),
        2
    );
}

#[test]
fn text_is_escaped_and_cleaned() {
    let text = "  deux espaces\u{0}\u{1b}, une\u{b} ligne\r\nsuivante\tet un\u{FFFF} onglet  ";
    let doc = bare(vec![Block::Paragraph {
        spans: vec![Span::plain(HOSTILE), Span::plain(text)],
    }]);
    let files = unzip(&write(&doc, &|_| None).expect("written"));
    let xml = part(&files, "word/document.xml");
    let parsed = parse("document", xml);
    let p = w_elements(parsed.root(), "p").next().expect("the paragraph");
    assert_eq!(
        paragraph_text(p),
        format!("{HOSTILE}  deux espaces, une ligne\nsuivante\tet un onglet  "),
        "the text as typed, without the characters XML forbids"
    );
    assert!(xml.contains("&lt;w:t&gt;&amp;amp; ]]&gt;"), "escaped, not CDATA: {xml}");
    let preserved = w_elements(parsed.root(), "t")
        .filter(|t| t.attribute(("http://www.w3.org/XML/1998/namespace", "space")).is_some());
    assert!(preserved.count() >= 1, "leading and trailing spaces kept");
}

#[test]
fn links_point_to_external_relationships() {
    let files = sample_files();
    let doc = parse("document", part(&files, "word/document.xml"));
    let link = w_elements(doc.root(), "hyperlink").next().expect("a hyperlink");
    assert_eq!(paragraph_text(link), "guide à jour");
    assert_eq!(
        w_elements(link, "rStyle").next().and_then(|s| s.attribute((W, "val"))),
        Some("Hyperlink")
    );
    let id = link.attribute((R, "id")).expect("r:id");
    let rels = parse("rels", part(&files, "word/_rels/document.xml.rels"));
    let rel = rels
        .descendants()
        .find(|r| r.attribute("Id") == Some(id))
        .expect("its relationship");
    assert_eq!(rel.attribute("TargetMode"), Some("External"));
    assert_eq!(
        rel.attribute("Target"),
        Some("https://guide.example/a%20b?x=1&y=%C3%A9&p=100%25&q=%C3%A9")
    );
    assert!(rel.attribute("Type").is_some_and(|t| t.ends_with("/hyperlink")));
}

#[test]
fn page_is_a4_with_header_and_footer_fields() {
    let files = sample_files();
    let doc = parse("document", part(&files, "word/document.xml"));
    let sect = w_elements(doc.root(), "sectPr").next().expect("sectPr");
    let children: Vec<Node> = sect.children().filter(Node::is_element).collect();
    assert_eq!(children[0].tag_name().name(), "headerReference");
    assert_eq!(children[1].tag_name().name(), "footerReference");
    let rels = parse("rels", part(&files, "word/_rels/document.xml.rels"));
    let target = |n: &Node| {
        let id = n.attribute((R, "id"));
        rels.descendants()
            .find(|r| r.attribute("Id") == id)
            .and_then(|r| r.attribute("Target"))
    };
    assert_eq!(target(&children[0]), Some("header1.xml"));
    assert_eq!(target(&children[1]), Some("footer1.xml"));
    let size = w_elements(sect, "pgSz").next().expect("pgSz");
    assert_eq!(
        (size.attribute((W, "w")), size.attribute((W, "h"))),
        (Some("11906"), Some("16838"))
    );
    let margins = w_elements(sect, "pgMar").next().expect("pgMar");
    for side in ["top", "right", "bottom", "left", "header", "footer", "gutter"] {
        assert!(margins.attribute((W, side)).is_some(), "margin {side}");
    }

    let header = parse("header", part(&files, "word/header1.xml"));
    assert_eq!(
        paragraph_text(w_elements(header.root(), "p").next().expect("p")),
        "Atelier · Fiche projet"
    );
    let footer = parse("footer", part(&files, "word/footer1.xml"));
    let instructions: Vec<&str> = w_elements(footer.root(), "instrText")
        .filter_map(|i| i.text())
        .map(str::trim)
        .collect();
    assert_eq!(instructions, ["PAGE", "NUMPAGES"]);
    assert_eq!(w_elements(footer.root(), "fldChar").count(), 6);
    assert_eq!(
        paragraph_text(w_elements(footer.root(), "p").next().expect("p")),
        "Document interne\tPage 1 / 1"
    );
}

#[test]
fn language_is_declared() {
    for (lang, tag) in [("fr", "fr-FR"), ("en", "en-GB")] {
        let doc = Document { lang, ..sample() };
        let files = unzip(&write(&doc, &|_| None).expect("written"));
        let styles = parse("styles", part(&files, "word/styles.xml"));
        let defaults = w_elements(styles.root(), "rPrDefault").next().expect("rPrDefault");
        assert_eq!(
            w_elements(defaults, "lang")
                .next()
                .and_then(|l| l.attribute((W, "val"))),
            Some(tag)
        );
        let core = parse("core", part(&files, "docProps/core.xml"));
        let language = core
            .descendants()
            .find(|n| n.tag_name().name() == "language")
            .and_then(|n| n.text());
        assert_eq!(language, Some(tag));
        let title = core
            .descendants()
            .find(|n| n.tag_name().name() == "title")
            .and_then(|n| n.text());
        assert_eq!(title, Some("Accueil des managers — été"));
    }
}

#[test]
fn odd_documents_still_make_valid_files() {
    let ragged = Table {
        columns: vec![column("Seule", Align::Right, 0)],
        rows: vec![vec![], vec!["a".into(), "b".into(), "c".into()]],
    };
    let docs = [
        bare(vec![]),
        bare(vec![
            Block::Heading {
                level: 0,
                text: "zéro".into(),
            },
            Block::Heading {
                level: 9,
                text: "neuf".into(),
            },
            Block::Table(Table {
                columns: vec![],
                rows: vec![],
            }),
            Block::Table(ragged),
            Block::Table(Table {
                columns: vec![column("a", Align::Left, 1), column("b", Align::Left, 1)],
                rows: vec![],
            }),
            Block::List {
                ordered: true,
                items: vec![],
            },
            Block::List {
                ordered: false,
                items: vec![vec![]],
            },
            Block::Facts { facts: vec![] },
            Block::Paragraph { spans: vec![] },
            Block::Paragraph {
                spans: vec![Span {
                    text: "lien vide".into(),
                    link: Some("  ".into()),
                    ..Span::default()
                }],
            },
            Block::Chart(BarChart {
                caption: String::new(),
                max: 0,
                bars: vec![],
            }),
        ]),
    ];
    for doc in &docs {
        for png in [None, Some(PNG_2X1.to_vec()), Some(vec![])] {
            let files = unzip(&write(doc, &|_| png.clone()).expect("written"));
            let mut seen = BTreeMap::new();
            for (name, bytes) in &files {
                if name.ends_with(".xml") || name.ends_with(".rels") {
                    check_schema_order(name, std::str::from_utf8(bytes).expect("UTF-8"), &mut seen);
                }
            }
            let document = parse("document", part(&files, "word/document.xml"));
            for tbl in w_elements(document.root(), "tbl") {
                assert!(w_elements(tbl, "tr").count() > 0, "no table without rows");
            }
            for tr in w_elements(document.root(), "tr") {
                assert!(w_elements(tr, "tc").count() > 0, "no empty row");
            }
            for tc in w_elements(document.root(), "tc") {
                assert_eq!(w_elements(tc, "p").count(), 1, "a cell holds a paragraph");
            }
            assert_eq!(
                w_elements(document.root(), "hyperlink").count(),
                0,
                "a blank link is no link"
            );
        }
    }
}

/// The text LibreOffice reads in `docx`, converted headless with a
/// profile of its own (parallel runs do not share one).
fn libreoffice_text(docx: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("brief.docx");
    std::fs::write(&input, docx).expect("docx written");
    let profile = format!("-env:UserInstallation=file://{}", dir.path().join("profile").display());
    let log = |name: &str| std::fs::File::create(dir.path().join(name)).expect("log file");
    let mut child = Command::new("soffice")
        .arg(profile)
        .args(["--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir"])
        .arg(dir.path())
        .arg(&input)
        .stdin(Stdio::null())
        .stdout(log("out.log"))
        .stderr(log("err.log"))
        .spawn()
        .expect("LibreOffice's soffice is installed (libreoffice-writer-nogui; `make test` installs it)");
    let status = wait_at_most(&mut child, Duration::from_secs(180));
    let logs = read_logs(dir.path());
    assert!(status.success(), "soffice failed ({status}): {logs}");
    let text =
        std::fs::read_to_string(dir.path().join("brief.txt")).unwrap_or_else(|e| panic!("no text ({e}): {logs}"));
    text.trim_start_matches('\u{feff}').to_owned()
}

/// The child's exit status, killing it after `limit`.
fn wait_at_most(child: &mut std::process::Child, limit: Duration) -> std::process::ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("soffice waited for") {
            return status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("soffice took more than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn read_logs(dir: &Path) -> String {
    ["out.log", "err.log"]
        .iter()
        .map(|n| std::fs::read_to_string(dir.join(n)).unwrap_or_default())
        .collect()
}

#[test]
fn libreoffice_reads_the_text_as_typed() {
    let text = libreoffice_text(&write(&sample(), &pictures_for_progress).expect("written"));
    for expected in [
        "Accueil des managers — été",
        "Sponsor : Hélène Dupré",
        "Contexte et enjeux",
        "Le référentiel doit être prêt avant l'été.",
        HOSTILE,
        "guide à jour",
        "make test",
        "Cadrer le périmètre",
        "Planifier les sessions",
        "Ligne 120 — équipe pédagogique",
        "15000 €",
        "Satisfaction des stagiaires",
        "Lot « conception »",
        "17 %",
    ] {
        assert!(
            text.contains(expected),
            "LibreOffice does not read {expected:?} in:\n{text}"
        );
    }
    // The hostile string: once in the paragraph, once as a fact, once in
    // the table.
    assert_eq!(text.matches(HOSTILE).count(), 3, "{text}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever the text, the file is written, its XML parses, and the
    /// paragraph reads as typed (less what XML cannot carry; a lone CR
    /// is a line break).
    #[test]
    fn any_text_round_trips(text in "\\PC*|[\\x00-\\x7f\u{a0}\u{202f}\u{fffe}\u{ffff}]*", link in "\\PC*") {
        let doc = Document {
            title: text.clone(),
            header: text.clone(),
            ..bare(vec![
                Block::Paragraph { spans: vec![Span { text: text.clone(), link: Some(link), bold: true, ..Span::default() }] },
                Block::Table(Table { columns: vec![column(&text, Align::Right, 1)], rows: vec![vec![text.clone()]] }),
            ])
        };
        let files = unzip(&write(&doc, &|_| None).expect("written"));
        for (name, bytes) in &files {
            if name.ends_with(".xml") || name.ends_with(".rels") {
                parse(name, std::str::from_utf8(bytes).expect("UTF-8"));
            }
        }
        let document = parse("document", part(&files, "word/document.xml"));
        let expected: String = text
            .replace("\r\n", "\n")
            .replace('\r', "\n")
            .chars()
            .filter(|c| matches!(c, '\t' | '\n') || (*c >= ' ' && !matches!(c, '\u{fffe}' | '\u{ffff}')))
            .collect();
        let paragraphs: Vec<String> = w_elements(document.root(), "p").map(paragraph_text).collect();
        let occurrences = paragraphs.iter().filter(|p| **p == expected).count();
        // The title, the paragraph, the header cell and the body cell.
        prop_assert!(occurrences >= 4 || expected.is_empty(), "{expected:?} in {paragraphs:?}");
    }
}
