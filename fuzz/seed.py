#!/usr/bin/env python3
"""Seeds for the fuzz targets, from the repository's own inputs and tests (docs/fuzzing.md).

Writes one file per distinct input into OUT/<target>/ (default fuzz/seeds/):

- scenario: the shipped scenarios/*.toml; every scenario written inline in tests/ (a string
  literal with `as_of`); and the scenario tests' one-line edits (`edit(from, to)`,
  `.scenario(from, to)`, `.edit(file, from, to)`) applied to the scenario they edit (the
  smallest valid scenario of tests/scenario_load/support.rs, or the shipped one).
- coverage_csv: the shipped coverage tables, the tables written inline in tests/ (a string
  literal with a header naming `installed`), and tests/catalogue/coverage.rs's edits of its
  table.
  Besides: every `[letter]` of tests/catalogue/letter.rs on the shipped scenario, and
  `[[history]]` overlays naming `history.csv` or `history.xlsx` followed by a line `%%` and
  the file (the shipped and tests' tables; the workbooks are added by seed.sh).
- import: the coverage_csv seeds, alone and after the `--column`, `--as-of` and `--sheet`
  options the tests give (`column installed=...`, one a line, then a line `%%`); the
  workbooks and the tool's own plan tables are added by seed.sh.
- rules: rules/*.rhai, rules/library/*.rhai, tests/rules_check/*.rhai and every rule written
  inline in tests/ (a string literal defining `before_solve` or `after_solve`).

The workbooks of coverage_xlsx are written by `cargo run --example seed_xlsx` (seed.sh).
Inputs are named by the SHA-1 of their bytes, as libFuzzer names them.
"""

import hashlib
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "fuzz" / "seeds"

ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "\\": "\\", '"': '"', "'": "'"}


def literals(text):
    """The string literals of a Rust source, decoded: (offset, value), in order."""
    out = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            i = text.find("\n", i)
            if i < 0:
                break
            continue
        if c == "'":
            # a char literal ('"', '\n'), or a lifetime: skip it whole so that a quote in it
            # does not open a string
            m = re.match(r"'(\\u\{[0-9a-fA-F]+\}|\\.|[^\\'])'", text[i:])
            i += m.end() if m else 1
            continue
        m = re.match(r'b?r(#*)"', text[i:])
        if m and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            hashes = m.group(1)
            start = i + m.end()
            end = text.find('"' + hashes, start)
            if end < 0:
                break
            out.append((i, text[start:end]))
            i = end + 1 + len(hashes)
            continue
        if c == '"':
            j = i + 1
            buf = []
            while j < n and text[j] != '"':
                if text[j] == "\\":
                    e = text[j + 1]
                    if e == "u":
                        k = text.index("}", j)
                        buf.append(chr(int(text[j + 3 : k], 16)))
                        j = k + 1
                    elif e == "x":
                        buf.append(chr(int(text[j + 2 : j + 4], 16)))
                        j += 4
                    elif e == "\n":
                        # a line continuation: the line break and the next line's indent go
                        j += 2
                        while j < n and text[j] in " \t\n":
                            j += 1
                    else:
                        buf.append(ESCAPES.get(e, e))
                        j += 2
                else:
                    buf.append(text[j])
                    j += 1
            out.append((i, "".join(buf)))
            i = j + 1
            continue
        i += 1
    return out


def calls(text, name, arity):
    """The string arguments of every `name(...)` call whose first `arity` arguments are all
    string literals, e.g. `edit("a", "b")`."""
    found = []
    lits = literals(text)
    by_offset = {off: (k, v) for k, (off, v) in enumerate(lits)}
    for m in re.finditer(r"\b" + re.escape(name) + r"\(\s*", text):
        start = m.end()
        if start not in by_offset:
            continue
        k, _ = by_offset[start]
        args = [v for _, v in lits[k : k + arity]]
        # the literals must follow one another, separated by commas only
        ok = True
        for a in range(arity - 1):
            between = text[lits[k + a][0] : lits[k + a + 1][0]]
            if between.count(",") < 1 or ";" in between or "(" in between[1:]:
                ok = False
        if ok and len(args) == arity:
            found.append(args)
    return found


def const(text, name):
    """The value of `const NAME: &str = "...";` (or `pub const`)."""
    m = re.search(r"const " + name + r": &str =\s*", text)
    if not m:
        return None
    for off, v in literals(text[m.end() :]):
        return v
    return None


seeds = {"scenario": {}, "coverage_csv": {}, "rules": {}, "import": {}}


def add(target, value):
    data = value.encode("utf-8") if isinstance(value, str) else value
    if not data.strip():
        return
    seeds[target][hashlib.sha1(data).hexdigest()] = data


def relocate(scenario):
    """A scenario written for a folder holding `rules/`, moved to `scenarios/` beside it."""
    return re.sub(r'"(\./)?rules(/|")', r'"../rules\2', scenario)


# the shipped files
for path in sorted((ROOT / "scenarios").glob("*.toml")):
    add("scenario", path.read_bytes())
for path in sorted((ROOT / "scenarios").glob("*.csv")):
    if path.stat().st_size <= 8 * 1024:
        add("coverage_csv", path.read_bytes())
for pattern in ["rules/*.rhai", "rules/library/*.rhai", "tests/rules_check/*.rhai"]:
    for path in sorted(ROOT.glob(pattern)):
        add("rules", path.read_bytes())

shipped = (ROOT / "scenarios/lang-son-2020-09-01.toml").read_text()
support = (ROOT / "tests/scenario_load/support.rs").read_text()
minimal = relocate(const(support, "MINIMAL"))
catalogue_csv = const((ROOT / "tests/catalogue/coverage.rs").read_text(), "CSV")

for path in sorted((ROOT / "tests").rglob("*.rs")):
    text = path.read_text()
    for _, value in literals(text):
        if "fn before_solve" in value or "fn after_solve" in value:
            add("rules", value)
        elif "as_of" in value and "=" in value:
            add("scenario", relocate(value))
        elif "\n" in value and re.search(r"(?i)installed|đã cài", value.split("\n")[0]):
            add("coverage_csv", value)
    # one-line edits of a scenario
    for base in (minimal, shipped):
        for fr, to in calls(text, "edit", 2) + calls(text, ".scenario", 2):
            if fr and fr in base:
                add("scenario", base.replace(fr, to, 1))
    for _, fr, to in calls(text, ".edit", 3):
        if fr and fr in shipped:
            add("scenario", shipped.replace(fr, to, 1))
    # one-line edits of the catalogue's coverage table
    for _, fr, to in calls(text, "edited", 3):
        if fr and catalogue_csv and fr in catalogue_csv:
            add("coverage_csv", catalogue_csv.replace(fr, to, 1))

# [letter]: the catalogue's, on the shipped scenario (tests/catalogue/letter.rs)
OVERLAY = 'base = "lang-son-2020-09-01.toml"\n'
letters = (ROOT / "tests/catalogue/letter.rs").read_text()
for _, lines in calls(letters, "letter", 2):
    add("scenario", f"{OVERLAY}\n[letter]\n{lines}\n")
for path in sorted((ROOT / "tests").rglob("*.rs")):
    for _, value in literals(path.read_text()):
        if "[letter]" in value or "[[history]]" in value:
            add("scenario", relocate(value))

# [[history]]: an overlay naming history.csv, then the table (fuzz::PART)
PART = "\n%%\n"
def history(file, date):
    return f'{OVERLAY}\n[[history]]\ndate = {date}\nfile = "{file}"\n'
add("scenario", history("history.csv", "2020-08-25"))
add("scenario", history("history.xlsx", "2020-08-31"))
add("scenario", history("history.xlsx", "2020-08-31")
    + '\n[[history]]\ndate = 2020-08-18\nfile = "coverage-2020-08-18.csv"\n')
history_csv = [(ROOT / "scenarios" / n).read_text() for n in
               ["coverage-2020-08-18.csv", "coverage-2020-08-25.csv"]]
history_csv.append("Số liệu đến ngày 25/8/2020\n" + history_csv[1])
history_csv.append("Báo cáo tính đến 31/8\n" + history_csv[1])
for table in history_csv:
    add("scenario", history("history.csv", "2020-08-25") + PART + table)

# import: the tables, alone and with the options the tests give
options = []
for path in sorted((ROOT / "tests").rglob("*.rs")):
    lits = [v for _, v in literals(path.read_text())]
    for k, v in enumerate(lits[:-1]):
        word = {"--column": "column", "--as-of": "as-of", "--sheet": "sheet"}.get(v)
        if word:
            options.append(f"{word} {lits[k + 1]}")
options = sorted(set(o for o in options if "\n" not in o and "{" not in o))
tables = list(seeds["coverage_csv"].values())
for table in tables:
    add("import", table)
shipped_csv = (ROOT / "scenarios/coverage-2020-08-25.csv").read_bytes()
for option in options:
    add("import", option.encode() + PART.encode() + shipped_csv)

for target, files in seeds.items():
    folder = OUT / target
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    print(f"{target}: {len(files)} seeds in {folder}")
