//! The shell's own tests: generated bindings are fresh, every command is
//! registered and answers through IPC on Tauri's mock runtime, and the
//! capability grants exactly those commands.
#![expect(
    clippy::disallowed_methods,
    reason = "Tauri's generated context, which the macro may end with an exit"
)]

use std::path::Path;

use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindowBuilder;

use crate::commands::COMMANDS;
use crate::{specta_builder, with_commands, Backend};

const BINDINGS: &str = "ui/src/lib/bindings.ts";

/// Writes the TypeScript bindings for every command and type.
fn export_bindings(to: &Path) {
    specta_builder::<tauri::Wry>()
        .export(
            specta_typescript::Typescript::default()
                .header("// Generated from the Rust commands by `make bindings`. Do not edit.\n"),
            to,
        )
        .expect("bindings export");
}

/// Fails when `ui/src/lib/bindings.ts` no longer matches the Rust commands.
/// `UPDATE_BINDINGS=1 cargo test bindings` (or `make bindings`) rewrites it.
#[test]
fn bindings_are_fresh() {
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join(BINDINGS);
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        export_bindings(&committed);
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let fresh = dir.path().join("bindings.ts");
    export_bindings(&fresh);
    let fresh = std::fs::read_to_string(fresh).expect("fresh bindings");
    let committed = std::fs::read_to_string(&committed).unwrap_or_default();
    assert!(
        fresh == committed,
        "{BINDINGS} is stale: run `make bindings` and commit it"
    );
}

/// Calls `cmd` with `body` through the IPC of a mock-runtime window.
pub(crate) fn invoke(
    webview: &tauri::WebviewWindow<tauri::test::MockRuntime>,
    cmd: &str,
    body: Value,
) -> Result<Value, Value> {
    get_ipc_response(
        webview,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().expect("url"),
            body: InvokeBody::Json(body),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|r| r.deserialize::<Value>().expect("json response"))
}

#[test]
fn commands_answer_through_ipc_on_the_mock_runtime() {
    let dir = tempfile::tempdir().expect("temp dir");
    let atelier = atelier_app::Atelier::open(dir.path()).expect("opens");
    let app = with_commands(mock_builder(), Backend::ready(atelier))
        .build(tauri::generate_context!())
        .expect("builds");
    let webview = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("window");

    let start = invoke(&webview, "startup", json!({})).expect("startup answers");
    assert_eq!(start["project_count"], 0);

    let created = invoke(
        &webview,
        "create_project",
        json!({ "draft": {
            "title": "Parcours managers", "summary": "", "business_need": "", "audience": "",
            "objectives": [], "sponsor": null, "start_date": null, "end_date": null,
            "budget": { "currency": "EUR", "planned_cents": 1000000, "actual_cents": null },
            "health": "on_track", "tags": ["Managers"]
        }, "save": {} }),
    )
    .expect("creates");
    let page = invoke(&webview, "list_projects", json!({ "query": {} })).expect("lists");
    assert_eq!(page["total"], 1);
    assert_eq!(page["items"][0]["project"]["id"], created["id"]);

    // Errors cross as { code, message, field, issues }.
    // What the form could not read comes back with every broken rule.
    let refused = invoke(&webview, "create_project", json!({ "draft": {
        "title": " ", "summary": "", "business_need": "", "audience": "", "objectives": [], "sponsor": null,
        "start_date": null, "end_date": null, "budget": { "currency": "EUR", "planned_cents": null, "actual_cents": null },
        "health": "on_track", "tags": []
    }, "save": { "unreadable": [{ "field": "budget_planned", "rule": "not_a_number", "limit": null }] } }))
    .expect_err("refuses a blank title");
    assert_eq!(
        (refused["code"].as_str(), refused["field"].as_str()),
        (Some("validation"), Some("budget_planned"))
    );
    assert_eq!(refused["issues"][0]["rule"], "not_a_number");
    assert_eq!(
        (
            refused["issues"][1]["field"].as_str(),
            refused["issues"][1]["rule"].as_str()
        ),
        (Some("title"), Some("required"))
    );

    // A six-year project waits for confirmation, then is saved.
    let long = json!({
        "title": "Académie", "summary": "", "business_need": "", "audience": "", "objectives": [], "sponsor": null,
        "start_date": "2026-01-05", "end_date": "2032-01-05",
        "budget": { "currency": "EUR", "planned_cents": null, "actual_cents": null },
        "health": "on_track", "tags": []
    });
    let ask = invoke(&webview, "create_project", json!({ "draft": long, "save": {} })).expect_err("asks first");
    assert_eq!(ask["code"], "confirm");
    assert_eq!(
        (
            ask["cautions"][0]["kind"].as_str(),
            ask["cautions"][0]["limit"].as_u64()
        ),
        (Some("long_project"), Some(5))
    );
    invoke(
        &webview,
        "create_project",
        json!({ "draft": long, "save": { "confirmed": true } }),
    )
    .expect("saved once confirmed");

    // Unknown fields in a DTO are refused, not ignored.
    assert!(invoke(&webview, "list_projects", json!({ "query": { "colour": "red" } })).is_err());

    // Every registered command answers (with an argument error at worst).
    for name in COMMANDS {
        if let Err(e) = invoke(&webview, name, json!({})) {
            let text = e.to_string();
            assert!(!text.contains("not found"), "{name}: {text}");
        }
    }
}

/// The window's capability grants exactly `core:default` and one
/// `allow-<command>` per registered command: nothing missing, nothing more.
#[test]
fn the_capability_grants_exactly_the_registered_commands() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/capabilities/main.json");
    let capability: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("capability file")).expect("json");
    let mut granted: Vec<String> = capability["permissions"]
        .as_array()
        .expect("a permission list")
        .iter()
        .map(|p| p.as_str().expect("a permission name").to_owned())
        .collect();
    let mut expected: Vec<String> = COMMANDS
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    expected.push("core:default".into());
    granted.sort();
    expected.sort();
    assert_eq!(granted, expected);
}

/// The database opens on its own thread while the window starts; the first
/// command waits for it and sees what it holds, and a database another
/// Atelier holds is reported as locked all the same.
#[test]
fn a_database_opened_while_the_window_starts_is_what_the_first_command_reads() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let atelier = atelier_app::Atelier::open(dir.path()).expect("opens");
        let draft = atelier_app::domain::ProjectDraft {
            title: "Accueil".into(),
            ..Default::default()
        };
        atelier.create_project(draft, &Default::default()).expect("creates");
    }
    let app = with_commands(mock_builder(), Backend::opening(dir.path().to_path_buf()))
        .build(tauri::generate_context!())
        .expect("builds");
    let webview = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("window");
    let start = invoke(&webview, "startup", json!({})).expect("startup answers");
    assert_eq!(start["project_count"], 1);

    let held = Backend::opening(dir.path().to_path_buf());
    let app = with_commands(mock_builder(), held)
        .build(tauri::generate_context!())
        .expect("builds");
    let webview = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("window");
    let e = invoke(&webview, "startup", json!({})).expect_err("locked");
    assert_eq!(e["code"], "storage_locked");
}

#[test]
fn an_unavailable_store_answers_every_command_with_its_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let _holder = atelier_app::Atelier::open(dir.path()).expect("opens");
    let locked = match atelier_app::Atelier::open(dir.path()) {
        Err(e) => Backend::unavailable(e.into(), Some(dir.path().to_path_buf())),
        Ok(_) => panic!("opened a locked store"),
    };
    let app = with_commands(mock_builder(), locked)
        .build(tauri::generate_context!())
        .expect("builds");
    let webview = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("window");
    let e = invoke(&webview, "startup", json!({})).expect_err("locked");
    assert_eq!(e["code"], "storage_locked");
    assert_eq!(e["path"], dir.path().display().to_string());
}

/// Export, import and radar files go through the picker: a save writes the
/// file, a malformed import is refused as `{ code: "import", import: { line,
/// column, problem } }` and changes nothing, a good one lands.
#[test]
fn files_are_written_and_read_through_the_picker() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let atelier = atelier_app::Atelier::open(data.path()).expect("opens");
    let app = with_commands(mock_builder(), Backend::ready(atelier))
        .manage(crate::files::FilePicker::Folder(files.path().to_path_buf()))
        .build(tauri::generate_context!())
        .expect("builds");
    let webview = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("window");
    let dialog = json!({ "title": "Exporter", "filter": "CSV" });
    invoke(
        &webview,
        "create_vendor",
        json!({ "draft": {
            "name": "Société Générale de Jeux", "vendor_type": "startup", "modalities": ["serious_game"],
            "website": "", "country": "France", "tags": []
        }}),
    )
    .expect("creates");

    let done = invoke(
        &webview,
        "export_vendors_csv",
        json!({ "dialect": "semicolon", "dialog": dialog, "fileName": "prestataires.csv" }),
    )
    .expect("exports");
    assert_eq!(done["count"], 1);
    let written = std::fs::read(files.path().join("prestataires.csv")).expect("file written");
    assert!(written.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM for Excel");
    assert!(String::from_utf8_lossy(&written).contains("Société Générale de Jeux"));

    let import = files.path().join(crate::files::folder_open_name("csv"));
    std::fs::write(&import, "name;type\nA;startup\nB;startupp\n").expect("writes");
    let names = json!({
        "vendor_types": [["established", ["Acteur confirmé", "Established player"]]],
        "stages": [],
        "modalities": [],
    });
    let refused = invoke(
        &webview,
        "import_vendors_csv",
        json!({ "dialog": dialog, "names": names }),
    )
    .expect_err("refused");
    assert_eq!(refused["code"], "import");
    assert_eq!(refused["import"]["line"], 3);
    assert_eq!(refused["import"]["column"], "type");
    assert_eq!(refused["import"]["problem"]["kind"], "invalid_value");
    let listed = invoke(
        &webview,
        "list_vendors",
        json!({ "query": { "text": "", "stages": [], "types": [], "modality": null } }),
    )
    .expect("lists");
    assert_eq!(listed["rows"].as_array().map(Vec::len), Some(1), "nothing imported");

    std::fs::write(&import, "name;type\nA;startup\nB;Acteur confirmé\n").expect("writes");
    let summary = invoke(
        &webview,
        "import_vendors_csv",
        json!({ "dialog": dialog, "names": names }),
    )
    .expect("imports");
    assert_eq!(
        (summary["created"].as_u64(), summary["updated"].as_u64()),
        (Some(2), Some(0))
    );
}

/// Backups through IPC: one written to the chosen file; a file that is not a
/// backup refused as `{ code: "backup", backup: "not_a_backup" }` with
/// nothing changed; the chosen backup checked, then restored, the database
/// opened again on it.
#[test]
fn a_backup_is_written_checked_and_restored_through_ipc() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let atelier = atelier_app::Atelier::open(data.path()).expect("opens");
    let app = with_commands(mock_builder(), Backend::ready(atelier))
        .manage(crate::files::FilePicker::Folder(files.path().to_path_buf()))
        .build(tauri::generate_context!())
        .expect("builds");
    let webview = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("window");
    let project = |title: &str| {
        invoke(
            &webview,
            "create_project",
            json!({ "draft": {
                "title": title, "summary": "", "business_need": "", "audience": "", "objectives": [],
                "sponsor": null, "start_date": null, "end_date": null,
                "budget": { "currency": "EUR", "planned_cents": null, "actual_cents": null },
                "health": "on_track", "tags": []
            }, "save": {} }),
        )
        .expect("creates");
    };
    let dialog = json!({ "title": "Sauvegarder", "filter": "Sauvegarde Atelier" });
    project("Avant");
    let written = invoke(
        &webview,
        "back_up_now",
        json!({ "dialog": dialog, "fileName": "import.atelier-backup" }),
    )
    .expect("backs up");
    assert_eq!(written["projects"], 1);
    project("Après");

    let chosen = files.path().join(crate::files::folder_open_name("atelier-backup"));
    let good = std::fs::read(&chosen).expect("the backup");
    std::fs::write(&chosen, "name;type\n").expect("writes");
    let refused = invoke(&webview, "choose_backup", json!({ "dialog": dialog })).expect_err("refused");
    assert_eq!(
        (refused["code"].as_str(), refused["backup"].as_str()),
        (Some("backup"), Some("not_a_backup"))
    );
    assert!(
        invoke(&webview, "restore_chosen_backup", json!({})).is_err(),
        "nothing chosen"
    );

    std::fs::write(&chosen, good).expect("writes");
    let checked = invoke(&webview, "choose_backup", json!({ "dialog": dialog })).expect("checked");
    assert_eq!(checked["projects"], 1);
    invoke(&webview, "restore_chosen_backup", json!({})).expect("restores");
    let page = invoke(&webview, "list_projects", json!({ "query": {} })).expect("lists");
    assert_eq!(page["total"], 1);
    assert_eq!(page["items"][0]["project"]["fields"]["title"], "Avant");
    let status = invoke(&webview, "data_status", json!({})).expect("status");
    let origins: Vec<&str> = status["backups"]
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|b| b["origin"].as_str())
        .collect();
    assert!(
        origins.contains(&"before_restore") && origins.contains(&"daily"),
        "{origins:?}"
    );
}

/// Storage errors name their file when it is known, and never an empty
/// one: the `path` the window shows is absent instead.
#[test]
fn storage_errors_name_their_file_or_none() {
    use atelier_app::AppError;
    let file = crate::IpcError::from(AppError::File {
        path: "/data/Atelier/db".into(),
        reason: "No space left on device".into(),
    });
    assert_eq!(file.path.as_deref(), Some("/data/Atelier/db"));
    assert!(file.message.contains("/data/Atelier/db"), "{}", file.message);
    let unplaced = crate::IpcError::from(AppError::StorageDamaged {
        path: std::path::PathBuf::new(),
        detail: "Read corrupted data".into(),
    });
    assert_eq!(unplaced.path, None);
    assert_eq!(&*unplaced.message, "the database is damaged: Read corrupted data");
}
