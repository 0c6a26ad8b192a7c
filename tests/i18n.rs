//! The course in French: the order of the language settings, a lesson end
//! to end in the REPL, the HTML export and `check` in French, the shipped
//! catalog complete, and an English edit that makes its French fuzzy.

mod common;

use std::fs;
use std::path::Path;

use common::avance;

/// `avance` with no language setting of the test's own: the caller adds them.
fn bare(home: &Path) -> assert_cmd::Command {
    let mut command = avance(home);
    for name in ["AVANCE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(name);
    }
    command
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

const FRENCH_TITLE: &str = "Leçon 2 · Valeur de vérité et identité";
const ENGLISH_TITLE: &str = "Lesson 2 · Truthiness and identity";

/// The first lines of `avance show 2/1` under `settings`.
fn title_under(settings: &[(&str, &str)], args: &[&str]) -> String {
    let home = tempfile::tempdir().unwrap();
    let mut command = bare(home.path());
    for (name, value) in settings {
        command.env(name, value);
    }
    let output = command.args(args).args(["show", "2/1"]).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    stdout(&output)
}

#[test]
fn the_flag_then_avance_lang_then_the_locale_then_english() {
    assert!(title_under(&[], &[]).contains(ENGLISH_TITLE));
    assert!(title_under(&[("LANG", "fr_FR.UTF-8")], &[]).contains(FRENCH_TITLE));
    assert!(
        title_under(&[("LC_ALL", "fr_FR.UTF-8"), ("LANG", "en_US.UTF-8")], &[])
            .contains(FRENCH_TITLE)
    );
    assert!(
        title_under(&[("AVANCE_LANG", "en"), ("LANG", "fr_FR.UTF-8")], &[]).contains(ENGLISH_TITLE)
    );
    assert!(title_under(&[("AVANCE_LANG", "fr")], &[]).contains(FRENCH_TITLE));
    assert!(title_under(&[("AVANCE_LANG", "fr")], &["--lang", "en"]).contains(ENGLISH_TITLE));
    assert!(title_under(&[("LANG", "de_DE.UTF-8")], &[]).contains(ENGLISH_TITLE));
}

#[test]
fn an_unknown_language_is_one_line_naming_the_known_ones() {
    let home = tempfile::tempdir().unwrap();
    let output = bare(home.path())
        .args(["--lang", "de", "list"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr.trim(),
        "error: unknown language `de` (--lang); avance speaks en (English) and fr (français)"
    );
}

#[test]
fn a_lesson_end_to_end_in_french_in_the_repl_then_resumed_in_english() {
    let home = tempfile::tempdir().unwrap();
    let output = bare(home.path())
        .env("AVANCE_LANG", "fr")
        .write_stdin(":lesson 2\n:help\n\n:run\n:lang\n:q\n")
        .output()
        .unwrap();
    let french = stdout(&output);
    for expected in [
        "Bienvenue dans avance\u{a0}: les idiomes de Python, en Rust.",
        FRENCH_TITLE,
        "Commandes (Entrée sur une ligne vide",
        ":lang [LANG]",
        "la langue du cours, ou en changer",
        // The second slide, its prose in French, its code as written.
        "En Python, `None` est faux",
        "let names = [\"\", \"curie\", \"einstein\"];",
        // What the Rust prints does not depend on the language.
        "\"ein\" found \"einstein\"",
        "Le cours est en fr",
        "Progression enregistrée. À bientôt.",
    ] {
        assert!(french.contains(expected), "{expected:?} not in:\n{french}");
    }
    // The same progress in both languages: English resumes on slide 2.
    let english = stdout(
        &bare(home.path())
            .env("AVANCE_LANG", "en")
            .write_stdin(":q\n")
            .output()
            .unwrap(),
    );
    assert!(
        english.contains("Welcome back: you stopped here."),
        "{english}"
    );
    assert!(english.contains("truthiness 2/"), "{english}");
    assert!(english.contains("In Python, `None` is false"), "{english}");
}

#[test]
fn lang_switches_the_lessons_and_the_messages_on_the_same_slide() {
    let home = tempfile::tempdir().unwrap();
    let output = bare(home.path())
        .env("AVANCE_LANG", "en")
        .write_stdin(":lesson 2/2\n:lang fr\n:help\n:lang xx\n:lang en\n:q\n")
        .output()
        .unwrap();
    let text = stdout(&output);
    let french = text.find("En Python, `None` est faux").expect(&text);
    let english_again = text.rfind("In Python, `None` is false").expect(&text);
    assert!(french < english_again, "{text}");
    assert!(text.contains("diapositive suivante (ou appuyez simplement sur Entrée)"));
    assert!(
        text.contains(
            "error: unknown language `xx` (:lang); avance speaks en (English) and fr (français)"
        ),
        "{text}"
    );
    assert!(text.contains("Progress saved. See you soon."), "{text}");
}

#[test]
fn the_html_export_says_it_is_french() {
    let home = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let output = bare(home.path())
        .args(["--lang", "fr", "export", "truthiness", "--html"])
        .arg(out.path())
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let page = fs::read_to_string(out.path().join("02-truthiness.html")).unwrap();
    assert!(page.contains("<html lang=\"fr\">"));
    assert!(page.contains(FRENCH_TITLE), "the title in French");
    assert!(page.contains("est faux"), "the prose in French");
}

#[test]
fn check_passes_in_french_as_in_english() {
    let home = tempfile::tempdir().unwrap();
    let output = bare(home.path())
        .args(["--lang", "fr", "check", "truthiness"])
        .output()
        .unwrap();
    let text = stdout(&output);
    assert!(output.status.success(), "{text}");
    assert!(text.contains(" 0 failed"), "{text}");
}

#[test]
fn the_french_catalog_built_in_translates_every_message() {
    let home = tempfile::tempdir().unwrap();
    let output = bare(home.path())
        .args(["i18n", "report", "fr", "--strict"])
        .output()
        .unwrap();
    let text = stdout(&output);
    assert!(
        output.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with("all ") && l.ends_with(" 100%")),
        "{text}"
    );
}

#[test]
fn an_english_edit_marks_its_french_fuzzy_and_the_strict_report_fails() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let lessons = dir.path().join("lessons");
    let po = dir.path().join("po");
    fs::create_dir_all(&lessons).unwrap();
    fs::create_dir_all(&po).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let english = fs::read_to_string(root.join("lessons/02-truthiness.md")).unwrap();
    let edited = english.replace("Rust has none of this.", "Rust has none of these.");
    assert_ne!(edited, english, "the sentence to edit is in lesson 2");
    fs::write(lessons.join("02-truthiness.md"), edited).unwrap();
    fs::copy(root.join("po/fr.po"), po.join("fr.po")).unwrap();
    let run = |args: &[&str]| {
        bare(home.path())
            .arg("--lessons")
            .arg(&lessons)
            .args(args)
            .arg("--po")
            .arg(&po)
            .output()
            .unwrap()
    };
    let updated = run(&["i18n", "update", "fr"]);
    assert!(updated.status.success(), "{updated:?}");
    assert!(
        stdout(&updated).contains(" 1 fuzzy, 0 new"),
        "{}",
        stdout(&updated)
    );
    let catalog = fs::read_to_string(po.join("fr.po")).unwrap();
    assert!(catalog.contains("#, fuzzy"), "the edited message is fuzzy");
    let report = run(&["i18n", "report", "fr", "--strict"]);
    assert!(!report.status.success());
    let stderr = String::from_utf8_lossy(&report.stderr);
    assert!(
        stderr.contains("0 message(s) untranslated and 1 fuzzy, in 02-truthiness"),
        "{stderr}"
    );
    let template = run(&["i18n", "extract"]);
    assert!(stdout(&template).contains("messages.pot: "), "{template:?}");
    let pot = fs::read_to_string(po.join("messages.pot")).unwrap();
    assert!(pot.contains("msgctxt \"02-truthiness/1\""), "{pot}");
    assert!(
        !pot.contains("Valeur de vérité"),
        "a template holds no translation"
    );
}
