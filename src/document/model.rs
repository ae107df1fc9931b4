//! The document: serde types for one organisation's vision, read from RON.
//!
//! Every struct denies unknown fields, so a misspelt field is an error with a
//! position rather than silently ignored text (ron ignores them by default).
//! The format is described for authors in `docs/document-format.md`; keep the
//! two in step.

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use unicode_width::UnicodeWidthStr;

mod index;

use index::{Index, Lookup, goal_number_width, key};

/// One organisation's strategic vision: statement, background, focus areas and goals.
///
/// Large documents (thousands of areas and goals) answer [`Document::goals_of`],
/// [`Document::focus_area`] and [`Document::longest_focus_area_name`] from an
/// index built on first use, so drawing a frame does not scan every goal. The
/// index follows the `goals` and `focus_areas` vectors: replacing, growing or
/// shrinking either rebuilds it on the next lookup. After editing text *in
/// place* in such a document (an id, a goal's `focus_area`, a name, any text
/// the UI lays out), call [`Document::reindex`]. Documents with fewer than 256
/// goals and 256 areas keep no index and need nothing.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Language of the document's text as a BCP 47 tag, e.g. `"sv"` or `"en-GB"`.
    pub language: String,
    /// Who the vision belongs to, e.g. `"Alingsås kommun"`.
    pub organisation: String,
    /// The document's title, e.g. `"Vision 2040"`.
    pub title: String,
    /// The vision statement itself.
    pub statement: String,
    /// When and by whom the vision was adopted.
    #[serde(default)]
    pub adoption: Option<Adoption>,
    /// When the text was last revised.
    #[serde(default)]
    pub revised: Option<Revision>,
    /// Prose about the vision: how it was made, how it is meant to be used.
    #[serde(default)]
    pub background: Vec<Section>,
    /// Text that introduces the list of focus areas.
    #[serde(default)]
    pub focus_areas_intro: Option<String>,
    /// The focus areas, in the order the document presents them.
    #[serde(default)]
    pub focus_areas: Vec<FocusArea>,
    /// The period the goals apply to, unless a goal names its own.
    #[serde(default)]
    pub plan_period: Option<PlanPeriod>,
    /// Text that introduces the list of goals.
    #[serde(default)]
    pub goals_intro: Option<String>,
    /// The prioritised goals, each tied to one focus area by its id.
    #[serde(default)]
    pub goals: Vec<Goal>,
    /// Pointers to other documents (budgets, plans, web pages).
    #[serde(default)]
    pub references: Vec<Reference>,
    /// Speaker notes about the vision as a whole.
    #[serde(default)]
    pub notes: Option<String>,
    /// Lookups by id for large documents: not part of the format.
    #[serde(skip)]
    index: Index,
}

impl std::fmt::Debug for Document {
    // Written out so that the index, which is not part of the document's value, stays out of it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Document")
            .field("language", &self.language)
            .field("organisation", &self.organisation)
            .field("title", &self.title)
            .field("statement", &self.statement)
            .field("adoption", &self.adoption)
            .field("revised", &self.revised)
            .field("background", &self.background)
            .field("focus_areas_intro", &self.focus_areas_intro)
            .field("focus_areas", &self.focus_areas)
            .field("plan_period", &self.plan_period)
            .field("goals_intro", &self.goals_intro)
            .field("goals", &self.goals)
            .field("references", &self.references)
            .field("notes", &self.notes)
            .finish()
    }
}

/// The decision that adopted the vision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Adoption {
    /// The adoption as the source words it.
    pub text: String,
    /// The body that adopted it, e.g. `"kommunfullmäktige"`.
    #[serde(default)]
    pub by: Option<String>,
    /// The date of the decision, `YYYY-MM-DD`.
    #[serde(default)]
    pub date: Option<String>,
}

/// A revision of the document's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Revision {
    /// The revision note as the source words it.
    pub text: String,
    /// The date of the revision, `YYYY-MM-DD`.
    #[serde(default)]
    pub date: Option<String>,
}

/// A run of background prose, with an optional heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// The section's heading, if the source has one.
    #[serde(default)]
    pub heading: Option<String>,
    /// The paragraphs, in order.
    pub paragraphs: Vec<String>,
}

/// An area the organisation focuses on to reach the vision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FocusArea {
    /// A short stable name that goals use to refer to this area, e.g. `"omstallning"`.
    pub id: String,
    /// The area's name as shown, e.g. `"Omställning"`.
    pub name: String,
    /// What the area means.
    #[serde(default)]
    pub description: Option<String>,
    /// Speaker notes.
    #[serde(default)]
    pub notes: Option<String>,
    /// Further reading.
    #[serde(default)]
    pub links: Vec<Link>,
}

/// A prioritised goal, serving one focus area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    /// The goal's number; unique in the document.
    pub number: u32,
    /// The id of the focus area this goal serves.
    pub focus_area: String,
    /// The goal itself.
    pub text: String,
    /// More about the goal.
    #[serde(default)]
    pub description: Option<String>,
    /// The period this goal applies to, when it differs from the document's.
    #[serde(default)]
    pub plan_period: Option<PlanPeriod>,
    /// Speaker notes.
    #[serde(default)]
    pub notes: Option<String>,
    /// Further reading.
    #[serde(default)]
    pub links: Vec<Link>,
}

/// An inclusive range of years, e.g. 2021–2023.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanPeriod {
    /// First year of the period.
    pub start: u16,
    /// Last year of the period (inclusive).
    pub end: u16,
}

/// A pointer to another document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// The reference as the source words it.
    pub text: String,
    /// The referenced document's title.
    #[serde(default)]
    pub title: Option<String>,
    /// Where to find it.
    #[serde(default)]
    pub url: Option<String>,
}

/// A titled web address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// What the link is.
    pub title: String,
    /// The address.
    pub url: String,
}

impl std::fmt::Display for PlanPeriod {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.start == self.end {
            write!(f, "{}", self.start)
        } else {
            write!(f, "{}–{}", self.start, self.end)
        }
    }
}

impl Document {
    /// The goals that serve the focus area with this id, in document order.
    ///
    /// Takes time in proportion to the area's goals, not the document's (see
    /// the index described at [`Document`]).
    pub fn goals_of<'a>(&'a self, focus_area_id: &'a str) -> impl Iterator<Item = &'a Goal> + 'a {
        let lookup = self.lookup();
        let positions = match &lookup {
            Some(lookup) => lookup.goal_positions(focus_area_id),
            None => 0..self.goals.len(),
        };
        positions
            .filter_map(move |k| {
                let i = lookup.as_ref().map_or(k, |lookup| lookup.goal_order[k]);
                self.goals.get(i)
            })
            .filter(move |goal| goal.focus_area == focus_area_id)
    }

    /// The plan period that applies to a goal: its own, else the document's.
    pub fn plan_period_of(&self, goal: &Goal) -> Option<PlanPeriod> {
        goal.plan_period.or(self.plan_period)
    }

    /// The focus area with this id.
    pub fn focus_area(&self, id: &str) -> Option<&FocusArea> {
        let scan = || self.focus_areas.iter().find(|area| area.id == id);
        let Some(lookup) = self.lookup() else {
            return scan();
        };
        match lookup.area_slots.get(&key(id)) {
            Some(&i) => match self.focus_areas.get(i) {
                Some(area) if area.id == id => Some(area),
                // Two ids with the same hash: rare enough to scan.
                _ => scan(),
            },
            None => None,
        }
    }

    /// The width in columns of the widest focus-area name (0 without areas).
    pub fn longest_focus_area_name(&self) -> usize {
        match self.lookup() {
            Some(lookup) => lookup.longest_name,
            None => self
                .focus_areas
                .iter()
                .map(|area| area.name.width())
                .max()
                .unwrap_or(0),
        }
    }

    /// Digits of the largest goal number (1 without goals), for lining
    /// numbered goals up.
    pub fn goal_number_width(&self) -> usize {
        match self.lookup() {
            Some(lookup) => lookup.goal_number_width,
            None => goal_number_width(&self.goals),
        }
    }

    /// Drops the lookup index, so the next lookup
    /// rebuilds it. Needed only after editing text in place (see [`Document`]).
    pub fn reindex(&mut self) {
        self.index = Index::default();
    }

    /// The index, when the document is large enough to want one.
    fn lookup(&self) -> Option<Arc<Lookup>> {
        self.index.lookup(self)
    }

    /// Applies `clean` to every piece of text in the document, so that loading
    /// can normalise all of it in one place.
    pub fn map_text(&mut self, clean: &mut impl FnMut(&mut String)) {
        let opt = |s: &mut Option<String>, clean: &mut dyn FnMut(&mut String)| {
            if let Some(s) = s {
                clean(s);
            }
        };
        for s in [
            &mut self.language,
            &mut self.organisation,
            &mut self.title,
            &mut self.statement,
        ] {
            clean(s);
        }
        if let Some(adoption) = &mut self.adoption {
            clean(&mut adoption.text);
            opt(&mut adoption.by, clean);
            opt(&mut adoption.date, clean);
        }
        if let Some(revised) = &mut self.revised {
            clean(&mut revised.text);
            opt(&mut revised.date, clean);
        }
        for section in &mut self.background {
            opt(&mut section.heading, clean);
            section.paragraphs.iter_mut().for_each(&mut *clean);
        }
        opt(&mut self.focus_areas_intro, clean);
        opt(&mut self.goals_intro, clean);
        opt(&mut self.notes, clean);
        for area in &mut self.focus_areas {
            clean(&mut area.id);
            clean(&mut area.name);
            opt(&mut area.description, clean);
            opt(&mut area.notes, clean);
            map_links(&mut area.links, clean);
        }
        for goal in &mut self.goals {
            clean(&mut goal.focus_area);
            clean(&mut goal.text);
            opt(&mut goal.description, clean);
            opt(&mut goal.notes, clean);
            map_links(&mut goal.links, clean);
        }
        for reference in &mut self.references {
            clean(&mut reference.text);
            opt(&mut reference.title, clean);
            opt(&mut reference.url, clean);
        }
    }
}

fn map_links(links: &mut [Link], clean: &mut impl FnMut(&mut String)) {
    for link in links {
        clean(&mut link.title);
        clean(&mut link.url);
    }
}
