//! The exports a DLM sends each week, in the real window, in French and in
//! English: a sample project's brief as PDF, Word and Markdown in the
//! other language than the screen's (the preview following the choice),
//! its milestones and the portfolio's as calendar files, the portfolio's
//! report of the projects a filter keeps as CSV and PDF; every file is
//! opened with an independent reader (pdftotext and pdffonts, LibreOffice,
//! a second iCalendar parser), and the choice is remembered after a
//! restart. The project's archive, imported into a second, empty data
//! directory, shows the same project, and again as a new copy.
#![cfg(feature = "e2e")]

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use support::{in_days, App};

/// What one run expects to read, in the screen's language and the
/// document's.
struct Words {
    ui: &'static str,
    doc: &'static str,
    /// The sample opened (its title in the screen's language).
    title: &'static str,
    /// A section title of the brief, in the document's language.
    need_heading: &'static str,
    /// Titles of the brief's last sections, in the document's language.
    later_headings: [&'static str; 3],
    saved: &'static str,
    milestones_saved: &'static str,
    report_saved: &'static str,
    report_title: &'static str,
    archive_saved: &'static str,
    /// The CSV separator a spreadsheet in the screen's language expects.
    separator: char,
}

/// The one file of `extension` in `dir` (panics with the listing otherwise).
fn only_file(dir: &Path, extension: &str) -> PathBuf {
    let found: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("files folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .collect();
    assert_eq!(found.len(), 1, "one .{extension} in {found:?}");
    found[0].clone()
}

/// The one file of `extension` the app saves in its files folder, waited
/// for: a toast of an earlier save may still be on screen when the next
/// save's file has yet to be written.
async fn saved_file(app: &App, extension: &str) -> PathBuf {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let found: Vec<PathBuf> = std::fs::read_dir(app.files_dir())
            .map(|dir| {
                dir.filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|e| e == extension))
                    .collect()
            })
            .unwrap_or_default();
        if found.len() == 1 {
            return found[0].clone();
        }
        assert!(Instant::now() < deadline, "one .{extension} saved, found {found:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The text of a PDF as pdftotext reads it, non-breaking spaces as spaces.
fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(
        out.status.success(),
        "pdftotext: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).replace(['\u{a0}', '\u{202f}'], " ")
}

/// Every font of the PDF is embedded and subset, as pdffonts lists them.
fn pdf_fonts_embedded(path: &Path) {
    let out = Command::new("pdffonts").arg(path).output().expect("pdffonts runs");
    let listing = String::from_utf8_lossy(&out.stdout);
    let fonts: Vec<&str> = listing.lines().skip(2).collect();
    assert!(!fonts.is_empty(), "{listing}");
    for line in fonts {
        let cols: Vec<&str> = line.split_whitespace().collect();
        let n = cols.len();
        assert!(
            n >= 5 && cols[n - 5] == "yes" && cols[n - 4] == "yes",
            "embedded and subset: {line}"
        );
    }
}

/// The text of a Word file as LibreOffice reads it.
fn docx_text(path: &Path) -> String {
    let out_dir = tempfile::tempdir().expect("temp dir");
    let profile = tempfile::tempdir().expect("temp profile");
    let status = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profile.path().display()))
        .args(["--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir"])
        .arg(out_dir.path())
        .arg(path)
        .output()
        .expect("LibreOffice runs");
    assert!(
        status.status.success(),
        "soffice: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    let txt = only_file(out_dir.path(), "txt");
    std::fs::read_to_string(txt)
        .expect("reads")
        .replace(['\u{a0}', '\u{202f}'], " ")
}

/// The summaries of a calendar file, read by the `ical` parser.
fn ics_summaries(path: &Path) -> Vec<String> {
    let file = std::io::BufReader::new(std::fs::File::open(path).expect("opens"));
    let calendar = ical::IcalParser::new(file)
        .next()
        .expect("one calendar")
        .expect("parses");
    calendar
        .events
        .iter()
        .filter_map(|e| e.properties.iter().find(|p| p.name == "SUMMARY"))
        .filter_map(|p| p.value.clone())
        .collect()
}

/// Exports the brief as `format` with the choice the dialog remembers.
async fn export_in(app: &App, format: &str, w: &Words) {
    app.click("[data-testid=export-brief]").await;
    app.wait_for("[data-testid=brief-dialog]").await;
    app.wait_text("[data-testid=brief-preview]", w.need_heading).await;
    assert_eq!(
        app.value("[data-testid=brief-lang]").await,
        w.doc,
        "the language is remembered"
    );
    app.click(&format!("[data-testid=brief-format-{format}]")).await;
    app.click("[data-testid=brief-export]").await;
    app.wait_gone("[data-testid=brief-dialog]").await;
    app.wait_text("[data-testid=toast]:last-child", w.saved).await;
}

async fn the_week_s_exports(w: Words) {
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::launch_with_lang(data.path(), w.ui).await;
    app.click("[data-testid=load-samples]").await;
    app.wait_until_count("[data-testid=project-card]", 6).await;
    app.fill("[data-testid=search]", w.title).await;
    app.wait_until_count("[data-testid=project-card]", 1).await;
    app.click("[data-testid=project-card] button.title").await;
    app.wait_text("[data-testid=project-title]", w.title).await;
    // A cycle, so that the milestones hold more than the project's span.
    app.click("[data-testid=tab-cycles]").await;
    app.click("[data-testid=add-cycle]").await;
    app.fill("[data-testid=cycle-goal]", "Pilote").await;
    app.fill("[data-testid=cycle-start]", &in_days(10)).await;
    app.fill("[data-testid=cycle-end]", &in_days(24)).await;
    app.click("[data-testid=save-cycle]").await;
    app.wait_until_count("[data-testid=cycle]", 3).await;

    // The first sample fills every section, so the dialog offers them all;
    // the preview follows the document's language; the budget is left out.
    app.click("[data-testid=export-brief]").await;
    app.wait_for("[data-testid=brief-dialog]").await;
    app.wait_for("[data-testid=brief-section-raci]:not([disabled])").await;
    assert_eq!(
        app.count("[data-testid^=brief-section-][disabled]").await,
        0,
        "a full sample"
    );
    app.select("[data-testid=brief-lang]", w.doc).await;
    app.wait_text("[data-testid=brief-preview]", w.need_heading).await;
    app.click("[data-testid=brief-section-budget]").await;
    app.click("[data-testid=brief-format-pdf]").await;
    app.click("[data-testid=brief-export]").await;
    app.wait_gone("[data-testid=brief-dialog]").await;
    app.wait_text("[data-testid=toast]:last-child", w.saved).await;

    for (format, ext) in [("pdf", "pdf"), ("docx", "docx"), ("markdown", "md")] {
        if format != "pdf" {
            export_in(&app, format, &w).await;
        }
        let file = saved_file(&app, ext).await;
        let text = match ext {
            "pdf" => pdf_text(&file),
            "docx" => docx_text(&file),
            // Markdown escapes its markup characters: "\(RACI\)".
            _ => std::fs::read_to_string(&file)
                .expect("reads")
                .replace('\u{a0}', " ")
                .replace('\\', ""),
        };
        assert!(text.contains(w.need_heading), "{ext}: {text}");
        for later in w.later_headings {
            assert!(text.contains(later), "{ext}: {later} in {text}");
        }
        assert!(
            text.contains("Mentorama"),
            "{ext}: the RACI and engagements name the vendor"
        );
        if ext == "pdf" {
            pdf_fonts_embedded(&file);
        } else {
            assert!(text.contains(w.title), "{ext}: {text}");
        }
        std::fs::remove_file(&file).expect("clears the folder for the next one");
    }
    // The milestones of the project, then of the portfolio.
    app.click("[data-testid=export-milestones]").await;
    app.wait_text("[data-testid=toast]:last-child", w.milestones_saved)
        .await;
    let ics = saved_file(&app, "ics").await;
    let summaries = ics_summaries(&ics);
    assert!(summaries.iter().any(|s| s.contains("Pilote")), "{summaries:?}");
    std::fs::remove_file(&ics).expect("clears");
    app.click("[data-testid=nav-projects]").await;
    app.click("[data-testid=view-timeline]").await;
    app.click("[data-testid=export-portfolio-milestones]").await;
    app.wait_text("[data-testid=toast]:last-child", w.milestones_saved)
        .await;
    let all = ics_summaries(&saved_file(&app, "ics").await);
    assert!(all.len() >= 7, "every sample's span and the cycle: {all:?}");

    // The portfolio report of the projects a filter keeps: CSV and PDF.
    app.click("[data-testid=view-list]").await;
    app.click("[data-testid=filter-status-design]").await;
    app.wait_for("[data-testid=matching]").await;
    let kept = app.count("[data-testid=project-row]").await;
    app.click("[data-testid=report-csv]").await;
    app.wait_text("[data-testid=toast]:last-child", w.report_saved).await;
    let csv = std::fs::read_to_string(saved_file(&app, "csv").await).expect("reads");
    assert!(csv.starts_with('\u{feff}'), "a BOM for Excel");
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), kept + 1, "the header and the projects kept: {csv}");
    assert!(lines[0].contains(w.separator), "{}", lines[0]);
    app.click("[data-testid=report-pdf]").await;
    app.wait_text("[data-testid=toast]:last-child", w.report_saved).await;
    let pdf = saved_file(&app, "pdf").await;
    assert!(pdf_text(&pdf).contains(w.report_title));
    pdf_fonts_embedded(&pdf);
    app.click("[data-testid=clear-filters]").await;
    app.click("[data-testid=view-cards]").await;

    // After a restart the brief opens with the same choice.
    let app = app.restart().await;
    app.fill("[data-testid=search]", w.title).await;
    app.wait_until_count("[data-testid=project-card]", 1).await;
    app.click("[data-testid=project-card] button.title").await;
    app.click("[data-testid=export-brief]").await;
    app.wait_for("[data-testid=brief-dialog]").await;
    assert_eq!(app.value("[data-testid=brief-lang]").await, w.doc);
    app.wait_for("[data-testid=brief-section-budget]:not(:checked)").await;
    app.wait_text("[data-testid=brief-preview]", w.need_heading).await;
    app.click("[data-testid=brief-cancel]").await;

    // The project's archive, for a colleague: imported into a second,
    // empty data directory, it shows the same project.
    app.click("[data-testid=project-more]").await;
    app.click("[data-testid=export-archive]").await;
    app.wait_text("[data-testid=toast]:last-child", w.archive_saved).await;
    let archive = std::fs::read(saved_file(&app, "atelier").await).expect("reads the archive");
    app.quit().await;
    let other = tempfile::tempdir().expect("temp dir");
    let app = App::launch_with_lang(other.path(), w.ui).await;
    std::fs::create_dir_all(app.files_dir()).expect("files folder");
    std::fs::write(app.files_dir().join("import.atelier"), &archive).expect("hands the file over");
    app.click("[data-testid=import-archive]").await;
    app.wait_text("[data-testid=archive-project-title]", w.title).await;
    app.wait_text("[data-testid=archive-contents]", "3 cycles").await;
    app.wait_text("[data-testid=archive-vendors]", "Mentorama").await;
    app.wait_text("[data-testid=archive-people]", "Nadia Benali").await;
    assert_eq!(app.count("[data-testid=archive-existing]").await, 0, "new here");
    app.click("[data-testid=archive-import]").await;
    app.wait_text("[data-testid=project-title]", w.title).await;
    app.click("[data-testid=tab-cycles]").await;
    app.wait_until_count("[data-testid=cycle]", 3).await;
    app.wait_text("ol.cycles", "Pilote").await;
    app.click("[data-testid=tab-vendors]").await;
    app.wait_text("[data-testid=project-vendors]", "Mentorama").await;
    // The same file again: the project is recognised, and imported as a
    // new copy beside it.
    app.click("[data-testid=nav-projects]").await;
    app.click("[data-testid=import-archive]").await;
    app.wait_for("[data-testid=archive-existing]").await;
    app.click("[data-testid=archive-new-copy]").await;
    app.click("[data-testid=archive-import]").await;
    app.wait_text("[data-testid=project-title]", w.title).await;
    app.click("[data-testid=nav-projects]").await;
    app.wait_until_count("[data-testid=project-card]", 2).await;
    app.quit().await;
}

#[tokio::test]
async fn a_french_dlm_sends_an_english_brief() {
    the_week_s_exports(Words {
        ui: "fr",
        doc: "en",
        title: "Parcours d'intégration des nouveaux managers",
        need_heading: "Need and objectives",
        later_headings: ["Who does what (RACI)", "Hand-off package", "Evaluation and results"],
        saved: "Fiche enregistrée",
        milestones_saved: "Jalons enregistrés",
        report_saved: "Rapport enregistré",
        report_title: "Synthèse du portefeuille",
        archive_saved: "Archive enregistrée",
        separator: ';',
    })
    .await;
}

#[tokio::test]
async fn an_english_dlm_sends_a_french_brief() {
    the_week_s_exports(Words {
        ui: "en",
        doc: "fr",
        title: "New manager onboarding path",
        need_heading: "Besoin et objectifs",
        later_headings: [
            "Qui fait quoi (RACI)",
            "Dossier de transmission",
            "Évaluation et résultats",
        ],
        saved: "Brief saved",
        milestones_saved: "Milestones saved",
        report_saved: "Report saved",
        report_title: "Portfolio summary",
        archive_saved: "Archive saved",
        separator: ',',
    })
    .await;
}
