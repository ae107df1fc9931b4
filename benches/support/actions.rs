//! Every kind of [`Action`], built from a handful of numbers: the one list the
//! property tests (`tests/it/props.rs`, `tests/it/scale.rs`, through the
//! proptest strategy in `tests/it/support.rs`) and the fuzz exercise
//! (`fuzz/common/exercise.rs`) draw their actions from.
//!
//! The list is checked against the enum: an action missing from it, or
//! listed twice, does not compile (see `catalogue!`), so a new action is
//! thrown at `update` by every random test from the day it is added.
#![allow(
    dead_code,
    reason = "included by #[path] into several crates, each using a different part"
)]

use vision_tui::app::Action;
use vision_tui::app::follow::{Attendance, Position};

/// The numbers an action's fields are made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fields {
    /// A terminal size, for `Resize` (a zero is taken as one).
    pub size: (u16, u16),
    /// A cell, for `Click` and `Wheel`.
    pub cell: (u16, u16),
    /// Towards the user, for `Wheel`.
    pub down: bool,
    /// Seconds for `Tick`; reduced to a digit for `TypeDigit` and to
    /// 0–10 for `JumpToFocusArea` (one past the nine keys and the largest
    /// documents' tenth area, to reach past the end).
    pub number: u64,
    /// What `SearchType` types.
    pub letter: char,
}

/// Lists every action kind with how to build it from [`Fields`], and makes
/// the list's length, [`action`], [`NAMES`], and a match that fails to
/// compile unless the list holds every variant of [`Action`] exactly once.
macro_rules! catalogue {
    ($($kind:ident => $build:expr,)*) => {
        /// How many kinds of action there are.
        pub const KINDS: usize = [$(stringify!($kind)),*].len();

        /// Each kind's name, in the order of [`action`]'s numbers.
        pub const NAMES: [&str; KINDS] = [$(stringify!($kind)),*];

        /// Action kind number `kind` (taken modulo [`KINDS`]), its fields from `fields`.
        pub fn action(kind: usize, fields: &Fields) -> Action {
            const BUILD: [fn(&Fields) -> Action; KINDS] = [$($build),*];
            BUILD[kind % KINDS](fields)
        }

        /// Never called. A variant of `Action` the list lacks makes this
        /// match non-exhaustive, and one listed twice an unreachable arm:
        /// either way the build fails (warnings are errors in CI).
        #[deny(unreachable_patterns)]
        fn listed(action: Action) {
            match action {
                $(Action::$kind { .. } => {})*
            }
        }
    };
}

catalogue! {
    MoveDown => |_| Action::MoveDown,
    MoveUp => |_| Action::MoveUp,
    MoveToTop => |_| Action::MoveToTop,
    MoveToBottom => |_| Action::MoveToBottom,
    PageDown => |_| Action::PageDown,
    PageUp => |_| Action::PageUp,
    HalfPageDown => |_| Action::HalfPageDown,
    HalfPageUp => |_| Action::HalfPageUp,
    NextPane => |_| Action::NextPane,
    PreviousPane => |_| Action::PreviousPane,
    FocusList => |_| Action::FocusList,
    FocusDetail => |_| Action::FocusDetail,
    JumpToFocusArea => |f| Action::JumpToFocusArea(small(f.number, 11)),
    ToggleHelp => |_| Action::ToggleHelp,
    ToggleBackground => |_| Action::ToggleBackground,
    Back => |_| Action::Back,
    Resize => |f| Action::Resize {
        width: f.size.0.max(1),
        height: f.size.1.max(1),
    },
    Quit => |_| Action::Quit,
    ForceQuit => |_| Action::ForceQuit,
    Suspend => |_| Action::Suspend,
    Redraw => |_| Action::Redraw,
    ShowLink => |_| Action::ShowLink,
    StartSearch => |_| Action::StartSearch,
    SearchType => |f| Action::SearchType(f.letter),
    SearchBackspace => |_| Action::SearchBackspace,
    SearchConfirm => |_| Action::SearchConfirm,
    NextHit => |_| Action::NextHit,
    PreviousHit => |_| Action::PreviousHit,
    StartPresentation => |_| Action::StartPresentation,
    NextSlide => |_| Action::NextSlide,
    PreviousSlide => |_| Action::PreviousSlide,
    FirstSlide => |_| Action::FirstSlide,
    LastSlide => |_| Action::LastSlide,
    Confirm => |_| Action::Confirm,
    TypeDigit => |f| Action::TypeDigit(small(f.number, 10)),
    ToggleOverview => |_| Action::ToggleOverview,
    ToggleBlank => |_| Action::ToggleBlank,
    ToggleNotes => |_| Action::ToggleNotes,
    ScrollNotesDown => |_| Action::ScrollNotesDown,
    ScrollNotesUp => |_| Action::ScrollNotesUp,
    ToggleTimer => |_| Action::ToggleTimer,
    ClosePresentation => |_| Action::ClosePresentation,
    Click => |f| Action::Click {
        column: f.cell.0,
        row: f.cell.1,
    },
    Wheel => |f| Action::Wheel {
        column: f.cell.0,
        row: f.cell.1,
        down: f.down,
    },
    Tick => |f| Action::Tick { seconds: f.number },
    Follow => |_| Action::Follow,
    PresenterAt => |f| Action::PresenterAt(if f.down {
        Position::Slide {
            topic: usize::from(f.cell.0 % 40),
            blank: f.cell.1 % 5 == 0,
        }
    } else {
        Position::Browsing {
            area: usize::from(f.cell.0 % 12),
        }
    }),
    PresenterLeft => |_| Action::PresenterLeft,
    RoomAttendance => |f| Action::RoomAttendance(Attendance {
        connected: u32::from(f.cell.0),
        following: u32::from(f.cell.1),
    }),
}

/// Every kind of action once, in the order of [`action`]'s numbers, each with `fields`.
pub fn every(fields: Fields) -> impl Iterator<Item = Action> {
    (0..KINDS).map(move |kind| action(kind, &fields))
}

/// `number` reduced below `below` (at most 256).
fn small(number: u64, below: u64) -> u8 {
    u8::try_from(number % below).unwrap_or(u8::MAX)
}
