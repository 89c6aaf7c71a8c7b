//! Generated reports: the PDF bytes with what they are about, listable and exportable.
//! Exporting writes a temporary file beside the target, flushes it to disk and renames it: the
//! user's file is never overwritten in place, so it is either the old one or the new one.

use std::fs;
use std::io::Write;
use std::path::Path;

use rusqlite::{OptionalExtension, params};
use sha2::{Digest, Sha256};

use crate::Store;
use crate::error::{Result, StoreError};
use crate::procedures::not_found;

/// What a report is about. The page count comes from whoever made the PDF.
#[derive(Debug, Clone, Default)]
pub struct NewReport {
    pub procedure_id: String,
    /// The version reported on (or the first of a comparison).
    pub version_a: Option<i64>,
    /// The second version of a comparison.
    pub version_b: Option<i64>,
    /// `fr` or `en`.
    pub lang: String,
    pub page_count: u32,
}

/// A stored report, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportInfo {
    pub id: i64,
    pub procedure_id: String,
    pub version_a: Option<i64>,
    pub version_b: Option<i64>,
    pub lang: String,
    /// SHA-256 of the PDF, lower-case hex.
    pub sha256: String,
    pub page_count: u32,
    pub size: u64,
    pub created_at: String,
}

const COLUMNS: &str = "id, procedure_id, version_a, version_b, lang, sha256, page_count, size, created_at";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ReportInfo> {
    Ok(ReportInfo {
        id: r.get(0)?,
        procedure_id: r.get(1)?,
        version_a: r.get(2)?,
        version_b: r.get(3)?,
        lang: r.get(4)?,
        sha256: r.get(5)?,
        page_count: r.get(6)?,
        size: r.get::<_, i64>(7)?.max(0) as u64,
        created_at: r.get(8)?,
    })
}

/// SHA-256 as lower-case hex.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

impl Store {
    /// Stores a generated PDF and returns its record.
    pub fn add_report(&mut self, new: &NewReport, pdf: &[u8]) -> Result<ReportInfo> {
        self.writable()?;
        if !pdf.starts_with(b"%PDF-") {
            return Err(StoreError::InvalidInput("a report must be a PDF (it does not start with %PDF-)".to_owned()));
        }
        let exists = self
            .conn
            .query_row("SELECT 1 FROM procedures WHERE id = ?1", [&new.procedure_id], |_| Ok(()))
            .optional()?;
        if exists.is_none() {
            return Err(not_found(&new.procedure_id));
        }
        for v in [new.version_a, new.version_b].into_iter().flatten() {
            let owner: Option<String> =
                self.conn.query_row("SELECT procedure_id FROM versions WHERE id = ?1", [v], |r| r.get(0)).optional()?;
            if owner.as_deref() != Some(new.procedure_id.as_str()) {
                return Err(StoreError::InvalidInput(format!(
                    "version {v} is not a version of \"{}\"",
                    new.procedure_id
                )));
            }
        }
        self.conn.execute(
            "INSERT INTO reports (procedure_id, version_a, version_b, lang, sha256, page_count, size, pdf)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                new.procedure_id,
                new.version_a,
                new.version_b,
                new.lang,
                sha256_hex(pdf),
                new.page_count,
                pdf.len() as i64,
                pdf
            ],
        )?;
        let id = self.conn.last_insert_rowid();
        let info = self.conn.query_row(&format!("SELECT {COLUMNS} FROM reports WHERE id = ?1"), [id], row)?;
        self.changed();
        Ok(info)
    }

    /// A procedure's reports, oldest first.
    pub fn reports(&self, procedure_id: &str) -> Result<Vec<ReportInfo>> {
        let mut stmt =
            self.conn.prepare(&format!("SELECT {COLUMNS} FROM reports WHERE procedure_id = ?1 ORDER BY id"))?;
        let rows = stmt.query_map([procedure_id], row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The PDF bytes of a report, checked against the hash stored with them.
    pub fn report_pdf(&self, id: i64) -> Result<Vec<u8>> {
        let (pdf, hash): (Vec<u8>, String) = self
            .conn
            .query_row("SELECT pdf, sha256 FROM reports WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("no report {id} in the store")))?;
        if sha256_hex(&pdf) != hash {
            return Err(StoreError::Corrupt {
                path: self.path.clone(),
                detail: format!("report {id} does not match its SHA-256"),
                backup: None,
            });
        }
        Ok(pdf)
    }

    /// Deletes a report (one transaction); `NotFound` when there is no such report.
    pub fn delete_report(&mut self, id: i64) -> Result<()> {
        self.writable()?;
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        if tx.execute("DELETE FROM reports WHERE id = ?1", [id])? == 0 {
            return Err(StoreError::NotFound(format!("no report {id} in the store")));
        }
        tx.commit()?;
        self.changed();
        Ok(())
    }

    /// Writes a report to `path` atomically (temporary file, fsync, rename, fsync of the folder).
    pub fn export_report(&self, id: i64, path: &Path) -> Result<()> {
        let pdf = self.report_pdf(id)?;
        write_atomically(path, &pdf)
    }
}

/// Replaces `path` with `bytes` without ever leaving it half-written.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.epure-tmp-{}", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        let mut f = fs::File::create(&tmp)?;
        if let Ok(meta) = fs::metadata(path) {
            f.set_permissions(meta.permissions())?;
        }
        f.write_all(bytes)?;
        f.sync_all()?;
        fs::rename(&tmp, path)?;
        // The rename itself must reach the disk too.
        fs::File::open(dir)?.sync_all()
    })();
    result.map_err(|e| {
        let _ = fs::remove_file(&tmp);
        StoreError::io(path, e)
    })
}
