//! criterion benchmarks of the course's `fonction1` and `fonction2` on
//! `a = b = 1..1e6` for every engine (`cargo bench --bench elementwise`);
//! each engine is checked against the plain loop (fonction2: within the
//! optimised engine's bound) before it is timed.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

use avance::elementwise::{Engine, FONCTION2_MAX_ULPS, course_inputs, fonction2_error};

fn engines(c: &mut Criterion) {
    let (a, b) = course_inputs(1_000_000);
    let expected = Engine::Loop.fonction1(&a, &b);
    for engine in Engine::ALL {
        assert_eq!(
            engine.fonction1(&a, &b),
            expected,
            "{} differs on fonction1",
            engine.name()
        );
        let error = fonction2_error(&engine.fonction2(&a, &b), &a, &b);
        assert!(
            error <= FONCTION2_MAX_ULPS,
            "{} is {error} ulps off on fonction2",
            engine.name()
        );
    }
    for (name, function) in [("fonction1", 1), ("fonction2", 2)] {
        let mut group = c.benchmark_group(name);
        group.throughput(Throughput::Elements(a.len() as u64));
        for engine in Engine::ALL {
            group.bench_with_input(
                BenchmarkId::from_parameter(engine.name()),
                &engine,
                |bench, engine| {
                    bench.iter(|| match function {
                        1 => engine.fonction1(&a, &b).len(),
                        _ => engine.fonction2(&a, &b).len(),
                    })
                },
            );
        }
        group.finish();
    }
}

criterion_group!(benches, engines);
criterion_main!(benches);
