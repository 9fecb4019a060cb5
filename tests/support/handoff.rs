//! Steps of the Hand-off tab — package, trainers, evaluation — that the
//! French scenarios and the English whole story take alike. Texts typed are
//! given by the caller; what is read back is language-free (test ids, data
//! attributes, figures).

use super::{in_days, App};

/// Idea to deployment (confirming that IT is not ready).
pub async fn to_deployment(app: &App) {
    for (status, next) in [("framing", "design"), ("design", "pilot"), ("pilot", "deployment")] {
        app.click(&format!("[data-testid=move-{status}]")).await;
        app.wait_for(&format!("[data-testid=move-{next}]")).await;
    }
    app.click("[data-testid=move-deployment]").await;
    app.click("[data-testid=caution-confirm]").await;
    app.wait_for("[data-testid=move-handed_off]").await;
}

/// Opens the package: `owner` (of the directory) takes it over with
/// `team` and accepted it today; `runbook` is written.
pub async fn fill_package(app: &App, owner: &str, team: &str, runbook: &str) {
    app.click("[data-testid=tab-handoff]").await;
    app.click("[data-testid=handoff-package]").await;
    app.click("[data-testid=edit-package]").await;
    app.fill("[data-testid=pkg-owner]", owner).await;
    app.wait_for("[data-testid=pkg-owner-linked]").await;
    app.fill("[data-testid=pkg-team]", team).await;
    app.fill("[data-testid=pkg-accepted-by]", owner).await;
    app.wait_for("[data-testid=pkg-accepted-by-linked]").await;
    app.fill("[data-testid=pkg-accepted-on]", &in_days(0)).await;
    app.fill("[data-testid=pkg-runbook]", runbook).await;
    app.click("[data-testid=package-save]").await;
    app.wait_gone("[data-testid=package-form]").await;
}

/// Adds a licence owned by `owner` ending in `days` days, a negative cost
/// refused next to its field first, then `cost`.
pub async fn add_licence(app: &App, name: &str, owner: &str, days: i64, cost: &str) {
    app.click("[data-testid=add-asset]").await;
    app.select("[data-testid=asset-kind]", "licence").await;
    app.fill("[data-testid=asset-name]", name).await;
    app.fill("[data-testid=asset-owner]", owner).await;
    app.fill("[data-testid=asset-end]", &in_days(days)).await;
    app.fill("[data-testid=asset-cost]", "-200").await;
    app.click("[data-testid=asset-save]").await;
    app.wait_for("[data-testid=asset-error-licence_cost]").await;
    assert_eq!(
        app.value("[data-testid=asset-name]").await,
        name,
        "what was typed stays"
    );
    app.fill("[data-testid=asset-cost]", cost).await;
    app.click("[data-testid=asset-save]").await;
    app.wait_gone("[data-testid=asset-form]").await;
}

/// Moves the open project to "handed off" under its threshold: stopped at
/// `percent`, a reason required (the form says so with `required`), then
/// given.
pub async fn hand_off_with_reason(app: &App, percent: &str, required: &str, reason: &str) {
    app.click("[data-testid=tab-overview]").await;
    app.click("[data-testid=move-handed_off]").await;
    app.wait_text("[data-testid=handoff-gate]", percent).await;
    app.click("[data-testid=confirm-ok]").await;
    app.wait_text("[data-testid=handoff-reason-error]", required).await;
    app.fill("[data-testid=handoff-reason]", reason).await;
    app.click("[data-testid=confirm-ok]").await;
    app.wait_gone("[data-testid=handoff-gate]").await;
    app.wait_for("[data-testid=move-archived]").await;
}

/// Lowers the open project's threshold to 40 % (the readiness then says
/// `threshold_40`) and moves it to "handed off" at its score over it: no
/// question asked.
pub async fn hand_off_over_lowered_threshold(app: &App, threshold_40: &str) {
    app.click("[data-testid=edit-weights]").await;
    app.fill("[data-testid=handoff-threshold]", "40").await;
    app.click("[data-testid=weights-save]").await;
    app.wait_text("[data-testid=handoff-readiness]", threshold_40).await;
    app.click("[data-testid=tab-overview]").await;
    app.click("[data-testid=move-handed_off]").await;
    app.wait_for("[data-testid=move-archived]").await;
    assert!(
        !app.exists("[data-testid=handoff-gate]").await,
        "no question at or above the threshold"
    );
}

/// A new project, open on its trainer roster.
pub async fn open_roster(app: &App, title: &str) {
    app.new_project(title).await;
    app.click("[data-testid=tab-handoff]").await;
    app.click("[data-testid=handoff-roster]").await;
    app.wait_for("[data-testid=roster-panel]").await;
}

/// Adds the first `n` people the roster offers.
pub async fn add_trainers(app: &App, n: usize) {
    for count in 1..=n {
        let next = app
            .attr("[data-testid=roster-add] option:nth-child(2)", "value")
            .await
            .expect("someone to add");
        app.select("[data-testid=roster-add]", &next).await;
        app.wait_until_count("[data-testid=trainer-row]", count).await;
    }
}

/// Takes the first trainer of the roster through the path: a training
/// dated before the invitation is refused next to its field (`refused` is
/// what it says), then trained, observed and certified two days ago.
pub async fn certify_first_trainer(app: &App, refused: &str) {
    app.click("[data-testid=trainer-row]:first-child [data-testid=trainer-edit]")
        .await;
    app.fill("[data-testid=trainer-invited]", &in_days(-10)).await;
    app.fill("[data-testid=trainer-trained]", &in_days(-20)).await;
    app.click("[data-testid=trainer-save]").await;
    app.wait_text("[data-testid=trainer-error-trained]", refused).await;
    app.fill("[data-testid=trainer-trained]", &in_days(-8)).await;
    app.fill("[data-testid=trainer-observed]", &in_days(-5)).await;
    app.fill("[data-testid=trainer-certified]", &in_days(-2)).await;
    app.fill("[data-testid=trainer-languages]", "FR, EN").await;
    app.click("[data-testid=trainer-save]").await;
    app.wait_gone("[data-testid=trainer-form]").await;
}

/// Plans a session of twelve in `days` days at `place`, run by the
/// roster's trainer at `trainer_index` when given.
pub async fn plan_session(app: &App, days: i64, place: &str, trainer_index: Option<usize>) {
    app.click("[data-testid=add-session]").await;
    app.fill("[data-testid=session-date]", &in_days(days)).await;
    app.fill("[data-testid=session-place]", place).await;
    app.fill("[data-testid=session-participants]", "12").await;
    if let Some(i) = trainer_index {
        let value = app
            .attr(
                &format!("[data-testid=session-trainer] option:nth-child({})", i + 2),
                "value",
            )
            .await
            .expect("a trainer");
        app.select("[data-testid=session-trainer]", &value).await;
    }
    app.click("[data-testid=session-save]").await;
    app.wait_gone("[data-testid=session-form]").await;
}

/// A new project, open on its evaluation.
pub async fn open_evaluation(app: &App, title: &str) {
    app.new_project(title).await;
    app.click("[data-testid=tab-handoff]").await;
    app.click("[data-testid=handoff-evaluation]").await;
    app.wait_for("[data-testid=evaluation-panel]").await;
}

/// What an indicator says: its level, name, unit, target and result as
/// typed (empty for none), and whether lower is better.
pub struct Indicator<'a> {
    pub level: &'a str,
    pub name: &'a str,
    pub unit: &'a str,
    pub target: &'a str,
    pub result: &'a str,
    pub lower: bool,
}

/// Adds an indicator on the open evaluation.
pub async fn add_indicator(app: &App, i: Indicator<'_>) {
    app.click(&format!("[data-testid=add-indicator-{}]", i.level)).await;
    app.fill("[data-testid=indicator-name]", i.name).await;
    if i.lower {
        app.click("[data-testid=indicator-lower]").await;
    }
    app.fill("[data-testid=indicator-unit]", i.unit).await;
    app.fill("[data-testid=indicator-target]", i.target).await;
    app.fill("[data-testid=indicator-result]", i.result).await;
    app.click("[data-testid=save-line]").await;
    app.wait_gone("[data-testid=indicator-form]").await;
}

/// A benefit `label` of 60 000 a year, half due to the training, trusted
/// at 80 %, and a design cost `cost` of 20 000: ROI 20 %, ratio 1.2. With
/// `isolation_first` other than 50, that isolation is typed first and
/// refused next to its field, nothing typed lost.
pub async fn roi_inputs(app: &App, label: &str, cost: &str, isolation_first: &str) {
    app.click("[data-testid=add-benefit]").await;
    app.fill("[data-testid=benefit-label]", label).await;
    app.fill("[data-testid=benefit-amount]", "60000").await;
    app.fill("[data-testid=benefit-isolation]", isolation_first).await;
    app.fill("[data-testid=benefit-confidence]", "80").await;
    app.click("[data-testid=save-line]").await;
    if isolation_first != "50" {
        app.wait_for("[data-testid=benefit-error-isolation]").await;
        assert_eq!(
            app.value("[data-testid=benefit-label]").await,
            label,
            "what was typed stays"
        );
        app.fill("[data-testid=benefit-isolation]", "50").await;
        app.click("[data-testid=save-line]").await;
    }
    app.wait_gone("[data-testid=benefit-form]").await;
    app.click("[data-testid=add-cost]").await;
    app.fill("[data-testid=cost-label]", cost).await;
    app.fill("[data-testid=cost-amount]", "20000").await;
    app.click("[data-testid=save-line]").await;
    app.wait_gone("[data-testid=cost-form]").await;
}
