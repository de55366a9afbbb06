#!/usr/bin/python3
"""Hostile documents for kgx: one long run of a construct that opens and never
closes (a markdown '[', an HTML '&', '<', '<!--', a front matter '---'), or of
one that each match of a rule rescans, each SIZE_MB megabytes.

    bench/gen_hostile.py OUT_DIR SIZE_MB [NAME ...]

Each file is named after its case (brackets.txt, amp.html...); without NAMEs
every case is written. A reader or extractor that searches from each opening
to the end of the file for its close takes time quadratic in the size on
these; a linear one reads them about as fast as ordinary text. The same
arguments always give the same files."""
import os
import sys

# Ordinary news text, the yardstick the hostile cases are measured against.
NEWS = ("Japan and Australia signed an agreement on Tuesday to cooperate on critical minerals "
        "such as lithium, nickel and rare earths, with Sojitz and JOGMEC investing A$1.67 "
        "billion in Lynas. The deal, reached in Tokyo on 20 October 2025, follows China's "
        "export controls on gallium and graphite. \u65e5\u8c6a\u4e21\u653f\u5e9c\u306f"
        "\u91cd\u8981\u9271\u7269\u3067\u5354\u529b\u3059\u308b\u3002\n")

# name: (prefix, unit repeated to the size, suffix)
CASES = {
    "ordinary.txt": ("", NEWS, ""),
    "ordinary.html": ("", "<p>" + NEWS.replace("&", "&amp;") + "</p>", ""),
    # Markdown and plain text: a link's label, URL and the line they must end on.
    "brackets.txt": ("", "[", ""),
    "bracket_paren.txt": ("", "[a](", ""),
    "close_paren.txt": ("", "](", ""),
    "image.txt": ("", "![", ""),
    "url.txt": ("", "http://", ""),
    # HTML: entities, tags, comments, raw-text elements.
    "amp.html": ("<p>", "&", ""),
    "amp_hash.html": ("<p>", "&#", ""),
    "amp_hex.html": ("<p>", "&#x", ""),
    "amp_name.html": ("<p>", "&a", ""),
    "amp_bracket.html": ("<p>", "&amp;[", ""),
    "brackets.html": ("<p>", "[", ""),
    "lt.html": ("<p>", "<", ""),
    "tag_open.html": ("<p>", "<a ", ""),
    "tag_quote.html": ("<p>", "<a x=\"", ""),
    "comment.html": ("<p>", "<!--", ""),
    "comment_closed.html": ("<p>", "<!---->", ""),
    "decl.html": ("<p>", "<!", ""),
    "end_tag.html": ("<p>", "</", ""),
    "script.html": ("<p>", "<script>", ""),
    "script_end.html": ("<p>", "<script></scrip", ""),
    "title.html": ("<p>", "<title>", ""),
    "title_empty.html": ("<p>", "<title></title>", ""),
    "meta.html": ("<p>", "<meta name=\"date\" content=\"x\">", ""),
    "html_in_txt.txt": ("<p><div><span>", "[", ""),
    # Front matter that never closes, and a long title the body nearly repeats.
    "front_matter.md": ("---\n", "a: b\n", ""),
    "front_title.md": ("---\ntitle: " + "a" * 100000 + "b\n---\n", "a", ""),
    # Stages after the reader: a rule that looks around each match.
    "dateline.txt": ("\u3010", "Japan ", ""),
    "clause.txt": ("", "Japan signed with Australia as ", ""),
    "clause_end.txt": ("", "\u65e5\u672c\u3068\u8c6a\u5dde\u306f\u7f72\u540d\u3057\u305f\u4e2d\u3001", ""),
    "related.txt": ("", "Related stories\nJapan\n", ""),
    "related_long.txt": ("", "Related stories\n" + "Japan signed " * 20 + "a deal.\n", ""),
    "agreement_money.txt": ("", "Japan and Australia signed a $1 million deal. ", ""),
    "agreement_date.txt": ("", "Japan and Australia signed a deal on 5 March 2024. ", ""),
    "restriction.txt": ("", "China banned exports of gallium to Japan. China banned exports. ", ""),
    "relative_year.txt": ("", "\u53bb\u5e743\u6708", ""),
    "digits.txt": ("", "1", ""),
    "dollars.txt": ("", "$1 ", ""),
    "money.txt": ("", "A$1.5 billion to ", ""),
    "countries.txt": ("", "Japan ", ""),
    "chain.txt": ("", "\u65e5\u7c73", ""),
    "chain_latin.txt": ("", "US-China-", ""),
    "chain_ja.txt": ("\u65e5\u672c\u306f", "\u65e5\u7c73\u8c6a", "\u3068\u7f72\u540d\u3057\u305f\u3002"),
    "chain_dot.txt": ("", "\u65e5\u672c\u30fb\u4e2d\u56fd\u30fb", ""),
    "orgs.txt": ("", "Northgate Resources Ltd ", ""),
    "ticker.txt": ("", "(ASX: ABC) ", ""),
    "sentences.txt": ("", "Japan signed. ", ""),
    "newlines.txt": ("", "\n", ""),
    "word.txt": ("", "a", ""),
    # Page furniture that never closes, figures taking the currency before them, clause dashes.
    "furniture.html": ("<p>", "<div class=\"ticker\">x ", ""),
    "furniture_id.html": ("<p>", "<a id=ad>x ", ""),
    "elided.txt": ("", "$5 billion, 3 billion, ", ""),
    "dashes.txt": ("China imposed tariffs ", "a \u2013 ", ""),
    # Count words beside groupings, each once compared with every hit of its sentence.
    "counts.txt": ("", "Central Asia and the three countries, ", ""),
}


def write(out, size_mb, name):
    prefix, unit, suffix = CASES[name]
    data_bytes = int(size_mb * 1e6)
    unit_b = unit.encode()
    n = max(1, (data_bytes - len(prefix.encode())) // len(unit_b))
    with open(os.path.join(out, name), "wb") as f:
        f.write(prefix.encode() + unit_b * n + suffix.encode())


def main():
    out, size_mb = sys.argv[1], float(sys.argv[2])
    names = sys.argv[3:] or sorted(CASES)
    os.makedirs(out, exist_ok=True)
    for name in names:
        if name not in CASES:
            sys.exit("gen_hostile.py: no case %r (cases: %s)" % (name, " ".join(sorted(CASES))))
        write(out, size_mb, name)


if __name__ == "__main__":
    main()
