//! `vision-tui serve` over SSH. In the test process: the server
//! ([`server::TestServer`], `serve::start` on a free loopback port) and
//! russh's client ([`client::Client`], which reads through a vt100 screen and
//! can stop reading or cut its connection). Then the real binary, driven by
//! the real OpenSSH client in a pseudo-terminal.

mod auth;
mod binary;
mod client;
mod limits;
mod log;
mod openssh;
mod requests;
mod robust;
mod room;
mod screen;
mod server;
mod shutdown;
