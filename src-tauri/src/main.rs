// The desktop app's entry point: everything is in the library so that tests can reach it.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    match epure_app::run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Épure n'a pas pu démarrer : {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
