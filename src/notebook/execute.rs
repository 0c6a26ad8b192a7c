//! `avance notebook --execute`: the notebooks written are run by Jupyter's
//! executor (nbclient, through `execute.py`, the driver the tests use) on
//! the evcxr kernel, and rewritten with every cell's outputs, so they open
//! with their results. The kernel starts in the notebooks' folder, with
//! Rust's shared libraries on its library path as the live worker has them.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The driver: each notebook in a fresh kernel, its outputs written back.
const DRIVER: &str = include_str!("execute.py");

/// What Jupyter must have to run the notebooks, checked before any runs:
/// nbclient, and the kernels named after it (evcxr's `rust`; ipykernel's
/// `python3` for `--python`'s notebooks).
const PROBE: &str = "import sys, nbclient, nbformat\n\
                     from jupyter_client.kernelspec import KernelSpecManager\n\
                     for name in sys.argv[1:]: KernelSpecManager().get_kernel_spec(name)";

/// Why the notebooks were not executed, or not all of them cleanly.
#[derive(Debug, thiserror::Error)]
pub enum ExecuteError {
    #[error(
        "--execute needs python3 with nbclient and the evcxr kernel (pip install nbclient; cargo install evcxr_jupyter && evcxr_jupyter --install), and ipykernel for --python (pip install ipykernel): {0}"
    )]
    NoJupyter(String),
    #[error("a cell failed (its message above); the notebooks are written with their outputs")]
    CellFailed,
}

/// `python3` if a notebook is for the Python kernel (`--python`'s).
fn python_kernel(notebooks: &[PathBuf]) -> Option<&'static str> {
    let python = notebooks.iter().any(|path| {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        name.ends_with(".python.ipynb")
    });
    python.then_some("python3")
}

/// Runs `notebooks` (files in `folder`) and writes them back with their
/// outputs; the driver's progress and failures go to the terminal.
pub fn execute(folder: &Path, notebooks: &[PathBuf]) -> Result<(), ExecuteError> {
    let probe = Command::new("python3")
        .args(["-c", PROBE, "rust"])
        .args(python_kernel(notebooks))
        .output()
        .map_err(|e| ExecuteError::NoJupyter(format!("python3: {e}")))?;
    if !probe.status.success() {
        let stderr = String::from_utf8_lossy(&probe.stderr);
        let why = stderr.lines().last().unwrap_or("python3 failed");
        return Err(ExecuteError::NoJupyter(why.to_string()));
    }
    let mut driver = Command::new("python3");
    driver.args(["-c", DRIVER]).arg(folder).args(notebooks);
    crate::live::find_rust_libraries(&mut driver);
    let status = driver
        .status()
        .map_err(|e| ExecuteError::NoJupyter(format!("python3: {e}")))?;
    if status.success() {
        Ok(())
    } else {
        Err(ExecuteError::CellFailed)
    }
}
