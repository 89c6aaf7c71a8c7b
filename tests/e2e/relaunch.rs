//! The library lives in the local store: quitting and relaunching the app finds it again,
//! and the samples are imported once, at first launch only.

use std::os::unix::fs::PermissionsExt;

use fantoccini::Locator;

use crate::harness::{SCENARIO_TIMEOUT, Session};

async fn names(app: &Session) -> Vec<String> {
    app.text_of("[data-testid=procedure-item]").await;
    let mut names = Vec::new();
    for item in app.client.find_all(Locator::Css("[data-testid=open-procedure]")).await.expect("items") {
        names.push(item.text().await.expect("name"));
    }
    names
}

#[tokio::test(flavor = "multi_thread")]
async fn the_library_survives_a_relaunch_and_samples_are_imported_once() {
    let scenario = async {
        let first = Session::launch().await;
        let before = names(&first).await;
        assert_eq!(before.len(), epure_app::samples::SAMPLES.len());
        let folder = first.quit().await;

        let db = folder.path().join("epure.db");
        let mode = std::fs::metadata(&db).expect("the database file exists").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "only its owner can read the database");

        let second = Session::launch_in(folder).await;
        assert_eq!(names(&second).await, before, "same procedures, not imported twice");
        second.close().await;
    };
    tokio::time::timeout(SCENARIO_TIMEOUT, scenario).await.expect("scenario within its time");
}
