//! Opening a procedure of the store shows its swimlane diagram, drawn from the layout computed
//! in Rust.

use fantoccini::Locator;

use crate::harness::{WAIT, with_app};

#[tokio::test(flavor = "multi_thread")]
async fn opening_a_sample_draws_every_step_in_its_lane() {
    with_app(|app| async move {
        app.text_of("[data-testid=procedure-item]").await;
        let buttons = app.client.find_all(Locator::Css("[data-testid=open-procedure]")).await.expect("buttons");
        let mut cantine = None;
        for b in buttons {
            if b.text().await.expect("text").contains("cantine") {
                cantine = Some(b);
            }
        }
        cantine.expect("the canteen sample is listed").click().await.expect("open it");
        app.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css("[data-testid=procedure-diagram] [data-testid=diagram-step]"))
            .await
            .expect("the diagram is drawn");

        let p = epure_app::samples::load_all()
            .into_iter()
            .find(|(file, _)| file.starts_with("cantine"))
            .and_then(|(_, read)| read.ok())
            .expect("the canteen sample reads");
        let drawn = app
            .client
            .execute(
                "return Array.from(document.querySelectorAll('[data-testid=diagram-step]'))
                    .map(g => [g.getAttribute('data-step-id'), g.textContent]);",
                vec![],
            )
            .await
            .expect("read the diagram");
        let drawn: Vec<(String, String)> = serde_json::from_value(drawn).expect("pairs");
        let ids: Vec<&str> = drawn.iter().map(|(id, _)| id.as_str()).collect();
        let expected: Vec<&str> = p.steps().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, expected, "every step drawn, in order");
        for (step, (_, text)) in p.steps().zip(&drawn) {
            assert!(text.contains(step.label()), "{} shows its label: {text}", step.id);
        }
        let lanes = app.client.find_all(Locator::Css("[data-testid=diagram-lane]")).await.expect("lanes");
        assert_eq!(lanes.len(), p.actors.len());
        app.screenshot("procedure-view").await;
        app.close().await;
    })
    .await;
}
