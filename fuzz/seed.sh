#!/usr/bin/env bash
# Seeds the fuzz corpus (fuzz/corpus/<target>/, or the folder given) from the repository's own
# inputs and tests: see seed.py for the scenarios, coverage CSVs and rules, and
# examples/seed_xlsx.rs for the workbooks. Each workbook is written twice: as rust_xlsxwriter
# saves it (compressed) and with its parts stored uncompressed (a changed byte of a stored part
# fails the archive's checksum, so these mostly reach the zip reader); its first sheet, shared
# strings written inline, seeds coverage_xlsx_sheet, which makes a workbook around the bytes.
# The same workbooks, the office's example (scenarios/bao-cao-huyen-2020-08-31.xlsx) and the
# tool's own plan tables (`campaign plan --format csv|xlsx`, both languages; $CAMPAIGN runs the
# tool, `cargo run --release --quiet --` by default) seed `import`: a workbook as it is, and its
# sheets' XML with what workbook.xml says of them (names, hidden, the tab it opens on) as
# option lines; and the office's workbook, as it is and as a sheet, seeds `scenario` as a
# `[[history]]` file.
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
campaign=(${CAMPAIGN:-cargo run --release --quiet --})
mkdir -p "$work/plan"
for lang in vi en; do
    for format in csv xlsx; do
        (cd .. && "${campaign[@]}" plan scenarios/lang-son-2020-09-01.toml --lang "$lang" \
            --format "$format" --out "$work/plan/plan-$lang.$format")
    done
done
python3 - "$work" "$xlsx" "$out/coverage_xlsx_sheet" "$out/import" "$out/scenario" \
    ../scenarios/bao-cao-huyen-2020-08-31.xlsx <<'PY'
import hashlib, html, io, pathlib, re, sys, zipfile
work, out, sheets, imports, scenarios, office = (pathlib.Path(a) for a in sys.argv[1:7])
for folder in (sheets, imports, scenarios):
    folder.mkdir(parents=True, exist_ok=True)
PART = b"\n%%\n"
def put(folder, data):
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)
def sheets_of(deflated):
    """Each sheet's XML, its shared strings written inline (the targets' own shared strings
    are fixed), in the order of their parts; and the option lines of fuzz::import that say
    what workbook.xml says of them."""
    with zipfile.ZipFile(io.BytesIO(deflated)) as src:
        names = src.namelist()
        shared = []
        if "xl/sharedStrings.xml" in names:
            sst = src.read("xl/sharedStrings.xml").decode()
            shared = [html.unescape(re.sub(r"<[^>]+>", "", si))
                      for si in re.findall(r"<si>(.*?)</si>", sst, re.S)]
        parts = sorted((n for n in names if re.fullmatch(r"xl/worksheets/sheet[0-9]+\.xml", n)),
                       key=lambda n: int(re.sub(r"[^0-9]", "", n)))
        xml = [src.read(n).decode() for n in parts]
        book = src.read("xl/workbook.xml").decode()
    def inline(m):
        text = html.escape(shared[int(m.group(2))], quote=False)
        return f'{m.group(1)} t="inlineStr"><is><t>{text}</t></is></c>'
    xml = [re.sub(r'(<c r="[A-Z]+[0-9]+"(?: s="[0-9]+")?) t="s"><v>([0-9]+)</v></c>', inline, x)
           for x in xml]
    options = []
    for i, sheet in enumerate(re.findall(r"<sheet [^>]*>", book)):
        name = html.unescape(re.search(r'name="([^"]*)"', sheet).group(1))
        if name != f"Sheet{i + 1}":
            options.append(f"name {i + 1} {name}")
        if 'state="hidden"' in sheet:
            options.append(f"hidden {i + 1}")
    tab = re.search(r'activeTab="([0-9]+)"', book)
    if tab:
        options.append(f"active {tab.group(1)}")
    return [x.encode() for x in xml], options
n = 0
for book in sorted(work.glob("*.xlsx")):
    deflated = book.read_bytes()
    # coverage_xlsx_sheet: the first sheet's XML
    xml, options = sheets_of(deflated)
    put(sheets, xml[0])
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
# import: the workbooks, the office's, the plan's: as they are, and as sheets with options
books = sorted(work.glob("*.xlsx")) + sorted(work.glob("plan/*.xlsx")) + [office]
for book in books:
    deflated = book.read_bytes()
    put(imports, deflated)
    xml, options = sheets_of(deflated)
    head = "".join(o + "\n" for o in options).encode()
    put(imports, (head + PART if head else b"") + PART.join(xml))
for table in sorted(work.glob("plan/*.csv")):
    put(imports, table.read_bytes())
    put(imports, b"as-of 1/9/2020" + PART + table.read_bytes())
# scenario: the office's workbook as a [[history]] file, as it is and as a sheet
overlay = (b'base = "lang-son-2020-09-01.toml"\n\n[[history]]\ndate = 2020-08-31\n'
           b'file = "history.xlsx"\n')
deflated = office.read_bytes()
put(scenarios, overlay + PART + deflated)
put(scenarios, overlay + PART + sheets_of(deflated)[0][0])
print(f"import: {len(books)} workbooks and the plan tables in {imports}; "
      f"scenario: the office's workbook as history in {scenarios}")
PY
