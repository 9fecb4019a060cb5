//! The layout guard: every screen the screenshot tour visits, at 1024×768
//! and 1280×800, in French and English — every visible button, link and
//! field inside the window and not covered, no text running out of its box
//! (see `support::layout`).
#![cfg(feature = "e2e")]

mod support;

use support::layout::assert_no_problems;
use support::tour::{visit, Tour};

#[tokio::test]
async fn every_screen_fits_1024_and_1280_in_french() {
    let tour = Tour::guard("fr");
    visit(&tour).await;
    assert_no_problems(&tour.problems());
}

#[tokio::test]
async fn every_screen_fits_1024_and_1280_in_english() {
    let tour = Tour::guard("en");
    visit(&tour).await;
    assert_no_problems(&tour.problems());
}
