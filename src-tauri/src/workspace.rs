//! The procedures open for editing, beside the store that keeps them.
//!
//! A [`Document`] holds a working copy in memory in step with the file; keeping it open between
//! two edits spares a reload per keystroke. The store is the one writer: each edit, undo or redo
//! is one committed transaction, so a document dropped here (after an error, or because the
//! procedure was deleted) loses nothing: the next call opens it again from the file.

use std::collections::HashMap;

use epure_core::Edit;
use epure_store::{Document, ErrorKind, Store, StoreError};

pub struct Workspace {
    pub store: Store,
    docs: HashMap<String, Document>,
}

impl Workspace {
    pub fn new(store: Store) -> Self {
        Workspace { store, docs: HashMap::new() }
    }

    /// The procedure's working copy, opened when it is not open yet.
    pub fn document(&mut self, id: &str) -> Result<&Document, StoreError> {
        if !self.docs.contains_key(id) {
            let doc = self.store.open_document(id)?;
            self.docs.insert(id.to_owned(), doc);
        }
        self.docs.get(id).ok_or_else(|| StoreError::NotFound(id.to_owned()))
    }

    /// Applies an edit and commits it with its journal entry.
    pub fn apply(&mut self, id: &str, edit: &Edit) -> Result<(), StoreError> {
        self.with_document(id, |store, doc| store.apply_edit(doc, edit))
    }

    /// Undoes the last edit; `false` when there was none.
    pub fn undo(&mut self, id: &str) -> Result<bool, StoreError> {
        self.with_document(id, |store, doc| store.undo(doc))
    }

    /// Redoes the last undone edit; `false` when there was none.
    pub fn redo(&mut self, id: &str) -> Result<bool, StoreError> {
        self.with_document(id, |store, doc| store.redo(doc))
    }

    /// Forgets an open document (its procedure was deleted, or changed by another program).
    pub fn close(&mut self, id: &str) {
        self.docs.remove(id);
    }

    fn with_document<T>(
        &mut self,
        id: &str,
        change: impl FnOnce(&mut Store, &mut Document) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.document(id)?;
        let Workspace { store, docs } = self;
        let doc = docs.get_mut(id).ok_or_else(|| StoreError::NotFound(id.to_owned()))?;
        let result = change(store, doc);
        // A refused edit leaves the document as it was; any other failure (the file changed
        // under us, the disk) may leave it out of step with the file: read it again next time.
        if let Err(e) = &result
            && e.kind() != ErrorKind::InvalidInput
        {
            self.docs.remove(id);
        }
        result
    }
}
