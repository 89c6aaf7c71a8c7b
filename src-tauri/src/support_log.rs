//! The support log: one line per problem the agent saw only as a sentence — an error a
//! command answered to the page, a drawing error the crash screen caught — in `epure.log` beside
//! the database (`epure.db` → `epure.log`). The app never reads it back; it is what support asks
//! for. Writing it never fails a command: a log that cannot be written is skipped.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Past this size the log starts again, the previous one kept as `epure.log.1`.
const MAX_BYTES: u64 = 1 << 20;
/// A message is cut to this many characters (a component stack can be long).
const MAX_CHARS: usize = 4_000;

pub struct SupportLog {
    path: Option<PathBuf>,
    /// One line at a time, whichever thread writes it.
    lock: Mutex<()>,
}

impl SupportLog {
    /// The log of the database at `db`; `None` when there is no database path (nothing is written).
    pub fn beside(db: Option<&Path>) -> SupportLog {
        SupportLog { path: db.map(|p| p.with_extension("log")), lock: Mutex::new(()) }
    }

    /// Appends `when source: message` (UTC), the message on one line.
    pub fn record(&self, source: &str, message: &str) {
        let Some(path) = &self.path else { return };
        let _held = self.lock.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let line = format!("{} {source}: {}\n", now_utc(), one_line(message));
        if std::fs::metadata(path).is_ok_and(|m| m.len() > MAX_BYTES) {
            let _ = std::fs::rename(path, path.with_extension("log.1"));
        }
        let mut options = OpenOptions::new();
        options.create(true).append(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        if let Ok(mut file) = options.open(path) {
            let _ = file.write_all(line.as_bytes());
        }
    }
}

/// The message with its line breaks turned into ` | `, cut to [`MAX_CHARS`].
fn one_line(message: &str) -> String {
    let mut out: String =
        message.split(['\n', '\r']).map(str::trim_end).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" | ");
    if let Some((cut, _)) = out.char_indices().nth(MAX_CHARS) {
        out.truncate(cut);
        out.push('…');
    }
    out
}

/// The current time as `2026-12-01T12:44:34Z`.
fn now_utc() -> String {
    let t = time::OffsetDateTime::now_utc();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_one_line_per_problem_beside_the_database() {
        let dir = tempfile::tempdir().expect("temp dir");
        let log = SupportLog::beside(Some(&dir.path().join("epure.db")));
        log.record("ui", "Cannot read properties of undefined\n    at StepShape\n    at Canvas");
        log.record("internal", "database is locked");
        let text = std::fs::read_to_string(dir.path().join("epure.log")).expect("log written");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2, "{text}");
        assert!(
            lines[0].ends_with(" ui: Cannot read properties of undefined |     at StepShape |     at Canvas"),
            "{}",
            lines[0]
        );
        assert!(lines[1].ends_with(" internal: database is locked"), "{}", lines[1]);
        // 2026-12-01T12:44:34Z
        let stamp = lines[0].split(' ').next().unwrap_or_default();
        assert_eq!(stamp.len(), 20, "{stamp}");
        assert!(stamp.ends_with('Z') && stamp.as_bytes()[10] == b'T', "{stamp}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join("epure.log")).expect("log").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn a_full_log_starts_again_and_keeps_the_previous_one() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("epure.log");
        std::fs::write(&path, vec![b'x'; MAX_BYTES as usize + 1]).expect("a full log");
        SupportLog::beside(Some(&dir.path().join("epure.db"))).record("ui", "after");
        assert!(std::fs::read_to_string(&path).expect("new log").ends_with(" ui: after\n"));
        assert_eq!(std::fs::metadata(dir.path().join("epure.log.1")).expect("kept").len(), MAX_BYTES + 1);
    }

    #[test]
    fn a_long_message_is_cut_and_nothing_is_written_without_a_database() {
        let long = "é".repeat(MAX_CHARS + 10);
        let cut = one_line(&long);
        assert_eq!(cut.chars().count(), MAX_CHARS + 1);
        assert!(cut.ends_with('…'));
        SupportLog::beside(None).record("ui", "nowhere");
    }
}
