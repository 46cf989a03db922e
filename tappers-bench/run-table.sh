#!/bin/sh
# The older per-call table (issue 2): measures the Linux provider's packet path (dev.tappers.bench.TunBenchmark) beside the C reference
# (src/main/c/tun_bench.c, same system calls, same table), each in a fresh private network namespace of its own.
#
# Build first: ./mvnw -B -q install -DskipTests   (fills target/classes and target/lib). This script only
# compiles the C file (gcc -O2, into target/). Needs root (or CAP_SYS_ADMIN + CAP_NET_ADMIN): unshare makes the
# namespaces, each program creates its TUN inside its own. Options go to both programs unchanged:
#   ./run-bench.sh                     # 200k packets per round, 2 warm-up + 3 measured rounds, payloads 64,512,1400
#   ./run-bench.sh --packets=20000     # a short run
# No `ip` is needed: neither test uses the loopback interface (the TUN's own address takes the send test's
# packets, and its /24 route takes the receive test's).
set -eu
cd "$(dirname "$0")"

if [ ! -d target/classes ] || [ ! -d target/lib ]; then
    echo "run-bench.sh: target/classes or target/lib is missing; build first: ./mvnw -B -q install -DskipTests" >&2
    exit 1
fi

# $TAPPERS_JAVA, else the newest JDK >= 17 installed, else java on the PATH.
java=$(../tools/newest-java.sh)

gcc -O2 -Wall -Wextra -pthread -o target/tun_bench src/main/c/tun_bench.c

echo "== machine"
echo "cpu:    $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), nproc $(nproc)"
echo "kernel: $(uname -r)"
echo "java:   $java: $("$java" -version 2>&1 | head -n 1); $("$java" -version 2>&1 | sed -n 3p)"
echo "gcc:    $(gcc --version | head -n 1)"
echo "load:   $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) before the runs"

# A run ends by itself (each round has a time limit, each program a watchdog); timeout is the backstop.
status=0
echo
echo "== C reference (raw system calls)"
timeout 1800 unshare --net -- target/tun_bench "$@" > target/bench-c.txt 2>&1 || status=$?
grep -v '^RESULT ' target/bench-c.txt || true
echo
echo "== Java (tappers, Linux provider through JNA)"
timeout 1800 unshare --net -- "$java" --enable-native-access=com.sun.jna \
    --module-path target/classes:target/lib -m dev.tappers.bench/dev.tappers.bench.TunBenchmark "$@" \
    > target/bench-java.txt 2>&1 || status=$?
grep -v '^RESULT ' target/bench-java.txt || true
echo
echo "load:   $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) after the runs"

if [ "$status" -ne 0 ]; then
    echo "run-bench.sh: a run failed (exit status $status); see above" >&2
    exit "$status"
fi

# Side by side: each implementation's median packets/s and CPU time per packet, and Java's figure as a share of C's.
# The rate of the receive test is the sender's and the reader's together; CPU ns/packet is the reader's own cost.
echo
echo "== side by side (median packets/s; CPU ns per packet of the measuring thread)"
grep -h '^RESULT ' target/bench-c.txt target/bench-java.txt | awk '
    { key = $3 " " $4; rate[$2, key] = $5; drops[$2, key] = $7; cpu[$2, key] = $8; alloc[$2, key] = $9
      if (!(key in seen)) { seen[key] = 1; order[++n] = key } }
    END {
        printf "%-4s %7s %10s %10s %7s %9s %9s %8s %7s %8s %8s\n", "test", "payload", "c pkts/s", "j pkts/s",
               "j/c", "c ns/pkt", "j ns/pkt", "j/c", "c drops", "j drops", "j B/pkt"
        for (i = 1; i <= n; i++) {
            k = order[i]; split(k, part, " ")
            c = rate["c", k]; j = rate["java", k]; cc = cpu["c", k]; jc = cpu["java", k]
            printf "%-4s %7s %10s %10s %6.0f%% %9s %9s %7.0f%% %7s %8s %8s\n", part[1], part[2], c, j,
                   (c > 0 ? 100 * j / c : 0), cc, jc, (cc > 0 ? 100 * jc / cc : 0), drops["c", k], drops["java", k],
                   alloc["java", k]
        }
    }'
