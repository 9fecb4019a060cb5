//! The main window fits the screen it opens on: 1280×820 where there is
//! room, no more than the work area of a smaller screen (a 1366×768 or
//! 1024×768 corporate laptop, a 1280×800 one), title bar included. It is
//! created hidden, sized, centred, then shown, so it never flashes at a
//! size that does not fit.

use tauri::{LogicalSize, Runtime, WebviewWindow};

/// The window's size where the screen allows it, in logical pixels.
pub const PREFERRED: (f64, f64) = (1280.0, 820.0);
/// The content size for a work area of `work` logical pixels when the
/// window's frame (title bar, borders) takes `frame`: the preferred size,
/// shrunk to what fits.
pub fn fitted(work: (f64, f64), frame: (f64, f64)) -> (f64, f64) {
    let room = ((work.0 - frame.0).max(1.0), (work.1 - frame.1).max(1.0));
    (PREFERRED.0.min(room.0), PREFERRED.1.min(room.1))
}

/// Sizes the hidden window to its screen, centres it and shows it. Without
/// a monitor to measure (a headless session), it is shown as configured.
pub fn fit_to_screen<R: Runtime>(window: &WebviewWindow<R>) -> tauri::Result<()> {
    let monitor = match window.current_monitor()? {
        Some(m) => Some(m),
        None => window.primary_monitor()?,
    };
    if let Some(monitor) = monitor {
        let scale = monitor.scale_factor();
        let area = monitor.work_area().size;
        let (outer, inner) = (window.outer_size()?, window.inner_size()?);
        let frame = (
            f64::from(outer.width.saturating_sub(inner.width)) / scale,
            f64::from(outer.height.saturating_sub(inner.height)) / scale,
        );
        let (width, height) = fitted((f64::from(area.width) / scale, f64::from(area.height) / scale), frame);
        window.set_size(LogicalSize::new(width, height))?;
        window.center()?;
    }
    window.show()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_keeps_its_size_on_a_large_screen() {
        assert_eq!(fitted((1920.0, 1040.0), (0.0, 37.0)), PREFERRED);
    }

    #[test]
    fn the_window_fits_a_small_laptop_screen_with_its_title_bar() {
        assert_eq!(fitted((1024.0, 768.0), (0.0, 0.0)), (1024.0, 768.0));
        assert_eq!(fitted((1366.0, 728.0), (2.0, 37.0)), (1280.0, 691.0));
        assert_eq!(fitted((1280.0, 800.0), (0.0, 30.0)), (1280.0, 770.0));
    }
}
