//! The crates the lessons' Rust uses, as evcxr's `:dep` lines name them:
//! `avance` itself (a path dependency on the source this program was built
//! from, without its terminal part) and the crates snippets name. Live Rust
//! loads a few of them on first mention; a notebook's first cell loads
//! those its lesson's snippets use.

use std::path::{Path, PathBuf};

/// A crate a snippet may name: how code writes it, and its `:dep`
/// specification (the version and features of this project's Cargo.toml,
/// which a test compares).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Crate {
    /// The name in paths, `tracing_subscriber`.
    pub ident: &'static str,
    /// `name = spec`, as a `:dep` line or Cargo.toml takes it.
    pub spec: &'static str,
}

/// Every crate besides `avance` that the lessons' snippets use.
pub const CRATES: [Crate; 10] = [
    Crate {
        ident: "ndarray",
        spec: "ndarray = \"0.17\"",
    },
    Crate {
        ident: "rayon",
        spec: "rayon = \"1.11\"",
    },
    Crate {
        ident: "rand",
        spec: "rand = \"0.9\"",
    },
    Crate {
        ident: "log",
        spec: "log = \"0.4.35\"",
    },
    Crate {
        ident: "tracing",
        spec: "tracing = \"0.1.44\"",
    },
    Crate {
        ident: "tracing_subscriber",
        spec: "tracing-subscriber = { version = \"0.3.23\", default-features = false, features = [\"fmt\", \"registry\", \"std\"] }",
    },
    Crate {
        ident: "time",
        spec: "time = { version = \"0.3.45\", features = [\"formatting\", \"local-offset\", \"macros\"] }",
    },
    Crate {
        ident: "fluent_bundle",
        spec: "fluent-bundle = \"0.16\"",
    },
    Crate {
        ident: "unic_langid",
        spec: "unic-langid = \"0.9\"",
    },
    Crate {
        ident: "tokio",
        spec: "tokio = { version = \"1.54.1\", default-features = false, features = [\"rt\", \"time\"] }",
    },
];

/// The crate this program was built from, as `avance` in code.
pub const AVANCE: &str = "avance";

/// Whether `code` names the crate `ident` as a path's first segment
/// (`ndarray::Array2`, `use time::macros`), not as a later one
/// (`std::time::Duration`) nor inside a longer name (`avancement`).
pub fn names(code: &str, ident: &str) -> bool {
    let pattern = format!("{ident}::");
    code.match_indices(&pattern).any(|(at, _)| {
        let before = &code[..at];
        let previous = before.chars().next_back();
        !before.ends_with("::") && !previous.is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

/// The other crates `code` names, in the order of [`CRATES`].
pub fn used_by(code: &str) -> Vec<Crate> {
    CRATES
        .into_iter()
        .filter(|krate| names(code, krate.ident))
        .collect()
}

/// The source `avance` was built from is gone: the program was moved away
/// from it, and `:dep` cannot name it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("avance's source is not at {} any more", .0.display())]
pub struct SourceMissing(pub PathBuf);

/// `avance`'s `:dep` specification, with `features` on top of the light
/// library, on the source this program was built from.
pub fn avance_spec(features: &[&str]) -> Result<String, SourceMissing> {
    Ok(avance_spec_at(&source_at_hand()?, features))
}

/// `avance`'s `:dep` specification on the source at `path` (a relative
/// path is the kernel's: Jupyter's is the notebook's folder), with
/// `features` on top of the light library.
pub fn avance_spec_at(path: &Path, features: &[&str]) -> String {
    let features = if features.is_empty() {
        String::new()
    } else {
        let quoted: Vec<String> = features.iter().map(|f| format!("{f:?}")).collect();
        format!(", features = [{}]", quoted.join(", "))
    };
    format!(
        "avance = {{ path = {:?}, default-features = false{features} }}",
        path.display().to_string()
    )
}

/// The source this program was built from, if it is still there.
pub fn source_at_hand() -> Result<PathBuf, SourceMissing> {
    let source = avance_source();
    if source.join("Cargo.toml").is_file() {
        Ok(source.to_path_buf())
    } else {
        Err(SourceMissing(source.to_path_buf()))
    }
}

/// The folder of the source this program was built from.
pub fn avance_source() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_crate_is_named_by_a_paths_first_segment_only() {
        assert!(names("avance::timeit::timeit(|| 1)", "avance"));
        assert!(names("use ndarray::Array2;", "ndarray"));
        assert!(names(
            "(0..9).into_par_iter(); use rayon::prelude::*;",
            "rayon"
        ));
        assert!(names(
            "let f = time::macros::format_description!(\"x\");",
            "time"
        ));
        assert!(!names("use std::time::Duration;", "time"));
        assert!(!names("let avancement::x = 1;", "avance"));
        assert!(!names("println!(\"{}\", 1 + 1)", "avance"));
        let used: Vec<&str> = used_by("use tracing_subscriber::fmt; tracing::info!(\"x\");")
            .iter()
            .map(|krate| krate.ident)
            .collect();
        assert_eq!(used, ["tracing", "tracing_subscriber"]);
    }

    #[test]
    fn avance_is_named_by_path_without_its_terminal_part() {
        let spec = avance_spec(&[]).unwrap();
        assert!(spec.starts_with("avance = { path = "), "{spec}");
        assert!(spec.ends_with("default-features = false }"), "{spec}");
        let spec = avance_spec(&["profile", "tokio"]).unwrap();
        assert!(
            spec.ends_with("default-features = false, features = [\"profile\", \"tokio\"] }"),
            "{spec}"
        );
    }

    /// Each `:dep` asks for the version and features this project builds
    /// with, so a notebook compiles what `avance check` ran.
    #[test]
    fn every_spec_matches_the_projects_cargo_toml() {
        let manifest = include_str!("../Cargo.toml");
        let (_, dependencies) = manifest.split_once("\n[dependencies]\n").unwrap();
        let (dependencies, _) = dependencies.split_once("\n[").unwrap();
        for krate in CRATES {
            let (name, spec) = krate.spec.split_once(" = ").unwrap();
            assert_eq!(name.replace('-', "_"), krate.ident);
            let line = dependencies
                .lines()
                .find(|line| line.starts_with(&format!("{name} = ")))
                .unwrap_or_else(|| panic!("{name} is not a dependency in Cargo.toml"));
            let version = spec
                .split('"')
                .find(|part| part.starts_with(|c: char| c.is_ascii_digit()))
                .unwrap();
            assert!(line.contains(&format!("\"{version}\"")), "{line} vs {spec}");
            for feature in spec
                .split("features = [")
                .nth(1)
                .into_iter()
                .flat_map(|list| list.split('"').skip(1).step_by(2))
            {
                assert!(
                    line.contains(&format!("\"{feature}\"")),
                    "{line} lacks {feature}"
                );
            }
        }
    }
}
