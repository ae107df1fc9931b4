//! The integration suite: one test binary (linking is the slow part on small machines).

mod check;
mod cli;
mod config;
mod e2e;
mod export;
mod export_file;
mod fuzz_replay;
mod key_tables;
mod load;
mod man;
mod messages;
mod options;
mod package;
mod present;
mod props;
mod scale;
mod screens;
#[cfg(feature = "ssh")]
mod serve;
mod source_text;
mod support;
mod themes;
