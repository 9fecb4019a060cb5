//! A blank Tauri 2 window that makes one IPC call, and nothing else: the
//! yardstick `make perf` measures Atelier's start-up and memory against.
//! Its page calls `painted` once it has drawn its first frame, and the
//! command says so on the standard error, as Atelier's shell does.

/// The page has drawn its first frame: says it in the words Atelier uses
/// (`src-tauri/src/started.rs`), which `make perf` waits for.
#[tauri::command]
fn painted() {
    eprintln!("blank window: first screen painted");
}

#[expect(
    clippy::disallowed_methods,
    reason = "Tauri's generated context may exit; this window holds no data"
)]
fn main() {
    if let Err(e) = tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![painted])
        .run(tauri::generate_context!())
    {
        eprintln!("the blank window could not start: {e}");
    }
}
