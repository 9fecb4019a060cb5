//! The brief's hand-off package (with its readiness score as a checklist)
//! and the evaluation plan, results and return on investment.

use atelier_core::brief::BriefSection;
use atelier_core::evaluation::KirkLevel;

use super::Brief;
use crate::document::typography::{hundredths, percent_tenths};
use crate::document::{Align, Bar, Block, Span};

impl Brief<'_> {
    pub(super) fn handoff(&mut self) {
        let Some((h, readiness)) = &self.input.handoff else {
            return;
        };
        self.section_heading(BriefSection::Handoff);
        let f = &h.fields;
        let accepted = match (self.name(&f.accepted_by), f.accepted_on) {
            (name, Some(on)) if !name.is_empty() => Some(format!("{name}, {}", self.day(Some(on)))),
            _ => None,
        };
        let run = [&f.run.who, &f.run.frequency, &f.run.audience, &f.run.enrolment]
            .into_iter()
            .filter(|s| !s.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(" · ");
        let owner = [self.name(&f.owner), f.team.clone()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        self.facts(vec![
            (
                "brief.field.readiness",
                Some(self.w.with(
                    "brief.readiness_line",
                    &[
                        ("percent", &self.percent(readiness.percent)),
                        ("threshold", &self.percent(h.threshold)),
                    ],
                )),
            ),
            ("handoff.owner", Some(owner)),
            ("handoff.accepted", accepted),
            ("handoff.handoff_on", f.handoff_on.map(|d| self.day(Some(d)))),
            ("handoff.run", Some(run)),
            ("handoff.support", Some(f.support.clone())),
        ]);
        let items = readiness
            .checks
            .iter()
            .map(|c| {
                let mark = if c.met { "✓" } else { "✗" };
                let label = self.w.choice("handoff.criterion", &c.criterion).to_owned();
                let weight = self.w.with("handoff.weight", &[("weight", &c.weight.to_string())]);
                vec![
                    Span::bold(format!("{mark} ")),
                    Span::plain(format!("{label} ({weight})")),
                ]
            })
            .collect();
        self.blocks.push(Block::List { ordered: false, items });
        if !f.runbook.trim().is_empty() {
            self.heading(2, "handoff.runbook");
            self.rich(&f.runbook);
        }
        if !f.faq.trim().is_empty() {
            self.heading(2, "handoff.faq");
            self.rich(&f.faq);
        }
        if !h.assets.is_empty() {
            self.heading(2, "handoff.assets");
            let rows = h
                .assets
                .iter()
                .map(|a| {
                    let f = &a.fields;
                    vec![
                        f.name.clone(),
                        self.w.choice("handoff.asset_kind", &f.kind).to_owned(),
                        [f.reference.as_str(), f.version.as_str()]
                            .into_iter()
                            .filter(|s| !s.is_empty())
                            .collect::<Vec<_>>()
                            .join(" · "),
                        self.name(&f.owner),
                        self.day(f.licence_end),
                        self.money(f.licence_cost_cents),
                    ]
                })
                .collect();
            self.table(
                &[
                    ("brief.col.asset", Align::Left, 4),
                    ("brief.col.kind", Align::Left, 2),
                    ("brief.col.reference", Align::Left, 4),
                    ("brief.col.owner", Align::Left, 3),
                    ("brief.col.licence_end", Align::Left, 3),
                    ("brief.col.cost", Align::Right, 2),
                ],
                rows,
            );
        }
        if !h.risks.is_empty() {
            self.heading(2, "handoff.risks");
            let rows = h
                .risks
                .iter()
                .map(|r| {
                    vec![
                        r.fields.description.clone(),
                        self.name(&r.fields.owner),
                        r.fields.mitigation.clone(),
                    ]
                })
                .collect();
            self.table(
                &[
                    ("brief.col.risk", Align::Left, 5),
                    ("brief.col.owner", Align::Left, 2),
                    ("brief.col.mitigation", Align::Left, 5),
                ],
                rows,
            );
        }
    }

    pub(super) fn evaluation(&mut self) {
        let Some((plan, levels, roi)) = &self.input.evaluation else {
            return;
        };
        if plan.indicators.is_empty() && roi.is_none() && plan.verdict.is_empty() {
            return;
        }
        self.section_heading(BriefSection::Evaluation);
        if !plan.verdict.trim().is_empty() {
            let text = self.text(&plan.verdict);
            self.blocks.push(Block::Paragraph {
                spans: vec![Span::bold(text)],
            });
        }
        let figure = |h: Option<i64>, unit: &str| {
            h.map(|h| {
                let n = hundredths(self.lang, h);
                if unit.is_empty() {
                    n
                } else {
                    format!("{n} {unit}")
                }
            })
            .unwrap_or_default()
        };
        let rows = plan
            .indicators
            .iter()
            .map(|i| {
                let f = &i.fields;
                vec![
                    self.w.choice("evaluation.level", &f.level).to_owned(),
                    f.name.clone(),
                    self.w.choice("evaluation.instrument", &f.instrument).to_owned(),
                    self.w.choice("evaluation.timing", &f.timing).to_owned(),
                    figure(f.target_hundredths, &f.unit),
                    figure(f.result_hundredths, &f.unit),
                    f.attainment().map(|a| self.percent(a)).unwrap_or_default(),
                ]
            })
            .collect();
        self.table(
            &[
                ("brief.col.level", Align::Left, 2),
                ("brief.col.indicator", Align::Left, 4),
                ("brief.col.instrument", Align::Left, 2),
                ("brief.col.timing", Align::Left, 2),
                ("brief.col.target", Align::Right, 2),
                ("brief.col.result", Align::Right, 2),
                ("brief.col.reached", Align::Right, 2),
            ],
            rows,
        );
        let bars = levels
            .iter()
            .filter(|l| l.indicators > 0)
            .map(|l| Bar {
                label: self.w.choice("evaluation.level", &l.level).to_owned(),
                value: l.attainment.unwrap_or(0).min(200),
                value_text: l
                    .attainment
                    .map(|a| self.percent(a))
                    .unwrap_or_else(|| self.w.t("evaluation.not_measured").to_owned()),
                target: Some(100),
            })
            .collect();
        self.chart("brief.levels_chart", 150, bars);
        if let Some(r) = roi {
            self.heading(2, "evaluation.roi_title");
            self.facts(vec![
                ("brief.field.benefits", Some(self.money(Some(r.benefits_cents)))),
                ("brief.field.costs", Some(self.money(Some(r.costs_cents)))),
                ("brief.field.net", Some(self.money(Some(r.net_cents)))),
                ("evaluation.roi", Some(percent_tenths(self.lang, r.roi_tenths))),
                ("evaluation.bcr", Some(hundredths(self.lang, r.bcr_hundredths))),
            ]);
            self.paragraph(self.w.t("brief.roi_method"));
        }
        // Levels 3 and 4 come months after: say which are still to measure.
        let waiting: Vec<&str> = levels
            .iter()
            .filter(|l| l.indicators > 0 && l.measured == 0 && l.level >= KirkLevel::Behaviour)
            .map(|l| self.w.choice("evaluation.level", &l.level))
            .collect();
        if !waiting.is_empty() {
            self.paragraph(&self.w.with("brief.levels_waiting", &[("levels", &waiting.join(", "))]));
        }
    }
}
