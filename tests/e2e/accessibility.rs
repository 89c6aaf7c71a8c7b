//! Accessibility in the real window: axe-core (the same engine the Vitest checks use) runs in
//! the app's own WebKit page, where colours and layout are real, so that contrast (AA) is
//! checked too — jsdom cannot compute it. The library, the editor's canvas with its findings,
//! the outline and the properties panel are each checked; any violation fails with its rule and
//! the elements involved.

use crate::editor::open;
use crate::harness::{Session, with_app};

/// axe-core as the UI's tests install it (`npm ci` in ui/).
fn axe_source() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/ui/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e} (run `make test`, which installs it)"))
}

/// What axe found on the page as it is: one line per violation (rule, impact, elements), and
/// on how many elements it could measure the contrast (and could not: text over a drawing).
struct Report {
    violations: Vec<String>,
    contrast_checked: usize,
    contrast_undetermined: usize,
}

async fn run_axe(app: &Session, what: &str) -> Report {
    let loaded: bool = app.eval("return typeof window.axe === 'object';").await;
    if !loaded {
        app.client.execute(&format!("{}\nreturn true;", axe_source()), vec![]).await.expect("load axe-core");
    }
    let found = app
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const count = (list) => (list.find(r => r.id === 'color-contrast')?.nodes.length ?? 0);
             axe.run(document)
               .then(r => done({
                 violations: r.violations.map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(' | ')}`),
                 checked: count(r.passes) + count(r.violations),
                 undetermined: count(r.incomplete),
               }))
               .catch(e => done({ violations: [`axe failed: ${e}`], checked: 0, undetermined: 0 }));",
            vec![],
        )
        .await
        .expect("run axe");
    let field = |k: &str| found.get(k).and_then(serde_json::Value::as_u64).unwrap_or(0) as usize;
    let violations: Vec<String> =
        serde_json::from_value(found.get("violations").cloned().unwrap_or_default()).expect("a list of violations");
    Report {
        violations: violations.into_iter().map(|v| format!("{what}: {v}")).collect(),
        contrast_checked: field("checked"),
        contrast_undetermined: field("undetermined"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_library_the_editor_and_the_outline_pass_axe_with_real_colours() {
    with_app(|app| async move {
        let mut all = Vec::new();
        let mut check = async |what: &'static str| {
            let r = run_axe(&app, what).await;
            println!(
                "axe, {what}: contrast measured on {} elements, undetermined on {}",
                r.contrast_checked, r.contrast_undetermined
            );
            // Contrast was really measured (the point of running axe here rather than in jsdom).
            assert!(r.contrast_checked >= 20, "{what}: contrast measured on only {} elements", r.contrast_checked);
            all.extend(r.violations);
        };
        app.find("[data-testid=procedure-item]").await;
        check("library").await;

        open(&app, "cantine").await;
        app.find("[data-testid=finding-item]").await;
        check("editor (canvas and findings)").await;

        app.click("[data-testid=finding-item][data-rule=once-only]").await;
        app.click("[data-testid=side-properties]").await;
        check("editor (a finding chosen, properties)").await;

        app.click("[data-testid=view-outline]").await;
        app.find("[data-testid=outline-view]").await;
        check("outline").await;

        assert!(all.is_empty(), "axe finds {} violation(s):\n{}", all.len(), all.join("\n"));
        app.close().await;
    })
    .await;
}
