//! How the window's web view draws. Atelier is forms, lists and a few
//! charts: WebKitGTK's GPU compositing buys it nothing visible, and costs a
//! GL context in every window (about 60 MB), a composited layer for each
//! card on screen (about 1.4 MB each) and some 200 ms before the first
//! screen is drawn (`make perf`, docs/ARCHITECTURE.md "Start-up and memory,
//! measured"). It also is what leaves some graphics drivers with a blank
//! window. So Atelier asks WebKit to draw in software, unless told
//! otherwise. (The end-to-end scenarios tell it otherwise: WebKitWebDriver
//! cannot take a screenshot of a view drawn in software.)

/// WebKitGTK's switch for software drawing, read by the web process it
/// starts.
const WEBKIT_SWITCH: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
/// Set (to anything) to keep WebKit's GPU compositing.
const KEEP_GPU: &str = "ATELIER_GPU_COMPOSITING";

/// Asks for software drawing, unless WebKit's switch was already given a
/// value or [`KEEP_GPU`] is set. Called first thing, before any thread or
/// web view exists.
pub fn prefer_software() {
    if cfg!(target_os = "linux") && std::env::var_os(WEBKIT_SWITCH).is_none() && std::env::var_os(KEEP_GPU).is_none() {
        std::env::set_var(WEBKIT_SWITCH, "1");
    }
}
