//! A project's milestones as calendar events, for the IT department's and
//! the sponsors' calendars: the project's span, its cycles, the tasks'
//! due dates, the communication sends, the hand-off and the evaluation's
//! measurements. Every event's UID comes from its record, so that
//! importing the file again finds the same events.

use atelier_core::campaign::{Message, MessagePurpose};
use atelier_core::evaluation::{Evaluation, Timing};
use atelier_core::samples::Lang;
use atelier_core::{Cycle, Project, Task};
use chrono::{Duration, NaiveDate};

use crate::document::typography::in_lang;
use crate::ics::{uid, CalendarEvent, When};
use crate::words::Words;

/// What one project's calendar is made of.
#[derive(Debug, Clone)]
pub struct MilestonesInput {
    pub project: Project,
    pub cycles: Vec<Cycle>,
    pub tasks: Vec<Task>,
    pub messages: Vec<Message>,
    /// The day the program changes hands, planned or done.
    pub handoff_on: Option<NaiveDate>,
    pub evaluation: Option<Evaluation>,
}

/// One dated moment of a project: what kind of record it comes from, the
/// record's key (for a stable UID), what it is called and when it is.
struct Moment {
    kind: &'static str,
    key: String,
    name: String,
    when: When,
    description: String,
}

impl Moment {
    fn first_day(&self) -> NaiveDate {
        match self.when {
            When::Day(d) => d,
            When::Days { first, .. } => first,
            When::At { start, .. } => start.date_naive(),
        }
    }
}

/// The events of one project, in `lang`, each summary prefixed with the
/// project's title (a portfolio calendar mixes projects).
pub fn events(input: &MilestonesInput, lang: Lang) -> Vec<CalendarEvent> {
    let w = Words::of(lang);
    let title = in_lang(lang, &input.project.fields.title);
    moments(input, lang)
        .into_iter()
        .map(|m| CalendarEvent {
            uid: uid(m.kind, &m.key),
            summary: format!("{title} · {}", m.name),
            description: m.description,
            when: m.when,
            categories: vec![
                w.t("app.name").to_owned(),
                w.t(&format!("ics.category.{}", m.kind)).to_owned(),
            ],
        })
        .collect()
}

/// The project's next milestone from `today` on (the span of the project
/// itself aside): its first day and what it is, in `lang`.
pub fn next_milestone(input: &MilestonesInput, lang: Lang, today: NaiveDate) -> Option<(NaiveDate, String)> {
    moments(input, lang)
        .into_iter()
        .filter(|m| m.kind != "project" && m.first_day() >= today)
        .min_by_key(Moment::first_day)
        .map(|m| (m.first_day(), m.name))
}

/// Every dated moment of the project, in `lang`.
fn moments(input: &MilestonesInput, lang: Lang) -> Vec<Moment> {
    let w = Words::of(lang);
    let p = &input.project;
    let id = p.id.to_string();
    let moment = |kind: &'static str, key: &str, name: &str, when: When, description: &str| Moment {
        kind,
        key: key.to_owned(),
        name: in_lang(lang, name),
        when,
        description: in_lang(lang, description),
    };
    let mut out = Vec::new();
    match (p.fields.start_date, p.fields.end_date) {
        (Some(first), Some(last)) if first <= last => out.push(moment(
            "project",
            &id,
            w.t("ics.project_span"),
            When::Days { first, last },
            &p.fields.summary,
        )),
        (start, end) => {
            if let Some(day) = start {
                out.push(moment(
                    "project",
                    &format!("{id}-start"),
                    w.t("ics.project_start"),
                    When::Day(day),
                    "",
                ));
            }
            if let Some(day) = end {
                out.push(moment(
                    "project",
                    &format!("{id}-end"),
                    w.t("ics.project_end"),
                    When::Day(day),
                    "",
                ));
            }
        }
    }
    for (i, c) in input.cycles.iter().enumerate() {
        let name = w.with(
            "ics.cycle",
            &[("number", &(i + 1).to_string()), ("goal", &c.fields.goal)],
        );
        out.push(moment(
            "cycle",
            &c.id.to_string(),
            &name,
            When::Days {
                first: c.fields.start,
                last: c.fields.end,
            },
            &c.fields.review_note,
        ));
    }
    for t in &input.tasks {
        if let Some(due) = t.fields.due {
            out.push(moment("task", &t.id.to_string(), &t.fields.title, When::Day(due), ""));
        }
    }
    for m in &input.messages {
        if let Some(day) = m.fields.planned {
            let purpose = w.choice("campaign.purpose", &m.fields.purpose);
            let name = w.with("ics.message", &[("purpose", purpose), ("subject", &m.fields.subject)]);
            out.push(moment(
                "message",
                &m.id.to_string(),
                &name,
                When::Day(day),
                &m.fields.key_message,
            ));
        }
    }
    if let Some(day) = input.handoff_on {
        out.push(moment("handoff", &id, w.t("ics.handoff"), When::Day(day), ""));
    }
    if let (Some(plan), Some(launch)) = (&input.evaluation, launch_day(&input.messages)) {
        out.extend(measurements(plan, launch).into_iter().map(|(timing, day, names)| {
            let name = w.with("ics.evaluation", &[("timing", w.choice("evaluation.timing", &timing))]);
            moment(
                "evaluation",
                &format!("{id}-{}", timing.days_after()),
                &name,
                When::Day(day),
                &names.join("\n"),
            )
        }));
    }
    out
}

/// The go-live: the day of the earliest launch message.
fn launch_day(messages: &[Message]) -> Option<NaiveDate> {
    messages
        .iter()
        .filter(|m| m.fields.purpose == MessagePurpose::Launch)
        .filter_map(|m| m.fields.planned)
        .min()
}

/// The days the evaluation measures, counted from the go-live: one per
/// timing its indicators use, with their names.
fn measurements(plan: &Evaluation, launch: NaiveDate) -> Vec<(Timing, NaiveDate, Vec<String>)> {
    let mut out: Vec<(Timing, NaiveDate, Vec<String>)> = Vec::new();
    for i in &plan.indicators {
        let timing = i.fields.timing;
        let day = launch + Duration::days(timing.days_after());
        match out.iter_mut().find(|(t, _, _)| *t == timing) {
            Some((_, _, names)) => names.push(i.fields.name.clone()),
            None => out.push((timing, day, vec![i.fields.name.clone()])),
        }
    }
    out.sort_by_key(|(_, day, _)| *day);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use atelier_core::campaign::{MessageChannel, MessageDraft, MessageStatus};
    use atelier_core::cycle::CycleDraft;
    use atelier_core::evaluation::IndicatorDraft;
    use atelier_core::task::TaskDraft;
    use atelier_core::ProjectDraft;
    use chrono::Utc;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, m, d).expect("a date")
    }

    fn input() -> MilestonesInput {
        let project = Project::create(
            ProjectDraft {
                title: "Accueil des managers".into(),
                start_date: Some(day(1, 4)),
                end_date: Some(day(6, 30)),
                ..ProjectDraft::default()
            },
            Utc::now(),
        )
        .expect("a project");
        let id = project.id;
        let cycle = Cycle::create(
            id,
            CycleDraft {
                goal: "Écouter".into(),
                start: day(1, 4),
                end: day(1, 29),
                phase_focus: None,
                review_note: String::new(),
            },
            &[],
            Utc::now(),
        )
        .expect("a cycle");
        let task = |title: &str, due| {
            Task::create(
                id,
                TaskDraft {
                    title: title.into(),
                    due,
                    ..TaskDraft::default()
                },
                0,
                |_| true,
                Utc::now(),
            )
            .expect("a task")
        };
        let launch = Message::create(
            id,
            MessageDraft {
                subject: "C'est parti".into(),
                audience: "Managers".into(),
                channel: MessageChannel::Email,
                purpose: MessagePurpose::Launch,
                key_message: String::new(),
                sender: None,
                planned: Some(day(3, 1)),
                status: MessageStatus::Draft,
                cycle: None,
            },
            |_| true,
            Utc::now(),
        )
        .expect("a message");
        let mut plan = Evaluation::new(id, Utc::now());
        for (name, timing) in [
            ("Satisfaction", Timing::EndOfSession),
            ("Quiz", Timing::EndOfSession),
            ("Gestes", Timing::After90Days),
        ] {
            plan.save_indicator(
                None,
                IndicatorDraft {
                    name: name.into(),
                    timing,
                    ..IndicatorDraft::default()
                },
                Utc::now(),
            )
            .expect("adds");
        }
        MilestonesInput {
            project,
            cycles: vec![cycle],
            tasks: vec![task("Lancer le pilote", Some(day(2, 15))), task("Sans date", None)],
            messages: vec![launch],
            handoff_on: Some(day(6, 30)),
            evaluation: Some(plan),
        }
    }

    #[test]
    fn every_dated_record_is_an_event_with_a_stable_uid() {
        let input = input();
        let events = events(&input, Lang::Fr);
        let summaries: Vec<&str> = events.iter().map(|e| e.summary.as_str()).collect();
        assert_eq!(events.len(), 7, "{summaries:?}");
        assert!(summaries.iter().all(|s| s.starts_with("Accueil des managers · ")));
        assert!(
            summaries.contains(&"Accueil des managers · Cycle 1\u{a0}: Écouter"),
            "{summaries:?}"
        );
        assert!(summaries.contains(&"Accueil des managers · Lancer le pilote"));
        assert!(!summaries.iter().any(|s| s.contains("Sans date")), "no date, no event");
        let measured: Vec<&CalendarEvent> = events.iter().filter(|e| e.uid.starts_with("evaluation-")).collect();
        assert_eq!(measured.len(), 2, "one per timing");
        assert!(matches!(measured[0].when, When::Day(d) if d == day(3, 1)));
        assert!(
            matches!(measured[1].when, When::Day(d) if d == day(5, 30)),
            "+90 days from the launch"
        );
        assert_eq!(measured[0].description, "Satisfaction\nQuiz");
        let again = super::events(&input, Lang::En);
        let uids = |e: &[CalendarEvent]| e.iter().map(|x| x.uid.clone()).collect::<Vec<_>>();
        assert_eq!(
            uids(&events),
            uids(&again),
            "the same records, the same UIDs, whatever the language"
        );
    }

    #[test]
    fn the_next_milestone_is_the_earliest_moment_still_ahead() {
        let input = input();
        assert_eq!(
            next_milestone(&input, Lang::Fr, day(2, 1)),
            Some((day(2, 15), "Lancer le pilote".to_owned()))
        );
        let after_launch = next_milestone(&input, Lang::En, day(3, 2)).expect("one left");
        assert_eq!(after_launch.0, day(5, 30), "the +90 days measurement");
        assert_eq!(
            next_milestone(&input, Lang::En, day(7, 1)),
            None,
            "the span itself is no milestone"
        );
    }
}
