//! Where live Rust compiles: the build folder kept between sessions and
//! locked by one at a time (or a temporary one), its cargo configuration,
//! and the checks made before live Rust starts (`AVANCE_LIVE`, a toolchain).

use std::fs::File;
use std::path::{Path, PathBuf};

use super::{LIVE_ENV, LiveError};

/// Chooses and prepares live Rust's build folder, and points evcxr at it
/// (`EVCXR_TMPDIR`, which evcxr reads when the worker starts it) and at
/// its configuration there (`EVCXR_CONFIG_DIR`, see [`EVCXR_CONFIG`]); `kept` is
/// the folder kept between sessions, if there is one (`None`: a temporary
/// folder). An error says why live Rust will not start.
///
/// # Safety
/// It sets an environment variable: no other thread of this process may be
/// running (`std::env::set_var`'s contract). The REPL's command calls it
/// first, on the main thread.
pub unsafe fn prepare(kept: Option<&Path>) -> Result<BuildFolder, LiveError> {
    if let Some(reason) = disabled_by_env() {
        return Err(reason);
    }
    toolchain()?;
    let folder = BuildFolder::prepare(kept)?;
    // SAFETY: the caller guarantees that no other thread runs.
    unsafe {
        std::env::set_var("EVCXR_TMPDIR", folder.evcxr_dir());
        std::env::set_var("EVCXR_CONFIG_DIR", folder.evcxr_config_dir());
    }
    Ok(folder)
}

fn disabled_by_env() -> Option<LiveError> {
    let value = std::env::var(LIVE_ENV).ok()?;
    matches!(value.as_str(), "off" | "0").then_some(LiveError::Off {
        var: LIVE_ENV,
        value,
    })
}

/// evcxr needs cargo and rustc on PATH.
fn toolchain() -> Result<(), LiveError> {
    let missing: Vec<&'static str> = ["cargo", "rustc"]
        .into_iter()
        .filter(|tool| find_on_path(tool).is_none())
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(LiveError::NoToolchain { missing })
    }
}

pub(super) fn find_on_path(tool: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(tool))
        .find(|candidate| candidate.is_file())
}

/// Where evcxr compiles: the kept folder, locked for this session, or a
/// temporary one when another session holds it or there is none.
///
/// Either way evcxr's folder sits one level down, beside a cargo
/// configuration that keeps every dependency at `opt-level` 2: the
/// student's code compiles at level 0 for a quick answer and at 2 for
/// `:timeit`, and neither switch rebuilds the lessons' crates.
pub struct BuildFolder {
    /// Without symbolic links (see [`resolved`]).
    pub(super) root: PathBuf,
    pub(super) _held: Held,
}

/// What keeps the folder this session's: the kept folder's lock, or the
/// temporary folder itself (removed when dropped).
pub(super) enum Held {
    Lock { _file: File },
    Temporary { _dir: tempfile::TempDir },
}

/// The build folder's path without symbolic links: rustc writes the path
/// from a compiled library to Rust's own as a relative `RUNPATH`, and gets
/// it wrong when the folder is reached through a link (the library then
/// cannot be loaded: "dlopen failed").
fn resolved(root: &Path) -> Result<PathBuf, LiveError> {
    std::fs::canonicalize(root).map_err(|e| LiveError::BuildFolder {
        path: root.to_path_buf(),
        reason: e.to_string(),
    })
}

/// Cargo reads `.cargo/config.toml` in every folder above the one it runs
/// in; evcxr writes its own one level down, so this one is merged with it.
///
/// What runs only while compiling (the derive macros of `thiserror` and
/// what they are built with) stays at level 0, as cargo leaves build
/// scripts: optimised, it was the preparation's longest chain (syn, then
/// thiserror-impl), for no gain.
const DEPENDENCIES_OPTIMIZED: &str = "# Written by avance: the lessons' crates stay optimised whatever\n\
# level live code is compiled at; what runs only while compiling does not.\n\
[profile.dev.package.\"*\"]\nopt-level = 2\n\
[profile.dev.package.proc-macro2]\nopt-level = 0\n\
[profile.dev.package.quote]\nopt-level = 0\n\
[profile.dev.package.syn]\nopt-level = 0\n\
[profile.dev.package.unicode-ident]\nopt-level = 0\n\
[profile.dev.package.thiserror-impl]\nopt-level = 0\n";

/// evcxr's configuration for live Rust: its context starts at the level
/// typed code compiles at. At evcxr's default (2), the first program built
/// when the context starts has another manifest than the student's first
/// input, and rust-analyzer loads the workspace and the standard library
/// again for it: 1.9 s more before the first answer. A student's own evcxr
/// configuration (its `:dep`s, its prelude) is not run by this program.
fn evcxr_config() -> String {
    format!(
        "# Written by avance: live Rust's evcxr starts at the level typed code\n\
         # compiles at.\n[evcxr]\nopt_level = \"{}\"\n",
        super::worker::QUICK
    )
}

/// The file [`evcxr_config`] is written to, in [`BuildFolder::evcxr_config_dir`].
const EVCXR_CONFIG: &str = "evcxr.toml";

impl BuildFolder {
    pub(super) fn prepare(kept: Option<&Path>) -> Result<BuildFolder, LiveError> {
        let (root, held) = match kept.and_then(|root| Some((root, lock_build_dir(root)?))) {
            Some((root, lock)) => {
                move_first_layout(root);
                (root.to_path_buf(), Held::Lock { _file: lock })
            }
            None => {
                let dir = tempfile::Builder::new()
                    .prefix("avance-live")
                    .tempdir()
                    .map_err(|e| LiveError::BuildFolder {
                        path: std::env::temp_dir(),
                        reason: e.to_string(),
                    })?;
                (dir.path().to_path_buf(), Held::Temporary { _dir: dir })
            }
        };
        let folder = BuildFolder {
            root: resolved(&root)?,
            _held: held,
        };
        super::crates::restore(&folder.root);
        let config = folder.root.join(".cargo").join("config.toml");
        std::fs::create_dir_all(folder.root.join(".cargo"))
            .and_then(|()| std::fs::write(&config, DEPENDENCIES_OPTIMIZED))
            .map_err(|e| LiveError::BuildFolder {
                path: config.clone(),
                reason: e.to_string(),
            })?;
        let evcxr_file = folder.evcxr_config_dir().join(EVCXR_CONFIG);
        std::fs::create_dir_all(folder.evcxr_config_dir())
            .and_then(|()| std::fs::write(&evcxr_file, evcxr_config()))
            .map_err(|e| LiveError::BuildFolder {
                path: evcxr_file.clone(),
                reason: e.to_string(),
            })?;
        Ok(folder)
    }

    pub(super) fn evcxr_dir(&self) -> PathBuf {
        self.root.join("evcxr")
    }

    pub(super) fn evcxr_config_dir(&self) -> PathBuf {
        self.root.join("evcxr-config")
    }
}

/// Before evcxr's folder moved one level down, evcxr built in the kept
/// folder itself: its compiled crates move down with it (they do not depend
/// on where the folder is), and its generated crate goes.
fn move_first_layout(root: &Path) {
    let (old_target, new_target) = (root.join("target"), root.join("evcxr").join("target"));
    if !old_target.is_dir() || new_target.exists() {
        return;
    }
    if std::fs::create_dir_all(root.join("evcxr")).is_ok()
        && std::fs::rename(&old_target, &new_target).is_ok()
    {
        let _ = std::fs::remove_dir_all(root.join("src"));
        for generated in ["Cargo.toml", "Cargo.lock"] {
            let _ = std::fs::remove_file(root.join(generated));
        }
    }
}

/// Locks the kept build folder for this session; `None` when another
/// session holds it or it cannot be created.
fn lock_build_dir(dir: &Path) -> Option<File> {
    std::fs::create_dir_all(dir).ok()?;
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join("avance.lock"))
        .ok()?;
    file.try_lock().ok()?;
    Some(file)
}
