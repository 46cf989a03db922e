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
# the Java app (dev.tappers.bench.EndToEndApp: the library's API only: Tun.receive/Tun.send; bulk-offload on an
# offloading Tun with receiveSuperPacket). Runs are interleaved C, Java, C, Java..., REPEATS times (default 3);
# the RESULT lines give medians and the median of the pair-by-pair Java/C ratios. Extra lines, not RESULTs:
# bulk-split (the same bulk traffic cut into packets by the library, Java only) and MQ (a multi-queue TUN with
# 1 and 2 queues, one reader thread each, 16 flows; C and Java).
# Environment: REPEATS (3), WARMUP_MS (1500), MEASURE_MS (3000), TAPPERS_JAVA (the JVM to use),
# TAPPERS_NATIVE (the Java packet-path binding: ffm, the default, which Java 22+ honours, or jna),
# WORKLOADS (default: the five RESULT workloads), EXTRA (default: "bulk-split mq1-64 mq2-64"; empty for none).
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
WORKLOADS=${WORKLOADS:-recv-64 recv-512 recv-1400 echo-64 bulk-offload}
EXTRA=${EXTRA-bulk-split mq1-64 mq2-64}
TAPPERS_NATIVE=${TAPPERS_NATIVE:-ffm}
case "$TAPPERS_NATIVE" in
    ffm|jna) ;;
    *) echo "run-bench.sh: TAPPERS_NATIVE must be ffm or jna, not $TAPPERS_NATIVE" >&2; exit 64 ;;
esac
java=$(../tools/newest-java.sh)
gcc -O2 -Wall -Wextra -pthread -o target/e2e_bench src/main/c/e2e_bench.c

OUTSIDE=$(readlink /proc/self/ns/net)
TIMES="--warmup-ms=$WARMUP_MS --measure-ms=$MEASURE_MS"
LOAD="target/e2e_bench --role=load --outside-netns=$OUTSIDE $TIMES"
C_APP="target/e2e_bench --role=app --outside-netns=$OUTSIDE $TIMES"
# The packet path's binding: -Dtappers.native picks it; native access for dev.tappers.linux lets Java 22+ use
# java.lang.foreign (FFM) without a warning (com.sun.jna: JNA's own native access, asked for from Java 24 on).
# The app prints the binding it got (PacketIo.binding(), from the provider's unexported jna package).
JAVA_CMD="$java --enable-native-access=com.sun.jna,dev.tappers.linux -Dtappers.native=$TAPPERS_NATIVE
 --add-exports dev.tappers.linux/dev.tappers.linux.jna=dev.tappers.bench
 --module-path target/classes:target/lib -m dev.tappers.bench/dev.tappers.bench.EndToEndApp"
JAVA_APP="$JAVA_CMD --outside-netns=$OUTSIDE $TIMES"
export LOAD
started=$(date +%s)

echo "== machine"
echo "cpu:    $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), nproc $(nproc)"
echo "kernel: $(uname -r)"
echo "java:   $java: $("$java" -version 2>&1 | head -n 1)"
echo "gcc:    $(gcc --version | head -n 1)"
echo "load:   $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) before the runs"
echo "plan:   $REPEATS x ($WORKLOADS) x (c, java), then ($EXTRA), warm-up $WARMUP_MS ms + measured $MEASURE_MS ms each"
echo "binding: $($JAVA_CMD --binding 2>&1 | head -n 1) (TAPPERS_NATIVE=$TAPPERS_NATIVE)"

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
    # The load's own CPU time per datagram it sent (all its threads, the whole run) goes on the line too: on 2
    # cores the sender's cost bounds the rates as much as the reader's.
    sender=$(sed -n 's/^# load: .*cpu_ns_per_datagram=\([0-9]*\).*/\1/p' "$log" | head -n 1)
    grep '^MEASURE ' "$log" | head -n 1 | sed "s/^MEASURE impl=[a-z]*/MEASURE impl=$impl repeat=$repeat/" \
        | sed "s/\$/ load_cpu_ns_per_pkt=${sender:-0}/" >> target/e2e-measures.txt
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
    # Not RESULTs: bulk-split (Java only: the library cutting every super-packet into packets, the one-packet
    # API's cost) and the multi-queue scaling (C and Java, 1 and 2 queues).
    for w in $EXTRA; do
        if [ "$w" = bulk-split ]; then
            run java "$w" "$r"
        else
            for impl in c java; do
                run "$impl" "$w" "$r"
            done
        fi
    done
done
echo "load:   $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) after the runs; $(( $(date +%s) - started )) s in all"

echo
awk -v workloads="$WORKLOADS" -v extra="$EXTRA" -f e2e-summary.awk target/e2e-measures.txt
