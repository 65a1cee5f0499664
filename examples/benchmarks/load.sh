#!/bin/sh
# Acknowledged deliveries per second and latency of the receiver (examples/receiver on Jetty, writing JSON lines)
# in direct mode (in-memory dedup, each line fsynced before the 200) and in inbox mode (--inbox-jdbc-url: the 200
# once the row is committed in PostgreSQL, a worker writes the line), side by side in one run, loaded by
# dev.hookgen.benchmarks.WebhookLoad on loopback. Two phases per mode: as fast as CLIENTS connections go (closed
# loop), then RATE requests per second on a fixed schedule (open loop). Prints one JSON line per phase.
#   examples/benchmarks/load.sh                         # 15 s per phase, 32 clients, 500/s
#   PHASE_SECONDS=5 examples/benchmarks/load.sh         # a quick check
#   SKIP_BUILD=1 examples/benchmarks/load.sh            # with the jars already built
#   THREADS=32 examples/benchmarks/load.sh              # the receiver's --threads (default 16, its own default)
#   MAX_WARMUP_SECONDS=30 examples/benchmarks/load.sh   # warm-up with CLIENTS before the max phase (default 15)
#   RATE_WARMUP_SECONDS=60 examples/benchmarks/load.sh  # warm-up at RATE before the fixed-rate phase (default 30)
#   MODES=inbox examples/benchmarks/load.sh             # one mode only (default: direct inbox)
#   RECEIVER_JAVA_OPTS='-Xlog:gc:file=/tmp/gc.log' examples/benchmarks/load.sh   # options for the receiver's JVM
# Needs PostgreSQL (HOOKGEN_BENCH_JDBC_URL, default jdbc:postgresql://127.0.0.1:5432/test?user=postgres) and psql.
set -eu
cd "$(dirname "$0")/../.."
PHASE_SECONDS=${PHASE_SECONDS:-15}
CLIENTS=${CLIENTS:-32}
RATE=${RATE:-500}
# The JIT of a receiver that just started is still compiling (C2 took 0.3 to 0.8 of a core for about 45 s at 500/s
# from a cold start, inbox mode): each phase measures a receiver past most of that.
MAX_WARMUP_SECONDS=${MAX_WARMUP_SECONDS:-15}
RATE_WARMUP_SECONDS=${RATE_WARMUP_SECONDS:-30}
THREADS=${THREADS:-16}
JDBC=${HOOKGEN_BENCH_JDBC_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}
PSQL="psql -h 127.0.0.1 -U postgres -d test -qAt"
echo "phases of ${PHASE_SECONDS} s: $CLIENTS clients after ${MAX_WARMUP_SECONDS} s of warm-up, then $RATE/s after ${RATE_WARMUP_SECONDS} s at that rate; receiver --threads $THREADS"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load:$(uptime | sed 's/.*load average://')"
java -version 2>&1 | head -1
[ "${SKIP_BUILD:-}" = 1 ] || mvn -B -ntp -q -pl examples/receiver,examples/benchmarks -am package -DskipTests
work=$(mktemp -d)
schema="hookgen_bench_$$"
$PSQL -c "CREATE SCHEMA $schema"
trap '$PSQL -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true' EXIT

run_mode() {
    mode=$1
    shift
    # shellcheck disable=SC2086 # the options are words
    java ${RECEIVER_JAVA_OPTS:-} -jar examples/receiver/target/receiver.jar --host 127.0.0.1 --port 0 --username bench --password bench --threads "$THREADS" \
        --events "$work/$mode.jsonl" --dead-letters "$work/dead-$mode" "$@" > "$work/$mode.log" 2>&1 &
    pid=$!
    url=""
    for _ in $(seq 1 300); do
        url=$(sed -n 's/^receiver: listening on \([^;]*\);.*/\1/p' "$work/$mode.log")
        [ -n "$url" ] && break
        sleep 0.1
    done
    [ -n "$url" ] || { cat "$work/$mode.log"; kill "$pid"; exit 1; }
    java -cp examples/benchmarks/target/benchmarks.jar dev.hookgen.benchmarks.WebhookLoad "$url" bench bench "$mode" max "$CLIENTS" "$PHASE_SECONDS" "$MAX_WARMUP_SECONDS"
    if [ "$mode" = inbox ]; then
        # the workers' backlog from the first phase would load the second one: let them finish it, and time them
        start=$(date +%s.%N)
        pending=$($PSQL -c "SELECT count(*) FROM $schema.hookgen_inbox WHERE status = 'pending'")
        backlog=$pending
        while [ "$pending" -gt 0 ]; do
            sleep 0.5
            pending=$($PSQL -c "SELECT count(*) FROM $schema.hookgen_inbox WHERE status = 'pending'")
        done
        echo "# inbox: the workers handled the backlog of $backlog rows in $(echo "$(date +%s.%N) - $start" | bc) s"
    fi
    java -cp examples/benchmarks/target/benchmarks.jar dev.hookgen.benchmarks.WebhookLoad "$url" bench bench "$mode" rate "$RATE" "$PHASE_SECONDS" "$RATE_WARMUP_SECONDS"
    sleep 2
    kill -TERM "$pid"
    wait "$pid" || true
    echo "# $mode: $(wc -l < "$work/$mode.jsonl") lines in the events file when stopped; load:$(uptime | sed 's/.*load average://')"
}

for mode in ${MODES:-direct inbox}; do
    case "$mode" in
        direct) run_mode direct ;;
        inbox)
            run_mode inbox --inbox-jdbc-url "$JDBC&currentSchema=$schema"
            echo "# inbox rows by status when stopped: $($PSQL -c "SELECT string_agg(status || '=' || n, ' ') FROM (SELECT status, count(*) AS n FROM $schema.hookgen_inbox GROUP BY 1 ORDER BY 1) s")"
            ;;
        *) echo "MODES: direct or inbox, not $mode" >&2; exit 2 ;;
    esac
done
rm -rf "$work"
