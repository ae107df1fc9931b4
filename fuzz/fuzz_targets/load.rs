//! Bytes → `vision_tui::document::load::parse` → (when valid) the app's state and
//! screens rendered into a `TestBackend`; see `common/exercise.rs`.
#![no_main]

#[path = "../../benches/support/actions.rs"]
mod actions;
#[path = "../../benches/support/drive.rs"]
mod drive;
#[path = "../common/exercise.rs"]
mod exercise;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    exercise::exercise(bytes);
});
