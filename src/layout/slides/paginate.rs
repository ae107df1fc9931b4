//! Packing a topic's blocks of lines into slides: as few as keeping blocks
//! whole allows, filled evenly.

use super::{Role, SlideLine};

/// A run of lines that goes on one page: a whole block, or a part of a
/// block too long for any page.
struct PageRun {
    lines: Vec<SlideLine>,
    /// A later part of a split block: it starts a page, with no gap before.
    continued: bool,
}

/// Packs blocks of lines into pages of at most `rows` lines, a blank line
/// between blocks, as evenly as the blocks allow: as few pages as keeping
/// blocks whole permits, and of those the packing whose fullest page is
/// least full, so a topic does not leave one block alone on its last page.
/// A block longer than a page is split into near-equal parts, so no part is
/// a lone line.
pub(super) fn paginate(blocks: Vec<Vec<SlideLine>>, rows: usize) -> Vec<Vec<SlideLine>> {
    let rows = rows.max(1);
    let mut runs: Vec<PageRun> = Vec::new();
    for block in blocks.into_iter().filter(|b| !b.is_empty()) {
        let parts = block.len().div_ceil(rows);
        let (small, larger) = (block.len() / parts, block.len() % parts);
        let mut lines = block.into_iter();
        for part in 0..parts {
            let take = small + usize::from(part < larger);
            runs.push(PageRun {
                lines: lines.by_ref().take(take).collect(),
                continued: part > 0,
            });
        }
    }
    let fewest = pack(&runs, rows).len();
    let longest_run = runs.iter().map(|r| r.lines.len()).max().unwrap_or(0);
    let capacity = (longest_run.max(1)..rows)
        .find(|&capacity| pack(&runs, capacity).len() <= fewest)
        .unwrap_or(rows);
    let sizes = pack(&runs, capacity);
    let mut runs = runs.into_iter();
    let mut pages: Vec<Vec<SlideLine>> = sizes
        .into_iter()
        .map(|count| {
            let mut page: Vec<SlideLine> = Vec::new();
            for run in runs.by_ref().take(count) {
                if !page.is_empty() {
                    page.push(SlideLine {
                        text: String::new(),
                        role: Role::Text,
                    });
                }
                page.extend(run.lines);
            }
            page
        })
        .collect();
    if pages.is_empty() {
        pages.push(Vec::new());
    }
    pages
}

/// How many runs go on each page when pages hold `capacity` lines: each
/// page takes runs while they fit (a blank line before each but the first),
/// and a continued run starts a new page.
fn pack(runs: &[PageRun], capacity: usize) -> Vec<usize> {
    let mut pages = Vec::new();
    let (mut count, mut used) = (0, 0);
    for run in runs {
        let needed = run.lines.len() + usize::from(count > 0);
        if count > 0 && (run.continued || used + needed > capacity) {
            pages.push(count);
            (count, used) = (0, 0);
        }
        used += run.lines.len() + usize::from(count > 0);
        count += 1;
    }
    if count > 0 {
        pages.push(count);
    }
    pages
}
