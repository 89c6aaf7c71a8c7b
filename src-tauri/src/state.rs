//! The app's state: the local store, opened once at start-up.
//!
//! The database is `$EPURE_DB` when set, else `$XDG_DATA_HOME/epure/epure.db` — the same rule
//! as the command line. A store that cannot be opened (a damaged file, a folder without write
//! permission) does not stop the window from opening: every command then answers with the
//! reason, which the page shows in French. A new, empty store receives the sample procedures.

use std::sync::{Arc, Mutex, MutexGuard};

use epure_store::Store;

use crate::workspace::Workspace;

use crate::error::AppError;
use crate::samples;
use crate::support_log::SupportLog;

pub struct AppState {
    store: Result<Arc<Mutex<Workspace>>, AppError>,
    support_log: Arc<SupportLog>,
}

impl AppState {
    /// Opens the store and, when it holds no procedure yet, imports the samples. Why a store
    /// could not be opened goes to the support log beside it.
    pub fn open() -> AppState {
        let path = epure_store::resolve_path(None);
        let support_log = Arc::new(SupportLog::beside(path.as_deref().ok()));
        let store = path.and_then(Store::open).map_err(AppError::from).and_then(|mut store| {
            seed_samples(&mut store)?;
            Ok(Arc::new(Mutex::new(Workspace::new(store))))
        });
        if let Err(e) = &store {
            support_log.record("start", &e.to_string());
        }
        AppState { store, support_log }
    }

    /// The support log.
    pub fn support_log(&self) -> &SupportLog {
        &self.support_log
    }

    /// Runs `work` on the workspace on a blocking thread, so that the window never waits on
    /// SQLite: what every command that touches the store does.
    pub async fn run<T, F>(&self, work: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Workspace) -> Result<T, AppError> + Send + 'static,
    {
        let store = self.store()?;
        let result = tauri::async_runtime::spawn_blocking(move || work(&mut lock(&store))).await?;
        // The page shows its own sentence for the kind; the detail is for support.
        if let Err(e) = &result {
            self.support_log.record(e.kind, &e.message);
        }
        result
    }

    /// A handle on the store for a blocking task.
    pub fn store(&self) -> Result<Arc<Mutex<Workspace>>, AppError> {
        self.store.clone()
    }
}

impl AppState {
    /// When the app exits: the backup on close (the process ends without dropping its state).
    pub fn close(&self) {
        if let Ok(store) = &self.store {
            let _ = lock(store).store.backup_if_changed();
        }
    }
}

/// Locks the store. A panic while it was held leaves SQLite consistent (every change is a
/// transaction), so a poisoned lock is taken over rather than turned into an error.
pub fn lock(store: &Mutex<Workspace>) -> MutexGuard<'_, Workspace> {
    store.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Imports the samples into an empty store: the library's first-launch content.
fn seed_samples(store: &mut Store) -> Result<(), AppError> {
    if store.read_only().is_some() || !store.list()?.is_empty() {
        return Ok(());
    }
    for (file, read) in samples::load_all() {
        let procedure = read.map_err(|e| AppError::invalid_input(format!("{file}: {e}")))?;
        store.import(&procedure)?;
    }
    Ok(())
}
