# Counts the words of a Markdown source that pdftotext recovers from PDFs (used by compare.sh).
# Usage: words.py SOURCE.md A.pdf [B.pdf…]; prints "found<TAB>total<TAB>first missing words" per PDF.
import collections, re, sys, unicodedata, subprocess

def tokens(text):
    return [w.lower() for w in re.findall(r"\w+", text)]

def source_words(md):
    md = re.sub(r"<(https?://[^>]+)>", r"\1", md)   # autolinks: the URL is the text
    md = re.sub(r"^#+\s*", "", md, flags=re.M)       # heading marks
    return collections.Counter(tokens(unicodedata.normalize("NFKC", md)))

def pdf_words(text, vocabulary):
    text = unicodedata.normalize("NFKC", text)
    # -raw: pdftotext's own joining of lines drops real hyphens at line ends
    # ("Server-/Systeme" -> "ServerSysteme"), so lines are joined here.
    # Hyphens as extracted: some producers map their hyphen glyph to U+00AD (soft
    # hyphen) or U+2010/U+2011; all of them print as "-".
    text = re.sub("[\u00ad\u2010\u2011]", "-", text)
    # A hyphen at a line end: join the halves when that gives a word of the source
    # ("Verschlüs-/selung"), else keep the hyphen ("Server-/Systeme", "12-/stellige").
    def join(m):
        a, b = m.group(1), m.group(2)
        return a + b if (a + b).lower() in vocabulary else a + "-" + b
    text = re.sub(r"(\w+)-[ \t]*\r?\n\s*(\w+)", join, text)
    return collections.Counter(tokens(text))

src = source_words(open(sys.argv[1], encoding="utf-8").read())
for pdf in sys.argv[2:]:
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"], capture_output=True, text=True).stdout
    got = pdf_words(text, src)
    total = sum(src.values())
    found = sum(min(n, got[w]) for w, n in src.items())
    missing = sorted((src - got).elements())
    print(f"{found}\t{total}\t{' '.join(missing[:12])}")
