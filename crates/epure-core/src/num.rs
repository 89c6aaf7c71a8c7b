//! Numbers as people write them: `20`, not `20.0`.
//!
//! The model keeps every quantity as `f64`; when one is whole it is written as an integer, so
//! that a file an agent wrote by hand comes back the way it was written.

use serde::Serializer;

use crate::model::Position;

/// The largest integer an `f64` holds exactly.
const EXACT_INT: f64 = 9_007_199_254_740_992.0;

pub(crate) fn serialize_f64<S: Serializer>(v: f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < EXACT_INT {
        // Checked just above: whole and within the exactly representable range.
        s.serialize_i64(v as i64)
    } else {
        s.serialize_f64(v)
    }
}

pub(crate) fn opt<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => serialize_f64(*v, s),
        None => s.serialize_none(),
    }
}

pub(crate) fn opt_position<S: Serializer>(p: &Option<Position>, s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeStruct;
    match p {
        Some(p) => {
            struct N(f64);
            impl serde::Serialize for N {
                fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                    serialize_f64(self.0, s)
                }
            }
            let mut st = s.serialize_struct("Position", 2)?;
            st.serialize_field("x", &N(p.x))?;
            st.serialize_field("y", &N(p.y))?;
            st.end()
        }
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    fn render(v: f64) -> String {
        let mut out = Vec::new();
        let mut ser = serde_json::Serializer::new(&mut out);
        super::serialize_f64(v, &mut ser).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn whole_numbers_are_written_as_integers() {
        assert_eq!(render(20.0), "20");
        assert_eq!(render(0.0), "0");
        assert_eq!(render(-3.0), "-3");
        assert_eq!(render(0.25), "0.25");
        assert_eq!(render(1e300), "1e+300");
    }
}
