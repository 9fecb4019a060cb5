//! The arrows between the crates, read from `cargo metadata`: `core ← store
//! ← app ← shell` and `core ← export ← app`, nothing else. Only the shell
//! depends on tauri (and the blank window `make perf` compares it with,
//! which knows nothing of Atelier); `core` depends on neither sled nor
//! tauri, nor on any crate that does I/O.

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

use serde_json::Value;

/// Each workspace package with the names of its normal (not dev, not
/// build) dependencies.
fn dependencies() -> BTreeMap<String, BTreeSet<String>> {
    let out = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--no-deps"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let metadata: Value = serde_json::from_slice(&out.stdout).expect("json");
    metadata["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .map(|p| {
            let deps = p["dependencies"]
                .as_array()
                .expect("dependencies")
                .iter()
                .filter(|d| d["kind"].is_null())
                .map(|d| d["name"].as_str().expect("a name").to_owned())
                .collect();
            (p["name"].as_str().expect("a name").to_owned(), deps)
        })
        .collect()
}

#[test]
fn the_crates_depend_on_each_other_only_along_the_arrows() {
    let all = dependencies();
    let allowed: BTreeMap<&str, &[&str]> = BTreeMap::from([
        ("atelier-core", &[][..]),
        ("atelier-store", &["atelier-core"][..]),
        ("atelier-export", &["atelier-core"][..]),
        ("atelier-app", &["atelier-core", "atelier-store", "atelier-export"][..]),
        ("atelier", &["atelier-app"][..]),
        ("atelier-blank-window", &[][..]),
    ]);
    assert_eq!(
        all.keys().map(String::as_str).collect::<BTreeSet<_>>(),
        allowed.keys().copied().collect::<BTreeSet<_>>(),
        "a crate was added or renamed: give it its place in the arrows"
    );
    for (name, deps) in &all {
        let ours: BTreeSet<&str> = deps
            .iter()
            .map(String::as_str)
            .filter(|d| d.starts_with("atelier"))
            .collect();
        let wanted: BTreeSet<&str> = allowed[name.as_str()].iter().copied().collect();
        assert!(
            ours.is_subset(&wanted),
            "{name} depends on {ours:?}; allowed: {wanted:?}"
        );
    }
}

#[test]
fn only_the_shell_knows_tauri_and_only_the_store_knows_sled() {
    for (name, deps) in dependencies() {
        let tauri: Vec<&String> = deps.iter().filter(|d| d.starts_with("tauri")).collect();
        if name != "atelier" && name != "atelier-blank-window" {
            assert!(tauri.is_empty(), "{name} depends on {tauri:?}");
        }
        if name != "atelier-store" {
            assert!(!deps.contains("sled"), "{name} depends on sled");
        }
        if name == "atelier-core" {
            for io in ["directories", "tempfile", "tokio", "atelier-store"] {
                assert!(!deps.contains(io), "core depends on {io}");
            }
        }
    }
}
