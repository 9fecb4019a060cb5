//! Declares the app's commands to Tauri's ACL so that each one must be
//! granted in `capabilities/`: nothing is open to the page by default.

include!("src/commands/names.rs");

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern("./src-tauri/capabilities/**/*")
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build configuration");
}
