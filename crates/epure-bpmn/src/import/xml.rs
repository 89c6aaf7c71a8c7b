//! The first phase of the import: bytes → a small element tree with namespaces resolved by URI.
//!
//! Elements are kept in one arena in document order, each with its parent, so the mapping
//! phase walks plain vectors and nothing here recurses on the depth of the document. Prefixes
//! are never looked at: `bpmn:`, `bpmn2:`, `semantic:`, `model:` and a default namespace all
//! resolve to the same [`Ns::Model`].
//!
//! Hostile input is refused before it costs anything: a `<!DOCTYPE` (and so every entity
//! declaration) is an error, entity references other than the five predefined ones and
//! character references are errors (quick-xml never expands entities and no resolver is
//! installed), and depth and element count are bounded by [`Limits`]. Nothing here opens a
//! file or a connection: the input is a byte slice.

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

use crate::error::BpmnError;
use crate::limits::Limits;

/// The namespaces the importer understands; everything else is [`Ns::Other`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ns {
    /// No namespace (unprefixed attributes, or elements without a default namespace).
    None,
    /// BPMN 2.0 semantic model.
    Model,
    /// BPMN 2.0 diagram interchange (BPMNShape, BPMNEdge).
    BpmnDi,
    /// OMG DD diagram commons (Bounds).
    Dc,
    /// Épure's own extension attributes (written by our export).
    Epure,
    Other,
}

pub const MODEL_NS: &str = "http://www.omg.org/spec/BPMN/20100524/MODEL";
pub const BPMNDI_NS: &str = "http://www.omg.org/spec/BPMN/20100524/DI";
pub const DC_NS: &str = "http://www.omg.org/spec/DD/20100524/DC";
pub const DI_NS: &str = "http://www.omg.org/spec/DD/20100524/DI";
pub const EPURE_NS: &str = "https://epure.example.invalid/bpmn/1.0";

fn ns_of(uri: &str) -> Ns {
    match uri {
        "http://www.omg.org/spec/BPMN/20100524/MODEL" => Ns::Model,
        "http://www.omg.org/spec/BPMN/20100524/DI" => Ns::BpmnDi,
        "http://www.omg.org/spec/DD/20100524/DC" => Ns::Dc,
        "https://epure.example.invalid/bpmn/1.0" => Ns::Epure,
        _ => Ns::Other,
    }
}

fn resolved(r: &ResolveResult<'_>) -> Ns {
    match r {
        ResolveResult::Bound(ns) => ns_of(ns.0),
        ResolveResult::Unbound => Ns::None,
        ResolveResult::Unknown(_) => Ns::Other,
    }
}

/// One element: its resolved name, attributes, text and place in the tree.
#[derive(Debug, Clone)]
pub struct Element {
    pub ns: Ns,
    pub name: String,
    /// Attributes with their resolved namespace (unprefixed ones are [`Ns::None`]).
    pub attrs: Vec<(Ns, String, String)>,
    /// The element's own text (text and CDATA directly inside it, concatenated).
    pub text: String,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    /// The byte offset the element starts at.
    pub pos: u64,
    /// One past the index of its last descendant: its subtree is `index + 1..end`.
    pub end: usize,
}

impl Element {
    /// An unprefixed attribute.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(ns, n, _)| *ns == Ns::None && n == name).map(|(_, _, v)| v.as_str())
    }

    /// An attribute in a given namespace.
    pub fn attr_ns(&self, ns: Ns, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, k, _)| *n == ns && k == name).map(|(_, _, v)| v.as_str())
    }

    pub fn is(&self, ns: Ns, name: &str) -> bool {
        self.ns == ns && self.name == name
    }
}

/// A parsed document: every element in document order; the root is element 0.
#[derive(Debug, Clone, Default)]
pub struct Tree {
    pub elements: Vec<Element>,
}

impl Tree {
    pub fn get(&self, i: usize) -> &Element {
        &self.elements[i]
    }

    /// Children of `i` in the BPMN model namespace.
    pub fn model_children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.elements[i].children.iter().copied().filter(|&c| self.elements[c].ns == Ns::Model)
    }

    /// The first child of `i` with the given name.
    pub fn child(&self, i: usize, ns: Ns, name: &str) -> Option<usize> {
        self.elements[i].children.iter().copied().find(|&c| self.elements[c].is(ns, name))
    }

    /// The texts of the children of `i` with the given model name (`incoming`, `flowNodeRef`, …).
    pub fn child_texts(&self, i: usize, name: &str) -> Vec<String> {
        self.elements[i]
            .children
            .iter()
            .filter(|&&c| self.elements[c].is(Ns::Model, name))
            .map(|&c| self.elements[c].text.trim().to_owned())
            .collect()
    }

    /// Every descendant of `i` (not `i` itself), in document order. Elements are stored in
    /// document order and a subtree is contiguous, so this is a slice walk, not a recursion.
    pub fn descendants(&self, i: usize) -> std::ops::Range<usize> {
        i + 1..self.elements[i].end.max(i + 1)
    }
}

/// Parses a whole document into a [`Tree`], within `limits` (the size is checked by the caller
/// and again here).
pub fn parse(bytes: &[u8], limits: &Limits) -> Result<Tree, BpmnError> {
    if bytes.len() as u64 > limits.max_bytes {
        return Err(BpmnError::TooLarge {
            size_mb: bytes.len() as u64 / (1024 * 1024),
            limit_mb: limits.max_bytes / (1024 * 1024),
        });
    }
    let text = decode(bytes)?;
    let line_of = |pos: u64| -> u64 {
        let pos = (pos as usize).min(text.len());
        1 + text.as_bytes()[..pos].iter().filter(|&&b| b == b'\n').count() as u64
    };
    let mut reader = NsReader::from_str(text);
    let config = reader.config_mut();
    config.check_end_names = true;
    config.expand_empty_elements = false;
    let mut tree = Tree::default();
    let mut stack: Vec<usize> = Vec::new();
    loop {
        let pos = reader.buffer_position();
        let (ns, event) = match reader.read_resolved_event() {
            Ok((r, e)) => (resolved(&r), e),
            Err(e) => {
                return Err(BpmnError::Malformed { line: line_of(reader.error_position()), message: e.to_string() });
            }
        };
        match event {
            Event::DocType(_) => return Err(BpmnError::Doctype { line: line_of(pos) }),
            Event::Start(start) => {
                if stack.len() >= limits.max_depth {
                    return Err(BpmnError::TooDeep { limit: limits.max_depth, line: line_of(pos) });
                }
                let i = push(&mut tree, &reader, ns, &start, stack.last().copied(), pos, &line_of, limits)?;
                stack.push(i);
            }
            Event::Empty(start) => {
                if stack.len() >= limits.max_depth {
                    return Err(BpmnError::TooDeep { limit: limits.max_depth, line: line_of(pos) });
                }
                push(&mut tree, &reader, ns, &start, stack.last().copied(), pos, &line_of, limits)?;
            }
            Event::End(_) => {
                if let Some(i) = stack.pop() {
                    tree.elements[i].end = tree.elements.len();
                }
            }
            Event::Text(t) => {
                if let Some(&top) = stack.last() {
                    tree.elements[top].text.push_str(&t.xml10_content());
                }
            }
            Event::CData(t) => {
                if let Some(&top) = stack.last() {
                    tree.elements[top].text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => c,
                    Ok(None) => match predefined(&r.xml10_content()) {
                        Some(c) => c,
                        None => {
                            return Err(BpmnError::UnknownEntity {
                                name: r.xml10_content().chars().take(40).collect(),
                                line: line_of(pos),
                            });
                        }
                    },
                    Err(e) => return Err(BpmnError::Malformed { line: line_of(pos), message: e.to_string() }),
                };
                if let Some(&top) = stack.last() {
                    tree.elements[top].text.push(c);
                }
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
        }
    }
    if !stack.is_empty() {
        return Err(BpmnError::Malformed {
            line: line_of(text.len() as u64),
            message: "the file ends inside an element".into(),
        });
    }
    if tree.elements.is_empty() {
        return Err(BpmnError::Malformed { line: 1, message: "no element at all".into() });
    }
    Ok(tree)
}

fn predefined(name: &str) -> Option<char> {
    match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "apos" => Some('\''),
        "quot" => Some('"'),
        _ => None,
    }
}

/// UTF-8 (with or without a byte-order mark) is what every BPMN tool writes; anything else
/// is refused with a message rather than guessed at.
fn decode(bytes: &[u8]) -> Result<&str, BpmnError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(BpmnError::Encoding("UTF-16; save the file as UTF-8".into()));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| BpmnError::Encoding(format!("invalid byte at offset {}", e.valid_up_to())))
}

// The reader's state, passed piecewise so the borrow of the reader stays short.
#[allow(clippy::too_many_arguments)]
fn push(
    tree: &mut Tree,
    reader: &NsReader<&[u8]>,
    ns: Ns,
    start: &BytesStart<'_>,
    parent: Option<usize>,
    pos: u64,
    line_of: &dyn Fn(u64) -> u64,
    limits: &Limits,
) -> Result<usize, BpmnError> {
    if tree.elements.len() >= limits.max_elements {
        return Err(BpmnError::TooManyElements { limit: limits.max_elements });
    }
    let name = start.local_name().as_ref().to_owned();
    let mut attrs = Vec::new();
    for attr in start.attributes() {
        let attr = attr.map_err(|e| BpmnError::Malformed { line: line_of(pos), message: e.to_string() })?;
        let key = attr.key;
        if key.as_ref().starts_with("xmlns") {
            continue;
        }
        let (r, local) = reader.resolver().resolve_attribute(key);
        let ans = resolved(&r);
        let value = attr.normalized_value(quick_xml::XmlVersion::Implicit1_0).map_err(|e| match e {
            quick_xml::Error::Escape(quick_xml::escape::EscapeError::UnrecognizedEntity(_, name)) => {
                BpmnError::UnknownEntity { name: name.chars().take(40).collect(), line: line_of(pos) }
            }
            e => BpmnError::Malformed { line: line_of(pos), message: e.to_string() },
        })?;
        attrs.push((ans, local.as_ref().to_owned(), value.into_owned()));
    }
    let i = tree.elements.len();
    tree.elements.push(Element { ns, name, attrs, text: String::new(), parent, children: Vec::new(), pos, end: i + 1 });
    if let Some(p) = parent {
        tree.elements[p].children.push(i);
    }
    Ok(i)
}
