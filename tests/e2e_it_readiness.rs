//! The IT readiness checklist in the real window: in French, a DLM works
//! through it (an item not applicable, refused until it says why; an item
//! owned by the IT lead; one overdue), sees it on the overview and the
//! portfolio, filters the portfolio on it, is asked before moving to
//! deployment, and finds it all after a restart; in English, the checklist
//! reads in English and an item set aside shows its reason.
#![cfg(feature = "e2e")]

mod support;

use support::{in_days, App};

async fn open_checklist(app: &App) {
    app.click("[data-testid=tab-coordination]").await;
    app.click("[data-testid=coordination-it]").await;
    app.wait_until_count("[data-testid=it-item]", 12).await;
}

#[tokio::test]
async fn a_dlm_works_through_the_it_checklist_in_french() {
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::launch_with_lang(data.path(), "fr").await;
    app.add_person("Éric Dupont").await;
    app.new_project("Parcours cybersécurité").await;
    open_checklist(&app).await;
    app.wait_text("[data-testid=it-area-identity] h3", "Comptes et authentification")
        .await;

    // SSO does not apply: refused until it says why, then set aside.
    let sso = "[data-it-item='3']";
    app.click(&format!("{sso} [data-testid=it-edit]")).await;
    app.select("[data-testid=it-status]", "not_applicable").await;
    app.click("[data-testid=it-save]").await;
    app.wait_text("[data-testid=it-error-reason]", "obligatoire").await;
    app.fill("[data-testid=it-reason]", "Plateforme ouverte sans compte")
        .await;
    app.click("[data-testid=it-save]").await;
    app.wait_for(&format!("{sso}[data-status=not_applicable]")).await;
    app.wait_text(
        &format!("{sso} [data-testid=it-reason-shown]"),
        "Plateforme ouverte sans compte",
    )
    .await;

    // The LMS space is done, owned by the IT lead picked from the directory.
    app.click("[data-it-item='1'] [data-testid=it-edit]").await;
    app.select("[data-testid=it-status]", "done").await;
    app.fill("[data-testid=it-owner]", "Éric Dupont").await;
    app.wait_for("[data-testid=it-owner-linked]").await;
    app.fill("[data-testid=it-evidence]", "Ticket **LMS-204**").await;
    app.click("[data-testid=it-save]").await;
    app.wait_for("[data-it-item='1'][data-status=done]").await;
    app.wait_text("[data-it-item='1']", "Éric Dupont").await;

    // The bandwidth check was due yesterday: overdue.
    let yesterday = in_days(-1);
    app.click("[data-it-item='5'] [data-testid=it-edit]").await;
    app.select("[data-testid=it-status]", "in_progress").await;
    app.fill("[data-testid=it-due]", &yesterday).await;
    app.click("[data-testid=it-save]").await;
    app.wait_text("[data-it-item='5']", "En retard").await;
    app.wait_text("[data-testid=it-overdue]", "1 en retard").await;
    // 1 done of the 11 that apply.
    app.wait_text("[data-testid=it-percent]", "9").await;
    app.wait_text("[data-testid=project-it-overdue]", "1 en retard").await;

    // The overview says it, and the move to deployment asks first.
    app.click("[data-testid=tab-overview]").await;
    app.wait_text("[data-testid=project-it]", "Faits : 1 sur 11").await;
    for (status, next) in [("framing", "design"), ("design", "pilot"), ("pilot", "deployment")] {
        app.click(&format!("[data-testid=move-{status}]")).await;
        app.wait_for(&format!("[data-testid=move-{next}]")).await;
    }
    app.click("[data-testid=move-deployment]").await;
    let asked = app
        .wait_text("[data-testid=caution-it_not_ready]", "n'est prête qu'à 9")
        .await;
    assert!(asked.contains("points restent ouverts"), "{asked}");
    app.click("[data-testid=caution-cancel]").await;
    app.wait_gone("[data-testid=caution-dialog] li").await;
    app.wait_for("[data-testid=move-deployment].primary").await;

    // The portfolio flags it and filters on it.
    app.click("[data-testid=nav-projects]").await;
    app.wait_text("[data-testid=it-overdue-flag]", "DSI\u{a0}: 1 en retard")
        .await;
    app.select("[data-testid=filter-it]", "50").await;
    app.wait_until_count("[data-testid=project-card]", 1).await;
    app.select("[data-testid=filter-it]", "").await;

    // Everything is there after a restart, and on the owner's page.
    let app = app.restart().await;
    app.click("[data-testid=project-card] button.title").await;
    app.wait_text("[data-testid=project-it-overdue]", "1 en retard").await;
    open_checklist(&app).await;
    app.wait_for("[data-it-item='3'][data-status=not_applicable]").await;
    app.wait_for("[data-it-item='1'][data-status=done]").await;
    app.wait_text("[data-it-item='1'] .evidence strong", "LMS-204").await;
    app.click("[data-testid=nav-people]").await;
    app.click("[data-testid=person-row] button.link").await;
    app.wait_text("[data-testid=person-it]", "Parcours cybersécurité").await;
    app.quit().await;
}

#[tokio::test]
async fn the_checklist_reads_in_english() {
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::launch_with_lang(data.path(), "en").await;
    app.new_project("Cyber awareness").await;
    open_checklist(&app).await;
    app.wait_text("[data-testid=it-area-data_protection] h3", "Data protection (GDPR)")
        .await;
    app.click("[data-it-item='11'] [data-testid=it-edit]").await;
    app.select("[data-testid=it-status]", "not_applicable").await;
    app.fill("[data-testid=it-reason]", "Built in-house, no vendor").await;
    app.click("[data-testid=it-save]").await;
    app.wait_text(
        "[data-it-item='11'] [data-testid=it-reason-shown]",
        "Not applicable: Built in-house",
    )
    .await;
    app.wait_text("[data-testid=it-readiness]", "Done: 0 of 11").await;

    // An item of the DLM's own joins its area; a blank one is refused.
    app.click("[data-testid=it-add]").await;
    app.wait_text("[data-testid=it-new-error]", "required").await;
    app.select("[data-testid=it-new-area]", "network").await;
    app.fill("[data-testid=it-new-name]", "Workshop Wi-Fi").await;
    app.click("[data-testid=it-add]").await;
    app.wait_text("[data-testid=it-area-network]", "Workshop Wi-Fi").await;
    app.wait_until_count("[data-testid=it-item]", 13).await;
    app.quit().await;
}
