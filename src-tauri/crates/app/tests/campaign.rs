//! A project's campaign through the app API: messages planned, refused
//! whole when a rule breaks, warned about, kept across a reopen, listed
//! next on the project, named on their sender's page, and gone with the
//! project when it is purged.

mod common;

use atelier_app::{AppError, Atelier};
use atelier_core::campaign::{MessageChannel, MessageDraft, MessagePurpose, MessageStatus, WarningKind};
use atelier_core::person::PersonRef;
use atelier_core::{CycleId, PersonDraft, Rule, SaveOptions};
use chrono::{Duration, Local, NaiveDate};

fn in_days(n: i64) -> NaiveDate {
    Local::now().date_naive() + Duration::days(n)
}

fn draft(
    subject: &str,
    audience: &str,
    channel: MessageChannel,
    purpose: MessagePurpose,
    planned: i64,
) -> MessageDraft {
    MessageDraft {
        subject: subject.into(),
        audience: audience.into(),
        channel,
        purpose,
        planned: Some(in_days(planned)),
        ..MessageDraft::default()
    }
}

#[test]
fn a_campaign_is_planned_warned_about_and_kept() {
    let (dir, app, p) = common::open_with_project();
    let save = SaveOptions::default();
    assert!(
        app.get_campaign(p).expect("reads").warnings.is_empty(),
        "nothing planned, nothing to say"
    );

    // Every broken rule at once, nothing saved.
    let refused = app
        .create_message(
            p,
            MessageDraft {
                cycle: Some(CycleId::new()),
                ..MessageDraft::default()
            },
            &save,
        )
        .expect_err("refused");
    let AppError::Validation(errors) = refused else {
        panic!("{refused:?}")
    };
    let fields: Vec<(&str, Rule)> = errors.iter().map(|e| (e.field.as_str(), e.rule)).collect();
    assert_eq!(
        fields,
        [
            ("subject", Rule::Required),
            ("audience", Rule::Required),
            ("cycle", Rule::Required)
        ]
    );
    assert!(app.get_campaign(p).expect("reads").messages.is_empty());

    let launch = app
        .create_message(
            p,
            draft(
                "C'est parti",
                "Tous les salariés",
                MessageChannel::Email,
                MessagePurpose::Launch,
                10,
            ),
            &save,
        )
        .expect("plans");
    let kinds: Vec<WarningKind> = launch.warnings.iter().map(|w| w.kind).collect();
    assert_eq!(
        kinds,
        [WarningKind::NothingBeforeLaunch, WarningKind::NoManagerBriefing]
    );
    assert!(launch.messages[0].flagged);

    app.create_message(
        p,
        draft(
            "Kit managers",
            "Managers",
            MessageChannel::ManagerBriefing,
            MessagePurpose::Teaser,
            3,
        ),
        &save,
    )
    .expect("plans");
    let clash = app
        .create_message(
            p,
            draft(
                "Affiche",
                "tous les salariés",
                MessageChannel::Poster,
                MessagePurpose::Reminder,
                10,
            ),
            &save,
        )
        .expect("plans");
    let kinds: Vec<WarningKind> = clash.warnings.iter().map(|w| w.kind).collect();
    assert_eq!(kinds, [WarningKind::SameAudienceSameDay]);
    assert_eq!(clash.warnings[0].messages.len(), 2);
    assert_eq!(
        clash
            .messages
            .iter()
            .map(|m| m.message.fields.subject.as_str())
            .collect::<Vec<_>>(),
        ["Kit managers", "C'est parti", "Affiche"],
        "by planned date"
    );
    drop(app);

    let app = Atelier::open(dir.path()).expect("reopens");
    let view = app.get_campaign(p).expect("reads");
    assert_eq!(view.messages.len(), 3);
    let poster = view.messages[2].message.id;
    let mut moved = view.messages[2].message.fields.clone();
    moved.planned = Some(in_days(11));
    let fixed = app.update_message(p, poster, moved, &save).expect("moves");
    assert!(fixed.warnings.is_empty(), "{:?}", fixed.warnings);

    let summary = app.get_project(p).expect("reads").campaign;
    assert_eq!(summary.warnings, 0);
    let next: Vec<&str> = summary.next.iter().map(|m| m.subject.as_str()).collect();
    assert_eq!(next, ["Kit managers", "C'est parti", "Affiche"]);

    // Sent, but dated in the future: flagged.
    let mut sent = fixed.messages[2].message.fields.clone();
    sent.status = MessageStatus::Sent;
    let ahead = app.update_message(p, poster, sent, &save).expect("saves");
    assert_eq!(ahead.warnings[0].kind, WarningKind::SentInFuture);
    assert_eq!(
        app.get_project(p).expect("reads").campaign.next.len(),
        2,
        "sent ones are not next"
    );

    let gone = app.delete_message(p, poster).expect("deletes");
    assert_eq!(gone.messages.len(), 2);
}

#[test]
fn a_sender_is_named_on_their_page_and_messages_leave_with_their_project() {
    let (_dir, app, p) = common::open_with_project();
    let nadia = app
        .create_person(
            PersonDraft {
                name: "Nadia Benali".into(),
                ..PersonDraft::default()
            },
            &SaveOptions::default(),
        )
        .expect("adds")
        .id;
    let view = app
        .create_message(
            p,
            MessageDraft {
                sender: Some(PersonRef::Person { id: nadia }),
                ..draft(
                    "Le mot de la DRH",
                    "Tous",
                    MessageChannel::Video,
                    MessagePurpose::Launch,
                    5,
                )
            },
            &SaveOptions::default(),
        )
        .expect("plans");
    assert_eq!(view.messages[0].sender_name.as_deref(), Some("Nadia Benali"));
    let page = app.get_person(nadia).expect("reads");
    assert_eq!(page.messages.len(), 1);
    assert_eq!(page.messages[0].subject, "Le mot de la DRH");
    assert!(app.delete_person(nadia).is_err(), "still sends a message");

    app.trash_project(p).expect("trashes");
    app.purge_project(p).expect("purges");
    assert!(app.get_person(nadia).expect("reads").messages.is_empty());
    app.delete_person(nadia).expect("nothing names her now");
}
