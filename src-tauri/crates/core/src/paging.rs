//! Long lists are read a page at a time: a query names the first row it
//! wants and how many, and the answer says how many rows there are in all.

use std::ops::Range;

/// Rows returned when a query asks for none in particular.
pub const DEFAULT_PAGE: u32 = 100;
/// The largest page one query may ask for.
pub const MAX_PAGE: u32 = 500;

/// How many rows a page asked for with `limit` holds: 0 means the
/// default page, and no page is larger than [`MAX_PAGE`].
pub fn page_size(limit: u32) -> usize {
    match limit {
        0 => DEFAULT_PAGE as usize,
        n => n.min(MAX_PAGE) as usize,
    }
}

/// The positions of the rows a page from `offset` holding `size` rows
/// covers in a list of `total`: empty past the end.
pub fn page_bounds(offset: u32, size: usize, total: usize) -> Range<usize> {
    let start = (offset as usize).min(total);
    start..start.saturating_add(size).min(total)
}

/// Like [`page_bounds`] for a query whose `limit` may be `None`: every
/// row from `offset` (a choice list), or else a page of [`page_size`].
pub fn page_or_rest(offset: u32, limit: Option<u32>, total: usize) -> Range<usize> {
    page_bounds(offset, limit.map_or(usize::MAX, page_size), total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_stop_at_the_end_of_the_list() {
        assert_eq!(page_bounds(0, 100, 250), 0..100);
        assert_eq!(page_bounds(200, 100, 250), 200..250);
        assert_eq!(page_bounds(300, 100, 250), 250..250);
        assert_eq!(page_bounds(u32::MAX, usize::MAX, 3), 3..3);
        assert_eq!(page_size(0), 100);
        assert_eq!(page_size(7), 7);
        assert_eq!(page_size(10_000), 500);
        assert_eq!(page_or_rest(10, None, 1_000), 10..1_000);
        assert_eq!(page_or_rest(100, Some(100), 150), 100..150);
        assert_eq!(page_or_rest(0, Some(0), 1_000), 0..100);
    }
}
