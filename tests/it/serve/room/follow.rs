//! Following: the presenter's moves reach every follower at its own size; a
//! follower who browses on their own is left alone and `f` brings them back;
//! nothing a follower does moves anyone else; the presenter leaving, a
//! follower coming late, a presenter coming back.

use super::{Workshop, slide_shown};

const FOLLOWING: &str = "Följer presentatören";
const LEFT: &str = "Presentatören har gått";

#[test]
fn followers_go_where_the_presenter_goes_each_at_its_own_size() {
    let room = Workshop::open("room-follow");
    let followers = [
        room.participant(80, 24),
        room.participant(120, 40),
        room.participant(40, 12),
    ];
    // Before any presenter: the first slide, waiting.
    followers[0].wait_for("Väntar på presentatören");
    room.wait_slide(&followers[0], 1);
    let presenter = room.presenter(100, 30);
    presenter.wait_for("3 anslutna · 3 följer");
    for n in 2..=4 {
        presenter.send(b"\x1b[C");
        room.wait_slide(&presenter, n);
        for follower in &followers {
            room.wait_slide(follower, n);
        }
    }
    // Each laid out for its own terminal: the footer on its own last row,
    // the topic's heading on its own screen.
    for follower in &followers {
        let screen = follower.contents();
        assert!(screen.contains("Vision, fokusområden"), "{screen}");
    }
    followers[0].wait_for(FOLLOWING);
    followers[1].wait_for(FOLLOWING);
    // To the browser and back to the slides: followers go along.
    presenter.send(b"\x1b");
    followers[1].wait_for("▶ 1 Vackra miljöer");
    presenter.send(b"j");
    for follower in &followers[..2] {
        follower.wait_for("▶ 2 Livskvalitet");
    }
}

#[test]
fn a_follower_on_their_own_is_not_moved_and_f_snaps_back() {
    let room = Workshop::open("room-detach");
    let presenter = room.presenter(100, 30);
    let wanderer = room.participant(80, 24);
    let follower = room.participant(80, 24);
    presenter.wait_for("2 anslutna · 2 följer");
    follower.wait_for(FOLLOWING);
    // The wanderer's own keys: three slides on; its own screen only.
    wanderer.send(b"\x1b[C\x1b[C\x1b[C");
    room.wait_slide(&wanderer, 4);
    wanderer.wait_for("Presentatör: 1 / 12 · f följer");
    presenter.wait_for("2 anslutna · 1 följer");
    // The presenter moves: the follower comes along, the wanderer is told
    // where the presenter is and stays where it was. Nobody was moved by
    // the wanderer's keys: the presenter goes from 1 to 2, not from 4 to 5.
    presenter.send(b"\x1b[C");
    room.wait_slide(&presenter, 2);
    room.wait_slide(&follower, 2);
    presenter.send(b"\x1b[C");
    room.wait_slide(&follower, 3);
    wanderer.wait_for("Presentatör: 3 / 12 · f följer");
    assert_eq!(slide_shown(&wanderer, room.slides), Some(4), "not moved");
    // The presenter's own frame may reach its client after the followers'.
    room.wait_slide(&presenter, 3);
    // Off to the browser, down a focus area, a search: still nobody else
    // moves, and the presenter stays on the slides.
    wanderer.send(b"\x1b");
    wanderer.wait_for("Fokusområden");
    wanderer.send(b"jj");
    wanderer.wait_for("▶ 3 Experimentlust");
    wanderer.send(b"/Omst\r");
    wanderer.wait_for("▶ 4 Omställning");
    presenter.send(b"\x1b[C");
    room.wait_slide(&follower, 4);
    room.wait_slide(&presenter, 4);
    // The search's own footer gives way to the room's once it is cleared.
    wanderer.send(b"\x1b");
    wanderer.wait_for("Presentatör: 4 / 12 · f följer");
    assert!(wanderer.contents().contains("▶ 4 Omställning"));
    // `f`: back on the presenter's slide, following again.
    wanderer.send(b"f");
    room.wait_slide(&wanderer, 4);
    wanderer.wait_for(FOLLOWING);
    presenter.wait_for("2 anslutna · 2 följer");
    presenter.send(b"\x1b[C");
    room.wait_slide(&wanderer, 5);
    room.wait_slide(&follower, 5);
}

#[test]
fn a_key_that_is_not_the_presenters_cannot_drive() {
    let room = Workshop::open("room-stranger");
    let presenter = room.presenter(100, 30);
    let stranger = room.participant_with_key(&super::key(9), 100, 30);
    let follower = room.participant(80, 24);
    presenter.wait_for("2 anslutna · 2 följer");
    stranger.wait_for(FOLLOWING);
    // No speaker view for the stranger: no notes panel, no clock.
    assert!(!stranger.contents().contains("Anteckningar"));
    assert!(!stranger.contents().contains("00:00:"));
    stranger.send(b"\x1b[C\x1b[C");
    room.wait_slide(&stranger, 3);
    presenter.wait_for("2 anslutna · 1 följer");
    // The presenter's next move is the first anyone else sees.
    presenter.send(b"\x1b[C");
    room.wait_slide(&follower, 2);
    room.wait_slide(&presenter, 2);
    stranger.wait_for("Presentatör: 2 / 12");
    assert_eq!(slide_shown(&stranger, room.slides), Some(3));
}

#[test]
fn when_the_presenter_leaves_followers_keep_the_slide_and_are_told() {
    let room = Workshop::open("room-left");
    let presenter = room.presenter(100, 30);
    let followers = [room.participant(80, 24), room.participant(40, 12)];
    presenter.wait_for("2 anslutna · 2 följer");
    presenter.send(b"\x1b[C\x1b[C\x1b[C");
    for follower in &followers {
        room.wait_slide(follower, 4);
    }
    presenter.cut();
    followers[0].wait_for(LEFT);
    for follower in &followers {
        room.wait_slide(follower, 4);
    }
    room.server.wait_sessions(2);
}

#[test]
fn a_late_follower_starts_on_the_presenters_slide() {
    let room = Workshop::open("room-late");
    let presenter = room.presenter(100, 30);
    presenter.send(b"\x1b[C\x1b[C\x1b[C\x1b[C");
    room.wait_slide(&presenter, 5);
    let late = room.participant(80, 24);
    room.wait_slide(&late, 5);
    late.wait_for(FOLLOWING);
    presenter.wait_for("1 anslutna · 1 följer");
}

#[test]
fn a_presenter_who_comes_back_joins_the_rooms_slide() {
    let room = Workshop::open("room-rejoin");
    let presenter = room.presenter(100, 30);
    let follower = room.participant(80, 24);
    presenter.wait_for("1 anslutna · 1 följer");
    presenter.send(b"\x1b[C\x1b[C\x1b[C\x1b[C");
    room.wait_slide(&follower, 5);
    presenter.cut();
    follower.wait_for(LEFT);
    // Back from the same laptop: it starts presenting on slide 1, and
    // joins slide 5 instead of taking the room back there.
    let back = room.presenter(100, 30);
    room.wait_slide(&back, 5);
    back.wait_for("1 anslutna · 1 följer");
    follower.wait_for(FOLLOWING);
    assert_eq!(slide_shown(&follower, room.slides), Some(5));
    back.send(b"\x1b[C");
    room.wait_slide(&follower, 6);
}
