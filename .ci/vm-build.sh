#!/bin/sh
# The build each BSD and illumos VM of .github/workflows/ci.yml runs, after putting its JDK first on the PATH:
# the API, the shared POSIX code, the conformance kit and the given provider, with their tests.
# Usage: sh .ci/vm-build.sh PROVIDER-MODULE   (such as tappers-bsd)
# POSIX sh only: it runs under each system's own /bin/sh. Never run it on a machine that matters:
# tappers.tck.hostNetworkOk=true lets tests touch this machine's network, as there is no namespace to hide in.
set -eu
cd "$(dirname "$0")/.."
provider=${1:?usage: sh .ci/vm-build.sh PROVIDER-MODULE}
# Each OS's JDK package lives somewhere else: ask the JDK itself.
JAVA_HOME=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.home/ { print $2 }')
export JAVA_HOME
uname -srm
java -version 2>&1 | head -n 1
./mvnw -B verify -pl "$provider" -am -Dtappers.tck.hostNetworkOk=true
