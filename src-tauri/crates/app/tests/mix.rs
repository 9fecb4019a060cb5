//! The learning path through the app API.

mod common;

use atelier_core::SaveOptions;
use common::open_with_project;

use atelier_app::AppError;
use atelier_core::mix::MixWarning;
use atelier_core::{ActivityDraft, Bucket, Delivery, Modality};

fn activity(title: &str, modality: Modality, bucket: Bucket, minutes: u32) -> ActivityDraft {
    ActivityDraft {
        title: title.into(),
        modality,
        bucket,
        delivery: Delivery::SelfPaced,
        duration_minutes: minutes,
        cost_cents: None,
    }
}

#[test]
fn the_path_keeps_its_order_and_totals() {
    let (_dir, app, p) = open_with_project();
    app.add_activity(
        p,
        activity("E-learning RGPD", Modality::Elearning, Bucket::Education, 60),
        &SaveOptions::default(),
    )
    .expect("adds");
    let path = app
        .add_activity(
            p,
            activity("Classe virtuelle", Modality::VirtualClass, Bucket::Education, 90),
            &SaveOptions::default(),
        )
        .expect("adds");
    assert_eq!(
        path.totals.warnings,
        [MixWarning::NoPractice, MixWarning::NoSocial, MixWarning::OverFormal]
    );

    app.add_activity(
        p,
        activity("Mise en situation", Modality::OnTheJob, Bucket::Experience, 240),
        &SaveOptions::default(),
    )
    .expect("adds");
    let path = app
        .add_activity(
            p,
            activity("Mentorat", Modality::Mentoring, Bucket::Exposure, 60),
            &SaveOptions::default(),
        )
        .expect("adds");
    assert!(path.totals.warnings.is_empty());
    assert_eq!(path.totals.minutes, 450);

    let last = path.activities[3].id;
    let path = app.move_activity(p, last, 0).expect("moves");
    let titles: Vec<&str> = path.activities.iter().map(|a| a.fields.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Mentorat", "E-learning RGPD", "Classe virtuelle", "Mise en situation"]
    );

    let path = app.delete_activity(p, path.activities[1].id).expect("deletes");
    let positions: Vec<u32> = path.activities.iter().map(|a| a.position).collect();
    assert_eq!(positions, [0, 1, 2]);
    assert_eq!(path.totals.minutes, 390);
}

#[test]
fn bad_activities_are_refused_and_nothing_changes() {
    let (_dir, app, p) = open_with_project();
    let refused = app.add_activity(
        p,
        activity(" ", Modality::Mooc, Bucket::Education, 0),
        &SaveOptions::default(),
    );
    assert!(matches!(refused, Err(AppError::Validation(ref issues)) if issues.len() == 2));
    assert!(app.get_learning_path(p).expect("reads").activities.is_empty());
}
