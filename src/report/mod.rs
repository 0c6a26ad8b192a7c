//! Reports as a person would rather look at them: the timings, benchmark
//! tables and parallelism runs of the library, drawn as an HTML table and
//! an SVG bar chart in Jupyter, and as their usual text in a terminal.
//!
//! evcxr (the Rust kernel of Jupyter, and its REPL) calls an inherent
//! method `evcxr_display(&self)` on a cell's final value when the type has
//! one; the method prints each representation between
//! `EVCXR_BEGIN_CONTENT mime/type` and `EVCXR_END_CONTENT` lines. Each
//! report type here has `to_html` (the markup, testable) and
//! `evcxr_display` (both representations, on stdout).

pub mod bench;
pub mod html;

use std::io::{self, Write};
use std::time::Duration;

use crate::parallel::Report as ParallelReport;
use crate::timeit::{Timing, format_time};
use html::{Bar, bar_chart, escape, table};

/// Writes `plain` and `html` in evcxr's protocol for rich output.
pub fn write_evcxr_content(out: &mut impl Write, plain: &str, html: &str) -> io::Result<()> {
    for (mime, content) in [("text/plain", plain), ("text/html", html)] {
        writeln!(out, "EVCXR_BEGIN_CONTENT {mime}")?;
        writeln!(out, "{}", content.trim_end_matches('\n'))?;
        writeln!(out, "EVCXR_END_CONTENT")?;
    }
    out.flush()
}

/// What `evcxr_display` does for every report: both forms, on stdout
/// (where evcxr listens), a failure to write being nobody's to handle.
fn display(plain: &str, html: &str) {
    let _ = write_evcxr_content(&mut io::stdout().lock(), plain, html);
}

impl Timing {
    /// The summary line, a table of the runs' statistics, and one bar per run.
    pub fn to_html(&self) -> String {
        let rows = vec![
            vec![
                "mean ± std. dev.".to_string(),
                format!(
                    "{} ± {}",
                    format_time(self.mean()),
                    format_time(self.std_dev())
                ),
            ],
            vec!["best".to_string(), format_time(self.best())],
            vec!["median".to_string(), format_time(self.median())],
            vec!["worst".to_string(), format_time(self.worst())],
            vec![
                "runs × loops".to_string(),
                format!("{} × {}", self.runs().len(), self.loops()),
            ],
        ];
        let bars: Vec<Bar> = self
            .runs()
            .iter()
            .enumerate()
            .map(|(index, &seconds)| {
                Bar::new(format!("run {}", index + 1), seconds, format_time(seconds))
            })
            .collect();
        let warning = self
            .warning()
            .map(|warning| format!("<p><em>{}</em></p>", escape(&warning)))
            .unwrap_or_default();
        format!(
            "<div class=\"avance-timing\">{warning}{}{}</div>",
            table("per loop", &["", "time"], &rows),
            bar_chart("time per loop, each run", &bars)
        )
    }

    /// Shows the timing as a table and a chart in Jupyter, as its line in a terminal.
    pub fn evcxr_display(&self) {
        display(&self.to_string(), &self.to_html());
    }
}

impl ParallelReport {
    /// The report's figures in a table, and the wall time beside the ideal
    /// one and the sum of the sleeps as bars.
    pub fn to_html(&self) -> String {
        let seconds = |d: Duration| format!("{:.3} s", d.as_secs_f64());
        let rows = vec![
            vec!["calls".to_string(), self.calls.to_string()],
            vec!["workers".to_string(), self.workers.to_string()],
            vec!["wall time".to_string(), seconds(self.wall)],
            vec!["sum of the sleeps".to_string(), seconds(self.sum_of_sleeps)],
            vec!["speed-up".to_string(), format!("{:.2}", self.speed_up())],
            vec![
                "ideal speed-up".to_string(),
                format!("{:.2}", self.ideal_speed_up()),
            ],
            vec!["every index once".to_string(), self.coverage.to_string()],
        ];
        let bars = [
            ("wall time", self.wall),
            ("ideal wall time", self.ideal_wall),
            ("sum of the sleeps", self.sum_of_sleeps),
        ]
        .map(|(label, d)| Bar::new(label, d.as_secs_f64(), seconds(d)));
        format!(
            "<div class=\"avance-parallel\">{}{}</div>",
            table(&self.label, &["", ""], &rows),
            bar_chart(&self.label, &bars)
        )
    }

    /// Shows the report as a table and a chart in Jupyter, as its lines in a terminal.
    pub fn evcxr_display(&self) {
        display(&self.to_string(), &self.to_html());
    }
}

impl bench::Report {
    /// The benchmark's table, then each engine's median as a bar.
    pub fn to_html(&self) -> String {
        let rows: Vec<Vec<String>> = self.rows.iter().map(|row| row.cells().to_vec()).collect();
        let bars: Vec<Bar> = self
            .rows
            .iter()
            .map(|row| Bar::new(row.engine.as_str(), row.median_s, format_time(row.median_s)))
            .collect();
        let notes: String = self
            .notes
            .iter()
            .map(|note| format!("<p><em>{}</em></p>", escape(note)))
            .collect();
        format!(
            "<div class=\"avance-bench\">{}{}{notes}</div>",
            table(&self.benchmark, &bench::header(self.throughput_unit), &rows),
            bar_chart("median time (shorter is faster)", &bars)
        )
    }

    /// Shows the table and a chart in Jupyter, the text table in a terminal.
    pub fn evcxr_display(&self) {
        display(&self.to_string(), &self.to_html());
    }
}

#[cfg(test)]
pub(crate) mod tests;
