//! Declares the app's commands to Tauri's ACL so that each one must be
//! granted in `capabilities/`: nothing is open to the page by default.

/// Every command the shell registers. Keep in step with `commands::handlers`;
/// the `mock_builder` smoke test fails when a command is not granted.
const COMMANDS: &[&str] = &[
    "startup",
    "save_settings",
    "list_projects",
    "list_project_tags",
    "get_project",
    "create_project",
    "update_project",
    "change_project_status",
    "trash_project",
    "list_trash",
    "restore_project",
    "purge_project",
    "load_sample_projects",
    "remove_sample_projects",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern("./src-tauri/capabilities/**/*")
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build configuration");
}
