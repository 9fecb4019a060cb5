//! Declares the app's commands to Tauri's ACL so that each one must be
//! granted in `capabilities/`: nothing is open to the page by default.

/// Reads the one command list (`src/commands/list.rs`) as names.
macro_rules! commands {
    ($($module:ident :: $name:ident),* $(,)?) => {
        const COMMANDS: &[&str] = &[$(stringify!($name)),*];
    };
}

include!("src/commands/list.rs");

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/src/commands/list.rs");
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern("./src-tauri/capabilities/**/*")
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build configuration");
}
