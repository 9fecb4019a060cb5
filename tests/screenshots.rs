//! `make screenshots`: a PNG of every main screen, in French and English
//! (and French at 1024×768), under `target/screenshots/`, taken from the
//! real window. Layout problems the tour meets are printed; `e2e_layout`
//! is the test that fails on them.
#![cfg(feature = "e2e")]

mod support;

use support::tour::{visit, Tour};

async fn pictures(lang: &'static str) {
    let tour = Tour::pictures(lang);
    visit(&tour).await;
    for problem in tour.problems() {
        eprintln!("layout: {problem}");
    }
}

#[tokio::test]
async fn french_screens() {
    pictures("fr").await;
}

#[tokio::test]
async fn english_screens() {
    pictures("en").await;
}
