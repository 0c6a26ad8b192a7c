//! Slides taller than the terminal go through a pager, so that their title
//! and prose never scroll off the top: `$PAGER` when it is set, else
//! `less` with colours (`-R`), the last page left on the screen when it
//! quits (`-X`) and Ctrl-C quitting too (`-K`), with a prompt naming its
//! keys. Where no pager starts, the slide is printed as it is.

use std::io::{self, Write};
use std::process::{Command, Stdio};

/// The pager command, program first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pager {
    command: Vec<String>,
}

/// less's prompt: its keys, and where the reader is (ASCII: less prints
/// other characters of a prompt as codes).
const LESS_PROMPT: &str =
    "-PsSPACE next page, b back, arrows, / search, q back to the course (lines %lt-%lb)";

impl Pager {
    /// From `$PAGER` (split at spaces; empty or `cat` means no pager), else
    /// `less` with avance's options.
    pub fn from_env(pager: Option<&str>) -> Option<Pager> {
        let command: Vec<String> = match pager {
            Some(pager) => pager.split_whitespace().map(str::to_string).collect(),
            None => ["less", "-R", "-X", "-K", LESS_PROMPT]
                .map(str::to_string)
                .to_vec(),
        };
        match command.first().map(String::as_str) {
            None | Some("cat") => None,
            Some(_) => Some(Pager { command }),
        }
    }

    /// Shows `text` in the pager and waits for it to quit; an error when
    /// the pager could not start or failed, so the caller prints the text.
    pub fn page(&self, text: &[u8]) -> io::Result<()> {
        let mut command = Command::new(&self.command[0]);
        command.args(&self.command[1..]).stdin(Stdio::piped());
        // The slides are UTF-8 whatever the locale says.
        if std::env::var_os("LESSCHARSET").is_none() {
            command.env("LESSCHARSET", "utf-8");
        }
        let mut child = command.spawn()?;
        if let Some(mut stdin) = child.stdin.take() {
            // The reader may quit before reading it all: not an error.
            match stdin.write_all(text) {
                Err(error) if error.kind() != io::ErrorKind::BrokenPipe => return Err(error),
                _ => {}
            }
        }
        let status = child.wait()?;
        // Ctrl-C in the pager quits it: it stopped nothing of the REPL's.
        crate::interrupt::take();
        if status.success() || status.code().is_none() {
            Ok(())
        } else {
            Err(io::Error::other(crate::tr!(
                "pager-ended",
                pager = self.command[0].as_str(),
                status = status.to_string()
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pager_is_less_unless_the_environment_names_another_or_none() {
        let less = Pager::from_env(None).unwrap();
        assert_eq!(less.command[..4], ["less", "-R", "-X", "-K"]);
        assert_eq!(
            Pager::from_env(Some("most -s")).unwrap().command,
            ["most", "-s"]
        );
        assert_eq!(Pager::from_env(Some("")), None);
        assert_eq!(Pager::from_env(Some("cat")), None);
    }

    #[test]
    fn the_text_reaches_the_pager_and_a_failing_one_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join("paged");
        let pager = Pager {
            command: vec![
                "sh".into(),
                "-c".into(),
                format!("cat > {}", copy.display()),
            ],
        };
        pager.page(b"slide\n").unwrap();
        assert_eq!(std::fs::read_to_string(&copy).unwrap(), "slide\n");
        let failing = Pager {
            command: vec!["false".into()],
        };
        assert!(failing.page(b"slide\n").is_err());
        let missing = Pager {
            command: vec!["no-such-pager-here".into()],
        };
        assert!(missing.page(b"slide\n").is_err());
    }
}
