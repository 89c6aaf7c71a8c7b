//! End-to-end tests in a real window: the built app, under its own Xvfb, driven through
//! tauri-driver and WebKitWebDriver with the WebDriver protocol. Run by `cargo test` (and so by
//! `make test`, which installs what they need). Each test owns its X server, driver and app,
//! on free ports, so tests run in parallel.

mod accessibility;
mod editor;
mod first_page;
mod harness;
mod library;
mod offline;
mod perf;
mod relaunch;
mod review;
