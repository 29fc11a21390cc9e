#!/usr/bin/env bash
# Seeds the fuzz corpus (fuzz/corpus/<target>/, or the folder given) from the repository's own
# inputs and tests: see seed.py for the scenarios, coverage CSVs and rules, and
# examples/seed_xlsx.rs for the workbooks. Each workbook is written twice: as rust_xlsxwriter
# saves it (compressed) and with its parts stored uncompressed (a changed byte of a stored part
# fails the archive's checksum, so these mostly reach the zip reader); its first sheet, shared
# strings written inline, seeds coverage_xlsx_sheet, which makes a workbook around the bytes.
# Then minimise (docs/fuzzing.md):
#   fuzz/minimise.sh TARGET
set -euo pipefail
cd "$(dirname "$0")"
out="${1:-corpus}"
python3 seed.py "$out"
xlsx="$out/coverage_xlsx"
mkdir -p "$xlsx"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cargo +nightly run --quiet --example seed_xlsx -- "$work"
python3 - "$work" "$xlsx" "$out/coverage_xlsx_sheet" <<'PY'
import hashlib, html, io, pathlib, re, sys, zipfile
work, out, sheets = (pathlib.Path(a) for a in sys.argv[1:4])
sheets.mkdir(parents=True, exist_ok=True)
n = 0
for book in sorted(work.glob("*.xlsx")):
    deflated = book.read_bytes()
    # coverage_xlsx_sheet: the first sheet's XML, its shared strings written inline (the
    # target's own shared strings are fixed)
    with zipfile.ZipFile(io.BytesIO(deflated)) as src:
        names = src.namelist()
        shared = []
        if "xl/sharedStrings.xml" in names:
            sst = src.read("xl/sharedStrings.xml").decode()
            shared = [html.unescape(re.sub(r"<[^>]+>", "", si))
                      for si in re.findall(r"<si>(.*?)</si>", sst, re.S)]
        sheet = src.read("xl/worksheets/sheet1.xml").decode()
    def inline(m):
        text = html.escape(shared[int(m.group(2))], quote=False)
        return f'{m.group(1)} t="inlineStr"><is><t>{text}</t></is></c>'
    sheet = re.sub(r'(<c r="[A-Z]+[0-9]+"(?: s="[0-9]+")?) t="s"><v>([0-9]+)</v></c>', inline, sheet)
    data = sheet.encode()
    (sheets / hashlib.sha1(data).hexdigest()).write_bytes(data)
    stored = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(deflated)) as src, \
            zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=(2020, 9, 1, 0, 0, 0))
            dst.writestr(info, src.read(item.filename))
    for data in (deflated, stored.getvalue()):
        (out / hashlib.sha1(data).hexdigest()).write_bytes(data)
        n += 1
print(f"coverage_xlsx: {n} seeds in {out}; coverage_xlsx_sheet: their sheets in {sheets}")
PY
