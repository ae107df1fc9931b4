//! What the help overlay and the footer make of the key table: the help's
//! rows, and the footer's few hints per screen. Every key shown is looked up
//! in the key map, so a rebinding shows everywhere.

use super::{Binding, Context, Keymap, Section};
use crate::app::{Action, Mode, Pane, Underlay};
use crate::i18n::{Strings, fill};

/// A hint in the footer: the first key of each action, then a word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    /// The key labels, e.g. `j/k`.
    pub keys: String,
    /// What they do, in a word or two.
    pub text: String,
    /// Kept when the footer is too narrow for every hint (help and quit).
    pub essential: bool,
}

impl Keymap {
    /// Help rows for `mode`: (section, keys label, description), in the
    /// order the help shows them: the mode's own sections, General last.
    pub fn help_rows(&self, mode: Mode, strings: &Strings) -> Vec<(Section, String, String)> {
        let context = Context::of(mode);
        let shown = |general: bool| {
            self.bindings.iter().filter(move |b| {
                (b.context == context || b.context == Context::Everywhere)
                    && (b.section == Section::General) == general
            })
        };
        shown(false)
            .chain(shown(true))
            .map(|b| (b.section, b.label(), self.describe(b, strings)))
            .collect()
    }

    /// A binding's description with each `{name}` of an action replaced by
    /// that action's key where the binding works: "then {confirm} to go
    /// there" says `Enter`, or the key the config gave `confirm`, or with no
    /// key left `confirm`.
    pub fn describe(&self, binding: &Binding, strings: &Strings) -> String {
        let text = binding.description(strings);
        if !text.contains('{') {
            return text.to_string();
        }
        let context = match binding.context {
            Context::Everywhere => Context::Browse,
            context => context,
        };
        let keys: Vec<(&str, String)> = text
            .split('{')
            .skip(1)
            .filter_map(|part| {
                let (name, _) = part.split_once('}')?;
                let action = Action::from_name(name)?;
                // An action left without keys is named instead.
                let key = self
                    .binding_in(context, action)
                    .and_then(Binding::short_label);
                Some((name, key.unwrap_or_else(|| name.to_string())))
            })
            .collect();
        let keys: Vec<(&str, &str)> = keys.iter().map(|(n, k)| (*n, k.as_str())).collect();
        fill(text, &keys)
    }

    /// The keys of two actions as one hint, `j/k`: both when both have
    /// keys, else whichever has.
    pub fn pair(&self, mode: Mode, a: Action, b: Action) -> Option<String> {
        match (self.key_for(mode, a), self.key_for(mode, b)) {
            (Some(a), Some(b)) => Some(format!("{a}/{b}")),
            (a, b) => a.or(b),
        }
    }

    /// The footer's hints for a mode, most useful first. A hint whose
    /// action has no key left (the config took them all) is left out.
    pub fn hints(&self, mode: Mode, strings: &Strings) -> Vec<Hint> {
        use Action::*;
        let pair = |a, b| self.pair(mode, a, b);
        let one = |a| self.key_for(mode, a);
        let quit = self.quit_key(mode);
        let essential = [&strings.hint_help, &strings.hint_quit, &strings.hint_leave];
        let mut hints = Vec::with_capacity(7);
        let mut hint = |keys: Option<String>, text: &String| {
            if let Some(keys) = keys {
                hints.push(Hint {
                    keys,
                    text: text.clone(),
                    essential: essential.contains(&text),
                });
            }
        };
        match mode {
            Mode::Browse(Pane::FocusList) => {
                hint(pair(MoveDown, MoveUp), &strings.hint_move);
                hint(pair(FocusDetail, NextPane), &strings.hint_goals);
                hint(one(JumpToFocusArea(1)), &strings.hint_jump);
                hint(one(ToggleBackground), &strings.hint_background);
                hint(one(StartPresentation), &strings.hint_present);
                hint(one(ToggleHelp), &strings.hint_help);
                hint(quit, &strings.hint_quit);
            }
            Mode::Browse(Pane::GoalDetail) => {
                hint(pair(MoveDown, MoveUp), &strings.hint_scroll);
                hint(pair(FocusList, NextPane), &strings.hint_list);
                hint(one(ToggleBackground), &strings.hint_background);
                hint(one(StartPresentation), &strings.hint_present);
                hint(one(ToggleHelp), &strings.hint_help);
                hint(quit, &strings.hint_quit);
            }
            Mode::Search(_) => {
                hint(Keymap::search_key(SearchConfirm), &strings.hint_keep_filter);
                hint(Keymap::search_key(Back), &strings.hint_clear);
                hint(Keymap::search_key(SearchBackspace), &strings.hint_delete);
            }
            Mode::Background(_) => {
                hint(pair(MoveDown, MoveUp), &strings.hint_scroll);
                hint(one(Back), &strings.hint_close);
                hint(one(ToggleHelp), &strings.hint_help);
                hint(quit, &strings.hint_quit);
            }
            Mode::Present(_) => {
                hint(pair(PreviousSlide, NextSlide), &strings.hint_slides);
                hint(one(ToggleOverview), &strings.hint_overview);
                hint(one(ToggleNotes), &strings.hint_notes);
                hint(one(ToggleHelp), &strings.hint_help);
                hint(one(ClosePresentation), &strings.hint_leave);
            }
            Mode::Help(Underlay::Present(_)) => {
                hint(pair(NextSlide, PreviousSlide), &strings.hint_scroll);
                hint(one(Back), &strings.hint_close);
                hint(one(ClosePresentation), &strings.hint_leave);
            }
            Mode::Help(_) => {
                hint(pair(MoveDown, MoveUp), &strings.hint_scroll);
                hint(one(Back), &strings.hint_close);
                hint(quit, &strings.hint_quit);
            }
        }
        hints
    }
}
