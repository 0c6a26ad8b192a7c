//! REPL input: a command (`:next`, `:goto 3`...), an empty line (next
//! slide), or anything else. One table of commands serves parsing, `:help`,
//! Tab completion and the "did you mean" suggestion.

use crate::tr;

/// A REPL command, parsed and with its argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Next,
    Prev,
    Goto(String),
    Lesson(String),
    Lessons,
    Run,
    /// The slide's snippet, or live code when given.
    Timeit(Option<String>),
    /// The slide's Rust, or its snippet number N when given, as typed.
    Edit(Option<String>),
    Vars,
    Reset,
    Check,
    /// The exercise's answer opened in `$EDITOR`, then graded.
    Exercise,
    Hint,
    Solution,
    Show,
    /// The slide again, its long code unfolded.
    More,
    Python,
    Originals,
    Notes,
    /// A crate for live Rust, as evcxr's `:dep` takes it: `name = "1.0"`,
    /// `name`, or the path of a crate of one's own (`./mine`, `/abs/mine`).
    Dep(String),
    /// The course's language: which it is, or change it (`en`, `fr`).
    Lang(Option<String>),
    Help,
    Quit,
}

/// One line typed at the prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// An empty line: the next slide.
    Empty,
    Command(Command),
    /// Not a command: Rust, evaluated live.
    Rust(String),
}

/// A command's names and help, for `:help`, completion and suggestions.
pub struct Spec {
    pub name: &'static str,
    pub alias: &'static str,
    /// Empty: no argument; `[X]`: optional; anything else: required.
    pub argument: &'static str,
}

impl Spec {
    /// What the command does, in the course's language (`command-NAME`
    /// in `i18n/*.ftl`).
    pub fn help(&self) -> String {
        crate::i18n::ui::message(&format!("command-{}", self.name), &[])
    }
}

pub const COMMANDS: &[Spec] = &[
    Spec {
        name: "next",
        alias: "n",
        argument: "",
    },
    Spec {
        name: "prev",
        alias: "p",
        argument: "",
    },
    Spec {
        name: "goto",
        alias: "g",
        argument: "N",
    },
    Spec {
        name: "lesson",
        alias: "l",
        argument: "NAME",
    },
    Spec {
        name: "lessons",
        alias: "ls",
        argument: "",
    },
    Spec {
        name: "run",
        alias: "r",
        argument: "",
    },
    Spec {
        name: "timeit",
        alias: "t",
        argument: "[EXPR]",
    },
    Spec {
        name: "edit",
        alias: "e",
        argument: "[N]",
    },
    Spec {
        name: "vars",
        alias: "v",
        argument: "",
    },
    Spec {
        name: "dep",
        alias: "d",
        argument: "CRATE",
    },
    Spec {
        name: "reset",
        alias: "re",
        argument: "",
    },
    Spec {
        name: "check",
        alias: "c",
        argument: "",
    },
    Spec {
        name: "exercise",
        alias: "ex",
        argument: "",
    },
    Spec {
        name: "hint",
        alias: "hi",
        argument: "",
    },
    Spec {
        name: "solution",
        alias: "so",
        argument: "",
    },
    Spec {
        name: "show",
        alias: "s",
        argument: "",
    },
    Spec {
        name: "more",
        alias: "m",
        argument: "",
    },
    Spec {
        name: "python",
        alias: "py",
        argument: "",
    },
    Spec {
        name: "originals",
        alias: "o",
        argument: "",
    },
    Spec {
        name: "notes",
        alias: "no",
        argument: "",
    },
    Spec {
        name: "lang",
        alias: "la",
        argument: "[LANG]",
    },
    Spec {
        name: "help",
        alias: "h",
        argument: "",
    },
    Spec {
        name: "quit",
        alias: "q",
        argument: "",
    },
];

/// Why a line is not a valid command; said in the course's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommandError {
    UnknownWithSuggestion {
        name: String,
        suggestion: &'static str,
    },
    Unknown(String),
    MissingArgument {
        name: &'static str,
        argument: &'static str,
    },
    UnexpectedArgument {
        name: &'static str,
        argument: String,
    },
}

impl std::fmt::Display for CommandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            CommandError::UnknownWithSuggestion { name, suggestion } => tr!(
                "command-unknown-suggest",
                name = name.as_str(),
                suggestion = *suggestion
            ),
            CommandError::Unknown(name) => tr!("command-unknown", name = name.as_str()),
            CommandError::MissingArgument { name, argument } => {
                tr!(
                    "command-missing-argument",
                    name = *name,
                    argument = *argument
                )
            }
            CommandError::UnexpectedArgument { name, argument } => tr!(
                "command-unexpected-argument",
                name = *name,
                argument = argument.as_str()
            ),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for CommandError {}

pub fn parse(line: &str) -> Result<Input, CommandError> {
    let line = line.trim();
    if line.is_empty() {
        return Ok(Input::Empty);
    }
    let Some(rest) = line.strip_prefix(':') else {
        return Ok(Input::Rust(line.to_string()));
    };
    let (word, argument) = match rest.split_once(char::is_whitespace) {
        Some((word, argument)) => (word, argument.trim()),
        None => (rest, ""),
    };
    let spec = COMMANDS
        .iter()
        .find(|spec| spec.name == word || spec.alias == word)
        .ok_or_else(|| unknown(word))?;
    command(spec, argument).map(Input::Command)
}

fn command(spec: &'static Spec, argument: &str) -> Result<Command, CommandError> {
    if spec.argument.is_empty() && !argument.is_empty() {
        return Err(CommandError::UnexpectedArgument {
            name: spec.name,
            argument: argument.into(),
        });
    }
    let optional = spec.argument.starts_with('[');
    if !spec.argument.is_empty() && !optional && argument.is_empty() {
        return Err(CommandError::MissingArgument {
            name: spec.name,
            argument: spec.argument,
        });
    }
    Ok(match spec.name {
        "next" => Command::Next,
        "prev" => Command::Prev,
        "goto" => Command::Goto(argument.into()),
        "lesson" => Command::Lesson(argument.into()),
        "lessons" => Command::Lessons,
        "run" => Command::Run,
        "timeit" => Command::Timeit(Some(argument.to_string()).filter(|a| !a.is_empty())),
        "edit" => Command::Edit(Some(argument.to_string()).filter(|a| !a.is_empty())),
        "vars" => Command::Vars,
        "dep" => Command::Dep(argument.to_string()),
        "reset" => Command::Reset,
        "check" => Command::Check,
        "exercise" => Command::Exercise,
        "hint" => Command::Hint,
        "solution" => Command::Solution,
        "show" => Command::Show,
        "more" => Command::More,
        "python" => Command::Python,
        "originals" => Command::Originals,
        "notes" => Command::Notes,
        "help" => Command::Help,
        "lang" => Command::Lang(Some(argument.to_string()).filter(|a| !a.is_empty())),
        _ => Command::Quit,
    })
}

/// The nearest command name, if one is close enough to be a typo.
fn unknown(word: &str) -> CommandError {
    let nearest = COMMANDS
        .iter()
        .flat_map(|spec| [(spec.name, spec.name), (spec.alias, spec.name)])
        .map(|(written, name)| {
            (
                strsim::damerau_levenshtein(word, written),
                written.len(),
                name,
            )
        })
        .min();
    match nearest {
        Some((distance, length, name)) if distance <= 2 && distance < length => {
            CommandError::UnknownWithSuggestion {
                name: word.into(),
                suggestion: name,
            }
        }
        _ => CommandError::Unknown(word.into()),
    }
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    #[rstest]
    #[case("", Input::Empty)]
    #[case("   ", Input::Empty)]
    #[case(":next", Input::Command(Command::Next))]
    #[case(":n", Input::Command(Command::Next))]
    #[case("  :prev  ", Input::Command(Command::Prev))]
    #[case(":goto 3", Input::Command(Command::Goto("3".into())))]
    #[case(":l under/2", Input::Command(Command::Lesson("under/2".into())))]
    #[case(":ls", Input::Command(Command::Lessons))]
    #[case(":q", Input::Command(Command::Quit))]
    #[case(":timeit", Input::Command(Command::Timeit(None)))]
    #[case(":t (1..10).sum::<i32>()", Input::Command(Command::Timeit(Some("(1..10).sum::<i32>()".into()))))]
    #[case(":edit", Input::Command(Command::Edit(None)))]
    #[case(":e 2", Input::Command(Command::Edit(Some("2".into()))))]
    #[case(":vars", Input::Command(Command::Vars))]
    #[case(":reset", Input::Command(Command::Reset))]
    #[case(":more", Input::Command(Command::More))]
    #[case(":m", Input::Command(Command::More))]
    #[case("let x = 1;", Input::Rust("let x = 1;".into()))]
    fn lines_parse(#[case] line: &str, #[case] input: Input) {
        assert_eq!(parse(line), Ok(input));
    }

    #[rstest]
    #[case(":nxt", "next")]
    #[case(":lesons", "lessons")]
    #[case(":hlep", "help")]
    #[case(":lss", "lessons")]
    fn typos_get_the_nearest_command(#[case] line: &str, #[case] suggestion: &str) {
        match parse(line) {
            Err(CommandError::UnknownWithSuggestion {
                suggestion: found, ..
            }) => assert_eq!(found, suggestion),
            other => panic!("expected a suggestion, got {other:?}"),
        }
    }

    #[test]
    fn far_off_words_get_no_suggestion() {
        assert_eq!(parse(":xyzzy"), Err(CommandError::Unknown("xyzzy".into())));
        assert_eq!(parse(":x"), Err(CommandError::Unknown("x".into())));
    }

    #[test]
    fn arguments_are_checked() {
        assert_eq!(
            parse(":goto"),
            Err(CommandError::MissingArgument {
                name: "goto",
                argument: "N"
            })
        );
        assert!(matches!(
            parse(":run now"),
            Err(CommandError::UnexpectedArgument { name: "run", .. })
        ));
    }
}
