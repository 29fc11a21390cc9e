#!/usr/bin/env bash
# Seeds the fuzz corpus (fuzz/corpus/<target>/, or the folder given) from the repository's own
# inputs and tests: see seed.py for the scenarios, coverage CSVs and rules, and
# examples/seed_xlsx.rs for the workbooks. Each workbook is written twice: as rust_xlsxwriter
# saves it (compressed) and with its parts stored uncompressed, so that the fuzzer's changes
# land on the sheet's XML rather than on deflated bytes. Then minimise (docs/fuzzing.md):
#   cargo +nightly fuzz cmin TARGET
set -euo pipefail
cd "$(dirname "$0")"
out="${1:-corpus}"
python3 seed.py "$out"
xlsx="$out/coverage_xlsx"
mkdir -p "$xlsx"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cargo +nightly run --quiet --example seed_xlsx -- "$work"
python3 - "$work" "$xlsx" <<'PY'
import hashlib, io, pathlib, sys, zipfile
work, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
n = 0
for book in sorted(work.glob("*.xlsx")):
    deflated = book.read_bytes()
    stored = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(deflated)) as src, \
            zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=(2020, 9, 1, 0, 0, 0))
            dst.writestr(info, src.read(item.filename))
    for data in (deflated, stored.getvalue()):
        (out / hashlib.sha1(data).hexdigest()).write_bytes(data)
        n += 1
print(f"coverage_xlsx: {n} seeds in {out}")
PY
