#!/bin/sh
# Runs the ping demo (dev.tappers.examples.PingDemo), or the example named as the one argument, in a private
# network namespace of its own:
#   run-demo.sh                 the ping demo
#   run-demo.sh VethExample     one of the examples listed in EXAMPLES below (README.md, "Examples")
# Build first: ./mvnw -B -q install -DskipTests   (fills target/classes and target/lib).
# Needs root (or CAP_SYS_ADMIN + CAP_NET_ADMIN): unshare makes the namespace, the program creates devices inside it.
set -eu
cd "$(dirname "$0")"

# Every program here with a main method; ReadmeExamplesTest checks that this list matches the sources.
EXAMPLES="PingDemo QuickStart VethExample RouteExample NamespaceExample MultiQueueExample PersistenceExample DescriptorPassingExample AsyncEchoExample"
if [ "$#" -gt 1 ]; then
    echo "usage: run-demo.sh [EXAMPLE]   where EXAMPLE is one of: $EXAMPLES (default PingDemo)" >&2
    exit 64
fi
main="${1:-PingDemo}"
case " $EXAMPLES " in
    *" $main "*) ;;
    *)
        echo "run-demo.sh: no example called '$main'; pick one of: $EXAMPLES" >&2
        exit 64
        ;;
esac

if [ ! -d target/classes ] || [ ! -d target/lib ]; then
    echo "run-demo.sh: target/classes or target/lib is missing; build first: ./mvnw -B -q install -DskipTests" >&2
    exit 1
fi

# $TAPPERS_JAVA, else the newest JDK >= 17 installed, else java on the PATH.
java=$(../tools/newest-java.sh)

# unshare makes the namespace and then execs java, so the JVM (and every thread it starts) lives in it; when the
# JVM exits the namespace and the devices in it are gone, whatever happened.
exec unshare --net -- "$java" --enable-native-access=com.sun.jna \
    --module-path target/classes:target/lib -m "dev.tappers.examples/dev.tappers.examples.$main"
