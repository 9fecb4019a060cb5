//! The communication campaign: the messages that announce a program so
//! that people actually come — a teaser, the launch, reminders, results —
//! each to an audience, on a channel, from a sender, on a planned date.
//!
//! The campaign is judged here: no launch message, nothing before the
//! launch, no briefing kit for managers, two messages to one audience on
//! the same day, a message marked sent but dated in the future. These are
//! warnings on the plan, never refusals: a plan is drafted bit by bit.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::ids::{CycleId, MessageId, ProjectId};
use crate::limits::{LONG_TEXT_MAX, SHORT_TEXT_MAX, TITLE_MAX};
use crate::person::PersonRef;
use crate::text::fold;
use crate::validation::{check_date, check_len, check_required, Rule, ValidationError};

use crate::choices::every_variant;

/// Where a message goes out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type, Default)]
#[serde(rename_all = "snake_case")]
pub enum MessageChannel {
    #[default]
    Email,
    Intranet,
    /// A post in a chat channel (Teams, Slack…).
    ChatPost,
    /// A kit managers use to brief their teams.
    ManagerBriefing,
    Poster,
    Video,
    /// A live event: a kick-off, a stand, a webinar.
    LiveEvent,
}

every_variant!(MessageChannel {
    Email,
    Intranet,
    ChatPost,
    ManagerBriefing,
    Poster,
    Video,
    LiveEvent
});

/// What a message is for, in the order a campaign usually runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type, Default)]
#[serde(rename_all = "snake_case")]
pub enum MessagePurpose {
    /// Makes people curious before the launch.
    Teaser,
    #[default]
    Launch,
    Reminder,
    /// Results and testimonials, once the program has run.
    Results,
}

every_variant!(MessagePurpose {
    Teaser,
    Launch,
    Reminder,
    Results
});

/// Where a message stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type, Default)]
#[serde(rename_all = "snake_case")]
pub enum MessageStatus {
    #[default]
    Draft,
    Ready,
    Sent,
}

every_variant!(MessageStatus { Draft, Ready, Sent });

/// What the DLM types for a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, Default)]
#[serde(deny_unknown_fields)]
pub struct MessageDraft {
    /// A one-line name: the e-mail's subject, the poster's headline.
    pub subject: String,
    /// Who it is for: a segment in the DLM's words ("Managers de proximité").
    pub audience: String,
    pub channel: MessageChannel,
    pub purpose: MessagePurpose,
    /// What it says (Markdown).
    pub key_message: String,
    pub sender: Option<PersonRef>,
    pub planned: Option<NaiveDate>,
    pub status: MessageStatus,
    /// The cycle it belongs to, if any.
    pub cycle: Option<CycleId>,
}

impl MessageDraft {
    /// The draft with its texts trimmed.
    pub fn normalized(mut self) -> Self {
        self.subject = self.subject.trim().to_owned();
        self.audience = self.audience.trim().to_owned();
        self.key_message = self.key_message.trim().to_owned();
        self.sender = PersonRef::normalized(self.sender);
        self
    }

    /// Every rule the draft breaks. `cycle_exists` tells whether a cycle
    /// id belongs to the project.
    pub fn validate(&self, cycle_exists: impl Fn(CycleId) -> bool) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        errors.extend(check_required("subject", &self.subject, TITLE_MAX));
        errors.extend(check_required("audience", &self.audience, SHORT_TEXT_MAX));
        errors.extend(check_len("key_message", &self.key_message, LONG_TEXT_MAX));
        errors.extend(PersonRef::check("sender", &self.sender));
        errors.extend(check_date("planned", self.planned));
        if self.cycle.is_some_and(|c| !cycle_exists(c)) {
            errors.push(ValidationError::new("cycle", Rule::Required));
        }
        errors
    }
}

/// One message of a project's campaign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Message {
    pub id: MessageId,
    pub project: ProjectId,
    pub fields: MessageDraft,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Messages one campaign may hold.
pub const MESSAGES_MAX: usize = 100;

impl Message {
    /// A new message; every rule the draft breaks otherwise.
    pub fn create(
        project: ProjectId,
        draft: MessageDraft,
        cycle_exists: impl Fn(CycleId) -> bool,
        now: DateTime<Utc>,
    ) -> Result<Self, Vec<ValidationError>> {
        let fields = draft.normalized();
        let errors = fields.validate(cycle_exists);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Self {
            id: MessageId::new(),
            project,
            fields,
            created_at: now,
            updated_at: now,
        })
    }

    /// Replaces the message's fields under the same rules.
    pub fn edit(
        &mut self,
        draft: MessageDraft,
        cycle_exists: impl Fn(CycleId) -> bool,
        now: DateTime<Utc>,
    ) -> Result<(), Vec<ValidationError>> {
        let fields = draft.normalized();
        let errors = fields.validate(cycle_exists);
        if !errors.is_empty() {
            return Err(errors);
        }
        self.fields = fields;
        self.updated_at = now;
        Ok(())
    }
}

/// What may be wrong with a campaign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// No message launches the program.
    NoLaunch,
    /// Nothing is planned before the launch: people learn of the program
    /// the day it opens.
    NothingBeforeLaunch,
    /// Managers get no briefing kit, though they are the ones who send
    /// their teams.
    NoManagerBriefing,
    /// Two messages reach one audience on the same day.
    SameAudienceSameDay,
    /// A message marked sent is dated after today.
    SentInFuture,
}

every_variant!(WarningKind {
    NoLaunch,
    NothingBeforeLaunch,
    NoManagerBriefing,
    SameAudienceSameDay,
    SentInFuture
});

/// One warning on a campaign, with the messages it concerns (none for
/// what the campaign lacks) and, for a clash, the audience and the day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct CampaignWarning {
    pub kind: WarningKind,
    pub messages: Vec<MessageId>,
    pub audience: Option<String>,
    pub date: Option<NaiveDate>,
}

impl CampaignWarning {
    fn about(kind: WarningKind, messages: Vec<MessageId>) -> Self {
        Self {
            kind,
            messages,
            audience: None,
            date: None,
        }
    }
}

/// What is wrong with a campaign on `today`, in the order the kinds are
/// declared; nothing for a campaign with no message yet.
pub fn warnings(messages: &[Message], today: NaiveDate) -> Vec<CampaignWarning> {
    let mut found = Vec::new();
    if messages.is_empty() {
        return found;
    }
    let launch = messages
        .iter()
        .filter(|m| m.fields.purpose == MessagePurpose::Launch)
        .min_by_key(|m| m.fields.planned.unwrap_or(NaiveDate::MAX));
    match launch {
        None => found.push(CampaignWarning::about(WarningKind::NoLaunch, Vec::new())),
        Some(launch) => {
            let before = |m: &Message| match (m.fields.planned, launch.fields.planned) {
                (Some(d), Some(l)) => d < l,
                _ => false,
            };
            if !messages.iter().any(before) {
                found.push(CampaignWarning::about(
                    WarningKind::NothingBeforeLaunch,
                    vec![launch.id],
                ));
            }
        }
    }
    if !messages
        .iter()
        .any(|m| m.fields.channel == MessageChannel::ManagerBriefing)
    {
        found.push(CampaignWarning::about(WarningKind::NoManagerBriefing, Vec::new()));
    }
    let mut clashes: Vec<(String, NaiveDate, Vec<&Message>)> = Vec::new();
    for m in messages {
        let Some(date) = m.fields.planned else { continue };
        let audience = fold(&m.fields.audience);
        match clashes.iter_mut().find(|(a, d, _)| *a == audience && *d == date) {
            Some((_, _, same)) => same.push(m),
            None => clashes.push((audience, date, vec![m])),
        }
    }
    clashes.sort_by_key(|(_, date, _)| *date);
    for (_, date, same) in clashes.into_iter().filter(|(_, _, same)| same.len() > 1) {
        found.push(CampaignWarning {
            kind: WarningKind::SameAudienceSameDay,
            messages: same.iter().map(|m| m.id).collect(),
            audience: Some(same[0].fields.audience.clone()),
            date: Some(date),
        });
    }
    let sent_ahead: Vec<MessageId> = messages
        .iter()
        .filter(|m| m.fields.status == MessageStatus::Sent && m.fields.planned.is_some_and(|d| d > today))
        .map(|m| m.id)
        .collect();
    if !sent_ahead.is_empty() {
        found.push(CampaignWarning::about(WarningKind::SentInFuture, sent_ahead));
    }
    found
}

/// A launch message has gone out.
pub fn launch_sent(messages: &[Message]) -> bool {
    messages
        .iter()
        .any(|m| m.fields.purpose == MessagePurpose::Launch && m.fields.status == MessageStatus::Sent)
}

/// The messages still to send, from `today` on, soonest first (undated
/// ones last), at most `n`.
pub fn upcoming(messages: &[Message], today: NaiveDate, n: usize) -> Vec<&Message> {
    let mut next: Vec<&Message> = messages
        .iter()
        .filter(|m| m.fields.status != MessageStatus::Sent && m.fields.planned.is_none_or(|d| d >= today))
        .collect();
    next.sort_by_key(|m| (m.fields.planned.unwrap_or(NaiveDate::MAX), m.created_at));
    next.truncate(n);
    next
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).expect("a date")
    }

    fn message(
        audience: &str,
        channel: MessageChannel,
        purpose: MessagePurpose,
        planned: Option<NaiveDate>,
    ) -> Message {
        Message::create(
            ProjectId::new(),
            MessageDraft {
                subject: "Objet".into(),
                audience: audience.into(),
                channel,
                purpose,
                planned,
                ..MessageDraft::default()
            },
            |_| true,
            Utc::now(),
        )
        .expect("sound")
    }

    fn kinds(w: &[CampaignWarning]) -> Vec<WarningKind> {
        w.iter().map(|w| w.kind).collect()
    }

    #[test]
    fn a_draft_needs_a_subject_and_an_audience_and_reports_every_rule() {
        let draft = MessageDraft {
            subject: " ".into(),
            audience: String::new(),
            key_message: "x".repeat(LONG_TEXT_MAX + 1),
            planned: NaiveDate::from_ymd_opt(1999, 1, 1),
            cycle: Some(CycleId::new()),
            ..MessageDraft::default()
        };
        let errors = Message::create(ProjectId::new(), draft, |_| false, Utc::now()).expect_err("refused");
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["subject", "audience", "key_message", "planned", "cycle"]);
    }

    #[test]
    fn an_empty_campaign_has_no_warning() {
        assert!(warnings(&[], day(1)).is_empty());
    }

    #[test]
    fn a_launch_alone_is_warned_of_nothing_before_it_and_no_briefing() {
        let launch = message("Tous", MessageChannel::Email, MessagePurpose::Launch, Some(day(10)));
        let w = warnings(std::slice::from_ref(&launch), day(1));
        assert_eq!(
            kinds(&w),
            [WarningKind::NothingBeforeLaunch, WarningKind::NoManagerBriefing]
        );
        assert_eq!(w[0].messages, [launch.id]);
    }

    #[test]
    fn a_campaign_without_a_launch_says_so() {
        let teaser = message(
            "Tous",
            MessageChannel::ManagerBriefing,
            MessagePurpose::Teaser,
            Some(day(3)),
        );
        assert_eq!(kinds(&warnings(&[teaser], day(1))), [WarningKind::NoLaunch]);
    }

    #[test]
    fn a_sound_campaign_has_no_warning() {
        let plan = [
            message(
                "Managers",
                MessageChannel::ManagerBriefing,
                MessagePurpose::Teaser,
                Some(day(3)),
            ),
            message("Tous", MessageChannel::Email, MessagePurpose::Launch, Some(day(10))),
            message(
                "Tous",
                MessageChannel::ChatPost,
                MessagePurpose::Reminder,
                Some(day(17)),
            ),
        ];
        assert!(warnings(&plan, day(1)).is_empty());
    }

    #[test]
    fn two_messages_to_one_audience_on_one_day_clash_accents_and_case_aside() {
        let a = message(
            "Équipes terrain",
            MessageChannel::Email,
            MessagePurpose::Launch,
            Some(day(10)),
        );
        let b = message(
            "equipes TERRAIN",
            MessageChannel::Poster,
            MessagePurpose::Reminder,
            Some(day(10)),
        );
        let other_day = message(
            "Équipes terrain",
            MessageChannel::ManagerBriefing,
            MessagePurpose::Teaser,
            Some(day(9)),
        );
        let w = warnings(&[a.clone(), b.clone(), other_day], day(1));
        assert_eq!(kinds(&w), [WarningKind::SameAudienceSameDay]);
        assert_eq!(w[0].messages, [a.id, b.id]);
        assert_eq!(w[0].audience.as_deref(), Some("Équipes terrain"));
        assert_eq!(w[0].date, Some(day(10)));
    }

    #[test]
    fn a_message_sent_in_the_future_is_flagged() {
        let mut sent = message(
            "Managers",
            MessageChannel::ManagerBriefing,
            MessagePurpose::Teaser,
            Some(day(5)),
        );
        sent.fields.status = MessageStatus::Sent;
        let launch = message("Tous", MessageChannel::Email, MessagePurpose::Launch, Some(day(10)));
        assert!(
            warnings(&[sent.clone(), launch.clone()], day(5)).is_empty(),
            "sent today is fine"
        );
        let w = warnings(&[sent.clone(), launch], day(4));
        assert_eq!(kinds(&w), [WarningKind::SentInFuture]);
        assert_eq!(w[0].messages, [sent.id]);
    }

    #[test]
    fn upcoming_lists_what_is_left_to_send_soonest_first() {
        let mut sent = message("A", MessageChannel::Email, MessagePurpose::Teaser, Some(day(2)));
        sent.fields.status = MessageStatus::Sent;
        let past = message("A", MessageChannel::Email, MessagePurpose::Teaser, Some(day(1)));
        let later = message("A", MessageChannel::Email, MessagePurpose::Reminder, Some(day(20)));
        let soon = message("A", MessageChannel::Email, MessagePurpose::Launch, Some(day(10)));
        let undated = message("A", MessageChannel::Email, MessagePurpose::Results, None);
        let all = [sent, past, later.clone(), soon.clone(), undated.clone()];
        let next: Vec<MessageId> = upcoming(&all, day(3), 5).iter().map(|m| m.id).collect();
        assert_eq!(next, [soon.id, later.id, undated.id]);
        assert_eq!(upcoming(&all, day(3), 1).len(), 1);
    }

    proptest! {
        /// Every message a warning names is in the campaign, a clash names
        /// at least two messages of one audience and day, and a campaign
        /// with a briefing kit is never warned that it lacks one.
        #[test]
        fn warnings_name_only_the_campaign_s_messages(
            plan in prop::collection::vec((0usize..3, 0usize..7, 0usize..4, prop::option::of(1u32..8), 0usize..3), 0..12)
        ) {
            let audiences = ["Managers", "managers", "Tous"];
            let messages: Vec<Message> = plan
                .iter()
                .map(|(a, c, p, d, s)| {
                    let mut m = message(audiences[*a], MessageChannel::ALL[*c], MessagePurpose::ALL[*p], d.map(day));
                    m.fields.status = MessageStatus::ALL[*s];
                    m
                })
                .collect();
            let found = warnings(&messages, day(4));
            for w in &found {
                for id in &w.messages {
                    prop_assert!(messages.iter().any(|m| m.id == *id));
                }
                if w.kind == WarningKind::SameAudienceSameDay {
                    prop_assert!(w.messages.len() >= 2);
                    let same: Vec<&Message> = messages.iter().filter(|m| w.messages.contains(&m.id)).collect();
                    prop_assert!(same.iter().all(|m| m.fields.planned == w.date));
                    prop_assert!(same.iter().all(|m| fold(&m.fields.audience) == fold(&same[0].fields.audience)));
                }
            }
            let briefed = messages.iter().any(|m| m.fields.channel == MessageChannel::ManagerBriefing);
            prop_assert_eq!(briefed || messages.is_empty(), !found.iter().any(|w| w.kind == WarningKind::NoManagerBriefing));
        }
    }
}
