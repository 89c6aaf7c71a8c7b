//! The library's actions in the real window: search, create (the editor opens on it), rename,
//! duplicate, delete after a confirmation that can be cancelled; and the shortcuts Ctrl+N and
//! Ctrl+F.

use fantoccini::key::Key;

use crate::harness::{Session, with_app};

async fn names(app: &Session) -> Vec<String> {
    app.eval("return Array.from(document.querySelectorAll('[data-testid=open-procedure]')).map(b => b.textContent);")
        .await
}

fn item(name: &str) -> String {
    format!(
        "Array.from(document.querySelectorAll('[data-testid=procedure-item]')).find(i => i.querySelector('[data-testid=open-procedure]')?.textContent === {name:?})"
    )
}

/// Clicks an action button (`rename-procedure`, …) of the item named `name`.
async fn act(app: &Session, name: &str, action: &str) {
    let clicked: bool = app
        .eval(&format!(
            "const i = {}; const b = i?.querySelector('[data-testid={action}]'); b?.click(); return !!b;",
            item(name)
        ))
        .await;
    assert!(clicked, "« {name} » has the action {action}");
}

async fn wait_listed(app: &Session, name: &str, listed: bool) {
    app.wait_until(
        &format!("« {name} » {}", if listed { "listed" } else { "gone" }),
        &format!("return !!({}) === {listed};", item(name)),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_agent_creates_renames_duplicates_and_deletes_procedures() {
    with_app(|app| async move {
        app.find("[data-testid=procedure-item]").await;
        let samples = names(&app).await.len();

        // Ctrl+F goes to the search; accents and case do not matter.
        app.type_keys(&format!("{}f{}", Key::Control, Key::Control)).await;
        app.wait_until(
            "the search has the focus",
            "return document.activeElement?.dataset.testid === 'library-search';",
        )
        .await;
        app.type_keys("CONGES").await;
        app.wait_until("one match", "return document.querySelectorAll('[data-testid=procedure-item]').length === 1;")
            .await;
        assert!(names(&app).await[0].contains("congés"));
        app.type_keys(&format!("{}a{}{}", Key::Control, Key::Control, Key::Backspace)).await;
        app.wait_until(
            "all listed again",
            &format!("return document.querySelectorAll('[data-testid=procedure-item]').length === {samples};"),
        )
        .await;
        app.screenshot("library").await;

        // Ctrl+N: a new procedure, named, opens in the editor with its start and end.
        let _: bool = app.eval("document.activeElement?.blur(); return true;").await;
        app.type_keys(&format!("{}n{}", Key::Control, Key::Control)).await;
        app.find("[data-testid=new-name]").await;
        app.type_keys(&format!("Demande de badge d'accès{}", Key::Enter)).await;
        app.find("[data-testid=editor-canvas]").await;
        assert_eq!(app.text_of("[data-testid=procedure-title]").await, "Demande de badge d'accès");
        app.wait_until(
            "a start and an end laid out",
            "return document.querySelector('[data-testid=editor-canvas]').getAttribute('data-steps') === '2';",
        )
        .await;
        app.click("[data-testid=back]").await;
        wait_listed(&app, "Demande de badge d'accès", true).await;

        // Rename, then duplicate.
        act(&app, "Demande de badge d'accès", "rename-procedure").await;
        app.find("[data-testid=rename-input]").await;
        app.type_keys(&format!("{}a{}Badge d'accès aux locaux{}", Key::Control, Key::Control, Key::Enter)).await;
        wait_listed(&app, "Badge d'accès aux locaux", true).await;
        wait_listed(&app, "Demande de badge d'accès", false).await;
        act(&app, "Badge d'accès aux locaux", "duplicate-procedure").await;
        wait_listed(&app, "Copie de Badge d'accès aux locaux", true).await;

        // Delete asks first; cancelling keeps it, confirming removes it and only it.
        act(&app, "Copie de Badge d'accès aux locaux", "delete-procedure").await;
        let question = app.text_of("[data-testid=confirm-dialog]").await;
        assert!(question.contains("Copie de Badge d'accès aux locaux"), "{question}");
        app.screenshot("library-delete").await;
        app.click("[data-testid=confirm-cancel]").await;
        wait_listed(&app, "Copie de Badge d'accès aux locaux", true).await;
        act(&app, "Copie de Badge d'accès aux locaux", "delete-procedure").await;
        app.click("[data-testid=confirm-ok]").await;
        wait_listed(&app, "Copie de Badge d'accès aux locaux", false).await;
        app.wait_until(
            "the samples and the new procedure listed",
            &format!("return document.querySelectorAll('[data-testid=procedure-item]').length === {};", samples + 1),
        )
        .await;
        app.close().await;
    })
    .await;
}
