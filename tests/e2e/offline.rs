//! Offline, proven rather than promised: the app runs a short editing session under
//! `strace -f -e trace=connect`, following WebKit's web and network processes, and not one
//! connect(2) goes to an internet address (only local sockets: X, D-Bus, WebKit's own IPC,
//! and the loopback port through which the test's WebDriver drives the page).

use crate::harness::{SCENARIO_TIMEOUT, Session};

#[tokio::test(flavor = "multi_thread")]
async fn an_editing_session_opens_no_network_connection() {
    let scenario = async {
        let app = Session::launch_traced(tempfile::tempdir().expect("temporary folder")).await;
        app.find("[data-testid=procedure-item]").await;
        app.click("[data-testid=open-procedure]").await;
        app.find("[data-testid=editor-canvas] [data-testid=canvas-step]").await;
        app.find("[data-testid=metrics-bar] [data-metric=lead]").await;
        app.click("[data-testid=palette-task]").await;
        app.click("[data-testid=undo]").await;
        app.click("[data-testid=back]").await;
        app.find("[data-testid=procedure-item]").await;
        let log = app.folder().join("connect.log");
        let folder = app.quit().await;
        let trace = std::fs::read_to_string(&log).expect("the trace was written");
        // The one TCP connection allowed is the test's own remote control: WebKitWebDriver
        // drives the page through WebKit's inspector server, whose loopback address it hands
        // to the app in WEBKIT_INSPECTOR_SERVER. A user's app has no such variable.
        let env = std::fs::read_to_string(folder.path().join("env.txt")).expect("the app's environment");
        let inspector = env
            .lines()
            .find_map(|l| l.strip_prefix("WEBKIT_INSPECTOR_SERVER="))
            .and_then(|a| a.rsplit_once(':'))
            .map(|(host, port)| format!("sin_port=htons({port}), sin_addr=inet_addr(\"{host}\")"));
        let families: Vec<&str> =
            trace.lines().filter_map(|l| l.split("sa_family=").nth(1)?.split([',', '}']).next()).collect();
        assert!(families.contains(&"AF_UNIX"), "the trace followed the app: {trace}");
        let inet: Vec<&str> = trace
            .lines()
            .filter(|l| l.contains("AF_INET"))
            .filter(|l| !inspector.as_deref().is_some_and(|driver| l.contains("AF_INET,") && l.contains(driver)))
            .collect();
        assert!(inet.is_empty(), "network connections by the app or WebKit:\n{}", inet.join("\n"));
        let count = |f: &str| families.iter().filter(|x| **x == f).count();
        println!(
            "offline: {} connect() calls: {} AF_UNIX, {} to the WebDriver's inspector port, 0 elsewhere",
            families.len(),
            count("AF_UNIX"),
            count("AF_INET")
        );
        drop(folder);
    };
    tokio::time::timeout(SCENARIO_TIMEOUT, scenario).await.expect("scenario within its time");
}
