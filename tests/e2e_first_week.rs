//! A DLM's first week, after the first-use walk: what the window used to get
//! wrong, done again the way a DLM does it — in French on a 1024×768
//! laptop, then in English — and checked on screen.
#![cfg(feature = "e2e")]

mod support;

use std::sync::Arc;

use support::layout::{dismiss_toasts, SIZES};
use support::{App, Display};

/// Answers the "is this right?" question: confirms when the caution of
/// `kind` is the one asked.
async fn confirm_caution(app: &App, kind: &str) {
    app.wait_for(&format!("[data-testid=caution-dialog] [data-testid=caution-{kind}]"))
        .await;
    app.click("[data-testid=caution-confirm]").await;
    app.wait_gone("[data-testid=caution-dialog] li").await;
}

/// Adds an artefact of `kind` in the selected phase with `fields` typed in.
async fn add_artefact(app: &App, kind: &str, fields: &[(&str, &str)]) {
    app.select("[data-testid=new-artefact-kind]", kind).await;
    app.click("[data-testid=add-artefact]").await;
    for (field, value) in fields {
        app.fill(&format!("[data-testid=artefact-{field}]"), value).await;
    }
    app.click("[data-testid=save-artefact]").await;
}

#[tokio::test]
async fn a_french_dlm_on_a_1024_laptop() {
    let data = tempfile::tempdir().expect("temp dir");
    let display = Arc::new(Display::start_sized(1024, 768));
    let app = App::launch_on(&display, data.path(), "fr").await;

    // The window fits the screen it opened on.
    let sizes = app.window_and_screen().await;
    assert!(
        sizes["outer"][0].as_u64() <= sizes["screen"][0].as_u64()
            && sizes["outer"][1].as_u64() <= sizes["screen"][1].as_u64(),
        "the window is larger than its screen: {sizes}"
    );

    // Five mistakes, all reported by one save: what the form could not read
    // and what Rust refuses, next to each field, in French.
    app.click("[data-testid=welcome-new]").await;
    assert_eq!(
        app.attr("[data-testid=field-start_date]", "placeholder")
            .await
            .as_deref(),
        Some("jj/mm/aaaa")
    );
    app.fill("[data-testid=field-title]", " ").await;
    app.fill("[data-testid=field-start_date]", "01/12/0007").await;
    app.fill("[data-testid=field-budget_planned]", "douze").await;
    app.fill("[data-testid=field-budget_actual]", "-5").await;
    app.fill("[data-testid=field-currency]", "EU").await;
    app.click("[data-testid=save-project]").await;
    app.wait_text("[data-testid=error-title]", "obligatoire").await;
    app.wait_text("[data-testid=error-start_date]", "entre 2000 et 2100")
        .await;
    app.wait_text("[data-testid=error-budget_planned]", "Indiquez un montant")
        .await;
    app.wait_text("[data-testid=error-budget_actual]", "négatif").await;
    app.wait_text("[data-testid=error-currency]", "trois lettres").await;

    // A project of more than five years asks first; "check again" saves nothing.
    app.fill("[data-testid=field-title]", "Académie des managers").await;
    app.fill("[data-testid=field-start_date]", "05/01/2026").await;
    app.fill("[data-testid=field-end_date]", "05/01/2032").await;
    app.fill("[data-testid=field-budget_planned]", "20 000").await;
    app.fill("[data-testid=field-budget_actual]", "").await;
    app.fill("[data-testid=field-currency]", "EUR").await;
    app.click("[data-testid=save-project]").await;
    app.wait_text("[data-testid=caution-long_project]", "plus de 5 ans")
        .await;
    app.click("[data-testid=caution-cancel]").await;
    app.wait_for("[data-testid=project-form]").await;
    app.click("[data-testid=save-project]").await;
    confirm_caution(&app, "long_project").await;
    app.wait_text("[data-testid=project-title]", "Académie des managers")
        .await;
    app.wait_text("[data-testid=project-page]", "5 janv. 2026 – 5 janv. 2032")
        .await;

    // The cycle form reports every missing piece at once, then asks before
    // planning a cycle outside the project's dates.
    app.click("[data-testid=tab-cycles]").await;
    app.click("[data-testid=add-cycle]").await;
    app.click("[data-testid=save-cycle]").await;
    app.wait_for("[data-testid=cycle-error-goal]").await;
    app.wait_for("[data-testid=cycle-error-start]").await;
    app.wait_for("[data-testid=cycle-error-end]").await;
    app.fill("[data-testid=cycle-goal]", "Entretiens exploratoires").await;
    app.fill("[data-testid=cycle-start]", "01/12/2025").await;
    app.fill("[data-testid=cycle-end]", "14/12/2025").await;
    app.click("[data-testid=save-cycle]").await;
    app.wait_text("[data-testid=caution-cycle_outside_project]", "avant le projet")
        .await;
    app.click("[data-testid=caution-confirm]").await;
    app.wait_until_count("[data-testid=cycle]", 1).await;

    // The design tab says how its phases sit in the lifecycle, and a pilot
    // decision on a project still at "Idée" needs a word.
    app.click("[data-testid=tab-design]").await;
    app.wait_text("[data-testid=phases-relation]", "«\u{a0}Idée\u{a0}»")
        .await;
    app.wait_text("[data-testid=phase-step]", "Cadrage").await;
    add_artefact(
        &app,
        "pilot_decision",
        &[("criteria", "80 % des managers terminent le parcours")],
    )
    .await;
    app.wait_text("[data-testid=caution-decision_before_pilot]", "Idée")
        .await;
    app.click("[data-testid=caution-confirm]").await;
    app.wait_for("[data-testid=artefact][data-kind=pilot_decision]").await;

    // A persona's notes are formatted, its quote in French quotation marks.
    add_artefact(
        &app,
        "persona",
        &[
            ("name", "Sophie"),
            ("goals", "**Réussir** ses premiers entretiens"),
            ("quote", "Je n'ai personne à qui demander"),
        ],
    )
    .await;
    app.wait_for("[data-testid=persona-goals] strong").await;
    assert_eq!(app.text("[data-testid=persona-goals] strong").await, "Réussir");
    assert_eq!(
        app.text("[data-testid=persona-quote]").await,
        "«\u{a0}Je n'ai personne à qui demander\u{a0}»"
    );
    app.quit().await;
}

#[tokio::test]
async fn mix_budget_votes_and_vendors_in_english() {
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::launch_with_lang(data.path(), "en").await;

    // The DLM's name, given once in Settings.
    app.click("[data-testid=nav-settings]").await;
    app.fill("[data-testid=user-name]", "Claire").await;
    app.click("[data-testid=save-user-name]").await;
    app.wait_text("[data-testid=toast]", "Settings saved").await;

    app.click("[data-testid=nav-projects]").await;
    app.click("[data-testid=welcome-new]").await;
    app.fill("[data-testid=field-title]", "Onboarding").await;
    app.fill("[data-testid=field-budget_planned]", "20,000").await;
    app.fill("[data-testid=field-budget_actual]", "4,500").await;
    app.fill("[data-testid=field-tags]", "managers, onboarding, hybrid, 2027")
        .await;
    app.click("[data-testid=save-project]").await;
    app.wait_for("[data-testid=project-title]").await;

    // Picking a modality proposes its 70-20-10 bucket and delivery.
    app.click("[data-testid=tab-mix]").await;
    for (title, modality, bucket, delivery, duration, cost) in [
        (
            "Shadowing a senior manager",
            "on_the_job",
            "experience",
            "self_paced",
            "4 h",
            "",
        ),
        ("Mentor pairing", "mentoring", "exposure", "live", "1 h 30", ""),
        ("GDPR module", "elearning", "education", "self_paced", "45,5", "1,500"),
    ] {
        app.click("[data-testid=add-activity]").await;
        app.fill("[data-testid=activity-title]", title).await;
        app.select("[data-testid=activity-modality]", modality).await;
        assert_eq!(app.value("[data-testid=activity-bucket]").await, bucket, "{modality}");
        assert_eq!(
            app.value("[data-testid=activity-delivery]").await,
            delivery,
            "{modality}"
        );
        app.fill("[data-testid=activity-duration]", duration).await;
        app.fill("[data-testid=activity-cost]", cost).await;
        app.click("[data-testid=save-activity]").await;
        app.wait_gone("[data-testid=activity-form]").await;
    }
    assert!(!app.exists("[data-testid=mix-warning-no_practice]").await);
    assert!(!app.exists("[data-testid=mix-warning-no_social]").await);
    app.wait_text("[data-testid=activity]:nth-child(3)", "46 min").await;
    let shares = app
        .execute("return [...document.querySelectorAll('[data-testid^=bucket-][data-percent]')].reduce((s, e) => s + Number(e.dataset.percent), 0);")
        .await;
    assert_eq!(shares, 100, "the 70-20-10 shares add up to 100");
    // A duration that cannot be read says so in words about durations.
    app.click("[data-testid=add-activity]").await;
    app.fill("[data-testid=activity-title]", "Wrap-up").await;
    app.fill("[data-testid=activity-duration]", "an hour").await;
    app.fill("[data-testid=activity-cost]", "lots").await;
    app.click("[data-testid=save-activity]").await;
    app.wait_text("[data-testid=activity-error-duration_minutes]", "duration")
        .await;
    app.wait_text("[data-testid=activity-error-cost_cents]", "amount").await;
    app.click("[data-testid=activity-form] button[type=button]").await;
    // Screen-reader names use English punctuation.
    assert_eq!(
        app.attr(
            "[data-testid=activity]:nth-child(1) [data-testid=move-up]",
            "aria-label"
        )
        .await
        .as_deref(),
        Some("Move up: Shadowing a senior manager")
    );

    // Dot voting starts with the DLM's name.
    app.click("[data-testid=tab-design]").await;
    add_artefact(&app, "idea", &[("title", "Peer mentoring circles")]).await;
    assert_eq!(app.value("[data-testid=voter]").await, "Claire");
    app.click("[data-testid=vote]").await;
    app.wait_text("[data-testid=dots-left]", "2 dots left").await;

    // Vendors: a website must be an address; a demo dated tomorrow asks first.
    for name in ["Immersia", "Ludik Factory"] {
        app.click("[data-testid=nav-vendors]").await;
        app.click("[data-testid=add-vendor]").await;
        app.fill("[data-testid=vendor-name]", name).await;
        if name == "Immersia" {
            app.fill("[data-testid=vendor-website]", "immersilab dot io").await;
            app.click("[data-testid=save-vendor]").await;
            app.wait_text("[data-testid=vendor-error-website]", "web address").await;
            app.fill("[data-testid=vendor-website]", "immersilab.io").await;
        }
        app.click("[data-testid=save-vendor]").await;
        app.wait_text("[data-testid=vendor-title]", name).await;
    }
    let tomorrow = (chrono::Local::now().date_naive() + chrono::Days::new(1))
        .format("%d/%m/%Y")
        .to_string();
    app.click("[data-testid=add-journal-entry]").await;
    app.select("[data-testid=entry-kind]", "demo").await;
    app.fill("[data-testid=entry-title]", "Demo at the show").await;
    app.fill("[data-testid=entry-date]", &tomorrow).await;
    app.click("[data-testid=save-journal-entry]").await;
    confirm_caution(&app, "future_entry").await;
    app.wait_text("[data-testid=journal-entry]", "Demo at the show").await;
    app.wait_text("[data-testid=scorecard-scale]", "5 is the best value for money")
        .await;

    // Engaging a vendor from its page: no project chosen silently; beyond
    // the plan, the form asks first.
    app.click("[data-testid=engage-vendor]").await;
    assert_eq!(app.value("[data-testid=engagement-project]").await, "");
    app.fill("[data-testid=engagement-scope]", "Immersive onboarding module")
        .await;
    app.fill("[data-testid=engagement-amount]", "18,000").await;
    app.click("[data-testid=save-engagement]").await;
    app.wait_for("[data-testid=engagement-error-project]").await;
    let onboarding = app
        .execute("return [...document.querySelectorAll('[data-testid=engagement-project] option')].find(o => o.textContent === 'Onboarding').value")
        .await;
    app.select("[data-testid=engagement-project]", onboarding.as_str().expect("an id"))
        .await;
    app.click("[data-testid=save-engagement]").await;
    app.wait_for("[data-testid=vendor-engagements] [data-testid=engagement]")
        .await;
    app.click("[data-testid=engage-vendor]").await;
    app.select("[data-testid=engagement-project]", onboarding.as_str().expect("an id"))
        .await;
    app.fill("[data-testid=engagement-scope]", "Learner support").await;
    app.fill("[data-testid=engagement-amount]", "12,000").await;
    app.click("[data-testid=save-engagement]").await;
    app.wait_text("[data-testid=caution-over_committed]", "€10,000").await;
    app.click("[data-testid=caution-confirm]").await;
    app.wait_until_count("[data-testid=vendor-engagements] [data-testid=engagement]", 2)
        .await;

    // The overview sets contracts and spend against the plan, with the
    // learning path's cost; the portfolio card flags the over-commitment.
    app.click("[data-testid=vendor-engagements] [data-testid=engagement-project-title]")
        .await;
    app.wait_text("[data-testid=budget-engaged]", "€30,000").await;
    app.wait_text("[data-testid=budget-spent]", "€4,500").await;
    app.wait_text("[data-testid=budget-free]", "Over-committed").await;
    app.wait_text("[data-testid=budget-free]", "€10,000").await;
    app.wait_text("[data-testid=budget-path-cost]", "€1,500").await;
    app.click("[data-testid=tab-vendors]").await;
    app.wait_text("[data-testid=engagement-count]", "1 vendor engaged · 2 contracts")
        .await;
    app.click("[data-testid=nav-projects]").await;
    app.wait_for("[data-testid=project-card] [data-testid=over-committed-flag]")
        .await;
    app.wait_text("[data-testid=project-card] [data-testid=more-tags]", "+2")
        .await;

    // Weights: one toast however many changes; all at zero is refused.
    app.click("[data-testid=nav-vendors]").await;
    app.wait_until_count("[data-testid=vendor-row]", 2).await;
    support::vendors::compare_first_two(&app).await;
    app.wait_text("[data-testid=compare-weights-note]", "every vendor's total")
        .await;
    let keys = app
        .execute("return [...document.querySelectorAll('[data-testid^=weight-]')].map(s => s.dataset.testid.slice(7));")
        .await;
    let keys: Vec<String> = serde_json::from_value(keys).expect("criterion keys");
    let (last, rest) = keys.split_last().expect("criteria");
    for key in rest {
        app.select(&format!("[data-testid=weight-{key}]"), "0").await;
        app.wait_for(&format!("[data-testid=weight-{key}] option[value='0']:checked"))
            .await;
    }
    app.wait_text("[data-testid=toast]", "Weights saved").await;
    assert_eq!(
        app.count("[data-testid=toast]").await,
        1,
        "one toast, not {}",
        rest.len()
    );
    app.select(&format!("[data-testid=weight-{last}]"), "0").await;
    app.wait_text("[data-testid=toast]", "at least one criterion").await;
    app.wait_for(&format!("[data-testid=weight-{last}] option[value='1']:checked"))
        .await;
    app.quit().await;
}

#[tokio::test]
async fn an_undo_that_can_no_longer_work_goes_away() {
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::launch_with_lang(data.path(), "en").await;
    app.click("[data-testid=welcome-new]").await;
    app.fill("[data-testid=field-title]", "Short-lived").await;
    app.click("[data-testid=save-project]").await;
    app.click("[data-testid=project-more]").await;
    app.click("[data-testid=trash-project]").await;
    app.wait_for("[data-testid=toast] [data-testid=toast-action]").await;
    app.click("[data-testid=nav-trash]").await;
    app.click("[data-testid=purge]").await;
    app.click("[data-testid=confirm-ok]").await;
    app.wait_for("[data-testid=trash-empty]").await;
    assert!(
        !app.exists("[data-testid=toast-action]").await,
        "the Undo of a project deleted for good is gone"
    );
    app.quit().await;
}

/// Titles, goals and names made of one long word stay inside their cards
/// and columns, at both sizes.
#[tokio::test]
async fn long_words_wrap_or_are_cut_with_their_full_text() {
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::launch_with_lang(data.path(), "fr").await;
    let long = "Accompagnementdesmanagersdeproximitéverslatransformationnumériquedesagences";
    let check = async |screen: &str| {
        dismiss_toasts(&app).await;
        let mut problems = Vec::new();
        for (w, h) in SIZES {
            app.resize_viewport(w, h).await;
            problems.extend(
                app.layout_problems()
                    .await
                    .into_iter()
                    .map(|p| format!("{w}×{h} {screen}: {p}")),
            );
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    };
    app.click("[data-testid=welcome-new]").await;
    app.fill("[data-testid=field-title]", long).await;
    app.fill("[data-testid=field-sponsor]", long).await;
    app.click("[data-testid=save-project]").await;
    app.wait_for("[data-testid=project-title]").await;
    check("project header").await;

    app.click("[data-testid=tab-cycles]").await;
    app.click("[data-testid=add-cycle]").await;
    app.fill("[data-testid=cycle-goal]", long).await;
    let today = chrono::Local::now().date_naive();
    app.fill("[data-testid=cycle-start]", &today.format("%d/%m/%Y").to_string())
        .await;
    app.fill(
        "[data-testid=cycle-end]",
        &(today + chrono::Days::new(13)).format("%d/%m/%Y").to_string(),
    )
    .await;
    app.click("[data-testid=save-cycle]").await;
    app.wait_until_count("[data-testid=cycle]", 1).await;
    check("cycles").await;

    app.click("[data-testid=tab-tasks]").await;
    app.click("[data-testid=add-task]").await;
    app.fill("[data-testid=task-title]", long).await;
    app.fill("[data-testid=task-owner]", long).await;
    let cycle = app
        .execute("return document.querySelector('[data-testid=task-cycle] option:last-child').value")
        .await;
    app.select("[data-testid=task-cycle]", cycle.as_str().expect("a cycle"))
        .await;
    app.click("[data-testid=save-task]").await;
    app.wait_until_count("[data-testid=task-card]", 1).await;
    check("task board").await;

    app.click("[data-testid=tab-design]").await;
    add_artefact(&app, "idea", &[("title", long)]).await;
    app.wait_for("[data-testid=vote]").await;
    check("ideas").await;

    app.click("[data-testid=nav-vendors]").await;
    app.click("[data-testid=add-vendor]").await;
    app.fill("[data-testid=vendor-name]", long).await;
    check("vendor form").await;
    app.click("[data-testid=save-vendor]").await;
    app.wait_for("[data-testid=vendor-title]").await;
    app.click("[data-testid=add-vendor-person]").await;
    app.fill("[data-testid=person-name-input]", long).await;
    check("person form").await;
    app.click("[data-testid=save-person]").await;
    app.wait_for("[data-testid=person-page]").await;
    check("person page").await;
    app.click("[data-testid=nav-vendors]").await;
    app.click("[data-testid=vendor-row] button.link").await;
    app.wait_for("[data-testid=vendor-person]").await;
    check("vendor page").await;
    app.click("[data-testid=nav-vendors]").await;
    app.wait_until_count("[data-testid=vendor-row]", 1).await;
    check("registry").await;
    app.click("[data-testid=nav-projects]").await;
    app.wait_until_count("[data-testid=project-card]", 1).await;
    check("portfolio cards").await;
    app.click("[data-testid=view-list]").await;
    app.wait_until_count("[data-testid=project-row]", 1).await;
    check("portfolio list").await;
    app.quit().await;
}
