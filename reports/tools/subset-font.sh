#!/usr/bin/env bash
# Reproduces the bulletin font shipped in reports/src/main/resources/fonts/ from Debian's
# fonts-noto-cjk: Noto Sans CJK SC (face 2 of the .ttc collections, SIL Open Font License 1.1),
# one face per file (JasperReports cannot use a .ttc), subset to what a bulletin can need:
# ASCII and Latin-1, general and CJK punctuation, super- and subscripts, arrows, number forms,
# maths operators, box drawing, geometric shapes (▲▼), full-width forms, every character of
# GB 2312 (its 6,763 hanzi cover every city and county name of the shipped registry), and every
# character of the registry CSV (another province's list: pass its CSV as the first argument).
# About 3 MB per face; a bulletin PDF embeds only the glyphs it uses (tens of KB).
#
#   apt-get install -y fonts-noto-cjk python3-fonttools
#   reports/tools/subset-font.sh [registry.csv]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/reports/src/main/resources/fonts"
REGISTRY="${1:-$ROOT/core/src/main/resources/tenants/zhejiang-tenants.csv}"
NOTO=/usr/share/fonts/opentype/noto
PY=/usr/bin/python3 # Debian's python3-fonttools, not a virtualenv's python
SC_FACE=2           # 0 JP, 1 KR, 2 SC, 3 TC, 4 HK in NotoSansCJK-*.ttc

for f in "$NOTO/NotoSansCJK-Regular.ttc" "$NOTO/NotoSansCJK-Bold.ttc"; do
  [ -f "$f" ] || { echo "missing $f: apt-get install -y fonts-noto-cjk" >&2; exit 1; }
done
"$PY" -c 'import fontTools' 2>/dev/null || { echo "apt-get install -y python3-fonttools" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$PY" - "$REGISTRY" >"$work/chars.txt" <<'PY'
import sys
chars = set()
for b1 in range(0xA1, 0xF8):  # every GB 2312 code point
    for b2 in range(0xA1, 0xFF):
        try:
            chars.add(bytes([b1, b2]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
ranges = [(0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x2070, 0x209F), (0x2100, 0x214F), (0x2150, 0x218F),
          (0x2190, 0x21FF), (0x2200, 0x22FF), (0x2460, 0x24FF), (0x2500, 0x257F), (0x25A0, 0x25FF),
          (0x3000, 0x303F), (0xFF00, 0xFFEF)]
for lo, hi in ranges:
    chars.update(chr(c) for c in range(lo, hi + 1))
with open(sys.argv[1], encoding="utf-8") as registry:
    chars.update(c for c in registry.read() if c.isprintable())
sys.stdout.write("".join(sorted(chars)))
PY

# OpenPDF writes a CID-keyed CFF font's glyph ids as its CIDs, so after subsetting (which renumbers
# the glyphs) the charset must map every glyph id to the same CID again: rename glyph n to cidNNNNN.
# Only the CFF table changes; every other table refers to glyphs by id.
identity_cids() { # font.otf
  "$PY" - "$1" <<'PY'
import sys
from fontTools.ttLib import TTFont
font = TTFont(sys.argv[1])
cff = font["CFF "]
order = font.getGlyphOrder()
names = [".notdef"] + ["cid%05d" % gid for gid in range(1, len(order))]
rename = dict(zip(order, names))
top = cff.cff.topDictIndex[0]
top.CharStrings.charStrings = {rename[n]: i for n, i in top.CharStrings.charStrings.items()}
top.charset = [rename[n] for n in top.charset]
font.setGlyphOrder(names)
font.save(sys.argv[1])
PY
}

mkdir -p "$OUT"
subset() { # source.ttc output.otf
  "$PY" -m fontTools.subset "$1" --font-number="$SC_FACE" --text-file="$work/chars.txt" \
    --layout-features='kern,vert,vrt2,locl' --no-hinting \
    --name-IDs='*' --name-languages='*' --output-file="$2"
  identity_cids "$2"
}
subset "$NOTO/NotoSansCJK-Regular.ttc" "$OUT/NotoSansCJKsc-Regular-subset.otf"
subset "$NOTO/NotoSansCJK-Bold.ttc" "$OUT/NotoSansCJKsc-Bold-subset.otf"
ls -l "$OUT"/*.otf
