//! `make deps-driver` installs tauri-driver exactly when needed: not again
//! when cargo's install record already has the pinned version (tauri-driver
//! 2.1.0 has no `--version` to ask), and with `--force` otherwise, so that a
//! binary cargo did not record is replaced instead of stopping the build.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

/// Runs `make deps-driver` with a stand-in cargo whose `install --list`
/// prints `installed`; returns the other cargo commands it was asked to run.
fn deps_driver_with(installed: &str) -> Vec<String> {
    let dir = tempfile::tempdir().expect("temp dir");
    let calls = dir.path().join("calls");
    let cargo = dir.path().join("cargo");
    fs::write(
        &cargo,
        format!(
            "#!/bin/sh\nif [ \"$1 $2\" = \"install --list\" ]; then printf '%s' '{installed}'; exit 0; fi\necho \"$@\" >> '{}'\n",
            calls.display()
        ),
    )
    .expect("writes the stand-in");
    fs::set_permissions(&cargo, fs::Permissions::from_mode(0o755)).expect("makes it runnable");
    let status = Command::new("make")
        .arg("-s")
        .arg("-C")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")))
        .arg("deps-driver")
        .arg(format!("CARGO={}", cargo.display()))
        .status()
        .expect("make runs");
    assert!(status.success(), "make deps-driver failed");
    fs::read_to_string(&calls)
        .unwrap_or_default()
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_pinned_driver_recorded_by_cargo_is_not_installed_again() {
    let calls = deps_driver_with("ripgrep v14.1.0:\n    rg\ntauri-driver v2.1.0:\n    tauri-driver\n");
    assert!(calls.is_empty(), "nothing to install, yet cargo was asked: {calls:?}");
}

#[test]
fn a_missing_other_or_unrecorded_driver_is_installed_over_what_is_there() {
    for listing in [
        "",
        "tauri-driver v2.0.4:\n    tauri-driver\n",
        "tauri-driver v2.1.0-rc:\n",
    ] {
        let calls = deps_driver_with(listing);
        assert_eq!(
            calls,
            ["install tauri-driver --version 2.1.0 --locked --force"],
            "with {listing:?} installed"
        );
    }
}
