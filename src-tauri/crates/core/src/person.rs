//! The people a DLM coordinates: the sponsor and business managers, HR,
//! the legal and data-protection officer, the IT department (DSI) whose
//! platforms decide whether a program can launch, vendors' contacts, and
//! the occasional trainers who deploy it. One directory for every project.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::caution::{Caution, CautionKind};
use crate::ids::{PersonId, VendorId};
use crate::limits::{LONG_TEXT_MAX, SHORT_TEXT_MAX, TAGS_MAX, TAG_MAX, TITLE_MAX};
use crate::text::fold;
use crate::validation::{check_email, check_len, check_required, normalize_tags, Draft, Rule, ValidationError};

use crate::choices::every_variant;

/// The part a person plays around the DLM's projects; several may apply
/// (an IT project manager who is also the business expert of a module).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum PersonKind {
    /// Owns the need and the budget.
    Sponsor,
    /// The IT department (DSI): platforms, SSO, network, security.
    It,
    /// Managers of the learners.
    Manager,
    /// Human resources.
    Hr,
    /// Legal counsel or the data-protection officer (DPO).
    Legal,
    /// Knows the trade the program teaches.
    BusinessExpert,
    /// An employee who trains colleagues now and then.
    OccasionalTrainer,
    /// Works for a vendor of the watch.
    VendorContact,
    /// Speaks for the learners.
    LearnerRepresentative,
}

every_variant!(PersonKind {
    Sponsor,
    It,
    Manager,
    Hr,
    Legal,
    BusinessExpert,
    OccasionalTrainer,
    VendorContact,
    LearnerRepresentative
});

/// Where a person works: a department of the company, or a vendor of the
/// registry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Organisation {
    Department { name: String },
    Vendor { vendor: VendorId },
}

/// Someone a record names — a project's sponsor, a task's owner: a person
/// of the directory, or a name typed for someone not (yet) in it, which
/// can be linked to a person later.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum PersonRef {
    Person { id: PersonId },
    Named { name: String },
}

impl PersonRef {
    /// The ref with a typed name trimmed; none for a blank name.
    pub fn normalized(r: Option<PersonRef>) -> Option<PersonRef> {
        match r {
            Some(PersonRef::Named { name }) => {
                let name = name.trim().to_owned();
                (!name.is_empty()).then_some(PersonRef::Named { name })
            }
            other => other,
        }
    }

    /// A typed name longer than a short text.
    pub fn check(field: &str, r: &Option<PersonRef>) -> Option<ValidationError> {
        match r {
            Some(PersonRef::Named { name }) => check_len(field, name, SHORT_TEXT_MAX),
            _ => None,
        }
    }

    /// The person of the directory it names, if it names one.
    pub fn person(&self) -> Option<PersonId> {
        match self {
            PersonRef::Person { id } => Some(*id),
            PersonRef::Named { .. } => None,
        }
    }

    /// The name to show: the person's from `directory`, or the one typed.
    /// `None` for a person no longer in the directory.
    pub fn name<'a>(&'a self, directory: &'a [Person]) -> Option<&'a str> {
        match self {
            PersonRef::Named { name } => Some(name),
            PersonRef::Person { id } => directory.iter().find(|p| p.id == *id).map(|p| p.fields.name.as_str()),
        }
    }

    /// Makes a ref to `old` name `by` instead; true when it did.
    pub fn swap(r: &mut Option<PersonRef>, old: PersonId, by: PersonId) -> bool {
        if r.as_ref().and_then(PersonRef::person) == Some(old) {
            *r = Some(PersonRef::Person { id: by });
            true
        } else {
            false
        }
    }
}

/// Kinds one person may carry: every kind once.
pub const PERSON_KINDS_MAX: usize = PersonKind::ALL.len();

/// What the DLM types for a person.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct PersonDraft {
    pub name: String,
    pub job_title: String,
    pub organisation: Option<Organisation>,
    pub kinds: Vec<PersonKind>,
    pub email: String,
    pub phone: String,
    pub location: String,
    /// Markdown.
    pub notes: String,
    pub tags: Vec<String>,
}

/// A person of the directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Person {
    pub id: PersonId,
    pub fields: PersonDraft,
    /// Added with the sample projects: shown as such, and removed once no
    /// project names them any more.
    #[serde(default)]
    pub sample: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Draft for PersonDraft {
    /// Trims texts, drops an empty department, repeated kinds and tags.
    fn normalized(mut self) -> Self {
        for text in [
            &mut self.name,
            &mut self.job_title,
            &mut self.email,
            &mut self.phone,
            &mut self.location,
        ] {
            *text = text.trim().to_owned();
        }
        self.notes = self.notes.trim_end().to_owned();
        self.organisation = match self.organisation {
            Some(Organisation::Department { name }) => {
                let name = name.trim().to_owned();
                (!name.is_empty()).then_some(Organisation::Department { name })
            }
            other => other,
        };
        self.kinds.sort();
        self.kinds.dedup();
        self.tags = normalize_tags(self.tags);
        self
    }

    fn validate(&self) -> Vec<ValidationError> {
        let mut e: Vec<ValidationError> = Vec::new();
        e.extend(check_required("name", &self.name, TITLE_MAX));
        for (field, text) in [
            ("job_title", &self.job_title),
            ("phone", &self.phone),
            ("location", &self.location),
        ] {
            e.extend(check_len(field, text, SHORT_TEXT_MAX));
        }
        if let Some(Organisation::Department { name }) = &self.organisation {
            e.extend(check_len("organisation", name, SHORT_TEXT_MAX));
        }
        e.extend(check_email("email", &self.email));
        e.extend(check_len("notes", &self.notes, LONG_TEXT_MAX));
        if self.tags.len() > TAGS_MAX {
            e.push(ValidationError::with_limit("tags", Rule::TooMany, TAGS_MAX));
        }
        e.extend(self.tags.iter().find_map(|t| check_len("tags", t, TAG_MAX)));
        e
    }
}

impl PersonDraft {
    /// The vendor this person works for, if any.
    pub fn vendor(&self) -> Option<VendorId> {
        match self.organisation {
            Some(Organisation::Vendor { vendor }) => Some(vendor),
            _ => None,
        }
    }

    /// What to ask before saving: someone else in `directory` already has
    /// this e-mail address (case ignored) — often the same person typed
    /// twice. `me` is the person being edited, if any.
    pub fn cautions(&self, directory: &[Person], me: Option<PersonId>) -> Vec<Caution> {
        let email = self.email.trim().to_lowercase();
        if email.is_empty() {
            return Vec::new();
        }
        directory
            .iter()
            .find(|p| Some(p.id) != me && p.fields.email.to_lowercase() == email)
            .map(|p| Caution {
                other: Some(p.id.to_string()),
                ..Caution::new("email", CautionKind::SameEmail)
            })
            .into_iter()
            .collect()
    }
}

impl Person {
    /// A new person of the directory.
    pub fn create(draft: PersonDraft, now: DateTime<Utc>) -> Result<Self, Vec<ValidationError>> {
        Ok(Self {
            id: PersonId::new(),
            fields: draft.checked()?,
            sample: false,
            created_at: now,
            updated_at: now,
        })
    }

    /// Replaces the person's fields under the same rules.
    pub fn edit(&mut self, draft: PersonDraft, now: DateTime<Utc>) -> Result<(), Vec<ValidationError>> {
        self.fields = draft.checked()?;
        self.updated_at = now;
        Ok(())
    }
}

/// How the directory is filtered. Every filter is optional; the text is
/// looked for in the name, job title, department, e-mail, location, tags
/// and notes, case and accents ignored, every word.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct PeopleQuery {
    pub text: String,
    /// People with at least one of these kinds.
    pub kinds: Vec<PersonKind>,
    /// People of this vendor.
    pub vendor: Option<VendorId>,
    /// People of this department (case and accents ignored).
    pub department: Option<String>,
    pub tag: Option<String>,
    /// Index of the first row to return.
    #[serde(default)]
    pub offset: u32,
    /// Number of rows to return (0: the default page); `None` for every
    /// row from `offset`, as a choice of people needs.
    #[serde(default)]
    pub limit: Option<u32>,
}

/// Orders people by name, case and accents ignored, then by id so that
/// namesakes keep one order.
pub fn sort_people(people: &mut [Person]) {
    people.sort_by_cached_key(|p| (fold(&p.fields.name), p.id));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn draft(name: &str) -> PersonDraft {
        PersonDraft {
            name: name.into(),
            ..PersonDraft::default()
        }
    }

    fn person(d: PersonDraft) -> Person {
        Person::create(d, Utc::now()).expect("valid")
    }

    fn rules(d: PersonDraft) -> Vec<(String, Rule)> {
        match Person::create(d, Utc::now()) {
            Ok(_) => Vec::new(),
            Err(e) => e.into_iter().map(|e| (e.field, e.rule)).collect(),
        }
    }

    #[test]
    fn every_rule_is_reported_at_once() {
        let d = PersonDraft {
            name: "  ".into(),
            email: "claire.martin@".into(),
            phone: "0".repeat(SHORT_TEXT_MAX + 1),
            notes: "n".repeat(LONG_TEXT_MAX + 1),
            ..PersonDraft::default()
        };
        assert_eq!(
            rules(d),
            [
                ("name".into(), Rule::Required),
                ("phone".into(), Rule::TooLong),
                ("email".into(), Rule::InvalidEmail),
                ("notes".into(), Rule::TooLong),
            ]
        );
    }

    #[test]
    fn a_draft_is_tidied_before_it_is_kept() {
        let p = person(PersonDraft {
            name: "  Claire Martin ".into(),
            organisation: Some(Organisation::Department { name: "   ".into() }),
            kinds: vec![PersonKind::Sponsor, PersonKind::It, PersonKind::Sponsor],
            tags: vec!["Siège".into(), " siège ".into(), String::new()],
            ..PersonDraft::default()
        });
        assert_eq!(p.fields.name, "Claire Martin");
        assert_eq!(p.fields.organisation, None, "a blank department is no department");
        assert_eq!(p.fields.kinds, [PersonKind::Sponsor, PersonKind::It]);
        assert_eq!(p.fields.tags, ["Siège"]);
    }

    #[test]
    fn the_same_email_twice_asks_first_and_names_the_other() {
        let claire = person(PersonDraft {
            email: "Claire.Martin@groupe.fr".into(),
            ..draft("Claire Martin")
        });
        let again = PersonDraft {
            email: "claire.martin@groupe.fr ".into(),
            ..draft("C. Martin")
        };
        let cautions = again.cautions(std::slice::from_ref(&claire), None);
        assert_eq!(cautions.len(), 1);
        assert_eq!(cautions[0].kind, CautionKind::SameEmail);
        assert_eq!(cautions[0].other, Some(claire.id.to_string()));
        assert!(
            claire
                .fields
                .cautions(std::slice::from_ref(&claire), Some(claire.id))
                .is_empty(),
            "a person does not clash with themself"
        );
        assert!(draft("Sans e-mail").cautions(&[claire], None).is_empty());
    }

    #[test]
    fn people_sort_by_name_whatever_the_accents() {
        let mut people = vec![person(draft("Zoé")), person(draft("émile")), person(draft("Alain"))];
        sort_people(&mut people);
        let names: Vec<&str> = people.iter().map(|p| p.fields.name.as_str()).collect();
        assert_eq!(names, ["Alain", "émile", "Zoé"]);
    }

    proptest! {
        #[test]
        fn a_kept_person_is_always_sound_and_tidy(
            name in "\\PC{0,30}",
            email in "[a-z.@ ]{0,20}",
            kinds in prop::collection::vec(0usize..PersonKind::ALL.len(), 0..12),
        ) {
            let d = PersonDraft {
                name,
                email,
                kinds: kinds.into_iter().map(|k| PersonKind::ALL[k]).collect(),
                ..PersonDraft::default()
            };
            if let Ok(p) = Person::create(d, Utc::now()) {
                prop_assert!(!p.fields.name.is_empty());
                prop_assert_eq!(p.fields.name.trim(), p.fields.name.as_str());
                prop_assert!(p.fields.kinds.len() <= PERSON_KINDS_MAX);
                prop_assert!(p.fields.kinds.windows(2).all(|w| w[0] < w[1]));
                prop_assert!(check_email("email", &p.fields.email).is_none());
            }
        }
    }
}
