//! Design thinking in the real window: stopped by a gate,
//! artefacts added with their own editors (persona, empathy map, interview
//! notes), a gate passed, another passed by a recorded override, ideas
//! dot-voted within each person's dots, all still there after a restart.
#![cfg(feature = "e2e")]

mod support;

use support::App;

async fn add_artefact(app: &App, kind: &str, fields: &[(&str, &str)]) {
    app.select("[data-testid=new-artefact-kind]", kind).await;
    app.click("[data-testid=add-artefact]").await;
    app.wait_for(&format!("[data-testid=artefact-form][data-kind={kind}]"))
        .await;
    for (field, value) in fields {
        app.fill(&format!("[data-testid=artefact-{field}]"), value).await;
    }
    app.click("[data-testid=save-artefact]").await;
    app.wait_gone("[data-testid=artefact-form]").await;
}

#[tokio::test]
async fn phases_gates_artefacts_and_votes() {
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::launch_with_lang(data.path(), "fr").await;
    app.click("[data-testid=welcome-new]").await;
    app.fill("[data-testid=field-title]", "Onboarding managers").await;
    app.click("[data-testid=save-project]").await;
    app.click("[data-testid=tab-design]").await;
    app.wait_for("[data-testid=phase-empathize][aria-current=step]").await;

    // Stopped by the gate: nothing produced yet, and no reason given.
    app.click("[data-testid=advance-phase]").await;
    app.wait_text("[data-testid=override-dialog]", "Carte d'empathie").await;
    app.click("[data-testid=override-confirm]").await;
    app.wait_text("[data-testid=override-error]", "obligatoire").await;
    app.click("[data-testid=override-cancel]").await;
    app.wait_for("[data-testid=phase-empathize][aria-current=step]").await;

    // The artefacts, each with its own editor.
    add_artefact(
        &app,
        "persona",
        &[
            ("name", "Sophie, 34 ans"),
            ("role", "Manager de proximité"),
            ("quote", "Je n'ai personne à qui demander"),
            ("goals", "Réussir ses premiers entretiens"),
        ],
    )
    .await;
    app.wait_text("[data-testid=artefact][data-kind=persona]", "Sophie, 34 ans")
        .await;
    add_artefact(
        &app,
        "empathy_map",
        &[
            ("subject", "Sophie"),
            ("says", "« Je manque de temps »"),
            ("thinks", "Peur de mal faire"),
            ("does", "Reporte les entretiens"),
            ("feels", "Isolée"),
        ],
    )
    .await;
    app.wait_text("[data-testid=empathy-quadrants]", "Isolée").await;
    // Notes are Markdown, shown formatted; pasted HTML cannot run.
    add_artefact(
        &app,
        "interview_note",
        &[
            ("title", "Entretien agence Lyon"),
            ("interviewee", "Sophie"),
            (
                "notes",
                "**Isolée** en agence\n\n- pas de binôme\n\n<img src=x onerror=\"document.title='pwned'\">",
            ),
        ],
    )
    .await;
    app.wait_for("[data-testid=expected-interview_note][data-met=true]")
        .await;
    app.wait_text("[data-testid=artefact-notes] strong", "Isolée").await;
    app.wait_text("[data-testid=artefact-notes] li", "pas de binôme").await;
    assert_eq!(app.count("[data-testid=artefact-notes] img").await, 0);
    assert_ne!(app.title().await, "pwned");

    // Gate met: moves on without a question.
    app.click("[data-testid=advance-phase]").await;
    app.wait_for("[data-testid=phase-define][aria-current=step]").await;

    // Define produced nothing: moving on needs a reason, kept on record.
    app.click("[data-testid=advance-phase]").await;
    app.fill(
        "[data-testid=override-reason]",
        "Cadrage fait en atelier avec le sponsor",
    )
    .await;
    app.click("[data-testid=override-confirm]").await;
    app.wait_for("[data-testid=phase-ideate][aria-current=step]").await;
    app.wait_text("[data-testid=override]", "Cadrage fait en atelier avec le sponsor")
        .await;

    // Ideas and dot votes: three dots each.
    add_artefact(&app, "idea", &[("title", "Mentorat entre pairs")]).await;
    add_artefact(&app, "idea", &[("title", "Serious game de l'entretien")]).await;
    app.fill("[data-testid=voter]", "Claire").await;
    app.wait_text("[data-testid=dots-left]", "3").await;
    let first = "[data-testid=artefact][data-kind=idea]:nth-child(1) [data-testid=vote]";
    let second = "[data-testid=artefact][data-kind=idea]:nth-child(2) [data-testid=vote]";
    app.click(first).await;
    app.wait_text("[data-testid=dots-left]", "2").await;
    app.click(first).await;
    app.wait_text("[data-testid=dots-left]", "1").await;
    app.click(second).await;
    app.wait_text("[data-testid=dots-left]", "0").await;
    app.click(first).await;
    app.wait_text("[data-testid=toast]", "Claire a déjà placé ses 3 gommettes")
        .await;
    app.fill("[data-testid=voter]", "Karim").await;
    app.click(second).await;
    app.wait_text(
        "[data-testid=artefact][data-kind=idea]:nth-child(1) [data-testid=vote-count]",
        "2",
    )
    .await;
    app.wait_text(
        "[data-testid=artefact][data-kind=idea]:nth-child(2) [data-testid=vote-count]",
        "2",
    )
    .await;

    // All of it after a restart.
    let app = app.restart().await;
    app.click("[data-testid=project-card] button.title").await;
    app.click("[data-testid=tab-design]").await;
    app.wait_for("[data-testid=phase-ideate][aria-current=step]").await;
    app.wait_text(
        "[data-testid=artefact][data-kind=idea]:nth-child(1) [data-testid=vote-count]",
        "2",
    )
    .await;
    app.wait_text("[data-testid=override]", "Cadrage fait en atelier").await;
    app.click("[data-testid=phase-empathize]").await;
    app.wait_text(
        "[data-testid=artefact][data-kind=persona]",
        "Je n'ai personne à qui demander",
    )
    .await;
    app.wait_text("[data-testid=empathy-quadrants]", "Reporte les entretiens")
        .await;
    app.quit().await;
}
