#!/bin/sh
# Prints the java to run: $TAPPERS_JAVA when set, else the newest JDK of 17 or later installed under /usr/lib/jvm,
# /opt/java or /opt/jdk* (or $JAVA_HOME), else the java on the PATH. The same rule the parent POM gives the
# toolchains plugin (newest JDK >= 17), for the launchers that start a JVM outside Maven: the test JVM's namespace
# wrapper, the demo and the benchmark.
if [ -n "${TAPPERS_JAVA:-}" ]; then
    echo "$TAPPERS_JAVA"
    exit 0
fi
best=""
best_major=0
for home in /usr/lib/jvm/* /opt/java/* /opt/jdk* "${JAVA_HOME:-}"; do
    [ -n "$home" ] && [ -x "$home/bin/java" ] && [ -f "$home/release" ] || continue
    major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
    [ -n "$major" ] || continue
    if [ "$major" -ge 17 ] && [ "$major" -gt "$best_major" ]; then
        best="$home/bin/java"
        best_major=$major
    fi
done
if [ -n "$best" ]; then echo "$best"; else command -v java || echo java; fi
