//! The project brief through the app API: what the export dialog offers
//! (only sections with content), the preview in the chosen language, the
//! Markdown file written and the choice remembered for next time, and a
//! file that cannot be written named in the error.

mod common;

use atelier_app::AppError;
use atelier_core::brief::{BriefFormat, BriefSection, ReportFormat};
use atelier_core::samples::Lang;
use atelier_core::SaveOptions;

#[test]
fn the_brief_offers_what_has_content_and_remembers_the_choice() {
    let (dir, app, p) = common::open_with_project();
    let fresh = app.get_brief(p).expect("reads");
    assert_eq!(fresh.available, [BriefSection::Cover], "only a title so far");
    assert_eq!(fresh.choice.sections.len(), 12, "a first export ticks everything");

    let mut draft = app.get_project(p).expect("reads").project.fields;
    draft.business_need = "Les managers se sentent **seuls** : que faire ?".into();
    draft.objectives = vec!["Réussir l'entretien annuel".into()];
    app.update_project(p, draft, &SaveOptions::default()).expect("saves");
    let view = app.get_brief(p).expect("reads");
    assert_eq!(view.available, [BriefSection::Cover, BriefSection::Need]);

    let en = app
        .preview_brief(p, vec![BriefSection::Need], Lang::En)
        .expect("previews");
    assert!(en.preview.contains("## Need and objectives"), "{}", en.preview);
    assert!(!en.preview.contains("## Cover"), "{}", en.preview);
    assert!(
        en.preview.contains("**seuls**"),
        "the note's emphasis kept: {}",
        en.preview
    );

    let file = dir.path().join("brief.md");
    app.export_brief(p, BriefFormat::Markdown, vec![BriefSection::Need], Lang::Fr, &file)
        .expect("writes");
    let written = std::fs::read_to_string(&file).expect("reads the file");
    assert!(written.starts_with("# Parcours\n"), "{written}");
    assert!(written.contains("## Besoin et objectifs"), "{written}");
    assert!(
        written.contains("seuls\\*\\*") || written.contains("**seuls**"),
        "{written}"
    );
    assert!(
        written.contains("\u{a0}: que faire\u{202f}?"),
        "French typography: {written}"
    );

    let again = app.get_brief(p).expect("reads");
    assert_eq!(again.choice.sections, [BriefSection::Need], "remembered");
    assert_eq!(again.choice.lang, Lang::Fr);

    // A folder where the file should go: the error names the file.
    let blocked = dir.path().join("blocked.md");
    std::fs::create_dir(&blocked).expect("a folder in the way");
    let refused = app
        .export_brief(p, BriefFormat::Markdown, vec![BriefSection::Need], Lang::Fr, &blocked)
        .expect_err("cannot write");
    let AppError::File { path, .. } = refused else {
        panic!("{refused:?}")
    };
    assert_eq!(path, blocked);
}

#[test]
fn pdf_and_word_files_are_made_from_the_same_brief() {
    let (_dir, app, p) = common::open_with_project();
    let pdf = app.brief_bytes(p, BriefFormat::Pdf, Lang::Fr).expect("a PDF");
    assert!(pdf.starts_with(b"%PDF-"), "a PDF file");
    let docx = app.brief_bytes(p, BriefFormat::Docx, Lang::En).expect("a Word file");
    assert!(docx.starts_with(b"PK"), "a zip container");
}

#[test]
fn milestones_of_one_project_or_the_portfolio_as_a_calendar() {
    let (dir, app, p) = common::open_with_project();
    let mut draft = app.get_project(p).expect("reads").project.fields;
    draft.start_date = chrono::NaiveDate::from_ymd_opt(2027, 1, 4);
    draft.end_date = chrono::NaiveDate::from_ymd_opt(2027, 6, 30);
    app.update_project(p, draft, &SaveOptions::default()).expect("saves");
    let file = dir.path().join("jalons.ics");
    app.export_milestones(Some(p), Lang::Fr, &file).expect("writes");
    let text = std::fs::read_to_string(&file).expect("reads");
    assert!(text.contains("X-WR-CALNAME:Parcours — jalons\r\n"), "{text}");
    assert!(text.contains("DTSTART;VALUE=DATE:20270104\r\n"), "{text}");
    assert!(
        text.contains("DTEND;VALUE=DATE:20270701\r\n"),
        "the day after the end: {text}"
    );
    let portfolio = app.milestones_ics(None, Lang::En).expect("the portfolio");
    assert!(
        portfolio.contains("X-WR-CALNAME:Digital learning portfolio — milestones"),
        "{portfolio}"
    );
    assert_eq!(portfolio.matches("BEGIN:VEVENT").count(), 1);
}

#[test]
fn the_portfolio_report_follows_the_filters() {
    let (_dir, app, _) = common::open_with_project();
    let other = app
        .create_project(
            atelier_core::ProjectDraft {
                title: "=Remise à niveau RGPD".into(),
                health: atelier_core::Health::AtRisk,
                ..atelier_core::ProjectDraft::default()
            },
            &SaveOptions::default(),
        )
        .expect("creates");
    let at_risk = atelier_core::PortfolioQuery {
        healths: vec![atelier_core::Health::AtRisk],
        ..atelier_core::PortfolioQuery::default()
    };
    let csv = app
        .portfolio_report(&at_risk, ReportFormat::Csv, Lang::Fr, None)
        .expect("a table");
    let text = String::from_utf8(csv).expect("UTF-8");
    assert!(text.starts_with('\u{feff}'), "a BOM for Excel");
    assert_eq!(text.lines().count(), 2, "the header and the one project kept: {text}");
    assert!(
        text.contains("'=Remise à niveau RGPD;"),
        "neutralised, ';' in French: {text}"
    );
    let pdf = app
        .portfolio_report(&at_risk, ReportFormat::Pdf, Lang::En, Some("Health: At risk"))
        .expect("a summary");
    assert!(pdf.starts_with(b"%PDF-"));
    assert_eq!(other.fields.health, atelier_core::Health::AtRisk);
}
