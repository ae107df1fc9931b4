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

/// A fresh, empty folder of this test's own under the system's temp dir,
/// removed with everything in it when dropped, pass or fail. It derefs to
/// its path.
pub struct TempDir(tempfile::TempDir);

impl std::ops::Deref for TempDir {
    type Target = Path;

    fn deref(&self) -> &Path {
        self.0.path()
    }
}

/// A [`TempDir`] whose name starts with the test's.
pub fn temp_dir(test: &str) -> TempDir {
    let folder = tempfile::Builder::new()
        .prefix(&format!("vision-tui-it-{test}-"))
        .tempdir()
        .unwrap_or_else(|err| panic!("a temp dir for {test}: {err}"));
    TempDir(folder)
}

/// The document generator shared with the benchmarks and `examples/gen_document.rs`:
/// `generate::ron(&generate::Spec::new(areas, goals_per_area))`.
#[path = "../../benches/support/generate.rs"]
pub mod generate;

pub mod scripted;

/// Every kind of action, built from a few numbers (shared with the fuzz exercise).
#[path = "../../benches/support/actions.rs"]
pub mod actions;

/// A state at a size; update, draw, check (shared with the fuzz exercise and the benchmarks).
#[path = "../../benches/support/drive.rs"]
pub mod drive;

/// Any action, its fields in the ranges the property tests explore: sizes
/// from 1×1 to 300×100, cells a little past the largest screen, the clock
/// up to 100,000 s, letters from Swedish, CJK and accented text.
pub fn action() -> impl proptest::strategy::Strategy<Value = vision_tui::app::Action> {
    use proptest::prelude::*;
    let letter = prop::sample::select(vec!['a', 'o', 'å', 'ö', 'Ö', 'é', '漢', 'x', ' ', '1']);
    let fields = (
        (1u16..=300, 1u16..=100),
        (0u16..320, 0u16..110),
        any::<bool>(),
        0u64..100_000,
        letter,
    )
        .prop_map(|(size, cell, down, number, letter)| actions::Fields {
            size,
            cell,
            down,
            number,
            letter,
        });
    (0..actions::KINDS, fields).prop_map(|(kind, fields)| actions::action(kind, &fields))
}

/// The binary under test (an absolute path: pty commands resolve relative
/// ones against $HOME).
pub const BIN: &str = env!("CARGO_BIN_EXE_vision-tui");

/// Runs the real binary with stdin empty and stdout and stderr captured, as
/// in a script or CI: the exit status and the raw bytes of both streams.
pub fn run_binary<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> std::process::Output {
    std::process::Command::new(BIN)
        .args(args)
        // Colour must not depend on the environment the suite runs in, nor
        // the outcome on the config of whoever runs it.
        .env_remove("CLICOLOR_FORCE")
        .env("XDG_CONFIG_HOME", "/nonexistent/vision-tui-tests")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .output()
        .expect("run vision-tui")
}

/// [`run_binary`] as text: (status, stdout, stderr). Asserts that it exited
/// (no signal) and that stderr holds no escape character.
pub fn run<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> (i32, String, String) {
    let out = run_binary(args);
    let code = out
        .status
        .code()
        .expect("vision-tui was killed by a signal");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        !stderr.contains('\x1b'),
        "escape character on stderr for {:?}:\n{stderr:?}",
        args.iter().map(AsRef::as_ref).collect::<Vec<_>>()
    );
    (code, stdout, stderr)
}

/// Asserts `bytes` is UTF-8 text with no character a terminal would act on:
/// no C0 control but a line break (`\r` too when `pty` is set, the terminal's
/// own line ending), no DEL or C1 control, no bidirectional control.
pub fn assert_printable(bytes: &[u8], pty: bool, context: &str) {
    let text = std::str::from_utf8(bytes)
        .unwrap_or_else(|err| panic!("{context}: output is not UTF-8 ({err}): {bytes:?}"));
    let bad = text.char_indices().find(|&(_, c)| {
        let allowed = c == '\n' || (pty && c == '\r');
        !allowed
            && (c.is_control()
                || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'))
    });
    if let Some((at, c)) = bad {
        panic!("{context}: {c:?} at byte {at} in {text:?}");
    }
}
