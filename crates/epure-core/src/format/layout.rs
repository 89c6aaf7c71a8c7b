//! The canonical text layout of a procedure file: the file and the `procedure` object are
//! spread over lines, while each actor, data item, step and flow sits on one line of its own.
//! A file is then as easy to read as a table and a change shows in a diff as the lines of the
//! steps it touched.

use std::io;

use serde_json::ser::Formatter;

/// Containers nested deeper than this are written on one line.
const SPREAD_DEPTH: usize = 2;

#[derive(Default)]
pub(super) struct Canonical {
    depth: usize,
    /// Whether the innermost open container holds anything yet (to close `[]` and `{}` inline).
    has_value: Vec<bool>,
}

impl Canonical {
    fn spread(&self) -> bool {
        self.depth <= SPREAD_DEPTH
    }

    fn newline_indent<W: ?Sized + io::Write>(&self, w: &mut W, depth: usize) -> io::Result<()> {
        w.write_all(b"\n")?;
        for _ in 0..depth {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    fn open<W: ?Sized + io::Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value.push(false);
        w.write_all(bracket)
    }

    fn close<W: ?Sized + io::Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        let spread = self.spread();
        let had = self.has_value.pop().unwrap_or(false);
        self.depth -= 1;
        if had && spread {
            self.newline_indent(w, self.depth)?;
        }
        w.write_all(bracket)
    }

    fn item<W: ?Sized + io::Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if let Some(h) = self.has_value.last_mut() {
            *h = true;
        }
        if !first {
            w.write_all(if self.spread() { b"," } else { b", " })?;
        }
        if self.spread() { self.newline_indent(w, self.depth) } else { Ok(()) }
    }
}

impl Formatter for Canonical {
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, _w: &mut W) -> io::Result<()> {
        Ok(())
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + io::Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, _w: &mut W) -> io::Result<()> {
        Ok(())
    }
}
