//! End-to-end: the real binary in a pseudo-terminal, real keys in, the real
//! screen (via vt100) and the raw bytes out, through [`Session`].

use std::time::Duration;

mod edge;
mod reload;
mod session;
mod suspend;

use crate::support::BIN;
use session::{ENTER_ALT, LEAVE_ALT};
pub(crate) use session::{PATIENCE, proc};
pub use session::{Session, assert_restored, find_last, main_thread};

#[test]
fn browses_vision_2040_and_quits_cleanly() {
    let mut s = Session::start(&[], &[], 80, 24);
    s.wait_for("Alingsås är Västsveriges vackraste kulturstad");
    for area in [
        "Vackra miljöer",
        "Livskvalitet",
        "Experimentlust",
        "Omställning",
        "Tillsammans",
    ] {
        s.wait_for(area);
    }
    // Down twice with j and the arrow key reaches the third area, Experimentlust.
    s.send(b"j");
    s.send(b"\x1b[B");
    s.wait_for("Experimentlust · 1 mål");
    s.wait_for("Mål 1");
    s.wait_for("Alingsås växer genom att stärka och uppmuntra");
    s.send(b"?");
    s.wait_for("Flytta och rulla");
    s.send(b"\x1b");
    s.wait_until_gone("Flytta och rulla");
    s.quit(b"q");
}

#[test]
fn a_key_that_changes_nothing_writes_nothing() {
    let mut s = Session::browsing();
    let before = s.quiet_total();
    // Already at the top: `g` (go to the top) has nothing to do.
    s.send(b"g");
    assert_eq!(
        s.quiet_total(),
        before,
        "no bytes for a key that changes nothing"
    );
    // The app is alive and still draws what does change.
    s.send(b"j");
    s.wait_for("Livskvalitet · ");
    assert!(s.quiet_total() > before);
    s.quit(b"q");
}

#[test]
fn number_keys_tab_and_background_work_in_the_real_terminal() {
    let mut s = Session::start(&[], &[], 120, 40);
    s.wait_for("Tillsammans");
    s.send(b"4");
    s.wait_for("I Alingsås finns goda livsmiljöer");
    s.send(b"\t");
    s.wait_for("j/k rulla");
    s.send(b"b");
    s.wait_for("Så lyder kommunens vision");
    s.send(b"G");
    s.wait_for("Läs mer om kommunens prioriterade mål");
    s.send(b"\x1b");
    s.wait_until_gone("Läs mer om kommunens prioriterade mål");
    s.quit(b"\x03"); // Ctrl-C arrives as a key in raw mode
}

#[test]
fn presents_from_the_command_line() {
    let mut s = Session::start(&["present"], &[], 80, 24);
    s.wait_for(" 1 / ");
    s.wait_for("Alingsås kommun");
    // → until the Experimentlust slide, which shows goal 1.
    let mut presses = 0;
    while !s.contents().contains("Alingsås växer genom att stärka") {
        s.send(b"\x1b[C");
        presses += 1;
        assert!(presses < 30, "never reached goal 1:\n{}", s.contents());
        std::thread::sleep(Duration::from_millis(50));
    }
    s.wait_for("Mål 1 · 2021–2023");
    s.send(b"b");
    s.wait_until_gone("Mål 1 · 2021–2023");
    assert!(
        s.contents().trim().is_empty(),
        "blank screen:\n{}",
        s.contents()
    );
    s.send(b"b");
    s.wait_for("Mål 1 · 2021–2023");
    s.quit(b"q");
}

#[test]
fn p_presents_from_the_browser_and_esc_returns_to_the_slides_area() {
    let mut s = Session::browsing();
    s.send(b"2p");
    s.wait_for("Mål 4 · 2021–2023");
    s.send(b" "); // Space: next slide, Experimentlust
    s.wait_for("Mål 1 · 2021–2023");
    s.send(b"\x1b");
    s.wait_for("Experimentlust · 1 mål");
    s.quit(b"q");
}

#[test]
fn s_shows_the_link_to_the_selection() {
    let mut s = Session::start(&["--open", "goal:3"], &[], 80, 24);
    s.wait_for("Tillsammans · 1 mål");
    s.send(b"s");
    s.wait_for("Länk: vision-tui --open goal:3");
    s.quit(b"q");
}

#[test]
fn term_dumb_prints_plain_text_even_in_a_terminal() {
    let mut s = Session::start(&[], &[("TERM", "dumb")], 80, 24);
    assert_eq!(s.wait_exit(), 0);
    let raw = s.raw();
    assert!(
        find_last(&raw, ENTER_ALT).is_none(),
        "no alternate screen on a dumb terminal"
    );
    assert!(!raw.contains(&0x1b), "no escape sequences at all");
    let text = String::from_utf8_lossy(&raw);
    assert!(
        text.contains("Alingsås är Västsveriges vackraste kulturstad"),
        "{text}"
    );
}

#[test]
fn searching_without_swedish_letters_finds_omstallning() {
    let mut s = Session::start(&[], &[], 100, 30);
    s.wait_for("Tillsammans");
    s.send(b"/omstallning");
    s.wait_for("/omstallning");
    s.wait_for("1 fokusområde");
    s.send(b"\r");
    s.wait_for("▶ 4 Omställning");
    s.wait_for("Omställning · 1 mål");
    s.wait_until_gone("Tillsammans");
    s.send(b"\x1b"); // Esc clears the filter
    s.wait_for("Tillsammans");
    s.send(b"/zzz\r");
    s.wait_for("ingen träff");
    s.quit(b"q");
}

#[test]
fn a_mouse_click_selects_a_focus_area_and_quitting_turns_the_mouse_off() {
    let mut s = Session::browsing();
    // Where the third focus area is drawn, in 1-based SGR coordinates.
    let row = s
        .contents()
        .lines()
        .position(|l| l.contains("3 Experimentlust"))
        .expect("row")
        + 1;
    s.send(format!("\x1b[<0;6;{row}M\x1b[<0;6;{row}m").as_bytes());
    s.wait_for("▶ 3 Experimentlust");
    s.wait_for("Experimentlust · 1 mål");
    s.quit(b"q");
    let raw = s.raw();
    let on = find_last(&raw, b"\x1b[?1000h").expect("mouse reporting on");
    assert!(find_last(&raw, b"\x1b[?1006h").is_some(), "SGR encoding");
    assert!(
        find_last(&raw, b"\x1b[?1003h").is_none(),
        "no any-motion tracking"
    );
    assert!(find_last(&raw, b"\x1b[?1000l").expect("mouse reporting off") > on);
}

#[test]
fn no_mouse_leaves_the_mouse_to_the_terminal() {
    let mut s = Session::start(&["--no-mouse"], &[], 80, 24);
    s.wait_for("Tillsammans");
    s.quit(b"q");
    assert!(find_last(&s.raw(), b"\x1b[?1000h").is_none());
}

#[test]
fn lang_en_switches_the_interface() {
    let mut s = Session::start(&["--lang", "en"], &[], 80, 24);
    s.wait_for("Focus areas (5)");
    s.wait_for("q quit");
    s.quit(b"q");
}

#[test]
fn esc_glued_to_q_in_one_write_closes_the_search_then_quits() {
    // One write, as one SSH packet delivers a fast `Esc q`: crossterm reads Alt+q.
    let mut s = Session::browsing();
    s.send(b"/liv");
    s.wait_for("/liv");
    s.quit(b"\x1bq"); // Esc closes the search, q quits
}
