//! Procedures: import, create, duplicate, delete, list, load. The stored working copy is the
//! canonical JSON text of
//! `epure_core::format::to_string`: simple, inspectable with `sqlite3`, and the same bytes an
//! export writes.

use std::time::{SystemTime, UNIX_EPOCH};

use epure_core::Procedure;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

use crate::Store;
use crate::error::{Result, StoreError};
use crate::journal::read_current;

/// One line of the list of procedures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcedureInfo {
    pub id: String,
    pub name: String,
    /// How many changes were committed to the working copy.
    pub revision: i64,
    pub versions: i64,
    pub updated_at: String,
}

impl Store {
    /// Stores a new procedure and returns its id, committed when this returns.
    ///
    /// The procedure's own `id` is kept when it has one (refused if already taken); otherwise
    /// one is made from the name (`inscription-a-la-cantine-k3f9`).
    pub fn import(&mut self, procedure: &Procedure) -> Result<String> {
        self.writable()?;
        let mut p = procedure.clone();
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let taken = |id: &str| -> Result<bool> {
            Ok(tx.query_row("SELECT 1 FROM procedures WHERE id = ?1", [id], |_| Ok(())).optional()?.is_some())
        };
        let id = match p.meta.id.clone().filter(|id| !id.trim().is_empty()) {
            Some(id) if taken(&id)? => {
                return Err(StoreError::InvalidInput(format!("a procedure with id \"{id}\" is already in the store")));
            }
            Some(id) => id,
            None => fresh_id(&tx, &p.meta.name)?,
        };
        p.meta.id = Some(id.clone());
        insert_procedure(&tx, &id, &p)?;
        tx.commit()?;
        self.changed();
        Ok(id)
    }

    /// Makes a new, minimal procedure (see [`Procedure::new_blank`]) and returns its id, made
    /// from the name like an import's.
    pub fn create_procedure(&mut self, name: &str) -> Result<String> {
        self.writable()?;
        let name = checked_name(name)?;
        self.import(&Procedure::new_blank(name))
    }

    /// Copies a procedure's working copy under a new name and returns the copy's id (made from
    /// the name like an import's). The copy starts afresh: no versions, an empty journal.
    pub fn duplicate_procedure(&mut self, id: &str, new_name: &str) -> Result<String> {
        self.writable()?;
        let name = checked_name(new_name)?;
        let mut p = self.load(id)?;
        p.meta.name = name.to_owned();
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Read inside the write lock too: the source may have been deleted in between.
        if tx.query_row("SELECT 1 FROM procedures WHERE id = ?1", [id], |_| Ok(())).optional()?.is_none() {
            return Err(not_found(id));
        }
        let new_id = fresh_id(&tx, name)?;
        p.meta.id = Some(new_id.clone());
        insert_procedure(&tx, &new_id, &p)?;
        tx.commit()?;
        self.changed();
        Ok(new_id)
    }

    /// Deletes a procedure with everything that belongs to it: versions, journal and reports,
    /// in one transaction. Other procedures are not touched.
    pub fn delete_procedure(&mut self, id: &str) -> Result<()> {
        self.writable()?;
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        if tx.query_row("SELECT 1 FROM procedures WHERE id = ?1", [id], |_| Ok(())).optional()?.is_none() {
            return Err(not_found(id));
        }
        // Children first, explicitly, rather than through ON DELETE CASCADE: the result does
        // not depend on `foreign_keys` being on for this connection. Reports go before the
        // versions they may name. The trigger on versions refuses UPDATE only, not DELETE.
        for sql in [
            "DELETE FROM reports WHERE procedure_id = ?1",
            "DELETE FROM journal WHERE procedure_id = ?1",
            "DELETE FROM versions WHERE procedure_id = ?1",
            "DELETE FROM working_copies WHERE procedure_id = ?1",
            "DELETE FROM procedures WHERE id = ?1",
        ] {
            tx.execute(sql, [id])?;
        }
        tx.commit()?;
        self.lagging.remove(id);
        self.changed();
        Ok(())
    }

    /// Every procedure, by name.
    pub fn list(&self) -> Result<Vec<ProcedureInfo>> {
        let mut stmt = self.conn.prepare(
            "SELECT p.id, p.name, p.revision, p.updated_at,
                    (SELECT count(*) FROM versions v WHERE v.procedure_id = p.id)
             FROM procedures p ORDER BY p.name COLLATE NOCASE, p.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(ProcedureInfo {
                id: r.get(0)?,
                name: r.get(1)?,
                revision: r.get(2)?,
                updated_at: r.get(3)?,
                versions: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The working copy of a procedure.
    pub fn load(&self, id: &str) -> Result<Procedure> {
        Ok(self.load_with_revision(id)?.0)
    }

    /// The working copy's canonical text: the stored text when it is at the journal's head,
    /// else the current state written out.
    pub fn working_text(&self, id: &str) -> Result<String> {
        let tx = self.conn.unchecked_transaction()?;
        let lagging: bool = tx
            .query_row("SELECT checkpoint_seq FROM working_copies WHERE procedure_id = ?1", [id], |r| {
                r.get::<_, i64>(0)
            })
            .optional()?
            .ok_or_else(|| not_found(id))
            .and_then(|checkpoint| Ok(replay_length(&tx, id, checkpoint)? > 0))?;
        if lagging {
            Ok(epure_core::format::to_string(&read_current(&tx, id)?.procedure))
        } else {
            Ok(tx.query_row("SELECT text FROM working_copies WHERE procedure_id = ?1", [id], |r| r.get(0))?)
        }
    }

    pub(crate) fn load_with_revision(&self, id: &str) -> Result<(Procedure, i64)> {
        // One read transaction: the row and the journal rows replayed onto it are from the
        // same snapshot, even while another process writes.
        let tx = self.conn.unchecked_transaction()?;
        let current = read_current(&tx, id)?;
        Ok((current.procedure, current.revision))
    }
}

/// A procedure's name, refused when blank: the list shows procedures by name.
fn checked_name(name: &str) -> Result<&str> {
    let name = name.trim();
    if name.is_empty() {
        return Err(StoreError::InvalidInput("a procedure needs a name".to_owned()));
    }
    Ok(name)
}

/// An id made from a name (`inscription-a-la-cantine-k3f9`), not yet taken. Called inside the
/// write transaction that inserts it, so no other writer can take it in between.
fn fresh_id(tx: &Transaction<'_>, name: &str) -> Result<String> {
    let base = slug(name);
    let mut seed = unique_seed();
    loop {
        let candidate = format!("{base}-{}", base36(seed % 36u64.pow(4)));
        if tx.query_row("SELECT 1 FROM procedures WHERE id = ?1", [&candidate], |_| Ok(())).optional()?.is_none() {
            return Ok(candidate);
        }
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    }
}

/// Inserts a new procedure with its working copy, at journal position 0 (no journal yet).
fn insert_procedure(tx: &Transaction<'_>, id: &str, p: &Procedure) -> Result<()> {
    tx.execute("INSERT INTO procedures (id, name) VALUES (?1, ?2)", params![id, p.meta.name])?;
    tx.execute(
        "INSERT INTO working_copies (procedure_id, checkpoint_seq, text) VALUES (?1, 0, ?2)",
        params![id, epure_core::format::to_string(p)],
    )?;
    Ok(())
}

/// How many journal rows a load of `id` replays onto its stored working copy.
fn replay_length(conn: &Connection, id: &str, checkpoint: i64) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM journal WHERE procedure_id = ?1
            AND ((seq > ?2 AND undone = 0) OR (seq <= ?2 AND undone = 1))",
        params![id, checkpoint],
        |r| r.get(0),
    )?)
}

pub(crate) fn not_found(id: &str) -> StoreError {
    StoreError::NotFound(format!("no procedure \"{id}\" in the store"))
}

/// Reads stored JSON. The store only ever writes what the reader accepts, so a refusal here
/// means the file was changed behind Épure's back.
pub(crate) fn parse(text: &str, what: impl Fn() -> String) -> Result<Procedure> {
    epure_core::format::from_str(text)
        .map_err(|e| StoreError::Internal(format!("{} is stored in a form this version cannot read: {e}", what())))
}

/// Lower-case ASCII letters, digits and dashes from a name: "Inscription à la cantine" gives
/// "inscription-a-la-cantine". At most 40 characters; "procedure" when nothing is left.
pub(crate) fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(fold_accent) {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 40 {
            break;
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() { "procedure".to_owned() } else { out.to_owned() }
}

/// The French accented letters, without their accent; ligatures spelt out.
fn fold_accent(c: char) -> Vec<char> {
    let plain = match c {
        'à' | 'â' | 'ä' | 'á' | 'À' | 'Â' | 'Ä' => 'a',
        'ç' | 'Ç' => 'c',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'î' | 'ï' | 'Î' | 'Ï' => 'i',
        'ô' | 'ö' | 'Ô' | 'Ö' => 'o',
        'ù' | 'û' | 'ü' | 'Ù' | 'Û' | 'Ü' => 'u',
        'ÿ' | 'Ÿ' => 'y',
        'œ' | 'Œ' => return vec!['o', 'e'],
        'æ' | 'Æ' => return vec!['a', 'e'],
        c => c,
    };
    vec![plain]
}

/// A seed that differs between calls and processes; uniqueness is checked against the table,
/// so this only has to make clashes rare.
fn unique_seed() -> u64 {
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(0);
    let mut z = nanos ^ (u64::from(std::process::id()) << 32);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z ^ (z >> 27)
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = vec![b'0'; 4];
    for slot in out.iter_mut().rev() {
        *slot = DIGITS[(n % 36) as usize];
        n /= 36;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn slugs_read_like_the_name() {
        for (name, expect) in [
            ("Inscription à la cantine scolaire", "inscription-a-la-cantine-scolaire"),
            ("  Œuvre d'art — prêt  ", "oeuvre-d-art-pret"),
            ("!!!", "procedure"),
            ("", "procedure"),
            (
                "Demande de logement social pour les familles nombreuses du quartier",
                "demande-de-logement-social-pour-les-fami",
            ),
        ] {
            assert_eq!(super::slug(name), expect, "{name}");
        }
    }
}
