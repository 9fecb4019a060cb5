//! The coordination half of the job in one English scenario, in the real
//! window: a DLM adds people (one from a vendor's page), sets a sponsor
//! through the picker, fills a RACI and is warned about two Accountables,
//! works through the IT checklist (one item not applicable with its reason,
//! one overdue), plans a campaign and sees a warning, then restarts and
//! finds it all. (The French scenarios are in e2e_people, e2e_raci,
//! e2e_it_readiness and e2e_campaign.)
#![cfg(feature = "e2e")]

mod support;

use support::{in_days, App};

#[tokio::test]
async fn a_dlm_coordinates_a_program_in_english() {
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::launch_with_lang(data.path(), "en").await;

    // People: two of the company, one from a vendor's page.
    app.add_person("Claire Martin").await;
    app.add_person("Eric Dupont").await;
    app.click("[data-testid=nav-vendors]").await;
    app.click("[data-testid=add-vendor]").await;
    app.fill("[data-testid=vendor-name]", "Immersia").await;
    app.click("[data-testid=save-vendor]").await;
    app.wait_text("[data-testid=vendor-title]", "Immersia").await;
    app.click("[data-testid=add-vendor-person]").await;
    app.fill("[data-testid=person-name-input]", "Ana Lopes").await;
    app.click("[data-testid=save-person]").await;
    app.wait_text("[data-testid=person-page]", "Immersia").await;

    // A project whose sponsor is picked from the directory.
    app.click("[data-testid=nav-projects]").await;
    app.click("[data-testid=welcome-new]").await;
    app.fill("[data-testid=field-title]", "Safety onboarding").await;
    app.fill("[data-testid=field-sponsor]", "Claire Martin").await;
    app.wait_for("[data-testid=field-sponsor-linked]").await;
    app.click("[data-testid=save-project]").await;
    app.wait_text("[data-testid=project-sponsor]", "Claire Martin").await;

    // The RACI: framing with two Accountables is flagged.
    app.click("[data-testid=tab-coordination]").await;
    for n in 1..=2 {
        let next = app
            .attr("[data-testid=raci-add-person] option:nth-child(2)", "value")
            .await
            .expect("someone to add");
        app.select("[data-testid=raci-add-person]", &next).await;
        app.wait_until_count("[data-testid=raci-grid] th.person", n).await;
    }
    app.type_keys("[data-cell='0:0']", "a").await;
    app.type_keys("[data-cell='0:1']", "a").await;
    app.wait_text(
        "[data-testid=raci-row]:first-child [data-testid=raci-issue]",
        "Several A",
    )
    .await;

    // The IT checklist: SSO does not apply (with its reason), the
    // bandwidth check is overdue.
    app.click("[data-testid=coordination-it]").await;
    app.click("[data-it-item='3'] [data-testid=it-edit]").await;
    app.select("[data-testid=it-status]", "not_applicable").await;
    app.fill("[data-testid=it-reason]", "Open course, no sign-in").await;
    app.click("[data-testid=it-save]").await;
    app.wait_for("[data-it-item='3'][data-status=not_applicable]").await;
    app.click("[data-it-item='5'] [data-testid=it-edit]").await;
    app.fill("[data-testid=it-due]", &in_days(-2)).await;
    app.click("[data-testid=it-save]").await;
    app.wait_text("[data-testid=it-overdue]", "1 overdue").await;

    // The campaign: a launch alone is warned of what it lacks.
    app.click("[data-testid=coordination-campaign]").await;
    app.click("[data-testid=add-message]").await;
    app.fill("[data-testid=message-subject]", "It starts today").await;
    app.fill("[data-testid=message-audience]", "Everyone").await;
    app.fill("[data-testid=message-planned]", &in_days(7)).await;
    app.click("[data-testid=save-message]").await;
    app.wait_text(
        "[data-testid=campaign-warning][data-kind=no_manager_briefing]",
        "No briefing kit for managers",
    )
    .await;

    // Everything is there after a restart.
    let app = app.restart().await;
    app.click("[data-testid=project-card] button.title").await;
    app.wait_text("[data-testid=project-sponsor]", "Claire Martin").await;
    app.wait_text("[data-testid=project-it]", "Done: 0 of 11").await;
    app.wait_text("[data-testid=next-message]", "It starts today").await;
    app.click("[data-testid=tab-coordination]").await;
    app.wait_text(
        "[data-testid=raci-row]:first-child [data-testid=raci-issue]",
        "Several A",
    )
    .await;
    app.click("[data-testid=coordination-it]").await;
    app.wait_text(
        "[data-it-item='3'] [data-testid=it-reason-shown]",
        "Open course, no sign-in",
    )
    .await;
    app.wait_text("[data-it-item='5']", "Overdue").await;
    app.click("[data-testid=coordination-campaign]").await;
    app.wait_for("[data-testid=campaign-warning][data-kind=nothing_before_launch]")
        .await;
    app.click("[data-testid=nav-people]").await;
    app.wait_until_count("[data-testid=person-row]", 3).await;
    app.wait_text("[data-testid=people-list]", "Immersia").await;
    app.quit().await;
}
