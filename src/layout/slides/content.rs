//! What the slides of a focus area and of the goals at a glance hold, as
//! blocks of lines kept together on a slide.

use unicode_width::UnicodeWidthStr;

use super::{Block, Role, SlideLine};
use crate::document::model::Document;
use crate::i18n::Strings;
use crate::layout::text::wrap_indented;

/// A focus area's description and goals as blocks, and its notes followed
/// by those of its goals.
pub(super) fn focus_area_blocks(
    doc: &Document,
    strings: &Strings,
    area: &crate::document::model::FocusArea,
    lines: &dyn Fn(&str, Role) -> Block,
) -> (Vec<Block>, Vec<String>) {
    let mut blocks = Vec::new();
    let mut notes: Vec<String> = area.notes.iter().cloned().collect();
    if let Some(description) = &area.description {
        blocks.push(lines(description, Role::Text));
    }
    let mut any = false;
    for goal in doc.goals_of(&area.id) {
        any = true;
        let mut label = format!("{} {}", strings.goal, goal.number);
        if let Some(period) = doc.plan_period_of(goal) {
            label.push_str(&format!(" · {period}"));
        }
        let mut block = lines(&label, Role::Muted);
        block.extend(lines(&goal.text, Role::Strong));
        if let Some(description) = &goal.description {
            block.extend(lines(description, Role::Text));
        }
        blocks.push(block);
        if let Some(goal_notes) = &goal.notes {
            notes.push(format!("{} {}: {goal_notes}", strings.goal, goal.number));
        }
    }
    if !any {
        blocks.push(lines(&strings.no_goals, Role::Muted));
    }
    (blocks, notes)
}

/// The goals of one glance, each numbered, with its focus area under it.
pub(super) fn goals_at_a_glance(
    doc: &Document,
    goals: &[crate::document::model::Goal],
    w: usize,
) -> Vec<Block> {
    let number_width = goals
        .iter()
        .map(|g| g.number.to_string().len())
        .max()
        .unwrap_or(1);
    let line = |role| move |text| SlideLine { text, role };
    goals
        .iter()
        .map(|goal| {
            let first = format!("{:>number_width$}. ", goal.number);
            let rest = " ".repeat(first.width());
            let area = doc
                .focus_area(&goal.focus_area)
                .map_or(goal.focus_area.as_str(), |a| a.name.as_str());
            wrap_indented(&goal.text, w, &first, &rest)
                .into_iter()
                .map(line(Role::Text))
                .chain(
                    wrap_indented(area, w, &rest, &rest)
                        .into_iter()
                        .map(line(Role::Muted)),
                )
                .collect()
        })
        .collect()
}
