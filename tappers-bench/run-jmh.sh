#!/bin/sh
# JMH microbenchmarks (issue 5): the cost of one native call on the send/receive path, the library's whole
# receive and send calls, and the offload codec; with -prof gc, the bytes allocated per operation
# (gc.alloc.rate.norm, expected ~0 B/op). Not part of ./mvnw verify.
#
#   tappers-bench/run-jmh.sh                          # everything, about 2 minutes, as root
#   tappers-bench/run-jmh.sh OffloadBenchmark         # any JMH options and benchmark regexps pass through
#
# Build first: ./mvnw -B -q install -DskipTests (or ./mvnw -B -q -pl tappers-bench -am package -DskipTests).
# PacketPathBenchmark creates a TUN, so JMH runs inside a fresh network namespace (unshare --net) and is told
# the launcher's namespace, in which its setup refuses to run. JMH's forked JVM reports to its parent over TCP
# on the loopback, so lo comes up first inside the new namespace (`ip`, as the test JVM's wrapper does; only that
# namespace is touched). The class path (not the module path) keeps JMH's generated code and the provider's
# unexported offload package simple to reach.
set -eu
cd "$(dirname "$0")"
if [ ! -f target/classes/META-INF/BenchmarkList ]; then
    echo "run-jmh.sh: target/classes/META-INF/BenchmarkList is missing; build first: ./mvnw -B -q install -DskipTests" >&2
    exit 1
fi
java=$(../tools/newest-java.sh)
OUTSIDE=$(readlink /proc/self/ns/net)
export OUTSIDE
exec timeout 1800 unshare --net -- sh -c 'ip link set lo up && exec "$0" "$@"' "$java" --enable-native-access=ALL-UNNAMED \
    -Dtappers.bench.outside-netns="$OUTSIDE" -cp "target/classes:target/lib/*" \
    org.openjdk.jmh.Main -prof gc -f 1 -wi 3 -w 1s -i 5 -r 1s "$@"
