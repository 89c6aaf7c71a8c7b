//! How the app behaves with a large procedure: a 1,000-step procedure is opened and panned in
//! the real window. The figures — start to library, start to editor ready, frame times during
//! a scripted pan (requestAnimationFrame timestamps) and the script time of each of its frames,
//! the same pan on a 12-step procedure for reference, memory of the whole process tree (PSS) —
//! are printed and written to `target/e2e-perf.json`, not asserted: timings on a shared
//! machine belong in measurements, not in pass/fail. What is asserted is that the drawing is
//! culled (far fewer steps in the page than in the procedure), that the pan moved the view, and
//! that a far step found by its label is drawn with the steps around it.

use std::time::{Duration, Instant};

use crate::harness::{SCENARIO_TIMEOUT, Session};

const STEPS: usize = 1_000;
/// The small procedure panned the same way, for reference.
const REFERENCE_STEPS: usize = 12;

/// The PSS, in kB, of the app and every process it started (WebKit's web and network
/// processes), found by walking /proc from the app process with our database in its environment.
fn tree_pss_kb(db: &std::path::Path) -> u64 {
    let procs: Vec<(u32, u32)> = std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            let ppid = stat.rsplit(')').next()?.split_whitespace().nth(1)?.parse().ok()?;
            Some((pid, ppid))
        })
        .collect();
    let wanted = format!("EPURE_DB={}", db.display());
    let roots: Vec<u32> = procs
        .iter()
        .map(|&(pid, _)| pid)
        .filter(|pid| {
            let exe = std::fs::read_link(format!("/proc/{pid}/exe")).unwrap_or_default();
            let env = std::fs::read(format!("/proc/{pid}/environ")).unwrap_or_default();
            exe.ends_with("epure-app") && env.split(|&b| b == 0).any(|kv| kv == wanted.as_bytes())
        })
        .collect();
    let mut tree = roots.clone();
    let mut i = 0;
    while i < tree.len() {
        let parent = tree[i];
        tree.extend(procs.iter().filter(|&&(_, ppid)| ppid == parent).map(|&(pid, _)| pid));
        i += 1;
    }
    tree.iter()
        .filter_map(|pid| std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok())
        .filter_map(|s| s.lines().find(|l| l.starts_with("Pss:"))?.split_whitespace().nth(1)?.parse::<u64>().ok())
        .sum()
}

/// CPU time (user + system, in clock ticks) of every process whose command line names WebKit's
/// web process or our app, started on our database: how busy the app is while nothing happens.
fn tree_cpu_ticks(db: &std::path::Path) -> u64 {
    let wanted = format!("EPURE_DB={}", db.display());
    std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            let env = std::fs::read(format!("/proc/{pid}/environ")).unwrap_or_default();
            env.split(|&b| b == 0).any(|kv| kv == wanted.as_bytes())
        })
        .filter_map(|pid| {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            let fields: Vec<&str> = stat.rsplit(')').next()?.split_whitespace().collect();
            Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
        })
        .sum()
}

fn p95(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(((v.len() as f64) * 0.95) as usize).or(v.last()).copied().unwrap_or(0.0)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_thousand_step_procedure_opens_and_pans() {
    let scenario = async {
        let folder = tempfile::tempdir().expect("temporary folder");
        let db = folder.path().join("epure.db");
        let far_step;
        {
            let mut store = epure_store::Store::open(&db).expect("a new store");
            let mut p = epure_core::synthetic::procedure(7, STEPS);
            p.meta.name = "Procédure de 1 000 étapes".into();
            far_step = far_findable_step(&mut p);
            store.import(&p).expect("import");
            let mut small = epure_core::synthetic::procedure(7, REFERENCE_STEPS);
            small.meta.name = "Procédure de 12 étapes".into();
            store.import(&small).expect("import");
        }
        let started = Instant::now();
        let app = Session::launch_in(folder).await;
        app.find("[data-testid=procedure-item]").await;
        let library_ms = started.elapsed().as_millis();
        crate::editor::open(&app, "1 000 étapes").await;
        let editor_ms = started.elapsed().as_millis();

        // Only what is on screen is in the page, from the first frame on.
        app.wait_until(
            "off-screen steps leave the page",
            "const c = document.querySelector('[data-testid=editor-canvas]');
             return c.querySelectorAll('[data-testid=canvas-step]').length * 5 < Number(c.getAttribute('data-steps'));",
        )
        .await;
        let (laid_out, drawn): (usize, usize) = app
            .eval(
                "const c = document.querySelector('[data-testid=editor-canvas]');
                 return [Number(c.getAttribute('data-steps')), c.querySelectorAll('[data-testid=canvas-step]').length];",
            )
            .await;
        assert!(laid_out >= STEPS, "the whole procedure is laid out ({laid_out})");
        assert!(drawn * 5 < laid_out, "only what is on screen is drawn: {drawn} of {laid_out}");
        // Too long to be shown whole, it opens on its beginning, its first lanes at the top.
        app.screenshot("editor-1000-steps-opened").await;
        tokio::time::sleep(Duration::from_millis(300)).await; // let the first frames settle
        let pss_idle_kb = tree_pss_kb(&app_db(&app));

        // The frame rate with nothing moving: what the machine gives the window at rest.
        app.client
            .execute(
                "window.__idle = []; window.__irec = true;
                 const tick = t => { window.__idle.push(t); if (window.__irec) requestAnimationFrame(tick); };
                 requestAnimationFrame(tick);",
                vec![],
            )
            .await
            .expect("start recording idle frames");
        let ticks = tree_cpu_ticks(&app_db(&app));
        tokio::time::sleep(Duration::from_secs(1)).await;
        let idle_cpu_pct = tree_cpu_ticks(&app_db(&app)).saturating_sub(ticks); // 100 ticks a second
        let idle: Vec<f64> = app.eval("window.__irec = false; return window.__idle;").await;
        let idle_deltas: Vec<f64> = idle.windows(2).map(|w| w[1] - w[0]).collect();

        let big = pan(&app).await;
        let pss_kb = tree_pss_kb(&app_db(&app));

        // A step far from the view, found by its label: the canvas goes there and draws it and
        // what is around it, although they were outside the part of the drawing React Flow held.
        let (far_id, far_label) = far_step;
        assert!(
            !app.eval::<bool>(&format!("return !!document.querySelector('[data-step-id={far_id:?}]');")).await,
            "{far_id} is not drawn before it is found"
        );
        app.click("[data-testid=find-step]").await;
        app.type_keys(&format!("{far_label}{}", fantoccini::key::Key::Enter)).await;
        // The step (selected, so always held) and the steps around it (held once the part
        // of the drawing around the new view is handed over).
        app.wait_until(
            "the step found is drawn on the canvas, with its neighbours",
            &format!(
                "const c = document.querySelector('[data-testid=editor-canvas]');
                 return !!c.querySelector('[data-step-id={far_id:?}]') && c.querySelectorAll('[data-testid=canvas-step]').length >= 3;"
            ),
        )
        .await;
        app.screenshot("editor-1000-steps").await;

        // The same pan on a small procedure: what this machine's rendering costs a frame when
        // there is next to nothing to draw, the floor the large procedure is measured against.
        app.click("[data-testid=back]").await;
        crate::editor::open(&app, "12 étapes").await;
        let small = pan(&app).await;
        let figures = serde_json::json!({
            "steps": laid_out,
            "steps_in_page": drawn,
            "start_to_library_ms": library_ms,
            "start_to_editor_ready_ms": editor_ms,
            "idle_frames": idle_deltas.len(),
            "idle_cpu_pct": idle_cpu_pct,
            "idle_frame_ms_p95": (p95(idle_deltas) * 10.0).round() / 10.0,
            "pan_frames": big.frames,
            "frame_ms_mean": big.mean_ms,
            "frame_ms_p95": big.p95_ms,
            "frame_ms_max": big.max_ms,
            "script_ms_mean": big.script_mean_ms,
            "script_ms_p95": big.script_p95_ms,
            "pss_idle_mb": pss_idle_kb / 1024,
            "pss_after_pan_mb": pss_kb / 1024,
            "reference_steps": REFERENCE_STEPS,
            "reference_frame_ms_mean": small.mean_ms,
            "reference_frame_ms_p95": small.p95_ms,
            "reference_script_ms_mean": small.script_mean_ms,
        });
        println!("e2e perf: {figures}");
        let out = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("../e2e-perf.json");
        std::fs::write(out, serde_json::to_string_pretty(&figures).unwrap_or_default()).expect("write the figures");
        app.close().await;
    };
    tokio::time::timeout(SCENARIO_TIMEOUT, scenario).await.expect("scenario within its time");
}

/// Frame figures of one scripted pan, in ms rounded to a tenth.
struct Pan {
    frames: usize,
    mean_ms: f64,
    p95_ms: f64,
    max_ms: f64,
    script_mean_ms: f64,
    script_p95_ms: f64,
}

/// Pans the open canvas from a script in the page and returns the frame figures.
async fn pan(app: &Session) -> Pan {
    // A scripted pan: the page drags its own canvas (mouse events as d3-zoom reads them),
    // 8 px per frame, 80 frames left then 40 back, and records each frame's timestamp.
    // Driving the pointer through WebDriver instead measures the driver's event injection.
    let before: String = app.eval("return document.querySelector('.react-flow__viewport').style.transform;").await;
    // The pan runs in the page on its own; the test polls for its end (a long script
    // would outlive the driver's script timeout on a busy machine).
    app.client
        .execute(
            "window.__pan = null; window.__script = [];
             const pane = document.querySelector('.react-flow__pane');
             const r = pane.getBoundingClientRect();
             let x = r.left + r.width * 0.8, n = 0;
             const y = r.top + r.height / 2;
             const fire = (type) => pane.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, bubbles: true, button: 0, view: window }));
             fire('mousedown');
             const frames = [];
             const tick = t => {
               frames.push(t);
               if (n++ < 120) {
                 x += n <= 80 ? -8 : 8;
                 // The script's share of the frame: the drag's handlers and React's update
                 // (flushed in microtasks), up to the painting.
                 const a = performance.now();
                 fire('mousemove');
                 Promise.resolve().then(() => Promise.resolve()).then(() => window.__script.push(performance.now() - a));
                 requestAnimationFrame(tick);
               }
               else { fire('mouseup'); window.__pan = frames; }
             };
             requestAnimationFrame(tick);",
            vec![],
        )
        .await
        .expect("start the pan");
    app.wait_until("the pan is over", "return Array.isArray(window.__pan);").await;
    let frames: Vec<f64> = app.eval("return window.__pan;").await;
    let script: Vec<f64> = app.eval("return window.__script;").await;
    let after: String = app.eval("return document.querySelector('.react-flow__viewport').style.transform;").await;
    assert_ne!(before, after, "the drag panned the canvas");

    let deltas: Vec<f64> = frames.windows(2).map(|w| w[1] - w[0]).collect();
    assert!(deltas.len() > 20, "frames were recorded during the pan: {}", deltas.len());
    let tenth = |v: f64| (v * 10.0).round() / 10.0;
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    Pan {
        frames: deltas.len(),
        mean_ms: tenth(mean(&deltas)),
        p95_ms: tenth(p95(deltas.clone())),
        max_ms: tenth(deltas.iter().copied().fold(0.0, f64::max)),
        script_mean_ms: tenth(mean(&script)),
        script_p95_ms: tenth(p95(script)),
    }
}

/// Gives the last work step of the procedure (near its end) a label of its own, for the search
/// to find: (id, label).
fn far_findable_step(p: &mut epure_core::Procedure) -> (String, String) {
    let id = p.steps().filter(|s| s.kind.is_work()).last().map(|s| s.id.clone()).expect("a work step");
    let label = "Archiver le dossier au service des archives départementales".to_owned();
    if let Some(s) = p.step_mut(&id) {
        s.label = Some(label.clone());
    }
    (id, label)
}

fn app_db(app: &Session) -> std::path::PathBuf {
    app.db_path()
}
