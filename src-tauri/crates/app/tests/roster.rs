//! A program's trainers through the app API: three people of the
//! directory on the roster, one taken through certification, sessions
//! planned and the capacity check, a delivered session rated, bad input
//! refused whole, everything kept across a reopen, a trainer named on
//! their page.

mod common;

use atelier_app::{AppError, Atelier};
use atelier_core::person::Organisation;
use atelier_core::roster::{CapacityKind, PathStep, SessionDraft, TrainerDraft, TrainerPath};
use atelier_core::{PersonDraft, PersonId, Rule, SaveOptions};
use chrono::{Duration, Local, NaiveDate};

fn in_days(n: i64) -> NaiveDate {
    Local::now().date_naive() + Duration::days(n)
}

fn person(app: &Atelier, name: &str) -> PersonId {
    app.create_person(
        PersonDraft {
            name: name.into(),
            organisation: Some(Organisation::Department {
                name: "Usine de Lyon".into(),
            }),
            location: "Lyon".into(),
            ..PersonDraft::default()
        },
        &SaveOptions::default(),
    )
    .expect("adds")
    .id
}

#[test]
fn a_roster_is_built_checked_and_kept() {
    let (dir, app, p) = common::open_with_project();
    let save = SaveOptions::default();
    let people = [
        person(&app, "Karim Benali"),
        person(&app, "Léa Martin"),
        person(&app, "Hugo Petit"),
    ];
    for who in people {
        app.add_trainer(p, who).expect("adds");
    }

    // A path out of order is refused, nothing changes.
    let refused = app
        .set_trainer(
            p,
            people[0],
            TrainerDraft {
                path: TrainerPath {
                    invited: Some(in_days(-20)),
                    trained: Some(in_days(-30)),
                    ..TrainerPath::default()
                },
                ..TrainerDraft::default()
            },
            &save,
        )
        .expect_err("refused");
    let AppError::Validation(errors) = refused else {
        panic!("{refused:?}")
    };
    assert_eq!(errors[0].rule, Rule::BeforePreviousStep);

    let view = app
        .set_trainer(
            p,
            people[0],
            TrainerDraft {
                path: TrainerPath {
                    invited: Some(in_days(-30)),
                    trained: Some(in_days(-20)),
                    observed: Some(in_days(-10)),
                    certified: Some(in_days(-5)),
                    expires: Some(in_days(360)),
                },
                topics: vec!["Sécurité".into()],
                languages: vec!["FR".into(), "EN".into()],
                availability: "Les mardis".into(),
            },
            &save,
        )
        .expect("certifies");
    assert_eq!(view.certified, 1);
    assert_eq!(view.trainers[0].step, Some(PathStep::Certified));
    assert_eq!(view.trainers[0].business_line.as_deref(), Some("Usine de Lyon"));

    // Three sessions for Karim, one for nobody: he carries most, one has no certified trainer.
    for (days, trainer) in [
        (10, Some(people[0])),
        (11, Some(people[0])),
        (12, Some(people[0])),
        (13, None),
    ] {
        app.save_session(
            p,
            None,
            SessionDraft {
                date: Some(in_days(days)),
                place: "Salle 2".into(),
                trainer,
                participants: 12,
                ..SessionDraft::default()
            },
            &save,
        )
        .expect("plans");
    }
    let view = app.get_roster(p).expect("reads");
    let kinds: Vec<CapacityKind> = view.warnings.iter().map(|w| w.kind).collect();
    assert!(kinds.contains(&CapacityKind::NoCertifiedTrainer), "{kinds:?}");
    assert!(kinds.contains(&CapacityKind::OneTrainerCarriesMost), "{kinds:?}");
    assert_eq!(view.sessions.iter().filter(|s| s.flagged).count(), 1);

    // A rating out of 1–5 is refused.
    let first = view.sessions[0].session.id;
    let bad = app
        .save_session(
            p,
            Some(first),
            SessionDraft {
                date: Some(in_days(10)),
                delivered: true,
                satisfaction: Some(7),
                ..SessionDraft::default()
            },
            &save,
        )
        .expect_err("refused");
    let AppError::Validation(errors) = bad else {
        panic!("{bad:?}")
    };
    assert_eq!(errors[0].rule, Rule::NotARating);
    drop(app);

    let app = Atelier::open(dir.path()).expect("reopens");
    let view = app.get_roster(p).expect("reads");
    assert_eq!(view.trainers.len(), 3);
    assert_eq!(view.sessions.len(), 4);
    assert_eq!(view.trainers[0].trainer.fields.languages, ["FR", "EN"]);
    let page = app.get_person(people[0]).expect("reads");
    assert_eq!(page.trains.len(), 1);
    assert_eq!(page.trains[0].step, Some(PathStep::Certified));
    assert!(app.delete_person(people[0]).is_err(), "still a trainer");
    app.set_max_per_month(p, 1).expect("sets");
    let tight = app.get_roster(p).expect("reads");
    // Three sessions over at most two months: one month holds two of Karim's.
    assert!(
        tight
            .warnings
            .iter()
            .any(|w| w.kind == CapacityKind::TrainerOverMonthlyMax && w.trainer == Some(people[0])),
        "{:?}",
        tight.warnings
    );
}
