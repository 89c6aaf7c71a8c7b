//! The window opens on the library: on a new database, the sample procedures, imported into
//! the store at first launch and summarised by Rust.

use fantoccini::Locator;

use crate::harness::{WAIT, with_app};

#[tokio::test(flavor = "multi_thread")]
async fn the_window_opens_on_the_sample_procedures() {
    with_app(|app| async move {
        let first = app.text_of("[data-testid=procedure-item]").await;
        assert_eq!(app.client.title().await.expect("title"), "Épure");

        // Every sample shipped in the app is listed, with figures computed by epure-core.
        let items = app.client.find_all(Locator::Css("[data-testid=procedure-item]")).await.expect("items");
        assert_eq!(items.len(), epure_app::samples::SAMPLES.len());
        let mut texts = Vec::new();
        for item in &items {
            texts.push(item.text().await.expect("item text"));
        }
        let cantine = texts.iter().find(|t| t.contains("Inscription à la cantine scolaire"));
        let cantine = cantine.unwrap_or_else(|| panic!("the canteen sample is listed: {texts:?} (first: {first})"));
        let expected =
            epure_app::samples::find("cantine").map(|p| epure_core::graph::summary(&p)).expect("canteen sample reads");
        assert!(
            cantine.contains(&format!("{} étapes", expected.work_steps))
                && cantine.contains(&format!("{} passages de relais", expected.handoffs)),
            "figures from Rust shown: {cantine}"
        );

        // The version in the footer came back from the `app_info` command.
        let version = app.text_of("[data-testid=app-version]").await;
        assert!(version.contains(env!("CARGO_PKG_VERSION")), "{version}");
        app.screenshot("first-page").await;

        // A page error nobody caught goes to the support log beside the database, never
        // onto the screen.
        let _: bool = app
            .eval("setTimeout(() => { Promise.reject(new Error('e2e: an error nobody caught')); }); return true;")
            .await;
        let log = app.folder().join("epure.log");
        let deadline = std::time::Instant::now() + WAIT;
        let line = loop {
            let text = std::fs::read_to_string(&log).unwrap_or_default();
            if let Some(line) = text.lines().find(|l| l.contains("e2e: an error nobody caught")) {
                break line.to_owned();
            }
            assert!(std::time::Instant::now() < deadline, "the log {} holds the error: {text}", log.display());
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        };
        assert!(line.contains(" ui: Error: e2e: an error nobody caught"), "{line}");
        assert!(!app.shown_text().await.contains("nobody caught"), "the error is not shown");
        app.close().await;
    })
    .await;
}
