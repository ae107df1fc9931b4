//! The integration suite: one test binary (linking is the slow part on small machines).

mod cli;
mod e2e;
mod load;
mod present;
mod props;
mod screens;
mod source_text;
