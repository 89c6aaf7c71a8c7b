//! The sample procedures shipped inside the app (from `assets/samples/`): the first-launch
//! content of the library. A test checks this list against the folder, so that a sample added
//! there cannot be forgotten here.

use epure_core::{Procedure, ReadError};

macro_rules! samples {
    ($($file:literal),* $(,)?) => {
        /// (file name, file content) of every sample, in the order the library shows them.
        pub const SAMPLES: &[(&str, &str)] = &[
            $(($file, include_str!(concat!("../../assets/samples/", $file)))),*
        ];
    };
}

samples![
    "cantine-scolaire.epure.json",
    "aide-sociale.epure.json",
    "permis-construire.epure.json",
    "licence-debit-boissons.epure.json",
    "conge-agent.epure.json",
    "carte-stationnement-resident.epure.json",
];

/// Every sample, read.
pub fn load_all() -> Vec<(&'static str, Result<Procedure, ReadError>)> {
    SAMPLES.iter().map(|&(file, text)| (file, epure_core::format::from_str(text))).collect()
}

/// The sample whose file name starts with `prefix` (`"cantine"`), read; `None` when there is
/// no such sample or it does not read.
pub fn find(prefix: &str) -> Option<Procedure> {
    load_all().into_iter().find(|(file, _)| file.starts_with(prefix)).and_then(|(_, read)| read.ok())
}

/// A file name without its `.epure.json` extension.
pub fn stem(file: &str) -> &str {
    file.strip_suffix(".epure.json").unwrap_or(file)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_sample_of_the_folder_is_embedded_and_reads() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .expect("samples folder")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.ends_with(".epure.json"))
            .collect();
        on_disk.sort();
        let mut embedded: Vec<String> = super::SAMPLES.iter().map(|(f, _)| (*f).to_owned()).collect();
        embedded.sort();
        assert_eq!(embedded, on_disk);
        for (file, read) in super::load_all() {
            assert!(read.is_ok(), "{file}: {:?}", read.err());
        }
    }

    #[test]
    fn stems_drop_the_extension() {
        assert_eq!(super::stem("cantine-scolaire.epure.json"), "cantine-scolaire");
        assert_eq!(super::stem("other.json"), "other.json");
    }
}
