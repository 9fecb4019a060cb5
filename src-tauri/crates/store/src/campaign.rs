//! Each project's campaign messages: child records keyed
//! `project ++ message`, so they leave with the project when it is purged.

use atelier_core::campaign::Message;
use atelier_core::search::SearchKind;
use atelier_core::{MessageId, ProjectId};

use crate::children::{self, child_key};
use crate::{Result, Store, StoreError};

impl Store {
    /// A project's messages, in creation order.
    pub fn messages(&self, project: ProjectId) -> Result<Vec<Message>> {
        children::list(self, &self.messages, project.as_bytes())
    }

    /// Every message of every project, trashed ones included.
    pub fn all_messages(&self) -> Result<Vec<Message>> {
        self.read_all(&self.messages, self.messages.iter())
    }

    /// One message; `NotFound` when absent.
    pub fn message(&self, project: ProjectId, id: MessageId) -> Result<Message> {
        children::get(self, &self.messages, project.as_bytes(), id.as_bytes())
    }

    /// Writes a message, then flushes.
    pub fn put_message(&self, message: &Message) -> Result<()> {
        self.writable()?;
        children::put_all(
            &self.messages,
            message.project.as_bytes(),
            [(message.id.as_bytes(), message)],
        )?;
        self.flush()?;
        self.search.put([message]);
        Ok(())
    }

    /// Deletes a message, then flushes.
    pub fn delete_message(&self, project: ProjectId, id: MessageId) -> Result<()> {
        self.writable()?;
        self.messages
            .remove(child_key(project.as_bytes(), id.as_bytes()))?
            .ok_or(StoreError::NotFound)?;
        self.flush()?;
        self.search.forget(SearchKind::Message, [id.0]);
        Ok(())
    }
}
