//! Starting and stopping the app in a real window for a test.
//!
//! Xvfb and the WebDriver server each run in their own process group, killed as a whole when
//! the [`Session`] is dropped, so that no WebKitWebDriver or app process outlives a test, even
//! one that failed.

use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};

/// Longest a whole scenario may take before the test fails instead of hanging.
pub const SCENARIO_TIMEOUT: Duration = Duration::from_secs(120);
/// Longest the page may take to show what a step waits for.
pub const WAIT: Duration = Duration::from_secs(30);

/// A process group killed on drop.
struct Group(Child);

impl Drop for Group {
    fn drop(&mut self) {
        // SAFETY: kill(2) on our own child's process group; no memory is shared.
        unsafe {
            libc::kill(-(self.0.id() as i32), libc::SIGKILL);
        }
        let _ = self.0.wait();
    }
}

/// The app running in its own X server, with a WebDriver client connected to it.
pub struct Session {
    pub client: Client,
    // The app's database lives here (EPURE_DB) and goes with the session.
    _db: tempfile::TempDir,
    // Dropped after the client: the driver first, then the X server.
    _driver: Group,
    _xvfb: Group,
}

impl Session {
    /// Launches the app binary built by this `cargo test` run in a fresh X server, on a new
    /// database.
    pub async fn launch() -> Session {
        Session::launch_in(tempfile::tempdir().expect("temporary folder")).await
    }

    /// Launches the app on the database `epure.db` of a folder (kept by the session).
    pub async fn launch_in(db: tempfile::TempDir) -> Session {
        Session::launch_binary(db, Path::new(env!("CARGO_BIN_EXE_epure-app")).to_path_buf()).await
    }

    /// Launches the app under `strace -f -e trace=connect` (following every process it starts:
    /// WebKit's web and network processes), writing the trace to `connect.log` in the folder.
    pub async fn launch_traced(db: tempfile::TempDir) -> Session {
        let strace = which("strace").expect("strace not found: run `make test`, which installs it (package strace)");
        let wrapper = db.path().join("epure-app-traced");
        let log = db.path().join("connect.log");
        let script = format!(
            "#!/bin/sh\nenv > '{}'\nexec '{}' -f -qq -e trace=connect -o '{}' '{}' \"$@\"\n",
            db.path().join("env.txt").display(),
            strace.display(),
            log.display(),
            env!("CARGO_BIN_EXE_epure-app")
        );
        std::fs::write(&wrapper, script).expect("write the wrapper");
        std::fs::set_permissions(&wrapper, std::os::unix::fs::PermissionsExt::from_mode(0o755))
            .expect("make it executable");
        Session::launch_binary(db, wrapper).await
    }

    async fn launch_binary(db: tempfile::TempDir, app: PathBuf) -> Session {
        let (xvfb, display) = start_xvfb();
        let (port, native_port) = (free_port(), free_port());
        let driver = tauri_driver();
        let mut cmd = Command::new(&driver);
        cmd.args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            .env("DISPLAY", format!(":{display}"))
            .env("EPURE_DB", db.path().join("epure.db"))
            // No accessibility bus on a bare X server: keep GTK from looking for one.
            .env("NO_AT_BRIDGE", "1")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0);
        dies_with_the_test(&mut cmd);
        if let Some(native) = which("WebKitWebDriver") {
            cmd.arg("--native-driver").arg(native);
        }
        let driver = Group(cmd.spawn().unwrap_or_else(|e| panic!("cannot start {}: {e}", driver.display())));
        // tauri-driver listens at once but forwards to WebKitWebDriver, which it starts itself:
        // a session requested before both listen fails with an incomplete message.
        wait_for_port(port);
        wait_for_port(native_port);

        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), serde_json::json!("wry"));
        caps.insert("tauri:options".into(), serde_json::json!({ "application": app.display().to_string() }));
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("WebDriver session with the app");
        Session { client, _db: db, _driver: driver, _xvfb: xvfb }
    }

    /// Waits until an element matching the CSS selector is present, and returns its text.
    pub async fn text_of(&self, css: &str) -> String {
        self.find(css).await.text().await.expect("element text")
    }

    /// Waits until an element matching the CSS selector is present, and returns it.
    pub async fn find(&self, css: &str) -> fantoccini::elements::Element {
        match self.client.wait().at_most(WAIT).for_element(Locator::Css(css)).await {
            Ok(el) => el,
            Err(e) => panic!("no element `{css}` within {WAIT:?}: {e}\nthe page shows: {}", self.page_text().await),
        }
    }

    /// What the page shows, for a failure message: its text (and the error behind the crash
    /// screen, which the page never shows), or why it cannot be read; then the app's support
    /// log, which holds the stack of any error the page caught.
    pub async fn page_text(&self) -> String {
        let log = std::fs::read_to_string(self.folder().join("epure.log")).unwrap_or_default();
        let shown = self.shown_text().await;
        if log.is_empty() {
            shown
        } else {
            format!("{shown}\n(support log:)\n{}", log.chars().take(4000).collect::<String>())
        }
    }

    /// What the page shows: its text (and the error behind the crash screen), or why it cannot be read.
    pub async fn shown_text(&self) -> String {
        let script = "const crash = document.querySelector('[data-testid=crash]');
             const text = document.body ? document.body.innerText : '(no body)';
             return crash ? text + '\n(the page failed to draw: ' + crash.getAttribute('data-error') + ')' : text;";
        match self.client.execute(script, vec![]).await {
            Ok(serde_json::Value::String(text)) => text.chars().take(2000).collect(),
            Ok(other) => other.to_string(),
            Err(e) => format!("(cannot read the page: {e})"),
        }
    }

    /// Clicks the element matching the CSS selector, once it is there. The page redraws as
    /// answers come back from Rust, so a click that misses (the element was just replaced, or
    /// is still moving into view) is tried again on the element found anew, until [`WAIT`].
    pub async fn click(&self, css: &str) {
        let deadline = Instant::now() + WAIT;
        loop {
            let el = self.find(css).await;
            // WebKit's driver does not scroll nested scrolling panels into view by itself.
            if let Ok(arg) = serde_json::to_value(&el) {
                let _ = self.client.execute("arguments[0].scrollIntoView({block: 'center'});", vec![arg]).await;
            }
            let error = match el.click().await {
                Ok(()) => return,
                Err(e) => e,
            };
            if Instant::now() >= deadline {
                self.screenshot("failed-click").await;
                panic!("cannot click `{css}`: {error:?}\nthe page shows: {}", self.page_text().await);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Types into the element that has the focus (keys as WebDriver sends them: see
    /// `fantoccini::key::Key` for Enter, Tab, Shift…).
    pub async fn type_keys(&self, keys: &str) {
        let el = self.client.active_element().await.expect("a focused element");
        el.send_keys(keys).await.expect("type");
    }

    /// Runs a script in the page until it returns `true`, failing after [`WAIT`].
    pub async fn wait_until(&self, what: &str, script: &str) {
        let deadline = Instant::now() + WAIT;
        loop {
            let done = self.client.execute(script, vec![]).await.expect("run the script");
            if done == serde_json::Value::Bool(true) {
                return;
            }
            if Instant::now() >= deadline {
                panic!("not within {WAIT:?}: {what}\nthe page shows: {}", self.page_text().await);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Runs a script in the page and reads its result.
    pub async fn eval<T: serde::de::DeserializeOwned>(&self, script: &str) -> T {
        let v = self.client.execute(script, vec![]).await.expect("run the script");
        serde_json::from_value(v).unwrap_or_else(|e| panic!("unexpected result of `{script}`: {e}"))
    }

    /// Saves a PNG of the window under `target/e2e-screenshots/`, for people to look at.
    pub async fn screenshot(&self, name: &str) {
        // Let the last frame reach the screen: a screenshot taken at once may show the previous one.
        tokio::time::sleep(Duration::from_millis(500)).await;
        // Without compositing (the app's choice on a machine without a GPU, see
        // epure_app::rendering) WebKit takes a snapshot at its next paint, which never comes on a
        // page at rest: a one-pixel mark that changes shade each frame keeps it painting.
        self.client
            .execute(
                "const m = document.createElement('div');
                 m.id = '__epure_paint';
                 m.setAttribute('aria-hidden', 'true');
                 m.style.cssText = 'position:fixed;right:0;bottom:0;width:1px;height:1px;pointer-events:none;z-index:2147483647';
                 document.body.appendChild(m);
                 let odd = false;
                 const tick = () => {
                   if (!m.isConnected) return;
                   odd = !odd;
                   m.style.background = odd ? 'rgba(0,0,0,0.01)' : 'rgba(0,0,0,0.02)';
                   requestAnimationFrame(tick);
                 };
                 requestAnimationFrame(tick);",
                vec![],
            )
            .await
            .expect("keep the page painting");
        let png = self.client.screenshot().await.expect("screenshot");
        let _ = self.client.execute("document.getElementById('__epure_paint')?.remove();", vec![]).await;
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("../e2e-screenshots");
        std::fs::create_dir_all(&dir).expect("screenshot folder");
        std::fs::write(dir.join(format!("{name}.png")), png).expect("write screenshot");
    }

    /// The folder of the app's database (and of its trace, when launched traced).
    pub fn folder(&self) -> &Path {
        self._db.path()
    }

    /// The database the app was started on.
    pub fn db_path(&self) -> PathBuf {
        self._db.path().join("epure.db")
    }

    /// Ends the WebDriver session, which closes the app.
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }

    /// Closes the app and hands back its database folder, to launch it again on the same data.
    pub async fn quit(self) -> tempfile::TempDir {
        let _ = self.client.clone().close().await;
        self._db
    }
}

/// Runs a scenario with the app, failing (not hanging) past [`SCENARIO_TIMEOUT`].
pub async fn with_app<F, Fut>(scenario: F)
where
    F: FnOnce(Session) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let session = Session::launch().await;
    if tokio::time::timeout(SCENARIO_TIMEOUT, scenario(session)).await.is_err() {
        panic!("scenario did not finish within {SCENARIO_TIMEOUT:?}");
    }
}

/// Has the kernel kill the process when the test that started it dies, even by a signal that
/// leaves no time for [`Group`]'s drop (Ctrl+C on `make test`, a timeout): its own process group
/// keeps it out of the terminal's signals. Without its X server the app and WebKit exit too.
fn dies_with_the_test(cmd: &mut Command) {
    // SAFETY: prctl(2) is async-signal-safe and touches no memory of the parent.
    unsafe {
        cmd.pre_exec(|| {
            if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL as libc::c_ulong) == -1 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
}

fn start_xvfb() -> (Group, String) {
    let xvfb = which("Xvfb").expect("Xvfb not found: run `make test`, which installs it (package xvfb)");
    let mut cmd = Command::new(xvfb);
    cmd.args(["-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .process_group(0);
    dies_with_the_test(&mut cmd);
    let mut child = cmd.spawn().expect("start Xvfb");
    let stdout = child.stdout.take().expect("Xvfb stdout");
    let group = Group(child);
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).expect("Xvfb display number");
    let display = line.trim().to_owned();
    assert!(!display.is_empty(), "Xvfb did not report a display");
    (group, display)
}

fn tauri_driver() -> PathBuf {
    which("tauri-driver")
        .or_else(|| {
            let home = std::env::var_os("CARGO_HOME")
                .map(PathBuf::from)
                .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))?;
            let p = home.join("bin/tauri-driver");
            p.exists().then_some(p)
        })
        .expect("tauri-driver not found: run `make test`, which installs it (cargo install tauri-driver --locked)")
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?.to_str()?.split(':').map(|d| Path::new(d).join(name)).find(|p| p.is_file())
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

fn wait_for_port(port: u16) {
    let deadline = Instant::now() + WAIT;
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "WebDriver server not listening on {port} within {WAIT:?}");
        std::thread::sleep(Duration::from_millis(50));
    }
}
