//! Whether the CUDA libraries can be loaded, asked before cudarc is: cudarc
//! loads them on its first call and panics when one is missing, or when it
//! lacks a function cudarc then calls. The probe tries the file names
//! cudarc tries, in its order, so what it finds is what cudarc will load;
//! they are looked up the usual way, so `LD_LIBRARY_PATH` points at a
//! library outside the system folders (NVRTC from PyPI's
//! `nvidia-cuda-nvrtc` wheel, for one).

/// The CUDA driver, with the functions this program reaches through cudarc.
pub fn driver(symbols: &[&str]) -> Result<(), String> {
    load_any(&["cuda", "nvcuda"], symbols).map_err(|missing| match missing {
        Missing::Library => {
            "the CUDA driver library (libcuda.so) cannot be loaded: no NVIDIA driver here".into()
        }
        Missing::Symbol(file, symbol) => {
            format!("{file} has no {symbol}: this program needs a CUDA 13 driver (580 or later)")
        }
    })
}

/// NVRTC, the run-time CUDA compiler.
pub fn nvrtc() -> Result<(), String> {
    load_any(&["nvrtc"], &[]).map_err(|_| {
        "NVRTC (libnvrtc.so.13) cannot be loaded: install the CUDA 13 toolkit, or \
         `pip install nvidia-cuda-nvrtc` and add its nvidia/cu13/lib to LD_LIBRARY_PATH"
            .into()
    })
}

#[derive(Debug, PartialEq, Eq)]
enum Missing {
    Library,
    Symbol(String, String),
}

/// Loads the first of cudarc's candidate files for `names` that loads, and
/// checks that it has every one of `symbols`.
fn load_any(names: &[&str], symbols: &[&str]) -> Result<(), Missing> {
    let candidates = names
        .iter()
        .flat_map(|name| cudarc::get_lib_name_candidates(name));
    for candidate in candidates {
        // SAFETY: loading runs the library's initialisers, as cudarc's own
        // loading of the same file does.
        let Ok(library) = (unsafe { libloading::Library::new(&candidate) }) else {
            continue;
        };
        for symbol in symbols {
            // SAFETY: the symbol is only looked up, never called.
            let found = unsafe { library.get::<unsafe extern "C" fn()>(symbol.as_bytes()) };
            if found.is_err() {
                return Err(Missing::Symbol(candidate, symbol.to_string()));
            }
        }
        return Ok(());
    }
    Err(Missing::Library)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_library_that_is_nowhere_is_missing() {
        assert_eq!(
            load_any(&["avance_no_such_lib"], &[]),
            Err(Missing::Library)
        );
    }

    #[test]
    fn a_library_without_a_function_is_reported_with_the_function() {
        // libgcc_s.so.1, one of cudarc's candidate names, is loaded by every
        // Rust program on Linux for unwinding, and has no CUDA function
        let result = load_any(&["gcc_s"], &["_Unwind_Resume", "cuEventElapsedTime_v2"]);
        let Err(Missing::Symbol(file, symbol)) = result else {
            panic!("{result:?}");
        };
        assert_eq!(file, "libgcc_s.so.1");
        assert_eq!(symbol, "cuEventElapsedTime_v2");
    }
}
