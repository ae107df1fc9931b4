//! Checks that serde cannot express: references between parts of the document,
//! uniqueness, and values with a shape (dates, ids, year ranges).
//!
//! Every problem is collected, not just the first, so an author fixes them all
//! in one pass.

use std::collections::HashMap;

use super::locate::Segment;
use super::printable::shorten;
use crate::document::model::{Document, PlanPeriod};

/// A problem with a parsed document, located by its field path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where: the field the problem is in.
    pub path: Vec<Segment>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

/// A value from the document as a message quotes it: at most a line's worth.
fn quoted(value: &str) -> String {
    format!("`{}`", shorten(value, 60))
}

fn field(name: &str) -> Segment {
    Segment::Field(name.to_string())
}

fn at(parts: &[Segment]) -> Vec<Segment> {
    parts.to_vec()
}

/// All semantic problems in `doc`, in document order. `line_of` says which
/// line a value is on, for messages that point to a second place ("also
/// used by the 1st goal, on line 13"); it is only asked when there is one.
pub fn validate(
    doc: &Document,
    line_of: &mut dyn FnMut(&[Segment]) -> Option<usize>,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let push = |problems: &mut Vec<Problem>, path: Vec<Segment>, message: String, hint: &str| {
        problems.push(Problem {
            path,
            message,
            hint: hint.to_string(),
        });
    };
    // "the 1st goal, on line 13": human numbering and where it is.
    let mut other = |list: &str, i: usize, noun: &str| {
        let ordinal = super::explain::ordinal(i + 1);
        match line_of(&[field(list), Segment::Index(i)]) {
            Some(line) => format!("the {ordinal} {noun}, on line {line}"),
            None => format!("the {ordinal} {noun}"),
        }
    };

    for (name, value) in [
        ("language", &doc.language),
        ("organisation", &doc.organisation),
        ("title", &doc.title),
        ("statement", &doc.statement),
    ] {
        if value.is_empty() {
            push(
                &mut problems,
                at(&[field(name)]),
                format!("`{name}` is empty"),
                "write the text between the quotes",
            );
        }
    }
    if let Some(date) = doc.adoption.as_ref().and_then(|a| a.date.as_deref()) {
        check_date(date, at(&[field("adoption"), field("date")]), &mut problems);
    }
    if let Some(date) = doc.revised.as_ref().and_then(|r| r.date.as_deref()) {
        check_date(date, at(&[field("revised"), field("date")]), &mut problems);
    }
    if let Some(period) = doc.plan_period {
        check_period(period, at(&[field("plan_period")]), &mut problems);
    }

    let mut first_seen: HashMap<&str, usize> = HashMap::new();
    // (index of the problem, index of the area) of each duplicate id.
    let mut duplicates = Vec::new();
    for (i, area) in doc.focus_areas.iter().enumerate() {
        let path = |name: &str| vec![field("focus_areas"), Segment::Index(i), field(name)];
        if let Some(problem) = id_problem(&area.id) {
            push(
                &mut problems,
                path("id"),
                problem,
                "use letters, digits, `-` and `_`, e.g. \"vackra-miljoer\"",
            );
        } else if let Some(&first) = first_seen.get(area.id.as_str()) {
            duplicates.push((problems.len(), i));
            push(
                &mut problems,
                path("id"),
                format!(
                    "duplicate focus-area id {} (also used by {})",
                    quoted(&area.id),
                    other("focus_areas", first, "focus area")
                ),
                "give every focus area its own id",
            );
        } else {
            first_seen.insert(&area.id, i);
        }
        if area.name.is_empty() {
            push(
                &mut problems,
                path("name"),
                "focus-area `name` is empty".into(),
                "write the area's name between the quotes",
            );
        }
    }

    // A duplicate id is reported once, above, not listed twice; a long list is cut.
    let mut listed = std::collections::HashSet::new();
    let ids: Vec<&str> = doc
        .focus_areas
        .iter()
        .map(|area| area.id.as_str())
        .filter(|id| listed.insert(*id))
        .collect();
    const MAX_LISTED: usize = 20;
    let mut valid_ids = ids
        .iter()
        .take(MAX_LISTED)
        .map(|id| shorten(id, 60))
        .collect::<Vec<_>>()
        .join(", ");
    if ids.len() > MAX_LISTED {
        valid_ids.push_str(&format!(" (and {} more)", ids.len() - MAX_LISTED));
    }
    let mut numbers: HashMap<u32, usize> = HashMap::new();
    // Goals naming an id no area has: (index of the problem, id, goal number).
    let mut unknown = Vec::new();
    for (i, goal) in doc.goals.iter().enumerate() {
        let path = |name: &str| vec![field("goals"), Segment::Index(i), field(name)];
        if goal.number == 0 {
            push(
                &mut problems,
                path("number"),
                "goal number 0: numbers start at 1".into(),
                "number the goals 1, 2, 3, ...",
            );
        } else if let Some(&first) = numbers.get(&goal.number) {
            push(
                &mut problems,
                path("number"),
                format!(
                    "duplicate goal number {} (also used by {})",
                    goal.number,
                    other("goals", first, "goal")
                ),
                "give every goal its own number",
            );
        } else {
            numbers.insert(goal.number, i);
        }
        // A set, not `doc.focus_area()`: documents may have thousands of areas and goals.
        // `listed` holds every id, even one already reported as malformed.
        if !listed.contains(goal.focus_area.as_str()) {
            let hint = if valid_ids.is_empty() {
                "the document has no focus areas: add one under `focus_areas`".to_string()
            } else {
                format!("valid ids are: {valid_ids}")
            };
            unknown.push((problems.len(), goal.focus_area.as_str(), goal.number));
            push(
                &mut problems,
                path("focus_area"),
                format!(
                    "goal {} names focus area {}, which does not exist",
                    goal.number,
                    quoted(&goal.focus_area)
                ),
                &hint,
            );
        }
        if goal.text.is_empty() {
            push(
                &mut problems,
                path("text"),
                format!("goal {} has no text", goal.number),
                "write the goal between the quotes",
            );
        }
        if let Some(period) = goal.plan_period {
            check_period(period, path("plan_period"), &mut problems);
        }
    }
    explain_by_duplicates(doc, &mut problems, &duplicates, &unknown);
    problems
}

/// A focus area given another area's id (copied and not renamed) leaves the
/// goals meant for it naming an id no area has. Those goals are the
/// duplicate's consequence, not problems of their own: they are said in the
/// duplicate's hint, each missing id at the duplicate whose name is most
/// like it. When more ids are missing than there are duplicates, some are
/// not explained by them, and every goal is reported on its own.
fn explain_by_duplicates(
    doc: &Document,
    problems: &mut Vec<Problem>,
    duplicates: &[(usize, usize)],
    unknown: &[(usize, &str, u32)],
) {
    let mut missing: Vec<&str> = Vec::new();
    for &(_, id, _) in unknown {
        if !missing.contains(&id) {
            missing.push(id);
        }
    }
    if duplicates.is_empty() || missing.is_empty() || missing.len() > duplicates.len() {
        return;
    }
    let mut free: Vec<(usize, usize)> = duplicates.to_vec();
    for id in missing {
        let likeness = |&(_, area): &(usize, usize)| {
            let name = doc.focus_areas[area].name.to_lowercase();
            strsim::normalized_levenshtein(&name, &id.to_lowercase())
        };
        let Some(best) =
            (0..free.len()).max_by(|&a, &b| likeness(&free[a]).total_cmp(&likeness(&free[b])))
        else {
            return;
        };
        let (problem, _) = free.swap_remove(best);
        let goals: Vec<String> = unknown
            .iter()
            .filter(|&&(_, other, _)| other == id)
            .map(|&(_, _, number)| number.to_string())
            .collect();
        let named = match goals.as_slice() {
            [one] => format!("goal {one} names"),
            [init @ .., last] => format!("goals {} and {last} name", init.join(", ")),
            [] => continue,
        };
        problems[problem].hint = format!(
            "give every focus area its own id; {named} {}, which no focus area has: was this one meant to be {}?",
            quoted(id),
            quoted(id)
        );
    }
    let explained: std::collections::HashSet<usize> =
        unknown.iter().map(|&(problem, _, _)| problem).collect();
    let mut index = 0;
    problems.retain(|_| {
        index += 1;
        !explained.contains(&(index - 1))
    });
}

fn id_problem(id: &str) -> Option<String> {
    if id.is_empty() {
        return Some("focus-area `id` is empty".into());
    }
    id.chars()
        .find(|c| !(c.is_alphanumeric() || *c == '-' || *c == '_'))
        .map(|c| {
            format!(
                "focus-area id {} contains {c:?}, which ids may not",
                quoted(id)
            )
        })
}

fn check_period(period: PlanPeriod, path: Vec<Segment>, problems: &mut Vec<Problem>) {
    if period.start > period.end {
        problems.push(Problem {
            path,
            message: format!(
                "plan period ends ({}) before it starts ({})",
                period.end, period.start
            ),
            hint: "write it as (start: FIRST_YEAR, end: LAST_YEAR)".into(),
        });
    }
}

fn check_date(date: &str, path: Vec<Segment>, problems: &mut Vec<Problem>) {
    if !is_iso_date(date) {
        problems.push(Problem {
            path,
            message: format!("{} is not a date", quoted(date)),
            hint: "write dates as YYYY-MM-DD, e.g. \"2018-03-28\"".into(),
        });
    }
}

/// True for a real calendar date written `YYYY-MM-DD`.
pub fn is_iso_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return false;
    }
    let (Ok(year), Ok(month), Ok(day)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>())
    else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::is_iso_date;

    #[test]
    fn dates() {
        assert!(is_iso_date("2018-03-28"));
        assert!(is_iso_date("2024-02-29"));
        assert!(!is_iso_date("2023-02-29"));
        assert!(!is_iso_date("2018-3-28"));
        assert!(!is_iso_date("28 mars 2018"));
        assert!(!is_iso_date("2018-13-01"));
    }
}
