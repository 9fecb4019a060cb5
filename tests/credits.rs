//! The About dialog's credits (`ui/src/lib/settings/credits.json`) say
//! the truth: every library Atelier's crates depend on directly is listed,
//! under the licence its crate declares (`cargo metadata`); every font
//! file the PDF export embeds is listed with the licence beside it; the
//! screens ship no font of their own. (The npm packages are checked by
//! `credits.test.ts`.)

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// The crates that make up the app (not `make perf`'s blank window).
const SHIPPED: &[&str] = &[
    "atelier",
    "atelier-core",
    "atelier-store",
    "atelier-export",
    "atelier-app",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn credits() -> Value {
    let text = std::fs::read_to_string(root().join("ui/src/lib/settings/credits.json")).expect("credits.json");
    serde_json::from_str(&text).expect("credits.json is JSON")
}

fn metadata() -> Value {
    let out = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1"])
        .current_dir(root())
        .output()
        .expect("cargo metadata runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("json")
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .expect("a list")
        .iter()
        .map(|s| s.as_str().expect("a string").to_owned())
        .collect()
}

/// An SPDX expression in one spelling: the old `MIT/Apache-2.0` and the
/// order of a plain choice do not matter; anything with AND is compared as
/// written.
fn normal(spdx: &str) -> String {
    if spdx.contains(" AND ") {
        return spdx.to_owned();
    }
    let mut parts: Vec<&str> = spdx
        .split(" OR ")
        .flat_map(|p| p.split('/'))
        .map(|p| p.trim_matches(|c: char| c == '(' || c == ')' || c.is_whitespace()))
        .collect();
    parts.sort_unstable();
    parts.join(" OR ")
}

#[test]
fn every_crate_is_listed_under_the_licence_it_declares() {
    let metadata = metadata();
    let packages = metadata["packages"].as_array().expect("packages");
    let credits = credits();
    let mut listed = BTreeSet::new();
    for library in credits["libraries"].as_array().expect("libraries") {
        let licence = library["licence"].as_str().expect("a licence");
        for name in strings(&library["crates"]) {
            let found: Vec<&Value> = packages.iter().filter(|p| p["name"] == name.as_str()).collect();
            assert!(!found.is_empty(), "{name} is credited but Atelier does not use it");
            for package in found {
                let declared = package["license"].as_str().unwrap_or("(none)");
                assert_eq!(
                    normal(declared),
                    normal(licence),
                    "{name} {} is under {declared}, credits.json says {licence}",
                    package["version"]
                );
            }
            listed.insert(name);
        }
    }

    let mut missing = BTreeSet::new();
    for package in packages
        .iter()
        .filter(|p| p["name"].as_str().is_some_and(|name| SHIPPED.contains(&name)))
    {
        for dependency in package["dependencies"].as_array().expect("dependencies") {
            let name = dependency["name"].as_str().expect("a name");
            if dependency["kind"].is_null() && !name.starts_with("atelier") && !listed.contains(name) {
                missing.insert(name.to_owned());
            }
        }
    }
    assert!(
        missing.is_empty(),
        "Atelier depends on {missing:?}: credit them in ui/src/lib/settings/credits.json \
         (with their licence and a line in the catalogs, `about.lib.<id>`)"
    );
}

#[test]
fn every_embedded_font_is_listed_with_its_licence() {
    let credits = credits();
    let fonts = credits["fonts"].as_array().expect("fonts");
    let dir = root().join("src-tauri/crates/export/fonts");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("the export's fonts") {
        let name = entry.expect("an entry").file_name().to_string_lossy().into_owned();
        if !(name.ends_with(".ttf") || name.ends_with(".otf")) {
            continue;
        }
        seen += 1;
        let font = fonts
            .iter()
            .find(|f| {
                strings(&f["files"])
                    .iter()
                    .any(|prefix| name.starts_with(prefix.as_str()))
            })
            .unwrap_or_else(|| panic!("the PDF export embeds {name}: credit it in credits.json"));
        assert_eq!(font["licence"], "OFL-1.1", "{name}");
    }
    assert!(seen > 0, "no font found in {}", dir.display());
    let licence = std::fs::read_to_string(dir.join("OFL.txt")).expect("the fonts' licence file");
    assert!(licence.contains("SIL Open Font License, Version 1.1"));
}

/// Files under `dir` whose names end like a font.
fn font_files(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            font_files(&path, found);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ["ttf", "otf", "woff", "woff2"].contains(&e.to_ascii_lowercase().as_str()))
        {
            found.push(path);
        }
    }
}

/// The dialog says the screens use the computer's fonts: no font file is
/// shipped with them, and no stylesheet loads one.
#[test]
fn the_screens_ship_no_font() {
    let ui = root().join("ui");
    let mut found = Vec::new();
    font_files(&ui.join("src"), &mut found);
    font_files(&ui.join("public"), &mut found);
    assert!(
        found.is_empty(),
        "the UI ships fonts: {found:?} — credit them in credits.json and the dialog"
    );
    let css = std::fs::read_to_string(ui.join("src/app.css")).expect("app.css");
    assert!(!css.contains("@font-face"), "app.css loads a font: credit it");
}
