//! Steps of the modality mix that several scenarios and the tour take.

use super::App;

/// One activity as the form takes it: title, modality, bucket, delivery,
/// duration and cost as typed.
pub type Activity<'a> = (&'a str, &'a str, &'a str, &'a str, &'a str, &'a str);

/// Adds an activity to the open project's learning path through the form,
/// choosing its bucket and delivery explicitly.
pub async fn add_activity(app: &App, (title, modality, bucket, delivery, minutes, cost): Activity<'_>) {
    app.click("[data-testid=add-activity]").await;
    app.fill("[data-testid=activity-title]", title).await;
    app.select("[data-testid=activity-modality]", modality).await;
    app.select("[data-testid=activity-bucket]", bucket).await;
    app.select("[data-testid=activity-delivery]", delivery).await;
    app.fill("[data-testid=activity-duration]", minutes).await;
    app.fill("[data-testid=activity-cost]", cost).await;
    app.click("[data-testid=save-activity]").await;
    app.wait_gone("[data-testid=activity-form]").await;
}
