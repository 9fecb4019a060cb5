//! How long Atelier took to draw its first screen, said once on the
//! standard error: the line `make perf` waits for, and a figure worth
//! having when a DLM says Atelier starts slowly.

use std::sync::{Once, OnceLock};
use std::time::Instant;

/// The line's words (the blank window `make perf` compares with says the
/// same).
pub const PAINTED: &str = "first screen painted";

static STARTED: OnceLock<Instant> = OnceLock::new();
static SAID: Once = Once::new();

/// Notes when the process started; the first call counts.
pub fn note_start() {
    STARTED.get_or_init(Instant::now);
}

/// The first screen has drawn: says so once, with the time since the start.
pub fn painted() {
    SAID.call_once(|| match STARTED.get() {
        Some(start) => {
            let ms = start.elapsed().as_millis();
            eprintln!("Atelier: {PAINTED} {ms} ms after start");
            log::info!("{PAINTED} {ms} ms after start");
        }
        None => eprintln!("Atelier: {PAINTED}"),
    });
}
