//! The workshop room on screen: a participant's status (following, on their
//! own and where the presenter is, waiting, the presenter gone) and a
//! presenter's attendance.

use ratatui::text::Span;

use crate::app::State;
use crate::app::follow::{Position, Role};
use crate::i18n::fill;

/// The room's status for the footer, or `None` outside a room.
pub fn status(state: &State) -> Option<Span<'static>> {
    let room = &state.room;
    let strings = &state.strings;
    let text = match room.role {
        Role::Alone => return None,
        Role::Presenter => fill(
            &strings.room_attendance,
            &[
                ("connected", &room.attendance.connected.to_string()),
                ("following", &room.attendance.following.to_string()),
            ],
        ),
        Role::Participant if room.presenter_left => strings.room_left.clone(),
        Role::Participant => match room.presenter {
            None if room.following => strings.room_waiting.clone(),
            Some(_) if room.following => strings.room_following.clone(),
            presenter => {
                let place = presenter.map_or_else(|| "–".to_string(), |p| where_is(state, p));
                match state.keymap.key_for(state.mode, crate::app::Action::Follow) {
                    Some(key) => fill(&strings.room_detached, &[("where", &place), ("key", &key)]),
                    None => fill(&strings.room_presenter_at, &[("where", &place)]),
                }
            }
        },
    };
    Some(Span::styled(format!(" {text} "), state.theme.key))
}

/// Where the presenter is, as a participant reads it: the slide's number,
/// or the focus area's name.
fn where_is(state: &State, position: Position) -> String {
    match position {
        Position::Slide { topic, .. } => {
            let total = crate::layout::slides::count(&state.document).max(1);
            format!("{} / {total}", (topic + 1).min(total))
        }
        Position::Browsing { area } => state
            .document
            .focus_areas
            .get(area)
            .map_or_else(|| (area + 1).to_string(), |a| a.name.clone()),
    }
}
