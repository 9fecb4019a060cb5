//! Writes the store's fixture of the current schema: a backup of a database
//! holding every kind of record the app writes, made through the app as a
//! DLM would. Run once per schema, by hand, and commit the file; it is never
//! written over (`cargo test -p atelier-app --test fixtures -- --ignored`).
//! The store's tests decode every fixture of every schema.

use std::path::Path;

use atelier_app::Atelier;
use atelier_core::artefact::{Fidelity, JourneyStage, PilotOutcome, Touchpoint};
use atelier_core::brief::{BriefFormat, BriefSection};
use atelier_core::campaign::{MessageChannel, MessageDraft, MessagePurpose, MessageStatus};
use atelier_core::engagement::ContractStatus;
use atelier_core::evaluation::{
    BenefitDraft, CostDraft, CostKind, IndicatorDraft, Instrument, KirkLevel, ParticipantsTime, Timing,
};
use atelier_core::handoff::{AssetDraft, AssetKind, HandoffDraft, RiskDraft, RunModel};
use atelier_core::it_readiness::{ItItemDraft, ItStatus};
use atelier_core::person::Organisation;
use atelier_core::phase::Phase;
use atelier_core::raci::RaciRole;
use atelier_core::radar::{Adoption, Family, HypeStage, Judgement};
use atelier_core::roster::{SessionDraft, SessionMode, TrainerDraft, TrainerPath};
use atelier_core::scorecard::Score;
use atelier_core::theme::RadarThemeDraft;
use atelier_core::vendor::{JournalDraft, JournalKind, VendorType};
use atelier_core::{
    ActivityDraft, ArtefactBody, Bucket, Budget, Currency, CycleForm, Delivery, EngagementDraft, Health, Lang,
    Modality, PersonDraft, PersonKind, PersonRef, ProjectDraft, SaveOptions, Settings, Status, TaskDraft, TaskStatus,
    Theme, VendorDraft, WatchStage,
};
use chrono::NaiveDate;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a date")
}

#[test]
#[ignore = "writes the fixture of a new schema, by hand, once"]
fn write_the_fixture_of_the_current_schema() {
    let schema = atelier_store::SCHEMA_VERSION;
    let out = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../store/tests/fixtures")
        .join(format!("v{schema}"))
        .join("every-kind.atelier-backup");
    assert!(
        !out.exists(),
        "{} exists: fixtures are never written over",
        out.display()
    );
    std::fs::create_dir_all(out.parent().expect("a folder")).expect("creates the folder");

    let dir = tempfile::tempdir().expect("temp dir");
    let app = Atelier::open(dir.path()).expect("opens");
    let save = SaveOptions::confirmed();
    app.save_settings(Settings {
        language: Some(Lang::Fr),
        theme: Theme::Dark,
        user_name: "Claire Martin".into(),
    })
    .expect("settings");

    // The sponsor, a person of the directory (a typed name elsewhere).
    let sponsor = app
        .create_person(
            PersonDraft {
                name: "Nadia Benali".into(),
                job_title: "Directrice des ressources humaines".into(),
                kinds: vec![PersonKind::Sponsor, PersonKind::Hr],
                ..PersonDraft::default()
            },
            &save,
        )
        .expect("sponsor");

    // A project with every field set, moved along its lifecycle.
    let full = app
        .create_project(
            ProjectDraft {
                title: "Parcours d'intégration des managers".into(),
                summary: "Un parcours blended de huit semaines.".into(),
                business_need: "Les nouveaux managers se sentent seuls.".into(),
                audience: "Managers nommés dans l'année".into(),
                objectives: vec!["Mener un entretien annuel".into(), "Donner du feedback".into()],
                sponsor: Some(PersonRef::Person { id: sponsor.id }),
                start_date: Some(day(2026, 11, 2)),
                end_date: Some(day(2027, 2, 26)),
                budget: Budget {
                    currency: Currency::eur(),
                    planned_cents: Some(4_800_000),
                    actual_cents: Some(1_250_050),
                },
                health: Health::AtRisk,
                tags: vec!["Managers".into(), "Blended".into()],
            },
            &save,
        )
        .expect("full project");
    app.change_project_status(full.id, Status::Framing, &SaveOptions::default())
        .expect("moves");
    // A project with nothing but its title, and one in the trash.
    app.create_project(
        ProjectDraft {
            title: "Idée à creuser".into(),
            ..Default::default()
        },
        &save,
    )
    .expect("minimal project");
    let gone = app
        .create_project(
            ProjectDraft {
                title: "Projet abandonné".into(),
                ..Default::default()
            },
            &save,
        )
        .expect("project");
    app.trash_project(gone.id).expect("trashes");
    app.load_sample_projects(Lang::Fr).expect("samples");

    // Cycles, tasks, the design state, the learning path.
    let cycle = app
        .create_cycle(
            full.id,
            CycleForm {
                goal: "Écouter les managers".into(),
                start: Some(day(2026, 11, 2)),
                end: Some(day(2026, 11, 15)),
                phase_focus: Some(Phase::Empathize),
                review_note: "**Six** entretiens menés.".into(),
            },
            &save,
        )
        .expect("cycle");
    app.create_task(
        full.id,
        TaskDraft {
            title: "Interroger six managers".into(),
            owner: Some(PersonRef::Named { name: "Karim".into() }),
            due: Some(day(2026, 11, 13)),
            status: TaskStatus::Doing,
            phase: Some(Phase::Empathize),
            cycle: Some(cycle.id),
        },
        &save,
    )
    .expect("task");
    app.create_task(
        full.id,
        TaskDraft {
            title: "Réserver les salles".into(),
            ..Default::default()
        },
        &save,
    )
    .expect("bare task");
    let bodies = vec![
        ArtefactBody::InterviewNote {
            title: "Entretien Sophie".into(),
            interviewee: "Sophie, manager à Lyon".into(),
            date: Some(day(2026, 11, 5)),
            notes: "- pas le temps\n- veut des cas réels".into(),
        },
        ArtefactBody::Persona {
            name: "Sophie, 34 ans".into(),
            role: "Manager de proximité".into(),
            goals: "Réussir ses entretiens".into(),
            frustrations: "Formations trop longues".into(),
            context: "Agence de 12 personnes".into(),
            quote: "Je n'ai personne à qui demander".into(),
        },
        ArtefactBody::EmpathyMap {
            subject: "Sophie".into(),
            says: "Je n'ai pas le temps".into(),
            thinks: "Peur de mal faire".into(),
            does: "Reporte les entretiens".into(),
            feels: "Isolée".into(),
        },
        ArtefactBody::Journey {
            title: "Première année de manager".into(),
            touchpoints: vec![Touchpoint {
                stage: JourneyStage::Before,
                name: "Nomination".into(),
                purpose: "Annonce".into(),
                emotion: "Fierté".into(),
                metric: "J0".into(),
            }],
        },
        ArtefactBody::HowMightWe {
            statement: "Comment pourrions-nous rendre le premier entretien moins solitaire ?".into(),
        },
        ArtefactBody::Idea {
            title: "Binômes de managers".into(),
            description: "Un pair pour chaque nouveau manager.".into(),
            shortlisted: true,
        },
        ArtefactBody::Prototype {
            title: "Kit d'entretien".into(),
            description: "Trame papier".into(),
            fidelity: Fidelity::Low,
            link: "Drive partagé".into(),
        },
        ArtefactBody::PilotFeedback {
            source: "Groupe pilote de Lyon".into(),
            date: Some(day(2027, 1, 15)),
            feedback: "Utile, trop long.".into(),
        },
        ArtefactBody::PilotDecision {
            criteria: "80 % terminent le parcours".into(),
            results: "86 %".into(),
            outcome: PilotOutcome::Scale,
            decided_on: Some(day(2027, 2, 1)),
        },
    ];
    let mut idea = None;
    for body in bodies {
        let is_idea = matches!(body, ArtefactBody::Idea { .. });
        let a = app
            .create_artefact(full.id, Phase::Empathize, body, &save)
            .expect("artefact");
        if is_idea {
            idea = Some(a.id);
        }
    }
    app.cast_vote(full.id, idea.expect("an idea"), "Claire".into())
        .expect("votes");
    app.advance_phase(full.id, None).expect("the gate is met");
    app.add_activity(
        full.id,
        ActivityDraft {
            title: "Module e-learning".into(),
            modality: Modality::Elearning,
            bucket: Bucket::Education,
            delivery: Delivery::SelfPaced,
            duration_minutes: 45,
            cost_cents: Some(150_000),
        },
        &save,
    )
    .expect("activity");
    app.add_activity(
        full.id,
        ActivityDraft {
            title: "Binôme sur le terrain".into(),
            modality: Modality::OnTheJob,
            bucket: Bucket::Experience,
            delivery: Delivery::SelfPaced,
            duration_minutes: 240,
            cost_cents: None,
        },
        &save,
    )
    .expect("activity");
    app.save_as_template(full.id, "Intégration managers".into(), "Notre modèle maison.".into())
        .expect("template");

    // The vendor watch: scores, a judgement, a journal, an engagement, a theme.
    let mut criteria = app.get_criteria().expect("criteria");
    criteria[0].weight = 5;
    app.set_criteria(criteria).expect("weights");
    let vendor = app
        .create_vendor(VendorDraft {
            name: "Immersia".into(),
            vendor_type: VendorType::Startup,
            modalities: vec![Modality::ArVr, Modality::SeriousGame],
            website: "https://immersia.example".into(),
            country: "France (Lyon)".into(),
            tags: vec!["VR".into()],
        })
        .expect("vendor");
    app.create_vendor(VendorDraft {
        name: "Académie Plus".into(),
        vendor_type: VendorType::Established,
        modalities: vec![Modality::Mooc],
        website: String::new(),
        country: String::new(),
        tags: Vec::new(),
    })
    .expect("bare vendor");
    app.score_vendor(
        vendor.id,
        vec![
            Score {
                criterion: "pedagogy".into(),
                score: 4,
            },
            Score {
                criterion: "price".into(),
                score: 2,
            },
        ],
    )
    .expect("scores");
    app.judge_vendor(
        vendor.id,
        Some(Judgement {
            hype: HypeStage::Peak,
            pilots: 1,
            references: 2,
            adoption: Adoption::Early,
            evidence: "Démo **convaincante**.".into(),
        }),
    )
    .expect("judgement");
    app.add_journal_entry(
        vendor.id,
        JournalDraft {
            date: day(2026, 10, 8),
            kind: JournalKind::Demo,
            title: "Démo au salon".into(),
            body: "Très immersif.".into(),
        },
        &save,
    )
    .expect("journal");
    app.change_vendor_stage(vendor.id, WatchStage::Piloting, Some(day(2026, 11, 3)))
        .expect("stage");
    app.create_engagement(
        full.id,
        EngagementDraft {
            vendor: vendor.id,
            scope: "Module VR".into(),
            deliverables: vec!["Storyboard".into(), "Build".into()],
            currency: Currency::eur(),
            amount_cents: Some(2_400_000),
            start: Some(day(2026, 12, 1)),
            end: Some(day(2027, 3, 31)),
            status: ContractStatus::Signed,
        },
        &save,
    )
    .expect("engagement");
    app.create_theme(RadarThemeDraft {
        name: "Tuteurs IA génératifs".into(),
        family: Family::Online,
        judgement: Judgement {
            hype: HypeStage::Trigger,
            ..Default::default()
        },
    })
    .expect("theme");
    // People: one with every field; the vendor's contact (in schemas 1 to
    // 3 a contact inside the vendor, the same in every fixture).
    let it = app
        .create_person(
            PersonDraft {
                name: "Éric Dupont".into(),
                job_title: "Responsable SSO".into(),
                organisation: Some(Organisation::Department { name: "DSI".into() }),
                kinds: vec![PersonKind::It, PersonKind::Legal],
                email: "eric.dupont@groupe.fr".into(),
                phone: "+33 4 72 00 00 00".into(),
                location: "Lyon".into(),
                notes: "Valide les accès **SSO**.".into(),
                tags: vec!["Siège".into()],
            },
            &save,
        )
        .expect("person");
    // A RACI (from schema 5 on; rows are numbered from 1): the sponsor
    // accountable for the first activity, the IT lead responsible for it and consulted on the second.
    app.add_raci_person(full.id, sponsor.id).expect("raci column");
    app.add_raci_person(full.id, it.id).expect("raci column");
    app.set_raci_cell(full.id, 1, sponsor.id, Some(RaciRole::Accountable))
        .expect("raci cell");
    app.set_raci_cell(full.id, 1, it.id, Some(RaciRole::Responsible))
        .expect("raci cell");
    app.set_raci_cell(full.id, 2, it.id, Some(RaciRole::Consulted))
        .expect("raci cell");
    // An IT checklist (from schema 5 on): one item done by the IT lead,
    // one set aside with its reason.
    app.update_it_item(
        full.id,
        3,
        ItItemDraft {
            status: ItStatus::Done,
            owner: Some(PersonRef::Person { id: it.id }),
            due: Some(day(2026, 3, 1)),
            evidence: "Ticket **SSO-12**".into(),
            ..ItItemDraft::default()
        },
        &save,
    )
    .expect("it item");
    app.update_it_item(
        full.id,
        5,
        ItItemDraft {
            status: ItStatus::NotApplicable,
            reason: "Tout en ligne, hors réseau".into(),
            ..ItItemDraft::default()
        },
        &save,
    )
    .expect("it item");
    // A campaign message (from schema 5 on), with every field set.
    app.create_message(
        full.id,
        MessageDraft {
            subject: "Kit managers".into(),
            audience: "Managers de proximité".into(),
            channel: MessageChannel::ManagerBriefing,
            purpose: MessagePurpose::Teaser,
            key_message: "Trois minutes en réunion d'équipe.".into(),
            sender: Some(PersonRef::Person { id: sponsor.id }),
            planned: Some(day(2026, 3, 2)),
            status: MessageStatus::Ready,
            cycle: None,
        },
        &save,
    )
    .expect("message");
    // An evaluation (from schema 5 on): an indicator with every field, a
    // benefit, a cost and the participants' time.
    app.save_indicator(
        full.id,
        None,
        IndicatorDraft {
            level: KirkLevel::Results,
            name: "Incidents".into(),
            instrument: Instrument::BusinessKpi,
            timing: Timing::After90Days,
            unit: "incidents".into(),
            target_hundredths: Some(1_000),
            result_hundredths: Some(800),
            lower_is_better: true,
            measured_on: Some(day(2026, 6, 1)),
            owner: Some(PersonRef::Person { id: it.id }),
            note: "Relevé du SOC".into(),
        },
        &save,
    )
    .expect("indicator");
    app.save_benefit(
        full.id,
        None,
        BenefitDraft {
            label: "Incidents évités".into(),
            amount_cents: 6_000_000,
            isolation_pct: 50,
            confidence_pct: 80,
        },
        &save,
    )
    .expect("benefit");
    app.save_cost(
        full.id,
        None,
        CostDraft {
            kind: CostKind::Design,
            label: "Conception".into(),
            amount_cents: 900_000,
        },
        &save,
    )
    .expect("cost");
    app.save_evaluation_summary(
        full.id,
        ParticipantsTime {
            participants: 40,
            days_hundredths: 50,
            day_rate_cents: 40_000,
        },
        "Objectif atteint".into(),
        &save,
    )
    .expect("summary");
    // A roster (from schema 5 on): the IT lead certified, one session
    // delivered and rated.
    app.add_trainer(full.id, it.id).expect("trainer");
    app.set_trainer(
        full.id,
        it.id,
        TrainerDraft {
            path: TrainerPath {
                invited: Some(day(2026, 1, 5)),
                trained: Some(day(2026, 1, 12)),
                observed: Some(day(2026, 1, 19)),
                certified: Some(day(2026, 1, 26)),
                expires: Some(day(2027, 1, 26)),
            },
            topics: vec!["SSO".into()],
            languages: vec!["FR".into()],
            availability: "Les mardis".into(),
        },
        &save,
    )
    .expect("path");
    app.save_session(
        full.id,
        None,
        SessionDraft {
            date: Some(day(2026, 2, 3)),
            mode: SessionMode::Virtual,
            place: "Teams".into(),
            trainer: Some(it.id),
            participants: 12,
            delivered: true,
            satisfaction: Some(4),
        },
        &save,
    )
    .expect("session");
    // A hand-off package (from schema 5 on): every field, a licence and a risk.
    app.save_handoff(
        full.id,
        HandoffDraft {
            owner: Some(PersonRef::Person { id: sponsor.id }),
            team: "RH Lyon".into(),
            accepted_by: Some(PersonRef::Person { id: sponsor.id }),
            accepted_on: Some(day(2026, 5, 2)),
            run: RunModel {
                who: "Formateurs occasionnels".into(),
                frequency: "Tous les mois".into(),
                audience: "Nouveaux managers".into(),
                enrolment: "Sur le LMS".into(),
            },
            runbook: "1. Ouvrir la session".into(),
            faq: "**Qui ?** Les managers.".into(),
            support: "support@groupe.fr".into(),
            handoff_on: Some(day(2026, 6, 1)),
        },
        &save,
    )
    .expect("package");
    app.save_asset(
        full.id,
        None,
        AssetDraft {
            kind: AssetKind::Licence,
            name: "Licence casques".into(),
            reference: "CTR-2026-12".into(),
            version: "2".into(),
            owner: Some(PersonRef::Person { id: it.id }),
            licence_end: Some(day(2027, 1, 31)),
            licence_cost_cents: Some(120_000),
        },
        &save,
    )
    .expect("asset");
    app.save_risk(
        full.id,
        None,
        RiskDraft {
            description: "Le LMS change".into(),
            owner: Some(PersonRef::Named { name: "Karim".into() }),
            mitigation: "Exporter les paquets".into(),
        },
        &save,
    )
    .expect("risk");
    app.create_person(
        PersonDraft {
            name: "Léa Martin".into(),
            job_title: "Directrice commerciale".into(),
            organisation: Some(Organisation::Vendor { vendor: vendor.id }),
            kinds: vec![PersonKind::VendorContact],
            email: "lea@immersia.example".into(),
            phone: "+33 4 00 00 00 00".into(),
            ..PersonDraft::default()
        },
        &save,
    )
    .expect("vendor's person");

    // A brief choice (from schema 6 on): the sections and language of the
    // last export, remembered per project.
    let brief = dir.path().join("brief.md");
    app.export_brief(
        full.id,
        BriefFormat::Markdown,
        vec![BriefSection::Cover, BriefSection::Budget, BriefSection::Handoff],
        Lang::En,
        &brief,
    )
    .expect("brief");

    app.back_up_to(&out).expect("writes the fixture");
    println!("wrote {}", out.display());
}
