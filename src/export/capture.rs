//! Each snippet of a lesson run at export, at the course's sizes, as
//! `avance check` runs it, and judged by the same verdict: what the page
//! shows under the code.

use std::collections::HashMap;
use std::path::Path;

use crate::check;
use crate::lesson::{Lesson, Mode, Scale, Snippet};
use crate::run::Registry;
use crate::rustc::{self, Compiled};
use crate::verdict::{self, Happened, Verdict, Wrong};

/// What a snippet did when the export ran it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Captured {
    /// Its stdout (and, when it failed, its stderr), or rustc's refusal.
    pub text: String,
    /// How it ended, said in a few words, when that matters: "panicked, as
    /// this slide intends", "not run (no_run)".
    pub note: Option<String>,
    /// Whether it did what its slide intends.
    pub ok: bool,
}

/// Runs every snippet of `lesson` as `avance check` would (a child process
/// of `exe`, `avance snippet ID`) but at the course's sizes, and
/// `compile_fail` ones through rustc; `starting(done, snippet)` is told
/// before each, for a progress bar (the course's sizes take minutes).
pub fn capture(
    lesson: &Lesson,
    registry: &Registry,
    exe: &Path,
    mut starting: impl FnMut(usize, &Snippet),
) -> HashMap<String, Captured> {
    let rustc = rustc::find();
    lesson
        .snippets()
        .enumerate()
        .map(|(done, snippet)| {
            starting(done, snippet);
            let captured = capture_one(snippet, registry, exe, rustc.as_deref());
            (snippet.id.clone(), captured)
        })
        .collect()
}

fn capture_one(
    snippet: &Snippet,
    registry: &Registry,
    exe: &Path,
    rustc: Option<&Path>,
) -> Captured {
    match snippet.mode {
        Mode::Ignore => return shown("shown only: not compiled"),
        Mode::NoRun => return shown("compiled, not run"),
        Mode::CompileFail => {
            return match rustc.map(|rustc| rustc::compile_alone(rustc, snippet, false)) {
                Some(Ok(compiled)) => {
                    let text = match &compiled {
                        Compiled::Refused(diagnostics) => diagnostics.clone(),
                        Compiled::Accepted => String::new(),
                    };
                    said(text, verdict::judge(snippet, Happened::Compiled(&compiled)))
                }
                Some(Err(e)) => failed(format!("could not run rustc: {e}")),
                None => shown("does not compile, on purpose (rustc was not found at export)"),
            };
        }
        Mode::Run | Mode::ShouldPanic => {}
    }
    if let Err(why) = registry.runnable(snippet) {
        return failed(why.localized());
    }
    match check::run_child(exe, &snippet.id, Scale::Course) {
        Ok(output) => {
            let verdict = check::judge_child(snippet, &output);
            let mut text = output.stdout;
            if !output.status.is_some_and(|s| s.success()) {
                text.push_str(&output.stderr);
            }
            said(text, verdict)
        }
        Err(e) => failed(format!("could not start {}: {e}", exe.display())),
    }
}

/// What the page shows under a snippet: what it printed, and the verdict
/// `avance check` would give, in a few words.
fn said(text: String, verdict: Verdict) -> Captured {
    let note = match &verdict {
        Verdict::AsIntended => None,
        Verdict::PanickedAsIntended(_) => Some("panicked, as this slide intends".to_string()),
        Verdict::RefusedAsIntended => Some("rustc refuses it, as this slide intends".to_string()),
        Verdict::Wrong(Wrong::OutputDiffers { line, .. }) => Some(format!(
            "this is not what the slide's output block (line {line}) says"
        )),
        Verdict::Wrong(Wrong::Compiled) => {
            Some("it compiled, but this slide says it does not".to_string())
        }
        Verdict::Wrong(Wrong::TimedOut { .. }) => Some("killed: it ran too long".to_string()),
        Verdict::Wrong(Wrong::FinishedButShouldPanic) => {
            Some("meant to panic, but did not".to_string())
        }
        Verdict::Wrong(wrong) => Some(first_line(&wrong.to_string())),
    };
    Captured {
        text,
        note,
        ok: verdict.is_as_intended(),
    }
}

fn first_line(text: &str) -> String {
    text.lines()
        .next()
        .unwrap_or_default()
        .trim_end_matches(':')
        .to_string()
}

fn shown(note: &str) -> Captured {
    Captured {
        text: String::new(),
        note: Some(note.to_string()),
        ok: true,
    }
}

fn failed(why: String) -> Captured {
    Captured {
        text: String::new(),
        note: Some(why),
        ok: false,
    }
}
