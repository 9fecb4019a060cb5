//! The brief's design highlights: personas, the learner journey, the
//! "how might we" questions, the shortlisted ideas and the pilot's
//! decisions — the artefacts a sponsor reads, not every interview note.

use atelier_core::artefact::ArtefactBody;
use atelier_core::brief::BriefSection;
use atelier_core::samples::Lang;

use super::Brief;
use crate::document::{Align, Block, Span};

impl Brief<'_> {
    pub(super) fn design(&mut self) {
        let artefacts = &self.input.artefacts;
        let shown = |a: &&atelier_core::Artefact| match &a.body {
            ArtefactBody::Persona { .. }
            | ArtefactBody::Journey { .. }
            | ArtefactBody::HowMightWe { .. }
            | ArtefactBody::PilotDecision { .. } => true,
            ArtefactBody::Idea { shortlisted, .. } => *shortlisted,
            _ => false,
        };
        if !artefacts.iter().any(|a| shown(&a)) {
            return;
        }
        self.section_heading(BriefSection::Design);
        self.personas();
        self.journeys();
        self.questions();
        self.ideas();
        self.decisions();
    }

    fn personas(&mut self) {
        let personas: Vec<_> = self
            .input
            .artefacts
            .iter()
            .filter_map(|a| match &a.body {
                ArtefactBody::Persona {
                    name,
                    role,
                    goals,
                    frustrations,
                    quote,
                    ..
                } => Some((
                    name.clone(),
                    role.clone(),
                    goals.clone(),
                    frustrations.clone(),
                    quote.clone(),
                )),
                _ => None,
            })
            .collect();
        if personas.is_empty() {
            return;
        }
        self.heading(2, "brief.personas");
        for (name, role, goals, frustrations, quote) in personas {
            let title = if role.is_empty() {
                name
            } else {
                format!("{name} — {role}")
            };
            let text = self.text(&title);
            self.blocks.push(Block::Heading { level: 3, text });
            self.facts(vec![
                ("field.goals", Some(goals)),
                ("field.frustrations", Some(frustrations)),
            ]);
            if !quote.trim().is_empty() {
                let quoted = match self.lang {
                    Lang::Fr => format!("« {quote} »"),
                    Lang::En => format!("“{quote}”"),
                };
                let text = self.text(&quoted);
                self.blocks.push(Block::Paragraph {
                    spans: vec![Span {
                        text,
                        italic: true,
                        ..Span::default()
                    }],
                });
            }
        }
    }

    fn journeys(&mut self) {
        let journeys: Vec<_> = self
            .input
            .artefacts
            .iter()
            .filter_map(|a| match &a.body {
                ArtefactBody::Journey { title, touchpoints } if !touchpoints.is_empty() => {
                    Some((title.clone(), touchpoints.clone()))
                }
                _ => None,
            })
            .collect();
        for (title, touchpoints) in journeys {
            self.heading(2, "kind.journey");
            self.paragraph(&title);
            let rows = touchpoints
                .iter()
                .map(|t| {
                    vec![
                        self.w.choice("journey", &t.stage).to_owned(),
                        t.name.clone(),
                        t.emotion.clone(),
                        t.metric.clone(),
                    ]
                })
                .collect();
            self.table(
                &[
                    ("journey.stage", Align::Left, 2),
                    ("journey.touchpoint", Align::Left, 5),
                    ("journey.emotion", Align::Left, 3),
                    ("journey.metric", Align::Left, 3),
                ],
                rows,
            );
        }
    }

    fn questions(&mut self) {
        let items: Vec<Vec<Span>> = self
            .input
            .artefacts
            .iter()
            .filter_map(|a| match &a.body {
                ArtefactBody::HowMightWe { statement } => Some(vec![Span::plain(self.text(statement))]),
                _ => None,
            })
            .collect();
        if !items.is_empty() {
            self.heading(2, "kind.how_might_we");
            self.blocks.push(Block::List { ordered: false, items });
        }
    }

    fn ideas(&mut self) {
        let ideas: Vec<_> = self
            .input
            .artefacts
            .iter()
            .filter_map(|a| match &a.body {
                ArtefactBody::Idea {
                    title,
                    description,
                    shortlisted: true,
                } => Some((title.clone(), description.clone())),
                _ => None,
            })
            .collect();
        if ideas.is_empty() {
            return;
        }
        self.heading(2, "brief.shortlisted_ideas");
        for (title, description) in ideas {
            let text = self.text(&title);
            self.blocks.push(Block::Paragraph {
                spans: vec![Span::bold(text)],
            });
            self.rich(&description);
        }
    }

    fn decisions(&mut self) {
        let decisions: Vec<_> = self
            .input
            .artefacts
            .iter()
            .filter_map(|a| match &a.body {
                ArtefactBody::PilotDecision {
                    criteria,
                    results,
                    outcome,
                    decided_on,
                } => Some((criteria.clone(), results.clone(), *outcome, *decided_on)),
                _ => None,
            })
            .collect();
        if decisions.is_empty() {
            return;
        }
        self.heading(2, "brief.pilot_decisions");
        for (criteria, results, outcome, decided_on) in decisions {
            let outcome = self.w.choice("option", &outcome).to_owned();
            self.facts(vec![
                ("field.outcome", Some(outcome)),
                ("field.decided_on", Some(self.day(decided_on))),
            ]);
            self.heading(3, "field.criteria");
            self.rich(&criteria);
            if !results.trim().is_empty() {
                self.heading(3, "field.results");
                self.rich(&results);
            }
        }
    }
}
