//! The Debian package, as a DLM's machine gets it (`make package-check`,
//! which packages the debug build first; `make package` builds the release
//! one people install).
//!
//! - **What it declares and holds** (any user): the control fields
//!   (package, version as Cargo.toml and tauri.conf.json say, architecture,
//!   maintainer, description, and a `Depends` naming every package the
//!   binary links against, as `dpkg-shlibdeps` finds them), the binary (not
//!   an `e2e` build), the menu entry (valid, English and French comment,
//!   Office and Education) and the icon in every size under
//!   `usr/share/icons/hicolor`.
//! - **Installed, started, removed** (root): `apt-get install` of the file
//!   (apt pulls the dependencies it declares), Atelier started from its
//!   installed menu entry on a private X server with a fresh home folder,
//!   up once its window "Atelier" is mapped, its first screen painted and
//!   its data folder opened under the home's `XDG_DATA_HOME`; then stopped
//!   by its own process group and the package purged — also when a check
//!   fails on the way.
//!
//! The package checked is `ATELIER_DEB` when set, else the debug one the
//! bundler writes under `target/debug/bundle/deb/`.
#![cfg(feature = "e2e")]

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use rustix::process::{geteuid, kill_process_group, Pid, Signal};
use support::Display;

/// The package's name: the bundler's kebab-case of the product name.
const PACKAGE: &str = "atelier";
/// The sizes of the icon in the hicolor theme: one per PNG of
/// `bundle.icon`.
const ICON_SIZES: [u32; 8] = [16, 24, 32, 48, 64, 128, 256, 512];
/// The menu entry's French comment.
const COMMENT_FR: &str = "L'atelier du Digital Learning Manager";
/// What Atelier writes on its standard error once its first screen drew.
const PAINTED: &str = "first screen painted";
/// Starting the installed app (a debug build) on a slow CI machine.
const START_TIMEOUT: Duration = Duration::from_secs(90);
/// How long Atelier's process group gets after SIGTERM before SIGKILL.
const TERM_GRACE: Duration = Duration::from_secs(5);
const POLL: Duration = Duration::from_millis(100);
/// A login session's PATH: what the menu resolves `Exec` with.
const SESSION_PATH: &str = "/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The `.deb` under test.
fn deb() -> PathBuf {
    let deb = match std::env::var_os("ATELIER_DEB") {
        Some(path) => PathBuf::from(path),
        None => support::target_dir().join("debug/bundle/deb").join(format!(
            "{}_{}_{}.deb",
            product_name(),
            env!("CARGO_PKG_VERSION"),
            architecture()
        )),
    };
    assert!(
        deb.is_file(),
        "no package at {}: `make package-check` builds it",
        deb.display()
    );
    let deb = deb.canonicalize().expect("the package's full path");
    // A package older than its configuration was not built from it.
    let built = modified(&deb);
    for source in ["tauri.conf.json", "packaging/atelier.desktop"] {
        assert!(
            modified(&root().join(source)) <= built,
            "{} is older than {source}: build it again (`make package-check`)",
            deb.display()
        );
    }
    deb
}

fn modified(path: &Path) -> std::time::SystemTime {
    fs::metadata(path)
        .and_then(|m| m.modified())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn tauri_conf() -> serde_json::Value {
    let text = fs::read_to_string(root().join("tauri.conf.json")).expect("reads tauri.conf.json");
    serde_json::from_str(&text).expect("tauri.conf.json is JSON")
}

fn product_name() -> String {
    tauri_conf()["productName"]
        .as_str()
        .expect("tauri.conf.json names the product")
        .to_owned()
}

/// dpkg's name for this machine's architecture (`amd64`).
fn architecture() -> String {
    let out = run(Command::new("dpkg").arg("--print-architecture"));
    out.trim().to_owned()
}

/// Runs `cmd`, fails the test with its output unless it succeeds, and
/// returns its standard output.
fn run(cmd: &mut Command) -> String {
    let out = cmd
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed ({}):\n{}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("the output is UTF-8")
}

/// The fields of a control paragraph; continuation lines are kept, one
/// per line.
fn control_fields(text: &str) -> BTreeMap<String, String> {
    let mut fields = BTreeMap::new();
    let mut last: Option<String> = None;
    for line in text.lines() {
        if let Some(more) = line.strip_prefix(' ') {
            let name = last.as_ref().expect("a continuation line follows a field");
            let value: &mut String = fields.get_mut(name).expect("the field it continues");
            value.push('\n');
            value.push_str(more);
        } else if let Some((name, value)) = line.split_once(':') {
            fields.insert(name.to_owned(), value.trim().to_owned());
            last = Some(name.to_owned());
        }
    }
    fields
}

/// The entries of a relationship field (`Depends`), alternatives
/// included: each package (architecture qualifier left out) with its
/// version constraint, if any — `libc6 (>= 2.35)` is
/// `("libc6", Some((">=", "2.35")))`.
fn relations(field: &str) -> Vec<(String, Option<(String, String)>)> {
    field
        .split([',', '|'])
        .filter_map(|entry| {
            let entry = entry.trim();
            let (name, rest) = entry.split_once(['(', ' ']).unwrap_or((entry, ""));
            let name = name.split(':').next()?.trim();
            if name.is_empty() {
                return None;
            }
            let constraint = rest.trim().trim_start_matches('(').trim_end_matches(')').trim();
            let op: String = constraint.chars().take_while(|c| "<>=".contains(*c)).collect();
            let version = constraint[op.len()..].trim();
            let constraint = (!op.is_empty() && !version.is_empty()).then(|| (op, version.to_owned()));
            Some((name.to_owned(), constraint))
        })
        .collect()
}

fn package_names(field: &str) -> BTreeSet<String> {
    relations(field).into_iter().map(|(name, _)| name).collect()
}

/// dpkg's order of versions: `a` is `b` or newer.
fn version_at_least(a: &str, b: &str) -> bool {
    Command::new("dpkg")
        .args(["--compare-versions", a, "ge", b])
        .status()
        .expect("dpkg runs")
        .success()
}

/// What `dpkg-shlibdeps` says the ELF file `binary` depends on, from the
/// libraries it links against and the symbols it uses.
fn shared_library_depends(binary: &Path) -> String {
    // dpkg-shlibdeps works in a source tree: a control file is all it reads.
    let tree = tempfile::tempdir().expect("a temp dir");
    fs::create_dir(tree.path().join("debian")).expect("debian/");
    fs::write(
        tree.path().join("debian/control"),
        format!("Source: {PACKAGE}\n\nPackage: {PACKAGE}\nArchitecture: any\n"),
    )
    .expect("debian/control");
    let out = run(Command::new("dpkg-shlibdeps")
        .current_dir(tree.path())
        .arg("-O")
        .arg(format!("-e{}", binary.display())));
    out.lines()
        .find_map(|l| l.strip_prefix("shlibs:Depends="))
        .unwrap_or_else(|| panic!("dpkg-shlibdeps gave no shlibs:Depends:\n{out}"))
        .to_owned()
}

/// The keys of a desktop file's `[Desktop Entry]` group.
fn desktop_entry(text: &str) -> BTreeMap<String, String> {
    let mut group = "";
    let mut keys = BTreeMap::new();
    for line in text.lines().map(str::trim) {
        if line.starts_with('[') {
            group = line;
        } else if group == "[Desktop Entry]" && !line.starts_with('#') {
            if let Some((key, value)) = line.split_once('=') {
                let previous = keys.insert(key.trim().to_owned(), value.trim().to_owned());
                assert!(previous.is_none(), "the menu entry sets {key} twice");
            }
        }
    }
    keys
}

/// The program an `Exec` line runs, its field codes (`%U`…) left out.
fn exec_program(exec: &str) -> &str {
    exec.split_whitespace()
        .find(|word| !word.starts_with('%'))
        .expect("Exec names a program")
}

/// A PNG's width and height, from its header.
fn png_size(path: &Path) -> (u32, u32) {
    let mut header = [0u8; 24];
    fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut header))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(&header[..8], b"\x89PNG\r\n\x1a\n", "{} is not a PNG", path.display());
    assert_eq!(&header[12..16], b"IHDR", "{} has no header chunk", path.display());
    let word = |at: usize| u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]]);
    (word(16), word(20))
}

/// The files (not folders) a package holds, relative to `/`.
fn package_files(deb: &Path) -> BTreeSet<String> {
    run(Command::new("dpkg-deb").arg("--contents").arg(deb))
        .lines()
        .filter(|l| !l.starts_with('d'))
        .filter_map(|l| l.split_whitespace().nth(5))
        .map(|p| p.trim_start_matches("./").to_owned())
        .collect()
}

#[test]
fn the_package_declares_what_it_needs_and_holds_its_menu_entry_and_icons() {
    let deb = deb();
    let size = fs::metadata(&deb).expect("the package's size").len();
    eprintln!("package: {} ({:.1} MB)", deb.display(), size as f64 / 1e6);

    // Control fields.
    let control = control_fields(&run(Command::new("dpkg-deb").arg("--field").arg(&deb)));
    let field = |name: &str| {
        control
            .get(name)
            .unwrap_or_else(|| panic!("the control file has no {name}: {control:#?}"))
            .as_str()
    };
    assert_eq!(field("Package"), PACKAGE);
    assert_eq!(field("Version"), env!("CARGO_PKG_VERSION"), "the version of Cargo.toml");
    assert_eq!(
        Some(field("Version")),
        tauri_conf()["version"].as_str(),
        "the version of tauri.conf.json"
    );
    assert_eq!(field("Architecture"), architecture());
    assert!(!field("Maintainer").is_empty(), "a maintainer");
    let description = field("Description");
    let (summary, long) = description.split_once('\n').unwrap_or((description, ""));
    assert!(
        !summary.trim().is_empty() && summary != "(none)",
        "a one-line description"
    );
    assert!(!long.trim().is_empty() && long.trim() != "(none)", "a long description");
    assert!(field("Installed-Size").parse::<u64>().is_ok(), "Installed-Size in KiB");

    let depends = package_names(field("Depends"));
    for needed in ["libwebkit2gtk-4.1-0", "libgtk-3-0"] {
        assert!(depends.contains(needed), "Depends lacks {needed}: {depends:?}");
    }

    // Contents.
    let files = package_files(&deb);
    let unpacked = tempfile::tempdir().expect("a temp dir");
    run(Command::new("dpkg-deb").arg("--extract").arg(&deb).arg(unpacked.path()));
    let binary = unpacked.path().join("usr/bin/atelier");
    let mode = fs::metadata(&binary).expect("usr/bin/atelier").permissions().mode();
    assert_eq!(mode & 0o755, 0o755, "usr/bin/atelier is runnable by all");
    let mut magic = [0u8; 4];
    fs::File::open(&binary)
        .and_then(|mut f| f.read_exact(&mut magic))
        .expect("reads the binary");
    assert_eq!(&magic, b"\x7fELF", "usr/bin/atelier is a program");
    // A build with the `e2e` feature reads this variable to replace the
    // file dialogs (src-tauri/src/files.rs): never one to ship.
    let hooks = Command::new("grep")
        .args(["-c", "-F", "ATELIER_E2E_FILES"])
        .arg(&binary)
        .output()
        .expect("grep runs");
    assert_eq!(
        hooks.status.code(),
        Some(1),
        "usr/bin/atelier was built with the e2e feature"
    );

    // Every library the program links against comes with a package that
    // Depends names, at least in the version whose symbols it uses: on a
    // machine without them (or with older ones), apt installs them first.
    let declared = relations(field("Depends"));
    let linked = shared_library_depends(&binary);
    for (name, needs) in relations(&linked) {
        let ok = match &needs {
            None => depends.contains(&name),
            Some((_, version)) => declared.iter().any(|(n, has)| {
                n == &name
                    && has
                        .as_ref()
                        .is_some_and(|(op, v)| op == ">=" && version_at_least(v, version))
            }),
        };
        assert!(
            ok,
            "Depends lacks {name}{}, which usr/bin/atelier links against: add what dpkg-shlibdeps says \
             to bundle.linux.deb.depends in tauri.conf.json.\n  dpkg-shlibdeps: {linked}\n  Depends: {}",
            needs.map(|(op, v)| format!(" ({op} {v})")).unwrap_or_default(),
            field("Depends")
        );
    }

    // The menu entry.
    let entries: Vec<_> = files
        .iter()
        .filter(|f| f.starts_with("usr/share/applications/"))
        .collect();
    assert_eq!(entries.len(), 1, "one menu entry: {entries:?}");
    let entry_path = unpacked.path().join(entries[0]);
    assert!(entries[0].ends_with(".desktop"), "{} is a desktop file", entries[0]);
    let entry = desktop_entry(&fs::read_to_string(&entry_path).expect("reads the menu entry"));
    let key = |name: &str| {
        entry
            .get(name)
            .unwrap_or_else(|| panic!("the menu entry has no {name}: {entry:#?}"))
            .as_str()
    };
    assert_eq!(key("Type"), "Application");
    assert_eq!(key("Name"), "Atelier");
    assert!(!key("Comment").is_empty(), "an English comment");
    assert_eq!(key("Comment[fr]"), COMMENT_FR);
    assert!(!key("GenericName").is_empty() && !key("GenericName[fr]").is_empty());
    let categories: BTreeSet<_> = key("Categories").split(';').filter(|c| !c.is_empty()).collect();
    assert_eq!(categories, BTreeSet::from(["Office", "Education"]), "Categories");
    assert!(key("Categories").ends_with(';'), "Categories ends with ';'");
    assert_eq!(exec_program(key("Exec")), "atelier", "Exec runs the installed program");
    assert_eq!(key("Terminal"), "false");
    assert!(
        !key("StartupWMClass").is_empty(),
        "StartupWMClass ties the window to the entry"
    );
    let validate = Command::new("desktop-file-validate")
        .arg(&entry_path)
        .output()
        .expect("desktop-file-validate runs (package desktop-file-utils)");
    let said = String::from_utf8_lossy(&validate.stdout);
    assert!(
        validate.status.success() && !said.contains("error:"),
        "desktop-file-validate refuses the menu entry:\n{said}"
    );

    // The icon, in the hicolor theme, in every size, named as Icon= says.
    let icon = key("Icon");
    for size in ICON_SIZES {
        let path = format!("usr/share/icons/hicolor/{size}x{size}/apps/{icon}.png");
        assert!(files.contains(&path), "no {path} in the package: {files:#?}");
        assert_eq!(png_size(&unpacked.path().join(&path)), (size, size), "{path}");
    }
    // The theme only looks in the folders its index lists (hicolor-icon-theme,
    // which GTK depends on).
    let index = fs::read_to_string("/usr/share/icons/hicolor/index.theme").expect("the hicolor theme's index");
    let listed: BTreeSet<&str> = index
        .lines()
        .find_map(|l| l.strip_prefix("Directories="))
        .expect("the index lists its folders")
        .split(',')
        .collect();
    for file in files.iter().filter_map(|f| f.strip_prefix("usr/share/icons/hicolor/")) {
        let folder = file.rsplit_once('/').map_or(file, |(folder, _)| folder);
        assert!(listed.contains(folder), "the hicolor theme never looks in {folder}");
    }

    // Nothing else: the program, its menu entry and its icons.
    let others: Vec<_> = files
        .iter()
        .filter(|f| {
            !(f.as_str() == "usr/bin/atelier"
                || f.starts_with("usr/share/applications/")
                || f.starts_with("usr/share/icons/hicolor/"))
        })
        .collect();
    assert!(others.is_empty(), "unexpected files in the package: {others:?}");
}

/// The package while it is installed: purged when dropped, so that a
/// failed check leaves the machine as it found it.
struct Installed {
    removed: bool,
}

impl Installed {
    /// `apt-get install` of the file, as a DLM does; apt fetches what it
    /// depends on.
    fn install(deb: &Path) -> Installed {
        let installed = Installed { removed: false };
        run(apt().arg("install").arg(deb));
        installed
    }

    /// `apt-get purge`, checked: no file of the package is left.
    fn remove(mut self, files: &[String]) {
        run(apt().args(["purge", PACKAGE]));
        self.removed = true;
        assert_eq!(status(), None, "dpkg still knows the package after the purge");
        let left: Vec<_> = files.iter().filter(|f| Path::new(f).exists()).collect();
        assert!(left.is_empty(), "left after the purge: {left:?}");
    }
}

impl Drop for Installed {
    fn drop(&mut self) {
        if !self.removed && status().is_some() {
            let _ = apt().args(["purge", PACKAGE]).stdin(Stdio::null()).status();
        }
    }
}

/// apt-get, without questions, waiting for another apt to finish.
fn apt() -> Command {
    let mut apt = Command::new("apt-get");
    apt.env("DEBIAN_FRONTEND", "noninteractive")
        .args(["-y", "-q", "-o", "DPkg::Lock::Timeout=300"]);
    apt
}

/// dpkg's status line for the package (`install ok installed`), if it
/// knows it at all.
fn status() -> Option<String> {
    let out = Command::new("dpkg-query")
        .args(["--show", "--showformat=${Status}", PACKAGE])
        .stderr(Stdio::null())
        .output()
        .expect("dpkg-query runs");
    let status = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    (out.status.success() && !status.is_empty() && !status.ends_with("not-installed")).then_some(status)
}

/// The installed program, started from the menu entry in its own process
/// group; the group is ended when dropped.
struct Started {
    child: Child,
    pgid: i32,
    lines: mpsc::Receiver<String>,
    said: Vec<String>,
}

impl Started {
    fn spawn(program: &Path, env: &[(&str, String)]) -> Started {
        let mut child = Command::new(program)
            .env_clear()
            .envs(env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .process_group(0)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", program.display()));
        let pgid = i32::try_from(child.id()).expect("a pid fits in i32");
        let stderr = child.stderr.take().expect("stderr is piped");
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Started {
            child,
            pgid,
            lines,
            said: Vec::new(),
        }
    }

    /// What it wrote on its standard error so far.
    fn said(&mut self) -> &[String] {
        self.said.extend(self.lines.try_iter());
        &self.said
    }

    /// Ends its process group (SIGTERM, then SIGKILL) and reaps it.
    fn stop(&mut self) {
        let Some(group) = Pid::from_raw(self.pgid) else {
            return;
        };
        for (signal, grace) in [(Signal::TERM, TERM_GRACE), (Signal::KILL, Duration::from_secs(2))] {
            let _ = kill_process_group(group, signal);
            let deadline = Instant::now() + grace;
            while Instant::now() < deadline {
                let _ = self.child.try_wait();
                if support::group_is_gone(self.pgid) {
                    let _ = self.child.wait();
                    return;
                }
                std::thread::sleep(POLL);
            }
        }
        let _ = self.child.wait();
    }
}

impl Drop for Started {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A mapped top-level window titled `title` on `display`: its id and
/// `WM_CLASS` (instance, class), as `xwininfo` reads them.
fn mapped_window(display: &str, title: &str) -> Option<(String, Vec<String>)> {
    let tree = Command::new("xwininfo")
        .args(["-display", display, "-root", "-children"])
        .output()
        .expect("xwininfo runs (package x11-utils)");
    let tree = String::from_utf8_lossy(&tree.stdout);
    // `     0x1200003 "Atelier": ("atelier" "Atelier")  1280x820+0+0  +0+0`
    tree.lines().find_map(|line| {
        let (id, rest) = line.trim().split_once(' ')?;
        let rest = rest.strip_prefix('"')?;
        let (name, rest) = rest.split_once("\": (")?;
        if name != title {
            return None;
        }
        let class = rest
            .split(')')
            .next()?
            .split('"')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect();
        let info = Command::new("xwininfo")
            .args(["-display", display, "-id", id])
            .output()
            .ok()?;
        String::from_utf8_lossy(&info.stdout)
            .contains("Map State: IsViewable")
            .then(|| (id.to_owned(), class))
    })
}

/// Where a session finds `program` (an `Exec` without a slash).
fn on_session_path(program: &str) -> Option<PathBuf> {
    SESSION_PATH
        .split(':')
        .map(|dir| Path::new(dir).join(program))
        .find(|p| p.is_file())
}

#[test]
fn installed_from_the_file_it_starts_from_the_menu_and_is_removed_cleanly() {
    let deb = deb();
    assert!(
        geteuid().is_root(),
        "installing the package takes root: run `make package-check` as root"
    );
    if let Some(status) = status() {
        panic!(
            "the {PACKAGE} package is already on this machine ({status}); this check installs \
             and removes its own: `apt-get remove {PACKAGE}` first"
        );
    }

    let installed = Installed::install(&deb);
    assert_eq!(status().as_deref(), Some("install ok installed"));
    let files: Vec<String> = run(Command::new("dpkg-query").args(["--listfiles", PACKAGE]))
        .lines()
        .map(str::to_owned)
        .filter(|f| Path::new(f).is_file())
        .collect();
    assert!(
        files.iter().any(|f| f == "/usr/bin/atelier"),
        "installed files: {files:?}"
    );
    let entry_file = files
        .iter()
        .find(|f| f.starts_with("/usr/share/applications/") && f.ends_with(".desktop"))
        .unwrap_or_else(|| panic!("no menu entry installed: {files:?}"));
    let entry = desktop_entry(&fs::read_to_string(entry_file).expect("reads the installed menu entry"));
    let exec = entry.get("Exec").expect("the menu entry has Exec");
    let program = on_session_path(exec_program(exec))
        .unwrap_or_else(|| panic!("the menu's Exec={exec} is not on a session's PATH"));
    assert_eq!(
        program,
        Path::new("/usr/bin/atelier"),
        "the menu starts the installed program"
    );

    // A private X server and session bus, a fresh home folder: a first
    // start, as from the menu of a new account.
    let display = Display::start();
    let home = tempfile::tempdir().expect("a temp home");
    let dir = |name: &str| {
        let path = home.path().join(name);
        fs::create_dir_all(&path).expect("a folder of the home");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o700)).expect("private");
        path.to_string_lossy().into_owned()
    };
    let data_home = dir(".local/share");
    let env = [
        ("HOME", home.path().to_string_lossy().into_owned()),
        ("PATH", SESSION_PATH.to_owned()),
        ("DISPLAY", display.name()),
        ("GDK_BACKEND", "x11".to_owned()),
        ("DBUS_SESSION_BUS_ADDRESS", display.bus_address().to_owned()),
        ("NO_AT_BRIDGE", "1".to_owned()),
        ("XDG_DATA_HOME", data_home.clone()),
        ("XDG_CONFIG_HOME", dir(".config")),
        ("XDG_CACHE_HOME", dir(".cache")),
        ("XDG_STATE_HOME", dir(".local/state")),
        ("XDG_RUNTIME_DIR", dir("run")),
        ("LANG", "C.UTF-8".to_owned()),
    ];
    let lock = Path::new(&data_home).join("atelier/atelier.lock");
    let wm_class = entry.get("StartupWMClass").cloned().unwrap_or_default();

    let started_at = Instant::now();
    let mut app = Started::spawn(&program, &env);
    let window = loop {
        if let Ok(Some(end)) = app.child.try_wait() {
            panic!("Atelier ended by itself ({end}):\n{}", app.said().join("\n"));
        }
        let window = mapped_window(&display.name(), "Atelier");
        let painted = app.said().iter().any(|l| l.contains(PAINTED));
        if let (Some(window), true, true) = (&window, painted, lock.exists()) {
            break window.clone();
        }
        assert!(
            started_at.elapsed() < START_TIMEOUT,
            "Atelier did not start within {START_TIMEOUT:?}: window mapped {}, first screen painted {painted}, \
             data folder {} opened {}. It said:\n{}",
            window.is_some(),
            lock.parent().map(Path::display).expect("the data folder"),
            lock.exists(),
            app.said().join("\n")
        );
        std::thread::sleep(POLL);
    };
    eprintln!(
        "installed Atelier up in {:.1} s: window {} {:?}",
        started_at.elapsed().as_secs_f64(),
        window.0,
        window.1
    );
    assert!(
        window.1.contains(&wm_class),
        "the window's WM_CLASS {:?} does not hold the menu entry's StartupWMClass={wm_class}",
        window.1
    );

    app.stop();
    assert!(support::group_is_gone(app.pgid), "Atelier's processes are gone");
    drop(app);
    drop(display);
    installed.remove(&files);
}
