"""lintreport.minhash gives exactly the band keys of the scalar shingles.sketch/band_keys, so
D002 meets the same candidate pairs whichever computes them."""
import zlib
from array import array

from hypothesis import given, settings, strategies as st

from lintreport import lsh as L
from lintreport import minhash as M
from lintreport import shingles as S

# one-, two-, three- and four-byte UTF-8 characters, as normalised text holds them
ALPHABET = "法治政府建设依法行政#abé١😀𠀀"


def scalar(norms, k=5, bands=21, rows=3):
    out = array("Q")
    for t in norms:
        out.extend(S.band_keys(S.sketch(t, k, bands * rows), rows))
    return out


def test_crc_of_every_gram_is_zlibs():
    text = "法治政府#建设abcé😀x依法行政" * 3
    assert list(M.gram_crcs(text, 5)) == [zlib.crc32(text[i:i + 5].encode())
                                          for i in range(len(text) - 4)]


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(max_codepoint=0x10FFFF, exclude_categories=("Cs",)), max_size=40) |
       st.text(ALPHABET, max_size=40), st.sampled_from([1, 3, 4, 5]))
def test_crc_by_tables_and_by_bytes_are_zlibs(text, k):
    """Text of the Basic Multilingual Plane takes the lookup tables, wider text the byte
    loop: both give zlib's crc32 of every k-gram."""
    assert list(M.gram_crcs(text, k)) == [zlib.crc32(text[i:i + k].encode())
                                          for i in range(len(text) - k + 1)]
    bmp = "".join(c for c in text if ord(c) < 0x10000)
    assert list(M.gram_crcs(bmp, k)) == [zlib.crc32(bmp[i:i + k].encode())
                                         for i in range(len(bmp) - k + 1)]


def test_a_report_of_paragraphs():
    norms = ["坚持以习近平新时代中国特色社会主义思想为指导全面推进依法行政#项",
             "法治政府建设" * 20, "深入学习贯彻党的二十大精神" + "#" * 3 + "abc" * 10]
    assert M.band_keys(norms, 5, 21, 3) == scalar(norms)


def test_shorter_than_a_gram_and_empty():
    assert M.band_keys(["法治", "依法行政建设", ""], 5, 21, 3) == scalar(["法治", "依法行政建设", ""])
    assert M.band_keys([], 5, 21, 3) == array("Q")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(ALPHABET, min_size=5, max_size=150), min_size=1, max_size=6),
       st.sampled_from([(5, 21, 3), (4, 16, 4), (3, 8, 2)]))
def test_same_keys_as_the_scalar_code(norms, shape):
    k, bands, rows = shape
    assert M.band_keys(norms, k, bands, rows) == scalar(norms, k, bands, rows)


def string_shared(texts, k, sample):
    sets = [S.grams(t, k, sample) for t in texts]
    counts = {}
    for mine in sets:
        for g in mine:
            counts[g] = counts.get(g, 0) + 1
    return [len(m) for m in sets], [len({g for g in m if counts[g] > 1}) for m in sets]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text("法治政府建设依法#ab", min_size=5, max_size=40), min_size=1, max_size=8),
       st.sampled_from([1, 2, 4]))
def test_shared_grams_count_what_the_string_grams_count(texts, sample):
    sizes, shared = M.shared_grams(texts, 4, sample)
    assert (sizes, [len(s) for s in shared]) == string_shared(texts, 4, sample)


def test_repeats_alike_with_and_without_bulk(monkeypatch):
    texts = ["全面推进依法行政工作取得新成效", "法治政府建设稳步推进各项工作",
             "全面推进依法行政工作取得新的成效", "法治政府建设稳步推进各项工作"] * 3
    bulk = S.repeats(texts, 4, 0.5, 0.85)
    monkeypatch.setattr(S, "BULK", 10 ** 9)
    monkeypatch.delitem(S.sys.modules, "numpy")
    assert S.repeats(texts, 4, 0.5, 0.85) == bulk and bulk


def test_too_wide_or_too_short_falls_back_to_strings():
    assert M.shared_grams(["𠀀𠀁𠀂𠀃𠀄", "𠀀𠀁𠀂𠀃"], 4, 1) is None
    assert M.shared_grams(["法治政府建设", "依法行政"], 4, 1) is None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.lists(st.integers(0, 5), min_size=3, max_size=3), max_size=8),
                max_size=25),
       st.sampled_from([1, 2, 3, 10]))
def test_candidates_as_the_scalar_code(reports, common):
    keys = [array("Q", [v for para in r for v in para]) for r in reports]
    assert L.candidates(keys, 3, common) == S.candidates(keys, 3, common) == \
        L.candidates(keys, 3, common, threads=2)


# texts of related lengths (equal, contained, far apart) that share most of their characters
_NORM = st.text("法治政府建设依法行政#ab", min_size=1, max_size=60)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_NORM, _NORM, st.sampled_from([0.0, 0.5, 0.8, 0.85, 0.9, 0.95])),
                max_size=20), st.sampled_from([1, 2]))
def test_bulk_similarities_as_one_by_one(pairs, threads):
    pairs += [(a, a + b, c) for a, b, c in pairs]       # one inside the other
    texts, cutoffs = [(a, b) for a, b, _ in pairs], [c for _, _, c in pairs]
    assert L.similarities(texts, cutoffs, threads) == \
        [S.similarity(a, b, c) for (a, b), c in zip(texts, cutoffs)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.lists(st.text("法治政府建设依法#ab", min_size=5, max_size=30),
                                   max_size=6), st.sampled_from([1, 2, 4])), max_size=3))
def test_groups_share_only_within_themselves(groups):
    assert M.shared_in_groups(groups, 4) == [M.shared_grams(t, 4, s) if t else ([], [])
                                             for t, s in groups]
