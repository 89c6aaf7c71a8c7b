//! Reading and writing `*.epure.json`, version 1.
//!
//! Reading is three phases: JSON syntax (serde_json, whose recursion limit refuses absurd
//! nesting without overflowing the stack), shape (serde, with the path of the offending field),
//! then validity (`validate`): every refusal the format lists, each naming the field and the
//! offending id, all of them reported at once.
//!
//! Writing is canonical: the same procedure always gives the same bytes, in the author's order.

mod layout;
pub(crate) mod raw;
pub(crate) mod validate;

use std::fmt;

use serde::Serialize;

use crate::model::{Actor, DataItem, Extra, Medium, Procedure, ProcedureMeta, Step};

/// The `format` value of a procedure file.
pub const FORMAT: &str = "epure.procedure";
/// The newest file version this build reads and the one it writes.
pub const VERSION: u64 = 1;

/// One reason a file is refused: where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The field, as a path into the file (`steps[4].actor`), or empty for the file as a whole.
    pub path: String,
    pub message: String,
}

impl Problem {
    pub(crate) fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem { path: path.into(), message: message.into() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() { f.write_str(&self.message) } else { write!(f, "{}: {}", self.path, self.message) }
    }
}

/// Why a file could not be read. Holds at least one problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    pub problems: Vec<Problem>,
}

impl ReadError {
    fn one(path: impl Into<String>, message: impl Into<String>) -> Self {
        ReadError { problems: vec![Problem::new(path, message)] }
    }
}

impl fmt::Display for ReadError {
    /// The first problem, and how many more there are: one line, for a status bar or a terminal.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.problems.as_slice() {
            [] => f.write_str("invalid procedure"),
            [only] => write!(f, "{only}"),
            [first, rest @ ..] => {
                write!(f, "{first} (and {} more problem{})", rest.len(), if rest.len() > 1 { "s" } else { "" })
            }
        }
    }
}

impl std::error::Error for ReadError {}

/// Reads a procedure from the bytes of a `*.epure.json` file.
///
/// Half-drawn procedures (unreachable steps, loops, dead ends) are accepted: the analysis
/// reports them. Flows without an id get one (`f1`, `f2`, … never clashing with the file's own).
pub fn from_slice(bytes: &[u8]) -> Result<Procedure, ReadError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::one("", "the file is empty"));
    }
    // Read straight from the bytes, never through a `serde_json::Value` tree: building and
    // converting the tree made reading a 10,000-step procedure several times slower (the store
    // loads a working copy this way on every open). First pass: syntax, and what the file says
    // it is; the fields of the procedure are skipped, not built.
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        // Not a procedure whatever it holds; parse it whole to name a syntax error as such
        // (skipping, unlike building, does not apply the nesting limit).
        serde_json::from_slice::<serde_json::Value>(bytes).map_err(json_error)?;
        return Err(not_an_object());
    }
    // The common case, a good file (the store reads one on every open), in one pass and
    // without tracking the path of each field: the head is checked once the whole file is
    // read. A file that fails here is read again the careful way below, so that what is
    // reported, and in which order (head first, then shape), is the same either way.
    if let Ok(raw) = serde_json::from_slice::<raw::RawFile>(bytes) {
        check_head(raw.format.as_ref(), raw.version.as_ref())?;
        return validate::validate(raw);
    }
    let head: Head = match serde_json::from_slice(bytes) {
        Ok(head) => head,
        // Skipping does not apply the nesting limit: on the (rare) bad file, parse it whole so
        // that the problem reported is the first one a reader meets, as it always was.
        Err(e) => return Err(json_error(serde_json::from_slice::<serde_json::Value>(bytes).err().unwrap_or(e))),
    };
    check_head(head.format.as_ref(), head.version.as_ref())?;
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let raw: raw::RawFile = serde_path_to_error::deserialize(&mut de).map_err(shape_error)?;
    validate::validate(raw)
}

/// The two fields that say what a file is; everything else is skipped by the first pass.
#[derive(serde::Deserialize)]
struct Head {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
}

/// Reads a procedure from a string.
pub fn from_str(text: &str) -> Result<Procedure, ReadError> {
    from_slice(text.as_bytes())
}

/// Reads a procedure from parsed JSON.
pub fn from_value(value: serde_json::Value) -> Result<Procedure, ReadError> {
    let serde_json::Value::Object(top) = &value else {
        return Err(not_an_object());
    };
    check_head(top.get("format"), top.get("version"))?;
    let raw: raw::RawFile = serde_path_to_error::deserialize(value).map_err(shape_error)?;
    validate::validate(raw)
}

fn not_an_object() -> ReadError {
    ReadError::one("", "not an Épure procedure: the file must hold a JSON object")
}

fn check_head(format: Option<&serde_json::Value>, version: Option<&serde_json::Value>) -> Result<(), ReadError> {
    match format {
        None => return Err(ReadError::one("format", format!("missing (expected \"{FORMAT}\")"))),
        Some(serde_json::Value::String(f)) if f == FORMAT => {}
        Some(other) => {
            return Err(ReadError::one("format", format!("{other} is not an Épure procedure (expected \"{FORMAT}\")")));
        }
    }
    match version {
        None => Err(ReadError::one("version", "missing")),
        Some(v) => match v.as_u64() {
            Some(VERSION) => Ok(()),
            Some(n) if n > VERSION => Err(ReadError::one(
                "version",
                format!("written by a newer version of Épure (file version {n}; this version reads up to {VERSION})"),
            )),
            _ => Err(ReadError::one("version", format!("{v} is not a known file version (expected {VERSION})"))),
        },
    }
}

fn shape_error(e: serde_path_to_error::Error<serde_json::Error>) -> ReadError {
    // Nesting too deep inside an unknown field is found only now, and is still a JSON problem.
    if matches!(e.inner().classify(), serde_json::error::Category::Syntax | serde_json::error::Category::Eof) {
        return json_error(e.into_inner());
    }
    let path = e.path().to_string();
    let path = if path == "." { String::new() } else { path };
    ReadError::one(path, shape_message(e.inner()))
}

/// serde's messages, made to read like the rest: the path is already in front of them.
fn shape_message(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    // serde_json appends " at line L column C", meaningless after from_value: drop it.
    match msg.find(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg,
    }
}

fn json_error(e: serde_json::Error) -> ReadError {
    let (line, column) = (e.line(), e.column());
    let what = match e.classify() {
        serde_json::error::Category::Eof => "the file ends too early".to_owned(),
        _ => {
            let msg = e.to_string();
            let msg = msg.find(" at line ").map_or(msg.as_str(), |i| &msg[..i]).to_owned();
            if msg.contains("recursion limit") { "nested too deeply".to_owned() } else { msg }
        }
    };
    ReadError::one("", format!("not valid JSON: {what} (line {line}, column {column})"))
}

/// Writes a procedure as canonical JSON ending with a newline: one line per actor, data item,
/// step and flow (see `layout`).
///
/// Deterministic: the same procedure always gives byte-identical output, in the author's order.
pub fn to_string(procedure: &Procedure) -> String {
    let file = FileOut {
        format: FORMAT,
        version: VERSION,
        procedure: &procedure.meta,
        actors: &procedure.actors,
        data: &procedure.data,
        steps: procedure.steps().collect(),
        flows: procedure
            .flows()
            .map(|f| FlowOut {
                id: &f.flow.id,
                from: f.from,
                to: f.to,
                label: f.flow.label.as_deref(),
                probability: f.flow.probability,
                delay_min: f.flow.delay_min,
                medium: f.flow.medium,
                extra: &f.flow.extra,
            })
            .collect(),
        extra: &procedure.extra,
    };
    let mut out = Vec::with_capacity(256 * (procedure.step_count() + procedure.flow_count() + 8));
    let mut ser = serde_json::Serializer::with_formatter(&mut out, layout::Canonical::default());
    // Serialising these plain structs into memory cannot fail: every map key is a string.
    // Should it ever, the partial text would be refused on reading, never silently accepted.
    let _ = file.serialize(&mut ser);
    out.push(b'\n');
    // serde_json writes valid UTF-8 only.
    String::from_utf8(out).unwrap_or_default()
}

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u64,
    procedure: &'a ProcedureMeta,
    actors: &'a [Actor],
    data: &'a [DataItem],
    steps: Vec<&'a Step>,
    flows: Vec<FlowOut<'a>>,
    #[serde(flatten)]
    extra: &'a Extra,
}

#[derive(Serialize)]
struct FlowOut<'a> {
    id: &'a str,
    from: &'a str,
    to: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "crate::num::opt")]
    probability: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "crate::num::opt")]
    delay_min: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    medium: Option<Medium>,
    #[serde(flatten)]
    extra: &'a Extra,
}
