#!/usr/bin/python3
"""Deterministic multilingual corpus for kgx benchmarks.

    bench/gen_corpus.py OUT_DIR SIZE_MB [SEED]

Writes news-like documents in English, Simplified and Traditional Chinese,
Japanese, Korean and French, as plain text, markdown with front matter and
HTML, with lengths from a few sentences to a few hundred, until SIZE_MB
megabytes are written. The same arguments always give the same files."""
import os
import random
import sys

out, size_mb = sys.argv[1], float(sys.argv[2])
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 42)

PARTIES = {
    "en": ["Australia", "Japan", "the United States", "India", "Indonesia", "Chile", "the EU",
           "South Korea", "Canada", "France", "the Philippines", "China", "Congo", "Brazil"],
    "zh-Hans": ["澳大利亚", "日本", "美国", "印度", "印度尼西亚", "智利", "欧盟", "韩国", "菲律宾", "中国"],
    "zh-Hant": ["澳洲", "日本", "美國", "印度", "印尼", "智利", "歐盟", "韓國", "菲律賓", "中國"],
    "ja": ["豪州", "日本", "米国", "インド", "インドネシア", "チリ", "EU", "韓国", "フィリピン", "中国"],
    "ko": ["호주", "일본", "미국", "인도", "인도네시아", "칠레", "유럽연합", "한국", "필리핀", "중국"],
    "fr": ["l'Australie", "le Japon", "les États-Unis", "l'Inde", "l'Indonésie", "le Chili",
           "l'Union européenne", "la Corée du Sud", "le Canada", "la France"],
}
MINERALS = {
    "en": ["lithium", "nickel", "cobalt", "rare earths", "gallium", "graphite", "copper"],
    "zh-Hans": ["锂", "镍", "钴", "稀土", "镓", "石墨", "铜"],
    "zh-Hant": ["鋰", "鎳", "鈷", "稀土", "鎵", "石墨", "銅"],
    "ja": ["リチウム", "ニッケル", "コバルト", "レアアース", "ガリウム", "黒鉛", "銅"],
    "ko": ["리튬", "니켈", "코발트", "희토류", "갈륨", "흑연", "구리"],
    "fr": ["lithium", "nickel", "cobalt", "terres rares", "gallium", "graphite", "cuivre"],
}
ORGS = ["Sojitz", "JOGMEC", "Lynas", "Albemarle", "Glencore", "Codelco", "POSCO", "Umicore",
        "Pan Pacific Metals Ltd", "Northgate Resources"]
TEMPLATES = {
    "en": ["{a} and {b} signed an agreement on {m} supply worth US${n} billion.",
           "{o} said it would invest A${n} million in a {m} refinery in {a}.",
           "Officials from {a} met their counterparts from {b} on Tuesday to discuss {m}.",
           "Output of {m} rose {p}% in the quarter, the company said.",
           "Analysts said {a} could restrict exports of {m} to {b}."],
    "zh-Hans": ["{a}与{b}签署了{m}供应合作协议，金额约{n}亿美元。",
                "{o}表示将在{a}投资{n}亿元人民币建设{m}项目。",
                "{a}和{b}的官员周二就{m}问题举行会谈。",
                "该公司{m}产量同比增长{p}%。"],
    "zh-Hant": ["{a}與{b}簽署了{m}供應合作協議，金額約{n}億澳元。",
                "{o}表示將在{a}投資{n}億美元建設{m}項目。",
                "{a}和{b}的官員週二就{m}問題舉行會談。"],
    "ja": ["{a}と{b}は{m}の供給で協力する覚書に署名した。総額は{n}億ドル。",
           "{o}は{a}の{m}事業に{n}億円を出資すると発表した。",
           "{a}政府は{m}の輸出規制を強化する方針だ。",
           "{m}の生産量は前年比{p}%増えた。"],
    "ko": ["{a}과 {b}는 {m} 공급망 협력 양해각서에 서명했다. 규모는 {n}억 달러다.",
           "{o}는 {a}의 {m} 사업에 {n}억 원을 투자한다고 밝혔다."],
    "fr": ["{a} et {b} ont signé un accord sur le {m}, pour {n} milliards de dollars.",
           "{o} va investir {n} millions d'euros dans une usine de {m} en {a}."],
}
LANGS = ["en"] * 5 + ["zh-Hans"] * 2 + ["zh-Hant"] + ["ja"] * 2 + ["ko", "fr"]


def sentence(lang):
    t = rng.choice(TEMPLATES[lang])
    a, b = rng.sample(PARTIES[lang], 2)
    return t.format(a=a, b=b, m=rng.choice(MINERALS[lang]), o=rng.choice(ORGS),
                    n=rng.randint(1, 90), p=rng.randint(1, 40))


def document(lang, fmt, n):
    title = sentence(lang)
    body = [sentence(lang) for _ in range(n)]
    paras = ["".join(body[i:i + 4]) if lang != "en" else " ".join(body[i:i + 4])
             for i in range(0, len(body), 4)]
    if fmt == "md":
        return "---\ntitle: %s\ndatetime: 2025-%02d-%02dT09:00:00Z\nlocale: %s\n---\n\n%s\n" % (
            title, rng.randint(1, 12), rng.randint(1, 28), lang, "\n\n".join(paras))
    if fmt == "html":
        return ("<html lang=\"%s\"><head><title>%s</title><style>p{margin:0}</style>"
                "<script>var x = 1;</script></head><body><h1>%s</h1>%s"
                "<div class=\"share\">Share &amp; follow</div></body></html>\n") % (
            lang, title, title, "".join("<p>%s</p>" % p for p in paras))
    return title + "\n\n" + "\n\n".join(paras) + "\n"


os.makedirs(out, exist_ok=True)
written, i = 0, 0
target = int(size_mb * 1024 * 1024)
while written < target:
    lang = rng.choice(LANGS)
    fmt = rng.choice(["txt", "txt", "md", "html"])
    n = int(rng.lognormvariate(2.7, 0.8)) + 2  # Median about 16 sentences.
    text = document(lang, fmt, n).encode("utf-8")
    sub = os.path.join(out, "%03d" % (i // 1000))
    os.makedirs(sub, exist_ok=True)
    with open(os.path.join(sub, "doc%06d.%s" % (i, fmt)), "wb") as f:
        f.write(text)
    written += len(text)
    i += 1
print("%d documents, %.1f MB in %s" % (i, written / 1e6, out))
