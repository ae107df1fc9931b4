//! `present --serve`: the real binary presents in a pty (the projector's
//! terminal) and serves the room; participants follow it as in-process
//! clients and with the real OpenSSH client in a pty of their own.

use std::net::SocketAddr;

use super::super::binary::serving_on;
use super::super::client::Connect;
use super::super::openssh::{ssh_args, ssh_installed};
use super::wait_slide;
use crate::e2e::{Session, assert_restored};
use crate::support::{TempDir, temp_dir};

const SLIDES: usize = 12;
const GOODBYE: &str = "vision-tui: the server is stopping. Goodbye.";

/// `vision-tui present --serve 127.0.0.1:0` on the built-in document in a
/// terminal of `cols`×`rows`, its first slide on screen; where it serves.
fn present_and_serve(test: &str, cols: u16, rows: u16) -> (Session, SocketAddr, TempDir) {
    let folder = temp_dir(test);
    let key = folder.join("host_key");
    let key = key.to_str().expect("a UTF-8 temporary path");
    let s = Session::start(
        &["present", "--serve", "127.0.0.1:0", "--host-key", key],
        &[],
        cols,
        rows,
    );
    // Said before the slides are drawn.
    s.wait_for(&footer(1));
    let raw = String::from_utf8_lossy(&s.raw()).into_owned();
    let address = raw
        .lines()
        .find_map(serving_on)
        .unwrap_or_else(|| panic!("never said where it serves: {raw:?}"));
    (s, address, folder)
}

/// The start of a presentation's footer on slide `n`: the number and the
/// first block of the progress bar.
fn footer(n: usize) -> String {
    format!(" {n} / {SLIDES} █")
}

#[test]
fn present_serve_moves_every_participant_counts_them_and_says_goodbye() {
    let (mut s, address, _folder) = present_and_serve("room-present-serve", 100, 30);
    let participants = [
        Connect::to(address).session(80, 24),
        Connect::to(address).session(40, 12),
    ];
    s.wait_for("2 anslutna · 2 följer");
    for participant in &participants {
        wait_slide(participant, 1, SLIDES);
    }
    // Two keys in one read, as a quick presenter's arrive: both count.
    s.send(b"\x1b[C\x1b[C");
    s.wait_for(&footer(3));
    for participant in &participants {
        wait_slide(participant, 3, SLIDES);
    }
    participants[0].wait_for("Följer presentatören");
    // One goes off on their own: the projector's footer counts it.
    participants[1].send(b"G");
    wait_slide(&participants[1], SLIDES, SLIDES);
    s.wait_for("2 anslutna · 1 följer");
    s.send(b"\x1b[D");
    wait_slide(&participants[0], 2, SLIDES);
    // Quitting the presentation ends the room: a goodbye and their
    // terminals back for everyone.
    s.quit(b"q");
    for participant in &participants {
        participant.wait_for(GOODBYE);
        participant.wait_closed();
        assert!(
            !participant.received().screen().alternate_screen(),
            "the participant's terminal is given back"
        );
    }
}

#[test]
fn openssh_follows_a_presenter_in_a_terminal() {
    if !ssh_installed("openssh_follows") {
        return;
    }
    let (mut presenter, address, _folder) = present_and_serve("room-openssh", 100, 30);
    let args = ssh_args(address, &["-tt"]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut ssh = Session::start_command("ssh", &args, 80, 24);
    ssh.wait_for("Följer presentatören");
    ssh.wait_for(&footer(1));
    presenter.wait_for("1 anslutna · 1 följer");
    presenter.send(b"\x1b[C");
    ssh.wait_for(&footer(2));
    presenter.send(b"\x1b[C\x1b[C");
    ssh.wait_for(&footer(4));
    presenter.quit(b"q");
    ssh.wait_for(GOODBYE);
    assert_eq!(ssh.wait_exit(), 0, "ssh ends as the session does");
    assert_restored(&ssh);
}
