#!/bin/sh
# Runs the ping demo (dev.tappers.examples.PingDemo) in a private network namespace of its own.
# Build first: ./mvnw -B -q install -DskipTests   (fills target/classes and target/lib).
# Needs root (or CAP_SYS_ADMIN + CAP_NET_ADMIN): unshare makes the namespace, the demo creates a TUN inside it.
set -eu
cd "$(dirname "$0")"

if [ ! -d target/classes ] || [ ! -d target/lib ]; then
    echo "run-demo.sh: target/classes or target/lib is missing; build first: ./mvnw -B -q install -DskipTests" >&2
    exit 1
fi

# The newest JDK >= 17 under /usr/lib/jvm, else $JAVA_HOME, else java on the PATH.
java=""
best=0
for dir in /usr/lib/jvm/*/; do
    major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "${dir}release" 2>/dev/null || true)
    if [ -n "$major" ] && [ "$major" -ge 17 ] && [ "$major" -gt "$best" ] && [ -x "${dir}bin/java" ]; then
        best=$major
        java="${dir}bin/java"
    fi
done
if [ -z "$java" ]; then
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi
fi

# unshare makes the namespace and then execs java, so the JVM (and every thread it starts) lives in it; when the
# JVM exits the namespace and the TUN in it are gone, whatever happened.
exec unshare --net -- "$java" --enable-native-access=com.sun.jna \
    --module-path target/classes:target/lib -m dev.tappers.examples/dev.tappers.examples.PingDemo
