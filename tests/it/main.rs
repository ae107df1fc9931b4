//! The integration suite: one test binary (linking is the slow part on small machines).

mod load;
mod source_text;
mod e2e;
