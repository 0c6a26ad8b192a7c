//! criterion benchmarks of the convolution engines on the course's inputs
//! (`cargo bench --bench conv`); `avance bench conv` prints the same
//! comparison as one table. Each engine is checked against the naive result
//! before it is timed.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

use avance::conv::{Engine, course_inputs, multiply_adds};

fn engines(c: &mut Criterion) {
    for n in [200, 2000] {
        let (f, g) = course_inputs(n);
        let reference = Engine::Naive
            .convolve(&f, &g)
            .expect("the course's shapes are valid");
        let mut group = c.benchmark_group(format!("convolution {n}x{n}"));
        group.throughput(Throughput::Elements(multiply_adds(n, 9)));
        group.sample_size(10);
        for engine in Engine::ALL {
            assert_eq!(
                engine.convolve(&f, &g).as_ref(),
                Ok(&reference),
                "{} differs from naive",
                engine.name()
            );
            group.bench_with_input(
                BenchmarkId::from_parameter(engine.name()),
                &engine,
                |b, engine| b.iter(|| engine.convolve(&f, &g)),
            );
        }
        group.finish();
    }
}

criterion_group!(benches, engines);
criterion_main!(benches);
