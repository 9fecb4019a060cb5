//! Sample projects a DLM can load on first run to see what Atelier does
//! before typing their own. They are marked as samples and removable in one
//! action, and they exist in French and in English.

use chrono::{Days, NaiveDate};

use crate::money::Currency;
use crate::person::PersonRef;
use crate::project::{Budget, Health, ProjectDraft, Status};

use crate::choices::every_variant;

/// Language of the sample texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    Fr,
    En,
}

every_variant!(Lang { Fr, En });

/// One sample: the draft, and the status it is shown in.
pub struct Sample {
    pub draft: ProjectDraft,
    pub status: Status,
}

struct Text {
    title: &'static str,
    summary: &'static str,
    need: &'static str,
    audience: &'static str,
    sponsor: &'static str,
    objectives: &'static [&'static str],
    tags: &'static [&'static str],
}

struct Shape {
    status: Status,
    health: Health,
    /// Start and end, in days from today.
    days: (i64, i64),
    planned_eur: i64,
    actual_eur: Option<i64>,
    fr: Text,
    en: Text,
}

const SHAPES: &[Shape] = &[
    Shape {
        status: Status::Design,
        health: Health::OnTrack,
        days: (-30, 90),
        planned_eur: 48_000,
        actual_eur: Some(12_500),
        fr: Text {
            title: "Parcours d'intégration des nouveaux managers",
            summary: "Un parcours blended de 8 semaines pour les managers nommés dans l'année : classes virtuelles, mentorat et mises en situation.",
            need: "Les nouveaux managers se sentent seuls les premiers mois ; le turnover de leurs équipes est deux fois plus élevé.",
            audience: "Managers de proximité nommés depuis moins d'un an (environ 120 personnes)",
            sponsor: "Directrice des ressources humaines",
            objectives: &["Mener un entretien de feedback", "Conduire une réunion d'équipe efficace", "Savoir à qui demander de l'aide"],
            tags: &["Managers", "Blended", "Onboarding"],
        },
        en: Text {
            title: "New manager onboarding path",
            summary: "An 8-week blended path for managers appointed this year: virtual classes, mentoring and role plays.",
            need: "New managers feel alone in their first months; their teams' turnover is twice the average.",
            audience: "First-line managers appointed less than a year ago (about 120 people)",
            sponsor: "HR Director",
            objectives: &["Hold a feedback conversation", "Run an effective team meeting", "Know whom to ask for help"],
            tags: &["Managers", "Blended", "Onboarding"],
        },
    },
    Shape {
        status: Status::Pilot,
        health: Health::AtRisk,
        days: (-60, 45),
        planned_eur: 25_000,
        actual_eur: Some(21_000),
        fr: Text {
            title: "Remise à niveau RGPD",
            summary: "Microlearning mobile et quiz mensuels pour tenir à jour les réflexes de protection des données.",
            need: "Audit interne : trop de fichiers clients partagés par e-mail.",
            audience: "Tous les collaborateurs en contact avec des données clients",
            sponsor: "Délégué à la protection des données",
            objectives: &["Reconnaître une donnée personnelle", "Choisir le bon canal de partage"],
            tags: &["RGPD", "Conformité", "Microlearning"],
        },
        en: Text {
            title: "GDPR refresher",
            summary: "Mobile microlearning and monthly quizzes to keep data-protection habits fresh.",
            need: "Internal audit: too many customer files shared by e-mail.",
            audience: "Every employee handling customer data",
            sponsor: "Data Protection Officer",
            objectives: &["Recognise personal data", "Pick the right sharing channel"],
            tags: &["GDPR", "Compliance", "Microlearning"],
        },
    },
    Shape {
        status: Status::Idea,
        health: Health::OnTrack,
        days: (30, 210),
        planned_eur: 60_000,
        actual_eur: None,
        fr: Text {
            title: "Serious game sécurité en entrepôt",
            summary: "Un jeu sérieux en réalité virtuelle pour s'entraîner aux gestes de sécurité sans risque.",
            need: "Les accidents de chariot ont augmenté de 15 % sur deux ans.",
            audience: "Préparateurs de commandes et caristes des trois entrepôts",
            sponsor: "Directeur des opérations logistiques",
            objectives: &["Repérer les zones à risque", "Appliquer la procédure de croisement"],
            tags: &["Sécurité", "Serious game", "Réalité virtuelle"],
        },
        en: Text {
            title: "Warehouse safety serious game",
            summary: "A virtual-reality serious game to practise safety moves without risk.",
            need: "Forklift accidents rose by 15% in two years.",
            audience: "Order pickers and forklift drivers in the three warehouses",
            sponsor: "Head of logistics operations",
            objectives: &["Spot the risk zones", "Apply the crossing procedure"],
            tags: &["Safety", "Serious game", "VR"],
        },
    },
    Shape {
        status: Status::Deployment,
        health: Health::OnTrack,
        days: (-150, 20),
        planned_eur: 35_000,
        actual_eur: Some(33_800),
        fr: Text {
            title: "Compétences numériques pour tous",
            summary: "Un programme de SPOC et d'ateliers animés par des formateurs occasionnels issus des métiers.",
            need: "La moitié des équipes terrain n'utilise pas les outils collaboratifs déployés l'an dernier.",
            audience: "Équipes terrain des agences régionales",
            sponsor: "Directeur de la transformation",
            objectives: &["Partager un document en ligne", "Animer une réunion à distance"],
            tags: &["Digital", "SPOC", "Formateurs occasionnels"],
        },
        en: Text {
            title: "Digital skills for everyone",
            summary: "A programme of SPOCs and workshops led by occasional trainers from the business.",
            need: "Half of the field teams do not use the collaboration tools rolled out last year.",
            audience: "Field teams in the regional branches",
            sponsor: "Transformation Director",
            objectives: &["Share a document online", "Run a remote meeting"],
            tags: &["Digital", "SPOC", "Occasional trainers"],
        },
    },
    Shape {
        status: Status::Framing,
        health: Health::OffTrack,
        days: (-10, 120),
        planned_eur: 15_000,
        actual_eur: Some(2_000),
        fr: Text {
            title: "Culture feedback dans les équipes commerciales",
            summary: "Des capsules vidéo et un COOC pour installer le feedback entre pairs.",
            need: "L'enquête d'engagement montre un manque de reconnaissance au quotidien.",
            audience: "Commerciaux et responsables de secteur",
            sponsor: "Directrice commerciale",
            objectives: &["Donner un feedback utile en deux minutes"],
            tags: &["Commercial", "COOC"],
        },
        en: Text {
            title: "Feedback culture in sales teams",
            summary: "Video capsules and a COOC to make peer feedback a habit.",
            need: "The engagement survey shows a lack of day-to-day recognition.",
            audience: "Sales representatives and area managers",
            sponsor: "Sales Director",
            objectives: &["Give useful feedback in two minutes"],
            tags: &["Sales", "COOC"],
        },
    },
    Shape {
        status: Status::HandedOff,
        health: Health::OnTrack,
        days: (-300, -40),
        planned_eur: 40_000,
        actual_eur: Some(41_500),
        fr: Text {
            title: "Accueil des alternants",
            summary: "Kit d'accueil, parcours e-learning et tuteurs formés : le programme est désormais animé par les équipes RH locales.",
            need: "Les alternants arrivaient sans repères et un tiers abandonnait avant la fin du contrat.",
            audience: "Alternants et leurs tuteurs",
            sponsor: "Responsable du développement RH",
            objectives: &["Préparer l'arrivée de l'alternant", "Tenir un point mensuel tuteur-alternant"],
            tags: &["Alternance", "Onboarding", "Tutorat"],
        },
        en: Text {
            title: "Apprentice welcome programme",
            summary: "Welcome kit, e-learning path and trained tutors: the programme is now run by local HR teams.",
            need: "Apprentices arrived without bearings and a third left before the end of their contract.",
            audience: "Apprentices and their tutors",
            sponsor: "Head of HR development",
            objectives: &["Prepare the apprentice's arrival", "Hold a monthly tutor check-in"],
            tags: &["Apprenticeship", "Onboarding", "Tutoring"],
        },
    },
];

/// The sample projects in one language, with dates placed around `today`.
pub fn sample_projects(lang: Lang, today: NaiveDate) -> Vec<Sample> {
    let shift = |days: i64| {
        if days >= 0 {
            today.checked_add_days(Days::new(days.unsigned_abs()))
        } else {
            today.checked_sub_days(Days::new(days.unsigned_abs()))
        }
    };
    SHAPES
        .iter()
        .map(|s| {
            let t = match lang {
                Lang::Fr => &s.fr,
                Lang::En => &s.en,
            };
            let strings = |list: &[&str]| list.iter().map(|x| (*x).to_owned()).collect();
            Sample {
                status: s.status,
                draft: ProjectDraft {
                    title: t.title.into(),
                    summary: t.summary.into(),
                    business_need: t.need.into(),
                    audience: t.audience.into(),
                    objectives: strings(t.objectives),
                    sponsor: Some(PersonRef::Named { name: t.sponsor.into() }),
                    start_date: shift(s.days.0),
                    end_date: shift(s.days.1),
                    budget: Budget {
                        currency: Currency::eur(),
                        planned_cents: Some(s.planned_eur * 100),
                        actual_cents: s.actual_eur.map(|e| e * 100),
                    },
                    health: s.health,
                    tags: strings(t.tags),
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::Draft;

    #[test]
    fn every_sample_is_valid_in_both_languages() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).expect("date");
        for lang in [Lang::Fr, Lang::En] {
            let samples = sample_projects(lang, today);
            assert_eq!(samples.len(), SHAPES.len());
            for s in samples {
                assert!(s.draft.validate().is_empty(), "{}", s.draft.title);
            }
        }
    }

    #[test]
    fn languages_differ() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).expect("date");
        let fr = sample_projects(Lang::Fr, today);
        let en = sample_projects(Lang::En, today);
        assert_ne!(fr[0].draft.title, en[0].draft.title);
    }
}
