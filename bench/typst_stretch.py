#!/usr/bin/env python3
"""Typst's worst justified space stretch on the body paragraphs of a Markdown file.

Used once for issue 21.2 (BENCHMARKS.md, "Line breaking"): the paragraphs (not
headings, lists or tables) of a TOM are set by Typst with Tomwerk's page geometry and
font (Noto Sans 11 pt, 425 pt line, justified, hyphenated), and the word gaps of every
line that is not a paragraph's last are measured with pdfplumber:

    pip install typst pdfplumber
    python3 bench/typst_stretch.py REFERENCE.md de
    tomwerk export example.tom ex-en.md --lang en && python3 bench/typst_stretch.py ex-en.md en

It prints the worst stretch (a word gap divided by the font's space, 1.0 = natural)
and the number of lines measured.
"""

import re
import sys
import tempfile
from pathlib import Path

try:
    import pdfplumber
except ImportError:  # only worst_stretch needs it
    pdfplumber = None
import typst

ROOT = Path(__file__).resolve().parent.parent
SPACE_EM = 0.26  # Noto Sans Regular: advance of U+0020 is 260/1000 em.


def paragraphs(markdown: str) -> list[str]:
    """The plain paragraphs of a Markdown text (no headings, lists, tables, comments)."""
    text = re.sub(r"(?s)^---\n.*?\n---\n", "", markdown)
    text = re.sub(r"<!--.*?-->", "", text)
    out = []
    for block in re.split(r"\n\s*\n", text):
        block = block.strip()
        if not block or block[0] in "#-|>*0123456789<":
            continue
        block = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", block)
        block = re.sub(r"<(https?://[^>]+)>", r"\1", block)
        block = block.replace("**", "").replace("*", "")
        out.append(" ".join(block.split()))
    return out


def typst_source(paras: list[str], lang: str) -> str:
    def esc(s: str) -> str:
        return re.sub(r"([\\#$*_`<>@\[\]~/=-])", r"\\\1", s)

    head = (
        '#set page(width: 595.276pt, height: 841.89pt, '
        'margin: (left: 85pt, right: 85pt, top: 62pt, bottom: 76pt))\n'
        f'#set text(font: "Noto Sans", size: 11pt, lang: "{lang}", hyphenate: true)\n'
        '#set par(justify: true, leading: 4.6pt, spacing: 9pt)\n\n'
    )
    return head + "\n\n".join(esc(p) for p in paras) + "\n"


def worst_stretch(pdf_path: Path) -> tuple[float, int]:
    space = SPACE_EM * 11.0
    worst, count = 1.0, 0
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            words = page.extract_words(keep_blank_chars=False, use_text_flow=True, x_tolerance=1.0)
            lines: dict[float, list] = {}
            for w in words:
                lines.setdefault(round(w["bottom"], 1), []).append(w)
            for _, ws in sorted(lines.items()):
                ws.sort(key=lambda w: w["x0"])
                right = ws[-1]["x1"]
                # Only full (justified) lines: a paragraph's last line ends short.
                if right < 595.276 - 85 - 0.6 or len(ws) < 2:
                    continue
                gaps = [b["x0"] - a["x1"] for a, b in zip(ws, ws[1:])]
                count += 1
                worst = max(worst, max(gaps) / space)
    return worst, count


def main() -> None:
    md = Path(sys.argv[1]).read_text(encoding="utf-8")
    lang = sys.argv[2] if len(sys.argv) > 2 else "de"
    with tempfile.TemporaryDirectory() as d:
        src = Path(d) / "t.typ"
        src.write_text(typst_source(paragraphs(md), lang), encoding="utf-8")
        out = Path(d) / "t.pdf"
        typst.compile(str(src), output=str(out), font_paths=[str(ROOT / "assets" / "fonts")])
        worst, count = worst_stretch(out)
    print(f"{sys.argv[1]} ({lang}): worst stretch {worst:.2f} over {count} justified lines")


if __name__ == "__main__":
    main()
