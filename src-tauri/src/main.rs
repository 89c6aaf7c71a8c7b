// The desktop app's entry point: everything is in the library so that tests can reach it.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

// The allocator the app and the command line run with (see the workspace's Cargo.toml).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    #[cfg(target_os = "linux")]
    {
        use epure_app::rendering::{DISABLE_COMPOSITING, paint_without_compositing};
        if paint_without_compositing(std::env::var_os(DISABLE_COMPOSITING).is_some(), std::path::Path::new("/dev/dri"))
        {
            // SAFETY: the first thing main does, before any thread exists: nothing reads the
            // environment concurrently.
            unsafe { std::env::set_var(DISABLE_COMPOSITING, "1") };
        }
    }
    match epure_app::run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Épure n'a pas pu démarrer : {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
