//! The people directory: who the DLM coordinates, and where they work.

use std::collections::HashMap;

use atelier_core::it_readiness::{ItItemName, ItStatus};
use atelier_core::limits::SHORT_TEXT_MAX;
use atelier_core::person::PeopleQuery;
use atelier_core::raci::{RaciRole, RowName};
use atelier_core::roster::PathStep;
use atelier_core::text::fold;
use atelier_core::validation::check_len;
use atelier_core::{
    Draft, Person, PersonDraft, PersonId, PersonRef, Project, ProjectId, Rule, SaveOptions, ValidationError, VendorId,
};
use atelier_store::PersonReplacement;
use chrono::{NaiveDate, Utc};
use serde::Serialize;
use specta::Type;

use crate::{Atelier, Result, VendorName};

/// A person as the directory and the person page show them: with the name
/// of the vendor they work for, when they do.
#[derive(Debug, Clone, Serialize, Type)]
pub struct PersonRow {
    pub person: Person,
    pub vendor_name: Option<String>,
}

/// A person and everything they are named in.
#[derive(Debug, Clone, Serialize, Type)]
pub struct PersonDetail {
    pub row: PersonRow,
    /// The projects they sponsor, live ones first, by title.
    pub sponsor_of: Vec<ProjectLink>,
    /// The tasks they own on live projects.
    pub tasks: Vec<TaskLink>,
    /// The names of the templates that name them.
    pub templates: Vec<String>,
    /// The projects whose RACI has them in a column, with their letters.
    pub raci: Vec<RaciPlace>,
    /// The IT readiness items they own.
    pub it_items: Vec<ItItemLink>,
    /// The campaign messages they send.
    pub messages: Vec<MessageLink>,
    /// The evaluation indicators they own.
    pub indicators: Vec<IndicatorLink>,
    /// The programs they train for, with their step on the path.
    pub trains: Vec<TrainerLink>,
    /// The projects whose hand-off package names them (owner, acceptance,
    /// an asset, a risk).
    pub handoffs: Vec<ProjectLink>,
    /// How many places above name them: while any does, they are not
    /// removed, only replaced.
    pub places: u32,
}

/// A program someone trains for, and how far they are on its path.
#[derive(Debug, Clone, Serialize, Type)]
pub struct TrainerLink {
    pub project: ProjectId,
    pub project_title: String,
    pub step: Option<PathStep>,
}

/// An evaluation indicator someone owns, with its project.
#[derive(Debug, Clone, Serialize, Type)]
pub struct IndicatorLink {
    pub project: ProjectId,
    pub project_title: String,
    pub name: String,
}

/// A campaign message someone sends, with its project.
#[derive(Debug, Clone, Serialize, Type)]
pub struct MessageLink {
    pub project: ProjectId,
    pub project_title: String,
    pub subject: String,
    pub planned: Option<NaiveDate>,
}

/// An IT readiness item someone owns, with its project.
#[derive(Debug, Clone, Serialize, Type)]
pub struct ItItemLink {
    pub project: ProjectId,
    pub project_title: String,
    pub name: ItItemName,
    pub status: ItStatus,
}

/// A person's place in one project's RACI.
#[derive(Debug, Clone, Serialize, Type)]
pub struct RaciPlace {
    pub project: ProjectId,
    pub project_title: String,
    pub roles: Vec<RaciRoleAt>,
}

/// One letter of a person's in a RACI: what they are for which activity.
#[derive(Debug, Clone, Serialize, Type)]
pub struct RaciRoleAt {
    pub row: RowName,
    pub role: RaciRole,
}

/// A project named from somewhere else.
#[derive(Debug, Clone, Serialize, Type)]
pub struct ProjectLink {
    pub id: ProjectId,
    pub title: String,
    /// In the trash.
    pub trashed: bool,
}

/// A task named from somewhere else, with its project.
#[derive(Debug, Clone, Serialize, Type)]
pub struct TaskLink {
    pub project: ProjectId,
    pub project_title: String,
    pub title: String,
}

impl PersonDetail {
    /// How many places name the person.
    fn count_places(&self) -> usize {
        self.sponsor_of.len()
            + self.tasks.len()
            + self.templates.len()
            + self.raci.len()
            + self.it_items.len()
            + self.messages.len()
            + self.indicators.len()
            + self.trains.len()
            + self.handoffs.len()
    }
}

/// A page of the directory.
#[derive(Debug, Clone, Serialize, Type)]
pub struct Directory {
    /// The people of the page the query asks for, by name.
    pub people: Vec<PersonRow>,
    /// How many people the query keeps in all.
    pub matched: u32,
    /// How many people there are in all.
    pub total: u32,
}

/// What the directory's filters offer.
#[derive(Debug, Clone, Serialize, Type)]
pub struct DirectoryFilters {
    /// Every department named in the directory (as first written), by name.
    pub departments: Vec<String>,
    /// The vendors someone of the directory works for, by name.
    pub vendors: Vec<VendorName>,
    /// Every tag of the directory (as first written), by name.
    pub tags: Vec<String>,
}

impl Atelier {
    /// The page of the directory the query asks for, by name. Refuses an
    /// overlong search text.
    pub fn list_people(&self, query: &PeopleQuery) -> Result<Directory> {
        if let Some(e) = check_len("text", &query.text, SHORT_TEXT_MAX) {
            return Err(e.into());
        }
        let page = self.store.query_people(query)?;
        let names: HashMap<VendorId, String> = self
            .store
            .vendor_names(page.items.iter().filter_map(|p| p.fields.vendor()))
            .into_iter()
            .collect();
        Ok(Directory {
            people: page.items.into_iter().map(|p| self.person_row(p, &names)).collect(),
            matched: count(page.total),
            total: count(self.store.directory_size()),
        })
    }

    /// Every department, vendor and tag the directory's filters offer, by
    /// name.
    pub fn directory_filters(&self) -> DirectoryFilters {
        let choices = self.store.directory_choices();
        DirectoryFilters {
            departments: choices.departments,
            vendors: self
                .store
                .vendor_names(choices.vendors)
                .into_iter()
                .map(|(id, name)| VendorName { id, name })
                .collect(),
            tags: choices.tags,
        }
    }

    /// One person and everything that names them. `NotFound` when there
    /// is none.
    pub fn get_person(&self, id: PersonId) -> Result<PersonDetail> {
        let person = self.store.person(id)?;
        let names = self.store.vendor_names(person.fields.vendor()).into_iter().collect();
        let row = self.person_row(person, &names);
        let me = Some(PersonRef::Person { id });
        let mut sponsor_of = Vec::new();
        let mut tasks = Vec::new();
        for project in self.store.projects() {
            let project = project?;
            if project.fields.sponsor == me {
                sponsor_of.push(link(&project, false));
            }
            for task in self.store.tasks(project.id)? {
                if task.fields.owner == me {
                    tasks.push(TaskLink {
                        project: project.id,
                        project_title: project.fields.title.clone(),
                        title: task.fields.title,
                    });
                }
            }
        }
        sponsor_of.sort_by_cached_key(|p| fold(&p.title));
        let mut trashed: Vec<ProjectLink> = self
            .store
            .trashed_projects()?
            .into_iter()
            .filter(|t| t.project.fields.sponsor == me)
            .map(|t| link(&t.project, true))
            .collect();
        trashed.sort_by_cached_key(|p| fold(&p.title));
        sponsor_of.extend(trashed);
        let templates = self
            .store
            .templates()?
            .into_iter()
            .filter(|t| t.project.sponsor == me || t.tasks.iter().any(|s| s.owner == me))
            .map(|t| t.name)
            .collect();
        let titles: Vec<(ProjectId, String)> = self
            .store
            .projects()
            .map(|p| p.map(|p| (p.id, p.fields.title)))
            .chain(
                self.store
                    .trashed_projects()?
                    .into_iter()
                    .map(|t| Ok((t.project.id, t.project.fields.title))),
            )
            .collect::<std::result::Result<_, _>>()?;
        let raci = self
            .store
            .racis()?
            .into_iter()
            .filter(|m| m.people.contains(&id))
            .filter_map(|m| {
                let project_title = titles.iter().find(|(p, _)| *p == m.project)?.1.clone();
                let roles = m
                    .cells
                    .iter()
                    .filter(|c| c.person == id)
                    .filter_map(|c| {
                        let row = m.rows.iter().find(|r| r.id == c.row)?;
                        Some(RaciRoleAt {
                            row: row.name.clone(),
                            role: c.role,
                        })
                    })
                    .collect();
                Some(RaciPlace {
                    project: m.project,
                    project_title,
                    roles,
                })
            })
            .collect();
        let mut it_items = Vec::new();
        for list in self.store.it_checklists()? {
            let Some((_, project_title)) = titles.iter().find(|(p, _)| *p == list.project) else {
                continue;
            };
            it_items.extend(
                list.items
                    .into_iter()
                    .filter(|i| i.fields.owner == me)
                    .map(|i| ItItemLink {
                        project: list.project,
                        project_title: project_title.clone(),
                        name: i.name,
                        status: i.fields.status,
                    }),
            );
        }
        let mut messages: Vec<MessageLink> = self
            .store
            .all_messages()?
            .into_iter()
            .filter(|m| m.fields.sender == me)
            .filter_map(|m| {
                let (_, project_title) = titles.iter().find(|(p, _)| *p == m.project)?;
                Some(MessageLink {
                    project: m.project,
                    project_title: project_title.clone(),
                    subject: m.fields.subject,
                    planned: m.fields.planned,
                })
            })
            .collect();
        messages.sort_by_key(|m| m.planned.unwrap_or(NaiveDate::MAX));
        let mut indicators = Vec::new();
        for plan in self.store.evaluations()? {
            let Some((_, project_title)) = titles.iter().find(|(p, _)| *p == plan.project) else {
                continue;
            };
            indicators.extend(
                plan.indicators
                    .into_iter()
                    .filter(|i| i.fields.owner == me)
                    .map(|i| IndicatorLink {
                        project: plan.project,
                        project_title: project_title.clone(),
                        name: i.fields.name,
                    }),
            );
        }
        let mut trains = Vec::new();
        for roster in self.store.rosters()? {
            let Some((_, project_title)) = titles.iter().find(|(p, _)| *p == roster.project) else {
                continue;
            };
            if let Some(t) = roster.trainers.iter().find(|t| t.person == id) {
                trains.push(TrainerLink {
                    project: roster.project,
                    project_title: project_title.clone(),
                    step: t.fields.path.step(),
                });
            }
        }
        let handoffs = self
            .store
            .handoffs()?
            .into_iter()
            .filter(|h| h.names(id))
            .filter_map(|h| {
                let (_, title) = titles.iter().find(|(p, _)| *p == h.project)?;
                Some(ProjectLink {
                    id: h.project,
                    title: title.clone(),
                    trashed: self.store.project(h.project).is_err(),
                })
            })
            .collect();
        let mut detail = PersonDetail {
            row,
            sponsor_of,
            tasks,
            templates,
            raci,
            it_items,
            messages,
            indicators,
            trains,
            handoffs,
            places: 0,
        };
        detail.places = u32::try_from(detail.count_places()).unwrap_or(u32::MAX);
        Ok(detail)
    }

    /// Adds someone to the directory. Refuses a blank name, an e-mail that
    /// is not one, texts over their limits, or a vendor that is not in the
    /// registry; someone else with the same e-mail waits for confirmation.
    pub fn create_person(&self, draft: PersonDraft, save: &SaveOptions) -> Result<Person> {
        let draft = self.judge_person(draft, None, save)?;
        let person = Person::create(draft, Utc::now())?;
        self.store.put_person(&person)?;
        Ok(person)
    }

    /// Replaces a person's fields under the same rules.
    pub fn update_person(&self, id: PersonId, draft: PersonDraft, save: &SaveOptions) -> Result<Person> {
        let mut person = self.store.person(id)?;
        let draft = self.judge_person(draft, Some(id), save)?;
        person.edit(draft, Utc::now())?;
        self.store.put_person(&person)?;
        Ok(person)
    }

    /// Names `by` wherever `old` is named — sponsor of live and trashed
    /// projects, task owner, templates, RACI columns, IT items, campaign
    /// senders — and removes `old` from the directory, all in one
    /// transaction. Returns how many records changed. Refuses replacing
    /// someone by themselves or by someone not in the directory.
    pub fn replace_person(&self, old: PersonId, by: PersonId) -> Result<u32> {
        self.store.person(old)?;
        if old == by {
            return Err(ValidationError::new("by", Rule::Duplicate).into());
        }
        if self.store.person(by).is_err() {
            return Err(ValidationError::new("by", Rule::NotInDirectory).into());
        }
        let now = Utc::now();
        let mut changes = PersonReplacement::default();
        for project in self.store.projects() {
            let mut project = project?;
            let id = project.id;
            if PersonRef::swap(&mut project.fields.sponsor, old, by) {
                project.updated_at = now;
                changes.projects.push(project);
            }
            for mut task in self.store.tasks(id)? {
                if PersonRef::swap(&mut task.fields.owner, old, by) {
                    task.updated_at = now;
                    changes.tasks.push(task);
                }
            }
        }
        for mut trashed in self.store.trashed_projects()? {
            if PersonRef::swap(&mut trashed.project.fields.sponsor, old, by) {
                changes.trashed.push(trashed);
            }
        }
        for mut template in self.store.templates()? {
            let mut changed = PersonRef::swap(&mut template.project.sponsor, old, by);
            for seed in &mut template.tasks {
                changed |= PersonRef::swap(&mut seed.owner, old, by);
            }
            if changed {
                changes.templates.push(template);
            }
        }
        changes.racis = self
            .store
            .racis()?
            .into_iter()
            .filter_map(|mut m| m.replace_person(old, by, now).then_some(m))
            .collect();
        changes.it_checklists = self
            .store
            .it_checklists()?
            .into_iter()
            .filter_map(|mut l| l.replace_owner(old, by, now).then_some(l))
            .collect();
        changes.evaluations = self
            .store
            .evaluations()?
            .into_iter()
            .filter_map(|mut e| e.replace_owner(old, by, now).then_some(e))
            .collect();
        changes.rosters = self
            .store
            .rosters()?
            .into_iter()
            .filter_map(|mut r| r.replace_person(old, by, now).then_some(r))
            .collect();
        changes.handoffs = self
            .store
            .handoffs()?
            .into_iter()
            .filter_map(|mut h| h.replace_person(old, by, now).then_some(h))
            .collect();
        for mut message in self.store.all_messages()? {
            if PersonRef::swap(&mut message.fields.sender, old, by) {
                message.updated_at = now;
                changes.messages.push(message);
            }
        }
        let count = changes.projects.len()
            + changes.trashed.len()
            + changes.tasks.len()
            + changes.templates.len()
            + changes.racis.len()
            + changes.it_checklists.len()
            + changes.messages.len()
            + changes.evaluations.len()
            + changes.rosters.len()
            + changes.handoffs.len();
        self.store.replace_person(old, &changes)?;
        Ok(u32::try_from(count).unwrap_or(u32::MAX))
    }

    /// Removes someone from the directory. Refuses (rule `in_use`, with how
    /// many places) while anything names them: the person's page lists
    /// those places, and offers to name someone else there instead
    /// ([`Atelier::replace_person`]).
    pub fn delete_person(&self, id: PersonId) -> Result<()> {
        let places = self.get_person(id)?.places;
        if places > 0 {
            return Err(ValidationError::with_limit("person", Rule::InUse, places as usize).into());
        }
        Ok(self.store.delete_person(id)?)
    }

    /// `person` with the name of the vendor they work for, among `names`.
    fn person_row(&self, person: Person, names: &HashMap<VendorId, String>) -> PersonRow {
        let vendor_name = person.fields.vendor().and_then(|id| names.get(&id)).cloned();
        PersonRow { person, vendor_name }
    }

    /// The people who work for `vendor`, by name.
    pub fn vendor_people(&self, vendor: VendorId) -> Result<Vec<Person>> {
        let theirs = PeopleQuery {
            vendor: Some(vendor),
            ..PeopleQuery::default()
        };
        Ok(self.store.query_people(&theirs)?.items)
    }

    /// The rule a reference to the directory breaks: a person who is not
    /// (or no longer) in it. A typed name breaks none here.
    pub(crate) fn check_person_ref(&self, field: &str, r: &Option<PersonRef>) -> Result<Option<ValidationError>> {
        Ok(match r.as_ref().and_then(PersonRef::person) {
            Some(id) if self.store.people_among([id])?.is_empty() => {
                Some(ValidationError::new(field, Rule::NotInDirectory))
            }
            _ => None,
        })
    }

    /// The draft, tidied, once its rules pass, its vendor exists and its
    /// cautions are confirmed.
    fn judge_person(&self, draft: PersonDraft, me: Option<PersonId>, save: &SaveOptions) -> Result<PersonDraft> {
        let draft = draft.normalized();
        let directory = self.store.people()?;
        save.judge(draft.validate(), || draft.cautions(&directory, me))?;
        if let Some(vendor) = draft.vendor() {
            self.store.vendor(vendor)?;
        }
        Ok(draft)
    }
}

/// A count as the screens show it.
fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A project as a link from a person's page.
fn link(project: &Project, trashed: bool) -> ProjectLink {
    ProjectLink {
        id: project.id,
        title: project.fields.title.clone(),
        trashed,
    }
}
