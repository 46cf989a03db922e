#!/bin/sh
# The end-to-end benchmark of issue 5: tappers (Java) beside a C reference on the same workloads, the same load.
#
#   tappers-bench/run-bench.sh            # as root; about 3 minutes; ends with the RESULT lines
#
# Build first (from the repository root): ./mvnw -B -q install -DskipTests   (or, without installing:
# ./mvnw -B -q -pl tappers-bench -am package -DskipTests). This script compiles src/main/c/e2e_bench.c with gcc.
#
# Each run gets a fresh network namespace (unshare --net) holding two processes: the load generator
# (e2e_bench --role=load: kernel UDP sockets, the same for both) and one app, either the C reference
# (e2e_bench --role=app: one read()/write() per packet, IFF_VNET_HDR + TUNSETOFFLOAD only for bulk-offload) or
# the Java app (dev.tappers.bench.EndToEndApp: the library's Tun.receive/Tun.send; bulk-offload through the
# bench-local raw descriptor path and the provider's offload codec). Runs are interleaved C, Java, C, Java...,
# REPEATS times (default 3); the RESULT lines give medians and the median of the pair-by-pair Java/C ratios.
# Environment: REPEATS (3), WARMUP_MS (1500), MEASURE_MS (3000), TAPPERS_JAVA (the JVM to use).
# Nothing here touches the host's network: the apps refuse to run in the launcher's namespace or PID 1's.
set -eu
cd "$(dirname "$0")"

if [ ! -d target/classes ] || [ ! -d target/lib ]; then
    echo "run-bench.sh: target/classes or target/lib is missing; build first: ./mvnw -B -q install -DskipTests" >&2
    exit 1
fi
REPEATS=${REPEATS:-3}
WARMUP_MS=${WARMUP_MS:-1500}
MEASURE_MS=${MEASURE_MS:-3000}
WORKLOADS="recv-64 recv-512 recv-1400 echo-64 bulk-offload"
java=$(../tools/newest-java.sh)
gcc -O2 -Wall -Wextra -o target/e2e_bench src/main/c/e2e_bench.c

OUTSIDE=$(readlink /proc/self/ns/net)
TIMES="--warmup-ms=$WARMUP_MS --measure-ms=$MEASURE_MS"
LOAD="target/e2e_bench --role=load --outside-netns=$OUTSIDE $TIMES"
C_APP="target/e2e_bench --role=app --outside-netns=$OUTSIDE $TIMES"
JAVA_APP="$java --enable-native-access=com.sun.jna --add-exports dev.tappers.linux/dev.tappers.linux.offload=dev.tappers.bench
 --module-path target/classes:target/lib -m dev.tappers.bench/dev.tappers.bench.EndToEndApp --outside-netns=$OUTSIDE $TIMES"
export LOAD
started=$(date +%s)

echo "== machine"
echo "cpu:    $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), nproc $(nproc)"
echo "kernel: $(uname -r)"
echo "java:   $java: $("$java" -version 2>&1 | head -n 1)"
echo "gcc:    $(gcc --version | head -n 1)"
echo "load:   $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) before the runs"
echo "plan:   $REPEATS x ($WORKLOADS) x (c, java), warm-up $WARMUP_MS ms + measured $MEASURE_MS ms each"

# One run: load + app in one fresh namespace. Prints the run's MEASURE line, tagged with impl and repeat.
run() { # impl workload repeat
    impl=$1 workload=$2 repeat=$3
    log=target/e2e-$impl-$workload-$repeat.txt
    if [ "$impl" = c ]; then APP="$C_APP"; else APP="$JAVA_APP"; fi
    export APP WORKLOAD="$workload"
    status=0
    timeout 60 unshare --net -- sh -c '$LOAD --workload=$WORKLOAD & load=$!; $APP --workload=$WORKLOAD; s=$?; wait $load; exit $s' \
        > "$log" 2>&1 || status=$?
    if [ "$status" -ne 0 ] || ! grep -q '^MEASURE ' "$log"; then
        echo "run-bench.sh: $impl $workload (repeat $repeat) failed, status $status:" >&2
        sed 's/^/    /' "$log" >&2
        exit 1
    fi
    # echo-64 is measured by the load generator (round trips); the others by the app.
    grep '^MEASURE ' "$log" | head -n 1 | sed "s/^MEASURE impl=[a-z]*/MEASURE impl=$impl repeat=$repeat/" \
        >> target/e2e-measures.txt
    tail -n 1 target/e2e-measures.txt
}

echo
echo "== runs (value: pps, rtt/s or Gbit/s; Java's cpu and alloc per packet are the reading thread's)"
: > target/e2e-measures.txt
for r in $(seq 1 "$REPEATS"); do
    for w in $WORKLOADS; do
        for impl in c java; do
            run "$impl" "$w" "$r"
        done
    done
    # Not a RESULT: what splitting every super-packet into packets (the one-packet API's cost) leaves of bulk.
    run java bulk-split "$r"
done
echo "load:   $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) after the runs; $(( $(date +%s) - started )) s in all"

echo
awk -v workloads="$WORKLOADS" '
    function field(name,   i) { for (i = 1; i <= NF; i++) if (index($i, name "=") == 1) return substr($i, length(name) + 2); return "" }
    function median(list, n,   i, j, t, a) {
        for (i = 1; i <= n; i++) a[i] = list[i]
        for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    /^MEASURE / {
        impl = field("impl"); w = field("workload"); r = field("repeat")
        value[impl, w, r] = field("value"); unit[w] = field("unit")
        p50[impl, w, r] = field("p50_us"); p99[impl, w, r] = field("p99_us")
        if (r > repeats) repeats = r
    }
    END {
        n = split(workloads, ws, " ")
        for (k = 1; k <= n; k++) {
            w = ws[k]
            for (r = 1; r <= repeats; r++) {
                cs[r] = value["c", w, r]; js[r] = value["java", w, r]; ratio[r] = cs[r] > 0 ? js[r] / cs[r] : 0
                c50[r] = p50["c", w, r]; j50[r] = p50["java", w, r]; c99[r] = p99["c", w, r]; j99[r] = p99["java", w, r]
                r99[r] = c99[r] > 0 ? j99[r] / c99[r] : 0
            }
            mc[w] = median(cs, repeats); mj[w] = median(js, repeats); mr[w] = median(ratio, repeats)
            if (w == "echo-64")
                printf "echo-64 latency (median of %d): c p50 %.2f us p99 %.2f us; java p50 %.2f us p99 %.2f us; java/c p99 %.2f (pair by pair)\n",
                    repeats, median(c50, repeats), median(c99, repeats), median(j50, repeats), median(j99, repeats), median(r99, repeats)
        }
        for (r = 1; r <= repeats; r++) sp[r] = value["java", "bulk-split", r]
        plain = mc["recv-1400"] * 1400 * 8 / 1e9
        printf "bulk-offload vs plain per-packet C receive (recv-1400: %.2f Gbit/s of payload): c %.1fx, java %.1fx; java with split into packets: %.2f Gbit/s\n",
            plain, (plain > 0 ? mc["bulk-offload"] / plain : 0), (plain > 0 ? mj["bulk-offload"] / plain : 0), median(sp, repeats)
        print ""
        for (k = 1; k <= n; k++) {
            w = ws[k]
            printf "RESULT workload=%s java=%s c=%s unit=%s ratio=%.3f\n", w, mj[w], mc[w], unit[w], mr[w]
        }
    }' target/e2e-measures.txt
