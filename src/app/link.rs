//! Deep links: `--open ID` starts at a focus area (`omstallning`) or a goal
//! (`goal:3`), and the browser shows the link for what is selected.

use super::{Mode, Pane, State};
use crate::document::model::Document;

/// What a link points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A focus area, by index.
    FocusArea(usize),
    /// A goal, by number, in the focus area at this index.
    Goal {
        /// The goal's number.
        number: u32,
        /// Index of its focus area.
        area: usize,
    },
}

/// Resolves a link. The error says what is wrong and lists the valid links.
pub fn resolve(doc: &Document, link: &str) -> Result<Target, String> {
    if let Some(number) = link.strip_prefix("goal:") {
        let goal = number
            .trim()
            .parse::<u32>()
            .ok()
            .and_then(|n| doc.goals.iter().find(|g| g.number == n));
        return match goal.and_then(|g| {
            Some((
                g.number,
                doc.focus_areas.iter().position(|a| a.id == g.focus_area)?,
            ))
        }) {
            Some((number, area)) => Ok(Target::Goal { number, area }),
            None => {
                let numbers: Vec<String> = doc
                    .goals
                    .iter()
                    .map(|g| format!("goal:{}", g.number))
                    .collect();
                Err(format!(
                    "there is no goal `{number}`; valid goals are: {}",
                    if numbers.is_empty() {
                        "(none)".to_string()
                    } else {
                        numbers.join(", ")
                    }
                ))
            }
        };
    }
    match doc.focus_areas.iter().position(|a| a.id == link) {
        Some(i) => Ok(Target::FocusArea(i)),
        None => {
            let ids: Vec<&str> = doc.focus_areas.iter().map(|a| a.id.as_str()).collect();
            Err(format!(
                "there is no focus area `{link}`; valid ids are: {}{}",
                if ids.is_empty() {
                    "(none)".to_string()
                } else {
                    ids.join(", ")
                },
                if doc.goals.is_empty() {
                    ""
                } else {
                    " (or goal:N for a goal)"
                }
            ))
        }
    }
}

/// Selects `target`: a focus area in the list, or a goal at the top of the
/// goal pane (kept there across resizes until the user moves).
pub fn open(state: &mut State, target: Target) {
    match target {
        Target::FocusArea(i) => {
            state.selected = i;
            state.anchor_goal = None;
        }
        Target::Goal { number, area } => {
            state.selected = area;
            state.anchor_goal = Some(number);
            if let Mode::Browse(_) = state.mode {
                state.mode = Mode::Browse(Pane::GoalDetail);
            }
        }
    }
    if state.is_presenting() {
        let kind = crate::layout::slides::SlideKind::FocusArea(state.selected);
        if let Some(topic) = crate::layout::slides::index_of(&state.document, kind) {
            state.presentation.topic = topic;
            state.presentation.part = 0;
            super::present::lay_out(state);
        }
    }
}

/// The link for what is selected: the goal at the top of the goal pane when
/// that pane has the keyboard, else the selected focus area.
pub fn link_for(state: &State) -> Option<String> {
    let area = state.document.focus_areas.get(state.selected)?;
    let target = if state.mode == Mode::Browse(Pane::GoalDetail) {
        let width = usize::from(state.detail_width());
        let detail = state.detail(width);
        let offsets = &detail.goals;
        offsets
            .iter()
            .rev()
            .find(|(_, line)| *line <= state.detail_scroll)
            .or(offsets.first())
            .map_or_else(|| area.id.clone(), |(number, _)| format!("goal:{number}"))
    } else {
        area.id.clone()
    };
    let path = state
        .source
        .as_ref()
        .map(|p| format!(" {}", quote(&p.display().to_string())))
        .unwrap_or_default();
    Some(format!("vision-tui{path} --open {target}"))
}

/// Quotes a path for a POSIX shell when it needs it.
fn quote(path: &str) -> String {
    if path
        .chars()
        .all(|c| c.is_alphanumeric() || "/._-+,:@".contains(c))
    {
        path.to_string()
    } else {
        format!("'{}'", path.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::state;
    use crate::app::{Action, update};

    #[test]
    fn resolves_ids_and_goals() {
        let doc = crate::document::load::builtin();
        assert_eq!(resolve(&doc, "omstallning"), Ok(Target::FocusArea(3)));
        assert_eq!(
            resolve(&doc, "goal:1"),
            Ok(Target::Goal { number: 1, area: 2 })
        );
        let err = resolve(&doc, "omställning").unwrap_err();
        assert!(
            err.contains("`omställning`") && err.contains("vackra-miljoer, livskvalitet"),
            "{err}"
        );
        let err = resolve(&doc, "goal:9").unwrap_err();
        assert!(
            err.contains("goal:1, goal:2, goal:3, goal:4, goal:5"),
            "{err}"
        );
        assert!(resolve(&doc, "goal:x").is_err());
    }

    #[test]
    fn opening_a_goal_selects_its_area_and_focuses_the_goal_pane() {
        let mut state = state();
        open(&mut state, Target::Goal { number: 1, area: 2 });
        assert_eq!(
            (state.selected, state.mode),
            (2, Mode::Browse(Pane::GoalDetail))
        );
        assert_eq!(
            link_for(&state).as_deref(),
            Some("vision-tui --open goal:1")
        );
        update(&mut state, Action::FocusList);
        assert_eq!(
            link_for(&state).as_deref(),
            Some("vision-tui --open experimentlust")
        );
        state.source = Some("my vision.ron".into());
        assert_eq!(
            link_for(&state).as_deref(),
            Some("vision-tui 'my vision.ron' --open experimentlust")
        );
    }
}

#[cfg(test)]
mod show_link_tests {
    use crate::app::testing::state;
    use crate::app::{Action, update};

    #[test]
    fn s_shows_the_link_in_the_footer_until_the_next_key() {
        let mut state = state();
        super::open(&mut state, super::Target::Goal { number: 3, area: 4 });
        update(&mut state, Action::ShowLink);
        assert_eq!(state.message.as_deref(), Some("vision-tui --open goal:3"));
        update(&mut state, Action::Tick { seconds: 1 });
        assert!(state.message.is_some(), "the clock does not clear it");
        update(&mut state, Action::MoveDown);
        assert_eq!(state.message, None);
    }
}
