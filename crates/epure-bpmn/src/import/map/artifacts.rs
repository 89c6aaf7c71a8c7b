//! Data and text artifacts: data stores, data objects and their references → data items;
//! data associations → what a step requests or produces; text annotations → notes.

use std::collections::HashMap;

use epure_core::DataKind;

use super::{Mapper, trimmed};
use crate::import::xml::Ns;
use crate::report::Action;

impl Mapper<'_> {
    pub(super) fn data_stores(&mut self) {
        let t = self.t;
        for s in t.model_children(0).filter(|&c| t.get(c).name == "dataStore") {
            let e = t.get(s);
            let bpmn_id = e.attr("id").unwrap_or_default();
            let name = trimmed(e.attr("name")).unwrap_or_else(|| bpmn_id.to_owned());
            let id = self.add_data("dataStore", bpmn_id, name, DataKind::Field);
            self.data_of.insert(bpmn_id.to_owned(), id);
        }
    }

    /// Data objects first, then the references to them (which may carry the only name).
    /// The process's own inputs and outputs (its `ioSpecification`) are data items too: tools
    /// draw them, and associations point at them.
    pub(super) fn data_objects(&mut self, proc_el: usize) {
        let t = self.t;
        if let Some(io) = t.child(proc_el, Ns::Model, "ioSpecification") {
            for c in t.model_children(io).collect::<Vec<_>>() {
                let e = t.get(c);
                if e.name != "dataInput" && e.name != "dataOutput" {
                    continue;
                }
                let bpmn_id = e.attr("id").unwrap_or_default();
                let name = trimmed(e.attr("name")).unwrap_or_else(|| bpmn_id.to_owned());
                let id = self.add_data(&e.name, bpmn_id, name, DataKind::Document);
                self.data_of.insert(bpmn_id.to_owned(), id);
            }
        }
        for i in t.descendants(proc_el) {
            let e = t.get(i);
            if e.is(Ns::Model, "dataObject") {
                let bpmn_id = e.attr("id").unwrap_or_default();
                let wanted = e.attr_ns(Ns::Epure, "id").unwrap_or(bpmn_id);
                let name = trimmed(e.attr("name")).unwrap_or_else(|| bpmn_id.to_owned());
                let id = self.add_data("dataObject", wanted, name, DataKind::Document);
                self.data_of.insert(bpmn_id.to_owned(), id);
            }
        }
        for i in t.descendants(proc_el) {
            let e = t.get(i);
            let (target_attr, kind) = if e.is(Ns::Model, "dataObjectReference") {
                ("dataObjectRef", DataKind::Document)
            } else if e.is(Ns::Model, "dataStoreReference") {
                ("dataStoreRef", DataKind::Field)
            } else {
                continue;
            };
            let bpmn_id = e.attr("id").unwrap_or_default();
            let name = trimmed(e.attr("name"));
            match e.attr(target_attr).and_then(|r| self.data_of.get(r.trim()).cloned()) {
                Some(item) => {
                    // The object had no name of its own: the reference's is the one people see.
                    if let Some(name) = name
                        && let Some(&at) = self.data_ids.get(&item)
                        && let Some(d) = self.p.data.get_mut(at).filter(|d| d.name == item)
                    {
                        d.name = name;
                    }
                    self.data_of.insert(bpmn_id.to_owned(), item);
                }
                None => {
                    let id = self.add_data(&e.name, bpmn_id, name.unwrap_or_else(|| bpmn_id.to_owned()), kind);
                    self.data_of.insert(bpmn_id.to_owned(), id);
                }
            }
        }
    }

    pub(super) fn data_associations(&mut self, proc_el: usize) {
        let t = self.t;
        for i in t.descendants(proc_el) {
            let e = t.get(i);
            let input = e.is(Ns::Model, "dataInputAssociation");
            if !input && !e.is(Ns::Model, "dataOutputAssociation") {
                continue;
            }
            let owner = e.parent.map(|p| t.get(p).attr("id").unwrap_or_default()).unwrap_or_default();
            let Some(step) = self.node_step.get(owner).cloned() else {
                self.r.push(
                    &e.name,
                    e.attr("id").unwrap_or_default(),
                    Action::DanglingReference { missing: owner.to_owned() },
                );
                continue;
            };
            let refs = t.child_texts(i, if input { "sourceRef" } else { "targetRef" });
            let items: Vec<String> = refs.iter().filter_map(|r| self.data_of.get(r).cloned()).collect();
            if items.is_empty() {
                let missing = refs.first().cloned().unwrap_or_default();
                self.r.push(&e.name, e.attr("id").unwrap_or_default(), Action::DanglingReference { missing });
                continue;
            }
            if let Some(s) = self.p.step_mut(&step) {
                let list = if input { &mut s.requests } else { &mut s.produces };
                for item in items {
                    if !list.contains(&item) {
                        list.push(item);
                    }
                }
            }
        }
    }

    /// Text annotations → the notes of the steps they are associated with, or the description.
    pub(super) fn annotations(&mut self) {
        let t = self.t;
        let mut links: HashMap<&str, Vec<&str>> = HashMap::new();
        for e in t.elements.iter().filter(|e| e.is(Ns::Model, "association")) {
            let (Some(a), Some(b)) = (e.attr("sourceRef"), e.attr("targetRef")) else { continue };
            links.entry(a.trim()).or_default().push(b.trim());
            links.entry(b.trim()).or_default().push(a.trim());
        }
        for (i, e) in t.elements.iter().enumerate() {
            if !e.is(Ns::Model, "textAnnotation") {
                continue;
            }
            let id = e.attr("id").unwrap_or_default();
            let text = t.child(i, Ns::Model, "text").map(|x| t.get(x).text.trim().to_owned()).unwrap_or_default();
            let steps: Vec<String> = links
                .get(id)
                .map(|others| others.iter().filter_map(|o| self.node_step.get(*o).cloned()).collect())
                .unwrap_or_default();
            if steps.is_empty() {
                if !text.is_empty() {
                    let d = self.p.meta.description.get_or_insert_with(String::new);
                    if !d.is_empty() {
                        d.push('\n');
                    }
                    d.push_str(&text);
                }
                self.r.push("textAnnotation", id, Action::AnnotationOnProcedure);
                continue;
            }
            for step in steps {
                if let Some(s) = self.p.step_mut(&step) {
                    let n = s.note.get_or_insert_with(String::new);
                    if !n.is_empty() {
                        n.push('\n');
                    }
                    n.push_str(&text);
                }
                self.r.push("textAnnotation", id, Action::AnnotationOnStep { step });
            }
        }
    }
}
