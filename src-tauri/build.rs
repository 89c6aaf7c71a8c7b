// Tauri's build step: embeds tauri.conf.json and the frontend, resolves the capabilities, and
// generates one permission per application command so the capability can list exactly them.

/// Every command the window may call. A command missing here cannot be invoked from the page.
const COMMANDS: &[&str] = &[
    "app_info",
    "record_ui_error",
    "list_procedures",
    "create_procedure",
    "duplicate_procedure",
    "rename_procedure",
    "delete_procedure",
    "import_files",
    "export_procedure",
    "open_editor",
    "edit_procedure",
    "undo",
    "redo",
    "analyze_procedure",
    "list_proposals",
    "preview_target",
    "create_target",
    "list_versions",
    "compare_sides",
    "generate_report",
    "cancel_report",
    "list_reports",
    "open_report",
    "save_report",
    "delete_report",
];

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        // A build script can only report by failing; the message says what to fix.
        eprintln!("tauri-build failed: {e:#}");
        std::process::exit(1);
    }
}
