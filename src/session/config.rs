//! The student's settings: `config.toml` in the config folder, today the
//! theme (`theme = "light"` or `theme = "dark"`). No file is no setting; a
//! file that cannot be read or parsed is an error of one line that names
//! the file, the line and what would be right, and the caller goes on
//! without it.

use std::path::{Path, PathBuf};

use crate::bounded::{self, Unreadable};
use crate::render::theme::Background;

/// What `config.toml` may set.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The code's colours, for a dark or a light terminal.
    pub theme: Option<Background>,
}

/// Why the config file was not used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}: {reason}", path.display())]
    Unreadable { path: PathBuf, reason: Unreadable },
    #[error("{}, line {line}: {message}", path.display())]
    Invalid {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

/// A settings file is a few lines; more is not one.
const MAX_BYTES: u64 = 64 * 1024;

impl Config {
    /// The settings in `path`; none when there is no such file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let bytes = match bounded::read_regular(path, MAX_BYTES, "a config file") {
            Ok(bytes) => bytes,
            Err(Unreadable::Io(error)) if error.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Config::default());
            }
            Err(reason) => {
                return Err(ConfigError::Unreadable {
                    path: path.to_path_buf(),
                    reason,
                });
            }
        };
        let text = String::from_utf8_lossy(&bytes);
        toml::from_str(&text).map_err(|error| ConfigError::Invalid {
            path: path.to_path_buf(),
            line: error
                .span()
                .map_or(1, |span| text[..span.start].matches('\n').count() + 1),
            message: error.message().trim().replace('\n', " "),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Config, ConfigError> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, text).unwrap();
        Config::load(&path)
    }

    #[test]
    fn the_theme_is_read_and_no_file_is_no_setting() {
        assert_eq!(
            load("theme = \"light\"\n").unwrap().theme,
            Some(Background::Light)
        );
        assert_eq!(load("# nothing yet\n").unwrap(), Config::default());
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            Config::load(&dir.path().join("none.toml")).unwrap(),
            Config::default()
        );
    }

    #[test]
    fn a_wrong_value_or_key_is_one_line_naming_the_file_line_and_the_right_values() {
        let error = load("\n\ntheme = \"blue\"\n").unwrap_err().to_string();
        assert!(
            error.ends_with(
                "config.toml, line 3: unknown variant `blue`, expected `dark` or `light`"
            ),
            "{error}"
        );
        let error = load("colour = 1\n").unwrap_err().to_string();
        assert!(
            error.contains("line 1: unknown field `colour`, expected `theme`"),
            "{error}"
        );
        assert!(!error.contains('\n'), "{error}");
        let dir = tempfile::tempdir().unwrap();
        let error = Config::load(dir.path()).unwrap_err().to_string();
        assert!(error.contains("not a regular file"), "{error}");
    }
}
