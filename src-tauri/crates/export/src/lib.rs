//! Atelier's exports: everything that leaves the app as a file a colleague
//! without Atelier can open (project brief as PDF, Markdown and DOCX, ICS
//! milestones, CSV tables, project archives).
//!
//! The crate sits between `core` and `app` (`core ← export ← app`) so that
//! file formats never leak into storage or into the UI. Formats so far:
//! the vendor registry as CSV (out and back in) and the buzz-or-trend
//! radar (its layout, shared with the screen, and its SVG drawing).

pub mod archive;
pub mod brief;
pub mod document;
pub mod ics;
pub mod milestones;
pub mod portfolio_report;
pub mod radar_layout;
pub mod radar_svg;
pub mod vendor_csv;
pub mod words;
mod xml;
