#!/usr/bin/env python3
"""Writes gazetteers/organizations_government_generated.tsv: the press names
of government bodies by function (foreign affairs, commerce, finance...) for
each country of countries.tsv, in each language of functions.tsv, as aliases
of one entity per (function, country).

Run from the repository root:  python3 tools/gazetteer_gen/gen_government.py
With --check it writes nothing and exits 1 when the checked-in file is not
what the sources give (a test runs that), 77 when ICU's uconv is missing.
The output is deterministic; an alias that the hand-written gazetteers
already give any entity is left out (theirs wins), so the file never makes
an alias name two organizations. Chinese aliases are written in Simplified
and, through ICU's `uconv -x Hans-Hant`, in Traditional.
"""
import os
import re
import unicodedata
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
GAZ = os.path.join(ROOT, "gazetteers")
OUT = os.path.join(GAZ, "organizations_government_generated.tsv")


def rows(path):
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if not line or line.startswith("#"):
                continue
            yield n, line.split("\t")


def fold(s):
    # As kgx compares aliases: NFKC, then case folding (a full-width form is
    # the same alias).
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", s).strip()).casefold()


def existing_aliases():
    """alias (folded) -> id, and id -> (kind, country), over every org line."""
    alias_id, attrs = {}, {}
    for name in sorted(os.listdir(GAZ)):
        if not name.endswith(".tsv") or name == os.path.basename(OUT):
            continue
        kind = None
        for _, f in rows(os.path.join(GAZ, name)):
            if f[0] == "@kind":
                kind = f[1]
                continue
            if kind not in ("organization", "media", "country", "group", "person"):
                continue
            if len(f) < 3:
                continue
            ident, alias = f[0], f[2]
            alias_id.setdefault(fold(alias), (kind, ident))
            if kind == "organization":
                a = attrs.setdefault(ident, {})
                for item in f[3:]:
                    if "=" in item:
                        k, v = item.split("=", 1)
                        a.setdefault(k, v)
    return alias_id, attrs


def demonyms():
    out = {}
    for _, f in rows(os.path.join(GAZ, "demonyms.tsv")):
        if f[0].startswith("@") or len(f) < 3:
            continue
        out.setdefault((f[0], f[1]), []).append(f[2])
    return out


def hant(words):
    if not words:
        return {}
    res = subprocess.run(["uconv", "-x", "Hans-Hant"], input="\n".join(words) + "\n",
                         capture_output=True, text=True, check=True)
    return dict(zip(words, res.stdout.splitlines()))


def main():
    check = sys.argv[1:] == ["--check"]
    if sys.argv[1:] and not check:
        sys.exit("usage: gen_government.py [--check]")
    if check and shutil.which("uconv") is None:
        print("uconv (ICU) not found: not checked", file=sys.stderr)
        sys.exit(77)
    slots = {}
    for n, f in rows(os.path.join(HERE, "countries.tsv")):
        if len(f) != 3:
            sys.exit(f"countries.tsv:{n}: want country<TAB>slot<TAB>forms")
        slots.setdefault(f[0], {})[f[1]] = f[2].split("|")
    whats, templates = {}, []
    for n, f in rows(os.path.join(HERE, "functions.tsv")):
        if len(f) != 3:
            sys.exit(f"functions.tsv:{n}: want function<TAB>lang<TAB>template")
        if f[0] == "what":
            whats[f[1]] = f[2]
        else:
            templates.append((f[0], f[1], f[2]))
    bodies = {}
    for n, f in rows(os.path.join(HERE, "bodies.tsv")):
        if len(f) != 3:
            sys.exit(f"bodies.tsv:{n}: want function<TAB>country<TAB>id|-")
        bodies[(f[0], f[1])] = f[2]
    alias_id, attrs = existing_aliases()
    dem = demonyms()

    def fill(template, cc, lang):
        s = slots[cc]
        values = {
            "name": s.get(lang, []), "of": s.get(lang, []) if lang in ("fr", "es", "it", "pt") else [],
            "gen": s.get("ru", []) if lang == "ru" else [], "en": s.get("en", []),
            "desg": s.get("desg", []) if lang == "de" else [],
            "degen": s.get("degen", []) if lang == "de" else [],
            "poss": s.get("poss", []), "adj": s.get("adj", []), "dm": dem.get((cc, lang), []),
            "df": [" ".join(w + "ة" if w.endswith("ي") else w for w in d.split(" "))
                   for d in dem.get((cc, "ar"), [])],
        }
        out = [template]
        for key in re.findall(r"\{(\w+)\}", template):
            out = [o.replace("{" + key + "}", v, 1) for o in out for v in values[key]]
        return out

    lines, skipped = [], 0
    zh_words = []
    for (fn, cc) in [(fn, cc) for fn in whats for cc in slots]:
        ident = bodies.get((fn, cc))
        if ident == "-":
            continue
        if ident is None:
            en = "Ministry of %s of %s" % (whats[fn], slots[cc]["en"][0])
            hit = alias_id.get(fold(en))
            ident = hit[1] if hit and hit[0] == "organization" else en
        elif ident not in attrs:
            sys.exit(f"bodies.tsv: no organization '{ident}' in gazetteers/ for {fn} {cc}")
        a = attrs.get(ident, {})
        if a.get("country", cc) != cc:
            sys.exit(f"bodies.tsv: {ident} is based in {a['country']}, not {cc}")
        first = True
        for tfn, lang, template in templates:
            if tfn != fn:
                continue
            for alias in fill(template, cc, lang):
                forms = [(lang, alias)]
                if lang == "zh":
                    zh_words.append(alias)
                for l, al in forms:
                    hit = alias_id.get(fold(al))
                    if hit:
                        skipped += hit[1] != ident
                        continue
                    alias_id[fold(al)] = ("organization", ident)
                    extra = "\tkind=agency\tcountry=" + cc if first else ""
                    first = False
                    lines.append(f"{ident}\t{l}\t{al}{extra}")
    conv = hant(sorted(set(zh_words)))
    final = []
    for line in lines:
        final.append(line)
        ident, lang, alias = line.split("\t")[:3]
        t = conv.get(alias)
        if lang == "zh" and t and t != alias and fold(t) not in alias_id:
            alias_id[fold(t)] = ("organization", ident)
            final.append(f"{ident}\tzh\t{t}")
    text = ("# Generated by tools/gazetteer_gen/gen_government.py from its countries.tsv,\n"
            "# functions.tsv and bodies.tsv and gazetteers/demonyms.tsv; do not edit,\n"
            "# edit those and run it again. Government bodies by function and country, in\n"
            "# each language's press form (ministère chinois du Commerce, Минфин США,\n"
            "# وزارة الخارجية الأمريكية, 미국 재무부); aliases other files hold are left out.\n"
            "@kind\torganization\n" + "\n".join(final) + "\n")
    if check:
        with open(OUT, encoding="utf-8") as f:
            if f.read() != text:
                sys.exit(f"{OUT} is not what tools/gazetteer_gen gives: run "
                         "python3 tools/gazetteer_gen/gen_government.py")
        return
    tmp = OUT + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, OUT)
    print(f"{len(final)} lines, {skipped} aliases left to another entity", file=sys.stderr)


if __name__ == "__main__":
    main()
