//! The main window opens where the DLM left it: Tauri's window-state
//! plugin saves its size, position and maximised state when Atelier
//! closes (`.window-state.json` in the app's config folder) and [`place`]
//! puts it back. A first start — or a saved place that would now fall off
//! the screens attached (a monitor unplugged, a smaller laptop screen) —
//! fits the screen instead: 1280×820 where there is room, no more than the
//! work area of a smaller screen (a 1366×768 or 1024×768 corporate laptop,
//! a 1280×800 one), title bar included. The window is created hidden,
//! placed, then shown, so it never flashes at a size that does not fit.

use std::collections::HashMap;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use serde::Deserialize;
use tauri::{
    AppHandle, LogicalSize, Manager, PhysicalPosition, PhysicalRect, PhysicalSize, Runtime, WebviewWindow, WindowEvent,
};
use tauri_plugin_window_state::{AppHandleExt, StateFlags, WindowExt};

/// What is remembered of the window. Not whether it is visible (it is
/// created hidden and shown by [`place`]), nor its decorations.
pub const REMEMBERED: StateFlags = StateFlags::SIZE
    .union(StateFlags::POSITION)
    .union(StateFlags::MAXIMIZED);

/// How far (in physical pixels) a saved window may overhang a screen's
/// work area and still count as on it: window managers place frames a few
/// pixels past the edge.
const SLACK: i64 = 10;

/// The window's saved state, as the window-state plugin writes it: the
/// inner size and outer position in physical pixels, and, when it was
/// maximised, the position it had before.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Saved {
    pub width: u32,
    pub height: u32,
    pub x: i32,
    pub y: i32,
    pub prev_x: i32,
    pub prev_y: i32,
    pub maximized: bool,
}

/// Where the window goes at start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// Back where it was left (the plugin's saved state).
    Restore,
    /// Fitted to its screen and centred, then maximised if it was.
    Fit { maximize: bool },
}

/// Where the window goes, given what was saved (if anything), its frame
/// (outer less inner size) and the work areas of the screens attached,
/// all in physical pixels: back where it was when that place lies on one
/// screen's work area, fitted otherwise.
pub fn placement(saved: Option<&Saved>, frame: PhysicalSize<u32>, areas: &[PhysicalRect<i32, u32>]) -> Placement {
    let Some(saved) = saved.filter(|s| s.width > 0 && s.height > 0) else {
        return Placement::Fit { maximize: false };
    };
    // A maximised window comes back maximised over the place it had
    // before: that place is what must be on a screen.
    let (x, y) = if saved.maximized {
        (saved.prev_x, saved.prev_y)
    } else {
        (saved.x, saved.y)
    };
    let (left, top) = (i64::from(x), i64::from(y));
    let right = left + i64::from(saved.width) + i64::from(frame.width);
    let bottom = top + i64::from(saved.height) + i64::from(frame.height);
    let on = |area: &PhysicalRect<i32, u32>| {
        let (a_left, a_top) = (i64::from(area.position.x), i64::from(area.position.y));
        let (a_right, a_bottom) = (a_left + i64::from(area.size.width), a_top + i64::from(area.size.height));
        left >= a_left - SLACK && top >= a_top - SLACK && right <= a_right + SLACK && bottom <= a_bottom + SLACK
    };
    if areas.iter().any(on) {
        Placement::Restore
    } else {
        Placement::Fit {
            maximize: saved.maximized,
        }
    }
}

/// The state the window-state plugin saved for `window`, if any (none
/// when its file is missing or cannot be read: the window is then fitted,
/// as at a first start).
fn saved<R: Runtime>(window: &WebviewWindow<R>) -> Option<Saved> {
    let app = window.app_handle();
    let file = app.path().app_config_dir().ok()?.join(app.filename());
    let text = std::fs::read(file).ok()?;
    let mut all: HashMap<String, Saved> = serde_json::from_slice(&text).ok()?;
    // The plugin writes zeros for a window it never saw move.
    all.remove(window.label()).filter(|s| s.width > 0 && s.height > 0)
}

/// Puts the hidden window back where it was left, or fits it to its
/// screen (see [`placement`]), then shows it.
pub fn place<R: Runtime>(window: &WebviewWindow<R>) -> tauri::Result<()> {
    let areas: Vec<PhysicalRect<i32, u32>> = window.available_monitors()?.iter().map(|m| *m.work_area()).collect();
    let (outer, inner) = (window.outer_size()?, window.inner_size()?);
    let frame = PhysicalSize::new(
        outer.width.saturating_sub(inner.width),
        outer.height.saturating_sub(inner.height),
    );
    let saved = saved(window);
    match placement(saved.as_ref(), frame, &areas) {
        Placement::Restore => {
            window.restore_state(REMEMBERED)?;
            log::info!("window: back to its saved size and place");
        }
        Placement::Fit { maximize } => {
            fit_to_screen(window)?;
            if maximize {
                window.maximize()?;
            }
            match saved {
                Some(_) => log::info!("window: its saved place is off the screen, fitted to the screen"),
                None => log::info!("window: fitted to the screen"),
            }
        }
    }
    window.show()
}

/// How long the window must stay still before its place is saved.
const SAVE_AFTER: Duration = Duration::from_millis(500);

/// Saves the window's state once it has stayed still for [`SAVE_AFTER`]
/// after a move or a resize, and when it is asked to close. The plugin
/// itself saves only when Atelier exits normally; a session that ends
/// otherwise (logged out, killed, a crash) would lose the place.
pub fn keep_state<R: Runtime>(window: &WebviewWindow<R>) {
    let (moved, still) = mpsc::channel::<()>();
    let app = window.app_handle().clone();
    std::thread::spawn(move || {
        while still.recv().is_ok() {
            // Every move restarts the wait: a drag is saved once, at its end.
            loop {
                match still.recv_timeout(SAVE_AFTER) {
                    Ok(()) => continue,
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
            // On the main thread: the plugin updates its state there, under
            // the lock its save takes.
            let on_main = app.clone();
            let _ = app.run_on_main_thread(move || save(&on_main));
        }
    });
    let app = window.app_handle().clone();
    window.on_window_event(move |event| match event {
        WindowEvent::Moved(_) | WindowEvent::Resized(_) => {
            let _ = moved.send(());
        }
        WindowEvent::CloseRequested { .. } => save(&app),
        _ => {}
    });
}

/// Writes the window's state to the plugin's file now.
fn save<R: Runtime>(app: &AppHandle<R>) {
    if let Err(e) = app.save_window_state(REMEMBERED) {
        log::warn!("window: its place could not be saved ({e})");
    }
}

/// The window's size where the screen allows it, in logical pixels.
pub const PREFERRED: (f64, f64) = (1280.0, 820.0);
/// The content size for a work area of `work` logical pixels when the
/// window's frame (title bar, borders) takes `frame`: the preferred size,
/// shrunk to what fits.
pub fn fitted(work: (f64, f64), frame: (f64, f64)) -> (f64, f64) {
    let room = ((work.0 - frame.0).max(1.0), (work.1 - frame.1).max(1.0));
    (PREFERRED.0.min(room.0), PREFERRED.1.min(room.1))
}

/// Where a window of `outer` size (frame included) sits centred on the
/// work area `area`, all in physical pixels; at the area's top left when
/// it is larger.
pub fn centred(area: &PhysicalRect<i32, u32>, outer: PhysicalSize<u32>) -> PhysicalPosition<i32> {
    let offset = |room: u32, size: u32| i32::try_from(room.saturating_sub(size) / 2).unwrap_or(0);
    PhysicalPosition::new(
        area.position.x.saturating_add(offset(area.size.width, outer.width)),
        area.position.y.saturating_add(offset(area.size.height, outer.height)),
    )
}

/// Sizes the hidden window to its screen and centres it on the work area.
/// Without a monitor to measure (a headless session), it keeps its
/// configured size.
///
/// The centre is computed here rather than with `Window::center`, which on
/// Linux reads the size of a window not yet shown as 0×0 and put its
/// top-left corner in the middle of the screen.
fn fit_to_screen<R: Runtime>(window: &WebviewWindow<R>) -> tauri::Result<()> {
    let monitor = match window.current_monitor()? {
        Some(m) => Some(m),
        None => window.primary_monitor()?,
    };
    if let Some(monitor) = monitor {
        let scale = monitor.scale_factor();
        let area = *monitor.work_area();
        let (outer, inner) = (window.outer_size()?, window.inner_size()?);
        let frame = PhysicalSize::new(
            outer.width.saturating_sub(inner.width),
            outer.height.saturating_sub(inner.height),
        );
        let (width, height) = fitted(
            (f64::from(area.size.width) / scale, f64::from(area.size.height) / scale),
            (f64::from(frame.width) / scale, f64::from(frame.height) / scale),
        );
        let size = LogicalSize::new(width, height);
        window.set_size(size)?;
        let inner: PhysicalSize<u32> = size.to_physical(scale);
        let outer = PhysicalSize::new(inner.width + frame.width, inner.height + frame.height);
        window.set_position(centred(&area, outer))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_keeps_its_size_on_a_large_screen() {
        assert_eq!(fitted((1920.0, 1040.0), (0.0, 37.0)), PREFERRED);
    }

    /// A 1920×1080 screen with a 40 px panel at the bottom, and a
    /// 1366×768 one to its right.
    fn screens() -> Vec<PhysicalRect<i32, u32>> {
        vec![
            PhysicalRect {
                position: PhysicalPosition::new(0, 0),
                size: PhysicalSize::new(1920, 1040),
            },
            PhysicalRect {
                position: PhysicalPosition::new(1920, 0),
                size: PhysicalSize::new(1366, 768),
            },
        ]
    }

    fn left_at(x: i32, y: i32, width: u32, height: u32) -> Saved {
        Saved {
            width,
            height,
            x,
            y,
            ..Saved::default()
        }
    }

    const TITLE_BAR: PhysicalSize<u32> = PhysicalSize::new(0, 37);

    #[test]
    fn a_first_start_fits_the_screen() {
        assert_eq!(
            placement(None, TITLE_BAR, &screens()),
            Placement::Fit { maximize: false }
        );
        // What the plugin writes for a window it never saw move.
        assert_eq!(
            placement(Some(&Saved::default()), TITLE_BAR, &screens()),
            Placement::Fit { maximize: false }
        );
    }

    #[test]
    fn a_window_left_on_a_screen_comes_back_there() {
        let on_first = left_at(100, 50, 1000, 700);
        assert_eq!(placement(Some(&on_first), TITLE_BAR, &screens()), Placement::Restore);
        let on_second = left_at(2000, 20, 1200, 700);
        assert_eq!(placement(Some(&on_second), TITLE_BAR, &screens()), Placement::Restore);
        // Snug against the panel, the frame a few pixels past the edge.
        let snug = left_at(-4, 0, 1920, 1003 + 4);
        assert_eq!(placement(Some(&snug), TITLE_BAR, &screens()), Placement::Restore);
    }

    #[test]
    fn a_window_that_would_fall_off_the_screens_is_fitted() {
        // Its screen was unplugged.
        let gone = left_at(3400, 100, 1200, 700);
        assert_eq!(
            placement(Some(&gone), TITLE_BAR, &screens()),
            Placement::Fit { maximize: false }
        );
        // Half on the smaller screen, half below it.
        let below = left_at(2000, 400, 1200, 700);
        assert_eq!(
            placement(Some(&below), TITLE_BAR, &screens()),
            Placement::Fit { maximize: false }
        );
        // Larger than any screen now attached (it was on a 4K one).
        let large = left_at(0, 0, 3000, 1900);
        assert_eq!(
            placement(Some(&large), TITLE_BAR, &screens()),
            Placement::Fit { maximize: false }
        );
        // No screen could be measured.
        assert_eq!(
            placement(Some(&left_at(100, 50, 1000, 700)), TITLE_BAR, &[]),
            Placement::Fit { maximize: false }
        );
    }

    #[test]
    fn a_maximised_window_is_judged_by_the_place_it_had_before() {
        let maximised = Saved {
            maximized: true,
            prev_x: 200,
            prev_y: 100,
            x: 0,
            y: 0,
            ..left_at(0, 0, 1000, 700)
        };
        assert_eq!(placement(Some(&maximised), TITLE_BAR, &screens()), Placement::Restore);
        let from_a_gone_screen = Saved {
            prev_x: 5000,
            ..maximised
        };
        assert_eq!(
            placement(Some(&from_a_gone_screen), TITLE_BAR, &screens()),
            Placement::Fit { maximize: true }
        );
    }

    #[test]
    fn the_saved_state_is_read_from_the_plugin_file() {
        // The shape `tauri-plugin-window-state` 2.4 writes.
        let file = r#"{ "main": { "width": 1000, "height": 700, "x": 100, "y": 50, "prev_x": 60,
            "prev_y": 40, "maximized": false, "visible": true, "decorated": true, "fullscreen": false } }"#;
        let all: HashMap<String, Saved> = serde_json::from_str(file).expect("reads");
        assert_eq!(all["main"], left_at(100, 50, 1000, 700).with_prev(60, 40));
    }

    impl Saved {
        fn with_prev(self, prev_x: i32, prev_y: i32) -> Saved {
            Saved { prev_x, prev_y, ..self }
        }
    }

    #[test]
    fn a_fitted_window_is_centred_on_the_work_area() {
        let [first, second] = [screens()[0], screens()[1]];
        assert_eq!(
            centred(&first, PhysicalSize::new(1280, 857)),
            PhysicalPosition::new(320, 91)
        );
        assert_eq!(
            centred(&second, PhysicalSize::new(1280, 768)),
            PhysicalPosition::new(1963, 0)
        );
        // Larger than the area: at its top left, never before it.
        assert_eq!(
            centred(&second, PhysicalSize::new(1400, 800)),
            PhysicalPosition::new(1920, 0)
        );
    }

    #[test]
    fn the_window_fits_a_small_laptop_screen_with_its_title_bar() {
        assert_eq!(fitted((1024.0, 768.0), (0.0, 0.0)), (1024.0, 768.0));
        assert_eq!(fitted((1366.0, 728.0), (2.0, 37.0)), (1280.0, 691.0));
        assert_eq!(fitted((1280.0, 800.0), (0.0, 30.0)), (1280.0, 770.0));
    }
}
