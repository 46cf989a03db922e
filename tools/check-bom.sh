#!/usr/bin/env bash
# Checks that tappers-bom and tappers-all keep up with the modules: every published module (one whose pom does not
# set maven.deploy.skip to true) has an entry in tappers-bom, and every provider module (one whose module-info
# provides dev.tappers.spi.TappersProvider) is a dependency of tappers-all, unless listed in NOT_IN_ALL.
# Run from anywhere; prints what is missing and exits 1, or prints one OK line.
set -euo pipefail
cd "$(dirname "$0")/.."

# Providers "take them all" leaves out on purpose: software-only test doubles, which discovery could otherwise pick
# on a machine with no kernel provider, or beside one. Users add them by hand where they want them.
NOT_IN_ALL=" tappers-memory "

artifacts_in() { sed -n 's:.*<artifactId>\([^<]*\)</artifactId>.*:\1:p' "$1"; }
missing=0
bom=$(artifacts_in tappers-bom/pom.xml)
all=$(artifacts_in tappers-all/pom.xml)
for module in $(sed -n 's:.*<module>\([^<]*\)</module>.*:\1:p' pom.xml); do
    [ "$module" = tappers-bom ] && continue
    if ! grep -q '<maven.deploy.skip>true</maven.deploy.skip>' "$module/pom.xml" \
            && ! grep -qx "$module" <<<"$bom"; then
        echo "tappers-bom/pom.xml has no entry for the published module $module"; missing=1
    fi
    info="$module/src/main/java/module-info.java"
    if [ -f "$info" ] && grep -q 'provides *dev\.tappers\.spi\.TappersProvider' "$info" \
            && [[ "$NOT_IN_ALL" != *" $module "* ]] && ! grep -qx "$module" <<<"$all"; then
        echo "tappers-all/pom.xml does not depend on the provider $module"; missing=1
    fi
done
[ "$missing" -eq 0 ] || exit 1
echo "tappers-bom lists every published module; tappers-all has every provider"
