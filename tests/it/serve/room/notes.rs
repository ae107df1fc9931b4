//! Speaker notes stay with presenters: a presenter's key gets the speaker
//! view (the notes, the next slide in a box beside them, and the clock);
//! nothing a follower receives ever contains a note, whatever it presses.

use ratatui::layout::Rect;
use vision_tui::document::load;
use vision_tui::document::model::Document;
use vision_tui::i18n::{Lang, Strings};
use vision_tui::layout::slides::{self, Deck};

use super::super::client::Client;
use super::Workshop;

/// Notes on the vision, on a focus area and on one of its goals, each a word
/// found nowhere else.
const NOTES: [&str; 3] = ["Qvisionsnot7", "Qomradesnot7", "Qmalsnot7"];

/// The built-in document with [`NOTES`].
fn with_notes() -> Document {
    let mut document = load::builtin();
    document.notes = Some(format!("Säg först: {}", NOTES[0]));
    let area = &mut document.focus_areas[1];
    area.notes = Some(format!("Fråga rummet: {}", NOTES[1]));
    let id = area.id.clone();
    let goal = document
        .goals
        .iter_mut()
        .find(|goal| goal.focus_area == id)
        .expect("a goal of the second focus area");
    goal.notes = Some(format!("Visa siffrorna: {}", NOTES[2]));
    document
}

fn leaked(bytes: &[u8]) -> Vec<&'static str> {
    let text = String::from_utf8_lossy(bytes);
    NOTES.into_iter().filter(|n| text.contains(n)).collect()
}

/// The text of `screen` inside `area`, row by row.
fn text_in(screen: &vt100::Screen, area: Rect) -> String {
    let rows = screen.rows(area.x, area.width);
    let rows: Vec<String> = rows
        .skip(usize::from(area.y))
        .take(usize::from(area.height))
        .collect();
    rows.join("\n")
}

/// What the speaker view's box says comes after slide `n` (1-based, its
/// first part) at 100×30: its title and heading, from the document's
/// topics and how many slides each takes there.
fn after(document: &Document, n: usize) -> (String, String) {
    let strings = Strings::load(Lang::Sv);
    let total = slides::count(document);
    let parts = |topic| {
        Deck::lay_out(document, &strings, topic, (100, 30), true)
            .slides
            .len()
    };
    let (topic, part) = if parts(n - 1) > 1 { (n - 1, 2) } else { (n, 1) };
    let Some(kind) = slides::kind_at(document, topic) else {
        return ("Nästa".into(), "Slut på presentationen".into());
    };
    let part = match parts(topic) {
        1 => String::new(),
        of => format!(" ({part}/{of})"),
    };
    (
        format!("Nästa · {} / {total}{part}", topic + 1),
        slides::heading(document, &strings, kind).into_owned(),
    )
}

#[test]
fn a_presenter_key_gets_the_speaker_view_with_the_notes() {
    let room = Workshop::serving("room-speaker", with_notes());
    let presenter = room.presenter(100, 30);
    // At 100 columns the next slide has a box of its own, right of the notes.
    let next = slides::screen(Rect::new(0, 0, 100, 30), true, true)
        .next
        .expect("a box beside the notes at 100×30");
    let document = with_notes();
    let shows = |n: usize| {
        let (title, heading) = after(&document, n);
        presenter.wait_until(&format!("{title}: {heading} in the box"), |r| {
            let boxed = text_in(r.screen(), next);
            let mut rows = boxed.lines();
            rows.next()
                .is_some_and(|top| top.starts_with(&format!("┌ {title} ─")))
                && rows.next().is_some_and(|row| row.contains(&heading))
        });
    };
    // The vision after the title slide; the notes keep their own title.
    assert_eq!(after(&document, 1).1, "Vision");
    shows(1);
    assert!(presenter.contents().contains("┌ Anteckningar ─"));
    // The clock, counting from the session's start.
    presenter.wait_until("the clock in the footer", |r| {
        let rows = r.screen().size().0.get();
        r.row(rows - 1).contains("00:00:")
    });
    // Every note shows on its slide, on the presenter's screen, and the box
    // what comes next.
    let mut seen = Vec::new();
    for n in 1..=room.slides {
        // By its number: → may first go on within a topic of two parts.
        presenter.send(format!("{n}\r").as_bytes());
        room.wait_slide(&presenter, n);
        shows(n);
        let screen = presenter.contents();
        seen.extend(NOTES.into_iter().filter(|note| screen.contains(note)));
    }
    seen.sort_unstable();
    seen.dedup();
    let mut all = NOTES.to_vec();
    all.sort_unstable();
    assert_eq!(seen, all, "each note on the presenter's screen");
}

#[test]
fn no_note_ever_reaches_a_follower_whatever_it_presses() {
    let room = Workshop::serving("room-notes", with_notes());
    let presenter = room.presenter(100, 30);
    // One follows with the notes panel open; one walks every slide on its
    // own, opening and closing the panel on each.
    let follower = room.participant(120, 40);
    let wanderer = room.participant(80, 24);
    presenter.wait_for("2 anslutna · 2 följer");
    follower.send(b"n");
    follower.wait_for("Anteckningar");
    for n in 1..=room.slides {
        let number = format!("{n}\r");
        presenter.send(number.as_bytes());
        wanderer.send(number.as_bytes());
        room.wait_slide(&presenter, n);
        room.wait_slide(&follower, n);
        room.wait_slide(&wanderer, n);
        assert_eq!(leaked(follower.contents().as_bytes()), Vec::<&str>::new());
        assert!(
            !follower.contents().contains("Nästa"),
            "the next slide's box is the presenter's"
        );
        toggle_notes(&wanderer, n);
    }
    let presenter_raw = presenter.received().raw().to_vec();
    assert!(
        !leaked(&presenter_raw).is_empty(),
        "the notes went to the presenter, the same way the followers' frames go"
    );
    for client in [&follower, &wanderer] {
        assert_eq!(leaked(client.received().raw()), Vec::<&str>::new());
    }
}

/// Opens the notes panel on `client`'s slide `n`, checks no note shows, and
/// closes it.
fn toggle_notes(client: &Client, n: usize) {
    client.send(b"n");
    client.wait_for("Anteckningar");
    assert_eq!(
        leaked(client.contents().as_bytes()),
        Vec::<&str>::new(),
        "slide {n}"
    );
    client.send(b"n");
    client.wait_until("the notes panel closed", |r| {
        !r.contents().contains("Anteckningar")
    });
}
