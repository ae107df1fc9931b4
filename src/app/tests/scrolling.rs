//! Moving, paging and scrolling in each mode, clamped to the text on screen.

use super::*;
use crate::theme::Theme;
use std::sync::Arc;

#[test]
fn in_the_detail_pane_moving_scrolls_instead_of_selecting() {
    let mut s = synthetic(3, 6);
    update(&mut s, Action::FocusDetail);
    update(&mut s, Action::MoveDown);
    assert_eq!((s.selected, s.detail_scroll), (0, 1));
    update(&mut s, Action::MoveToBottom);
    let max = s.measure().detail.max_scroll();
    assert!(max > 0);
    assert_eq!(s.detail_scroll, max, "scroll stops at the end of the text");
    update(&mut s, Action::MoveDown);
    assert_eq!(s.detail_scroll, max);
    update(&mut s, Action::HalfPageUp);
    let half = (s.measure().detail.visible / 2).max(1);
    assert_eq!(s.detail_scroll, max - half);
    update(&mut s, Action::MoveToTop);
    assert_eq!(s.detail_scroll, 0);
    update(&mut s, Action::PageDown);
    assert_eq!(s.detail_scroll, s.measure().detail.visible.min(max));
}

#[test]
fn selecting_another_area_scrolls_its_goals_to_the_top() {
    let mut s = synthetic(3, 6);
    apply(
        &mut s,
        &[Action::FocusDetail, Action::PageDown, Action::FocusList],
    );
    assert!(s.detail_scroll > 0);
    update(&mut s, Action::MoveDown);
    assert_eq!(s.detail_scroll, 0);
}

#[test]
fn paging_the_list_moves_the_selection_by_a_page_and_keeps_it_visible() {
    let mut s = synthetic(200, 1);
    let page = s.measure().list.visible;
    update(&mut s, Action::PageDown);
    assert_eq!(s.selected, page);
    assert!(s.list_offset <= s.selected && s.selected < s.list_offset + page);
    update(&mut s, Action::HalfPageDown);
    assert_eq!(s.selected, page + page / 2);
    update(&mut s, Action::MoveToBottom);
    assert_eq!(s.selected, 199);
    assert_eq!(s.list_offset, 200 - page);
    update(&mut s, Action::PageUp);
    assert_eq!(s.selected, 199 - page);
    assert!(s.list_offset <= s.selected);
}

#[test]
fn help_scrolls_when_longer_than_the_screen_and_reopens_at_the_top() {
    let mut s = state_at(60, 14);
    update(&mut s, Action::ToggleHelp);
    let help = s.measure().help;
    assert!(help.total > help.visible, "{help:?}");
    update(&mut s, Action::MoveToBottom);
    assert_eq!(s.help_scroll, help.max_scroll());
    apply(&mut s, &[Action::Back, Action::ToggleHelp]);
    assert_eq!(s.help_scroll, 0);
}

#[test]
fn background_toggles_scrolls_and_keeps_the_pane() {
    let mut s = state();
    update(&mut s, Action::ToggleBackground);
    assert_eq!(s.mode, Mode::Background(Pane::FocusList));
    update(&mut s, Action::MoveDown);
    let top = crate::app::BlockLine::default();
    assert_eq!(
        (s.background_scroll, s.selected),
        (crate::app::BlockLine { block: 0, line: 1 }, 0),
        "moving scrolls (the first block is the adoption, two lines), selection stays"
    );
    update(&mut s, Action::MoveToBottom);
    let view = s.measure().background;
    let bottom = crate::layout::background::scroll(
        &s.document,
        (view.width, view.height),
        top,
        Step::Bottom,
    );
    assert!(bottom > top);
    assert_eq!(s.background_scroll, bottom);
    update(&mut s, Action::MoveDown);
    assert_eq!(s.background_scroll, bottom, "not past the end");
    update(&mut s, Action::ToggleBackground);
    assert_eq!(s.mode, Mode::Browse(Pane::FocusList));
    update(&mut s, Action::ToggleBackground);
    assert_eq!(s.background_scroll, top, "reopens at the top");
}

#[test]
fn resizing_keeps_the_selection_even_through_a_too_small_terminal() {
    let mut s = synthetic(50, 1);
    update(&mut s, Action::JumpToFocusArea(7));
    apply(&mut s, &[Action::MoveDown; 30]);
    assert_eq!(s.selected, 36);
    update(
        &mut s,
        Action::Resize {
            width: 5,
            height: 3,
        },
    );
    assert!(s.measure().too_small);
    assert_eq!(s.selected, 36);
    update(
        &mut s,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    assert_eq!(s.selected, 36);
    let rows = s.measure().list.visible;
    assert!(s.list_offset <= 36 && 36 < s.list_offset + rows);
}

#[test]
fn growing_the_terminal_pulls_scroll_back_within_the_text() {
    let mut s = synthetic(2, 8);
    apply(&mut s, &[Action::FocusDetail, Action::MoveToBottom]);
    update(
        &mut s,
        Action::Resize {
            width: 200,
            height: 60,
        },
    );
    assert!(s.detail_scroll <= s.measure().detail.max_scroll());
}

#[test]
fn sessions_of_one_document_share_the_goal_panes_layout_in_their_own_words() {
    // Two sessions of one shared document: the same area at the same width
    // is laid out once; another language is laid out in its own words.
    let first = state();
    let mut second = State::new(Arc::clone(&first.document), Theme::default());
    let width = 60;
    assert!(Arc::ptr_eq(&first.detail(width), &second.detail(width)));
    assert_eq!(
        *first.detail(width),
        crate::layout::detail::lay_out(&first.document, 0, &first.strings, width)
    );
    second.selected = 1;
    assert_ne!(first.detail(width), second.detail(width));
    second.selected = 0;
    second.set_language(crate::i18n::Lang::En);
    let english = second.detail(width);
    assert!(!Arc::ptr_eq(&first.detail(width), &english));
    assert_eq!(
        *english,
        crate::layout::detail::lay_out(&second.document, 0, &second.strings, width)
    );
}
