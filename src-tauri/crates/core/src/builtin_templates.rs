//! The templates Atelier ships: manager onboarding, compliance refresh and
//! a digital skills program, in French and English. Our own texts.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::ids::TemplateId;
use crate::mix::{ActivityDraft, Bucket, Delivery, Modality};
use crate::money::Currency;
use crate::phase::{default_plan, Phase};
use crate::project::{Budget, Health, ProjectDraft};
use crate::samples::Lang;
use crate::template::{CycleSeed, TaskSeed, Template};

struct Texts {
    name: &'static str,
    description: &'static str,
    summary: &'static str,
    need: &'static str,
    audience: &'static str,
    objectives: &'static [&'static str],
    tags: &'static [&'static str],
    cycles: &'static [&'static str],
    tasks: &'static [&'static str],
    activities: &'static [&'static str],
}

struct Shape {
    id: u128,
    budget_eur: i64,
    length_days: u32,
    /// (offset, length, phase) of each cycle.
    cycles: &'static [(u32, u32, Phase)],
    /// (phase, due offset, cycle index) of each task.
    tasks: &'static [(Phase, u32, u32)],
    /// (modality, bucket, delivery, minutes, cost in euros) of each activity.
    activities: &'static [(Modality, Bucket, Delivery, u32, i64)],
    fr: Texts,
    en: Texts,
}

use Bucket::*;
use Delivery::*;
use Modality::*;
use Phase::*;

const SHAPES: &[Shape] = &[
    Shape {
        id: 0x0193_0000_0000_7000_8000_0000_0000_0001,
        budget_eur: 45_000,
        length_days: 120,
        cycles: &[(0, 14, Empathize), (14, 14, Define), (28, 21, Ideate), (49, 21, Prototype), (70, 28, Test)],
        tasks: &[(Empathize, 10, 0), (Empathize, 12, 0), (Define, 24, 1), (Ideate, 40, 2), (Prototype, 65, 3), (Test, 95, 4)],
        activities: &[
            (Elearning, Education, SelfPaced, 60, 3_000),
            (VirtualClass, Education, Live, 120, 4_000),
            (Mentoring, Exposure, Live, 240, 0),
            (OnTheJob, Experience, SelfPaced, 600, 0),
            (SocialLearning, Exposure, Live, 90, 0),
        ],
        fr: Texts {
            name: "Intégration des nouveaux managers",
            description: "Un parcours blended de quatre mois pour les managers nommés dans l'année, construit avec eux.",
            summary: "Parcours d'intégration blended pour les managers nouvellement nommés.",
            need: "Les nouveaux managers se sentent seuls et le turnover de leurs équipes augmente.",
            audience: "Managers nommés depuis moins d'un an",
            objectives: &["Mener un entretien de feedback", "Animer une réunion d'équipe", "Savoir à qui demander de l'aide"],
            tags: &["Managers", "Onboarding", "Blended"],
            cycles: &["Écouter les nouveaux managers", "Formuler le besoin", "Imaginer le parcours", "Prototyper les premières briques", "Piloter avec une promotion"],
            tasks: &["Mener six entretiens de managers", "Observer une réunion d'équipe", "Rédiger les « Comment pourrions-nous »", "Atelier d'idéation avec les RH", "Prototype du module feedback", "Bilan du pilote avec le sponsor"],
            activities: &["Module e-learning « Premiers pas de manager »", "Classe virtuelle de lancement", "Binôme avec un manager expérimenté", "Mise en situation : premier entretien", "Cercle de pairs mensuel"],
        },
        en: Texts {
            name: "Manager onboarding",
            description: "A four-month blended path for managers appointed this year, designed with them.",
            summary: "Blended onboarding path for newly appointed managers.",
            need: "New managers feel alone and their teams' turnover is rising.",
            audience: "Managers appointed less than a year ago",
            objectives: &["Hold a feedback conversation", "Run a team meeting", "Know whom to ask for help"],
            tags: &["Managers", "Onboarding", "Blended"],
            cycles: &["Listen to new managers", "Frame the need", "Imagine the path", "Prototype the first pieces", "Pilot with one cohort"],
            tasks: &["Interview six managers", "Observe a team meeting", "Write the “How might we” statements", "Ideation workshop with HR", "Prototype the feedback module", "Pilot review with the sponsor"],
            activities: &["E-learning “First steps as a manager”", "Launch virtual class", "Pairing with an experienced manager", "On the job: first review conversation", "Monthly peer circle"],
        },
    },
    Shape {
        id: 0x0193_0000_0000_7000_8000_0000_0000_0002,
        budget_eur: 20_000,
        length_days: 60,
        cycles: &[(0, 14, Empathize), (14, 14, Prototype), (28, 21, Test)],
        tasks: &[(Empathize, 7, 0), (Prototype, 20, 1), (Prototype, 25, 1), (Test, 45, 2)],
        activities: &[
            (Microlearning, Education, SelfPaced, 30, 2_000),
            (Elearning, Education, SelfPaced, 20, 1_500),
            (OnTheJob, Experience, SelfPaced, 45, 0),
            (SocialLearning, Exposure, SelfPaced, 20, 0),
        ],
        fr: Texts {
            name: "Remise à niveau conformité",
            description: "Une campagne courte de microlearning pour rafraîchir une obligation réglementaire, mesurée par la pratique.",
            summary: "Campagne de microlearning pour remettre à niveau les réflexes réglementaires.",
            need: "Un audit montre que les bonnes pratiques réglementaires se perdent.",
            audience: "Tous les collaborateurs concernés par la réglementation",
            objectives: &["Appliquer la règle dans les cas courants", "Savoir où trouver la procédure"],
            tags: &["Conformité", "Microlearning"],
            cycles: &["Comprendre les écarts constatés", "Produire les capsules", "Déployer et mesurer"],
            tasks: &["Analyser le rapport d'audit avec la conformité", "Écrire les scénarios des capsules", "Valider les contenus avec le juridique", "Mesurer les résultats du quiz"],
            activities: &["Capsules quotidiennes de cinq minutes", "Module de rappel de la règle", "Auto-diagnostic sur son poste", "Forum questions-réponses"],
        },
        en: Texts {
            name: "Compliance refresh",
            description: "A short microlearning campaign to refresh a regulatory obligation, measured by practice.",
            summary: "Microlearning campaign to refresh regulatory habits.",
            need: "An audit shows regulatory good practice fading.",
            audience: "Every employee the regulation applies to",
            objectives: &["Apply the rule in everyday cases", "Know where to find the procedure"],
            tags: &["Compliance", "Microlearning"],
            cycles: &["Understand the gaps found", "Produce the capsules", "Roll out and measure"],
            tasks: &["Review the audit report with compliance", "Write the capsule scenarios", "Have legal approve the content", "Measure the quiz results"],
            activities: &["Daily five-minute capsules", "Refresher module on the rule", "Self-check at one's own desk", "Questions and answers forum"],
        },
    },
    Shape {
        id: 0x0193_0000_0000_7000_8000_0000_0000_0003,
        budget_eur: 60_000,
        length_days: 180,
        cycles: &[(0, 21, Empathize), (21, 14, Define), (35, 28, Prototype), (63, 28, Test), (91, 28, Deploy)],
        tasks: &[(Empathize, 14, 0), (Define, 30, 1), (Prototype, 50, 2), (Test, 80, 3), (Deploy, 100, 4), (Deploy, 115, 4)],
        activities: &[
            (Spoc, Education, SelfPaced, 240, 12_000),
            (Classroom, Education, Live, 180, 6_000),
            (OnTheJob, Experience, SelfPaced, 480, 0),
            (Mentoring, Exposure, Live, 120, 0),
            (SeriousGame, Experience, SelfPaced, 60, 8_000),
        ],
        fr: Texts {
            name: "Programme compétences numériques",
            description: "Un programme de six mois, animé par des formateurs occasionnels issus des métiers, pour ancrer les usages numériques.",
            summary: "Programme de compétences numériques porté par des formateurs occasionnels.",
            need: "Les outils numériques déployés sont peu utilisés sur le terrain.",
            audience: "Équipes terrain et leurs managers",
            objectives: &["Collaborer sur un document partagé", "Animer une réunion à distance", "Protéger ses données"],
            tags: &["Digital", "SPOC", "Formateurs occasionnels"],
            cycles: &["Observer les usages", "Prioriser les compétences", "Construire le SPOC", "Piloter sur deux sites", "Transmettre aux formateurs occasionnels"],
            tasks: &["Observer deux équipes terrain", "Atelier de priorisation avec la DSI", "Tourner les vidéos du SPOC", "Lancer le pilote sur deux sites", "Former les formateurs occasionnels", "Remettre le dossier de transmission"],
            activities: &["SPOC « Travailler en numérique »", "Atelier présentiel animé par un expert métier", "Défis numériques sur son poste", "Parrainage par un ambassadeur", "Serious game cybersécurité"],
        },
        en: Texts {
            name: "Digital skills program",
            description: "A six-month program, led by occasional trainers from the business, to make digital habits stick.",
            summary: "Digital skills program led by occasional trainers.",
            need: "The digital tools rolled out are little used in the field.",
            audience: "Field teams and their managers",
            objectives: &["Collaborate on a shared document", "Run a remote meeting", "Protect one's data"],
            tags: &["Digital", "SPOC", "Occasional trainers"],
            cycles: &["Observe current practice", "Prioritise the skills", "Build the SPOC", "Pilot on two sites", "Hand over to occasional trainers"],
            tasks: &["Observe two field teams", "Prioritisation workshop with IT", "Shoot the SPOC videos", "Launch the pilot on two sites", "Train the occasional trainers", "Deliver the hand-off package"],
            activities: &["SPOC “Working digitally”", "Classroom workshop led by a business expert", "Digital challenges at one's own desk", "Sponsorship by an ambassador", "Cybersecurity serious game"],
        },
    },
];

/// The built-in templates in one language. Their ids are fixed, so a
/// template chosen in French is the same template in English.
pub fn builtin_templates(lang: Lang, now: DateTime<Utc>) -> Vec<Template> {
    SHAPES
        .iter()
        .map(|s| {
            let t = match lang {
                Lang::Fr => &s.fr,
                Lang::En => &s.en,
            };
            let strings = |list: &[&str]| list.iter().map(|x| (*x).to_owned()).collect();
            Template {
                id: TemplateId(Uuid::from_u128(s.id)),
                name: t.name.into(),
                description: t.description.into(),
                builtin: true,
                project: ProjectDraft {
                    title: t.name.into(),
                    summary: t.summary.into(),
                    business_need: t.need.into(),
                    audience: t.audience.into(),
                    objectives: strings(t.objectives),
                    sponsor: None,
                    start_date: None,
                    end_date: None,
                    budget: Budget {
                        currency: Currency::eur(),
                        planned_cents: Some(s.budget_eur * 100),
                        actual_cents: None,
                    },
                    health: Health::OnTrack,
                    tags: strings(t.tags),
                },
                length_days: Some(s.length_days),
                plan: default_plan(),
                cycles: s
                    .cycles
                    .iter()
                    .zip(t.cycles)
                    .map(|(&(offset_days, length_days, phase), goal)| CycleSeed {
                        goal: (*goal).into(),
                        offset_days,
                        length_days,
                        phase_focus: Some(phase),
                    })
                    .collect(),
                tasks: s
                    .tasks
                    .iter()
                    .zip(t.tasks)
                    .map(|(&(phase, due, cycle), title)| TaskSeed {
                        title: (*title).into(),
                        owner: None,
                        phase: Some(phase),
                        due_offset_days: Some(due),
                        cycle: Some(cycle),
                    })
                    .collect(),
                activities: s
                    .activities
                    .iter()
                    .zip(t.activities)
                    .map(|(&(modality, bucket, delivery, minutes, cost), title)| ActivityDraft {
                        title: (*title).into(),
                        modality,
                        bucket,
                        delivery,
                        duration_minutes: minutes,
                        cost_cents: (cost > 0).then_some(cost * 100),
                    })
                    .collect(),
                created_at: now,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mix::totals;
    use chrono::NaiveDate;

    #[test]
    fn every_builtin_template_makes_a_valid_project_in_both_languages() {
        let start = NaiveDate::from_ymd_opt(2027, 1, 4).expect("date");
        for lang in [Lang::Fr, Lang::En] {
            let templates = builtin_templates(lang, Utc::now());
            assert_eq!(templates.len(), 3);
            for t in templates {
                let shape = SHAPES.iter().find(|s| Uuid::from_u128(s.id) == t.id.0).expect("shape");
                assert_eq!(t.cycles.len(), shape.cycles.len(), "{}: one text per cycle", t.name);
                assert_eq!(t.tasks.len(), shape.tasks.len(), "{}: one text per task", t.name);
                assert_eq!(
                    t.activities.len(),
                    shape.activities.len(),
                    "{}: one text per activity",
                    t.name
                );
                let bundle = t.instantiate(&t.name, start, Utc::now()).expect("valid bundle");
                assert!(bundle.tasks.iter().all(|task| task.fields.cycle.is_some()));
                assert!(
                    totals(&bundle.activities).warnings.is_empty(),
                    "{}: a balanced mix",
                    t.name
                );
            }
        }
    }
}
