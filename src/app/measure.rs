//! The state as the layout sees it: each region's text and geometry for the
//! state's document, selection, mode and terminal size. `update` clamps with
//! these and `ui` draws what they return, so both always use the same
//! parameters as well as the same layout functions.

use std::sync::Arc;

use ratatui::layout::Rect;

use super::{Mode, State, Underlay};
use crate::layout::detail::{self, Detail};
use crate::layout::help::{self, HelpRow, Overlay};
use crate::layout::screen::{self, pane_inner};
use crate::layout::slides;
use crate::layout::{Measure, Region, TextLine};

impl State {
    /// The whole screen, at the size last reported.
    pub fn screen(&self) -> Rect {
        Rect::new(0, 0, self.size.width, self.size.height)
    }

    /// How many lines each scrollable region can show, and how long its text
    /// is (only the region in view is wrapped).
    pub fn measure(&self) -> Measure {
        let area = self.screen();
        let region = |rect: Rect, total: usize| Region {
            visible: usize::from(rect.height),
            total,
        };
        // The help overlays the browser and the presentation alike, at any size.
        let help = match self.mode {
            Mode::Help(_) if !area.is_empty() => {
                let overlay = self.help_overlay(area);
                region(overlay.inner(), overlay.lines.len())
            }
            _ => Region::default(),
        };
        let Some(areas) = screen::areas(&self.document, area) else {
            return Measure {
                too_small: true,
                help,
                ..Measure::default()
            };
        };
        let list = pane_inner(areas.list);
        let detail = pane_inner(areas.detail);
        Measure {
            too_small: false,
            list: region(list, self.visible_len()),
            detail: region(detail, self.detail(usize::from(detail.width)).lines.len()),
            background: match self.mode {
                Mode::Background(_) | Mode::Help(Underlay::Background(_)) => pane_inner(areas.body),
                _ => Rect::default(),
            },
            help,
        }
    }

    /// The goal pane's text at `width` columns: the selected focus area's.
    /// Laid out once for every session showing the same area at the same
    /// width in the same words (the document remembers it).
    pub fn detail(&self, width: usize) -> Arc<Detail> {
        let key = detail::memo_key(self.selected, &self.strings, width);
        self.document.layouts.get_or_work_out(key, || {
            let detail = detail::lay_out(&self.document, self.selected, &self.strings, width);
            let weight = detail.weight();
            (detail, weight)
        })
    }

    /// The width of the goal pane's text at the state's size (0 when too small).
    pub fn detail_width(&self) -> u16 {
        screen::areas(&self.document, self.screen()).map_or(0, |a| pane_inner(a.detail).width)
    }

    /// The help overlay over a screen of `area`: the key map's bindings for
    /// the current mode, in the interface language.
    pub fn help_overlay(&self, area: Rect) -> Overlay {
        let rows = self.keymap.help_rows(self.mode, &self.strings);
        let rows: Vec<HelpRow<'_>> = rows
            .iter()
            .map(|(section, keys, description)| HelpRow {
                section: section.title(&self.strings),
                keys,
                description,
            })
            .collect();
        help::lay_out(&rows, area)
    }

    /// The speaker notes of the slide on screen, wrapped to `width` columns.
    pub fn notes_lines(&self, width: usize) -> Vec<TextLine> {
        let notes = self.current_slide().map_or(&[][..], |s| &s.notes[..]);
        slides::notes_lines(notes, &self.strings.no_notes, width)
    }

    /// The speaker notes panel, when it is on screen.
    pub fn notes_panel(&self) -> Option<Rect> {
        slides::notes_panel(
            (self.size.width, self.size.height),
            self.presentation.notes,
            self.is_speaker(),
        )
    }

    /// The speaker notes panel as a scrollable region (empty when it is not
    /// on screen).
    pub fn notes_region(&self) -> Region {
        self.notes_panel().map_or_else(Region::default, |panel| {
            let inner = pane_inner(panel);
            Region {
                visible: usize::from(inner.height),
                total: self.notes_lines(usize::from(inner.width)).len(),
            }
        })
    }
}
