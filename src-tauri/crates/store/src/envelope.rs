//! The versioned JSON envelope every record is stored in:
//! `{"kind":"project","v":1,"data":{…}}`. A record names its kind, so a
//! backup or a damaged record can be read and reported on its own, and each
//! kind carries its own layout version, so one kind can change without the
//! others.

use atelier_core::brief::BriefChoice;
use atelier_core::campaign::Message;
use atelier_core::evaluation::Evaluation;
use atelier_core::handoff::Handoff;
use atelier_core::it_readiness::ItChecklist;
use atelier_core::raci::Raci;
use atelier_core::roster::Roster;
use atelier_core::scorecard::Criterion;
use atelier_core::theme::RadarTheme;
use atelier_core::vendor::JournalEntry;
use atelier_core::{
    Activity, Artefact, Cycle, DesignState, Engagement, Person, Project, Settings, Task, Template, TrashedProject,
    Vendor,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::StoreError;

/// A kind of record the store keeps: the name its envelopes carry, and the
/// version of its layout — bumped, with a migration, when the layout
/// changes in a way older records cannot be read as.
pub trait Stored {
    const KIND: &'static str;
    const VERSION: u32 = 1;
}

macro_rules! stored {
    ($($ty:ty => $kind:literal $(v $version:literal)?),* $(,)?) => {
        $(impl Stored for $ty {
            const KIND: &'static str = $kind;
            $(const VERSION: u32 = $version;)?
        })*
    };
}

stored! {
    // 2: the sponsor names a person or keeps the text typed (schema 5).
    Project => "project" v 2,
    TrashedProject => "trashed_project" v 2,
    Settings => "settings",
    [Criterion] => "criteria",
    Vec<Criterion> => "criteria",
    Cycle => "cycle",
    // 2: the owner names a person or keeps the text typed (schema 5).
    Task => "task" v 2,
    Artefact => "artefact",
    DesignState => "design_state",
    Activity => "activity",
    // 2: its project's sponsor and its tasks' owners, as in projects and
    // tasks (schema 5).
    Template => "template" v 2,
    // 2: the contacts left for the people directory (schema 4).
    Vendor => "vendor" v 2,
    JournalEntry => "journal_entry",
    Engagement => "engagement",
    RadarTheme => "theme",
    Person => "person",
    Raci => "raci",
    ItChecklist => "it_checklist",
    Message => "message",
    Evaluation => "evaluation",
    Roster => "roster",
    Handoff => "handoff",
    BriefChoice => "brief_choice",
}

#[derive(Serialize)]
struct Out<'a, T: ?Sized> {
    kind: &'static str,
    v: u32,
    data: &'a T,
}

#[derive(Deserialize)]
struct In<T> {
    kind: String,
    v: u32,
    data: T,
}

/// Serialises a record into its envelope.
pub fn encode<T: Stored + Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, StoreError> {
    serde_json::to_vec(&Out {
        kind: T::KIND,
        v: T::VERSION,
        data: value,
    })
    .map_err(|e| StoreError::Record(e.to_string()))
}

/// Reads a record out of its envelope, refusing another kind of record and
/// a layout from the future.
/// A kind of record as the check at open sees it: its name, its newest
/// layout version, and how to tell whether a record reads as it.
pub(crate) struct Kind {
    pub name: &'static str,
    pub version: u32,
    /// Why the bytes do not read as this kind, if they do not.
    pub problem: fn(&[u8]) -> Option<String>,
}

impl Kind {
    pub(crate) fn of<T: Stored + DeserializeOwned>() -> Kind {
        Kind {
            name: T::KIND,
            version: T::VERSION,
            problem: |bytes| decode::<T>(bytes).err().map(|e| e.to_string()),
        }
    }
}

pub fn decode<T: Stored + DeserializeOwned>(bytes: &[u8]) -> Result<T, StoreError> {
    let env: In<T> = serde_json::from_slice(bytes).map_err(|e| StoreError::Record(e.to_string()))?;
    if env.kind != T::KIND {
        return Err(StoreError::Record(format!(
            "a {} record where a {} was expected",
            env.kind,
            T::KIND
        )));
    }
    if env.v > T::VERSION {
        return Err(StoreError::Record(format!(
            "{} record version {} is newer than {}",
            T::KIND,
            env.v,
            T::VERSION
        )));
    }
    Ok(env.data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use atelier_core::scorecard::default_criteria;

    #[test]
    fn records_name_their_kind_and_version() {
        let criteria = default_criteria();
        let bytes = encode(criteria.as_slice()).expect("encodes");
        let text = std::str::from_utf8(&bytes).expect("utf8");
        assert!(
            text.starts_with(r#"{"kind":"criteria","v":1,"data":[{"key":"pedagogy""#),
            "{text}"
        );
        assert_eq!(decode::<Vec<Criterion>>(&bytes).expect("decodes"), criteria);
    }

    #[test]
    fn another_kind_or_a_future_version_is_refused() {
        let settings = encode(&Settings::default()).expect("encodes");
        assert!(
            decode::<Vec<Criterion>>(&settings).is_err(),
            "settings read as criteria"
        );
        assert!(decode::<Settings>(br#"{"kind":"settings","v":9,"data":{"language":null,"theme":"dark"}}"#).is_err());
        assert!(decode::<Settings>(br#"{"kind":"settings","v":1,"data":{"language":null,"theme":"dark"}}"#).is_ok());
        assert!(
            decode::<Settings>(br#"{"v":1,"data":{"language":null,"theme":"dark"}}"#).is_err(),
            "a v1 envelope"
        );
        assert!(decode::<Settings>(b"garbage").is_err());
    }
}
