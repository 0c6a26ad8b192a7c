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
    // Asked in French, refused in French.
    assert!(
        text.contains(
            "erreur\u{a0}: langue inconnue `xx` (:lang)\u{a0}; avance parle en (English) et fr (français)"
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
    // The page's own words too: labels, exercises, notes and keys.
    for french in [
        "Exercice · votre code commence ici",
        "Vérifié par",
        "Rust · ne compile pas, volontairement",
        "Sortie Python",
        "<summary>Indice</summary>",
        "<strong>Notes\u{a0}:</strong>",
        "changer de diapositive",
    ] {
        assert!(page.contains(french), "{french} missing");
    }
    for english in [
        "your code starts here",
        "Graded by",
        "on purpose",
        "Python output",
    ] {
        assert!(!page.contains(english), "{english} left in English");
    }
}

#[test]
fn a_notebooks_own_notes_are_french() {
    let home = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let output = bare(home.path())
        .args(["--lang", "fr", "notebook", "--all", "-o"])
        .arg(out.path())
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let mut notebooks = String::new();
    for entry in fs::read_dir(out.path()).unwrap() {
        notebooks.push_str(&fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    // Why a snippet runs in a function, in the cell's first line.
    assert!(notebooks.contains("// Dans une fonction"), "no French note");
    assert!(!notebooks.contains("// In a function"), "an English note");
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
    assert!(
        text.contains("vérification de lessons/02-truthiness.md"),
        "{text}"
    );
    let tally = text
        .lines()
        .find(|line| line.starts_with("check\u{a0}: "))
        .expect(&text);
    assert!(tally.contains(" réussi(s), 0 en échec, "), "{tally}");
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

/// `--help` in French where the language says so, before clap parses;
/// in English exactly as the doc comments word it.
#[test]
fn a_commands_help_follows_the_language() {
    let home = tempfile::tempdir().unwrap();
    let help = |settings: &[(&str, &str)], args: &[&str]| {
        let mut command = bare(home.path());
        for (name, value) in settings {
            command.env(name, value);
        }
        let output = command.args(args).output().unwrap();
        assert!(output.status.success(), "{output:?}");
        stdout(&output)
    };
    for french in [
        help(&[], &["--lang", "fr", "check", "--help"]),
        help(&[], &["check", "--lang=fr", "--help"]),
        help(&[("AVANCE_LANG", "fr")], &["check", "--help"]),
    ] {
        for expected in [
            "Vérifier que chaque extrait affiche ce que dit sa leçon",
            "Utilisation\u{a0}: avance check [OPTIONS] [LESSON]",
            "Une leçon (par exemple underscore, 1)\u{a0}; toutes les leçons sans elle",
            "-h, --help           Afficher l'aide",
        ] {
            assert!(french.contains(expected), "{expected:?} not in:\n{french}");
        }
    }
    let english = help(
        &[("LANG", "fr_FR.UTF-8")],
        &["--lang", "en", "check", "--help"],
    );
    assert!(
        english.contains("Usage: avance check [OPTIONS] [LESSON]"),
        "{english}"
    );
    assert!(
        english.contains("One lesson (e.g. underscore, 1); every lesson without it"),
        "{english}"
    );
    let top = help(&[], &["--lang", "fr", "--help"]);
    assert!(top.contains("Commandes:"), "{top}");
    assert!(
        top.contains("Sans commande, ouvre le cours là où vous vous étiez arrêté."),
        "{top}"
    );
}

/// The REPL's errors and a lesson that does not resolve, in French.
#[test]
fn the_repls_errors_are_french() {
    let home = tempfile::tempdir().unwrap();
    let output = bare(home.path())
        .env("AVANCE_LANG", "fr")
        .write_stdin(":lesson 2\n:nxt\n:goto\n:goto 99\n:lesson zzz\n:run 3\n:q\n")
        .output()
        .unwrap();
    let text = stdout(&output);
    for expected in [
        "erreur\u{a0}: commande inconnue `:nxt`\u{a0}; vouliez-vous dire `:next`\u{a0}? (:help liste les commandes)",
        "erreur\u{a0}: `:goto` attend N\u{a0}: `:goto N`",
        "erreur\u{a0}: la leçon 02-truthiness a les diapositives 1 à ",
        "\u{a0}; il n'y a pas de diapositive 99",
        "erreur\u{a0}: aucune leçon `zzz`\u{a0}; les leçons sont\u{a0}: 00-ownership, 01-underscore, ",
        "erreur\u{a0}: `:run` ne prend pas d'argument, or il a reçu `3`",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
}

/// A command's errors: the prefix and a lesson that does not resolve.
#[test]
fn a_commands_error_is_french() {
    let home = tempfile::tempdir().unwrap();
    let output = bare(home.path())
        .args(["--lang", "fr", "show", "zzz"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("erreur\u{a0}: aucune leçon `zzz`\u{a0}; les leçons sont\u{a0}: "),
        "{stderr}"
    );
}

/// An exercise in French: the notes around it, a hint, and the grading
/// verdict with its failed case (rustc compiles the answer).
#[test]
fn an_exercise_is_graded_in_french() {
    if !common::require_tool("rustc") {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let output = bare(home.path())
        .env("AVANCE_LANG", "fr")
        .env("AVANCE_LIVE", "off")
        .write_stdin(":lesson 01/14\n:run\n:check\n:edit\n\n:hint\n:q\n")
        .output()
        .unwrap();
    let text = stdout(&output);
    for expected in [
        "cette diapositive est un exercice\u{a0}: :edit met votre réponse dans la ligne",
        "erreur\u{a0}: écrivez d'abord votre réponse\u{a0}: :edit met le point de départ dans la ligne",
        "Votre réponse\u{a0}: Entrée la garde et la corrige avec les tests cachés.",
        "Pas encore\u{a0}: 1 cas sur 3 passe.\n  ✗ ",
        "votre code a atteint un `todo!()`\u{a0}; écrivez cette partie",
        ":edit modifie votre réponse, :hint donne un indice, :solution en montre une",
        "Indice 1/2\u{a0}: ",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
}

/// `avance run` in French: a panic and a refusal as the slide intends.
#[test]
fn run_says_its_verdicts_in_french() {
    let home = tempfile::tempdir().unwrap();
    let output = bare(home.path())
        .args(["--lang", "fr", "run", "underscore"])
        .output()
        .unwrap();
    let text = stdout(&output);
    assert!(output.status.success(), "{text}");
    let refusal = if common::require_tool("rustc") {
        "rustc le refuse, comme le veut cette diapositive\u{a0}:"
    } else {
        "Ce Rust ne doit pas compiler\u{a0}; rustc n'est pas installé ici pour montrer pourquoi."
    };
    for expected in [
        "a paniqué, comme le veut cette diapositive\u{a0}: called `Result::unwrap()`",
        refusal,
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
}

/// `check`'s reason for a snippet whose output block was edited, in French.
#[test]
fn checks_reason_is_french() {
    let home = tempfile::tempdir().unwrap();
    let lessons = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let english = fs::read_to_string(root.join("lessons/02-truthiness.md")).unwrap();
    let edited = english.replacen(
        "\"bohr\" found nothing\n",
        "\"bohr\" found nothing, edited\n",
        1,
    );
    assert_ne!(edited, english, "the output line to edit is in lesson 2");
    fs::write(lessons.path().join("02-truthiness.md"), edited).unwrap();
    let output = bare(home.path())
        .arg("--lessons")
        .arg(lessons.path())
        .args(["--lang", "fr", "check", "truthiness"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let text = stdout(&output);
    assert!(
        text.contains(
            "ÉCHEC 02-truthiness/2: sa sortie standard diffère du bloc de sortie de la ligne "
        ),
        "{text}"
    );
}

/// Why live Rust, the Python or grading cannot go on, in French.
#[test]
fn the_repls_tools_say_why_they_cannot_in_french() {
    let home = tempfile::tempdir().unwrap();
    let output = bare(home.path())
        .env("AVANCE_LANG", "fr")
        .env("AVANCE_LIVE", "off")
        .env("AVANCE_PYTHON", "/nonexistent/python3")
        .env("RUSTC", "/nonexistent/rustc")
        .write_stdin(":lesson 2/2\nlet x = 1;\n:python\n:lesson 01/14\n:edit\n\n:q\n")
        .output()
        .unwrap();
    let text = stdout(&output);
    for expected in [
        "erreur\u{a0}: le Rust en direct est désactivé (AVANCE_LIVE=off)\u{a0}; les commandes fonctionnent toujours",
        "erreur\u{a0}: /nonexistent/python3 introuvable\u{a0}: exécuter le Python du cours demande python3",
        "erreur\u{a0}: rustc n'est pas installé ici, et les exercices sont corrigés en les compilant",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
}

/// A snippet edited since the build cannot run: said in French.
#[test]
fn a_stale_snippet_is_refused_in_french() {
    let home = tempfile::tempdir().unwrap();
    let lessons = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let english = fs::read_to_string(root.join("lessons/02-truthiness.md")).unwrap();
    let edited = english.replacen(
        "[\"ein\", \"bohr\", \"\"] {",
        "[\"ein\", \"bohrr\", \"\"] {",
        1,
    );
    assert_ne!(edited, english, "the code to edit is in lesson 2");
    fs::write(lessons.path().join("02-truthiness.md"), edited).unwrap();
    let output = bare(home.path())
        .arg("--lessons")
        .arg(lessons.path())
        .args(["--lang", "fr", "run", "2/2"])
        .output()
        .unwrap();
    let text = stdout(&output);
    assert!(
        text.contains(
            "erreur\u{a0}: l'extrait 02-truthiness/2 a été modifié depuis la compilation de ce programme\u{a0}; recompilez-le"
        ),
        "{text}"
    );
}

/// The commands' errors at the edges: a file that exists, a slide out of
/// range, no terminal.
#[test]
fn the_commands_edges_are_french() {
    let home = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let export = || {
        bare(home.path())
            .args(["--lang", "fr", "export", "truthiness", "--html"])
            .arg(out.path())
            .output()
            .unwrap()
    };
    assert!(export().status.success());
    let again = export();
    assert!(!again.status.success());
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(
        stderr.contains("02-truthiness.html existe déjà\u{a0}; passez --force pour l'écraser"),
        "{stderr}"
    );
    let present = |args: &[&str]| {
        let output = bare(home.path())
            .args(["--lang", "fr", "present", "truthiness"])
            .args(args)
            .output()
            .unwrap();
        assert!(!output.status.success());
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    let stderr = present(&["--slide", "99"]);
    assert!(
        stderr.contains("il n'y a pas de diapositive 99"),
        "{stderr}"
    );
    let stderr = present(&[]);
    assert!(
        stderr.contains(
            "`avance present` occupe tout le terminal\u{a0}: lancez-le depuis un terminal"
        ),
        "{stderr}"
    );
}
