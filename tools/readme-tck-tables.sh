#!/usr/bin/env bash
# Copies the conformance tables the last build wrote (tappers-linux/target/tck-report.md and
# tappers-memory/target/tck-report.md, by the TCK's TckReportListener) into README.md, between the
# <!-- tck-report:PROVIDER:begin/end --> markers. Run after a full `./mvnw -B verify` as root (so the Linux TCK
# really ran); ReadmeTckTablesTest (tappers-examples) then checks README against the reports on every build.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
exec "$("$root/tools/newest-java.sh")" "$root/tappers-examples/src/test/java/dev/tappers/examples/ReadmeTckTables.java" "$root"
