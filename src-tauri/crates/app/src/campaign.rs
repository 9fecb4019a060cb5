//! A project's communication campaign: its messages, what is wrong with
//! the plan, and what goes out next.

use atelier_core::campaign::{self, CampaignWarning, Message, MessageChannel, MessageDraft, MESSAGES_MAX};
use atelier_core::{Cycle, CycleId, MessageId, ProjectId, Rule, SaveOptions, ValidationError};
use chrono::{NaiveDate, Utc};
use serde::Serialize;
use specta::Type;

use crate::{today, Atelier, Result};

/// The campaign as the coordination tab shows it.
#[derive(Debug, Clone, Serialize, Type)]
pub struct CampaignView {
    /// By planned date (undated ones last), then as they were written.
    pub messages: Vec<MessageView>,
    pub warnings: Vec<CampaignWarning>,
}

/// One message, with its sender's name and whether a warning names it.
#[derive(Debug, Clone, Serialize, Type)]
pub struct MessageView {
    pub message: Message,
    /// The sender's name: the person's, or the text typed.
    pub sender_name: Option<String>,
    pub flagged: bool,
}

/// What goes out next, as the project's overview lists it.
#[derive(Debug, Clone, Serialize, Type)]
pub struct CampaignSummary {
    /// The next messages still to send, soonest first (three at most).
    pub next: Vec<MessageBrief>,
    /// How many warnings the plan raises.
    pub warnings: u32,
}

/// A message in one line.
#[derive(Debug, Clone, Serialize, Type)]
pub struct MessageBrief {
    pub id: MessageId,
    pub subject: String,
    pub audience: String,
    pub channel: MessageChannel,
    pub planned: Option<NaiveDate>,
}

/// Messages the overview lists.
const NEXT_SHOWN: usize = 3;

impl Atelier {
    /// The project's campaign and its warnings. `NotFound` when the
    /// project is not live.
    pub fn get_campaign(&self, project: ProjectId) -> Result<CampaignView> {
        self.store.project(project)?;
        self.campaign_view(project)
    }

    /// Adds a message. Refuses a blank subject or audience, texts over
    /// their limits, a date out of range, a cycle of another project or a
    /// sender no longer in the directory, all at once.
    pub fn create_message(&self, project: ProjectId, draft: MessageDraft, save: &SaveOptions) -> Result<CampaignView> {
        self.store.project(project)?;
        let cycles = self.store.cycles(project)?;
        save.judge(self.message_errors(&draft, &cycles)?, Vec::new)?;
        if self.store.messages(project)?.len() >= MESSAGES_MAX {
            return Err(ValidationError::with_limit("subject", Rule::TooMany, MESSAGES_MAX).into());
        }
        let message = Message::create(project, draft, in_project(&cycles), Utc::now())?;
        self.store.put_message(&message)?;
        self.campaign_view(project)
    }

    /// Edits a message under the same rules.
    pub fn update_message(
        &self,
        project: ProjectId,
        id: MessageId,
        draft: MessageDraft,
        save: &SaveOptions,
    ) -> Result<CampaignView> {
        self.store.project(project)?;
        let mut message = self.store.message(project, id)?;
        let cycles = self.store.cycles(project)?;
        save.judge(self.message_errors(&draft, &cycles)?, Vec::new)?;
        message.edit(draft, in_project(&cycles), Utc::now())?;
        self.store.put_message(&message)?;
        self.campaign_view(project)
    }

    /// Deletes a message.
    pub fn delete_message(&self, project: ProjectId, id: MessageId) -> Result<CampaignView> {
        self.store.project(project)?;
        self.store.delete_message(project, id)?;
        self.campaign_view(project)
    }

    /// What goes out next on a project, and how many warnings its plan raises.
    pub(crate) fn campaign_summary(&self, project: ProjectId) -> Result<CampaignSummary> {
        let messages = self.store.messages(project)?;
        let today = today();
        Ok(CampaignSummary {
            next: campaign::upcoming(&messages, today, NEXT_SHOWN)
                .into_iter()
                .map(|m| MessageBrief {
                    id: m.id,
                    subject: m.fields.subject.clone(),
                    audience: m.fields.audience.clone(),
                    channel: m.fields.channel,
                    planned: m.fields.planned,
                })
                .collect(),
            warnings: u32::try_from(campaign::warnings(&messages, today).len()).unwrap_or(u32::MAX),
        })
    }

    /// Every rule the draft breaks, a sender no longer in the directory included.
    fn message_errors(&self, draft: &MessageDraft, cycles: &[Cycle]) -> Result<Vec<ValidationError>> {
        let mut errors = draft.clone().normalized().validate(in_project(cycles));
        errors.extend(self.check_person_ref("sender", &draft.sender)?);
        Ok(errors)
    }

    fn campaign_view(&self, project: ProjectId) -> Result<CampaignView> {
        let mut messages = self.store.messages(project)?;
        messages.sort_by_key(|m| (m.fields.planned.unwrap_or(NaiveDate::MAX), m.created_at));
        let warnings = campaign::warnings(&messages, today());
        let directory = self.store.people()?;
        Ok(CampaignView {
            messages: messages
                .into_iter()
                .map(|message| MessageView {
                    sender_name: message
                        .fields
                        .sender
                        .as_ref()
                        .and_then(|s| s.name(&directory))
                        .map(str::to_owned),
                    flagged: warnings.iter().any(|w| w.messages.contains(&message.id)),
                    message,
                })
                .collect(),
            warnings,
        })
    }
}

/// Whether a cycle id is one of `cycles`.
fn in_project(cycles: &[Cycle]) -> impl Fn(CycleId) -> bool + '_ {
    |c| cycles.iter().any(|x| x.id == c)
}
