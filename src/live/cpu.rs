//! The processor time a process has used, all its threads together: the
//! time limit of live code is counted on the process evcxr runs it in, so
//! that compiling, which happens elsewhere (rustc, and evcxr's analysis in
//! this process), never counts, and `loop {}` does. Read from `/proc`;
//! elsewhere there is no answer, and the limit counts wall-clock time.

use std::time::Duration;

/// What process `pid` has used so far, or `None` where it cannot be read.
pub(super) fn used(pid: u32) -> Option<Duration> {
    #[cfg(target_os = "linux")]
    {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        // SAFETY: sysconf only reads a system setting.
        let ticks_per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) };
        let ticks = ticks_of(&stat)?;
        (ticks_per_second > 0)
            .then(|| Duration::from_secs_f64(ticks as f64 / ticks_per_second as f64))
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = pid;
        None
    }
}

/// User plus system time, in clock ticks, from a `/proc/PID/stat` line:
/// `PID (NAME) STATE ...`, fields 14 and 15, counted after the name, which
/// may hold spaces and parentheses.
#[cfg(any(target_os = "linux", test))]
fn ticks_of(stat: &str) -> Option<u64> {
    let after_name = stat.get(stat.rfind(')')? + 1..)?;
    let mut fields = after_name.split_whitespace().skip(11);
    let user: u64 = fields.next()?.parse().ok()?;
    let system: u64 = fields.next()?.parse().ok()?;
    Some(user + system)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_and_system_ticks_are_read_after_a_name_with_spaces() {
        let stat = "42 (a (b) c) R 1 42 42 0 -1 4194304 100 0 0 0 250 7 0 0 20 0 1 0";
        assert_eq!(ticks_of(stat), Some(257));
        assert_eq!(ticks_of("garbage"), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_busy_process_uses_time_and_a_sleeping_one_does_not() {
        let mut sleeping = std::process::Command::new("sleep")
            .arg("5")
            .spawn()
            .unwrap();
        let mut busy = std::process::Command::new("sh")
            .args(["-c", "while :; do :; done"])
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(600));
        let (slept, worked) = (used(sleeping.id()).unwrap(), used(busy.id()).unwrap());
        for child in [&mut sleeping, &mut busy] {
            child.kill().unwrap();
            child.wait().unwrap();
        }
        assert!(slept < Duration::from_millis(100), "{slept:?}");
        assert!(worked >= Duration::from_millis(100), "{worked:?}");
    }
}
