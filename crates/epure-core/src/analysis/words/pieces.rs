//! Sentences written piece by piece ([`sentence!`]): each piece (text, a quoted label, a list,
//! a duration…) says how long it will likely be and appends itself to one buffer, so that a
//! finding's sentence is allocated once and written without the formatting machinery.

use super::{Duration, Quoted, QuotedList, Times, push_list, push_quoted, quotes, write_duration};

/// A part of a sentence built by [`sentence!`]: appended to the sentence's buffer directly, and
/// sized beforehand (exactly for text and quoted labels, an estimate for numbers, durations and
/// lists of steps) so that the buffer is, as a rule, allocated once.
pub trait Piece {
    /// The bytes the piece will likely take.
    fn size(&self) -> usize;
    /// Appends the piece.
    fn push_to(&self, out: &mut String);
}

impl Piece for str {
    fn size(&self) -> usize {
        self.len()
    }
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for String {
    fn size(&self) -> usize {
        self.len()
    }
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl<T: Piece + ?Sized> Piece for &T {
    fn size(&self) -> usize {
        (**self).size()
    }
    fn push_to(&self, out: &mut String) {
        (**self).push_to(out);
    }
}

/// A count as `{}` writes it: digits only, not grouped.
impl Piece for usize {
    fn size(&self) -> usize {
        4
    }
    fn push_to(&self, out: &mut String) {
        let mut buf = ['0'; 20];
        let mut at = buf.len();
        let mut u = *self;
        loop {
            at -= 1;
            buf[at] = char::from(b'0' + (u % 10) as u8);
            u /= 10;
            if u == 0 {
                break;
            }
        }
        out.extend(&buf[at..]);
    }
}

/// Two pieces side by side (« de l'étape », then the step).
impl<A: Piece, B: Piece> Piece for (A, B) {
    fn size(&self) -> usize {
        self.0.size() + self.1.size()
    }
    fn push_to(&self, out: &mut String) {
        self.0.push_to(out);
        self.1.push_to(out);
    }
}

/// A piece or nothing.
impl<T: Piece> Piece for Option<T> {
    fn size(&self) -> usize {
        self.as_ref().map_or(0, |p| p.size())
    }
    fn push_to(&self, out: &mut String) {
        if let Some(p) = self {
            p.push_to(out);
        }
    }
}

impl Piece for Quoted<'_> {
    fn size(&self) -> usize {
        let (open, close) = quotes(self.0);
        open.len() + self.1.len() + close.len()
    }
    fn push_to(&self, out: &mut String) {
        push_quoted(out, self.0, self.1);
    }
}

impl<S: AsRef<str>> Piece for QuotedList<'_, S> {
    fn size(&self) -> usize {
        let (open, close) = quotes(self.0);
        self.1.iter().map(|l| l.as_ref().len() + open.len() + close.len() + 2).sum::<usize>() + 3
    }
    fn push_to(&self, out: &mut String) {
        push_list(out, self.0, self.1.len(), |o, i| push_quoted(o, self.0, self.1[i].as_ref()));
    }
}

impl Piece for Duration {
    fn size(&self) -> usize {
        12
    }
    fn push_to(&self, out: &mut String) {
        let _ = write_duration(out, self.0, self.1, self.2);
    }
}

impl Piece for Times {
    fn size(&self) -> usize {
        12
    }
    fn push_to(&self, out: &mut String) {
        use std::fmt::Write as _;
        let _ = write!(out, "{self}");
    }
}

/// The pieces of a sentence put end to end, in a buffer allocated once (see [`sentence!`]).
pub fn join(pieces: &[&dyn Piece]) -> String {
    let mut out = String::with_capacity(pieces.iter().map(|p| p.size()).sum());
    for p in pieces {
        p.push_to(&mut out);
    }
    out
}

/// A sentence written as its pieces end to end, text and [`Piece`]s (labels, lists, durations…):
/// `sentence!["Étape en double : ", Quoted(Lang::Fr, label)]`. The cheap writing of `format!`:
/// each piece is appended straight to one buffer sized beforehand, with no formatting machinery
/// and no `String` of its own (but for the rare numbers with decimals, written through the float
/// formatting).
macro_rules! sentence {
    ($($piece:expr),+ $(,)?) => {
        $crate::analysis::words::join(&[$(&$piece as &dyn $crate::analysis::words::Piece),+])
    };
}
pub(crate) use sentence;
