//! A project's design thinking: its phase state (phase, gate overrides,
//! dot votes) and its artefacts.

use atelier_core::search::SearchKind;
use atelier_core::{Artefact, ArtefactId, DesignState, ProjectId};

use crate::children::{self, child_key};
use crate::envelope::encode;
use crate::{Result, Store, StoreError};

impl Store {
    /// The project's design-thinking state, or the default for a project
    /// that has none saved yet.
    pub fn design_state(&self, project: ProjectId) -> Result<DesignState> {
        match self.design_states.get(project.as_bytes())? {
            Some(bytes) => self.read_one(&self.design_states, project.as_bytes(), &bytes),
            None => Ok(DesignState::default()),
        }
    }

    /// Saves the design-thinking state, then flushes.
    pub fn put_design_state(&self, project: ProjectId, state: &DesignState) -> Result<()> {
        self.writable()?;
        self.design_states.insert(project.as_bytes(), encode(state)?)?;
        self.flush()
    }

    /// The project's artefacts, in creation order.
    pub fn artefacts(&self, project: ProjectId) -> Result<Vec<Artefact>> {
        children::list(self, &self.artefacts, project.as_bytes())
    }

    /// Writes an artefact, then flushes.
    pub fn put_artefact(&self, artefact: &Artefact) -> Result<()> {
        self.writable()?;
        children::put_all(
            &self.artefacts,
            artefact.project.as_bytes(),
            [(artefact.id.as_bytes(), artefact)],
        )?;
        self.flush()?;
        self.search.put([artefact]);
        Ok(())
    }

    /// Deletes an artefact and saves the design state without its votes, in
    /// one transaction, then flushes.
    pub fn delete_artefact(&self, project: ProjectId, id: ArtefactId, state: &DesignState) -> Result<()> {
        self.writable()?;
        let key = child_key(project.as_bytes(), id.as_bytes());
        let encoded = encode(state)?;
        use sled::transaction::{ConflictableTransactionError, Transactional};
        (&self.artefacts, &self.design_states)
            .transaction(|(artefacts, states)| {
                artefacts
                    .remove(&key[..])?
                    .ok_or(ConflictableTransactionError::Abort(StoreError::NotFound))?;
                states.insert(project.as_bytes(), encoded.as_slice())?;
                Ok(())
            })
            .map_err(StoreError::from)?;
        self.flush()?;
        self.search.forget(SearchKind::Artefact, [id.0]);
        Ok(())
    }
}
