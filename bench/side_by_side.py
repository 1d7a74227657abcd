#!/usr/bin/env python3
"""Typst's rendering of a TOM's body paragraphs, for the side-by-side crop (issue 21).

Sets the same paragraphs as `bench/typst_stretch.py` (Tomwerk's page geometry, Noto Sans
11 pt, justified, hyphenated) and writes the PDF:

    pip install typst
    python3 bench/side_by_side.py REFERENCE.md de typst-reference.pdf

The crop itself is made with poppler and imagemagick (BENCHMARKS.md, "Side by side").
"""

import sys
from pathlib import Path

import typst

sys.path.insert(0, str(Path(__file__).resolve().parent))
from typst_stretch import ROOT, paragraphs, typst_source  # noqa: E402


def main() -> None:
    md = Path(sys.argv[1]).read_text(encoding="utf-8")
    lang = sys.argv[2]
    out = Path(sys.argv[3])
    src = out.with_suffix(".typ")
    src.write_text(typst_source(paragraphs(md), lang), encoding="utf-8")
    typst.compile(str(src), output=str(out), font_paths=[str(ROOT / "assets" / "fonts")])
    print(f"{out}: {len(paragraphs(md))} paragraphs")


if __name__ == "__main__":
    main()
