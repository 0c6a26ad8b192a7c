//! A progress bar for the long runs (indicatif, on stderr), drawn only when
//! stdout is a terminal: piped output and `avance check` stay clean.

use std::io::IsTerminal;
use std::sync::{Arc, Mutex};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::{Ticker, Workload};

/// A bar drawn from the first call finished to the report, then cleared; the
/// next run of the same workload draws a new one.
struct Bar {
    calls: u64,
    bar: Mutex<Option<ProgressBar>>,
}

impl Ticker for Bar {
    fn tick(&self) {
        let mut bar = self.bar.lock().unwrap_or_else(|e| e.into_inner());
        bar.get_or_insert_with(|| {
            let bar = ProgressBar::with_draw_target(Some(self.calls), ProgressDrawTarget::stderr());
            if let Ok(style) =
                ProgressStyle::with_template("{elapsed:>3} [{wide_bar}] {pos}/{len} calls")
            {
                bar.set_style(style.progress_chars("=> "));
            }
            bar
        })
        .inc(1);
    }

    fn finish(&self) {
        let taken = self.bar.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some(bar) = taken {
            bar.finish_and_clear();
        }
    }
}

impl Workload {
    /// The same calls, with a progress bar of the calls finished while they
    /// run, when stdout is a terminal; [`Workload::report`] clears it.
    pub fn with_progress_bar(self) -> Self {
        if !std::io::stdout().is_terminal() {
            return self;
        }
        let calls = self.len() as u64;
        self.with_ticker(Arc::new(Bar {
            calls,
            bar: Mutex::new(None),
        }))
    }
}
