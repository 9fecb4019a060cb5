//! Steps of the vendor watch that several scenarios and the screenshots take.

use super::App;

/// Finds a vendor by name in the registry and opens it.
pub async fn open_vendor(app: &App, name: &str) {
    app.click("[data-testid=nav-vendors]").await;
    app.wait_for("[data-testid=vendor-row]").await;
    app.fill("[data-testid=vendor-search]", name).await;
    app.wait_until_count("[data-testid=vendor-row]", 1).await;
    app.click("[data-testid=vendor-row] button.link").await;
    app.wait_text("[data-testid=vendor-title]", name).await;
}

/// Ticks the first two rows of the registry list and opens their comparison.
pub async fn compare_first_two(app: &App) {
    app.click("[data-testid=vendor-row][aria-rowindex=\"2\"] [data-testid=select-vendor]")
        .await;
    app.click("[data-testid=vendor-row][aria-rowindex=\"3\"] [data-testid=select-vendor]")
        .await;
    app.click("[data-testid=compare-vendors]").await;
    app.wait_until_count("[data-testid=compare-total]", 2).await;
}

/// Judges the open vendor: hype stage, pilots, references, adoption.
pub async fn judge(app: &App, hype: &str, pilots: &str, references: &str, adoption: &str) {
    app.click("[data-testid=edit-judgement]").await;
    app.select("[data-testid=judgement-hype]", hype).await;
    app.fill("[data-testid=judgement-pilots]", pilots).await;
    app.fill("[data-testid=judgement-references]", references).await;
    app.select("[data-testid=judgement-adoption]", adoption).await;
    app.click("[data-testid=save-judgement]").await;
}

/// Engages `vendor` on the open project's Vendors tab, the contract at
/// `status` (`draft`, `signed`…), December to March.
pub async fn engage(app: &App, vendor: &str, scope: &str, amount: &str, status: &str) {
    app.click("[data-testid=add-engagement]").await;
    app.wait_js(&format!(
        "[...document.querySelectorAll('[data-testid=engagement-vendor] option')].some(o => o.textContent === {vendor:?})"
    ))
    .await;
    let value = app
        .execute(&format!(
            "return [...document.querySelectorAll('[data-testid=engagement-vendor] option')].find(o => o.textContent === {vendor:?}).value"
        ))
        .await;
    app.select("[data-testid=engagement-vendor]", value.as_str().expect("an id"))
        .await;
    app.fill("[data-testid=engagement-scope]", scope).await;
    app.fill("[data-testid=engagement-amount]", amount).await;
    app.select("[data-testid=engagement-status]", status).await;
    app.fill("[data-testid=engagement-start]", "2026-12-01").await;
    app.fill("[data-testid=engagement-end]", "2027-03-31").await;
    app.click("[data-testid=save-engagement]").await;
}
