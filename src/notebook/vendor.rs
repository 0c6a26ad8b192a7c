//! `avance notebook --vendor`: a copy of the light `avance` crate (the
//! library `:dep avance` builds with `default-features = false`, and the
//! features a notebook may add) written beside the notebooks, so that the
//! folder can be zipped and handed to a class and its notebooks load the
//! crate from `avance/`, wherever the folder goes.
//!
//! The copy holds only what that build reads: the build script, the light
//! modules (`CRATE_FILES`), `Cargo.lock`, and a manifest cut down from this
//! project's to the light features and their dependencies. The lessons stay
//! out: the light library does not embed them. A test checks the list
//! against the files cargo says the copy's build read.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The folder the copy is written to, inside the notebooks' folder; the
/// notebooks' `:dep` line names it relatively.
pub const FOLDER: &str = "avance";

/// The features kept: the light library's, which a notebook's first cell
/// may turn on (`notebook::FEATURES`). The others need the terminal program.
pub const LIGHT_FEATURES: [&str; 4] = ["gpu", "profile", "progress", "tokio"];

/// The light library's files, with every light feature on or off.
const CRATE_FILES: [&str; 36] = [
    "Cargo.lock",
    "build.rs",
    "kernels/convolve_naive.cu",
    "kernels/convolve_tiled.cu",
    "src/conv/gpu.rs",
    "src/conv/gpu/absent.rs",
    "src/conv/gpu/cuda.rs",
    "src/conv/gpu/cuda/timing.rs",
    "src/conv/gpu/floor.rs",
    "src/conv/gpu/plan.rs",
    "src/conv/gpu/probe.rs",
    "src/conv/mod.rs",
    "src/conv/naive.rs",
    "src/conv/optimized.rs",
    "src/conv/optimized/tiles.rs",
    "src/conv/parallel.rs",
    "src/conv/windows.rs",
    "src/elementwise.rs",
    "src/elementwise/vmath.rs",
    "src/example_crate.rs",
    "src/lib.rs",
    "src/machine.rs",
    "src/measure.rs",
    "src/parallel/cpu_bound.rs",
    "src/parallel/heavy.rs",
    "src/parallel/mod.rs",
    "src/parallel/progress.rs",
    "src/parallel/rayon_pool.rs",
    "src/parallel/threads.rs",
    "src/parallel/tokio_async.rs",
    "src/profile.rs",
    "src/profile/example.rs",
    "src/report/bench.rs",
    "src/report/html.rs",
    "src/report/mod.rs",
    "src/timeit.rs",
];

/// Why the copy could not be written.
#[derive(Debug, thiserror::Error)]
pub enum VendorError {
    #[error("cannot read {}: {source}", .path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write {}: {source}", .path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("avance's Cargo.toml: {0}")]
    Manifest(String),
}

/// Every file of the copy but its manifest, as project paths.
pub fn files() -> BTreeSet<String> {
    CRATE_FILES.iter().map(|path| path.to_string()).collect()
}

/// Copies the light crate from the source at `source` into `to` (created
/// if missing; files there are overwritten) and returns the files written.
pub fn vendor(source: &Path, to: &Path) -> Result<Vec<PathBuf>, VendorError> {
    let mut written = Vec::new();
    for file in files() {
        let text = read(&source.join(&file))?;
        written.push(write(&to.join(&file), &text)?);
    }
    let manifest = light_manifest(&read(&source.join("Cargo.toml"))?)?;
    written.push(write(&to.join("Cargo.toml"), &manifest)?);
    Ok(written)
}

fn read(path: &Path) -> Result<String, VendorError> {
    std::fs::read_to_string(path).map_err(|source| VendorError::Read {
        path: path.to_path_buf(),
        source,
    })
}

fn write(path: &Path, text: &str) -> Result<PathBuf, VendorError> {
    let failed = |source| VendorError::Write {
        path: path.to_path_buf(),
        source,
    };
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(failed)?;
    }
    crate::export::write_file(path, text).map_err(failed)?;
    Ok(path.to_path_buf())
}

/// The parts of the project's manifest that decide what the copy's keeps.
struct Light {
    /// Each light feature's list, as the project declares it.
    features: BTreeMap<String, Vec<String>>,
    /// The dependencies kept: the required ones and the light features'.
    dependencies: BTreeSet<String>,
    /// The same for the build script's (none: its work is the terminal
    /// program's).
    build_dependencies: BTreeSet<String>,
    /// The features dropped, which the sources still name in `cfg`s.
    dropped: Vec<String>,
}

/// `manifest` (this project's Cargo.toml) cut down to the light library:
/// its package, the light features (none by default), their dependencies
/// and the build's; no binaries, benchmarks, tests or dev-dependencies,
/// whose files are not copied. Comments stay with what they describe.
pub fn light_manifest(manifest: &str) -> Result<String, VendorError> {
    let light = light_parts(manifest)?;
    let mut out = String::new();
    for (section, lines) in sections(manifest) {
        match section.as_str() {
            "" | "[package]" => keep_lines(&mut out, &lines, |key| key != "default-run"),
            "[features]" => features_section(&mut out, &light),
            "[dependencies]" => {
                keep_lines(&mut out, &lines, |key| light.dependencies.contains(key))
            }
            "[build-dependencies]" if !light.build_dependencies.is_empty() => {
                keep_lines(&mut out, &lines, |key| {
                    light.build_dependencies.contains(key)
                })
            }
            _ => continue,
        }
    }
    let dropped: Vec<String> = light.dropped.iter().map(|f| format!("{f:?}")).collect();
    // The sources keep their `cfg(feature = "cli")` items: without the
    // features declared, rustc would warn on each in every notebook.
    out.push_str(&format!(
        "[lints.rust]\nunexpected_cfgs = {{ level = \"warn\", check-cfg = ['cfg(feature, values({}))'] }}\n\n",
        dropped.join(", ")
    ));
    // Its own workspace: unpacked inside another cargo project, it still builds.
    out.push_str("[workspace]\n");
    Ok(out)
}

fn light_parts(manifest: &str) -> Result<Light, VendorError> {
    let table: toml::Table = manifest
        .parse()
        .map_err(|e: toml::de::Error| VendorError::Manifest(e.message().to_string()))?;
    let declared = table
        .get("features")
        .and_then(toml::Value::as_table)
        .ok_or_else(|| VendorError::Manifest("no [features] table".into()))?;
    let mut features = BTreeMap::new();
    for name in LIGHT_FEATURES {
        let list = declared
            .get(name)
            .and_then(toml::Value::as_array)
            .ok_or_else(|| VendorError::Manifest(format!("no feature `{name}`")))?;
        let list = list
            .iter()
            .filter_map(toml::Value::as_str)
            .map(String::from);
        features.insert(name.to_string(), list.collect::<Vec<_>>());
    }
    let enabled: BTreeSet<String> = features
        .values()
        .flatten()
        .filter_map(|item| item.strip_prefix("dep:"))
        .map(String::from)
        .collect();
    let dropped = declared
        .keys()
        .filter(|name| *name != "default" && !features.contains_key(*name))
        .cloned()
        .collect();
    Ok(Light {
        dependencies: kept_dependencies(&table, "dependencies", &enabled)?,
        build_dependencies: kept_dependencies(&table, "build-dependencies", &enabled)?,
        features,
        dropped,
    })
}

/// The dependencies of `section` that the light library builds with: the
/// required ones, and the optional ones a light feature `enabled`.
fn kept_dependencies(
    table: &toml::Table,
    section: &str,
    enabled: &BTreeSet<String>,
) -> Result<BTreeSet<String>, VendorError> {
    let dependencies = table
        .get(section)
        .and_then(toml::Value::as_table)
        .ok_or_else(|| VendorError::Manifest(format!("no [{section}] table")))?;
    let optional = |spec: &toml::Value| spec.get("optional").and_then(toml::Value::as_bool);
    Ok(dependencies
        .iter()
        .filter(|(name, spec)| optional(spec) != Some(true) || enabled.contains(*name))
        .map(|(name, _)| name.clone())
        .collect())
}

/// The manifest's lines by section header (`""` before the first).
fn sections(manifest: &str) -> Vec<(String, Vec<&str>)> {
    let mut sections = vec![(String::new(), Vec::new())];
    for line in manifest.lines() {
        if line.starts_with('[') {
            sections.push((line.trim().to_string(), vec![line]));
        } else if let Some((_, lines)) = sections.last_mut() {
            lines.push(line);
        }
    }
    sections
}

/// Copies the section's header and each `key = ...` line whose key
/// `keep` accepts, with the comments just above it.
fn keep_lines(out: &mut String, lines: &[&str], keep: impl Fn(&str) -> bool) {
    let mut comments = Vec::new();
    for line in lines {
        let trimmed = line.trim();
        if trimmed.starts_with('#') {
            comments.push(*line);
            continue;
        }
        let key = trimmed.split('=').next().unwrap_or("").trim();
        if trimmed.is_empty() || trimmed.starts_with('[') || keep(key) {
            for kept in comments.drain(..).chain([*line]) {
                out.push_str(kept);
                out.push('\n');
            }
        }
        comments.clear();
    }
}

fn features_section(out: &mut String, light: &Light) {
    out.push_str(
        "[features]\n# The light library alone, as `:dep avance` with `default-features = false`\n# loads it; the features a notebook's first cell may add.\ndefault = []\n",
    );
    for (name, list) in &light.features {
        let quoted: Vec<String> = list.iter().map(|item| format!("{item:?}")).collect();
        out.push_str(&format!("{name} = [{}]\n", quoted.join(", ")));
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    const MANIFEST: &str = include_str!("../../Cargo.toml");

    #[test]
    fn the_light_manifest_keeps_the_light_features_and_their_dependencies() {
        let light = light_manifest(MANIFEST).unwrap();
        let table: toml::Table = light.parse().unwrap();
        let features = table["features"].as_table().unwrap();
        let names: Vec<&String> = features.keys().collect();
        assert_eq!(names, ["default", "gpu", "profile", "progress", "tokio"]);
        let dependencies = table["dependencies"].as_table().unwrap();
        for kept in [
            "thiserror",
            "ndarray",
            "cudarc",
            "pprof",
            "indicatif",
            "tokio",
        ] {
            assert!(dependencies.contains_key(kept), "{kept} dropped:\n{light}");
        }
        for dropped in [
            "clap",
            "evcxr",
            "salsa",
            "mpi",
            "serde",
            "anyhow",
            "pulldown-cmark",
            "fluent-bundle",
            "tracing",
            "time",
        ] {
            assert!(
                !dependencies.contains_key(dropped),
                "{dropped} kept:\n{light}"
            );
        }
        for gone in ["bin", "bench", "dev-dependencies", "profile"] {
            assert!(!table.contains_key(gone), "[{gone}] kept:\n{light}");
        }
        assert!(table["package"].get("default-run").is_none());
        // The build script's work (the lessons) is the terminal program's.
        assert!(!table.contains_key("build-dependencies"), "{light}");
        assert!(
            light.contains("values(\"bench\", \"cli\", \"mpi\")"),
            "{light}"
        );
        // A dependency's comment goes with it.
        assert!(!light.contains("grades an answer on every save"), "{light}");
        assert!(
            light.contains("# The GPU: driver and NVRTC only"),
            "{light}"
        );
    }

    #[test]
    fn the_light_features_are_those_a_notebook_may_ask_for() {
        let asked: Vec<&str> = crate::notebook::FEATURES.iter().map(|(f, _)| *f).collect();
        assert_eq!(asked, LIGHT_FEATURES);
    }

    #[test]
    fn the_copy_holds_the_light_modules_and_no_lesson() {
        let files = files();
        assert!(files.contains("src/lib.rs") && files.contains("build.rs"));
        assert!(files.contains("src/conv/mod.rs"));
        assert!(!files.iter().any(|file| file.starts_with("lessons/")));
        assert!(!files.iter().any(|file| file.starts_with("src/commands")));
        assert!(!files.iter().any(|file| file.starts_with("src/lesson/")));
    }
}
