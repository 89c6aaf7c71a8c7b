//! Any bytes: the importer returns a procedure or an error, never panics, and what it returns
//! is a valid procedure that exports and imports again.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok((p, _report)) = epure_bpmn::import(data) {
        let text = epure_core::format::to_string(&p);
        if let Err(e) = epure_core::format::from_str(&text) {
            panic!("import produced an invalid procedure: {e}");
        }
        let xml = epure_bpmn::export(&p, &[]);
        if let Err(e) = epure_bpmn::import(xml.as_bytes()) {
            panic!("our own export does not import: {e}");
        }
    }
});
