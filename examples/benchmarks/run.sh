#!/bin/sh
# Builds the benchmark jar and runs every benchmark with JMH's gc profiler, then prints the tables of
# BENCHMARKS.md from the JSON result. Run from anywhere; extra arguments go to JMH, e.g.
#   examples/benchmarks/run.sh ParseBenchmark          # one class
#   examples/benchmarks/run.sh -wi 1 -i 1 -r 200ms     # a quick check that everything runs
set -eu
cd "$(dirname "$0")/../.."
target=examples/benchmarks/target
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load:$(uptime | sed 's/.*load average://')"
java -version 2>&1 | head -1
mvn -B -ntp -q -pl examples/benchmarks -am package -DskipTests
java -jar "$target/benchmarks.jar" -prof gc -rf json -rff "$target/jmh-result.json" "$@"
echo "load after the run:$(uptime | sed 's/.*load average://')"
java -cp "$target/benchmarks.jar" dev.hookgen.benchmarks.Report "$target/jmh-result.json" | tee "$target/report.md"
