//! The whole journey of a simplification in the real window: a sample with redundancies is
//! reviewed and every proposal accepted; the target version is kept and the original is
//! unchanged; the comparison shows the deltas Rust computes; the before/after report is
//! generated with its progress; after a relaunch the report is listed with the same bytes.

use std::collections::BTreeSet;

use fantoccini::key::Key;

use crate::editor::{all_steps, open};
use crate::harness::{SCENARIO_TIMEOUT, Session};

/// The figures the compare view shows for a metric: (before, after), read from its row.
async fn row(app: &Session, table: &str, metric: &str) -> (f64, f64) {
    app.eval(&format!(
        "const r = document.querySelector('[data-testid={table}] tr[data-metric=\"{metric}\"]');
         return r ? [Number(r.dataset.before), Number(r.dataset.after)] : [NaN, NaN];"
    ))
    .await
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(1.0)
}

#[tokio::test(flavor = "multi_thread")]
async fn an_agent_reviews_the_proposals_compares_and_keeps_the_report_across_a_relaunch() {
    // What Rust says the canteen sample becomes when every proposal is accepted.
    let p = epure_app::samples::find("cantine").expect("the canteen sample reads");
    let settings = epure_core::analysis::Settings::from_procedure(&p);
    let proposals = epure_core::simplify::proposals(&p, &settings);
    let keys: BTreeSet<(String, Vec<String>)> = proposals
        .iter()
        .filter(|x| x.refusal.is_none())
        .map(|x| (x.finding.rule.to_owned(), x.finding.subjects.clone()))
        .collect();
    let target = epure_core::simplify::simplify(&p, &epure_core::simplify::Accept::Findings(keys.clone()), &settings);
    let expected = epure_core::compare::compare(&p, &target.procedure, &settings);
    let want = |metric: &str| {
        let m = expected.metrics.iter().find(|m| m.metric == metric).expect("metric compared");
        (m.before, m.after)
    };

    let scenario = async {
        let app = Session::launch().await;
        open(&app, "cantine").await;
        let original_steps = all_steps(&app).await;
        let original_bar = app.text_of("[data-testid=metrics-bar]").await;

        // The review: every proposal with its finding, changes and effect; accept them all.
        app.click("[data-testid=simplify-button]").await;
        app.find("[data-testid=proposal-item]").await;
        let shown: usize = app.eval("return document.querySelectorAll('[data-testid=proposal-item]').length;").await;
        assert_eq!(shown, proposals.len(), "every proposal is listed");
        let effects: usize = app
            .eval("return document.querySelectorAll('[data-testid=proposal-item] [data-effect=lead_time]').length;")
            .await;
        assert!(effects >= 3, "the proposals say their effect on the lead time in figures");
        app.click("[data-testid=accept-all]").await;
        app.wait_until(
            "every open proposal accepted and the preview shorter",
            "const items = Array.from(document.querySelectorAll('[data-testid=proposal-item][data-accepted]'));
             const lead = document.querySelector('[data-testid=preview-deltas] tr[data-metric=lead_time_min]');
             return items.length > 0 && items.every(i => i.dataset.accepted === 'true')
                 && !!lead && Number(lead.dataset.change) < 0
                 && !!document.querySelector('[data-testid=review-preview] [data-status]');",
        )
        .await;
        let accepted: usize = app
            .eval("return document.querySelectorAll('[data-testid=proposal-item][data-accepted=true]').length;")
            .await;
        assert_eq!(accepted, keys.len());
        app.screenshot("review-proposals").await;

        // The target version, named.
        app.click("[data-testid=target-name]").await;
        app.type_keys(&format!("{}a{}Cible simplifiée", Key::Control, Key::Control)).await;
        app.click("[data-testid=create-target]").await;
        app.find("[data-testid=target-created]").await;

        // The comparison of the original's snapshot and the target.
        app.click("[data-testid=target-created] [data-testid=compare-button]").await;
        app.find("[data-testid=compare-view] [data-testid=delta-table]").await;
        app.find("[data-testid=compare-canvas-after] [data-testid=canvas-step][data-status=added]").await;
        app.find("[data-testid=compare-canvas-before] [data-testid=canvas-step][data-status=removed]").await;
        let mut figures = Vec::new();
        for metric in ["work_steps", "handoffs_per_case", "user_contacts", "lead_time_min"] {
            let got = row(&app, "delta-table", metric).await;
            let (b, a) = want(metric);
            assert!(close(got.0, b) && close(got.1, a), "{metric}: shown {got:?}, Rust says {:?}", (b, a));
            figures.push((metric, got));
        }
        let hours = row(&app, "yearly-table", "yearly.agent_hours").await;
        let (b, a) = want("yearly.agent_hours");
        assert!(close(hours.0, b) && close(hours.1, a) && hours.1 < hours.0, "agent hours {hours:?}");
        figures.push(("yearly.agent_hours", hours));
        println!("compare view figures (before → after): {figures:?}");
        let after_title = app.text_of("[data-testid=after-title]").await;
        assert!(after_title.contains("Cible simplifiée"), "{after_title}");
        // The canteen's lanes are much wider than tall: the two drawings go one under the other,
        // each the page's width.
        let [arrangement, ratio]: [String; 2] = app
            .eval(
                "const c = document.querySelector('.compare-page__canvases');
                 const box = document.querySelector('[data-testid=compare-canvas-before]').getBoundingClientRect();
                 return [c.getAttribute('data-arrangement'), String(box.width / c.getBoundingClientRect().width)];",
            )
            .await;
        assert_eq!(arrangement, "rows");
        assert!(ratio.parse::<f64>().is_ok_and(|r| r > 0.95), "each drawing as wide as the page: {ratio}");
        app.screenshot("compare-side-by-side").await;

        // Pan and zoom move both drawings: zoom in on the left one, the right one follows.
        let transforms = "return Array.from(document.querySelectorAll(
                '[data-testid=compare-canvas-before] .react-flow__viewport, [data-testid=compare-canvas-after] .react-flow__viewport'))
            .map(v => v.style.transform);";
        let start: Vec<String> = app.eval(transforms).await;
        app.wait_until(
            "both drawings start in step",
            &format!("const t = (() => {{ {transforms} }})(); return t.length === 2 && t[0] === t[1];"),
        )
        .await;
        app.click("[data-testid=compare-canvas-before] .react-flow__controls-zoomin").await;
        app.wait_until(
            "the right drawing zooms with the left one",
            &format!(
                "const t = (() => {{ {transforms} }})(); return t.length === 2 && t[0] === t[1] && t[0] !== {:?};",
                start.first().cloned().unwrap_or_default()
            ),
        )
        .await;

        app.click("[data-testid=mode-overlay]").await;
        app.find("[data-testid=compare-canvas-overlay] [data-testid=canvas-step][data-status=removed]").await;
        app.find("[data-testid=compare-canvas-overlay] [data-testid=canvas-step][data-status=added]").await;
        // The flows the target no longer has are drawn too, dashed in red.
        app.find("[data-testid=compare-canvas-overlay] .canvas-flow.is-removed").await;
        app.screenshot("compare-overlay").await;

        // The before/after report, with its progress heard from Rust page by page.
        app.click("[data-testid=compare-view] [data-testid=report-button]").await;
        app.find("[data-testid=report-done]").await;
        let (sha, pages, heard): (String, u32, u32) = app
            .eval(
                "const d = document.querySelector('[data-testid=report-done]');
                 return [d.dataset.sha256, Number(d.dataset.pages), Number(d.dataset.progress)];",
            )
            .await;
        assert_eq!(sha.len(), 64);
        assert!(pages >= 2, "{pages} pages");
        assert!(heard > pages, "the progress bar heard every page ({heard} messages for {pages} pages)");
        app.wait_until(
            "the report is listed",
            &format!("return !!document.querySelector('[data-testid=report-list-item][data-sha256=\"{sha}\"]');"),
        )
        .await;
        app.eval::<()>("document.querySelector('[data-testid=reports-panel]').scrollIntoView();").await;
        app.screenshot("report-list").await;

        // The original is unchanged.
        app.click("[data-testid=back]").await;
        app.find("[data-testid=editor-canvas] [data-testid=canvas-step]").await;
        assert_eq!(all_steps(&app).await, original_steps);
        app.wait_until("the metrics bar is back", "return !!document.querySelector('[data-testid=metrics-bar] dd');")
            .await;
        assert_eq!(app.text_of("[data-testid=metrics-bar]").await, original_bar);
        let folder = app.quit().await;

        // The report's bytes, read back from the store the app wrote: a PDF matching its hash
        // (checked by the store), kept for people to look at.
        {
            let store = epure_store::Store::open(folder.path().join("epure.db")).expect("the app's store");
            let id = p.meta.id.clone().expect("the sample has an id");
            let infos = store.reports(&id).expect("reports");
            assert_eq!(infos.len(), 1);
            assert_eq!((infos[0].sha256.as_str(), infos[0].page_count), (sha.as_str(), pages));
            assert!(infos[0].version_a.is_some() && infos[0].version_b.is_some(), "before/after versions recorded");
            let pdf = store.report_pdf(infos[0].id).expect("the bytes match their hash");
            assert!(pdf.starts_with(b"%PDF-"));
            let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("../e2e-screenshots");
            std::fs::create_dir_all(&dir).expect("folder");
            std::fs::write(dir.join("report-from-app.pdf"), &pdf).expect("write the PDF");
            let versions = store.versions(&id).expect("versions");
            let made = versions.iter().find(|v| v.name == "Cible simplifiée").expect("the target version");
            assert_eq!(made.variant, "target");
            assert!(made.derived_from.is_some());
        }

        // Relaunched: the report is listed with the same hash (recomputed from its bytes).
        let app = Session::launch_in(folder).await;
        // The library lists the procedure's saved versions, the target among them.
        app.find("[data-testid=procedure-item] [data-testid=procedure-versions]").await;
        let versions: Vec<String> = app
            .eval(
                "return Array.from(document.querySelectorAll('[data-testid=procedure-item]'))
                    .filter(i => i.textContent.includes('cantine'))
                    .flatMap(i => Array.from(i.querySelectorAll('[data-testid=version-item] .procedure__version-name')))
                    .map(n => n.textContent);",
            )
            .await;
        assert!(versions.iter().any(|v| v == "Cible simplifiée"), "the target is listed: {versions:?}");
        app.eval::<bool>(
            "const d = Array.from(document.querySelectorAll('[data-testid=procedure-item]'))
                .find(i => i.textContent.includes('cantine')).querySelector('details');
             d.open = true; d.scrollIntoView(); return true;",
        )
        .await;
        app.screenshot("library-versions").await;
        open(&app, "cantine").await;
        assert_eq!(all_steps(&app).await, original_steps, "the original is still unchanged");
        app.click("[data-testid=side-reports]").await;
        app.find("[data-testid=report-list-item]").await;
        let listed: Vec<String> = app
            .eval("return Array.from(document.querySelectorAll('[data-testid=report-list-item]')).map(i => i.dataset.sha256);")
            .await;
        assert_eq!(listed, vec![sha.clone()]);
        let item = app.text_of("[data-testid=report-list-item]").await;
        assert!(item.contains("Avant / après : État actuel") && item.contains("Cible simplifiée"), "{item}");
        assert!(item.contains("français") && item.contains(&format!("{pages} pages")), "{item}");
        app.screenshot("report-list-after-relaunch").await;
        app.close().await;
    };
    tokio::time::timeout(SCENARIO_TIMEOUT * 3, scenario).await.expect("scenario within its time");
}
