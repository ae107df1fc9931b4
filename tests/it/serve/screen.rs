//! A participant's screen: the first frame, keys, window changes, and a
//! client that claims an absurd size.

use super::server::TestServer;
use vision_tui::session::escapes;

use crate::e2e::proc;

#[test]
fn the_first_frame_shows_the_vision_and_keys_move_the_selection() {
    let server = TestServer::start("first-frame");
    let client = server.connect().terminal(80, 24);
    client.wait_for("Alingsås kommun · Vision 2040");
    client.wait_for("Alingsås är Västsveriges vackraste kulturstad");
    client.wait_for("▶ 1 Vackra miljöer");
    client.send(b"j");
    client.wait_for("▶ 2 Livskvalitet");
    client.send(b"\x1b[B");
    client.wait_for("▶ 3 Experimentlust");
    client.send(b"\x1b[A");
    client.wait_for("▶ 2 Livskvalitet");
    // Several keys in one packet, as a fast typist's keys arrive over SSH:
    // each one counts.
    client.send(b"jj\x1b[B");
    client.wait_for("▶ 5 Tillsammans");
    client.wait_for("Tillsammans · 1 mål");
    client.send(b"k\x1b[Ak");
    client.wait_for("▶ 2 Livskvalitet");
}

#[test]
fn a_sequence_split_across_packets_is_one_key_and_a_lone_esc_is_esc() {
    let server = TestServer::start("split-keys");
    let client = server.connect().terminal(80, 24);
    client.send_packets(&[b"\x1b[", b"B"]);
    client.wait_for("▶ 2 Livskvalitet");
    // Esc alone closes the help (told from the start of a sequence by a
    // short wait); Esc glued to `?` in one packet is Esc, then `?`.
    client.send(b"?");
    client.wait_for("Flytta och rulla");
    client.send(b"\x1b");
    client.wait_until("the help closed", |r| {
        !r.contents().contains("Flytta och rulla")
    });
    client.send(b"\x1b?");
    client.wait_for("Flytta och rulla");
}

/// Where the footer (`q avsluta`) is: its row, and the rightmost column
/// anything is drawn in.
fn layout(screen: &vt100::Screen) -> (Option<u16>, u16) {
    let (rows, cols) = screen.size();
    let mut footer = None;
    let mut right = 0;
    for row in 0..rows.get() {
        let text = screen.contents_between(row, 0, row, cols.get());
        if text.contains("q avsluta") {
            footer = Some(row);
        }
        for col in (0..cols.get()).rev() {
            if screen
                .cell(row, col)
                .is_some_and(|cell| !cell.contents().trim().is_empty())
            {
                right = right.max(col);
                break;
            }
        }
    }
    (footer, right)
}

#[test]
fn a_window_change_lays_the_screen_out_anew() {
    let server = TestServer::start("window-change");
    let client = server.connect().terminal(80, 24);
    client.wait_until("the footer on the last of 24 rows", |r| {
        layout(r.screen()) == (Some(23), 79)
    });
    client.window_change(120, 40);
    client.wait_until("the footer on the last of 40 rows, 120 columns wide", |r| {
        layout(r.screen()) == (Some(39), 119)
    });
    client.window_change(60, 20);
    client.wait_until("the footer on the last of 20 rows, 60 columns wide", |r| {
        layout(r.screen()).0 == Some(19) && r.contents().contains("▶ 1 Vackra")
    });
}

/// The longest run of spaces in `bytes`.
fn longest_blank_run(bytes: &[u8]) -> usize {
    bytes
        .split(|&byte| byte != b' ')
        .map(<[u8]>::len)
        .max()
        .unwrap_or(0)
}

#[test]
fn the_screen_is_cleared_with_one_escape_not_cell_by_cell() {
    let server = TestServer::start("one-clear");
    let client = server.connect().terminal(200, 60);
    client.wait_until("the whole first frame", |r| r.row(59).contains("q avsluta"));
    let first = client.received().raw().len();
    client.window_change(150, 50);
    client.wait_until("the whole frame at 150×50", |r| {
        r.row(49).contains("q avsluta")
    });
    let received = client.received();
    // The session asks the client's size of nobody but its client: were it
    // to ask the server's own terminal, the sizes would differ and ratatui
    // would clear row after row of spaces.
    assert!(
        longest_blank_run(&received.raw()[..first]) < 100,
        "the first frame clears cell by cell"
    );
    assert!(
        longest_blank_run(&received.raw()[first..]) < 100,
        "a window change clears cell by cell"
    );
}

/// The test process's resident memory at its peak (VmHWM), in kB.
fn peak_memory_kb() -> u64 {
    proc::status_kb(std::process::id(), "VmHWM").expect("VmHWM of the test process")
}

#[test]
fn a_hostile_size_is_clamped_to_max_size() {
    let before = peak_memory_kb();
    let server = TestServer::with("hostile-size", |options, _| {
        options.limits.max_size = (100, 30);
    });
    let client = server.connect().session(65535, 65535);
    // Read through a 600×250 screen: drawn at 100×30, nothing beyond.
    client.wait_until("the footer on row 30, 100 columns wide", |r| {
        layout(r.screen()) == (Some(29), 99)
    });
    client.window_change(90, 25);
    client.wait_until("the footer on row 25, 90 columns wide", |r| {
        layout(r.screen()) == (Some(24), 89)
    });
    client.window_change(65535, 65535);
    client.wait_until("the footer back on row 30, 100 columns wide", |r| {
        let (footer, right) = layout(r.screen());
        footer == Some(29) && right == 99
    });
    client.send(b"j");
    client.wait_for("▶ 2 Livskvalitet");
    let grown_mb = peak_memory_kb().saturating_sub(before) / 1024;
    assert!(
        grown_mb < 512,
        "the test process grew by {grown_mb} MB at its peak"
    );
}

#[test]
fn q_gives_the_screen_back_ends_with_exit_0_and_sends_nothing_after() {
    let server = TestServer::start("quit");
    let client = server.connect().terminal(80, 24);
    client.send(b"q");
    assert_eq!(client.wait_closed(), Some(0));
    let received = client.received();
    assert!(
        !received.screen().alternate_screen(),
        "the main screen back"
    );
    let raw = received.raw();
    assert!(
        raw.ends_with(escapes::LEAVE),
        "the last bytes give the screen back: {:?}",
        String::from_utf8_lossy(&raw[raw.len().saturating_sub(80)..])
    );
    drop(received);
    server.wait_sessions(0);
}
