//! Helpers shared by the test modules: fixtures and temporary folders.

use std::path::{Path, PathBuf};

/// A file under `tests/fixtures/`.
pub fn fixture(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(relative)
}

/// Every file in a fixture folder, sorted.
pub fn fixtures_in(folder: &str) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(fixture(folder))
        .unwrap_or_else(|err| panic!("tests/fixtures/{folder}: {err}"))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.is_file())
        .collect();
    paths.sort();
    paths
}

/// A fresh, empty folder under the system's temp dir, unique to this test.
pub fn temp_dir(test: &str) -> PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let dir = std::env::temp_dir().join(format!(
        "vision-tui-it-{}-{test}-{nanos}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

/// Removes the folder when the test ends, pass or fail.
pub struct Cleanup(pub PathBuf);

impl Drop for Cleanup {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The document generator shared with the benchmarks and `examples/gen_document.rs`:
/// `generate::ron(&generate::Spec::new(areas, goals_per_area))`.
#[path = "../../benches/support/generate.rs"]
pub mod generate;
