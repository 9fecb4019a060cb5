//! The work inside the first sample project (the new managers' onboarding
//! path): people, a vendor and its contract, cycles and tasks, design
//! artefacts, the modality mix, the RACI, the IT checklist, the launch
//! campaign, the hand-off package and the evaluation plan, so that a DLM
//! discovering Atelier sees every tab at work and its brief fills every
//! section. Made through the same operations as the DLM's own work, in
//! the DLM's language, dated around today.

use atelier_core::artefact::{JourneyStage, Touchpoint};
use atelier_core::campaign::{MessageChannel, MessageDraft, MessagePurpose, MessageStatus};
use atelier_core::engagement::ContractStatus;
use atelier_core::evaluation::{
    BenefitDraft, CostDraft, CostKind, IndicatorDraft, Instrument, KirkLevel, ParticipantsTime, Timing,
};
use atelier_core::handoff::{AssetDraft, AssetKind, HandoffDraft, RiskDraft, RunModel};
use atelier_core::it_readiness::{ItItemDraft, ItStatus};
use atelier_core::person::Organisation;
use atelier_core::raci::RaciRole;
use atelier_core::roster::{SessionDraft, SessionMode, TrainerDraft, TrainerPath};
use atelier_core::vendor::VendorType;
use atelier_core::{
    ActivityDraft, ArtefactBody, Bucket, CycleForm, Delivery, EngagementDraft, Lang, Modality, Person, PersonDraft,
    PersonKind, PersonRef, Phase, ProjectId, SaveOptions, TaskDraft, TaskStatus, Vendor, VendorDraft,
};
use chrono::Duration;

use crate::{Atelier, Result};

impl Atelier {
    /// Fills the sample project `project` with a DLM's work, in `lang`.
    pub(crate) fn fill_onboarding_sample(&self, project: ProjectId, lang: Lang) -> Result<()> {
        let l = |fr: &'static str, en: &'static str| String::from(if lang == Lang::Fr { fr } else { en });
        let today = crate::today();
        let day = |n: i64| Some(today + Duration::days(n));
        let save = SaveOptions::confirmed();

        // The people and the vendor, marked as samples.
        let vendor = self.sample_vendor(VendorDraft {
            name: "Mentorama".into(),
            vendor_type: VendorType::Startup,
            modalities: vec![Modality::Mentoring, Modality::VirtualClass],
            website: "https://mentorama.example".into(),
            country: l("France (Nantes)", "France (Nantes)"),
            tags: vec![l("Mentorat", "Mentoring")],
        })?;
        let hr = self.sample_person(PersonDraft {
            name: "Nadia Benali".into(),
            job_title: l("Directrice des ressources humaines", "HR Director"),
            kinds: vec![PersonKind::Sponsor, PersonKind::Hr],
            email: "nadia.benali@groupe.example".into(),
            ..PersonDraft::default()
        })?;
        let it = self.sample_person(PersonDraft {
            name: "Éric Dupont".into(),
            job_title: l("Responsable des accès", "Access manager"),
            organisation: Some(Organisation::Department { name: l("DSI", "IT") }),
            kinds: vec![PersonKind::It],
            email: "eric.dupont@groupe.example".into(),
            ..PersonDraft::default()
        })?;
        let trainer = self.sample_person(PersonDraft {
            name: "Sophie Martin".into(),
            job_title: l(
                "Manager d'agence, formatrice occasionnelle",
                "Branch manager, occasional trainer",
            ),
            organisation: Some(Organisation::Department {
                name: l("Réseau", "Branches"),
            }),
            kinds: vec![PersonKind::OccasionalTrainer, PersonKind::Manager],
            ..PersonDraft::default()
        })?;
        self.sample_person(PersonDraft {
            name: "Léa Moreau".into(),
            job_title: l("Cheffe de projet", "Project lead"),
            organisation: Some(Organisation::Vendor { vendor: vendor.id }),
            kinds: vec![PersonKind::VendorContact],
            email: "lea@mentorama.example".into(),
            ..PersonDraft::default()
        })?;

        // Cycles and tasks.
        let listen = self.create_cycle(
            project,
            CycleForm {
                goal: l("Écouter les nouveaux managers", "Listen to new managers"),
                start: day(-28),
                end: day(-15),
                phase_focus: Some(Phase::Empathize),
                review_note: l(
                    "**Huit** entretiens : le manque de temps et la solitude reviennent partout.",
                    "**Eight** interviews: lack of time and loneliness come up everywhere.",
                ),
            },
            &save,
        )?;
        let shape = self.create_cycle(
            project,
            CycleForm {
                goal: l("Choisir et esquisser le parcours", "Choose and sketch the path"),
                start: day(-14),
                end: day(0),
                phase_focus: Some(Phase::Ideate),
                review_note: String::new(),
            },
            &save,
        )?;
        for (title, status, due, cycle, owner) in [
            (
                l("Mener huit entretiens", "Hold eight interviews"),
                TaskStatus::Done,
                -16,
                Some(listen.id),
                Some(hr.id),
            ),
            (
                l(
                    "Atelier d'idéation avec le réseau",
                    "Ideation workshop with the branches",
                ),
                TaskStatus::Doing,
                -1,
                Some(shape.id),
                Some(trainer.id),
            ),
            (
                l(
                    "Valider l'accès SSO à la plateforme",
                    "Validate SSO access to the platform",
                ),
                TaskStatus::Todo,
                12,
                None,
                Some(it.id),
            ),
            (
                l(
                    "Réserver les salles du présentiel",
                    "Book the rooms for the classroom day",
                ),
                TaskStatus::Todo,
                20,
                None,
                None,
            ),
        ] {
            self.create_task(
                project,
                TaskDraft {
                    title,
                    owner: owner.map(|id| PersonRef::Person { id }),
                    due: day(due),
                    status,
                    phase: None,
                    cycle,
                },
                &save,
            )?;
        }

        // The design work, phase by phase.
        for body in [
            ArtefactBody::InterviewNote {
                title: l("Entretien avec un manager de Lyon", "Interview with a Lyon manager"),
                interviewee: l(
                    "Manager d'agence, nommé il y a 4 mois",
                    "Branch manager, appointed 4 months ago",
                ),
                date: day(-24),
                notes: l(
                    "- pas le temps de se former\n- ne sait pas à qui poser ses questions\n- veut des cas réels",
                    "- no time to train\n- does not know whom to ask\n- wants real cases",
                ),
            },
            ArtefactBody::Persona {
                name: l("Karim, 34 ans", "Karim, 34"),
                role: l("Manager de proximité depuis 4 mois", "First-line manager for 4 months"),
                goals: l(
                    "Réussir ses premiers entretiens annuels",
                    "Get his first annual reviews right",
                ),
                frustrations: l(
                    "Des formations longues, loin du terrain",
                    "Long courses, far from the job",
                ),
                context: l(
                    "Une agence de 12 personnes, ancien collègue de son équipe",
                    "A 12-person branch, a former peer of his team",
                ),
                quote: l("Je n'ai personne à qui demander.", "I have no one to ask."),
            },
            ArtefactBody::EmpathyMap {
                subject: l("Karim", "Karim"),
                says: l("« Je n'ai pas le temps. »", "\"I don't have the time.\""),
                thinks: l(
                    "Peur de mal faire avec d'anciens collègues",
                    "Afraid of getting it wrong with former peers",
                ),
                does: l("Reporte les entretiens difficiles", "Puts off the hard conversations"),
                feels: l("Isolé", "Alone"),
            },
        ] {
            self.create_artefact(project, Phase::Empathize, body, &save)?;
        }
        self.advance_phase(project, None)?;
        for body in [
            ArtefactBody::Journey {
                title: l("La première année d'un manager", "A manager's first year"),
                touchpoints: vec![
                    Touchpoint {
                        stage: JourneyStage::Before,
                        name: l("Nomination", "Appointment"),
                        purpose: l("Annoncer et accueillir", "Announce and welcome"),
                        emotion: l("Fierté, inquiétude", "Pride, worry"),
                        metric: l("J0", "Day 0"),
                    },
                    Touchpoint {
                        stage: JourneyStage::During,
                        name: l("Premier entretien annuel", "First annual review"),
                        purpose: l("Donner du feedback", "Give feedback"),
                        emotion: l("Solitude", "Loneliness"),
                        metric: l("M3", "Month 3"),
                    },
                ],
            },
            ArtefactBody::HowMightWe {
                statement: l(
                    "Comment pourrions-nous rendre le premier entretien moins solitaire ?",
                    "How might we make the first review less lonely?",
                ),
            },
        ] {
            self.create_artefact(project, Phase::Define, body, &save)?;
        }
        self.advance_phase(project, None)?;
        let pairs = self.create_artefact(
            project,
            Phase::Ideate,
            ArtefactBody::Idea {
                title: l("Binômes de managers", "Manager pairs"),
                description: l(
                    "Un pair expérimenté pour chaque nouveau manager, six mois.",
                    "An experienced peer for each new manager, for six months.",
                ),
                shortlisted: true,
            },
            &save,
        )?;
        self.create_artefact(
            project,
            Phase::Ideate,
            ArtefactBody::Idea {
                title: l("Capsules vidéo de 3 minutes", "3-minute video capsules"),
                description: l(
                    "Un geste managérial par semaine, sur mobile.",
                    "One management move a week, on mobile.",
                ),
                shortlisted: false,
            },
            &save,
        )?;
        self.cast_vote(project, pairs.id, "Nadia".into())?;

        // The modality mix: mostly on the job, some peers, a little class.
        for (title, modality, bucket, delivery, minutes, cost) in [
            (
                l("Binôme sur le terrain", "Pairing on the job"),
                Modality::OnTheJob,
                Bucket::Experience,
                Delivery::SelfPaced,
                1_200,
                None,
            ),
            (
                l("Mentorat avec Mentorama", "Mentoring with Mentorama"),
                Modality::Mentoring,
                Bucket::Exposure,
                Delivery::Live,
                360,
                Some(1_800_000),
            ),
            (
                l(
                    "Classes virtuelles : feedback et réunions",
                    "Virtual classes: feedback and meetings",
                ),
                Modality::VirtualClass,
                Bucket::Education,
                Delivery::Live,
                240,
                Some(600_000),
            ),
            (
                l("Journée de mises en situation", "Role-play day"),
                Modality::Classroom,
                Bucket::Education,
                Delivery::Live,
                420,
                Some(450_000),
            ),
        ] {
            self.add_activity(
                project,
                ActivityDraft {
                    title,
                    modality,
                    bucket,
                    delivery,
                    duration_minutes: minutes,
                    cost_cents: cost,
                },
                &save,
            )?;
        }
        self.create_engagement(
            project,
            EngagementDraft {
                vendor: vendor.id,
                scope: l("Plateforme et mentors certifiés", "Platform and certified mentors"),
                deliverables: vec![
                    l("Appariement des binômes", "Pair matching"),
                    l("Suivi mensuel", "Monthly follow-up"),
                ],
                currency: atelier_core::Currency::eur(),
                amount_cents: Some(1_800_000),
                start: day(-5),
                end: day(180),
                status: ContractStatus::Signed,
            },
            &save,
        )?;

        // Coordination: who does what, IT readiness, the launch campaign.
        for person in [hr.id, it.id, trainer.id] {
            self.add_raci_person(project, person)?;
        }
        for (row, person, role) in [
            (1, hr.id, RaciRole::Accountable),
            (1, trainer.id, RaciRole::Consulted),
            (2, it.id, RaciRole::Responsible),
            (3, trainer.id, RaciRole::Responsible),
        ] {
            self.set_raci_cell(project, row, person, Some(role))?;
        }
        self.update_it_item(
            project,
            1,
            ItItemDraft {
                status: ItStatus::Done,
                owner: Some(PersonRef::Person { id: it.id }),
                evidence: l("Ticket **SSO-214** fermé", "Ticket **SSO-214** closed"),
                ..ItItemDraft::default()
            },
            &save,
        )?;
        self.update_it_item(
            project,
            3,
            ItItemDraft {
                status: ItStatus::InProgress,
                owner: Some(PersonRef::Person { id: it.id }),
                due: day(12),
                ..ItItemDraft::default()
            },
            &save,
        )?;
        for (subject, purpose, planned, status) in [
            (
                l("Un binôme pour vos débuts", "A pair for your first months"),
                MessagePurpose::Teaser,
                25,
                MessageStatus::Ready,
            ),
            (
                l("Le parcours commence lundi", "The path starts on Monday"),
                MessagePurpose::Launch,
                40,
                MessageStatus::Draft,
            ),
        ] {
            self.create_message(
                project,
                MessageDraft {
                    subject,
                    audience: l("Managers nommés dans l'année", "Managers appointed this year"),
                    channel: MessageChannel::ManagerBriefing,
                    purpose,
                    key_message: l(
                        "Trois minutes en réunion d'équipe.",
                        "Three minutes in the team meeting.",
                    ),
                    sender: Some(PersonRef::Person { id: hr.id }),
                    planned: day(planned),
                    status,
                    cycle: None,
                },
                &save,
            )?;
        }

        // The hand-off package, its trainer and its evaluation plan.
        self.add_trainer(project, trainer.id)?;
        self.set_trainer(
            project,
            trainer.id,
            TrainerDraft {
                path: TrainerPath {
                    invited: day(-20),
                    trained: day(-6),
                    ..TrainerPath::default()
                },
                topics: vec![l("Feedback", "Feedback")],
                languages: vec!["FR".into()],
                availability: l("Un jeudi sur deux", "Every other Thursday"),
            },
            &save,
        )?;
        self.save_session(
            project,
            None,
            SessionDraft {
                date: day(45),
                mode: SessionMode::OnSite,
                place: "Lyon".into(),
                trainer: Some(trainer.id),
                participants: 12,
                delivered: false,
                satisfaction: None,
            },
            &save,
        )?;
        self.save_handoff(
            project,
            HandoffDraft {
                owner: Some(PersonRef::Person { id: hr.id }),
                team: l("RH de proximité", "Local HR"),
                run: RunModel {
                    who: l(
                        "Formateurs occasionnels du réseau",
                        "Occasional trainers from the branches",
                    ),
                    frequency: l("Une promotion par trimestre", "One intake a quarter"),
                    audience: l("Managers nommés dans le trimestre", "Managers appointed in the quarter"),
                    enrolment: l(
                        "Inscription automatique à la nomination",
                        "Enrolled automatically on appointment",
                    ),
                },
                runbook: l(
                    "1. Apparier les binômes\n2. Ouvrir la promotion sur la plateforme\n3. Animer la journée",
                    "1. Match the pairs\n2. Open the intake on the platform\n3. Run the day",
                ),
                support: "formation@groupe.example".into(),
                handoff_on: day(90),
                ..HandoffDraft::default()
            },
            &save,
        )?;
        self.save_asset(
            project,
            None,
            AssetDraft {
                kind: AssetKind::Licence,
                name: l("Licences Mentorama", "Mentorama licences"),
                reference: "MTR-2026-08".into(),
                owner: Some(PersonRef::Person { id: hr.id }),
                licence_end: day(365),
                licence_cost_cents: Some(1_200_000),
                ..AssetDraft::default()
            },
            &save,
        )?;
        self.save_risk(
            project,
            None,
            RiskDraft {
                description: l(
                    "Les binômes s'essoufflent après trois mois",
                    "Pairs lose steam after three months",
                ),
                owner: Some(PersonRef::Person { id: hr.id }),
                mitigation: l("Un point mensuel animé par les RH", "A monthly check-in led by HR"),
            },
            &save,
        )?;
        for (level, name, instrument, timing, target, lower) in [
            (
                KirkLevel::Reaction,
                l("Satisfaction des participants", "Participants' satisfaction"),
                Instrument::Survey,
                Timing::EndOfSession,
                420,
                false,
            ),
            (
                KirkLevel::Behaviour,
                l("Entretiens annuels menés à temps", "Annual reviews held on time"),
                Instrument::Observation,
                Timing::After90Days,
                9_000,
                false,
            ),
            (
                KirkLevel::Results,
                l(
                    "Départs dans les équipes des nouveaux managers",
                    "Leavers in new managers' teams",
                ),
                Instrument::BusinessKpi,
                Timing::After90Days,
                1_200,
                true,
            ),
        ] {
            self.save_indicator(
                project,
                None,
                IndicatorDraft {
                    level,
                    name,
                    instrument,
                    timing,
                    target_hundredths: Some(target),
                    lower_is_better: lower,
                    owner: Some(PersonRef::Person { id: hr.id }),
                    ..IndicatorDraft::default()
                },
                &save,
            )?;
        }
        self.save_cost(
            project,
            None,
            CostDraft {
                kind: CostKind::Platform,
                label: l("Mentorama", "Mentorama"),
                amount_cents: 1_800_000,
            },
            &save,
        )?;
        self.save_benefit(
            project,
            None,
            BenefitDraft {
                label: l("Départs évités", "Leavers avoided"),
                amount_cents: 6_000_000,
                isolation_pct: 40,
                confidence_pct: 70,
            },
            &save,
        )?;
        self.save_evaluation_summary(
            project,
            ParticipantsTime {
                participants: 120,
                days_hundredths: 250,
                day_rate_cents: 35_000,
            },
            String::new(),
            &save,
        )?;
        Ok(())
    }

    fn sample_person(&self, draft: PersonDraft) -> Result<Person> {
        let mut person = self.create_person(draft, &SaveOptions::confirmed())?;
        person.sample = true;
        self.store.put_person(&person)?;
        Ok(person)
    }

    fn sample_vendor(&self, draft: VendorDraft) -> Result<Vendor> {
        let mut vendor = self.create_vendor(draft)?;
        vendor.sample = true;
        self.store.put_vendor(&vendor, None)?;
        Ok(vendor)
    }
}
