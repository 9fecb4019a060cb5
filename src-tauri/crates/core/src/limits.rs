//! Size limits on what a user can type. They keep every stored record small
//! (sled slows down badly with multi-megabyte values) and the UI readable.

/// Project title, in characters.
pub const TITLE_MAX: usize = 200;
/// One-line texts: sponsor, audience, a tag, an objective.
pub const SHORT_TEXT_MAX: usize = 500;
/// Paragraph texts: summary, business need.
pub const LONG_TEXT_MAX: usize = 10_000;
/// Number of objectives on one project.
pub const OBJECTIVES_MAX: usize = 50;
/// Number of tags on one project.
pub const TAGS_MAX: usize = 30;
/// Characters in one tag.
pub const TAG_MAX: usize = 40;
/// Largest amount in cents: one hundred billion units, far above any
/// training budget and well inside the integers JavaScript represents exactly.
pub const AMOUNT_MAX_CENTS: i64 = 10_000_000_000_000;
/// Earliest year a date may carry: earlier ones are typos (0007 for 2007).
pub const DATE_MIN_YEAR: i32 = 2000;
/// Latest year a date may carry.
pub const DATE_MAX_YEAR: i32 = 2100;
