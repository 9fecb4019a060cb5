//! The project brief: what a DLM sends the sponsor, the business and IT
//! each week, laid out once as a [`Document`] in the language chosen at
//! export (whatever the screen's), then written as PDF, Word or Markdown.
//! A section appears only when the project has something to put in it:
//! no empty headings.

mod coordination;
mod design;
mod impact;

use std::collections::HashMap;

use atelier_core::brief::{BriefChoice, BriefSection};
use atelier_core::budget::BudgetOverview;
use atelier_core::campaign::Message;
use atelier_core::evaluation::{Evaluation, LevelStanding, Roi};
use atelier_core::handoff::{Handoff, Readiness};
use atelier_core::it_readiness::ItChecklist;
use atelier_core::mix::{totals, Activity};
use atelier_core::phase::Phase;
use atelier_core::raci::Raci;
use atelier_core::samples::Lang;
use atelier_core::{Artefact, Cycle, Engagement, Person, PersonRef, Project, Task, VendorId};
use chrono::NaiveDate;

use crate::document::typography::{date, date_span, in_lang, money, percent};
use crate::document::{rich, Align, Bar, BarChart, Block, Column, Document, Fact, Span, Table};
use crate::words::Words;

/// Everything a brief may show of one project, read by the app from
/// every area. Lists come in the order the screens show them.
#[derive(Debug, Clone)]
pub struct BriefInput {
    pub project: Project,
    /// The directory, to name the people records point to.
    pub people: Vec<Person>,
    /// Vendors' names by id.
    pub vendors: HashMap<VendorId, String>,
    /// The design-thinking phase the project is in.
    pub phase: Phase,
    pub artefacts: Vec<Artefact>,
    pub cycles: Vec<Cycle>,
    pub tasks: Vec<Task>,
    pub activities: Vec<Activity>,
    pub budget: BudgetOverview,
    pub engagements: Vec<Engagement>,
    pub raci: Option<Raci>,
    pub it: Option<ItChecklist>,
    pub messages: Vec<Message>,
    /// The package with its readiness, when one was started.
    pub handoff: Option<(Handoff, Readiness)>,
    /// The plan with its levels and ROI, when one was started.
    pub evaluation: Option<(Evaluation, Vec<LevelStanding>, Option<Roi>)>,
    /// The day of the export, shown in the footer.
    pub today: NaiveDate,
}

/// The brief of `input` with the sections `choice` ticks, in its language.
pub fn build(input: &BriefInput, choice: &BriefChoice) -> Document {
    let mut b = Brief::new(input, choice.lang);
    for section in &choice.sections {
        b.section(*section);
    }
    let f = &input.project.fields;
    let w = b.w;
    Document {
        lang: lang_code(choice.lang),
        title: b.text(&f.title),
        subtitle: [
            b.sponsor().map(|s| w.with("brief.sponsored_by", &[("name", &s)])),
            date_span(choice.lang, f.start_date, f.end_date),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · "),
        header: b.text(&f.title),
        footer: w.with("brief.footer", &[("date", &date(choice.lang, input.today))]),
        page_word: w.t("brief.page").to_owned(),
        blocks: b.blocks,
    }
}

/// The sections a brief of `input` would hold: those with something to
/// show, in order (what the export dialog offers to tick).
pub fn sections_with_content(input: &BriefInput) -> Vec<BriefSection> {
    BriefSection::ALL
        .iter()
        .copied()
        .filter(|s| {
            let mut b = Brief::new(input, Lang::En);
            b.section(*s);
            !b.blocks.is_empty()
        })
        .collect()
}

/// The ISO code of a language, for the documents' metadata.
pub fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "fr",
        Lang::En => "en",
    }
}

/// A brief being laid out: the input, the words and the blocks so far.
struct Brief<'a> {
    input: &'a BriefInput,
    lang: Lang,
    w: &'static Words,
    blocks: Vec<Block>,
}

impl<'a> Brief<'a> {
    fn new(input: &'a BriefInput, lang: Lang) -> Self {
        Self {
            input,
            lang,
            w: Words::of(lang),
            blocks: Vec::new(),
        }
    }

    /// Adds `section` when the project has something to put in it.
    fn section(&mut self, section: BriefSection) {
        match section {
            BriefSection::Cover => self.cover(),
            BriefSection::Need => self.need(),
            BriefSection::Audience => self.audience(),
            BriefSection::Design => self.design(),
            BriefSection::Cycles => self.cycles(),
            BriefSection::Mix => self.mix(),
            BriefSection::Budget => self.budget(),
            BriefSection::Raci => self.raci(),
            BriefSection::ItReadiness => self.it(),
            BriefSection::Campaign => self.campaign(),
            BriefSection::Handoff => self.handoff(),
            BriefSection::Evaluation => self.evaluation(),
        }
    }

    // ----- helpers ---------------------------------------------------------

    /// User text in the brief's typography.
    fn text(&self, s: &str) -> String {
        in_lang(self.lang, s)
    }

    fn heading(&mut self, level: u8, key: &str) {
        let text = self.w.t(key).to_owned();
        self.blocks.push(Block::Heading { level, text });
    }

    /// The section's title: `brief.section.<name>`.
    fn section_heading(&mut self, section: BriefSection) {
        let key = format!("brief.section.{}", self.w_name(&section));
        self.heading(1, &key);
    }

    /// The serialised name of a closed-set value.
    fn w_name<T: serde::Serialize>(&self, value: &T) -> String {
        serde_json::to_value(value)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    fn paragraph(&mut self, text: &str) {
        if !text.trim().is_empty() {
            let text = self.text(text);
            self.blocks.push(Block::Paragraph {
                spans: vec![Span::plain(text)],
            });
        }
    }

    /// A Markdown note as formatted blocks.
    fn rich(&mut self, markdown: &str) {
        self.blocks.extend(rich::blocks(self.lang, markdown));
    }

    fn facts(&mut self, facts: Vec<(&str, Option<String>)>) {
        let facts: Vec<Fact> = facts
            .into_iter()
            .filter_map(|(key, value)| {
                value.filter(|v| !v.trim().is_empty()).map(|value| Fact {
                    label: self.w.t(key).to_owned(),
                    value: self.text(&value),
                })
            })
            .collect();
        if !facts.is_empty() {
            self.blocks.push(Block::Facts { facts });
        }
    }

    /// A table with the given (key, alignment, weight) columns; rows of
    /// user text get the brief's typography.
    fn table(&mut self, columns: &[(&str, Align, u8)], rows: Vec<Vec<String>>) {
        let columns = columns
            .iter()
            .map(|(key, align, weight)| Column {
                title: self.w.t(key).to_owned(),
                align: *align,
                weight: *weight,
            })
            .collect();
        self.table_titled(columns, rows);
    }

    /// A table whose column titles are given as they read; nothing when
    /// there is no row.
    fn table_titled(&mut self, columns: Vec<Column>, rows: Vec<Vec<String>>) {
        if rows.is_empty() {
            return;
        }
        let rows = rows
            .into_iter()
            .map(|r| r.into_iter().map(|c| self.text(&c)).collect())
            .collect();
        self.blocks.push(Block::Table(Table { columns, rows }));
    }

    fn chart(&mut self, caption_key: &str, max: u32, bars: Vec<Bar>) {
        if !bars.is_empty() {
            self.blocks.push(Block::Chart(BarChart {
                caption: self.w.t(caption_key).to_owned(),
                max,
                bars,
            }));
        }
    }

    fn name(&self, person: &Option<PersonRef>) -> String {
        person
            .as_ref()
            .and_then(|p| p.name(&self.input.people))
            .unwrap_or_default()
            .to_owned()
    }

    fn sponsor(&self) -> Option<String> {
        Some(self.name(&self.input.project.fields.sponsor)).filter(|s| !s.is_empty())
    }

    fn day(&self, d: Option<NaiveDate>) -> String {
        d.map(|d| date(self.lang, d)).unwrap_or_default()
    }

    fn money(&self, cents: Option<i64>) -> String {
        cents
            .map(|c| money(self.lang, c, &self.input.budget.currency.0))
            .unwrap_or_default()
    }

    fn percent(&self, p: u32) -> String {
        percent(self.lang, i64::from(p))
    }

    // ----- the project itself -------------------------------------------

    fn cover(&mut self) {
        let p = &self.input.project;
        let f = &p.fields;
        self.section_heading(BriefSection::Cover);
        self.facts(vec![
            ("brief.field.sponsor", self.sponsor()),
            ("brief.field.dates", date_span(self.lang, f.start_date, f.end_date)),
            (
                "brief.field.status",
                Some(self.w.choice("status", &p.status).to_owned()),
            ),
            (
                "brief.field.health",
                Some(self.w.choice("health", &f.health).to_owned()),
            ),
            (
                "brief.field.phase",
                Some(self.w.choice("phase", &self.input.phase).to_owned()),
            ),
        ]);
        self.paragraph(&f.summary);
    }

    fn need(&mut self) {
        let f = &self.input.project.fields;
        if f.business_need.trim().is_empty() && f.objectives.is_empty() {
            return;
        }
        self.section_heading(BriefSection::Need);
        self.rich(&f.business_need);
        if !f.objectives.is_empty() {
            self.heading(2, "brief.objectives");
            let items = f.objectives.iter().map(|o| vec![Span::plain(self.text(o))]).collect();
            self.blocks.push(Block::List { ordered: true, items });
        }
    }

    fn audience(&mut self) {
        let audience = &self.input.project.fields.audience;
        if audience.trim().is_empty() {
            return;
        }
        self.section_heading(BriefSection::Audience);
        self.rich(audience);
    }

    fn cycles(&mut self) {
        let (cycles, tasks) = (&self.input.cycles, &self.input.tasks);
        if cycles.is_empty() && tasks.is_empty() {
            return;
        }
        self.section_heading(BriefSection::Cycles);
        let rows = cycles
            .iter()
            .enumerate()
            .map(|(i, c)| {
                vec![
                    (i + 1).to_string(),
                    c.fields.goal.clone(),
                    date_span(self.lang, Some(c.fields.start), Some(c.fields.end)).unwrap_or_default(),
                    c.fields
                        .phase_focus
                        .map(|p| self.w.choice("phase", &p).to_owned())
                        .unwrap_or_default(),
                ]
            })
            .collect();
        self.table(
            &[
                ("brief.col.number", Align::Right, 1),
                ("brief.col.goal", Align::Left, 6),
                ("brief.col.dates", Align::Left, 5),
                ("brief.col.phase", Align::Left, 3),
            ],
            rows,
        );
        if !tasks.is_empty() {
            self.heading(2, "brief.milestones");
            let rows = tasks
                .iter()
                .map(|t| {
                    vec![
                        t.fields.title.clone(),
                        self.name(&t.fields.owner),
                        self.day(t.fields.due),
                        self.w.choice("tasks.status", &t.fields.status).to_owned(),
                    ]
                })
                .collect();
            self.table(
                &[
                    ("brief.col.task", Align::Left, 6),
                    ("brief.col.owner", Align::Left, 3),
                    ("brief.col.due", Align::Left, 3),
                    ("brief.col.status", Align::Left, 2),
                ],
                rows,
            );
        }
    }

    fn mix(&mut self) {
        let activities = &self.input.activities;
        if activities.is_empty() {
            return;
        }
        self.section_heading(BriefSection::Mix);
        let rows = activities
            .iter()
            .map(|a| {
                let f = &a.fields;
                vec![
                    f.title.clone(),
                    self.w.choice("modality", &f.modality).to_owned(),
                    self.w.choice("bucket", &f.bucket).to_owned(),
                    self.w.choice("delivery", &f.delivery).to_owned(),
                    self.w
                        .with("brief.minutes", &[("count", &f.duration_minutes.to_string())]),
                    self.money(f.cost_cents),
                ]
            })
            .collect();
        self.table(
            &[
                ("brief.col.activity", Align::Left, 5),
                ("brief.col.modality", Align::Left, 3),
                ("brief.col.bucket", Align::Left, 3),
                ("brief.col.delivery", Align::Left, 2),
                ("brief.col.duration", Align::Right, 2),
                ("brief.col.cost", Align::Right, 2),
            ],
            rows,
        );
        let bars = totals(activities)
            .by_bucket
            .iter()
            .map(|b| Bar {
                label: self.w.choice("bucket", &b.bucket).to_owned(),
                value: b.percent,
                value_text: self.w.with(
                    "brief.percent_of_target",
                    &[
                        ("percent", &self.percent(b.percent)),
                        ("target", &self.percent(b.target)),
                    ],
                ),
                target: Some(b.target),
            })
            .collect();
        self.chart("brief.mix_chart", 100, bars);
    }

    fn budget(&mut self) {
        let budget = &self.input.budget;
        if budget.planned_cents.is_none() && self.input.engagements.is_empty() && budget.spent_cents.is_none() {
            return;
        }
        self.section_heading(BriefSection::Budget);
        self.facts(vec![
            ("brief.field.planned", budget.planned_cents.map(|c| self.money(Some(c)))),
            ("brief.field.spent", budget.spent_cents.map(|c| self.money(Some(c)))),
            (
                "brief.field.engaged",
                (budget.engaged_cents > 0).then(|| self.money(Some(budget.engaged_cents))),
            ),
        ]);
        let rows = self
            .input
            .engagements
            .iter()
            .map(|e| {
                let f = &e.fields;
                vec![
                    // "—" for a vendor whose record could not be read.
                    self.input
                        .vendors
                        .get(&f.vendor)
                        .cloned()
                        .unwrap_or_else(|| "—".to_owned()),
                    f.scope.clone(),
                    self.w.choice("contract", &f.status).to_owned(),
                    date_span(self.lang, f.start, f.end).unwrap_or_default(),
                    f.amount_cents
                        .map(|c| money(self.lang, c, &f.currency.0))
                        .unwrap_or_default(),
                ]
            })
            .collect();
        self.table(
            &[
                ("brief.col.vendor", Align::Left, 3),
                ("brief.col.scope", Align::Left, 5),
                ("brief.col.status", Align::Left, 2),
                ("brief.col.dates", Align::Left, 4),
                ("brief.col.amount", Align::Right, 3),
            ],
            rows,
        );
    }
}

#[cfg(test)]
mod tests;
