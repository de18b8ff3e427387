#!/usr/bin/env bash
# report-card.sh makes REPORT_CARD.md's table: every implementation ballot
# knows (the reference, the 6.5840 example, the zoo's sound entries,
# etcd-io/raft and hashicorp/raft) on the same nemesis seeds and once with
# no faults (chaos compare), with how each one's incident specs went in its
# own conformance suite.
#
#   adapters/report-card.sh            # 100 seeds each (about 5 minutes); SEEDS=30 for a quicker card
set -euo pipefail
cd "$(dirname "$0")"
reports=$(mktemp -d -t ballot-card.XXXXXX)
trap 'rm -rf "$reports"' EXIT

incidents() { # package dir, test, report name: the suite's incident specs, as JSON
	local dir=$1 test=$2 name=$3
	(cd "$dir" && go test -count=1 -run "^$test\$" . -ginkgo.label-filter=incident \
		-ginkgo.json-report="$reports/$name.json" >"$reports/$name.log" 2>&1) ||
		{ echo "report-card: the incident specs of $dir failed:"; cat "$reports/$name.log"; exit 1; }
}
incidents ../specs TestSpecs core
incidents ../impl/zoo TestZoo zoo
incidents ../impl/labrpc/example TestConformance example
incidents etcdraft TestConformance etcdraft
incidents hashiraft TestConformance hashiraft

go run ./cmd/chaos compare --seeds "${SEEDS:-100}" --out "$reports/table.md" \
	--incidents "$reports/core.json,$reports/zoo.json,$reports/example.json,$reports/etcdraft.json,$reports/hashiraft.json" >/dev/null

# The table replaces what lies between the markers in REPORT_CARD.md.
awk -v table="$reports/table.md" '
	/<!-- card -->/ { print; while ((getline line < table) > 0) print line; skip = 1; next }
	/<!-- \/card -->/ { skip = 0 }
	!skip' ../REPORT_CARD.md >"$reports/card.md"
mv "$reports/card.md" ../REPORT_CARD.md
echo "report-card: REPORT_CARD.md updated"
