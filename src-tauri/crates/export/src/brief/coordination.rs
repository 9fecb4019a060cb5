//! The brief's coordination sections: who does what (RACI), whether IT is
//! ready, and the communication plan.

use atelier_core::brief::BriefSection;

use super::Brief;
use crate::document::{Align, Column};

impl Brief<'_> {
    pub(super) fn raci(&mut self) {
        let Some(raci) = &self.input.raci else { return };
        if raci.people.is_empty() || raci.cells.is_empty() {
            return;
        }
        self.section_heading(BriefSection::Raci);
        let names: Vec<String> = raci
            .people
            .iter()
            .map(|id| {
                self.input
                    .people
                    .iter()
                    .find(|p| p.id == *id)
                    .map(|p| p.fields.name.clone())
                    .unwrap_or_default()
            })
            .collect();
        let rows = raci
            .rows
            .iter()
            .map(|row| {
                let mut cells = vec![self.row_name(&row.name)];
                for person in &raci.people {
                    let role = raci
                        .cells
                        .iter()
                        .find(|c| c.row == row.id && c.person == *person)
                        .map(|c| self.w.choice("raci.letter", &c.role).to_owned())
                        .unwrap_or_default();
                    cells.push(role);
                }
                cells
            })
            .collect();
        let mut columns = vec![Column {
            title: self.w.t("brief.col.activity").to_owned(),
            align: Align::Left,
            weight: 4,
        }];
        columns.extend(names.iter().map(|n| Column {
            title: self.text(n),
            align: Align::Left,
            weight: 2,
        }));
        self.table_titled(columns, rows);
        self.paragraph(self.w.t("brief.raci_legend"));
    }

    fn row_name(&self, name: &atelier_core::raci::RowName) -> String {
        match name {
            atelier_core::raci::RowName::Step { step } => self.w.choice("raci.step", step).to_owned(),
            atelier_core::raci::RowName::Custom { name } => name.clone(),
        }
    }

    pub(super) fn it(&mut self) {
        let Some(list) = &self.input.it else { return };
        if list.items.is_empty() {
            return;
        }
        self.section_heading(BriefSection::ItReadiness);
        let r = list.readiness();
        self.facts(vec![(
            "brief.field.it_readiness",
            Some(self.w.with(
                "brief.it_readiness_line",
                &[
                    ("percent", &self.percent(u32::from(r.percent))),
                    ("done", &r.done.to_string()),
                    ("applicable", &r.applicable.to_string()),
                ],
            )),
        )]);
        let rows = list
            .items
            .iter()
            .map(|item| {
                let f = &item.fields;
                let name = match &item.name {
                    atelier_core::it_readiness::ItItemName::Check { check } => {
                        self.w.choice("it.check", check).to_owned()
                    }
                    atelier_core::it_readiness::ItItemName::Custom { name } => name.clone(),
                };
                let mut status = self.w.choice("it.status", &f.status).to_owned();
                if !f.reason.is_empty() {
                    status = format!("{status} — {}", f.reason);
                }
                vec![
                    self.w.choice("it.area", &item.area).to_owned(),
                    name,
                    status,
                    self.name(&f.owner),
                    self.day(f.due),
                ]
            })
            .collect();
        self.table(
            &[
                ("brief.col.area", Align::Left, 3),
                ("brief.col.check", Align::Left, 6),
                ("brief.col.status", Align::Left, 3),
                ("brief.col.owner", Align::Left, 3),
                ("brief.col.due", Align::Left, 3),
            ],
            rows,
        );
    }

    pub(super) fn campaign(&mut self) {
        let messages = &self.input.messages;
        if messages.is_empty() {
            return;
        }
        self.section_heading(BriefSection::Campaign);
        let rows = messages
            .iter()
            .map(|m| {
                let f = &m.fields;
                vec![
                    self.day(f.planned),
                    f.subject.clone(),
                    f.audience.clone(),
                    self.w.choice("campaign.channel", &f.channel).to_owned(),
                    self.w.choice("campaign.purpose", &f.purpose).to_owned(),
                    self.w.choice("campaign.status", &f.status).to_owned(),
                ]
            })
            .collect();
        self.table(
            &[
                ("brief.col.date", Align::Left, 3),
                ("brief.col.message", Align::Left, 5),
                ("brief.col.audience", Align::Left, 3),
                ("brief.col.channel", Align::Left, 3),
                ("brief.col.purpose", Align::Left, 3),
                ("brief.col.status", Align::Left, 2),
            ],
            rows,
        );
    }
}
