"""No word of the report lost, duplicated or moved: the first promise of the site.

The proof works on the exported JSON, not on the extractor's internals:
1. every non-blank character of the source is covered by exactly one span of
   the model (a text block, a footnote, a footnote marker) or of `removed`;
2. each text of the model has exactly the words of the source stretches it
   claims, in the same order (hyphens and footnote digits aside).
"""

import re
from collections import Counter

import pytest

from macros.model import to_json

WORD = re.compile(r"[^\W\d_]+|\d+")


def words(text):
    return [w.lower() for w in WORD.findall(text.replace("-", ""))]


def source_words(lines, spans):
    """Words of source stretches, with words hyphenated across lines joined."""
    parts = [lines[line - 1][a:b] for line, a, b in spans]
    text = "\n".join(parts)
    # Blank lines may stand between the halves (footnotes set with a gap).
    text = re.sub(r"(?<=[^\W\d_])-\n(?:[ \t]*\n)*(?=[^\W\d_])", "", text)
    # A URL broken over two lines is one address: "NORMLEXPUB:121" / "00:0::NO::…" reads "12100".
    text = re.sub(r"((?:https?://|www\.)\S*)\n(?!https?://|www\.)(?=\S*[/%:_=&?#]\S*[ \t]*(?:\n|$))", r"\1", text)
    return words(text)


def texts_with_spans(node, path="$"):
    """Every (path, text, spans) in the exported model."""
    if isinstance(node, dict):
        if "text" in node and "spans" in node:
            yield path, node["text"], [tuple(s) for s in node["spans"]]
        for key, value in node.items():
            if key not in ("removed",):
                yield from texts_with_spans(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from texts_with_spans(value, f"{path}[{i}]")


@pytest.fixture(scope="module")
def exported(report):
    return to_json(report)


@pytest.fixture(scope="module")
def coverage(report, exported):
    lines = open(report.source, encoding="utf-8").read().split("\n")
    covered = Counter()
    owners = []
    for path, text, spans in texts_with_spans(exported):
        owners.append((path, text, spans))
    for p in exported["paragraphs"]:
        for f in p["footnotes"]:
            owners.append((f"footnote marker {f['series']} {f['number']}", None, [tuple(f["marker"])]))
    for r in exported["removed"]:
        owners.append((f"removed line {r['line']} ({r['reason']})", None, [tuple(r["span"])]))
    for _, _, spans in owners:
        for line, a, b in spans:
            for col in range(a, b):
                if not lines[line - 1][col].isspace():
                    covered[(line, col)] += 1
    return lines, owners, covered


def test_every_character_is_claimed_exactly_once(coverage):
    lines, _, covered = coverage
    lost, duplicated = [], []
    for n, text in enumerate(lines, start=1):
        for col, ch in enumerate(text):
            if ch.isspace():
                continue
            k = covered.get((n, col), 0)
            if k == 0:
                lost.append((n, col))
            elif k > 1:
                duplicated.append((n, col))
    lost_words = sum(len(words(lines[n - 1][c:c + 1])) for n, c in lost)
    print(f"\nfidelity: {len(lost)} characters lost, {len(duplicated)} characters claimed twice")
    assert not lost, f"unclaimed source text, first at line {lost[0][0]}: {lines[lost[0][0] - 1]!r}"
    assert not duplicated, f"source text claimed twice, first at line {duplicated[0][0]}"
    assert lost_words == 0


def test_each_text_has_exactly_the_words_of_its_source(coverage):
    lines, owners, _ = coverage
    lost = duplicated = 0
    problems = []
    for path, text, spans in owners:
        if text is None:
            continue
        expected = Counter(source_words(lines, sorted(spans)))
        got = Counter(words(text))
        missing, extra = expected - got, got - expected
        lost += sum(missing.values())
        duplicated += sum(extra.values())
        if missing or extra:
            problems.append((path, dict(missing), dict(extra)))
        elif source_words(lines, sorted(spans)) != words(text):
            problems.append((path, "same words in another order", None))
    print(f"\nfidelity: {lost} words lost, {duplicated} words duplicated")
    assert not problems, problems[:5]
    assert (lost, duplicated) == (0, 0)


def test_word_totals_match_the_source(report, coverage):
    """All words of the source file = words of the model + words removed."""
    lines, owners, _ = coverage
    # Footnote digits aside: blank the markers out of the source.
    blanked = list(lines)
    for path, text, spans in owners:
        if path.startswith("footnote marker"):
            (line, a, b), = spans
            blanked[line - 1] = blanked[line - 1][:a] + " " * (b - a) + blanked[line - 1][b:]
    source = Counter(source_words(blanked, [(n, 0, len(t)) for n, t in enumerate(blanked, start=1)]))
    model = Counter()
    for path, text, spans in owners:
        if text is not None:
            model.update(words(text))
        elif not path.startswith("footnote marker"):
            for line, a, b in spans:
                model.update(words(lines[line - 1][a:b]))
    lost, duplicated = source - model, model - source
    # Words hyphenated across a page break are joined in the model only.
    print(f"\nfidelity (totals): {sum(lost.values())} words lost, {sum(duplicated.values())} duplicated")
    assert not lost and not duplicated, (dict(list(lost.items())[:10]), dict(list(duplicated.items())[:10]))
