use super::*;

fn seen(lesson: &str, slides: &[usize]) -> Progress {
    let mut progress = Progress::default();
    progress.lessons.insert(
        lesson.to_string(),
        LessonProgress {
            seen: slides.iter().copied().collect(),
            ..LessonProgress::default()
        },
    );
    progress
}

fn at(lesson: &str, slide: usize) -> Option<Position> {
    Some(Position {
        lesson: lesson.to_string(),
        slide,
    })
}

#[test]
fn two_sessions_on_one_home_keep_the_union_of_what_each_saw() {
    let home = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (
        ProgressStore::in_dir(home.path()),
        ProgressStore::in_dir(home.path()),
    );
    let (mut mine, _) = a.load();
    let (mut theirs, _) = b.load();
    mine.absorb(seen("01-a", &[1, 2]));
    mine.current = at("01-a", 2);
    assert!(a.save(&mut mine).is_none());
    theirs.absorb(seen("02-b", &[1]));
    theirs
        .lessons
        .get_mut("02-b")
        .unwrap()
        .run
        .insert("02-b/1".into());
    theirs.current = at("02-b", 1);
    assert!(b.save(&mut theirs).is_none());

    let (saved, warning) = ProgressStore::in_dir(home.path()).load();
    assert!(warning.is_none());
    assert_eq!(saved.lessons["01-a"].seen, BTreeSet::from([1, 2]));
    assert_eq!(
        saved.lessons["02-b"].run,
        BTreeSet::from(["02-b/1".to_string()])
    );
    // where the student is: the session that saved last
    assert_eq!(saved.current, at("02-b", 1));
    // and the later session now knows what the other did
    assert_eq!(theirs, saved);
}

#[test]
fn saves_from_two_threads_at_once_lose_nothing() {
    let home = tempfile::tempdir().unwrap();
    let save_many = |lesson: &'static str| {
        let dir = home.path().to_path_buf();
        std::thread::spawn(move || {
            let mut store = ProgressStore::in_dir(&dir);
            let mut progress = Progress::default();
            for slide in 1..=40 {
                progress.absorb(seen(lesson, &[slide]));
                assert!(store.save(&mut progress).is_none());
            }
        })
    };
    let (a, b) = (save_many("01-a"), save_many("02-b"));
    a.join().unwrap();
    b.join().unwrap();
    let (saved, _) = ProgressStore::in_dir(home.path()).load();
    let all: BTreeSet<usize> = (1..=40).collect();
    assert_eq!(saved.lessons["01-a"].seen, all);
    assert_eq!(saved.lessons["02-b"].seen, all);
}

#[test]
fn a_progress_file_too_large_is_kept_aside_not_read() {
    let home = tempfile::tempdir().unwrap();
    let store = ProgressStore::in_dir(home.path());
    fs::write(store.path(), vec![b' '; (MAX_PROGRESS_BYTES + 1) as usize]).unwrap();
    let (progress, warning) = store.load();
    assert_eq!(progress, Progress::default());
    let text = warning.unwrap().to_string();
    assert!(
        text.contains("more than the 1048576 a progress file may have"),
        "{text}"
    );
    assert!(home.path().join("progress.json.corrupt").exists());
}

#[cfg(unix)]
#[test]
fn a_fifo_in_place_of_the_progress_file_is_refused_at_once() {
    let home = tempfile::tempdir().unwrap();
    let store = ProgressStore::in_dir(home.path());
    let path = std::ffi::CString::new(store.path().as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid C string, and a mode.
    assert_eq!(unsafe { libc::mkfifo(path.as_ptr(), 0o600) }, 0);
    let (progress, warning) = store.load();
    assert_eq!(progress, Progress::default());
    let text = warning.unwrap().to_string();
    assert!(text.contains("not a regular file"), "{text}");
}

#[cfg(unix)]
#[test]
fn a_link_planted_as_the_lock_is_not_followed() {
    let home = tempfile::tempdir().unwrap();
    let target = home.path().join("elsewhere");
    fs::write(&target, "untouched").unwrap();
    std::os::unix::fs::symlink(&target, home.path().join("progress.json.lock")).unwrap();
    let mut store = ProgressStore::in_dir(home.path());
    let warning = store.save(&mut seen("01-a", &[1])).unwrap();
    assert!(
        warning.to_string().starts_with("cannot save progress to "),
        "{warning}"
    );
    assert_eq!(fs::read_to_string(&target).unwrap(), "untouched");
    assert!(!store.path().exists());
}
