#!/usr/bin/env python3
"""A year of daily [[history]] snapshots for a generated province (trial 13 H2).

    campaign generate --units 2000 --seed 1 --size district --out DIR/base.toml
    python3 benches/history_year.py DIR [DAYS]

writes DIR/snap/2019-09-02.csv ... (DAYS files, default 365, one a day up to 2020-08-31)
and DIR/hist.toml, an overlay of base.toml with those snapshots as [[history]]. Each
snapshot lists every district of base.toml, its installs a little lower each day back
(one install a day fewer, never below 1), its smartphones those of base.toml. Then
`campaign plan DIR/hist.toml --format json` loads and plans it (docs/performance.md).
Nothing is random: the same base.toml gives the same files.
"""
import datetime
import os
import re
import sys

folder = sys.argv[1]
days = int(sys.argv[2]) if len(sys.argv) > 2 else 365
text = open(os.path.join(folder, "base.toml"), encoding="utf-8").read()
units = re.findall(
    r'name = "([^"]+)"\ninstalled = ([\d_]+)\nsmartphones = ([\d_]+)', text
)
os.makedirs(os.path.join(folder, "snap"), exist_ok=True)
as_of = datetime.date(2020, 9, 1)
entries = []
for back in range(days, 0, -1):
    day = as_of - datetime.timedelta(days=back)
    name = f"{day.isoformat()}.csv"
    with open(os.path.join(folder, "snap", name), "w", encoding="utf-8") as f:
        f.write("Huyện,Đã cài,Smartphone\n")
        for unit, installed, phones in units:
            now = int(installed.replace("_", ""))
            f.write(f"{unit},{max(1, now - back)},{phones.replace('_', '')}\n")
    entries.append(f'[[history]]\ndate = {day.isoformat()}\nfile = "snap/{name}"\n')
with open(os.path.join(folder, "hist.toml"), "w", encoding="utf-8") as f:
    f.write('base = "base.toml"\n\n' + "\n".join(entries))
