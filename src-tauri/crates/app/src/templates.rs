//! Project templates and duplication.

use atelier_core::builtin_templates::builtin_templates;
use atelier_core::template::duplicate;
use atelier_core::validation::check_date;
use atelier_core::{Lang, Project, ProjectId, Template, TemplateId};
use chrono::{NaiveDate, Utc};
use serde::Serialize;
use specta::Type;

use crate::{AppError, Atelier, Result};

/// A template as the chooser shows it.
#[derive(Debug, Clone, Serialize, Type)]
pub struct TemplateSummary {
    pub id: TemplateId,
    pub name: String,
    pub description: String,
    pub builtin: bool,
    pub length_days: Option<u32>,
    pub cycles: u32,
    pub tasks: u32,
    pub activities: u32,
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl From<&Template> for TemplateSummary {
    fn from(t: &Template) -> Self {
        Self {
            id: t.id,
            name: t.name.clone(),
            description: t.description.clone(),
            builtin: t.builtin,
            length_days: t.length_days,
            cycles: count(t.cycles.len()),
            tasks: count(t.tasks.len()),
            activities: count(t.activities.len()),
        }
    }
}

impl Atelier {
    /// The built-in templates (in the DLM's language) then the saved ones.
    pub fn list_templates(&self, lang: Lang) -> Result<Vec<TemplateSummary>> {
        let mut all: Vec<Template> = builtin_templates(lang, Utc::now());
        all.extend(self.store.templates()?);
        Ok(all.iter().map(TemplateSummary::from).collect())
    }

    /// Creates a project from a template: its fields, expected artefacts,
    /// cycles, tasks and learning path, with dates counted from `start`.
    /// Refuses an unknown template or a title that breaks the project rules.
    pub fn create_from_template(
        &self,
        template: TemplateId,
        lang: Lang,
        title: String,
        start: NaiveDate,
    ) -> Result<Project> {
        // Checked here too, so the refusal names the field the DLM typed.
        if let Some(e) = check_date("start", Some(start)) {
            return Err(e.into());
        }
        let now = Utc::now();
        let template = builtin_templates(lang, now)
            .into_iter()
            .chain(self.store.templates()?)
            .find(|t| t.id == template)
            .ok_or(AppError::NotFound)?;
        let bundle = template.instantiate(&title, start, now)?;
        self.store.put_bundle(&bundle)?;
        Ok(bundle.project)
    }

    /// Saves a project's plan as a template under `name`.
    pub fn save_as_template(&self, project: ProjectId, name: String, description: String) -> Result<TemplateSummary> {
        let bundle = self.store.bundle(project)?;
        let template = Template::capture(&name, &description, &bundle, Utc::now())?;
        self.store.put_template(&template)?;
        Ok(TemplateSummary::from(&template))
    }

    /// Deletes a saved template. Built-in templates cannot be deleted.
    pub fn delete_template(&self, id: TemplateId) -> Result<()> {
        Ok(self.store.delete_template(id)?)
    }

    /// A new project copying this one's plan at the same dates (fields,
    /// expected artefacts, cycles, tasks back to do, learning path),
    /// titled `title`.
    pub fn duplicate_project(&self, project: ProjectId, title: String) -> Result<Project> {
        let bundle = self.store.bundle(project)?;
        let copy = duplicate(&bundle, &title, Utc::now())?;
        self.store.put_bundle(&copy)?;
        Ok(copy.project)
    }
}
