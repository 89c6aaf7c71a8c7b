//! The editor in the real window: a sample opens on the canvas drawn from the Rust layout; an
//! agent adds a lane and three steps from the keyboard in the outline, connects them on the
//! canvas, asks for a document twice and sees the once-only finding appear and highlight its
//! steps; undo and redo; and after quitting and relaunching, the edits and the undo history
//! are still there.

use fantoccini::key::Key;

use crate::harness::{SCENARIO_TIMEOUT, Session, with_app};

/// Opens the procedure of the library whose name contains `name`.
pub(crate) async fn open(app: &Session, name: &str) {
    app.find("[data-testid=procedure-item]").await;
    let found: bool = app
        .eval(&format!(
            "const b = Array.from(document.querySelectorAll('[data-testid=open-procedure]'))
                .find(b => b.textContent.includes({name:?}));
             if (b) b.click();
             return !!b;"
        ))
        .await;
    assert!(found, "« {name} » is in the library");
    app.find("[data-testid=editor-canvas] [data-testid=canvas-step]").await;
}

/// How many steps and flows Rust laid out for the canvas.
async fn canvas_size(app: &Session) -> (usize, usize) {
    let [steps, flows]: [String; 2] = app
        .eval(
            "const c = document.querySelector('[data-testid=editor-canvas]');
             return [c.getAttribute('data-steps'), c.getAttribute('data-flows')];",
        )
        .await;
    (steps.parse().expect("a count"), flows.parse().expect("a count"))
}

/// Shows the whole procedure on the canvas (the "fit view" control), and waits until every
/// step is drawn (off-screen ones are not in the page). A view still moving (a step being
/// brought into view) can take the fit over: then fit again.
pub async fn fit_view(app: &Session) {
    let all_drawn = "const c = document.querySelector('[data-testid=editor-canvas]');
         return c.querySelectorAll('[data-testid=canvas-step]').length === Number(c.getAttribute('data-steps'));";
    for _ in 0..10 {
        app.click(".react-flow__controls-fitview").await;
        for _ in 0..20 {
            if app.eval::<bool>(all_drawn).await {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    }
    app.wait_until("every step on screen", all_drawn).await;
}

/// Every step of the procedure open in the editor, with its label: the whole drawing is shown
/// first, since off-screen steps are not in the page.
pub async fn all_steps(app: &Session) -> Vec<(String, String)> {
    fit_view(app).await;
    canvas_steps(app).await
}

/// The ids of the canvas's steps, in the order drawn.
pub(crate) async fn canvas_steps(app: &Session) -> Vec<(String, String)> {
    app.eval(
        "return Array.from(document.querySelectorAll('[data-testid=canvas-step]'))
            .map(s => [s.getAttribute('data-step-id'), s.textContent]);",
    )
    .await
}

/// The id of the step whose label is `label`, read from the outline or the canvas.
async fn step_id(app: &Session, label: &str) -> String {
    let id: Option<String> = app
        .eval(&format!(
            "const i = Array.from(document.querySelectorAll('input[data-step-id]')).find(i => i.value === {label:?});
             if (i) return i.getAttribute('data-step-id');
             const s = Array.from(document.querySelectorAll('[data-testid=canvas-step]')).find(s => s.textContent === {label:?});
             return s ? s.getAttribute('data-step-id') : null;"
        ))
        .await;
    id.unwrap_or_else(|| panic!("a step labelled « {label} »"))
}

async fn once_only_shown(app: &Session) -> bool {
    app.eval("return !!document.querySelector('[data-testid=finding-item][data-rule=once-only]');").await
}

async fn wait_saved(app: &Session) {
    app.wait_until(
        "the editor says « Enregistré »",
        "const s = document.querySelector('[data-testid=save-status]');
         return !!s && s.getAttribute('data-status') === 'saved' && s.textContent === 'Enregistré';",
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_sample_opens_on_the_canvas_with_every_step_in_its_lane() {
    with_app(|app| async move {
        open(&app, "cantine").await;
        // The first view: the procedure's beginning at a readable size.
        app.click("[data-testid=finding-item][data-rule=once-only]").await;
        // The document is asked for at two steps 1,080 units apart: both are brought into view
        // together (zoomed out to about 0.68, still readable).
        app.wait_until(
            "a finding's two steps highlighted and brought into view",
            "const c = document.querySelector('[data-testid=editor-canvas]').getBoundingClientRect();
             const inside = (r) => r.left >= c.left && r.right <= c.right && r.top >= c.top && r.bottom <= c.bottom;
             const on = Array.from(document.querySelectorAll('[data-testid=canvas-step][data-highlighted=true]'));
             return on.length === 2 && on.every(s => inside(s.getBoundingClientRect()));",
        )
        .await;
        app.screenshot("editor-findings").await;
        fit_view(&app).await;
        // The document is asked for twice: both steps are highlighted.
        app.wait_until(
            "both steps of the finding highlighted",
            "return document.querySelectorAll('[data-testid=canvas-step][data-highlighted=true]').length === 2;",
        )
        .await;
        let p = epure_app::samples::find("cantine").expect("the canteen sample reads");
        let drawn = canvas_steps(&app).await;
        let ids: Vec<&str> = drawn.iter().map(|(id, _)| id.as_str()).collect();
        let expected: Vec<&str> = p.steps().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, expected, "every step drawn, in order");
        for (step, (_, text)) in p.steps().zip(&drawn) {
            assert_eq!(text, step.label(), "{} shows its label", step.id);
        }
        let lanes: Vec<String> = app
            .eval("return Array.from(document.querySelectorAll('[data-testid=canvas-lane]')).map(l => l.textContent);")
            .await;
        assert_eq!(lanes.len(), p.actors.len());
        // Every flow is drawn, along the route Rust computed (straight runs only: React Flow's
        // own path, the fallback while a step is away from its place, has rounded corners).
        let paths: Vec<String> = app
            .eval(
                "return Array.from(document.querySelectorAll('.react-flow__edge-path')).map(e => e.getAttribute('d'));",
            )
            .await;
        assert_eq!(paths.len(), p.flow_count(), "every flow drawn");
        assert!(paths.iter().all(|d| d.starts_with('M') && !d.contains('Q')), "along the Rust routes: {paths:?}");
        // The live analysis of the sample: its findings and the metrics bar, from Rust.
        app.find("[data-testid=finding-item][data-rule=once-only]").await;
        let bar = app.text_of("[data-testid=metrics-bar]").await;
        assert!(bar.contains("j ouvrés") && bar.contains("€"), "{bar}");

        // From the keyboard on the canvas: the step with the focus is selected with Enter, and
        // Shift+↓ moves it 20 px a press; each release commits, and the step changes lane once
        // its centre is in the next one.
        let actor = "const a = document.querySelector('[data-testid=prop-actor]'); return a ? a.value : null;";
        app.eval::<bool>(
            "document.querySelector(\".react-flow__node[data-id='depot-guichet']\").focus(); return true;",
        )
        .await;
        app.type_keys(&Key::Enter).await;
        app.click("[data-testid=side-properties]").await;
        assert_eq!(app.eval::<Option<String>>(actor).await.as_deref(), Some("famille"));
        app.eval::<bool>(
            "document.querySelector(\".react-flow__node[data-id='depot-guichet']\").focus(); return true;",
        )
        .await;
        for _ in 0..12 {
            app.type_keys(&format!("{}{}", Key::Shift, Key::Down)).await;
            wait_saved(&app).await;
            if app.eval::<Option<String>>(actor).await.as_deref() == Some("accueil") {
                break;
            }
        }
        assert_eq!(app.eval::<Option<String>>(actor).await.as_deref(), Some("accueil"), "moved to the next lane");
        app.close().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_agent_edits_from_the_keyboard_and_the_canvas_and_finds_it_all_after_a_relaunch() {
    let scenario = async {
        let app = Session::launch().await;
        open(&app, "stationnement").await;
        // The clean online procedure: nothing asked twice.
        app.find("[data-testid=findings-empty]").await;
        let (before, flows_before) = canvas_size(&app).await;

        // A lane, named from the keyboard.
        app.click("[data-testid=view-outline]").await;
        app.click("[data-testid=add-lane]").await;
        app.wait_until(
            "the new lane's name has the focus",
            "return document.activeElement?.value === 'Nouvel acteur';",
        )
        .await;
        app.type_keys(&format!("Accueil de la mairie{}", Key::Enter)).await;
        app.wait_until(
            "the lane is renamed",
            "return Array.from(document.querySelectorAll('[data-testid=outline-lane] input')).some(i => i.value === 'Accueil de la mairie');",
        )
        .await;

        // Three steps, typed after the resident's online request: Enter adds the next one,
        // Shift+Tab moves one to the previous lane (from the first lane: the last, the new one).
        let first = step_id(&app, "Se connecter avec FranceConnect et saisir l'immatriculation du véhicule").await;
        app.click(&format!("input[data-step-id='{first}']")).await;
        app.type_keys(&Key::Enter).await;
        let select_all = format!("{}a{}", Key::Control, Key::Control);
        for (label, lane_keys) in [
            ("Téléverser la carte grise", String::new()),
            ("Contrôler la carte grise", format!("{}{}{}", Key::Shift, Key::Tab, Key::Shift)),
            ("Saisir l'immatriculation dans le logiciel", String::new()),
        ] {
            app.wait_until("a new step has the focus", "return document.activeElement?.value === 'Nouvelle étape';")
                .await;
            app.type_keys(&format!("{select_all}{label}{lane_keys}")).await;
            if label.starts_with("Saisir") {
                app.type_keys(&Key::Up).await;
            } else {
                app.type_keys(&Key::Enter).await;
            }
        }
        wait_saved(&app).await;
        let (upload, check, key_in) = (
            step_id(&app, "Téléverser la carte grise").await,
            step_id(&app, "Contrôler la carte grise").await,
            step_id(&app, "Saisir l'immatriculation dans le logiciel").await,
        );
        let lanes: Vec<String> = app
            .eval(&format!(
                "return [{upload:?}, {check:?}, {key_in:?}].map(id =>
                    document.querySelector(`[data-testid=outline-step][data-step-id='${{id}}'] .outline-step__lane`).textContent);"
            ))
            .await;
        assert_eq!(lanes, ["Résident demandeur", "Accueil de la mairie", "Accueil de la mairie"]);
        app.screenshot("editor-outline").await;

        // On the canvas: the three steps are drawn, chained; connect the eligibility decision to
        // the check (click the decision's out handle, then the check's in handle).
        app.click("[data-testid=view-canvas]").await;
        fit_view(&app).await;
        app.find(&format!("[data-testid=canvas-step][data-step-id='{key_in}']")).await;
        // Each new step took its place on the way: one more flow each.
        assert_eq!(canvas_size(&app).await, (before + 3, flows_before + 3));
        app.click(".react-flow__node[data-id='adresse-eligible'] .react-flow__handle.source").await;
        app.click(&format!(".react-flow__node[data-id='{check}'] .react-flow__handle.target")).await;
        wait_saved(&app).await;
        app.wait_until(
            "the new flow is laid out",
            &format!(
                "return document.querySelector('[data-testid=editor-canvas]').getAttribute('data-flows') === '{}';",
                flows_before + 4
            ),
        )
        .await;

        // Ask the resident for the registration number a second time: once-only appears and
        // highlights both steps that ask for it.
        app.click(&format!(".react-flow__node[data-id='{upload}']")).await;
        app.click("[data-testid=side-properties]").await;
        app.click("[data-testid=prop-requests-immatriculation]").await;
        wait_saved(&app).await;
        app.click("[data-testid=side-findings]").await;
        app.click("[data-testid=finding-item][data-rule=once-only]").await;
        app.wait_until(
            "the finding's steps are highlighted",
            &format!(
                "const on = Array.from(document.querySelectorAll('[data-testid=canvas-step][data-highlighted=true]'))
                    .map(s => s.getAttribute('data-step-id'));
                 return on.includes({first:?}) && on.includes({upload:?});"
            ),
        )
        .await;
        app.screenshot("editor-once-only").await;

        // Undo takes the request back, redo puts it again.
        app.click("[data-testid=undo]").await;
        app.wait_until(
            "once-only gone after undo",
            "return !document.querySelector('[data-testid=finding-item][data-rule=once-only]');",
        )
        .await;
        app.click("[data-testid=redo]").await;
        app.find("[data-testid=finding-item][data-rule=once-only]").await;
        wait_saved(&app).await;
        let folder = app.quit().await;

        // Relaunched on the same database: the edits and the undo history are there.
        let app = Session::launch_in(folder).await;
        open(&app, "stationnement").await;
        assert_eq!(canvas_size(&app).await, (before + 3, flows_before + 4));
        fit_view(&app).await;
        app.find("[data-testid=finding-item][data-rule=once-only]").await;
        assert!(once_only_shown(&app).await);
        app.click("[data-testid=undo]").await;
        app.wait_until(
            "undo works after a relaunch",
            "return !document.querySelector('[data-testid=finding-item][data-rule=once-only]');",
        )
        .await;
        app.click("[data-testid=undo]").await;
        app.wait_until(
            "the flow drawn on the canvas is undone too",
            &format!(
                "return document.querySelector('[data-testid=editor-canvas]').getAttribute('data-flows') === '{}';",
                flows_before + 3
            ),
        )
        .await;
        app.close().await;
    };
    tokio::time::timeout(SCENARIO_TIMEOUT * 2, scenario).await.expect("scenario within its time");
}
