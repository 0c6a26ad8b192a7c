//! The table `avance bench` measures: one row per engine (median, spread,
//! ratio to the naive engine, throughput, equality with the naive result).
//! It lives in the light library so a notebook can show it; the program
//! fills it (`crate::bench`) and adds colour when it prints it.

use std::fmt;

/// What a row's throughput counts, in billions per second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "bench", derive(serde::Serialize))]
pub enum Unit {
    /// Multiply-adds (the convolution).
    #[cfg_attr(feature = "bench", serde(rename = "GMAC/s"))]
    MultiplyAdds,
    /// Bytes of input read (the element-wise functions).
    #[cfg_attr(feature = "bench", serde(rename = "GB/s"))]
    Bytes,
}

impl Unit {
    /// The column title: `GMAC/s` or `GB/s`.
    pub fn label(self) -> &'static str {
        match self {
            Unit::MultiplyAdds => "GMAC/s",
            Unit::Bytes => "GB/s",
        }
    }
}

/// One engine's row of the table.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "bench", derive(serde::Serialize))]
pub struct Row {
    pub engine: String,
    pub median_s: f64,
    pub best_s: f64,
    pub worst_s: f64,
    pub runs: usize,
    pub loops: u64,
    pub ratio_to_naive: Option<f64>,
    /// GMAC/s for the convolution, GB/s of input for element-wise functions.
    pub throughput: f64,
    pub equal_to_naive: bool,
    /// For results that may differ from the naive one within a bound: the
    /// largest difference, in ulps (`equal_to_naive` says it is in bounds).
    #[cfg_attr(feature = "bench", serde(skip_serializing_if = "Option::is_none"))]
    pub max_error_ulps: Option<f64>,
}

/// A whole benchmark: what was measured and one row per engine, each with
/// its ratio to the reference engine's median when that engine ran.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "bench", derive(serde::Serialize))]
pub struct Report {
    pub benchmark: String,
    pub size: usize,
    pub throughput_unit: Unit,
    pub rows: Vec<Row>,
    /// What was not measured and why (a Python module missing...).
    pub notes: Vec<String>,
    /// The reference engine's median, which the ratios divide.
    #[cfg_attr(feature = "bench", serde(skip))]
    reference_median_s: Option<f64>,
}

impl Report {
    /// A report of `rows`, with no notes yet; `reference` is the index of
    /// the reference engine's row, when it ran.
    pub fn new(
        benchmark: String,
        size: usize,
        throughput_unit: Unit,
        rows: Vec<Row>,
        reference: Option<usize>,
    ) -> Report {
        let reference_median_s = reference.and_then(|i| rows.get(i)).map(|row| row.median_s);
        let mut report = Report {
            benchmark,
            size,
            throughput_unit,
            rows: Vec::with_capacity(rows.len()),
            notes: Vec::new(),
            reference_median_s,
        };
        for row in rows {
            report.push(row);
        }
        report
    }

    /// Adds a row, its ratio to the reference engine set.
    pub fn push(&mut self, mut row: Row) {
        row.ratio_to_naive = self.reference_median_s.map(|r| r / row.median_s);
        self.rows.push(row);
    }
}

/// The column titles, the throughput's unit last but one.
pub(crate) fn header(unit: Unit) -> [&'static str; 6] {
    [
        "engine",
        "median",
        "spread (best – worst)",
        "vs naive",
        unit.label(),
        "equal to naive",
    ]
}

impl Row {
    /// The row's cells as text, in the order of [`header`].
    pub(crate) fn cells(&self) -> [String; 6] {
        let spread = format!(
            "{} – {}",
            crate::timeit::format_time(self.best_s),
            crate::timeit::format_time(self.worst_s)
        );
        let ratio = self
            .ratio_to_naive
            .map_or("-".to_string(), |r| format!("{}×", significant(r)));
        [
            self.engine.clone(),
            crate::timeit::format_time(self.median_s),
            spread,
            ratio,
            significant(self.throughput),
            self.equality(),
        ]
    }

    /// "yes", "NO", or either with the largest error when there is one.
    pub fn equality(&self) -> String {
        let verdict = if self.equal_to_naive { "yes" } else { "NO" };
        match self.max_error_ulps {
            None | Some(0.0) if self.equal_to_naive => verdict.to_string(),
            None => verdict.to_string(),
            Some(e) => format!("{verdict}, max {e:.1} ulp"),
        }
    }
}

impl fmt::Display for Report {
    /// The table as `avance bench` prints it, without colour.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.benchmark)?;
        f.write_str(&line(&header(self.throughput_unit).map(str::to_string)))?;
        for row in &self.rows {
            f.write_str(&line(&row.cells()))?;
        }
        for note in &self.notes {
            writeln!(f, "{note}")?;
        }
        Ok(())
    }
}

/// One line of the table, its columns aligned as `avance bench` aligns
/// them, newline included.
pub(crate) fn line(cells: &[String; 6]) -> String {
    let [engine, median, spread, ratio, throughput, equal] = cells;
    format!("{engine:<12} {median:>11} {spread:>23} {ratio:>9} {throughput:>9}  {equal}\n")
}

/// A ratio or rate with one decimal from 1 on, and two significant digits
/// below (the Python loops run at a few thousandths of the naive engine).
pub fn significant(value: f64) -> String {
    if !value.is_finite() || value >= 1.0 || value <= 0.0 {
        format!("{value:.1}")
    } else {
        let decimals = (1 - value.log10().floor() as i32).clamp(1, 9) as usize;
        format!("{value:.decimals$}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_ratios_keep_two_significant_digits() {
        assert_eq!(significant(6.6), "6.6");
        assert_eq!(significant(1.0), "1.0");
        assert_eq!(significant(0.45), "0.45");
        assert_eq!(significant(0.0018), "0.0018");
        assert_eq!(significant(0.0), "0.0");
    }

    #[test]
    fn ratios_divide_the_reference_engine_wherever_its_row_is() {
        let rows = vec![
            crate::report::tests::row("rayon", 0.001, None),
            crate::report::tests::row("naive", 0.004, None),
        ];
        let mut report = Report::new("x".into(), 40, Unit::MultiplyAdds, rows, Some(1));
        report.push(crate::report::tests::row("numpy", 0.008, None));
        let ratios: Vec<_> = report.rows.iter().map(|r| r.ratio_to_naive).collect();
        assert_eq!(ratios, [Some(4.0), Some(1.0), Some(0.5)]);
        let alone = vec![crate::report::tests::row("rayon", 0.001, None)];
        let report = Report::new("x".into(), 40, Unit::Bytes, alone, None);
        assert_eq!(report.rows[0].ratio_to_naive, None);
        assert_eq!(header(report.throughput_unit)[4], "GB/s");
    }

    #[test]
    fn equality_names_the_largest_error_when_there_is_one() {
        let mut row = crate::report::tests::row("optimized", 0.001, Some(2.0));
        assert_eq!(row.equality(), "yes, max 2.0 ulp");
        row.equal_to_naive = false;
        assert_eq!(row.equality(), "NO, max 2.0 ulp");
        row.max_error_ulps = None;
        assert_eq!(row.equality(), "NO");
        row.equal_to_naive = true;
        row.max_error_ulps = Some(0.0);
        assert_eq!(row.equality(), "yes");
    }
}
