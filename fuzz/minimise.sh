#!/usr/bin/env bash
# Minimises fuzz/corpus/TARGET before it is committed (docs/fuzzing.md), in two steps:
#
# 1. `cargo fuzz cmin`: libFuzzer's merge keeps, smallest first, each input that adds a
#    feature (a code edge not reached before, or an edge reached a new number of times).
# 2. Of those, only the inputs that reach a code edge no smaller input reaches are kept (the
#    `COV` lines of a second merge's control file list, for each input in the order libFuzzer
#    runs them, smallest first, the edges it reaches first). Every edge the corpus reaches
#    stays reached, with a fraction of its files and bytes; only the variety of how many times
#    an edge runs is dropped.
#
# The inputs kept depend on the corpus, the build of the target and, between inputs of the
# same size, the order libFuzzer lists them in; the same corpus and build give the same set.
#
#   fuzz/minimise.sh TARGET
set -euo pipefail
cd "$(dirname "$0")"
target="${1:?usage: fuzz/minimise.sh TARGET}"
corpus="corpus/$target"
[ -d "$corpus" ] || { echo "no $corpus" >&2; exit 1; }

cargo +nightly fuzz cmin "$target" -- -rss_limit_mb=2048 -timeout=10

host="$(rustc +nightly -vV | sed -n 's/^host: //p')"
binary="target/$host/release/$target"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/out"
if ! "$binary" -rss_limit_mb=2048 -timeout=10 -merge=1 -merge_control_file="$work/control" \
    "$work/out" "$corpus" >"$work/log" 2>&1; then
    cat "$work/log" >&2
    exit 1
fi

python3 - "$work/control" "$corpus" <<'PY'
import os, sys
control, corpus = sys.argv[1], sys.argv[2]
lines = open(control).read().split("\n")
count = int(lines[0])
paths = lines[2:2 + count]
keep = set()
for line in lines[2 + count:]:
    words = line.split()
    if len(words) > 2 and words[0] == "COV":
        keep.add(int(words[1]))
before = sum(os.path.getsize(p) for p in paths)
for i, path in enumerate(paths):
    if i not in keep:
        os.remove(path)
after = sum(os.path.getsize(paths[i]) for i in keep)
print(f"{corpus}: {len(keep)} of {count} inputs kept ({after:,} of {before:,} bytes), "
      "every edge still reached")
PY
