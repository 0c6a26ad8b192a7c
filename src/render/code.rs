//! Code blocks as terminal rows, shared by the REPL, `avance show` and the
//! presenter: a label, then the code under a `│` gutter, highlighted when
//! colour is on. A line wider than the terminal goes on in the next row
//! under a `↪` gutter (soft-wrapped, never cut); a long block may be folded
//! to its first lines and a row naming the command that shows it whole; two
//! columns of blocks stand side by side on a wide terminal.

use colored::Colorize;

use super::fit::{fit, pad};
use super::{color_on, highlight, label_style};

/// From this width on, the course's Python stands beside its Rust: each
/// column then has 58 columns, room for most lines of the course.
pub const SIDE_BY_SIDE: usize = 120;
/// A folded block keeps at least this many lines...
pub const MIN_FOLDED: usize = 4;
/// ...and hides at least this many: a fold row must be worth its row.
pub const MIN_HIDDEN: usize = 3;

/// How much of a long code block is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fold {
    /// Every line (the presenter scrolls; `:more` shows a slide whole).
    Whole,
    /// The slide's longest blocks are cut to their first lines, as many as
    /// let the slide fit the terminal (at least [`MIN_FOLDED`]), each then
    /// a row naming `more`, the command that shows every line: a long
    /// excerpt must not push the slide's title and prose away.
    Fit { more: &'static str },
}

/// Where a folded view cuts its blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cut {
    /// The lines a cut block keeps.
    pub lines: usize,
    /// Only blocks of at least this many lines are cut.
    pub from: usize,
    /// The command that shows every line.
    pub more: &'static str,
}

/// A labelled block: its label's rows, then its code's.
pub fn block(label: &str, lang: &str, code: &str, width: usize, cut: Option<Cut>) -> Vec<String> {
    let mut rows = fit(&label_style(label), width);
    rows.extend(body(code, lang, width, cut));
    rows
}

/// The code's rows under its gutter, no row wider than `width`; a block
/// longer than `cut` allows keeps its first lines and a row saying how
/// many it hides.
pub fn body(code: &str, lang: &str, width: usize, cut: Option<Cut>) -> Vec<String> {
    let code = code.replace('\t', "    ");
    let mut lines = if color_on() {
        highlighted(&code, lang)
    } else {
        code.lines().map(str::to_string).collect()
    };
    let total = lines.len();
    let cut = cut.filter(|cut| total >= cut.from.max(cut.lines + MIN_HIDDEN));
    if let Some(cut) = cut {
        lines.truncate(cut.lines);
    }
    let mut rows: Vec<String> = lines
        .iter()
        .flat_map(|line| soft_wrap(line, width))
        .collect();
    if let Some(Cut {
        lines: kept, more, ..
    }) = cut
    {
        let said = format!("… {} more lines: {more} shows all {total}", total - kept);
        rows.extend(fit(&format!("{} {}", "│".dimmed(), said.yellow()), width));
    }
    rows
}

/// The code's lines highlighted, remembered: folding draws a slide several
/// times, and syntect is what costs (a tenth of a second a slide, unoptimised).
/// The memory is emptied when it holds more blocks than a few lessons have.
fn highlighted(code: &str, lang: &str) -> Vec<String> {
    use std::cell::RefCell;
    use std::collections::HashMap;
    thread_local! {
        static SEEN: RefCell<HashMap<(String, String), Vec<String>>> = RefCell::default();
    }
    SEEN.with_borrow_mut(|seen| {
        if seen.len() > 200 {
            seen.clear();
        }
        let key = (code.to_string(), lang.to_string());
        seen.entry(key)
            .or_insert_with(|| highlight::highlight(code, lang))
            .clone()
    })
}

/// One line of code as rows of `width` columns: the first under `│`, the
/// rest of a line too wide under `↪`, so a reader sees where it goes on.
fn soft_wrap(line: &str, width: usize) -> Vec<String> {
    fit(line, width.saturating_sub(2).max(1))
        .into_iter()
        .enumerate()
        .map(|(k, piece)| {
            let gutter = if k == 0 { "│" } else { "↪" };
            format!("{} {piece}", gutter.dimmed())
        })
        .collect()
}

/// The width of each column when two stand side by side in `width`.
pub fn column_width(width: usize) -> usize {
    width.saturating_sub(3) / 2
}

/// Two columns of rows side by side in `width` columns, a `┃` between.
pub fn beside(left: &[String], right: &[String], width: usize) -> Vec<String> {
    let column = column_width(width);
    (0..left.len().max(right.len()))
        .map(|row| {
            let l = left.get(row).map_or("", String::as_str);
            let r = right.get(row).map_or("", String::as_str);
            format!("{} {} {r}", pad(l, column), "┃".dimmed())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::strip_styles;

    fn plain(rows: &[String]) -> Vec<String> {
        rows.iter().map(|row| strip_styles(row)).collect()
    }

    fn numbered(lines: usize) -> String {
        (1..=lines).map(|n| format!("line {n}\n")).collect()
    }

    #[test]
    fn a_long_block_folds_to_its_first_lines_and_says_how_to_see_all() {
        let cut = Some(Cut {
            lines: 12,
            from: 20,
            more: ":more",
        });
        let folded = plain(&body(&numbered(48), "text", 100, cut));
        assert_eq!(folded.len(), 13, "{folded:#?}");
        assert_eq!(folded[0], "│ line 1");
        assert_eq!(folded[11], "│ line 12");
        assert_eq!(folded[12], "│ … 36 more lines: :more shows all 48");
        let whole = plain(&body(&numbered(48), "text", 100, None));
        assert_eq!(whole.len(), 48);
        let short = plain(&body(&numbered(19), "text", 100, cut));
        assert_eq!(short.len(), 19, "shorter than `from`: whole");
        let all = cut.map(|cut| Cut { from: 0, ..cut });
        let short = plain(&body(&numbered(14), "text", 100, all));
        assert_eq!(short.len(), 14, "no fold row for two hidden lines");
    }

    #[test]
    fn a_wide_line_wraps_under_a_continuation_mark_and_nothing_is_cut() {
        let line: String = (0..30).map(|n| format!("{n:02},")).collect();
        for width in [60, 80] {
            let rows = plain(&body(&format!("{line}\nshort"), "text", width, None));
            assert!(rows.iter().all(|row| row.chars().count() <= width));
            assert!(rows[0].starts_with("│ ") && rows[1].starts_with("↪ "));
            let joined: String = rows
                .iter()
                .take_while(|row| !row.ends_with("short"))
                .map(|row| &row[row.char_indices().nth(2).unwrap().0..])
                .collect();
            assert_eq!(joined, line, "every character, in order, at {width}");
            assert_eq!(rows.last().unwrap(), "│ short");
        }
    }

    #[test]
    fn columns_stand_side_by_side_padded() {
        let rows = plain(&beside(
            &["ab".to_string(), "c".to_string()],
            &["x".to_string()],
            23,
        ));
        assert_eq!(rows, ["ab         ┃ x", "c          ┃ "]);
    }
}
