//! The integration suite: one test binary (linking is the slow part on small machines).

mod check;
mod cli;
mod config;
mod e2e;
mod export;
mod fuzz_replay;
mod load;
mod messages;
mod present;
mod props;
mod scale;
mod screens;
mod source_text;
mod support;
mod themes;
