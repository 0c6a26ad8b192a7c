//! criterion benchmark of grading an answer (`cargo bench --bench grade`):
//! rustc compiling a right answer of the course's first exercise with its
//! hidden tests, then the cases run: what `:check`, a line sent after
//! `:edit` and every save under `avance exercise` cost. The bound
//! is 1.5 s.

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

use avance::catalog::Catalog;
use avance::grade::{AnswerName, Grader};

fn grading(c: &mut Criterion) {
    let catalog = Catalog::embedded().expect("the built-in lessons");
    let exercise = catalog
        .lessons()
        .iter()
        .flat_map(|lesson| lesson.exercises())
        .find(|exercise| exercise.id == "01-underscore/14-exercise")
        .expect("the first exercise of lesson 01")
        .clone();
    let answer = exercise.solution.compiled_code();
    let grader = Grader::find().expect("rustc");
    let graded = grader.grade(&exercise, &answer, AnswerName("answer"), false, || false);
    assert!(graded.expect("rustc runs").passed(), "the solution passes");
    let mut group = c.benchmark_group("grade");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("01-underscore/14 right answer", |b| {
        b.iter(|| {
            let name = AnswerName("answer");
            grader
                .grade(&exercise, &answer, name, false, || false)
                .unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, grading);
criterion_main!(benches);
