//! Reading and writing files for the command line: size limit, readable errors, atomic writes.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use epure_core::Procedure;

/// The largest procedure file read. A 100,000-step procedure is about 45 MB.
pub const MAX_FILE_BYTES: u64 = 100 * 1024 * 1024;

/// Reads and validates a procedure file; on failure, every problem as one line of text.
pub fn read_procedure(path: &Path) -> Result<Procedure, Vec<String>> {
    read_procedure_with_bytes(path).map(|(p, _)| p)
}

/// Like [`read_procedure`], also returning the bytes read.
pub fn read_procedure_with_bytes(path: &Path) -> Result<(Procedure, Vec<u8>), Vec<String>> {
    let bytes = read_limited(path).map_err(|e| vec![e])?;
    match epure_core::format::from_slice(&bytes) {
        Ok(p) => Ok((p, bytes)),
        Err(e) => Err(e.problems.iter().map(ToString::to_string).collect()),
    }
}

fn read_limited(path: &Path) -> Result<Vec<u8>, String> {
    let meta = fs::metadata(path).map_err(|e| io_message(&e))?;
    if meta.is_dir() {
        return Err("is a folder, not a procedure file".to_owned());
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!(
            "too large ({} MB; procedure files are read up to {} MB)",
            meta.len() / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    fs::read(path).map_err(|e| io_message(&e))
}

fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => format!("cannot read: {e}"),
    }
}

/// Replaces a file's content without ever leaving it half-written: write a temporary file
/// beside it, flush it to disk, then rename it over the original (atomic on POSIX).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.epure-tmp-{}", std::process::id()));
    let result = (|| -> io::Result<()> {
        let mut f = fs::File::create(&tmp)?;
        if let Ok(meta) = fs::metadata(path) {
            f.set_permissions(meta.permissions())?;
        }
        f.write_all(bytes)?;
        f.sync_all()?;
        fs::rename(&tmp, path)?;
        // Make the rename itself durable.
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    result.map_err(|e| {
        let _ = fs::remove_file(&tmp);
        format!("cannot write: {e}")
    })
}

/// A panic is a bug; still, the person at the terminal gets one readable line, not a trace.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        eprintln!("epure: internal error, please report it: {what}");
        std::process::exit(70);
    }));
}
