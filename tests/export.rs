//! `avance export`: the HTML page, opened in headless Chromium (Debian's
//! `chromium`) and driven through the DevTools protocol over
//! `--remote-debugging-pipe`: real key presses (Input.dispatchKeyEvent), the
//! slide shown read back from the page, and a screenshot.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::os::fd::AsRawFd;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// An output block that does not say what the snippet prints: `check`
/// fails it, and the page marks the same snippet as not doing what its
/// slide says (one verdict for both).
#[test]
fn export_and_check_agree_on_a_lying_output_block() {
    let home = tempfile::tempdir().unwrap();
    let lessons = home.path().join("lessons");
    std::fs::create_dir_all(&lessons).unwrap();
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/lessons/01-underscore.md"
    ))
    .unwrap();
    let lie = text.replacen(
        "10000 1000000 65535 170 9.80665",
        "10000 1000000 65535 170 9.8",
        1,
    );
    assert_ne!(
        lie, text,
        "the lesson no longer has the line this test edits"
    );
    std::fs::write(lessons.join("01-underscore.md"), lie).unwrap();

    let check = common::avance(home.path())
        .arg("--lessons")
        .arg(&lessons)
        .args(["check", "underscore"])
        .output()
        .unwrap();
    let check_out = String::from_utf8_lossy(&check.stdout);
    assert!(!check.status.success(), "{check_out}");
    assert!(check_out.contains("FAILED 01-underscore/2:"), "{check_out}");

    let out = tempfile::tempdir().unwrap();
    let export = common::avance(home.path())
        .arg("--lessons")
        .arg(&lessons)
        .args(["export", "underscore", "--html"])
        .arg(out.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&export.stderr);
    assert!(export.status.success(), "{stderr}");
    assert!(
        stderr.contains("01-underscore/2 did not do what its slide says"),
        "{stderr}"
    );
    let page = std::fs::read_to_string(out.path().join("01-underscore.html")).unwrap();
    let failed = page
        .split("<div class=\"output failed\">")
        .nth(1)
        .expect("the page marks a failed output");
    assert!(failed.contains("Output of 01-underscore/2"), "{failed}");
    assert!(
        failed.contains("10000 1000000 65535 170 9.80665"),
        "{failed}"
    );
    assert!(failed.contains("output block (line"), "{failed}");
    // Only that one: every other snippet agrees with its block.
    assert_eq!(page.matches("output failed").count(), 1);
}

#[test]
fn export_refuses_to_overwrite_without_force() {
    let home = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let page = out.path().join("01-underscore.html");
    std::fs::write(&page, "mine").unwrap();
    let refused = common::avance(home.path())
        .args(["export", "underscore", "--html"])
        .arg(out.path())
        .output()
        .unwrap();
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("already exists; pass --force"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&page).unwrap(), "mine", "untouched");

    let forced = common::avance(home.path())
        .args(["export", "underscore", "--force", "--html"])
        .arg(out.path())
        .output()
        .unwrap();
    assert!(forced.status.success(), "{forced:?}");
    assert!(
        std::fs::read_to_string(&page)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );

    let neither = common::avance(home.path())
        .args(["export", "--html"])
        .arg(out.path())
        .output()
        .unwrap();
    assert!(!neither.status.success(), "a lesson or --all is required");
}

/// A DevTools protocol connection over Chromium's pipe: JSON messages, each
/// ended by a NUL byte, on its fds 3 (to Chromium) and 4 (from Chromium).
struct Browser {
    child: Child,
    to: std::io::PipeWriter,
    from: BufReader<std::io::PipeReader>,
    next_id: u64,
    session: Option<String>,
}

impl Browser {
    fn launch(profile: &Path) -> Browser {
        let (their_in, to) = std::io::pipe().expect("a pipe");
        let (from, their_out) = std::io::pipe().expect("a pipe");
        let (read_fd, write_fd) = (their_in.as_raw_fd(), their_out.as_raw_fd());
        let mut command = Command::new("chromium");
        command
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--remote-debugging-pipe",
                "--window-size=1280,800",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        // SAFETY: only async-signal-safe calls (fcntl, dup2) between fork
        // and exec. The fds are first moved above 10, so that placing one
        // on 3 cannot overwrite the other.
        unsafe {
            command.pre_exec(move || {
                let read = libc::fcntl(read_fd, libc::F_DUPFD, 10);
                let write = libc::fcntl(write_fd, libc::F_DUPFD, 10);
                if read < 0 || write < 0 || libc::dup2(read, 3) < 0 || libc::dup2(write, 4) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = command.spawn().expect("chromium starts");
        drop((their_in, their_out));
        Browser {
            child,
            to,
            from: BufReader::new(from),
            next_id: 0,
            session: None,
        }
    }

    /// Sends a command (to the attached page, once attached) and returns
    /// its result; events in between are skipped.
    fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = json!({ "id": id, "method": method, "params": params });
        if let Some(session) = &self.session {
            message["sessionId"] = json!(session);
        }
        let mut bytes = serde_json::to_vec(&message).unwrap();
        bytes.push(0);
        self.to.write_all(&bytes).expect("write to chromium");
        loop {
            let mut raw = Vec::new();
            let n = self
                .from
                .read_until(0, &mut raw)
                .expect("read from chromium");
            assert!(
                n > 0,
                "chromium closed the pipe while we waited for {method}"
            );
            raw.pop();
            let reply: Value = serde_json::from_slice(&raw).expect("JSON from chromium");
            if reply["id"] == json!(id) {
                assert!(
                    reply.get("error").is_none(),
                    "{method} failed: {}",
                    reply["error"]
                );
                return reply["result"].clone();
            }
        }
    }

    /// Evaluates a JavaScript expression in the page.
    fn eval(&mut self, expression: &str) -> Value {
        let result = self.call(
            "Runtime.evaluate",
            json!({ "expression": expression, "returnByValue": true }),
        );
        result["result"]["value"].clone()
    }

    /// Presses a key as a person would: key down, then key up.
    fn press(&mut self, key: &str, code: &str, key_code: u32) {
        let text = if key.chars().count() == 1 { key } else { "" };
        for kind in ["keyDown", "keyUp"] {
            self.call(
                "Input.dispatchKeyEvent",
                json!({
                    "type": kind,
                    "key": key,
                    "code": code,
                    "text": if kind == "keyDown" { text } else { "" },
                    "windowsVirtualKeyCode": key_code,
                    "nativeVirtualKeyCode": key_code,
                }),
            );
        }
    }

    /// The id of the one slide shown, and the address's fragment.
    fn shown(&mut self) -> (String, String) {
        let shown = self.eval(
            "Array.from(document.querySelectorAll('section.slide'))\
             .filter(s => getComputedStyle(s).display !== 'none').map(s => s.id).join(',')",
        );
        let hash = self.eval("location.hash");
        (
            shown.as_str().unwrap_or_default().to_string(),
            hash.as_str().unwrap_or_default().to_string(),
        )
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Standard base64, as `Page.captureScreenshot` returns the image.
fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c}"),
    };
    let bytes: Vec<u8> = text.bytes().filter(|&c| c != b'=').map(value).collect();
    bytes
        .chunks(4)
        .flat_map(|chunk| {
            let n = chunk
                .iter()
                .enumerate()
                .fold(0u32, |n, (i, &v)| n | u32::from(v) << (18 - 6 * i));
            let [_, a, b, c] = n.to_be_bytes();
            [a, b, c].into_iter().take(chunk.len() - 1)
        })
        .collect()
}

#[test]
fn exported_page_navigates_with_keys_in_chromium() {
    let home = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let export = common::avance(home.path())
        .args(["export", "underscore", "--html"])
        .arg(out.path())
        .output()
        .expect("avance export runs");
    assert!(export.status.success(), "{export:?}");
    let page = out.path().join("01-underscore.html");
    let html = std::fs::read_to_string(&page).expect("the page was written");

    // Self-contained: nothing to fetch, the real output captured.
    for outside in ["src=", "href=", "url(", "@import", "http://", "https://"] {
        assert!(
            !html.contains(outside),
            "{outside} in a self-contained page"
        );
    }
    let expected = common::output_of_slide_2();
    assert!(
        html.contains(&format!("<pre>{expected}</pre>")),
        "slide 2's output {expected:?} captured at export"
    );
    let slides = html.matches("<section class=\"slide\"").count();
    assert!(slides >= 5, "lesson 1 has at least 5 slides");

    if !common::require_tool("chromium") {
        return;
    }
    let profile = tempfile::tempdir().unwrap();
    let mut browser = Browser::launch(profile.path());
    let start = Instant::now();
    let target = loop {
        let targets = browser.call("Target.getTargets", json!({}));
        let page = targets["targetInfos"]
            .as_array()
            .and_then(|targets| targets.iter().find(|t| t["type"] == "page"))
            .map(|t| t["targetId"].clone());
        if let Some(page) = page {
            break page;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no page in chromium"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    let attached = browser.call(
        "Target.attachToTarget",
        json!({ "targetId": target, "flatten": true }),
    );
    browser.session = Some(attached["sessionId"].as_str().unwrap().to_string());

    // Open slide 2 by its address.
    let url = format!("file://{}#slide-2", page.display());
    browser.call("Page.navigate", json!({ "url": url }));
    let start = Instant::now();
    while browser.eval("document.readyState") != json!("complete") {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the page never loaded"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(browser.shown(), ("slide-2".into(), "#slide-2".into()));
    assert_eq!(
        browser.eval("document.getElementById('place').textContent"),
        json!(format!("2/{slides}"))
    );

    // → and Space go forward, ← back, End to the last slide, Home to the first.
    browser.press("ArrowRight", "ArrowRight", 39);
    assert_eq!(browser.shown(), ("slide-3".into(), "#slide-3".into()));
    browser.press(" ", "Space", 32);
    assert_eq!(browser.shown().0, "slide-4");
    browser.press("ArrowLeft", "ArrowLeft", 37);
    browser.press("ArrowLeft", "ArrowLeft", 37);
    assert_eq!(browser.shown(), ("slide-2".into(), "#slide-2".into()));
    browser.press("End", "End", 35);
    assert_eq!(browser.shown().0, format!("slide-{slides}"));
    browser.press("ArrowRight", "ArrowRight", 39);
    assert_eq!(
        browser.shown().0,
        format!("slide-{slides}"),
        "no slide after the last"
    );
    browser.press("Home", "Home", 36);
    browser.press("l", "KeyL", 76);
    assert_eq!(browser.shown().0, "slide-2");

    // n shows the speaker notes.
    let notes_shown = "Array.from(document.querySelectorAll('#slide-2 .notes'))\
                       .some(n => getComputedStyle(n).display !== 'none')";
    assert_eq!(browser.eval(notes_shown), json!(false));
    browser.press("n", "KeyN", 78);
    assert_eq!(browser.eval(notes_shown), json!(true));
    browser.press("n", "KeyN", 78);

    // The slide as it looks: a PNG of the window's size.
    let shot = browser.call("Page.captureScreenshot", json!({ "format": "png" }));
    let png = base64_decode(shot["data"].as_str().expect("image data"));
    let path = out.path().join("slide-2.png");
    std::fs::write(&path, &png).unwrap();
    assert_eq!(
        &png[..8],
        b"\x89PNG\r\n\x1a\n",
        "a PNG at {}",
        path.display()
    );
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert!(
        width >= 800 && height >= 500,
        "a {width}×{height} screenshot"
    );
    assert!(
        png.len() > 20_000,
        "a screenshot with something drawn on it"
    );
}
