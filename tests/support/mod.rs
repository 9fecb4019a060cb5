//! The end-to-end harness: the real Atelier window on a private X server,
//! driven through `tauri-driver` + `WebKitWebDriver` with fantoccini.
//!
//! A scenario owns everything it starts. [`App`] owns the driver's process
//! group (tauri-driver, WebKitWebDriver, Atelier and WebKit's helper
//! processes) and, through an `Arc`, its [`Display`] (Xvfb and a private D-Bus
//! session bus). Dropping the `App` — also when the scenario panics — ends
//! them all.
//!
//! ```ignore
//! let data = tempfile::tempdir().expect("temp data dir");
//! let app = App::launch(data.path()).await;
//! app.click("[data-testid=new-project]").await;
//! app.fill("[data-testid=project-name]", "Biologie 101").await;
//! let app = app.restart().await; // quit as a user does, start again
//! app.wait_text("[data-testid=project-list]", "Biologie 101").await;
//! app.quit().await;
//! ```
//!
//! Every wait polls for a condition until a deadline ([`TIMEOUT`] unless
//! [`App::with_timeout`] says otherwise); none sleeps for a fixed time. A
//! wait that times out saves a screenshot and the driver/app log under
//! `target/e2e-failures/` and panics with the selector, what it last saw and
//! the end of the log.

// Each scenario file is its own crate and uses a different part of this module.
#![allow(dead_code)]

pub mod handoff;
pub mod layout;
pub mod mix;
pub mod tour;
pub mod vendors;

use std::fs::{self, File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::{mpsc, Arc, OnceLock};
use std::time::{Duration, Instant};

use fantoccini::error::CmdError;
use fantoccini::wd::Capabilities;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use rustix::process::{kill_process_group, Pid, Signal};
use serde_json::{json, Value};
use tempfile::TempDir;

pub use fantoccini::elements::Element;
pub use fantoccini::key::Key;

/// How long a wait gives the window before the scenario fails.
pub const TIMEOUT: Duration = Duration::from_secs(15);
/// Starting the driver, the app and loading the page, on a slow CI machine.
const LAUNCH_TIMEOUT: Duration = Duration::from_secs(40);
/// How long Atelier gets to end by itself once its window is closed.
const EXIT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a process group gets after SIGTERM before SIGKILL.
const TERM_GRACE: Duration = Duration::from_secs(3);
const POLL: Duration = Duration::from_millis(50);

/// The page is up: loaded, and the shell (or the "storage unavailable"
/// screen) rendered.
const READY_JS: &str = "return document.readyState === 'complete' && \
    !!document.querySelector('[data-testid=\"app-shell\"], [data-testid=\"storage-error\"]');";

/// The binary under test, built by cargo with this test's features.
fn binary() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let bin = Path::new(env!("CARGO_BIN_EXE_atelier"));
        bin.canonicalize().unwrap_or_else(|_| bin.to_path_buf())
    })
}

/// The local date `n` days from today, as a date field takes it (ISO).
pub fn in_days(n: i64) -> String {
    (chrono::Local::now().date_naive() + chrono::Duration::days(n))
        .format("%Y-%m-%d")
        .to_string()
}

/// The cargo target directory (`CARGO_TARGET_TMPDIR` is `<target>/tmp`).
pub fn target_dir() -> PathBuf {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    tmp.parent().unwrap_or(tmp).to_path_buf()
}

// ---------------------------------------------------------------------------
// Display: Xvfb + a private session bus
// ---------------------------------------------------------------------------

/// A private desktop session: an Xvfb screen (1400×900 unless said) on a free display
/// number and a D-Bus session bus of its own. The bus keeps the app's
/// single-instance plugin from finding — and handing itself over to — an
/// Atelier the developer has open on their own desktop; it has no service
/// directories, so nothing (portals, accessibility) gets activated on it.
pub struct Display {
    number: u32,
    // Dropped in this order: the daemons, then their folder.
    xvfb: Daemon,
    bus: Option<Daemon>,
    bus_address: String,
    dir: TempDir,
}

/// A background server this harness started; stopped (and reaped) on drop.
struct Daemon {
    child: Child,
    // Kept open: the daemon printed its ready line here and may not expect
    // the pipe to close under it.
    _stdout: ChildStdout,
}

impl Drop for Daemon {
    fn drop(&mut self) {
        stop_child(&mut self.child);
    }
}

impl Display {
    /// Starts Xvfb (1400×900) and the bus; returns once both accept
    /// connections.
    pub fn start() -> Display {
        Display::start_sized(1400, 900)
    }

    /// Starts Xvfb with a screen of `width`×`height` (a small laptop, say)
    /// and the bus; returns once both accept connections.
    pub fn start_sized(width: u32, height: u32) -> Display {
        reap_orphaned_groups();
        let dir = tempfile::Builder::new()
            .prefix("atelier-e2e-display-")
            .tempdir()
            .expect("a temp dir for the display");
        let log = File::create(dir.path().join("xvfb.log")).expect("Xvfb's log file");
        // `-displayfd 1`: Xvfb picks a free display number itself and writes
        // it to stdout once it accepts connections — no guessing, no race
        // with another test run choosing the same number.
        let mut xvfb = Command::new("Xvfb")
            .args(["-displayfd", "1", "-screen", "0", &format!("{width}x{height}x24")])
            .args(["-nolisten", "tcp", "-noreset"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(log)
            .process_group(0)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start Xvfb ({e}): install the `xvfb` package"));
        register(&xvfb);
        let stdout = xvfb.stdout.take().expect("Xvfb's stdout is piped");
        let ready = read_line_within(stdout, Duration::from_secs(20));
        let Some((number, stdout)) = ready.and_then(|(l, out)| Some((l.trim().parse::<u32>().ok()?, out))) else {
            stop_child(&mut xvfb);
            let log = fs::read_to_string(dir.path().join("xvfb.log")).unwrap_or_default();
            panic!("Xvfb did not report a display number. Its log:\n{log}");
        };
        let xvfb = Daemon {
            child: xvfb,
            _stdout: stdout,
        };
        let (bus, bus_address) = start_bus(dir.path());
        Display {
            number,
            xvfb,
            bus,
            bus_address,
            dir,
        }
    }

    /// The display number N (`DISPLAY=:N`).
    pub fn number(&self) -> u32 {
        self.number
    }

    /// The value for `DISPLAY`.
    pub fn name(&self) -> String {
        format!(":{}", self.number)
    }

    /// The value for `DBUS_SESSION_BUS_ADDRESS`.
    pub fn bus_address(&self) -> &str {
        &self.bus_address
    }
}

/// A `dbus-daemon` for this display only. Without `dbus-daemon` the app gets
/// an address where nothing listens: the single-instance plugin then starts
/// normally, which is all the isolation needs.
fn start_bus(dir: &Path) -> (Option<Daemon>, String) {
    let socket = dir.join("bus");
    let config = dir.join("bus.conf");
    let conf = format!(
        r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#,
        socket.display()
    );
    let fallback = format!("unix:path={}", dir.join("no-bus").display());
    if fs::write(&config, conf).is_err() {
        return (None, fallback);
    }
    let spawned = Command::new("dbus-daemon")
        .arg(format!("--config-file={}", config.display()))
        .args(["--nofork", "--nopidfile", "--print-address=1"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn();
    let Ok(mut bus) = spawned else {
        return (None, fallback);
    };
    register(&bus);
    let stdout = bus.stdout.take().expect("dbus-daemon's stdout is piped");
    // dbus-daemon prints its address once it listens.
    match read_line_within(stdout, Duration::from_secs(10)) {
        Some((address, stdout)) if !address.trim().is_empty() => {
            let address = address.trim().to_owned();
            (
                Some(Daemon {
                    child: bus,
                    _stdout: stdout,
                }),
                address,
            )
        }
        _ => {
            stop_child(&mut bus);
            (None, fallback)
        }
    }
}

/// Reads one line from a child's stdout, giving up after `within` (the
/// caller then kills the child, which ends the read). Hands the pipe back so
/// that it stays open as long as the child runs.
fn read_line_within(stdout: ChildStdout, within: Duration) -> Option<(String, ChildStdout)> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stdout);
        let mut line = String::new();
        if matches!(reader.read_line(&mut line), Ok(n) if n > 0) {
            let _ = tx.send((line, reader.into_inner()));
        }
    });
    rx.recv_timeout(within).ok()
}

/// Ends a child started in a process group of its own (and whatever it
/// started): SIGTERM first, so Xvfb removes its lock and socket.
fn stop_child(child: &mut Child) {
    let pgid = group_of(child);
    end_group(pgid, || {
        let _ = child.try_wait();
    });
    let _ = child.wait();
    unregister(pgid);
}

/// The process group a child leads (`process_group(0)`).
fn group_of(child: &Child) -> i32 {
    i32::try_from(child.id()).expect("a pid fits in i32")
}

// ---------------------------------------------------------------------------
// Languages
// ---------------------------------------------------------------------------

/// The language the app is started in, as the OS would tell it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    /// `"fr"` or `"en"`.
    pub fn parse(code: &str) -> Lang {
        match code {
            "fr" => Lang::Fr,
            "en" => Lang::En,
            other => panic!("unsupported language {other:?}: use \"fr\" or \"en\""),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    fn locale(self) -> &'static str {
        match self {
            Lang::Fr => "fr_FR.UTF-8",
            Lang::En => "en_US.UTF-8",
        }
    }

    fn locale_source(self) -> &'static str {
        match self {
            Lang::Fr => "fr_FR",
            Lang::En => "en_US",
        }
    }
}

/// WebKitGTK takes `navigator.language` (and Intl's default locale) from
/// `setlocale(LC_CTYPE)`, not from `LANGUAGE`: a locale the C library does
/// not have falls back to "C", and the page then says `en-US` whatever
/// `LANG` says. Rather than require `locale-gen` (root, system-wide), both
/// locales are compiled once into `target/e2e-locales` and glibc is pointed
/// at them with `LOCPATH`. `None` when `localedef` or the locale sources
/// (Debian package `locales`) are missing: the system's locales are used and
/// [`App::launch_with_lang`] checks what the page really got.
fn compiled_locales() -> Option<&'static Path> {
    static DIR: OnceLock<Option<PathBuf>> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = target_dir().join("e2e-locales");
        for lang in [Lang::Fr, Lang::En] {
            let out = dir.join(lang.locale());
            if out.join("LC_CTYPE").is_file() {
                continue;
            }
            fs::create_dir_all(&dir).ok()?;
            let tmp = dir.join(format!(".{}.{}", lang.locale(), std::process::id()));
            let _ = fs::remove_dir_all(&tmp);
            // localedef exits non-zero on mere warnings: judge by what it wrote.
            let _ = Command::new("localedef")
                .args(["-i", lang.locale_source(), "-f", "UTF-8"])
                .arg(&tmp)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
            if !tmp.join("LC_CTYPE").is_file() {
                let _ = fs::remove_dir_all(&tmp);
                eprintln!("e2e: could not compile the {} locale with localedef", lang.locale());
                return None;
            }
            // Another test process may have won the race: theirs is as good.
            if fs::rename(&tmp, &out).is_err() {
                let _ = fs::remove_dir_all(&tmp);
            }
        }
        Some(dir)
    })
    .as_deref()
}

// ---------------------------------------------------------------------------
// Processes of a group, from /proc
// ---------------------------------------------------------------------------

/// Live (not zombie) processes whose process group is `pgid`.
fn group_members(pgid: i32) -> Vec<i32> {
    let Ok(entries) = fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<i32>().ok())
        .filter(|&pid| {
            let Ok(stat) = fs::read_to_string(format!("/proc/{pid}/stat")) else {
                return false;
            };
            // "pid (comm) state ppid pgrp ..." — comm may hold spaces and ')'.
            let Some(rest) = stat.rfind(')').map(|i| &stat[i + 1..]) else {
                return false;
            };
            let mut fields = rest.split_whitespace();
            let state = fields.next().unwrap_or("Z");
            let pgrp = fields.nth(1).and_then(|p| p.parse::<i32>().ok());
            pgrp == Some(pgid) && state != "Z" && state != "X"
        })
        .collect()
}

/// No live process is left in the process group `pgid`.
pub fn group_is_gone(pgid: i32) -> bool {
    group_members(pgid).is_empty()
}

/// Atelier's own process(es) in the group (not the driver's, not WebKit's).
fn app_pids(pgid: i32) -> Vec<i32> {
    group_members(pgid)
        .into_iter()
        .filter(|pid| {
            fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|exe| {
                let exe = exe.to_string_lossy();
                Path::new(exe.trim_end_matches(" (deleted)")) == binary()
            })
        })
        .collect()
}

// ---------------------------------------------------------------------------
// A program started on its own (tests/perf.rs)
// ---------------------------------------------------------------------------

/// A program started straight on a display, without a driver, in a process
/// group of its own that holds whatever it starts (WebKit's helpers), with
/// its standard error piped: what `tests/perf.rs` measures. The group is
/// registered like the harness's others and ended on drop.
pub struct Program {
    child: Child,
    pgid: i32,
}

impl Program {
    /// Starts `binary` on `display` with the scenarios' environment: a
    /// fresh `profile` folder, the data folder `data_dir`, the language
    /// `lang` ("fr" or "en").
    pub fn start(binary: &Path, display: &Display, profile: &Path, data_dir: &Path, lang: &str) -> Program {
        let child = Command::new(binary)
            .envs(launch_env(display, profile, data_dir, Lang::parse(lang)))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .process_group(0)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", binary.display()));
        register(&child);
        let pgid = group_of(&child);
        Program { child, pgid }
    }

    /// Its process id (the leader of its group).
    pub fn pid(&self) -> i32 {
        self.pgid
    }

    /// Its standard error, once.
    pub fn stderr(&mut self) -> Option<std::process::ChildStderr> {
        self.child.stderr.take()
    }

    /// The live processes of its group, each with its name
    /// (`/proc/<pid>/comm`: WebKit's are `WebKitWebProces` and
    /// `WebKitNetworkPr`).
    pub fn processes(&self) -> Vec<(i32, String)> {
        group_members(self.pgid)
            .into_iter()
            .map(|pid| {
                let name = fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
                (pid, name.trim().to_owned())
            })
            .collect()
    }
}

impl Drop for Program {
    fn drop(&mut self) {
        stop_child(&mut self.child);
    }
}

// ---------------------------------------------------------------------------
// The driver
// ---------------------------------------------------------------------------

/// tauri-driver in a process group of its own. WebKitWebDriver, Atelier and
/// WebKit's helpers inherit the group, and tauri-driver does not end
/// WebKitWebDriver when it is stopped: the whole group is signalled.
struct Driver {
    child: Child,
    pgid: i32,
    port: u16,
    stopped: bool,
}

impl Driver {
    fn spawn(port: u16, native_port: u16, env: &[(String, String)], unset: &[&str], log: &Path) -> Driver {
        let mut out = OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .expect("the driver's log file");
        let _ = writeln!(out, "--- tauri-driver --port {port} --native-port {native_port}");
        let err = out.try_clone().expect("the driver's log file, again");
        let mut cmd = Command::new("tauri-driver");
        cmd.args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .process_group(0);
        for key in unset {
            cmd.env_remove(key);
        }
        cmd.envs(env.iter().map(|(k, v)| (k, v)));
        let child = cmd.spawn().unwrap_or_else(|e| {
            panic!("cannot start tauri-driver ({e}): `cargo install tauri-driver --version 2.1.0 --locked`")
        });
        register(&child);
        Driver {
            pgid: group_of(&child),
            child,
            port,
            stopped: false,
        }
    }

    /// Waits until tauri-driver accepts connections; `Err` if it ended (its
    /// port was taken, most likely) or did not listen in time.
    async fn wait_listening(&mut self) -> Result<(), String> {
        let deadline = Instant::now() + LAUNCH_TIMEOUT;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Err(format!("tauri-driver ended at start ({status})"));
            }
            if tokio::net::TcpStream::connect(("127.0.0.1", self.port)).await.is_ok() {
                return Ok(());
            }
            if Instant::now() >= deadline {
                return Err(format!(
                    "tauri-driver did not listen on port {} in {LAUNCH_TIMEOUT:?}",
                    self.port
                ));
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Ends the whole group: SIGTERM, then SIGKILL after a grace period;
    /// reaps tauri-driver. Synchronous, for `Drop` (which may run during a
    /// panic); it takes milliseconds when the group obeys SIGTERM.
    fn stop(&mut self) {
        if std::mem::replace(&mut self.stopped, true) {
            return;
        }
        stop_child(&mut self.child);
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        self.stop();
    }
}

/// SIGTERM to the group, SIGKILL to what outlives the grace period; returns
/// once no live process is left in it. `reap` lets the caller collect its
/// own child's exit (a zombie is not "live", but an unreaped leader is
/// tidier gone).
fn end_group(pgid: i32, mut reap: impl FnMut()) {
    let Some(group) = Pid::from_raw(pgid) else {
        return;
    };
    for (signal, grace) in [(Signal::TERM, TERM_GRACE), (Signal::KILL, Duration::from_secs(2))] {
        let _ = kill_process_group(group, signal);
        let deadline = Instant::now() + grace;
        loop {
            reap();
            if group_is_gone(pgid) {
                return;
            }
            if Instant::now() >= deadline {
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

/// Process groups started by this harness (Xvfb, dbus-daemon, the driver):
/// `target/e2e-running/<pgid>` holds the pid of the test process that owns
/// it. A run ended by Ctrl-C, a `timeout` or SIGKILL never reaches `Drop`,
/// and these groups — outside the terminal's process group, so untouched by
/// Ctrl-C — would live on; the next launch ends them.
fn registry() -> PathBuf {
    target_dir().join("e2e-running")
}

fn register(leader: &Child) {
    let pgid = group_of(leader);
    let _ = fs::create_dir_all(registry());
    let _ = fs::write(registry().join(pgid.to_string()), std::process::id().to_string());
}

fn unregister(pgid: i32) {
    let _ = fs::remove_file(registry().join(pgid.to_string()));
}

/// Ends the groups of test processes that are gone (once per test
/// process). A group is only signalled if it still holds one of the
/// processes the harness starts, in case its number was reused.
fn reap_orphaned_groups() {
    static ONCE: OnceLock<()> = OnceLock::new();
    ONCE.get_or_init(|| {
        let Ok(entries) = fs::read_dir(registry()) else {
            return;
        };
        for entry in entries.flatten() {
            let Some(pgid) = entry.file_name().to_str().and_then(|n| n.parse::<i32>().ok()) else {
                continue;
            };
            let owner = fs::read_to_string(entry.path()).unwrap_or_default();
            if Path::new("/proc").join(owner.trim()).exists() && !owner.trim().is_empty() {
                continue;
            }
            let ours = group_members(pgid).iter().any(|pid| {
                let comm = fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
                matches!(
                    comm.trim(),
                    "Xvfb" | "dbus-daemon" | "tauri-driver" | "WebKitWebDriver" | "atelier"
                )
            });
            if ours {
                eprintln!("e2e: ending process group {pgid} left by an interrupted run");
                end_group(pgid, || ());
            }
            let _ = fs::remove_file(entry.path());
        }
    });
}

/// Two ports nothing listens on now (held together so they differ).
fn free_ports() -> (u16, u16) {
    let a = TcpListener::bind("127.0.0.1:0").expect("a free local port");
    let b = TcpListener::bind("127.0.0.1:0").expect("a second free local port");
    let port = |l: &TcpListener| l.local_addr().expect("a bound port").port();
    (port(&a), port(&b))
}

// ---------------------------------------------------------------------------
// The app
// ---------------------------------------------------------------------------

/// A running Atelier window and the WebDriver session driving it.
pub struct App {
    // Drop order matters: the session, then the driver's group, then the
    // display it was drawing on.
    client: Option<Client>,
    driver: Option<Driver>,
    display: Arc<Display>,
    /// HOME-like folders (XDG data/config/cache) for the webview: kept
    /// across a restart as a real user's would be, private to the scenario.
    profile: Arc<TempDir>,
    data_dir: PathBuf,
    lang: Lang,
    timeout: Duration,
    launched_in: Duration,
}

/// A condition not met yet, with what was seen instead (for the failure
/// message).
type Attempt<T> = Result<Result<T, String>, CmdError>;

impl App {
    /// Starts Atelier in English on `data_dir`, on a display of its own, and
    /// waits until the page is up. The same as `launch_with_lang(data_dir, "en")`.
    pub async fn launch(data_dir: &Path) -> App {
        App::launch_with_lang(data_dir, "en").await
    }

    /// Starts Atelier with the OS language set to `lang` (`"fr"` or `"en"`:
    /// `LANG`, `LANGUAGE`, `LC_ALL`) and checks that the webview's
    /// `navigator.language` follows.
    pub async fn launch_with_lang(data_dir: &Path, lang: &str) -> App {
        App::launch_on(&Arc::new(Display::start()), data_dir, lang).await
    }

    /// Starts Atelier on a display that already exists. A second Atelier
    /// on the same display shares its session bus, so — as on a real
    /// desktop — the single-instance plugin hands it over to the first one.
    pub async fn launch_on(display: &Arc<Display>, data_dir: &Path, lang: &str) -> App {
        let profile = tempfile::Builder::new()
            .prefix("atelier-e2e-profile-")
            .tempdir()
            .expect("a temp dir for the webview's profile");
        App::start(
            Arc::clone(display),
            Arc::new(profile),
            data_dir,
            Lang::parse(lang),
            TIMEOUT,
        )
        .await
    }

    async fn start(
        display: Arc<Display>,
        profile: Arc<TempDir>,
        data_dir: &Path,
        lang: Lang,
        timeout: Duration,
    ) -> App {
        let started = Instant::now();
        reap_orphaned_groups();
        let mut env = launch_env(&display, profile.path(), data_dir, lang);
        // Atelier draws in software (`src-tauri/src/rendering.rs`), and
        // WebKitWebDriver's Take Screenshot never answers for a view drawn
        // so: the scenarios keep WebKit's GPU compositing, for the failure
        // screenshots and `make screenshots`. `make perf` starts the app
        // as a DLM does, drawing in software.
        env.push(("ATELIER_GPU_COMPOSITING".to_owned(), "1".to_owned()));
        // Variables of the developer's session that would pull the app away
        // from the private display or override the chosen language.
        let unset = ["WAYLAND_DISPLAY", "LOCPATH"];
        let log = profile.path().join("driver.log");

        let mut last_error = String::new();
        for attempt in 1..=3 {
            let (port, native_port) = free_ports();
            let mut driver = Driver::spawn(port, native_port, &env, &unset, &log);
            if let Err(e) = driver.wait_listening().await {
                last_error = e;
                eprintln!("e2e: attempt {attempt}: {last_error}");
                continue;
            }
            let client = match tokio::time::timeout(LAUNCH_TIMEOUT, new_session(port)).await {
                Ok(Ok(client)) => client,
                Ok(Err(e)) => {
                    last_error = format!("no WebDriver session: {e}");
                    eprintln!("e2e: attempt {attempt}: {last_error}");
                    continue;
                }
                Err(_) => {
                    last_error = format!("no WebDriver session within {LAUNCH_TIMEOUT:?}");
                    eprintln!("e2e: attempt {attempt}: {last_error}");
                    continue;
                }
            };
            let mut app = App {
                client: Some(client),
                driver: Some(driver),
                display,
                profile,
                data_dir: data_dir.to_path_buf(),
                lang,
                timeout: LAUNCH_TIMEOUT,
                launched_in: Duration::ZERO,
            };
            app.wait_js_described(READY_JS, "the page to load and show the app shell or the storage error")
                .await;
            app.check_language().await;
            app.wait_painted().await;
            app.timeout = timeout;
            app.launched_in = started.elapsed();
            eprintln!(
                "e2e: Atelier ready in {:.2?} (display {}, {})",
                app.launched_in,
                app.display.name(),
                lang.locale()
            );
            return app;
        }
        panic!(
            "Atelier could not be started under tauri-driver: {last_error}\n{}",
            log_tail(&log, 40)
        );
    }

    /// The page must speak the language it was started in, or every French
    /// screenshot would silently be English.
    async fn check_language(&self) {
        let got = self.execute("return navigator.language").await;
        let got = got.as_str().unwrap_or_default().to_lowercase();
        if !got.starts_with(self.lang.code()) {
            panic!(
                "started with LANG={} but the webview's navigator.language is {got:?}. WebKitGTK \
                 reads LC_CTYPE through setlocale(): the locale must exist. The harness compiles it \
                 with `localedef` into target/e2e-locales (needs the `locales` package); or run \
                 `locale-gen {}`.",
                self.lang.locale(),
                self.lang.locale()
            );
        }
    }

    /// Quits as a user does (closes the window), checks that Atelier has
    /// really ended and let go of its data directory, and starts it again on
    /// the same data directory, display and language.
    pub async fn restart(mut self) -> App {
        self.shutdown().await;
        let display = Arc::clone(&self.display);
        let profile = Arc::clone(&self.profile);
        let (data_dir, lang, timeout) = (self.data_dir.clone(), self.lang, self.timeout);
        drop(self);
        App::start(display, profile, &data_dir, lang, timeout).await
    }

    /// Closes the window and the session, ends the driver's whole process
    /// group and, when this was the last user of its display, the display.
    pub async fn quit(mut self) {
        self.shutdown().await;
    }

    async fn shutdown(&mut self) {
        let Some(mut driver) = self.driver.take() else {
            return;
        };
        if let Some(client) = self.client.take() {
            // Closing the last window ends a Tauri app the way a user's quit
            // does (its Drop code runs); deleting the session is tidy-up.
            let _ = tokio::time::timeout(EXIT_TIMEOUT, client.close_window()).await;
            let _ = tokio::time::timeout(EXIT_TIMEOUT, client.close()).await;
        }
        let deadline = Instant::now() + EXIT_TIMEOUT;
        while !app_pids(driver.pgid).is_empty() && Instant::now() < deadline {
            tokio::time::sleep(POLL).await;
        }
        let left = app_pids(driver.pgid);
        if !left.is_empty() {
            eprintln!("e2e: Atelier (pid {left:?}) did not end after its window closed; killing it");
        }
        driver.stop();
        assert!(
            group_is_gone(driver.pgid),
            "processes of the driver's group {} are still running: {:?}",
            driver.pgid,
            group_members(driver.pgid)
        );
        // Atelier's lock on its data dir is an flock on a close-on-exec
        // descriptor: it went with the process, so the next start finds the
        // directory free (unless the scenario itself holds it, on purpose).
    }

    // -- settings and facts ------------------------------------------------

    /// The same app with another timeout for its waits.
    pub fn with_timeout(mut self, timeout: Duration) -> App {
        self.timeout = timeout;
        self
    }

    pub fn set_timeout(&mut self, timeout: Duration) {
        self.timeout = timeout;
    }

    /// The WebDriver client, for anything the helpers do not cover.
    pub fn client(&self) -> &Client {
        self.client.as_ref().expect("the app's WebDriver session is open")
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// Where the app saves files and reads imports from in e2e builds
    /// (`<folder>/<suggested name>` and `<folder>/import.csv`).
    pub fn files_dir(&self) -> PathBuf {
        self.profile.path().join("files")
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn display(&self) -> &Arc<Display> {
        &self.display
    }

    /// From starting tauri-driver to the page being up.
    pub fn launched_in(&self) -> Duration {
        self.launched_in
    }

    /// The process group of tauri-driver, WebKitWebDriver and Atelier.
    pub fn driver_pgid(&self) -> i32 {
        self.driver.as_ref().expect("the driver is running").pgid
    }

    /// The pid of the Atelier process under test.
    pub fn app_pid(&self) -> Option<i32> {
        app_pids(self.driver_pgid()).first().copied()
    }

    // -- waiting -------------------------------------------------------------

    /// Polls `attempt` until it gives a value; on the deadline saves a
    /// screenshot and panics with `what` and the last thing seen. Errors that
    /// cannot get better (bad selector, the session or the app gone) fail
    /// at once.
    async fn poll<T>(&self, what: &str, mut attempt: impl AsyncFnMut() -> Attempt<T>) -> T {
        let deadline = Instant::now() + self.timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now()).max(POLL);
            let seen = match tokio::time::timeout(left, attempt()).await {
                Ok(Ok(Ok(value))) => return value,
                Ok(Ok(Err(not_yet))) => not_yet,
                Ok(Err(e)) if is_fatal(&e) => {
                    let report = self.failure_report(&format!("while waiting for {what}: {e}")).await;
                    panic!("{report}");
                }
                Ok(Err(e)) => e.to_string(),
                Err(_) => "the WebDriver command did not answer".to_owned(),
            };
            if Instant::now() >= deadline {
                let seen = if seen.is_empty() {
                    String::new()
                } else {
                    format!(" (last seen: {seen})")
                };
                let report = self
                    .failure_report(&format!("timed out after {:?} waiting for {what}{seen}", self.timeout))
                    .await;
                panic!("{report}");
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until an element matches `css`; returns it.
    pub async fn wait_for(&self, css: &str) -> Element {
        self.poll(&format!("`{css}` to appear"), async || {
            match self.client().find(Locator::Css(css)).await {
                Ok(el) => Ok(Ok(el)),
                Err(e) if e.is_no_such_element() => Ok(Err("no such element".to_owned())),
                Err(e) => Err(e),
            }
        })
        .await
    }

    /// Waits until an element matching `css` is displayed (not just in the DOM).
    pub async fn wait_visible(&self, css: &str) -> Element {
        self.poll(&format!("`{css}` to be visible"), async || {
            let el = match self.client().find(Locator::Css(css)).await {
                Ok(el) => el,
                Err(e) if e.is_no_such_element() => return Ok(Err("no such element".to_owned())),
                Err(e) => return Err(e),
            };
            match el.is_displayed().await {
                Ok(true) => Ok(Ok(el)),
                Ok(false) => Ok(Err("present but not displayed".to_owned())),
                Err(e) => Err(e),
            }
        })
        .await
    }

    /// Waits until nothing matches `css`.
    pub async fn wait_gone(&self, css: &str) {
        self.poll(&format!("`{css}` to disappear"), async || {
            let n = self.client().find_all(Locator::Css(css)).await?.len();
            Ok(if n == 0 {
                Ok(())
            } else {
                Err(format!("{n} element(s) still match"))
            })
        })
        .await;
    }

    /// Waits until exactly `n` elements match `css`.
    pub async fn wait_until_count(&self, css: &str, n: usize) {
        self.poll(&format!("{n} element(s) matching `{css}`"), async || {
            let got = self.client().find_all(Locator::Css(css)).await?.len();
            Ok(if got == n { Ok(()) } else { Err(format!("{got} match")) })
        })
        .await;
    }

    /// Waits until the text of the (first) element matching `css` contains
    /// `needle`; returns that text. The text is the element's `innerText`,
    /// as in [`App::text`].
    pub async fn wait_text(&self, css: &str, needle: &str) -> String {
        self.poll(&format!("`{css}` to contain {needle:?}"), async || {
            Ok(match self.read_text(css).await? {
                Some(text) if text.contains(needle) => Ok(text),
                Some(text) => Err(format!("text {text:?}")),
                None => Err("no such element".to_owned()),
            })
        })
        .await
    }

    /// Waits until the JavaScript expression `condition` is truthy, e.g.
    /// `"document.activeElement.id === 'name'"`.
    pub async fn wait_js(&self, condition: &str) {
        self.wait_js_described(&format!("return !!({condition});"), &format!("`{condition}`"))
            .await;
    }

    async fn wait_js_described(&self, script: &str, what: &str) {
        self.poll(what, async || {
            let v = self.client().execute(script, Vec::new()).await?;
            Ok(if v == Value::Bool(true) {
                Ok(())
            } else {
                Err(format!("it returned {v}"))
            })
        })
        .await;
    }

    /// Waits until the page has drawn what its DOM says now (web fonts
    /// loaded, two animation frames): the DOM is often ready before the
    /// window shows it, and a screenshot taken then is blank.
    pub async fn wait_painted(&self) {
        const PAINTED: &str = "const done = arguments[arguments.length - 1]; \
            document.fonts.ready.then(() => \
            requestAnimationFrame(() => requestAnimationFrame(() => done(true))));";
        let painted = tokio::time::timeout(self.timeout, self.client().execute_async(PAINTED, Vec::new())).await;
        let problem = match painted {
            Ok(Ok(_)) => return,
            Ok(Err(e)) => e.to_string(),
            Err(_) => format!("no frame within {:?}", self.timeout),
        };
        let report = self
            .failure_report(&format!("waiting for the window to paint: {problem}"))
            .await;
        panic!("{report}");
    }

    // -- acting ------------------------------------------------------------

    /// Clicks the element matching `css`, once it is there and clickable.
    pub async fn click(&self, css: &str) {
        self.poll(&format!("`{css}` to be clicked"), async || {
            match self.client().find(Locator::Css(css)).await {
                Ok(el) => retry_on_element_state(el.click().await),
                Err(e) if e.is_no_such_element() => Ok(Err("no such element".to_owned())),
                Err(e) => Err(e),
            }
        })
        .await;
    }

    /// Replaces the value of the field matching `css` with `text`, typed as
    /// keystrokes. Fields with a picker instead of free text (`date`,
    /// `time`, `color`, `range`, …) take `text` in their DOM value format
    /// (`"2026-06-10"`), set as a picker would, with `input` and `change`
    /// events: WebKitGTK's date field types digits into its segments in the
    /// locale's order ("2026-06-10" became "0010-12-06"), and Element Clear
    /// on it can hang.
    pub async fn fill(&self, css: &str, text: &str) {
        let (el, kind) = self
            .poll(&format!("`{css}` to be there to fill"), async || {
                let el = match self.client().find(Locator::Css(css)).await {
                    Ok(el) => el,
                    Err(e) if e.is_no_such_element() => {
                        return Ok(Err("no such element".to_owned()));
                    }
                    Err(e) => return Err(e),
                };
                let kind = retry_on_element_state(el.prop("type").await)?;
                Ok(kind.map(|kind| (el, kind.unwrap_or_default())))
            })
            .await;
        if PICKER_INPUTS.contains(&kind.as_str()) {
            let arg = serde_json::to_value(&el).expect("an element serialises");
            let got = self.execute_with(SET_VALUE_JS, vec![arg, json!(text)]).await;
            if got.as_str() != Some(text) {
                let report = self
                    .failure_report(&format!(
                        "the {kind} field `{css}` did not take {text:?} (its value is {got}); \
                         give it in the DOM format, e.g. 2026-06-10 for a date"
                    ))
                    .await;
                panic!("{report}");
            }
            return;
        }
        self.poll(&format!("`{css}` to be filled"), async || {
            let el = match self.client().find(Locator::Css(css)).await {
                Ok(el) => el,
                Err(e) if e.is_no_such_element() => return Ok(Err("no such element".to_owned())),
                Err(e) => return Err(e),
            };
            if let Err(not_yet) = retry_on_element_state(el.clear().await)? {
                return Ok(Err(not_yet));
            }
            // WebKit's Element Clear fires only `change`; Svelte's
            // `bind:value` listens to `input`, and would keep the old value
            // when the new one is empty.
            let arg = serde_json::to_value(&el).map_err(CmdError::Json)?;
            self.client()
                .execute(
                    "arguments[0].dispatchEvent(new Event('input', { bubbles: true }));",
                    vec![arg],
                )
                .await?;
            if text.is_empty() {
                // WebKitWebDriver never answers Element Send Keys with "".
                return Ok(Ok(()));
            }
            // A line break is typed as the Enter key, as a person would:
            // WebKitWebDriver types a raw "\n" as nothing.
            retry_on_element_state(el.send_keys(&text.replace('\n', "\u{E007}")).await)
        })
        .await;
    }

    /// Chooses the `<option value=…>` of the `<select>` matching `css`.
    pub async fn select(&self, css: &str, value: &str) {
        self.poll(&format!("`{css}` to select {value:?}"), async || {
            match self.client().find(Locator::Css(css)).await {
                Ok(el) => retry_on_element_state(el.select_by_value(value).await),
                Err(e) if e.is_no_such_element() => Ok(Err("no such element".to_owned())),
                Err(e) => Err(e),
            }
        })
        .await;
    }

    /// Types `text` into the element matching `css` as key presses, without
    /// clearing it first: letters as shortcuts (a RACI cell's `A`).
    pub async fn type_keys(&self, css: &str, text: &str) {
        self.poll(&format!("`{css}` to receive {text:?}"), async || {
            match self.client().find(Locator::Css(css)).await {
                Ok(el) => retry_on_element_state(el.send_keys(text).await),
                Err(e) if e.is_no_such_element() => Ok(Err("no such element".to_owned())),
                Err(e) => Err(e),
            }
        })
        .await;
    }

    /// Presses `keys` together on whatever has the focus, as a person does
    /// (`&[Key::Control.into(), 'k']` is Ctrl+K), then lets them go.
    pub async fn chord(&self, keys: &[char]) {
        use fantoccini::actions::{InputSource, KeyAction, KeyActions};
        let mut actions = KeyActions::new("keyboard".to_owned());
        for key in keys {
            actions = actions.then(KeyAction::Down { value: *key });
        }
        for key in keys.iter().rev() {
            actions = actions.then(KeyAction::Up { value: *key });
        }
        self.client()
            .perform_actions(actions)
            .await
            .unwrap_or_else(|e| panic!("pressing {keys:?}: {e}"));
    }

    /// Types `text` on whatever has the focus, key by key.
    pub async fn keyboard(&self, text: &str) {
        for c in text.chars() {
            self.chord(&[c]).await;
        }
    }

    /// Sends one key (e.g. `Key::Enter`, `Key::Escape`) to the element
    /// matching `css`.
    pub async fn press_key(&self, css: &str, key: Key) {
        self.poll(&format!("`{css}` to receive {key:?}"), async || {
            match self.client().find(Locator::Css(css)).await {
                Ok(el) => retry_on_element_state(el.send_keys(&key).await),
                Err(e) if e.is_no_such_element() => Ok(Err("no such element".to_owned())),
                Err(e) => Err(e),
            }
        })
        .await;
    }

    /// Drags the first `source` match onto the first `target` match with the
    /// HTML drag-and-drop events a mouse drag fires (dragstart, dragenter,
    /// dragover, drop, dragend, sharing one `DataTransfer`). WebDriver's
    /// pointer actions do not start a native drag in WebKitGTK, so the
    /// events are dispatched in the page; the app's handlers are the real ones.
    pub async fn drag_to(&self, source: &str, target: &str) {
        self.wait_for(source).await;
        self.wait_for(target).await;
        let done = self
            .execute_with(
                "const [from, to] = [document.querySelector(arguments[0]), document.querySelector(arguments[1])];
                 if (!from || !to) return false;
                 const dataTransfer = new DataTransfer();
                 const fire = (el, type) => el.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer }));
                 fire(from, 'dragstart');
                 fire(to, 'dragenter');
                 fire(to, 'dragover');
                 fire(to, 'drop');
                 fire(from, 'dragend');
                 return true;",
                vec![Value::from(source), Value::from(target)],
            )
            .await;
        assert_eq!(done, Value::Bool(true), "`{source}` and `{target}` are on the page");
    }

    // -- common steps of a scenario -----------------------------------------

    /// Adds someone to the directory with only a name, and waits for
    /// their page.
    pub async fn add_person(&self, name: &str) {
        self.click("[data-testid=nav-people]").await;
        self.click("[data-testid=add-person]").await;
        self.fill("[data-testid=person-name-input]", name).await;
        self.click("[data-testid=save-person]").await;
        self.wait_text("[data-testid=person-name]", name).await;
    }

    /// Creates a project with only a title (from the welcome screen or the
    /// portfolio, whichever shows) and waits for its page.
    pub async fn new_project(&self, title: &str) {
        self.click("[data-testid=nav-projects]").await;
        let first = self.exists("[data-testid=welcome-new]").await;
        self.click(if first {
            "[data-testid=welcome-new]"
        } else {
            "[data-testid=new-project]"
        })
        .await;
        self.fill("[data-testid=field-title]", title).await;
        self.click("[data-testid=save-project]").await;
        self.wait_text("[data-testid=project-title]", title).await;
    }

    // -- reading -------------------------------------------------------------

    /// The rendered text of the (first) element matching `css`, once there:
    /// its `innerText`. Not WebDriver's Get Element Text, whose visibility
    /// rules drop text in line-clamped boxes (`display: -webkit-box;
    /// overflow: hidden`) — a project card's title, for one.
    pub async fn text(&self, css: &str) -> String {
        self.poll(&format!("the text of `{css}`"), async || {
            Ok(self.read_text(css).await?.ok_or_else(|| "no such element".to_owned()))
        })
        .await
    }

    /// `innerText` of the first match, `None` when nothing matches.
    async fn read_text(&self, css: &str) -> Result<Option<String>, CmdError> {
        const READ: &str = "let el; try { el = document.querySelector(arguments[0]); } \
            catch (e) { return { invalid: String(e) }; } \
            return el === null ? null : { text: el.innerText };";
        let got = self.client().execute(READ, vec![json!(css)]).await?;
        if let Some(invalid) = got.get("invalid") {
            return Err(CmdError::InvalidArgument(css.to_owned(), invalid.to_string()));
        }
        Ok(got.get("text").map(|t| t.as_str().unwrap_or_default().to_owned()))
    }

    /// The current value of the field matching `css` (waits for it).
    pub async fn value(&self, css: &str) -> String {
        self.poll(&format!("the value of `{css}`"), async || {
            match self.client().find(Locator::Css(css)).await {
                Ok(el) => retry_on_element_state(el.prop("value").await.map(Option::unwrap_or_default)),
                Err(e) if e.is_no_such_element() => Ok(Err("no such element".to_owned())),
                Err(e) => Err(e),
            }
        })
        .await
    }

    /// An attribute of the element matching `css` (waits for the element).
    pub async fn attr(&self, css: &str, name: &str) -> Option<String> {
        self.poll(&format!("attribute {name:?} of `{css}`"), async || {
            match self.client().find(Locator::Css(css)).await {
                Ok(el) => retry_on_element_state(el.attr(name).await),
                Err(e) if e.is_no_such_element() => Ok(Err("no such element".to_owned())),
                Err(e) => Err(e),
            }
        })
        .await
    }

    /// How many elements match `css` now (no waiting).
    pub async fn count(&self, css: &str) -> usize {
        match self.client().find_all(Locator::Css(css)).await {
            Ok(all) => all.len(),
            Err(e) => panic!("{}", self.failure_report(&format!("counting `{css}`: {e}")).await),
        }
    }

    /// Whether something matches `css` now (no waiting).
    pub async fn exists(&self, css: &str) -> bool {
        self.count(css).await > 0
    }

    /// The window's title.
    pub async fn title(&self) -> String {
        match self.client().title().await {
            Ok(title) => title,
            Err(e) => panic!("{}", self.failure_report(&format!("reading the title: {e}")).await),
        }
    }

    /// Runs `script` in the page (`return …` gives a value back).
    pub async fn execute(&self, script: &str) -> Value {
        self.execute_with(script, Vec::new()).await
    }

    /// Runs `script` with `arguments[0..]` set to `args`.
    pub async fn execute_with(&self, script: &str, args: Vec<Value>) -> Value {
        match self.client().execute(script, args).await {
            Ok(v) => v,
            Err(e) => panic!(
                "{}",
                self.failure_report(&format!("running script {script:?}: {e}")).await
            ),
        }
    }

    /// Saves a PNG of the window to `path` (parent folders created).
    pub async fn screenshot(&self, path: impl AsRef<Path>) {
        let path = path.as_ref();
        self.wait_painted().await;
        let png = match self.client().screenshot().await {
            Ok(png) => png,
            Err(e) => panic!("{}", self.failure_report(&format!("taking a screenshot: {e}")).await),
        };
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).unwrap_or_else(|e| panic!("creating {}: {e}", parent.display()));
        }
        fs::write(path, png).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
    }

    // -- failing well ------------------------------------------------------

    /// `message`, plus a screenshot and the driver/app log saved under
    /// `target/e2e-failures/<test name>.{png,log}`, plus the log's end.
    async fn failure_report(&self, message: &str) -> String {
        let dir = target_dir().join("e2e-failures");
        let name = failure_name();
        let mut report = message.to_owned();
        if fs::create_dir_all(&dir).is_ok() {
            if let Some(client) = &self.client {
                let shot = dir.join(format!("{name}.png"));
                let png = tokio::time::timeout(Duration::from_secs(5), client.screenshot()).await;
                match png.map(|png| png.map(|png| fs::write(&shot, png))) {
                    Ok(Ok(Ok(()))) => {
                        report.push_str(&format!("\n  screenshot: {}", shot.display()));
                    }
                    _ => report.push_str("\n  (no screenshot could be taken)"),
                }
            }
            let log = self.profile.path().join("driver.log");
            let saved = dir.join(format!("{name}.log"));
            if fs::copy(&log, &saved).is_ok() {
                report.push_str(&format!("\n  driver/app log: {}", saved.display()));
            }
        }
        report.push('\n');
        report.push_str(&log_tail(&self.profile.path().join("driver.log"), 25));
        report
    }
}

/// `<input>` types whose value is chosen with a picker, not typed.
const PICKER_INPUTS: &[&str] = &["date", "time", "datetime-local", "month", "week", "color", "range"];

/// Sets a field's value as its picker would: through the native setter
/// (which frameworks' own setters wrap), then `input` and `change`.
const SET_VALUE_JS: &str = "const [el, value] = arguments; el.focus(); \
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(el, value); \
    el.dispatchEvent(new Event('input', { bubbles: true })); \
    el.dispatchEvent(new Event('change', { bubbles: true })); \
    return el.value;";

/// Element states that a moment can fix (not rendered yet, covered by an
/// animation, re-rendered by Svelte) are "not yet"; the rest are errors.
fn retry_on_element_state<T>(result: Result<T, CmdError>) -> Attempt<T> {
    match result {
        Ok(v) => Ok(Ok(v)),
        Err(CmdError::Standard(ref e))
            if matches!(
                e.error,
                fantoccini::error::ErrorStatus::ElementNotInteractable
                    | fantoccini::error::ErrorStatus::ElementClickIntercepted
                    | fantoccini::error::ErrorStatus::StaleElementReference
                    | fantoccini::error::ErrorStatus::InvalidElementState
                    | fantoccini::error::ErrorStatus::NoSuchElement
            ) =>
        {
            Ok(Err(e.error.to_string()))
        }
        Err(e) => Err(e),
    }
}

/// Errors that waiting cannot fix.
fn is_fatal(e: &CmdError) -> bool {
    e.is_invalid_selector()
        || matches!(e, CmdError::InvalidArgument(..))
        || e.is_invalid_session_id()
        || e.is_no_such_window()
        || matches!(e, CmdError::Lost(_) | CmdError::Failed(_) | CmdError::FailedC(_))
}

/// The test's name (libtest names the thread after it), made file-safe.
fn failure_name() -> String {
    let thread = std::thread::current();
    let name = thread.name().filter(|n| *n != "main").unwrap_or("scenario");
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

fn log_tail(log: &Path, lines: usize) -> String {
    let text = fs::read_to_string(log).unwrap_or_default();
    let all: Vec<&str> = text.lines().collect();
    let start = all.len().saturating_sub(lines);
    format!("  --- end of {} ---\n{}", log.display(), all[start..].join("\n"))
}

/// The environment of tauri-driver, which WebKitWebDriver and Atelier inherit.
fn launch_env(display: &Display, profile: &Path, data_dir: &Path, lang: Lang) -> Vec<(String, String)> {
    let path = |p: &Path| p.to_string_lossy().into_owned();
    let mut env = vec![
        ("DISPLAY".to_owned(), display.name()),
        ("GDK_BACKEND".to_owned(), "x11".to_owned()),
        ("DBUS_SESSION_BUS_ADDRESS".to_owned(), display.bus_address().to_owned()),
        // No accessibility bus to look for on the private session bus.
        ("NO_AT_BRIDGE".to_owned(), "1".to_owned()),
        // WEBKIT_DISABLE_COMPOSITING_MODE is Atelier's to set (see
        // `App::start` for the scenarios).
        ("ATELIER_DATA_DIR".to_owned(), path(data_dir)),
        ("XDG_DATA_HOME".to_owned(), path(&profile.join("data"))),
        ("XDG_CONFIG_HOME".to_owned(), path(&profile.join("config"))),
        ("XDG_CACHE_HOME".to_owned(), path(&profile.join("cache"))),
        ("XDG_STATE_HOME".to_owned(), path(&profile.join("state"))),
        // Software GL compiles its shaders on the first frame (~2 s here);
        // a cache kept across runs (not in the per-scenario XDG_CACHE_HOME)
        // brings that to ~0.1 s.
        (
            "MESA_SHADER_CACHE_DIR".to_owned(),
            path(&target_dir().join("e2e-mesa-cache")),
        ),
        ("LANG".to_owned(), lang.locale().to_owned()),
        ("LANGUAGE".to_owned(), lang.code().to_owned()),
        ("LC_ALL".to_owned(), lang.locale().to_owned()),
    ];
    if let Some(dir) = compiled_locales() {
        env.push(("LOCPATH".to_owned(), path(dir)));
    }
    // Saves and opens go to this folder instead of the native dialogs,
    // which WebDriver cannot drive (see src-tauri/src/files.rs).
    let files = profile.join("files");
    std::fs::create_dir_all(&files).expect("the e2e files folder");
    env.push(("ATELIER_E2E_FILES".to_owned(), path(&files)));
    env
}

/// A WebDriver session on the app. Never `browserName`: tauri-driver and
/// WebKitWebDriver refuse a session that names one.
async fn new_session(port: u16) -> Result<Client, String> {
    let mut caps = Capabilities::new();
    caps.insert(
        "tauri:options".to_owned(),
        json!({ "application": binary().to_string_lossy() }),
    );
    ClientBuilder::new(HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .map_err(|e| e.to_string())
}

/// Opens the scenario's data directory from the test process itself, as
/// "another Atelier" holding it. Waits for the app under test to have let go
/// of it (the OS releases its lock as the process ends).
pub fn hold_store(data_dir: &Path) -> atelier_app::Atelier {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        match atelier_app::Atelier::open(data_dir) {
            Ok(store) => return store,
            Err(e) if Instant::now() < deadline => {
                let _ = e;
                std::thread::sleep(POLL);
            }
            Err(e) => panic!("could not open {} from the test: {e}", data_dir.display()),
        }
    }
}
