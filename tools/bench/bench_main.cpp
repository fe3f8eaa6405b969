// Benchmarks of PRODUCT.md's performance targets; figures go in the issue notes.
//   build/release/tools/bench/attune_bench
#include <benchmark/benchmark.h>

BENCHMARK_MAIN();
