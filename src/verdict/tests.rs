//! Each outcome of [`judge`], for each mode that can meet it.

use super::*;
use crate::lesson::{Expected, Mode, Snippet};

fn snippet(mode: Mode, expected: Option<&str>) -> Snippet {
    Snippet {
        id: "01-x/2".into(),
        mode,
        source: "println!(\"hi\");".into(),
        line: 10,
        expected: expected.map(|text| Expected {
            text: text.into(),
            line: 14,
        }),
        included: None,
    }
}

fn ran<'a>(stdout: Option<&'a str>, ended: &'a Ended) -> Happened<'a> {
    Happened::Ran { stdout, ended }
}

#[test]
fn a_run_that_prints_its_output_block_is_as_intended() {
    let s = snippet(Mode::Run, Some("took [..] ms"));
    assert_eq!(
        judge(&s, ran(Some("took 3 ms\n"), &Ended::Finished)),
        Verdict::AsIntended
    );
}

#[test]
fn a_run_that_prints_something_else_is_wrong_whatever_its_exit_status() {
    let s = snippet(Mode::Run, Some("hello"));
    let verdict = judge(&s, ran(Some("goodbye\n"), &Ended::Finished));
    let Verdict::Wrong(Wrong::OutputDiffers { line, diff }) = &verdict else {
        panic!("expected a mismatch, got {verdict:?}");
    };
    assert_eq!(*line, 14);
    assert!(diff.contains("goodbye"), "{diff}");
    assert!(!verdict.is_as_intended());
}

#[test]
fn output_not_captured_is_judged_by_its_ending_only() {
    let s = snippet(Mode::Run, Some("hello"));
    assert_eq!(judge(&s, ran(None, &Ended::Finished)), Verdict::AsIntended);
}

#[test]
fn should_panic_wants_a_panic_then_its_output() {
    let s = snippet(Mode::ShouldPanic, Some("before"));
    let panicked = Ended::Panicked("boom".into());
    assert_eq!(
        judge(&s, ran(Some("before\n"), &panicked)),
        Verdict::PanickedAsIntended("boom".into())
    );
    assert!(matches!(
        judge(&s, ran(Some("other\n"), &panicked)),
        Verdict::Wrong(Wrong::OutputDiffers { .. })
    ));
    assert_eq!(
        judge(&s, ran(Some("before\n"), &Ended::Finished)),
        Verdict::Wrong(Wrong::FinishedButShouldPanic)
    );
}

#[test]
fn every_bad_ending_of_a_run_is_wrong() {
    let s = snippet(Mode::Run, None);
    let cases = [
        (Ended::Panicked("boom".into()), "it panicked:\nboom"),
        (
            Ended::ReturnedError("Error: 3".into()),
            "it returned an error: Error: 3",
        ),
        (
            Ended::ExitStatus {
                code: 3,
                stderr: "bye".into(),
            },
            "it failed with exit status 3:\nbye",
        ),
        (Ended::Signal("".into()), "it was killed by a signal:\n"),
        (
            Ended::TimedOut { seconds: 300 },
            "killed after 300 s without finishing",
        ),
    ];
    for (ended, said) in cases {
        match judge(&s, ran(Some(""), &ended)) {
            Verdict::Wrong(wrong) => assert_eq!(wrong.to_string(), said),
            other => panic!("{ended:?} gave {other:?}"),
        }
    }
}

#[test]
fn compile_fail_needs_every_listed_code() {
    let s = snippet(Mode::CompileFail, Some("E0382\n"));
    let refused = Compiled::Refused("error[E0382]: borrow of moved value".into());
    assert_eq!(
        judge(&s, Happened::Compiled(&refused)),
        Verdict::RefusedAsIntended
    );
    let other = Compiled::Refused("error[E0499]: two borrows".into());
    assert!(matches!(
        judge(&s, Happened::Compiled(&other)),
        Verdict::Wrong(Wrong::RefusedWithout { missing, .. }) if missing == "[E0382]"
    ));
    assert_eq!(
        judge(&s, Happened::Compiled(&Compiled::Accepted)),
        Verdict::Wrong(Wrong::Compiled)
    );
    let crate_missing = Compiled::Refused(
        "error[E0433]: failed to resolve: use of unresolved module or unlinked crate `avance`"
            .into(),
    );
    assert!(matches!(
        judge(&s, Happened::Compiled(&crate_missing)),
        Verdict::Wrong(Wrong::NeedsTheCrate(_))
    ));
}

#[test]
fn a_child_is_read_by_its_exit_status() {
    use std::os::unix::process::ExitStatusExt;
    use std::process::ExitStatus;
    let status = |raw: i32| Some(ExitStatus::from_raw(raw));
    assert_eq!(Ended::from_child(status(0), "", 300), Ended::Finished);
    assert_eq!(
        Ended::from_child(status(101 << 8), "panicked: boom\n", 300),
        Ended::Panicked("panicked: boom".into())
    );
    assert_eq!(
        Ended::from_child(status(3 << 8), "x", 300),
        Ended::ExitStatus {
            code: 3,
            stderr: "x".into()
        }
    );
    assert_eq!(
        Ended::from_child(status(9), "", 300),
        Ended::Signal(String::new())
    );
    assert_eq!(
        Ended::from_child(None, "", 300),
        Ended::TimedOut { seconds: 300 }
    );
}
