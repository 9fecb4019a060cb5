//! The projects portfolio: list, read, create, edit, move along the
//! lifecycle, trash, restore, purge.

use atelier_core::budget::{self, BudgetOverview};
use atelier_core::portfolio::{ImpactStanding, PortfolioQuery};
use atelier_core::project::{LifecycleStep, StatusMove};
use atelier_core::{
    Draft, Person, PersonId, Project, ProjectDraft, ProjectId, SaveOptions, Status, TrashedProject, ValidationError,
};
use std::collections::{BTreeMap, BTreeSet};

use chrono::Utc;
use serde::Serialize;
use specta::Type;

use crate::{today, AppError, Atelier, CampaignSummary, ItSummary, Result};

/// A project as its own page shows it: the record, and the statuses the
/// lifecycle lets it move to next (so the UI offers only those).
#[derive(Debug, Clone, Serialize, Type)]
pub struct ProjectDetail {
    pub project: Project,
    /// Its sponsor's name: the person's, or the text typed.
    pub sponsor_name: Option<String>,
    /// The moves its lifecycle allows now.
    pub moves: Vec<StatusMove>,
    /// The steps from idea to handed off, those behind it marked done.
    pub lifecycle: Vec<LifecycleStep>,
    /// Tasks not done by their due date.
    pub overdue_tasks: u32,
    /// Planned, engaged in contracts and spent, with the learning path's cost.
    pub budget: BudgetOverview,
    /// How ready IT is, and its items overdue.
    pub it: ItSummary,
    /// The next messages of its campaign, and the plan's warnings.
    pub campaign: CampaignSummary,
}

/// A project as a portfolio card or row shows it.
#[derive(Debug, Clone, Serialize, Type)]
pub struct PortfolioItem {
    pub project: Project,
    /// Its sponsor's name: the person's, or the text typed.
    pub sponsor_name: Option<String>,
    /// Tasks not done by their due date, flagged on the card.
    pub overdue_tasks: u32,
    /// The vendors' contracts exceed the planned budget, flagged on the card.
    pub over_committed: bool,
    /// How ready IT is; its overdue items are flagged on the card.
    pub it: ItSummary,
    /// Licences of its hand-off package ending within sixty days.
    pub licences_ending: u32,
    /// Its hand-off readiness and measured ROI.
    pub impact: ImpactStanding,
}

/// One window of the portfolio and the number of projects that match.
#[derive(Debug, Clone, Serialize, Type)]
pub struct ProjectPage {
    pub total: u32,
    pub offset: u32,
    pub items: Vec<PortfolioItem>,
}

impl Atelier {
    /// Filters, sorts and windows the portfolio. Refuses a search text over
    /// the short-text limit.
    pub fn list_projects(&self, query: &PortfolioQuery) -> Result<ProjectPage> {
        if let Some(e) = query.validate() {
            return Err(e.into());
        }
        let page = match query.impact {
            Some(filter) => self
                .store
                .query_projects_where(query, |p| Ok::<_, AppError>(self.impact_standing(p)?.passes(filter)))?,
            None => self.store.query_projects(query)?,
        };
        let directory = self.sponsors_of(&page.items)?;
        Ok(ProjectPage {
            total: u32::try_from(page.total).unwrap_or(u32::MAX),
            offset: query.offset,
            items: page
                .items
                .into_iter()
                .map(|project| {
                    let overdue_tasks = self.overdue_count(project.id)?;
                    let over_committed = self.budget_overview(&project)?.over_committed;
                    Ok(PortfolioItem {
                        sponsor_name: sponsor_name(&project, &directory),
                        it: self.it_summary(project.id)?,
                        licences_ending: self.licences_ending(project.id)?,
                        impact: self.impact_standing(&project)?,
                        project,
                        overdue_tasks,
                        over_committed,
                    })
                })
                .collect::<Result<_>>()?,
        })
    }

    /// Every tag used in the portfolio, once (ignoring case), sorted
    /// without regard to case or accents: the tag filter's choices.
    pub fn list_project_tags(&self) -> Result<Vec<String>> {
        // By folded tag, the first spelling met kept.
        let mut tags: BTreeMap<String, String> = BTreeMap::new();
        for tag in self.store.project_tags() {
            tags.entry(atelier_core::text::fold(&tag)).or_insert(tag);
        }
        Ok(tags.into_values().collect())
    }

    /// One live project and its possible next statuses; `NotFound` when it
    /// does not exist or is in the trash.
    pub fn get_project(&self, id: ProjectId) -> Result<ProjectDetail> {
        self.detail(self.store.project(id)?)
    }

    /// Creates a project from the form. Refuses a draft that breaks a rule,
    /// naming every field at fault together with the fields the form could
    /// not read; nothing is saved then. A project longer than five years or
    /// a budget above ten million waits for the DLM's confirmation.
    pub fn create_project(&self, draft: ProjectDraft, save: &SaveOptions) -> Result<Project> {
        let draft = draft.normalized();
        save.judge(self.project_errors(&draft)?, || draft.cautions())?;
        let project = Project::create(draft, Utc::now())?;
        self.store.put_project(&project)?;
        Ok(project)
    }

    /// Replaces a project's editable fields under the rules and cautions of
    /// [`Atelier::create_project`]. Refuses an invalid draft (the stored
    /// project stays as it was) and an unknown or trashed project.
    pub fn update_project(&self, id: ProjectId, draft: ProjectDraft, save: &SaveOptions) -> Result<Project> {
        let mut project = self.store.project(id)?;
        let draft = draft.normalized();
        save.judge(self.project_errors(&draft)?, || draft.cautions())?;
        project.edit(draft, Utc::now())?;
        self.store.put_project(&project)?;
        Ok(project)
    }

    /// Moves a project along its lifecycle. Refuses a move the lifecycle
    /// does not allow (see [`Status::allowed_next`]); a move to deployment
    /// while IT is not ready waits for the DLM's confirmation; a move to
    /// "handed off" under the package's threshold is refused (`gate_unmet`
    /// on `status`, the score as its limit) — see [`Atelier::hand_off_project`].
    pub fn change_project_status(&self, id: ProjectId, to: Status, save: &SaveOptions) -> Result<ProjectDetail> {
        if to == Status::HandedOff {
            return self.hand_off_project(id, None);
        }
        let mut project = self.store.project(id)?;
        project.change_status(to, Utc::now())?;
        let cautions = if save.confirmed {
            Vec::new()
        } else {
            self.status_cautions(id, to)?
        };
        save.judge(Vec::new(), || cautions)?;
        self.store.put_project(&project)?;
        self.detail(project)
    }

    /// Moves a project to "handed off": at or above its package's
    /// readiness threshold, or under it with a reason, recorded in the
    /// package with who gave it (the name in Settings) and when.
    pub fn hand_off_project(&self, id: ProjectId, reason: Option<String>) -> Result<ProjectDetail> {
        let mut project = self.store.project(id)?;
        project.change_status(Status::HandedOff, Utc::now())?;
        let mut handoff = self.handoff_of(id)?;
        let percent = self.handoff_readiness(&handoff)?.percent;
        let by = self.store.settings()?.user_name;
        handoff.pass_gate(percent, reason.as_deref(), &by, today(), Utc::now())?;
        self.store.put_handoff(&handoff)?;
        self.store.put_project(&project)?;
        self.detail(project)
    }

    /// Moves a project to the trash. Refuses an unknown or already trashed one.
    pub fn trash_project(&self, id: ProjectId) -> Result<TrashedProject> {
        Ok(self.store.trash_project(id, Utc::now())?)
    }

    /// The trash, most recently trashed first.
    pub fn list_trash(&self) -> Result<Vec<TrashedProject>> {
        Ok(self.store.trashed_projects()?)
    }

    /// Brings a project back from the trash exactly as it was.
    pub fn restore_project(&self, id: ProjectId) -> Result<Project> {
        Ok(self.store.restore_project(id)?)
    }

    /// Deletes a trashed project for good. Refuses a project that is not in
    /// the trash: deletion always goes through the trash first.
    pub fn purge_project(&self, id: ProjectId) -> Result<()> {
        self.store.purge_project(id)?;
        self.drop_unnamed_samples()
    }

    /// Every rule the draft breaks, a sponsor no longer in the directory
    /// included.
    fn project_errors(&self, draft: &ProjectDraft) -> Result<Vec<ValidationError>> {
        let mut errors = draft.validate();
        errors.extend(self.check_person_ref("sponsor", &draft.sponsor)?);
        Ok(errors)
    }

    fn detail(&self, project: Project) -> Result<ProjectDetail> {
        Ok(ProjectDetail {
            sponsor_name: sponsor_name(&project, &self.sponsors_of([&project])?),
            moves: project.status.moves(),
            lifecycle: project.status.lifecycle(),
            overdue_tasks: self.overdue_count(project.id)?,
            budget: self.budget_overview(&project)?,
            it: self.it_summary(project.id)?,
            campaign: self.campaign_summary(project.id)?,
            project,
        })
    }

    /// The project's budget against its contracts, spend and learning path.
    pub(crate) fn budget_overview(&self, project: &Project) -> Result<BudgetOverview> {
        let engagements = self.store.engagements(project.id)?;
        let path_cost: i64 = self
            .store
            .activities(project.id)?
            .iter()
            .filter_map(|a| a.fields.cost_cents)
            .sum();
        Ok(budget::overview(&project.fields.budget, &engagements, path_cost))
    }
}

impl Atelier {
    /// The directory's people who sponsor `projects`: enough to name each
    /// sponsor without reading the whole directory.
    pub(crate) fn sponsors_of<'a>(&self, projects: impl IntoIterator<Item = &'a Project>) -> Result<Vec<Person>> {
        let ids: BTreeSet<PersonId> = projects
            .into_iter()
            .filter_map(|p| p.fields.sponsor.as_ref()?.person())
            .collect();
        Ok(self.store.people_among(ids)?)
    }
}

/// The name a project's sponsor goes by, from `directory` when they are in it.
pub(crate) fn sponsor_name(project: &Project, directory: &[Person]) -> Option<String> {
    project.fields.sponsor.as_ref()?.name(directory).map(str::to_owned)
}
