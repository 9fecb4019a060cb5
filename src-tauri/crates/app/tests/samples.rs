//! The first sample project holds a DLM's work in every tab: its brief
//! fills every section, in French and in English; what was loaded does not
//! count as the DLM's work, a change does; its sample people and vendor
//! stay while any project names them and leave once it is deleted for good.

use atelier_app::Atelier;
use atelier_core::brief::BriefSection;
use atelier_core::person::PeopleQuery;
use atelier_core::vendor::VendorQuery;
use atelier_core::{Lang, SaveOptions, TaskDraft};

#[test]
fn the_first_sample_fills_a_whole_brief_and_its_people_leave_with_it() {
    for (lang, title) in [
        (Lang::Fr, "Parcours d'intégration des nouveaux managers"),
        (Lang::En, "New manager onboarding path"),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let app = Atelier::open(dir.path()).expect("opens");
        app.load_sample_projects(lang).expect("loads");
        let samples = app.list_sample_projects().expect("lists");
        assert!(samples.iter().all(|s| !s.edited), "{lang:?}: loaded is not worked in");
        let first = samples.iter().find(|s| s.title == title).expect("the first sample").id;

        let brief = app.get_brief(first).expect("reads");
        assert_eq!(
            brief.available,
            BriefSection::ALL,
            "{lang:?}: every section has content"
        );
        let people = app.list_people(&PeopleQuery::default()).expect("lists");
        assert_eq!(people.total, 4, "{lang:?}");
        let vendors = app.list_vendors(&VendorQuery::default()).expect("lists").rows;
        assert!(vendors.iter().all(|v| v.vendor.sample), "{lang:?}");
        assert_eq!(vendors.len(), 1, "{lang:?}");

        app.create_task(
            first,
            TaskDraft {
                title: "Relancer la DSI".into(),
                ..Default::default()
            },
            &SaveOptions::default(),
        )
        .expect("adds");
        let edited: Vec<_> = app
            .list_sample_projects()
            .expect("lists")
            .into_iter()
            .filter(|s| s.edited)
            .map(|s| s.id)
            .collect();
        assert_eq!(edited, [first], "{lang:?}: one change counts");

        // In the trash, the project still names them; deleted, it does not.
        let removed = app.remove_sample_projects().expect("removes");
        assert_eq!(app.list_people(&PeopleQuery::default()).expect("lists").total, 4);
        for id in removed {
            app.purge_project(id).expect("purges");
        }
        assert_eq!(
            app.list_people(&PeopleQuery::default()).expect("lists").total,
            0,
            "{lang:?}"
        );
        assert!(
            app.list_vendors(&VendorQuery::default())
                .expect("lists")
                .rows
                .is_empty(),
            "{lang:?}"
        );
    }
}
