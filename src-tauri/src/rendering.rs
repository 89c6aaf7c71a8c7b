//! How WebKitGTK draws the window on a machine without a graphics card.
//!
//! Without a GPU, WebKitGTK's accelerated compositing runs on Mesa's software OpenGL (llvmpipe):
//! every frame is composited on the CPU, even when nothing moves. Painting without compositing
//! is then much cheaper. Measured on the 1,000-step procedure under Xvfb (tests/e2e/perf.rs):
//! a pan's frames went from 32 ms (p95 50 ms) to 12 ms (p95 19 ms), the app at rest from 60 % of
//! a core to 2 %, and the process tree from 441 to 313 MB. With a GPU nothing is changed.

use std::path::Path;

/// WebKitGTK's switch for painting without accelerated compositing.
pub const DISABLE_COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Whether to turn compositing off: only when the person has not chosen (the variable is unset)
/// and the machine has no GPU render node (`/dev/dri/renderD*`), which is when Mesa falls back
/// to llvmpipe.
pub fn paint_without_compositing(already_set: bool, dri: &Path) -> bool {
    if already_set {
        return false;
    }
    let has_render_node = std::fs::read_dir(dri)
        .map(|entries| entries.flatten().any(|e| e.file_name().to_string_lossy().starts_with("renderD")))
        .unwrap_or(false);
    !has_render_node
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compositing_is_turned_off_only_without_a_gpu_and_without_a_choice() {
        let dir = tempfile::tempdir().expect("folder");
        let dri = dir.path().join("dri");
        // No /dev/dri at all (a virtual machine, Xvfb in CI).
        assert!(paint_without_compositing(false, &dri));
        // A display device but no render node.
        std::fs::create_dir(&dri).expect("dri");
        std::fs::write(dri.join("card0"), b"").expect("card0");
        assert!(paint_without_compositing(false, &dri));
        // A GPU that renders.
        std::fs::write(dri.join("renderD128"), b"").expect("renderD128");
        assert!(!paint_without_compositing(false, &dri));
        // The person chose, whatever the machine.
        assert!(!paint_without_compositing(true, dir.path().join("none").as_path()));
    }
}
