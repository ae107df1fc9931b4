//! Replays the committed fuzz corpus (`tests/fuzz_corpus/seeds/` and every
//! crash the fuzzer found, `tests/fuzz_corpus/crashes/`) through the very
//! function the fuzz target runs (`fuzz/common/exercise.rs`), so a normal
//! `cargo test` keeps every finding fixed: no nightly, no libFuzzer.

use std::path::{Path, PathBuf};

use crate::support::{actions, drive};

#[path = "../../fuzz/common/exercise.rs"]
mod exercise;

fn corpus() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_corpus");
    let mut files = Vec::new();
    for folder in ["seeds", "crashes"] {
        let Ok(entries) = std::fs::read_dir(root.join(folder)) else {
            continue;
        };
        files.extend(
            entries
                .map(|entry| entry.expect("directory entry").path())
                // The folders' READMEs are notes, not inputs.
                .filter(|path| path.is_file() && path.extension().is_none_or(|e| e != "md")),
        );
    }
    files.sort();
    files
}

#[test]
fn every_corpus_file_loads_or_fails_cleanly() {
    let files = corpus();
    assert!(
        files.len() >= 10,
        "tests/fuzz_corpus/ holds the seeds: found {}",
        files.len()
    );
    let mut failed = Vec::new();
    for file in &files {
        let bytes = std::fs::read(file).expect("read a corpus file");
        if std::panic::catch_unwind(|| exercise::exercise(&bytes)).is_err() {
            failed.push(file.display().to_string());
        }
    }
    assert!(failed.is_empty(), "panicked on: {failed:#?}");
}

#[test]
fn the_builtin_document_survives_the_fuzz_function() {
    exercise::exercise(vision_tui::document::load::BUILTIN_SOURCE.as_bytes());
}
