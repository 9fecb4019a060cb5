//! Lines a record holds in a list and the DLM adds or edits one at a time
//! — an evaluation's indicators, benefits and costs, a hand-off package's
//! assets and risks: numbered from 1 within their list, never renumbered.

use crate::validation::{Draft, Rule, ValidationError};

/// A numbered line and the draft it holds.
pub trait Line {
    type Fields: Draft;
    fn new(id: u32, fields: Self::Fields) -> Self;
    fn id(&self) -> u32;
    fn fields_mut(&mut self) -> &mut Self::Fields;
}

/// Implements [`Line`] for a struct of `id: u32` and `fields: $fields`.
macro_rules! line {
    ($line:ident, $fields:ty) => {
        impl $crate::lines::Line for $line {
            type Fields = $fields;
            fn new(id: u32, fields: $fields) -> Self {
                Self { id, fields }
            }
            fn id(&self) -> u32 {
                self.id
            }
            fn fields_mut(&mut self) -> &mut $fields {
                &mut self.fields
            }
        }
    };
}
pub(crate) use line;

/// Checks `draft` (every rule it breaks at once), then adds it as a new
/// line (`id` none; the highest number plus one, within `max`) or sets it
/// on line `id` (`required` on `line` when there is none).
pub(crate) fn save_line<T: Line>(
    lines: &mut Vec<T>,
    id: Option<u32>,
    draft: T::Fields,
    max: usize,
) -> Result<u32, Vec<ValidationError>> {
    let fields = draft.checked()?;
    match id {
        Some(id) => {
            let line = lines
                .iter_mut()
                .find(|l| l.id() == id)
                .ok_or_else(|| vec![ValidationError::new("line", Rule::Required)])?;
            *line.fields_mut() = fields;
            Ok(id)
        }
        None => {
            if lines.len() >= max {
                return Err(vec![ValidationError::with_limit("line", Rule::TooMany, max)]);
            }
            let id = lines.iter().map(Line::id).max().unwrap_or(0) + 1;
            lines.push(T::new(id, fields));
            Ok(id)
        }
    }
}
