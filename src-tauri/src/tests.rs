//! The shell's own tests: generated bindings are fresh, and every command
//! is registered, granted by the capabilities and answers through IPC on
//! Tauri's mock runtime.

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

fn invoke(
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
fn commands_answer_through_ipc_with_the_real_capabilities() {
    let dir = tempfile::tempdir().expect("temp dir");
    let atelier = atelier_app::Atelier::open(dir.path()).expect("opens");
    let app = with_commands(mock_builder(), Backend::Ready(atelier))
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
            "objectives": [], "sponsor": "", "start_date": null, "end_date": null,
            "budget": { "currency": "EUR", "planned_cents": 1000000, "actual_cents": null },
            "health": "on_track", "tags": ["Managers"]
        }}),
    )
    .expect("creates");
    let page = invoke(&webview, "list_projects", json!({ "query": {} })).expect("lists");
    assert_eq!(page["total"], 1);
    assert_eq!(page["items"][0]["id"], created["id"]);

    // Errors cross as { code, message, field, issues }.
    let refused = invoke(&webview, "create_project", json!({ "draft": {
        "title": " ", "summary": "", "business_need": "", "audience": "", "objectives": [], "sponsor": "",
        "start_date": null, "end_date": null, "budget": { "currency": "EUR", "planned_cents": null, "actual_cents": null },
        "health": "on_track", "tags": []
    }}))
    .expect_err("refuses a blank title");
    assert_eq!(
        (refused["code"].as_str(), refused["field"].as_str()),
        (Some("validation"), Some("title"))
    );
    assert_eq!(refused["issues"][0]["rule"], "required");

    // Unknown fields in a DTO are refused, not ignored.
    assert!(invoke(
        &webview,
        "list_projects",
        json!({ "query": { "colour": "red" } })
    )
    .is_err());

    // Every registered command is granted: the ACL would answer "not allowed"
    // and an unregistered command "not found" before any argument is read.
    for name in COMMANDS {
        if let Err(e) = invoke(&webview, name, json!({})) {
            let text = e.to_string();
            assert!(
                !text.contains("not allowed") && !text.contains("not found"),
                "{name}: {text}"
            );
        }
    }
}

#[test]
fn an_unavailable_store_answers_every_command_with_its_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let _holder = atelier_app::Atelier::open(dir.path()).expect("opens");
    let locked = match atelier_app::Atelier::open(dir.path()) {
        Err(e) => Backend::Unavailable(e.into()),
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
