//! clap's help in the course's language. The doc comments of the
//! commands and their arguments are clap's English, as they are; in
//! another language each description is replaced by message
//! `cli-COMMAND-ARGUMENT` of `i18n/LANG.ftl` (`cli` for the program,
//! `cli-bench-conv` for a command of a command), and so are the headings,
//! `--help` and `--version`. The language is known before clap parses:
//! `--lang X` or `--lang=X` found in the arguments, else the environment.
//! What clap says of a wrong command line stays clap's English.

use clap::{Arg, ArgAction, Command};

use crate::i18n::{Language, ui};
use crate::tr;

/// The language the arguments and the environment ask for; English for
/// an unknown code, which is refused once clap has parsed.
pub(super) fn language_of(args: &[String]) -> Language {
    let mut flag = None;
    let mut words = args.iter().skip(1);
    while let Some(word) = words.next() {
        match word.strip_prefix("--lang=") {
            _ if word == "--" => break,
            Some(code) => flag = Some(code.to_string()),
            None if word == "--lang" => flag = words.next().cloned(),
            None => {}
        }
    }
    Language::choose(flag.as_deref(), |name| std::env::var(name).ok()).unwrap_or_default()
}

/// `command` as clap builds it from the doc comments, its help in the
/// current language: as it is in English.
pub(super) fn localized(command: Command) -> Command {
    if ui::language() == Language::English {
        return command;
    }
    let command = command
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(tr!("cli-version-flag")),
        )
        .after_help(tr!("cli-after-help"));
    let headings = Headings {
        options: leak(tr!("cli-heading-options")),
        arguments: leak(tr!("cli-heading-arguments")),
        commands: leak(tr!("cli-heading-commands")),
    };
    localize(command, "cli", &headings)
}

/// The headings of the help, which clap takes only as `&'static str`:
/// made once per process.
struct Headings {
    options: &'static str,
    arguments: &'static str,
    commands: &'static str,
}

fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

/// One command and those under it, `id` its message.
fn localize(mut command: Command, id: &str, headings: &Headings) -> Command {
    if ui::has(id) {
        command = command.about(tr!(id)).long_about(None);
    }
    let arguments: Vec<(String, bool)> = command
        .get_arguments()
        .map(|arg| (arg.get_id().to_string(), arg.is_positional()))
        .collect();
    for (name, positional) in arguments {
        let message = format!("{id}-{name}");
        let heading = match positional {
            true => headings.arguments,
            false => headings.options,
        };
        command = command.mut_arg(&name, |arg| {
            let arg = arg.help_heading(heading);
            match ui::has(&message) {
                true => arg.help(tr!(&message)).long_help(None),
                false => arg,
            }
        });
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    for name in names {
        let sub_id = format!("{id}-{name}");
        command = command.mut_subcommand(&name, |sub| localize(sub, &sub_id, headings));
    }
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        tr!("cli-heading-usage")
    );
    command
        .help_template(template)
        .subcommand_help_heading(headings.commands)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(tr!("cli-help-flag"))
                .help_heading(headings.options),
        )
}

/// Every description clap shows, as (message id, English text): the
/// program, its commands and their arguments, hidden ones left out.
#[cfg(test)]
pub(super) fn descriptions(command: &Command, id: &str, found: &mut Vec<(String, String)>) {
    if let Some(about) = command.get_about() {
        found.push((id.to_string(), about.to_string()));
    }
    for arg in command.get_arguments().filter(|arg| !arg.is_hide_set()) {
        if let Some(help) = arg.get_help() {
            found.push((format!("{id}-{}", arg.get_id()), help.to_string()));
        }
    }
    for sub in command.get_subcommands().filter(|sub| !sub.is_hide_set()) {
        descriptions(sub, &format!("{id}-{}", sub.get_name()), found);
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;
    use crate::i18n::ui::source;

    #[test]
    fn every_description_has_its_message_and_english_says_what_clap_says() {
        let mut found = Vec::new();
        descriptions(&super::super::Cli::command(), "cli", &mut found);
        assert!(found.len() > 40, "{found:?}");
        let english = source(Language::English);
        let missing: Vec<String> = found
            .iter()
            .map(|(id, text)| format!("{id} = {text}"))
            .filter(|line| !english.contains(&format!("\n{line}\n")))
            .collect();
        assert!(
            missing.is_empty(),
            "i18n/en.ftl lacks, or words otherwise, these lines:\n{}",
            missing.join("\n")
        );
    }

    #[test]
    fn the_language_is_found_in_the_arguments_before_clap_parses() {
        let args = |words: &[&str]| words.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        assert_eq!(
            language_of(&args(&["avance", "--lang", "fr", "check", "--help"])),
            Language::French
        );
        assert_eq!(
            language_of(&args(&["avance", "check", "--lang=fr"])),
            Language::French
        );
        assert_eq!(
            language_of(&args(&["avance", "--lang=fr", "--lang", "en"])),
            Language::English
        );
        assert_eq!(
            language_of(&args(&["avance", "--lang", "xx", "--help"])),
            Language::English
        );
        // After `--` the words are not options.
        assert_eq!(
            language_of(&args(&["avance", "--lang=en", "--", "--lang=fr"])),
            Language::English
        );
    }
}
