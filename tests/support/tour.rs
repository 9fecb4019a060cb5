//! The tour of every main screen, in one language, that `make screenshots`
//! takes pictures of and the layout guard (`e2e_layout`) checks: at each
//! stop the screen is laid out at every size of [`SIZES`] and checked, and,
//! when the tour takes pictures, saved as PNG.

use std::path::PathBuf;
use std::sync::Mutex;

use super::layout::{dismiss_toasts, located, SIZES};
use super::mix::add_activity;
use super::vendors::{compare_first_two, engage, judge, open_vendor};
use super::App;

/// One tour: its language, whether it saves pictures, and the layout
/// problems seen so far.
pub struct Tour {
    pub lang: &'static str,
    pictures: bool,
    problems: Mutex<Vec<String>>,
}

impl Tour {
    /// A tour that only checks the layout.
    pub fn guard(lang: &'static str) -> Tour {
        Tour {
            lang,
            pictures: false,
            problems: Mutex::new(Vec::new()),
        }
    }

    /// A tour that also saves a PNG of every stop: at 1280×800 in both
    /// languages, and at 1024×768 in French too (`fr-1024-…`).
    pub fn pictures(lang: &'static str) -> Tour {
        Tour {
            pictures: true,
            ..Tour::guard(lang)
        }
    }

    /// Every layout problem seen, each with its language, size and screen.
    pub fn problems(&self) -> Vec<String> {
        self.problems.lock().expect("not poisoned").clone()
    }

    /// Stops at a screen, without the confirmation toasts.
    pub async fn stop(&self, app: &App, name: &str) {
        dismiss_toasts(app).await;
        self.stop_with_toasts(app, name).await;
    }

    /// Stops at a screen as it is, toasts included: checks it at every
    /// size (ending at the largest, where the tour goes on) and saves its
    /// pictures.
    pub async fn stop_with_toasts(&self, app: &App, name: &str) {
        for size in SIZES {
            app.resize_viewport(size.0, size.1).await;
            let found = located(app.layout_problems().await, self.lang, size, name);
            self.problems.lock().expect("not poisoned").extend(found);
            if self.pictures && (size.0 >= 1280 || self.lang == "fr") {
                app.screenshot(shot_path(self.lang, size, name)).await;
            }
        }
    }
}

/// `target/screenshots/{lang}-{name}.png` at 1280 px wide,
/// `{lang}-1024-{name}.png` at 1024.
fn shot_path(lang: &str, (width, _): (u32, u32), name: &str) -> PathBuf {
    let file = if width >= 1280 {
        format!("{lang}-{name}.png")
    } else {
        format!("{lang}-{width}-{name}.png")
    };
    super::target_dir().join("screenshots").join(file)
}

/// Texts typed into the screens, in the screenshot's language.
fn words(lang: &str, i: usize) -> &'static str {
    const FR: [&str; 6] = [
        "Écouter les apprenants",
        "Prototyper le quiz mobile",
        "Analyser les retours du pilote",
        "Mettre à jour le module RGPD",
        "Briefer les managers relais",
        "Préparer le bilan sponsor",
    ];
    const EN: [&str; 6] = [
        "Listen to learners",
        "Prototype the mobile quiz",
        "Analyse pilot feedback",
        "Update the GDPR module",
        "Brief relay managers",
        "Prepare the sponsor review",
    ];
    if lang == "fr" {
        FR[i]
    } else {
        EN[i]
    }
}

/// The design tab of the open project: artefacts in empathize, a
/// gate passed by override, ideas with votes.
async fn design_screens(app: &App, tour: &Tour) {
    let fr = tour.lang == "fr";
    let shot = |name: &'static str| tour.stop(app, name);
    app.click("[data-testid=tab-design]").await;
    let add = |kind: &'static str, fields: Vec<(&'static str, &'static str)>| async move {
        app.select("[data-testid=new-artefact-kind]", kind).await;
        app.click("[data-testid=add-artefact]").await;
        for (field, value) in fields {
            app.fill(&format!("[data-testid=artefact-{field}]"), value).await;
        }
        app.click("[data-testid=save-artefact]").await;
        app.wait_gone("[data-testid=artefact-form]").await;
    };
    add(
        "persona",
        vec![
            ("name", if fr { "Sophie, 34 ans" } else { "Sophie, 34" }),
            (
                "role",
                if fr {
                    "Manager de proximité, agence de Lyon"
                } else {
                    "First-line manager, Lyon branch"
                },
            ),
            (
                "quote",
                if fr {
                    "Je n'ai personne à qui demander"
                } else {
                    "I have nobody to ask"
                },
            ),
            (
                "goals",
                if fr {
                    "Réussir ses premiers entretiens annuels"
                } else {
                    "Get her first annual reviews right"
                },
            ),
            (
                "frustrations",
                if fr {
                    "Formations trop longues, loin du terrain"
                } else {
                    "Courses too long, far from the job"
                },
            ),
        ],
    )
    .await;
    add(
        "empathy_map",
        vec![
            ("subject", "Sophie"),
            (
                "says",
                if fr {
                    "« Je n'ai pas le temps de me former »"
                } else {
                    "“I have no time to train”"
                },
            ),
            (
                "thinks",
                if fr {
                    "Peur de mal faire devant son équipe"
                } else {
                    "Afraid of getting it wrong in front of her team"
                },
            ),
            (
                "does",
                if fr {
                    "Reporte les entretiens difficiles"
                } else {
                    "Puts off difficult conversations"
                },
            ),
            (
                "feels",
                if fr {
                    "Isolée, sous pression"
                } else {
                    "Isolated, under pressure"
                },
            ),
        ],
    )
    .await;
    shot("16-design-empathize").await;
    app.click("[data-testid=advance-phase]").await;
    app.fill(
        "[data-testid=override-reason]",
        if fr {
            "Entretiens menés lors du pilote précédent"
        } else {
            "Interviews done in the previous pilot"
        },
    )
    .await;
    shot("17-design-gate-override").await;
    app.click("[data-testid=override-confirm]").await;
    app.wait_for("[data-testid=phase-define][aria-current=step]").await;
    app.click("[data-testid=advance-phase]").await;
    app.fill(
        "[data-testid=override-reason]",
        if fr {
            "Cadrage fait en atelier avec le sponsor"
        } else {
            "Framing done in a workshop with the sponsor"
        },
    )
    .await;
    app.click("[data-testid=override-confirm]").await;
    app.wait_for("[data-testid=phase-ideate][aria-current=step]").await;
    for title in if fr {
        [
            "Mentorat entre pairs",
            "Quiz mobile hebdomadaire",
            "Serious game de l'entretien",
        ]
    } else {
        [
            "Peer mentoring",
            "Weekly mobile quiz",
            "Review conversation serious game",
        ]
    } {
        add("idea", vec![("title", title)]).await;
    }
    for (voter, picks) in [("Claire", [1, 1, 3]), ("Karim", [1, 2, 3])] {
        app.fill("[data-testid=voter]", voter).await;
        for i in picks {
            app.click(&format!(
                "[data-testid=artefact][data-kind=idea]:nth-child({i}) [data-testid=vote]"
            ))
            .await;
        }
    }
    app.wait_text("[data-testid=dots-left]", "0").await;
    shot("18-design-ideas-votes").await;

    app.click("[data-testid=tab-mix]").await;
    let activities: [(&str, &str, &str, &str, &str, &str); 5] = if fr {
        [
            (
                "Module e-learning RGPD",
                "elearning",
                "education",
                "self_paced",
                "45",
                "1 500",
            ),
            (
                "Classe virtuelle de lancement",
                "virtual_class",
                "education",
                "live",
                "90",
                "2 400",
            ),
            (
                "Quiz mobile hebdomadaire",
                "microlearning",
                "education",
                "self_paced",
                "40",
                "800",
            ),
            (
                "Échange de pratiques entre managers",
                "social_learning",
                "exposure",
                "live",
                "60",
                "",
            ),
            (
                "Audit de son propre service",
                "on_the_job",
                "experience",
                "self_paced",
                "180",
                "",
            ),
        ]
    } else {
        [
            (
                "GDPR e-learning module",
                "elearning",
                "education",
                "self_paced",
                "45",
                "1,500",
            ),
            (
                "Launch virtual class",
                "virtual_class",
                "education",
                "live",
                "90",
                "2,400",
            ),
            (
                "Weekly mobile quiz",
                "microlearning",
                "education",
                "self_paced",
                "40",
                "800",
            ),
            (
                "Managers' practice exchange",
                "social_learning",
                "exposure",
                "live",
                "60",
                "",
            ),
            (
                "Audit of one's own department",
                "on_the_job",
                "experience",
                "self_paced",
                "180",
                "",
            ),
        ]
    };
    for (i, activity) in activities.into_iter().enumerate() {
        add_activity(app, activity).await;
        app.wait_until_count("[data-testid=activity]", i + 1).await;
    }
    shot("19-modality-mix").await;
    app.click("[data-testid=tab-overview]").await;
}

/// The vendor watch with three providers, a journal and a stage change.
async fn vendor_screens(app: &App, tour: &Tour) {
    let fr = tour.lang == "fr";
    let shot = |name: &'static str| tour.stop(app, name);
    let vendors: [(&str, &str, &[&str], &str); 3] = [
        ("Immersia", "startup", &["ar_vr", "serious_game"], "Lyon"),
        (
            "Académie Plus",
            "established",
            &["mooc", "spoc", "virtual_class"],
            "Paris",
        ),
        ("Ludik Factory", "startup", &["serious_game", "microlearning"], "Nantes"),
    ];
    for (i, (name, vendor_type, modalities, city)) in vendors.into_iter().enumerate() {
        app.click("[data-testid=add-vendor]").await;
        app.fill("[data-testid=vendor-name]", name).await;
        app.select("[data-testid=vendor-type]", vendor_type).await;
        app.fill("[data-testid=vendor-country]", &format!("France ({city})"))
            .await;
        for m in modalities {
            app.click(&format!("[data-testid=vendor-modality-{m}]")).await;
        }
        app.click("[data-testid=save-vendor]").await;
        app.wait_text("[data-testid=vendor-title]", name).await;
        app.click("[data-testid=add-vendor-person]").await;
        app.fill("[data-testid=person-name-input]", "Léa Martin").await;
        app.fill(
            "[data-testid=person-job-title]",
            if fr { "Directrice commerciale" } else { "Sales director" },
        )
        .await;
        // One Léa per vendor, each with her own address.
        app.fill("[data-testid=person-email-input]", &format!("lea.{i}@exemple.fr"))
            .await;
        app.click("[data-testid=save-person]").await;
        app.wait_text("[data-testid=person-page]", name).await;
        app.click("[data-testid=nav-vendors]").await;
        app.click(&format!("[data-testid=vendor-row] button.link[title=\"{name}\"]"))
            .await;
        app.wait_text("[data-testid=vendor-title]", name).await;
        if name == "Ludik Factory" {
            break;
        }
        app.click("[data-testid=add-journal-entry]").await;
        app.select("[data-testid=entry-kind]", "demo").await;
        app.fill(
            "[data-testid=entry-title]",
            if fr {
                "Démo au salon Learning Technologies"
            } else {
                "Demo at the Learning Technologies show"
            },
        )
        .await;
        app.fill(
            "[data-testid=entry-body]",
            if fr { "**Très immersif**, adapté aux gestes de sécurité.\n\n- prix à négocier\n- référence chez un logisticien" } else { "**Very immersive**, fits safety training.\n\n- price to negotiate\n- reference at a logistics firm" },
        )
        .await;
        app.click("[data-testid=save-journal-entry]").await;
        app.select(
            "[data-testid=vendor-stage]",
            if name == "Immersia" { "piloting" } else { "evaluating" },
        )
        .await;
        app.click("[data-testid=change-stage]").await;
        app.wait_until_count("[data-testid=journal-entry]", 2).await;
        let scores: [(&str, &str); 5] = if name == "Immersia" {
            [
                ("pedagogy", "4"),
                ("learner_experience", "5"),
                ("technical_integration", "3"),
                ("price", "2"),
                ("maturity", "2"),
            ]
        } else {
            [
                ("pedagogy", "3"),
                ("learner_experience", "3"),
                ("technical_integration", "5"),
                ("price", "4"),
                ("maturity", "5"),
            ]
        };
        for (criterion, score) in scores {
            app.select(&format!("[data-testid=score-{criterion}]"), score).await;
        }
        app.click("[data-testid=save-scores]").await;
        app.wait_text("[data-testid=scorecard-total]", "/ 5").await;
        if name == "Immersia" {
            app.execute("document.querySelector('[data-testid=vendor-page]').scrollTo(0, 0)")
                .await;
            shot("23-vendor-page").await;
        }
        app.click("[data-testid=nav-vendors]").await;
    }
    app.click("[data-testid=nav-vendors]").await;
    app.wait_until_count("[data-testid=vendor-row]", 4).await;
    app.click("[data-testid=vendors-view-board]").await;
    app.wait_until_count("[data-testid=vendor-card]", 4).await;
    shot("22-vendors-board").await;
    app.click("[data-testid=vendors-view-list]").await;

    // Buzz or trend: three judgements, two themes, the radar.
    for (name, hype, pilots, references, adoption) in [
        ("Immersia", "peak", "1", "0", "early"),
        ("Académie Plus", "plateau", "3", "4", "mainstream"),
        ("Ludik Factory", "trough", "0", "1", "none"),
    ] {
        open_vendor(app, name).await;
        judge(app, hype, pilots, references, adoption).await;
        app.wait_for("[data-testid=assessment-verdict]").await;
    }
    app.click("[data-testid=nav-vendors]").await;
    app.fill("[data-testid=vendor-search]", "").await;
    app.wait_until_count("[data-testid=vendor-row]", 4).await;
    app.wait_until_count("[data-testid=vendor-verdict] [data-testid=assessment-verdict]", 3)
        .await;
    shot("21-vendors-list").await;
    compare_first_two(app).await;
    app.wait_until_count("[data-testid=compare-assessment] [data-testid=assessment-verdict]", 2)
        .await;
    shot("24-vendors-compare").await;
    app.click("[data-testid=nav-vendors]").await;
    app.click("[data-testid=open-radar]").await;
    app.wait_until_count("[data-testid=radar-point]", 3).await;
    for (name, family, hype, pilots, adoption) in [
        (
            if fr {
                "Tuteurs IA génératifs"
            } else {
                "Generative AI tutors"
            },
            "online",
            "peak",
            "1",
            "early",
        ),
        (
            if fr { "Mentorat inversé" } else { "Reverse mentoring" },
            "social",
            "slope",
            "2",
            "growing",
        ),
    ] {
        app.click("[data-testid=add-theme]").await;
        app.fill("[data-testid=theme-name]", name).await;
        app.select("[data-testid=theme-family]", family).await;
        app.select("[data-testid=theme-hype]", hype).await;
        app.fill("[data-testid=theme-pilots]", pilots).await;
        app.select("[data-testid=theme-adoption]", adoption).await;
        app.click("[data-testid=save-theme]").await;
        app.wait_text("[data-testid=radar-themes]", name).await;
    }
    app.wait_until_count("[data-testid=radar-point]", 5).await;
    app.execute("document.querySelector('[data-testid=radar-page]').scrollTo(0, 0)")
        .await;
    shot("25-vendor-radar").await;

    // Two vendors engaged on one project, seen from the project and the vendor.
    app.click("[data-testid=nav-projects]").await;
    app.click("[data-testid=project-card] button.title").await;
    app.click("[data-testid=tab-vendors]").await;
    engage(
        app,
        "Immersia",
        if fr {
            "Module VR sur les gestes de sécurité"
        } else {
            "VR module on safety procedures"
        },
        "24 000",
        "signed",
    )
    .await;
    app.wait_until_count("[data-testid=engagement]", 1).await;
    engage(
        app,
        "Académie Plus",
        if fr {
            "Hébergement et animation du SPOC"
        } else {
            "SPOC hosting and facilitation"
        },
        "19 500",
        "draft",
    )
    .await;
    // 24 000 and 19 500 on a plan of 40 000: the form asks first.
    app.wait_for("[data-testid=caution-over_committed]").await;
    shot("30-caution-over-budget").await;
    app.click("[data-testid=caution-confirm]").await;
    app.wait_until_count("[data-testid=engagement]", 2).await;
    shot("26-project-vendors").await;
    // The overview sets the contracts against the plan.
    app.click("[data-testid=tab-overview]").await;
    app.wait_text("[data-testid=project-budget]", "43").await;
    app.execute("document.querySelector('[data-testid=project-budget]').scrollIntoView({ block: 'center' })")
        .await;
    shot("31-project-budget").await;
    app.click("[data-testid=tab-vendors]").await;
    app.wait_until_count("[data-testid=engagement]", 2).await;
    app.click("[data-testid=engagement-vendor-name]").await;
    app.wait_for("[data-testid=vendor-engagements] [data-testid=engagement]")
        .await;
    shot("27-vendor-judgement-engagements").await;

    // A registry file with a typo in a type is refused with its line.
    app.click("[data-testid=nav-vendors]").await;
    app.click("[data-testid=export-vendors]").await;
    app.wait_text("[data-testid=toast]:last-child", ".csv").await;
    std::fs::write(
        app.files_dir().join("import.csv"),
        "name;type;stage\r\nClasse Nomade;startup;spotted\r\nDigiForm;startupp;contacted\r\n",
    )
    .expect("writes the import");
    app.click("[data-testid=import-vendors]").await;
    app.wait_for("[data-testid=import-error]").await;
    shot("28-vendors-import-refused").await;

    // An export that cannot be written (a folder stands where the file goes).
    app.click("[data-testid=import-error] button").await;
    let export_name = app
        .files_dir()
        .read_dir()
        .expect("the files folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "csv") && !p.ends_with("import.csv"))
        .expect("the export written above");
    std::fs::remove_file(&export_name).expect("removes the export");
    std::fs::create_dir(&export_name).expect("a folder in the way");
    app.execute("document.querySelectorAll('[data-testid=toast] button:last-child').forEach(b => b.click())")
        .await;
    app.wait_gone("[data-testid=toast]").await;
    app.click("[data-testid=export-vendors]").await;
    app.wait_text("[data-testid=toast]", ".csv").await;
    // Seen with its toast, which a stop would otherwise dismiss.
    tour.stop_with_toasts(app, "29-export-failed").await;
}

/// Visits every main screen, in the tour's language, stopping at each.
/// The directory: a form refused for its e-mail, a person's page, and the
/// list, with long French names and departments.
async fn people_screens(app: &App, tour: &Tour) {
    let shot = |name: &'static str| tour.stop(app, name);
    let people: [(&str, &str, &str, &[&str], &str); 3] = [
        (
            "Marie-Amélie de La Rochefoucauld-Montbazon",
            "Responsable de la sécurité des systèmes d'information",
            "Direction des systèmes d'information",
            &["it", "legal"],
            "marie-amelie.delarochefoucauld-montbazon@groupe-exemple.fr",
        ),
        (
            "Claire Martin",
            "DRH adjointe",
            "Ressources humaines",
            &["sponsor", "hr"],
            "claire.martin@groupe-exemple.fr",
        ),
        (
            "Karim Benali",
            "Chef d'atelier",
            "Production Lyon",
            &["manager", "occasional_trainer"],
            "",
        ),
    ];
    for (i, (name, job, department, kinds, email)) in people.into_iter().enumerate() {
        app.click("[data-testid=add-person]").await;
        app.fill("[data-testid=person-name-input]", name).await;
        app.fill("[data-testid=person-job-title]", job).await;
        app.select("[data-testid=person-where]", "department").await;
        app.fill("[data-testid=person-department]", department).await;
        for k in kinds {
            app.click(&format!("[data-testid=person-kind-{k}]")).await;
        }
        if i == 0 {
            app.fill("[data-testid=person-email-input]", "marie-amelie@").await;
            app.click("[data-testid=save-person]").await;
            app.wait_for("[data-testid=person-error-email]").await;
            shot("34-person-form-errors").await;
        }
        app.fill("[data-testid=person-email-input]", email).await;
        app.fill(
            "[data-testid=person-notes]",
            "Valide les accès **SSO** ; à prévenir deux semaines avant chaque pilote.",
        )
        .await;
        app.click("[data-testid=save-person]").await;
        app.wait_text("[data-testid=person-name]", name).await;
        if i == 0 {
            shot("35-person-page").await;
        }
        app.click("[data-testid=nav-people]").await;
    }
    app.wait_until_count("[data-testid=person-row]", 10).await;

    // A RACI on the first project: three people, a few letters, one row
    // with two Accountables.
    app.click("[data-testid=nav-projects]").await;
    app.click("[data-testid=project-card][data-status=pilot] button.title")
        .await;
    app.click("[data-testid=tab-coordination]").await;
    for n in 1..=3 {
        let next = app
            .attr("[data-testid=raci-add-person] option:nth-child(2)", "value")
            .await
            .expect("someone to add");
        app.select("[data-testid=raci-add-person]", &next).await;
        app.wait_until_count("[data-testid=raci-grid] th.person", n).await;
    }
    for (cell, letter) in [
        ("0:0", "a"),
        ("0:1", "r"),
        ("0:2", "i"),
        ("1:0", "a"),
        ("1:1", "a"),
        ("2:2", "r"),
    ] {
        app.type_keys(&format!("[data-cell='{cell}']"), letter).await;
        app.wait_for(&format!("[data-cell='{cell}'][data-role]")).await;
    }
    shot("37-raci").await;

    // Its IT checklist: one item set aside, one done by the IT lead, one
    // overdue, and one open with its error.
    app.click("[data-testid=coordination-it]").await;
    app.wait_until_count("[data-testid=it-item]", 12).await;
    let yesterday = (chrono::Local::now().date_naive() - chrono::Duration::days(1))
        .format("%Y-%m-%d")
        .to_string();
    for (item, status, due) in [(1, "done", ""), (2, "in_progress", yesterday.as_str()), (6, "done", "")] {
        app.click(&format!("[data-it-item='{item}'] [data-testid=it-edit]"))
            .await;
        app.select("[data-testid=it-status]", status).await;
        app.fill("[data-testid=it-due]", due).await;
        if item == 1 {
            app.fill("[data-testid=it-owner]", "Marie-Amélie de La Rochefoucauld-Montbazon")
                .await;
            app.fill(
                "[data-testid=it-evidence]",
                "Ticket **LMS-204** — espace ouvert le 12/11",
            )
            .await;
        }
        app.click("[data-testid=it-save]").await;
        app.wait_for(&format!("[data-it-item='{item}'][data-status={status}]"))
            .await;
    }
    app.click("[data-it-item='3'] [data-testid=it-edit]").await;
    app.select("[data-testid=it-status]", "not_applicable").await;
    app.click("[data-testid=it-save]").await;
    app.wait_for("[data-testid=it-error-reason]").await;
    app.execute("document.querySelector('[data-testid=it-form]')?.scrollIntoView({ block: 'center' })")
        .await;
    shot("39-it-item-form").await;
    app.fill(
        "[data-testid=it-reason]",
        "Formation ouverte sans compte : accès par lien",
    )
    .await;
    app.click("[data-testid=it-save]").await;
    app.wait_for("[data-it-item='3'][data-status=not_applicable]").await;
    app.execute("document.querySelector('[role=tablist]')?.scrollIntoView()")
        .await;
    shot("38-it-checklist").await;

    // Its campaign: a manager kit, the launch and a poster that clashes
    // with it, on the calendar beside the cycles.
    app.click("[data-testid=coordination-campaign]").await;
    let messages: [(&str, &str, &str, &str, i64); 3] = [
        (
            "Kit managers : présenter le parcours à vos équipes",
            "Managers de proximité",
            "manager_briefing",
            "teaser",
            2,
        ),
        (
            "C'est parti : la remise à niveau RGPD",
            "Tous les collaborateurs",
            "email",
            "launch",
            9,
        ),
        (
            "Affiche salle de pause",
            "tous les collaborateurs",
            "poster",
            "reminder",
            9,
        ),
    ];
    for (subject, audience, channel, purpose, days) in messages {
        app.click("[data-testid=add-message]").await;
        app.fill("[data-testid=message-subject]", subject).await;
        app.fill("[data-testid=message-audience]", audience).await;
        app.select("[data-testid=message-channel]", channel).await;
        app.select("[data-testid=message-purpose]", purpose).await;
        let day = (chrono::Local::now().date_naive() + chrono::Duration::days(days))
            .format("%Y-%m-%d")
            .to_string();
        app.fill("[data-testid=message-planned]", &day).await;
        if channel == "manager_briefing" {
            app.fill("[data-testid=message-sender]", "Claire Martin").await;
            app.fill(
                "[data-testid=message-key]",
                "Trois minutes en réunion d'équipe : **pourquoi**, **quand**, **comment s'inscrire**.",
            )
            .await;
        }
        app.click("[data-testid=save-message]").await;
        app.wait_gone("[data-testid=message-form]").await;
    }
    app.wait_for("[data-testid=campaign-warning][data-kind=same_audience_same_day]")
        .await;
    app.execute("document.querySelector('[role=tablist]')?.scrollIntoView()")
        .await;
    shot("40-campaign").await;

    // The overview now says how ready IT is and what goes out next.
    app.click("[data-testid=tab-overview]").await;
    app.wait_until_count("[data-testid=next-message]", 3).await;
    app.execute("document.querySelector('[data-testid=project-it]')?.scrollIntoView({ block: 'center' })")
        .await;
    shot("42-project-coordinated").await;

    // Its evaluation: indicators on two levels, a benefit and a cost, the ROI.
    // Its trainers: three of the directory, one certified, sessions planned.
    app.click("[data-testid=tab-handoff]").await;
    app.click("[data-testid=handoff-roster]").await;
    for n in 1..=3 {
        let next = app
            .attr("[data-testid=roster-add] option:nth-child(2)", "value")
            .await
            .expect("someone to add");
        app.select("[data-testid=roster-add]", &next).await;
        app.wait_until_count("[data-testid=trainer-row]", n).await;
    }
    let day = |n: i64| {
        (chrono::Local::now().date_naive() + chrono::Duration::days(n))
            .format("%Y-%m-%d")
            .to_string()
    };
    app.click("[data-testid=trainer-row]:first-child [data-testid=trainer-edit]")
        .await;
    for (step, days) in [
        ("invited", -40),
        ("trained", -30),
        ("observed", -20),
        ("certified", -10),
    ] {
        app.fill(&format!("[data-testid=trainer-{step}]"), &day(days)).await;
    }
    app.fill("[data-testid=trainer-topics]", "RGPD, cybersécurité").await;
    app.fill("[data-testid=trainer-languages]", "FR, EN").await;
    app.click("[data-testid=trainer-save]").await;
    app.wait_gone("[data-testid=trainer-form]").await;
    for (days, who) in [(7, 2), (14, 2), (21, 2), (28, 3)] {
        app.click("[data-testid=add-session]").await;
        app.fill("[data-testid=session-date]", &day(days)).await;
        app.fill("[data-testid=session-place]", "Lyon, salle Rhône").await;
        app.fill("[data-testid=session-participants]", "12").await;
        let value = app
            .attr(
                &format!("[data-testid=session-trainer] option:nth-child({who})"),
                "value",
            )
            .await
            .expect("a trainer");
        app.select("[data-testid=session-trainer]", &value).await;
        app.click("[data-testid=session-save]").await;
        app.wait_gone("[data-testid=session-form]").await;
    }
    app.wait_for("[data-testid=roster-warning]").await;
    app.execute("document.querySelector('[role=tablist]')?.scrollIntoView()")
        .await;
    shot("45-roster").await;

    app.click("[data-testid=handoff-evaluation]").await;
    for (level, name, unit, target, result) in [
        ("reaction", "Satisfaction à chaud", "/5", "4", "4,3"),
        ("learning", "Score au quiz final", "%", "80", "68"),
    ] {
        app.click(&format!("[data-testid=add-indicator-{level}]")).await;
        app.fill("[data-testid=indicator-name]", name).await;
        app.fill("[data-testid=indicator-unit]", unit).await;
        app.fill("[data-testid=indicator-target]", target).await;
        app.fill("[data-testid=indicator-result]", result).await;
        app.click("[data-testid=save-line]").await;
        app.wait_gone("[data-testid=indicator-form]").await;
    }
    app.click("[data-testid=add-benefit]").await;
    app.fill("[data-testid=benefit-label]", "Amendes CNIL évitées").await;
    app.fill("[data-testid=benefit-amount]", "60000").await;
    app.fill("[data-testid=benefit-isolation]", "40").await;
    app.fill("[data-testid=benefit-confidence]", "75").await;
    app.click("[data-testid=save-line]").await;
    app.wait_gone("[data-testid=benefit-form]").await;
    app.click("[data-testid=add-cost]").await;
    app.fill("[data-testid=cost-label]", "Conception interne").await;
    app.fill("[data-testid=cost-amount]", "9000").await;
    app.click("[data-testid=save-line]").await;
    app.wait_gone("[data-testid=cost-form]").await;
    app.execute("document.querySelector('[role=tablist]')?.scrollIntoView()")
        .await;
    shot("43-evaluation").await;
    app.execute("document.querySelector('[data-testid=roi]')?.scrollIntoView()")
        .await;
    shot("44-roi").await;

    // Its hand-off package, then the gate on "handed off".
    app.click("[data-testid=handoff-package]").await;
    app.click("[data-testid=edit-package]").await;
    app.fill("[data-testid=pkg-owner]", "Karim Benali").await;
    app.fill("[data-testid=pkg-team]", "Production Lyon").await;
    app.fill(
        "[data-testid=pkg-runbook]",
        "1. Ouvrir la session **10 minutes** avant\n2. Lancer le quiz d'entrée",
    )
    .await;
    app.fill("[data-testid=pkg-who]", "Formateurs occasionnels certifiés")
        .await;
    app.fill("[data-testid=pkg-frequency]", "Une session par mois et par site")
        .await;
    app.click("[data-testid=package-save]").await;
    app.wait_gone("[data-testid=package-form]").await;
    app.click("[data-testid=add-asset]").await;
    app.select("[data-testid=asset-kind]", "licence").await;
    app.fill("[data-testid=asset-name]", "Licence plateforme de quiz").await;
    let soon = (chrono::Local::now().date_naive() + chrono::Duration::days(40))
        .format("%Y-%m-%d")
        .to_string();
    app.fill("[data-testid=asset-end]", &soon).await;
    app.fill("[data-testid=asset-cost]", "1800").await;
    app.click("[data-testid=asset-save]").await;
    app.wait_for("[data-testid=licence-ending]").await;
    app.execute("document.querySelector('[role=tablist]')?.scrollIntoView()")
        .await;
    shot("46-handoff-package").await;
    app.click("[data-testid=tab-overview]").await;
    app.click("[data-testid=move-deployment]").await;
    app.click("[data-testid=caution-confirm]").await;
    app.click("[data-testid=move-handed_off]").await;
    app.wait_for("[data-testid=handoff-reason]").await;
    shot("47-handoff-gate").await;
    app.click("[data-testid=confirm-cancel]").await;
    app.wait_gone("[data-testid=handoff-gate]").await;
    brief_screens(app, tour).await;
    archive_screen(app, tour).await;
    app.click("[data-testid=nav-people]").await;
    app.wait_for("[data-testid=raci-load-row]").await;
    shot("36-people-list").await;

    // Removing someone named somewhere asks who takes over.
    app.click("[data-testid=raci-load-row]:first-child button.link").await;
    app.wait_for("[data-testid=person-raci]").await;
    app.click("[data-testid=delete-person]").await;
    app.wait_for("[data-testid=replace-by]").await;
    shot("41-person-replace").await;
    app.click("[data-testid=confirm-cancel]").await;
    app.wait_gone("[data-testid=replace-dialog]").await;
}

/// The brief of the open project: its export dialog, then the PDF itself,
/// its first pages rendered to PNG beside the screens so that a person can
/// look at them.
async fn brief_screens(app: &App, tour: &Tour) {
    app.click("[data-testid=export-brief]").await;
    app.wait_for("[data-testid=brief-preview] h2").await;
    tour.stop(app, "48-brief-dialog").await;
    app.click("[data-testid=brief-format-pdf]").await;
    app.click("[data-testid=brief-export]").await;
    app.wait_gone("[data-testid=brief-dialog]").await;
    if !tour.pictures {
        return;
    }
    let pdf = std::fs::read_dir(app.files_dir())
        .expect("files folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "pdf"))
        .expect("the brief was saved");
    let prefix = super::target_dir()
        .join("screenshots")
        .join(format!("{}-brief-page", tour.lang));
    let status = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "80", "-f", "1", "-l", "3"])
        .arg(&pdf)
        .arg(&prefix)
        .status()
        .expect("pdftoppm runs");
    assert!(status.success(), "pdftoppm rendered the brief");
    std::fs::remove_file(pdf).expect("clears the files folder");
}

/// The open project's archive, then its import previewed in the same
/// portfolio: the project recognised (replace it, or a new copy), its
/// vendors and people matched with the DLM's own. Cancelled.
async fn archive_screen(app: &App, tour: &Tour) {
    app.click("[data-testid=project-more]").await;
    app.click("[data-testid=export-archive]").await;
    let files = app.files_dir();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    let saved = loop {
        let found = std::fs::read_dir(&files)
            .expect("files folder")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "atelier"));
        if let Some(path) = found {
            break path;
        }
        assert!(std::time::Instant::now() < deadline, "the archive was saved");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    let import = files.join("import.atelier");
    std::fs::rename(saved, &import).expect("offers it for import");
    app.click("[data-testid=nav-projects]").await;
    app.click("[data-testid=import-archive]").await;
    app.wait_for("[data-testid=archive-existing]").await;
    tour.stop(app, "49-archive-import").await;
    app.click("[data-testid=archive-cancel]").await;
    app.wait_gone("[data-testid=archive-preview]").await;
    std::fs::remove_file(import).expect("clears the files folder");
}

pub async fn visit(tour: &Tour) {
    let lang = tour.lang;
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::launch_with_lang(data.path(), lang).await;
    let shot = |name: &'static str| tour.stop(&app, name);

    app.click("[data-testid=nav-settings]").await;
    app.click(&format!("[data-testid=language-{lang}]")).await;
    app.wait_for(&format!("html[lang={lang}]")).await;
    shot("08-settings").await;

    app.click("[data-testid=nav-projects]").await;
    app.wait_for("[data-testid=welcome]").await;
    shot("01-welcome").await;

    app.click("[data-testid=welcome-new]").await;
    app.fill("[data-testid=field-title]", " ").await;
    app.fill("[data-testid=field-start_date]", "2026-06-10").await;
    app.fill("[data-testid=field-end_date]", "2026-06-01").await;
    app.fill("[data-testid=field-budget_planned]", "-500").await;
    app.click("[data-testid=save-project]").await;
    app.wait_for("[data-testid=error-title]").await;
    app.execute("document.querySelector('[data-testid=project-form]').scrollTo(0, 0)")
        .await;
    shot("05-form-errors").await;

    // The vendor watch before the samples bring their vendor.
    app.click("[data-testid=nav-vendors]").await;
    app.wait_for("[data-testid=vendors-empty]").await;
    shot("09-vendors-empty").await;

    app.click("[data-testid=nav-projects]").await;
    app.click("[data-testid=load-samples]").await;
    app.wait_until_count("[data-testid=project-card]", 6).await;
    shot("02-portfolio-cards").await;

    app.click("[data-testid=view-list]").await;
    app.wait_until_count("[data-testid=project-row]", 6).await;
    app.click("[data-testid=sort-by-title]").await;
    shot("03-portfolio-list").await;

    app.click("[data-testid=filter-status-design]").await;
    app.click("[data-testid=filter-status-pilot]").await;
    app.wait_until_count("[data-testid=project-row]", 2).await;
    shot("04-portfolio-filtered").await;
    app.click("[data-testid=clear-filters]").await;
    app.wait_until_count("[data-testid=project-row]", 6).await;

    // The global search over the samples, and the shortcuts sheet.
    app.click("[data-testid=open-search]").await;
    app.fill("[data-testid=search-input]", "manager").await;
    app.wait_for("[data-testid=search-hit]").await;
    shot("60-search").await;
    app.press_key("[data-testid=search-input]", super::Key::Escape).await;
    app.wait_gone("[data-testid=search-palette]").await;
    app.click("[data-testid=open-shortcuts]").await;
    app.wait_visible("[data-testid=shortcut-sheet]").await;
    shot("61-shortcuts").await;
    app.chord(&[super::Key::Escape.into()]).await;
    app.wait_gone("[data-testid=shortcut-sheet]").await;

    app.click("[data-testid=view-cards]").await;
    app.wait_until_count("[data-testid=project-card]", 6).await;
    app.click("[data-testid=project-card][data-status=pilot] button.title")
        .await;
    app.wait_for("[data-testid=project-title]").await;
    shot("06-project").await;

    design_screens(&app, tour).await;

    let today = chrono::Local::now().date_naive();
    let iso = |days: i64| (today + chrono::Duration::days(days)).format("%Y-%m-%d").to_string();
    app.click("[data-testid=tab-cycles]").await;
    for (goal, start, end) in [(words(lang, 0), -10, 3), (words(lang, 1), 4, 17)] {
        app.click("[data-testid=add-cycle]").await;
        app.fill("[data-testid=cycle-goal]", goal).await;
        app.fill("[data-testid=cycle-start]", &iso(start)).await;
        app.fill("[data-testid=cycle-end]", &iso(end)).await;
        app.click("[data-testid=save-cycle]").await;
        app.wait_gone("[data-testid=cycle-form]").await;
    }
    shot("13-cycles").await;

    app.click("[data-testid=tab-tasks]").await;
    for (i, due) in [(2, -2), (3, 3), (4, 6), (5, 10)] {
        app.click("[data-testid=add-task]").await;
        app.fill("[data-testid=task-title]", words(lang, i)).await;
        app.fill("[data-testid=task-owner]", if i % 2 == 0 { "Claire" } else { "Karim" })
            .await;
        app.fill("[data-testid=task-due]", &iso(due)).await;
        app.click("[data-testid=save-task]").await;
        app.wait_gone("[data-testid=task-form]").await;
    }
    app.press_key(
        "[data-testid=column-todo] li:nth-child(2) [data-task-id]",
        super::Key::Right,
    )
    .await;
    app.wait_until_count("[data-testid=column-doing] [data-task-id]", 1)
        .await;
    app.press_key(
        "[data-testid=column-todo] li:nth-child(2) [data-task-id]",
        super::Key::Right,
    )
    .await;
    app.wait_until_count("[data-testid=column-doing] [data-task-id]", 2)
        .await;
    app.press_key(
        "[data-testid=column-doing] li:nth-child(2) [data-task-id]",
        super::Key::Right,
    )
    .await;
    app.wait_until_count("[data-testid=column-blocked] [data-task-id]", 1)
        .await;
    shot("14-tasks-board").await;
    app.click("[data-testid=tasks-view-list]").await;
    app.wait_until_count("[data-testid=task-row]", 4).await;
    shot("15-tasks-list").await;
    app.click("[data-testid=tab-overview]").await;

    app.click("[data-testid=project-more]").await;

    app.click("[data-testid=trash-project]").await;
    app.wait_for("[data-testid=portfolio-page]").await;
    app.click("[data-testid=nav-trash]").await;
    app.wait_for("[data-testid=trash-item]").await;
    shot("07-trash").await;
    app.click("[data-testid=restore]").await;
    app.wait_for("[data-testid=trash-empty]").await;

    app.click("[data-testid=nav-projects]").await;
    app.click("[data-testid=view-timeline]").await;
    app.wait_until_count("[data-testid=timeline-row]", 6).await;
    shot("20-timeline").await;
    app.click("[data-testid=view-cards]").await;

    // The first sample's vendor is already there.
    app.click("[data-testid=nav-vendors]").await;
    app.wait_until_count("[data-testid=vendor-row]", 1).await;
    vendor_screens(&app, tour).await;
    // The vendors' contacts are already in the directory, beside the
    // first sample's four people.
    app.click("[data-testid=nav-people]").await;
    app.wait_until_count("[data-testid=person-row]", 7).await;
    shot("10-people").await;
    people_screens(&app, tour).await;

    app.click("[data-testid=nav-settings]").await;
    app.wait_for("[data-testid=backup][data-origin=daily]").await;
    shot("32-settings-data").await;
    app.execute("document.querySelector('[data-testid=about-section]').scrollIntoView({ block: 'start' })")
        .await;
    shot("51-settings-about").await;
    app.click("[data-testid=about-more]").await;
    app.wait_for("[data-testid=about-dialog]").await;
    shot("52-about-dialog").await;
    app.click("[data-testid=about-close]").await;
    app.wait_gone("[data-testid=about-dialog]").await;
    app.click("[data-testid=theme-dark]").await;
    app.wait_for("html[data-theme=dark]").await;
    app.click("[data-testid=nav-projects]").await;
    app.wait_until_count("[data-testid=project-card]", 6).await;
    shot("11-portfolio-dark").await;
    app.quit().await;

    // The screen a DLM sees when another Atelier holds the data.
    let holder = super::hold_store(data.path());
    let app = App::launch_with_lang(data.path(), lang).await;
    app.wait_for("[data-testid=storage-error]").await;
    tour.stop(&app, "12-storage-locked").await;
    app.quit().await;
    drop(holder);

    // The screen of a damaged database, which offers its latest backup
    // and what the files still hold, read-only.
    std::fs::remove_file(data.path().join("db").join("conf")).expect("damages");
    let app = App::launch_with_lang(data.path(), lang).await;
    app.wait_for("[data-testid=restore-latest-box]").await;
    tour.stop(&app, "33-storage-damaged").await;
    app.click("[data-testid=open-read-only]").await;
    app.wait_for("[data-testid=data-banner][data-read-only=damaged]").await;
    app.wait_until_count("[data-testid=project-card]", 6).await;
    tour.stop(&app, "50-read-only").await;
    app.quit().await;
}
