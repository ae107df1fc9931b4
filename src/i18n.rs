//! The interface's words, from RON files in `assets/i18n/` (English and
//! Swedish, embedded). The interface follows the document's language unless
//! `--lang` or the config says otherwise.
//!
//! Every string is a required field, so a language file that lacks one does
//! not load (and the test suite loads both). Placeholders are `{name}`,
//! filled by [`fill`]. What each key does is told by the action's name
//! (`keys: { "move_down": "…" }`), so a new action needs no new field here; the
//! key map's tests check that both files describe every action.

use std::collections::HashMap;

use serde::Deserialize;

use crate::document::load;

/// The languages the interface speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Lang {
    /// English.
    En,
    /// Swedish.
    Sv,
}

impl Lang {
    /// The interface language for a document language tag: Swedish for
    /// `sv` and `sv-*`, else English.
    pub fn for_document(tag: &str) -> Lang {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if primary == "sv" { Lang::Sv } else { Lang::En }
    }

    fn source(self) -> (&'static str, &'static str) {
        match self {
            Lang::En => ("en.ron", include_str!("../assets/i18n/en.ron")),
            Lang::Sv => ("sv.ron", include_str!("../assets/i18n/sv.ron")),
        }
    }
}

macro_rules! strings {
    ($($(#[doc = $doc:expr])* $name:ident,)*) => {
        /// Every piece of interface text.
        #[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct Strings {
            $($(#[doc = $doc])* pub $name: String,)*
            /// What each key does in the help (and the default config), by
            /// the name of the action.
            pub keys: HashMap<String, String>,
        }

        impl Strings {
            /// Every string with its key (for tests), the key descriptions as `keys.NAME`.
            pub fn entries(&self) -> Vec<(String, &str)> {
                let mut entries = vec![$((stringify!($name).to_string(), self.$name.as_str()),)*];
                let mut keys: Vec<(String, &str)> = self
                    .keys
                    .iter()
                    .map(|(name, text)| (format!("keys.{name}"), text.as_str()))
                    .collect();
                keys.sort();
                entries.extend(keys);
                entries
            }
        }
    };
}

strings! {
    /// The focus-area list's title.
    focus_areas,
    /// The list when the document has none.
    no_focus_areas,
    /// The list when a search finds none.
    no_area_matches,
    /// "of", as in "2 of 5".
    of,
    /// The goal pane's title when there is no area.
    goals,
    /// "Goal", before a goal's number.
    goal,
    /// One goal: "1 goal".
    goal_count_one,
    /// Several goals: "{n} goals".
    goal_count_many,
    /// An area without goals.
    no_goals,
    /// The goal pane of a document without focus areas.
    document_has_no_areas,
    /// Before notes in the goal pane.
    notes_label,
    /// The goal pane when a search finds nothing: "{query}".
    nothing_matches,
    /// The background view's title.
    background,
    /// The background view of a document with nothing to show there.
    no_background,
    /// The help's title: "{key}" closes it.
    help_title,
    /// "{need}" and "{have}" are sizes.
    too_small,
    /// "{key}" quits.
    key_quits,
    /// Before the link in the footer.
    link,
    /// The reload banner: "{error}".
    not_reloaded,
    /// Search: no hit.
    search_no_match,
    /// Search: only the vision statement matches.
    search_in_vision,
    /// Search: one hit.
    search_one,
    /// Search: "{n}" hits.
    search_many,
    /// Search: the step keys.
    search_next,
    /// Search: the clear key.
    search_clear,
    // Footer hints: the word after each key.
    hint_move,
    hint_goals,
    hint_jump,
    hint_background,
    hint_present,
    hint_help,
    hint_quit,
    hint_scroll,
    hint_list,
    hint_close,
    hint_slides,
    hint_overview,
    hint_notes,
    hint_leave,
    hint_keep_filter,
    hint_clear,
    hint_delete,
    // The help's section headings.
    section_move,
    section_view,
    section_search,
    section_slides,
    section_presenter,
    section_general,
    // What the digit patterns do in the help (`{confirm}`, like any action's
    // name in braces in a key's description, is that action's key).
    key_jump_area,
    key_type_digit,
    // Slide labels.
    slide_vision,
    slide_background,
    slide_focus_areas,
    /// One focus area at a glance: "Focus area 25".
    slide_focus_area,
    slide_goals,
    slide_overview,
    // The notes panel: its title, and what it says when a slide has none.
    notes_title,
    no_notes,
    /// The notes panel's border when the notes are longer than the panel:
    /// "{down}"/"{up}" are the keys, "{from}"–"{to}" of "{total}" the lines shown.
    notes_scroll,
    /// The presentation footer: "{n}" typed.
    go_to,
    /// The presentation footer: no slide "{n}"; "{total}" is the last.
    no_such_slide,
    /// The presentation footer's help hint.
    help_word,
    /// A presenter's speaker view on a narrow screen: the notes panel's
    /// title names the next slide's heading, "{title}".
    next_slide,
    /// A presenter's speaker view: the title of the box with the next slide.
    next_box,
    /// A presenter's speaker view: the next slide's box after the last slide.
    end_of_presentation,
    /// A presenter's footer in a workshop: "{connected}" participants,
    /// "{following}" of them following.
    room_attendance,
    /// A participant's status: following the presenter.
    room_following,
    /// A participant's status on their own: "{where}" the presenter is
    /// ("5 / 12", or a focus area's name), "{key}" follows again.
    room_detached,
    /// A participant's status: no presenter yet.
    room_waiting,
    /// A participant's status: the presenter has gone.
    room_left,
    /// A participant's status on their own while the key that follows again
    /// means something else (typing a search): where the presenter is, "{where}".
    room_presenter_at,
    // Exports and the plain text: section headings and labels ("{n}" is a
    // goal's number).
    export_background,
    export_focus_areas,
    export_goals,
    export_goal,
    export_plan_period,
    export_notes,
    export_references,
}

impl Strings {
    /// The strings for `lang`.
    pub fn load(lang: Lang) -> Strings {
        let (name, source) = lang.source();
        load::embedded(name, source)
    }

    /// What the action called `name` does, for the help; empty for a name
    /// the file does not describe (the key map's tests make sure none is left out).
    pub fn key_description(&self, name: &str) -> &str {
        self.keys.get(name).map_or("", String::as_str)
    }

    /// "1 goal" / "{n} goals".
    pub fn goal_count(&self, n: usize) -> String {
        if n == 1 {
            self.goal_count_one.clone()
        } else {
            fill(&self.goal_count_many, &[("n", &n.to_string())])
        }
    }
}

impl Default for Strings {
    fn default() -> Self {
        Strings::load(Lang::En)
    }
}

/// `template` with each `{name}` replaced by its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_load_with_every_string_and_no_empty_one() {
        for lang in [Lang::En, Lang::Sv] {
            let strings = Strings::load(lang);
            for (key, value) in strings.entries() {
                assert!(!value.trim().is_empty(), "{lang:?}: {key} is empty");
            }
        }
    }

    #[test]
    fn both_language_files_pass_the_strict_loader_too() {
        // Start-up parses them with `load::embedded`, without field paths.
        for lang in [Lang::En, Lang::Sv] {
            let (name, source) = lang.source();
            let strict: Strings =
                crate::document::load::parse_ron(name, source.as_bytes()).unwrap();
            assert_eq!(strict, Strings::load(lang), "{name}");
        }
    }

    #[test]
    fn placeholders_are_the_same_in_both_languages() {
        let (en, sv) = (Strings::load(Lang::En), Strings::load(Lang::Sv));
        let holes = |s: &str| {
            let mut v: Vec<String> = s
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|(h, _)| h.to_string()))
                .collect();
            v.sort();
            v
        };
        let (en, sv) = (en.entries(), sv.entries());
        let names = |entries: &[(String, &str)]| -> Vec<String> {
            entries.iter().map(|(key, _)| key.clone()).collect()
        };
        assert_eq!(names(&en), names(&sv));
        for ((key, e), (_, s)) in en.into_iter().zip(sv) {
            assert_eq!(holes(e), holes(s), "{key}");
        }
    }

    #[test]
    fn the_document_language_picks_the_interface() {
        assert_eq!(Lang::for_document("sv"), Lang::Sv);
        assert_eq!(Lang::for_document("sv-FI"), Lang::Sv);
        assert_eq!(Lang::for_document("en-GB"), Lang::En);
        assert_eq!(Lang::for_document("de"), Lang::En);
    }

    #[test]
    fn fills_placeholders() {
        assert_eq!(
            fill("{n} of {total}", &[("n", "2"), ("total", "5")]),
            "2 of 5"
        );
        assert_eq!(Strings::load(Lang::Sv).goal_count(3), "3 mål");
    }
}
