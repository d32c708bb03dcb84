"""lintreport.reporttext and reportgrams give D001 exactly what normalising each unit and
shingles.repeats() give: the same normalised texts, sentences and repeats."""
import random
from types import SimpleNamespace

from hypothesis import given, settings, strategies as st

from lintreport import hanzi as T
from lintreport import reportgrams as G
from lintreport import reporttext as R
from lintreport import shingles as S

# letters, digits of three widths, marks that split sentences and clauses, spaces, and
# characters that NFKC changes (width, ①, ⑩, ㈠, …) or that compose with their neighbours
SAFE = "依法行政治宣传矛盾纠纷化解abAＢ12３①⑩㈠…，。；：,: \u3000#_é가"
ALPHABET = SAFE + "\u0301\u11a8Σ"


def paragraphs(texts):
    out = []
    for n, text in enumerate(texts):
        lead = "　" * (n % 2)
        line = SimpleNamespace(text=lead + text)
        out.append(SimpleNamespace(line=line, start=len(lead), text=text.strip(T.SPACES)))
    return out


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(SAFE, max_size=40), max_size=5) |
       st.lists(st.text(ALPHABET, max_size=40), max_size=5), st.randoms(use_true_random=False))
def test_texts_and_slices_are_those_of_normalize(texts, rng):
    paras = paragraphs(texts)
    rt = R.report_text(paras)
    if rt is None:      # a composing character or a sigma: each text is normalised alone
        assert any(c in "".join(texts) for c in "\u0301\u11a8Σ")
        return
    assert rt.paragraphs() == [S.normalize(p.text) for p in paras]
    starts, ends, want = [], [], []
    for n, p in enumerate(paras):
        for _ in range(4):
            a = rng.randint(p.start, len(p.line.text))
            b = rng.randint(a, len(p.line.text))
            starts.append(rt.base[n] + a - p.start)
            ends.append(rt.base[n] + b - p.start)
            want.append(S.normalize(p.line.text[a:b]))
    first, end = rt.spans(starts, ends)
    assert [rt.norm[f:e] for f, e in zip(first.tolist(), end.tolist())] == want


WORDS = ["依法行政", "法治宣传", "矛盾纠纷", "化解", "全年", "开展", "群众", "镇村", "学法", "12次"]


def report(rng, n):
    return ["".join(rng.choice(WORDS) + rng.choice("，。；、") for _ in range(rng.randint(1, 12)))
            for _ in range(n)]


def both(texts, minimum=8, k=4):
    """reportgrams.repeats() of a report's paragraphs (sampled) and sentences, and
    shingles.repeats() of the same units' normalised texts."""
    paras = paragraphs(texts)
    rt = R.report_text(paras)
    b = rt.bounds
    units = [[(b[n], b[n + 1]) for n in range(len(paras))], []]
    for n, p in enumerate(paras):
        for x, y in T.sentences(p.line.text, p.start):
            units[1].append((rt.base[n] + x - p.start, rt.base[n] + y - p.start))
    levels, plain = [], []
    for sample, spans in zip((4, 1), units):
        first, end = zip(*spans) if spans else ((), ())
        if sample == 1:
            first, end = rt.spans(first, end)
        _, first, end = rt.place(first, end, minimum)
        levels.append((first, end, sample))
        plain.append(S.repeats([rt.norm[f:e] for f, e in zip(first.tolist(), end.tolist())],
                               k, 0.5, 0.85, sample))
    return G.repeats(rt, levels, k, 0.5, 0.85), plain


def test_repeats_are_those_of_shingles():
    rng = random.Random(14)
    hits = 0
    for _ in range(300):
        texts = report(rng, rng.randint(1, 8))
        texts += [t[2:] + "开展" for t in texts[::3]] + texts[1::4]     # edited and exact copies
        rng.shuffle(texts)
        got, want = both(texts)
        assert got is None or got == want
        hits += got is not None and any(want)
    assert hits > 100


def test_more_candidates_than_are_compared():
    """A text that meets more earlier ones than CANDIDATES: the most alike are compared."""
    rng = random.Random(2)
    chunks = ["".join(rng.choice("依法行政治宣传矛盾纠纷化解全年开展群众") for _ in range(6))
              for _ in range(S.CANDIDATES + 10)]
    long = "".join(chunks)
    texts = [c + "。" for c in chunks] + [long[:-3] + "。", long + "。"]
    got, want = both(texts, minimum=6)
    assert got == want and want[1][-1][:2] == (len(texts) - 1, len(texts) - 2)


def test_a_gram_in_more_units_than_a_posting_holds_is_left_to_shingles():
    texts = ["依法行政法治宣传" + "化解" * (n % 7) + "群众" * (n // 7) + "。"
             for n in range(S.POSTINGS + 5)]
    got, want = both(texts, minimum=6)
    assert got is None and want[1]


def test_duplicate_text_finds_the_same_with_and_without_the_report_text(monkeypatch):
    """D001 on the sample reports: the same findings through reportgrams as text by text."""
    from lintreport import checklist as cl
    from lintreport.checks import duplicate as D
    from lintreport.config import Config, apply
    from lintreport.document import parse
    from lintreport.read import read
    from .conftest import FIXTURES
    config = Config()
    rule = next(r for r in apply(cl.load(config.checklist), config) if r.check == "duplicate-text")
    paths = sorted(FIXTURES.glob("*.txt"))
    assert paths
    found = {}
    for numpy_path in (True, False):
        if not numpy_path:
            monkeypatch.setattr(D, "_report_text", lambda doc: None)
        for path in paths:
            doc = parse(read(str(path)))
            found.setdefault(path, []).append(list(D.duplicate_text(doc, rule, None)))
    assert all(a == b for a, b in found.values()) and any(a for a, _ in found.values())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text("法治。！？；，,：:”ab \u3000", max_size=40), max_size=6), st.integers(1, 8))
def test_clauses_are_those_of_the_check(texts, minimum):
    """ReportText.clauses() of the long sentences: duplicate._clauses() of each, in order."""
    from lintreport.checks import duplicate as D
    paras = paragraphs(texts)
    rt = R.report_text(paras)
    spans = [T.sentences(p.line.text, p.start) for p in paras]
    starts, ends, para = rt.flatten(spans)
    long = ends - starts >= minimum
    got = rt.clauses(starts[long], ends[long], D.CLAUSE_MARKS)
    want = [(rt.base[n] + x - p.start, rt.base[n] + y - p.start)
            for n, p in enumerate(paras) for a, b in spans[n] if b - a >= minimum
            for x, y in D._clauses(p.line.text, a, b)]
    assert list(zip(got[0].tolist(), got[1].tolist())) == want


def test_sorted_grams_group_as_a_stable_argsort_does(monkeypatch):
    np = G.np
    rng = random.Random(11)
    for wide in (False, True):
        if wide:        # numbers too wide for a k-gram and its place: the code points
            monkeypatch.setattr(G, "_SEEN", [1 << 15])
            monkeypatch.setattr(G, "RANK", G.RANK.copy())   # the numbers it gives stay here
        for t in range(200):
            cp = np.array([rng.choice([0x4E00, 0x4E01, 0x6CD5, 0x23, 0x61, 0xFFFF, 0x10 + t])
                           for _ in range(rng.randint(4, 60))], dtype=np.uint32)
            k = rng.choice([2, 3, 4])
            n = len(cp) - k + 1
            at = np.array(sorted(rng.sample(range(n), rng.randint(0, n))), dtype=np.intp)
            key, order = G.sorted_grams(cp, at, k)
            grams = [tuple(cp[a:a + k].tolist()) for a in at.tolist()]
            assert sorted(order.tolist()) == list(range(len(grams)))
            # each k-gram one run of equal keys, in order of place; other k-grams other keys
            seen = [grams[i] for i in order.tolist()]
            runs = [x for x in range(len(seen)) if x == 0 or key[x] != key[x - 1]]
            assert len(runs) == len(set(grams))
            for x in range(1, len(seen)):
                assert (key[x] == key[x - 1]) == (seen[x] == seen[x - 1])
                if seen[x] == seen[x - 1]:
                    assert order[x] > order[x - 1]
