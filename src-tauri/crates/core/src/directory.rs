//! The people directory as its list filters and sorts it: one
//! [`DirectoryRow`] per person, so that the store answers a query from rows
//! in memory and reads only the people of the page it returns.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::ids::{PersonId, VendorId};
use crate::paging;
use crate::person::{Organisation, PeopleQuery, Person, PersonKind};
use crate::text::{fold, SearchWords};

/// What the directory filters and sorts a person on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectoryRow {
    pub id: PersonId,
    pub kinds: Vec<PersonKind>,
    /// The vendor they work for.
    pub vendor: Option<VendorId>,
    /// Their department as written: the department filter's choices.
    pub department: Option<String>,
    /// Their tags as written: the tag filter's choices.
    pub tags: Vec<String>,
    /// The name folded: the directory's order.
    name_key: String,
    department_key: Option<String>,
    tag_keys: Vec<String>,
    /// Name, job title and e-mail, folded: also what the registry's search
    /// looks for in the people of a vendor.
    contact_text: String,
    /// Department, location, notes and tags, folded.
    other_text: String,
}

impl DirectoryRow {
    /// The row of `person`.
    pub fn of(person: &Person) -> DirectoryRow {
        let f = &person.fields;
        let department = match &f.organisation {
            Some(Organisation::Department { name }) => Some(name.clone()),
            _ => None,
        };
        let mut other = vec![department.as_deref().unwrap_or_default(), &f.location, &f.notes];
        other.extend(f.tags.iter().map(String::as_str));
        DirectoryRow {
            id: person.id,
            kinds: f.kinds.clone(),
            vendor: f.vendor(),
            department_key: department.as_deref().map(fold),
            other_text: fold(&other.join("\n")),
            department,
            tag_keys: f.tags.iter().map(|t| fold(t)).collect(),
            tags: f.tags.clone(),
            name_key: fold(&f.name),
            contact_text: fold(&[f.name.as_str(), &f.job_title, &f.email].join("\n")),
        }
    }

    /// Name, job title and e-mail, folded.
    pub fn contact_text(&self) -> &str {
        &self.contact_text
    }

    /// Every folded text the search words are looked for in.
    pub fn searched_texts(&self) -> [&str; 2] {
        [&self.contact_text, &self.other_text]
    }

    /// The folded name, by which the directory is sorted.
    pub fn name_key(&self) -> &str {
        &self.name_key
    }

    /// The directory's order: by name, case and accents ignored, then by
    /// id so that namesakes keep one order.
    pub fn compare(a: &DirectoryRow, b: &DirectoryRow) -> Ordering {
        a.name_key.cmp(&b.name_key).then_with(|| a.id.cmp(&b.id))
    }
}

impl PeopleQuery {
    /// Prepares the query for testing many rows: folds its words,
    /// department and tag once.
    pub fn matcher(&self) -> PeopleMatcher<'_> {
        PeopleMatcher {
            query: self,
            words: SearchWords::of(&self.text),
            department: self.department.as_deref().map(fold),
            tag: self.tag.as_deref().map(fold),
        }
    }

    /// True when the query keeps everyone: no words, no filter.
    pub fn keeps_all(&self) -> bool {
        self.text.trim().is_empty()
            && self.kinds.is_empty()
            && self.vendor.is_none()
            && self.department.is_none()
            && self.tag.is_none()
    }

    /// The positions of the rows the query's page covers in a list of `total`.
    pub fn page_bounds(&self, total: usize) -> Range<usize> {
        paging::page_or_rest(self.offset, self.limit, total)
    }
}

/// A directory query ready to test many rows.
pub struct PeopleMatcher<'q> {
    query: &'q PeopleQuery,
    words: SearchWords,
    department: Option<String>,
    tag: Option<String>,
}

impl PeopleMatcher<'_> {
    /// True when the person of `row` passes every filter and has each
    /// search word in their name, job title, department, e-mail, location,
    /// notes or tags.
    pub fn keeps(&self, row: &DirectoryRow) -> bool {
        let q = self.query;
        if !q.kinds.is_empty() && !row.kinds.iter().any(|k| q.kinds.contains(k)) {
            return false;
        }
        if q.vendor.is_some() && row.vendor != q.vendor {
            return false;
        }
        if self.department.is_some() && row.department_key != self.department {
            return false;
        }
        if let Some(tag) = &self.tag {
            if !row.tag_keys.contains(tag) {
                return false;
            }
        }
        self.words.all_in(&row.searched_texts())
    }
}

/// What the directory's filters offer: every department and tag (as first
/// written, case and accents ignored), by name, and every vendor someone
/// works for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DirectoryChoices {
    pub departments: Vec<String>,
    pub tags: Vec<String>,
    pub vendors: Vec<VendorId>,
}

impl DirectoryChoices {
    /// The choices `rows` offer, read in creation order: a department
    /// written two ways is named as it was first written.
    pub fn of<'a>(rows: impl IntoIterator<Item = &'a DirectoryRow>) -> DirectoryChoices {
        let mut departments = FirstSpelling::default();
        let mut tags = FirstSpelling::default();
        let mut vendors = Vec::new();
        let mut seen_vendors = HashSet::new();
        for row in rows {
            if let (Some(name), Some(key)) = (&row.department, &row.department_key) {
                departments.add(name, key);
            }
            for (tag, key) in row.tags.iter().zip(&row.tag_keys) {
                tags.add(tag, key);
            }
            if let Some(vendor) = row.vendor.filter(|v| seen_vendors.insert(*v)) {
                vendors.push(vendor);
            }
        }
        DirectoryChoices {
            departments: departments.by_name(),
            tags: tags.by_name(),
            vendors,
        }
    }
}

/// Names kept once per folded key, as first written.
#[derive(Default)]
struct FirstSpelling(HashMap<String, String>);

impl FirstSpelling {
    fn add(&mut self, name: &str, key: &str) {
        if !self.0.contains_key(key) {
            self.0.insert(key.to_owned(), name.to_owned());
        }
    }

    /// The names, by their folded keys.
    fn by_name(self) -> Vec<String> {
        let mut named: Vec<(String, String)> = self.0.into_iter().collect();
        named.sort_unstable();
        named.into_iter().map(|(_, name)| name).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::person::PersonDraft;
    use chrono::Utc;

    fn draft(name: &str) -> PersonDraft {
        PersonDraft {
            name: name.into(),
            ..PersonDraft::default()
        }
    }

    fn person(d: PersonDraft) -> Person {
        Person::create(d, Utc::now()).expect("valid")
    }

    #[test]
    fn the_directory_filters_by_kind_organisation_tag_and_text() {
        let vendor = VendorId::new();
        let dsi = person(PersonDraft {
            kinds: vec![PersonKind::It],
            organisation: Some(Organisation::Department { name: "DSI".into() }),
            job_title: "Responsable SSO".into(),
            tags: vec!["Siège".into()],
            ..draft("Éric Dupont")
        });
        let contact = person(PersonDraft {
            kinds: vec![PersonKind::VendorContact],
            organisation: Some(Organisation::Vendor { vendor }),
            ..draft("Ana Lopes")
        });
        let found = |q: PeopleQuery| {
            [&dsi, &contact]
                .into_iter()
                .filter(|p| q.matcher().keeps(&DirectoryRow::of(p)))
                .map(|p| p.fields.name.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(found(PeopleQuery::default()).len(), 2);
        let by_kind = PeopleQuery {
            kinds: vec![PersonKind::It, PersonKind::Hr],
            ..PeopleQuery::default()
        };
        assert_eq!(found(by_kind), ["Éric Dupont"]);
        let by_vendor = PeopleQuery {
            vendor: Some(vendor),
            ..PeopleQuery::default()
        };
        assert_eq!(found(by_vendor), ["Ana Lopes"]);
        let by_department = PeopleQuery {
            department: Some("dsi".into()),
            ..PeopleQuery::default()
        };
        assert_eq!(found(by_department), ["Éric Dupont"]);
        let by_tag = PeopleQuery {
            tag: Some("SIEGE".into()),
            ..PeopleQuery::default()
        };
        assert_eq!(found(by_tag), ["Éric Dupont"]);
        let by_text = PeopleQuery {
            text: "eric sso".into(),
            ..PeopleQuery::default()
        };
        assert_eq!(found(by_text), ["Éric Dupont"]);
    }

    #[test]
    fn the_directory_orders_by_name_whatever_the_accents() {
        let mut rows: Vec<DirectoryRow> = ["Zoé", "émile", "Alain"]
            .into_iter()
            .map(|n| DirectoryRow::of(&person(draft(n))))
            .collect();
        rows.sort_by(DirectoryRow::compare);
        let names: Vec<&str> = rows.iter().map(|r| r.contact_text()).collect();
        assert_eq!(names, ["alain\n\n", "emile\n\n", "zoe\n\n"]);
    }

    #[test]
    fn the_filters_offer_each_department_and_tag_once_as_first_written() {
        let vendor = VendorId::new();
        let rows: Vec<DirectoryRow> = [
            PersonDraft {
                organisation: Some(Organisation::Department { name: "Ventes".into() }),
                tags: vec!["Siège".into()],
                ..draft("A")
            },
            PersonDraft {
                organisation: Some(Organisation::Department { name: "VENTES".into() }),
                tags: vec!["siege".into(), "Achats".into()],
                ..draft("B")
            },
            PersonDraft {
                organisation: Some(Organisation::Department { name: "Achats".into() }),
                ..draft("C")
            },
            PersonDraft {
                organisation: Some(Organisation::Vendor { vendor }),
                ..draft("D")
            },
        ]
        .into_iter()
        .map(|d| DirectoryRow::of(&person(d)))
        .collect();
        let choices = DirectoryChoices::of(&rows);
        assert_eq!(choices.departments, ["Achats", "Ventes"]);
        assert_eq!(choices.tags, ["Achats", "Siège"]);
        assert_eq!(choices.vendors, [vendor]);
    }
}
