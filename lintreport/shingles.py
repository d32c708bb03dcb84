"""Character shingles of normalised Chinese text, for finding repeated and copied passages.

Text is compared by characters: a `\\W`-split "word" of Chinese is a whole clause, so word
shingles would miss every edited copy. Before comparing, width is folded, punctuation and
spaces are dropped and every number becomes `#` (a copy keeps the words and changes the
figures). Within one report an inverted index of n-grams finds candidate pairs; across many
reports each paragraph gets a MinHash sketch (one-permutation hashing, so one hash per
shingle) cut into LSH bands, and paragraphs meet only when a band matches: sub-quadratic.
"""
from __future__ import annotations

import re
import sys
import zlib
from array import array
from collections import Counter
from functools import lru_cache
from itertools import chain, compress

from .hanzi import fold

WORD = re.compile(r"[^\W_]+")
DIGITS = re.compile(r"\d+")
MASK64 = (1 << 64) - 1
MIX = 0x9E3779B97F4A7C15        # odd 64-bit constant: spreads crc32 over the high bits
EMPTY = MASK64
# A k-gram in more texts than this is stock phrasing: the texts it already lists are the
# earliest and are the ones to pair a new text with; listing every further one made a report
# of one phrase repeated a million times quadratic.
POSTINGS = 64
CANDIDATES = 64                 # texts compared in full with each text, at most
# Paragraphs of one report in one LSH bucket, at most: a report that repeats a paragraph
# thousands of times (repeats within a report are D001's) made the pairs with another
# report's copies quadratic; the first few show the copy.
PER_REPORT = 4
# Texts of one report above which loading numpy (about 60 ms) pays for itself in repeats()
BULK = 5000
CONTAINED = 0.9                 # a shorter text this alike to part of a longer one is inside it


def normalize(text: str) -> str:
    """Folded, lower-case text without spaces or punctuation, numbers masked as '#'."""
    text = "".join(WORD.findall(fold(text).lower()))
    # letters only (most sentences): no digit to mask, and isalpha() is far cheaper than a scan
    return text if text.isalpha() else DIGITS.sub("#", text)


def grams(norm: str, k: int, sample: int = 1) -> set[str]:
    """The set of character k-grams of a normalised text (the text itself if shorter).

    With sample > 1 only the k-grams that start with a character whose code is a multiple
    of `sample` (a divisor of 256) are kept: a fixed, deterministic subset, so two texts keep
    the same k-grams of what they share and their overlap can still be estimated, for less work.
    """
    if len(norm) <= k:
        return {norm} if norm else set()
    starts = range(len(norm) - k + 1)
    if sample > 1:
        # Which starts to keep, worked out in C rather than with ord() per character: the
        # low byte of each code point (every fourth byte of UTF-32-LE) is mapped to 1 when
        # it is a multiple of `sample`, and compress() keeps those starts.
        low = norm.encode("utf-32-le")[0:4 * len(starts):4]
        starts = compress(starts, low.translate(_keep(sample)))
    return {norm[i:i + k] for i in starts}


@lru_cache(maxsize=None)
def _keep(sample: int) -> bytes:
    """A bytes.translate table: 1 for the byte values that are multiples of `sample`, else 0."""
    if 256 % sample:
        raise ValueError(f"sample must divide 256, not {sample}")
    return bytes(1 if b % sample == 0 else 0 for b in range(256))


def similarity(a: str, b: str, cutoff: float = 0.0) -> float:
    """How alike two normalised texts are, 0..1 (0 below `cutoff`).

    rapidfuzz's normalised Indel similarity. When one text is between half and nine tenths
    as long as the other, it may instead lie almost whole inside the longer one (a copy with
    a clause added): that counts from CONTAINED up. Texts of about equal length need no such
    alignment search, which costs a hundred times more and rewards chance overlaps.
    """
    from rapidfuzz.fuzz import partial_ratio, ratio
    score = ratio(a, b, score_cutoff=cutoff * 100)
    short, long_ = sorted((len(a), len(b)))
    if score < 100 and 2 * short >= long_ and 10 * short < 9 * long_:
        score = max(score, partial_ratio(a, b, score_cutoff=max(cutoff, CONTAINED) * 100))
    return score / 100


def repeats(texts: list[str], k: int, min_shared: float, min_similarity: float,
            sample: int = 1, shared=None):
    """(later, earlier, similarity) for each text that repeats an earlier one of the list.

    Candidates share at least `min_shared` of the shorter text's k-grams (of the sampled
    ones, see grams()), found through an inverted index; similarity() then decides. The
    earliest of the best matches wins. `shared` is what shared_in_groups() gave for these
    texts, if it was worked out already.
    """
    sizes, shared = shared or shared_in_groups([(texts, sample)], k)[0]
    index: dict = {}                # k-gram → the texts that have it (POSTINGS at most)
    first: dict[str, int] = {}      # a text seen before, word for word: its first place
    found = []
    for j, mine_shared in enumerate(shared):
        if not mine_shared:
            continue
        same = first.setdefault(texts[j], j)
        if same != j:       # an exact repeat needs no search, and adds nothing to the index
            found.append((j, same, 1.0))
            continue
        counts = Counter(chain.from_iterable([index[g] for g in mine_shared if g in index]))
        size = sizes[j]
        eligible = sorted(i for i, c in counts.items()
                          if c >= min_shared * (size if sizes[i] > size else sizes[i]))
        if len(eligible) > CANDIDATES:      # the most alike first, then in order
            eligible = sorted(sorted(eligible, key=counts.__getitem__, reverse=True)[:CANDIDATES])
        best = None
        for i in eligible:
            score = similarity(texts[i], texts[j], min_similarity)
            if score and (best is None or score > best[1]):
                best = (i, score)
        if best:
            found.append((j, *best))
        for g in mine_shared:
            posting = index.setdefault(g, [])
            if len(posting) < POSTINGS:
                posting.append(j)
    return found


def shared_in_groups(groups: list[tuple[list[str], int]], k: int) -> list:
    """For each (texts, sample) of `groups`, (sizes, shared): how many k-grams each text has
    (see grams()), and those of them that occur in another text of the same list: most
    k-grams of a report occur in one text only and can make no pair. With numpy loaded (it
    is for any batch, by D002) the k-grams are packed into integers and compared in bulk,
    all lists at once (lintreport.minhash.shared_in_groups); otherwise with set operations
    on the strings. Both give the same pairs."""
    found = [None] * len(groups)
    if "numpy" in sys.modules or sum(len(texts) for texts, _ in groups) > BULK:
        from .minhash import shared_in_groups as bulk
        found = bulk(groups, k)
    return [f if f is not None else _shared_strings(texts, k, sample)
            for f, (texts, sample) in zip(found, groups)]


def _shared_strings(texts: list[str], k: int, sample: int):
    sets = [grams(text, k, sample) for text in texts]
    seen: set[str] = set()
    common: set[str] = set()
    for mine in sets:
        common |= mine & seen
        seen |= mine
    return [len(mine) for mine in sets], [mine & common for mine in sets]


def sketch(norm: str, k: int, bins: int) -> list[int]:
    """A MinHash signature of the text's k-grams: `bins` minima (one-permutation hashing).

    Each k-gram is hashed once (crc32, stable across processes unlike hash()); its top bits
    pick a bin and the bin keeps its smallest hash. Empty bins borrow from the next full bin
    to the right, so equal texts always get equal signatures (densification).
    """
    crc = zlib.crc32
    sig = [EMPTY] * bins
    for i in range(max(len(norm) - k + 1, 1)):
        x = (crc(norm[i:i + k].encode()) * MIX) & MASK64
        b = ((x >> 32) * bins) >> 32       # the high bits pick the bin
        if x < sig[b]:
            sig[b] = x
    if EMPTY in sig and any(v != EMPTY for v in sig):
        original = list(sig)
        for b in range(bins):
            step = 1
            while original[b] == EMPTY and sig[b] == EMPTY:
                donor = original[(b + step) % bins]
                if donor != EMPTY:
                    sig[b] = (donor + step * MIX) & MASK64
                step += 1
    return sig


def band_keys(sig: list[int], rows: int) -> list[int]:
    """One 64-bit key per band of `rows` signature values; equal bands give equal keys."""
    keys = []
    for start in range(0, len(sig) - rows + 1, rows):
        h = start + 1
        for v in sig[start:start + rows]:
            h = ((h * 1000003) ^ v) & MASK64
        keys.append(h)
    return keys


def candidates(keys: list[array], bands: int, common: int):
    """Candidate pairs among the paragraphs of many reports, by LSH band collisions.

    `keys[r]` holds the band keys of report r's paragraphs, paragraph by paragraph. Returns
    (owner, pairs, template): owner[g] is the report of global paragraph g, pairs the set of
    (g1, g2) from different reports that share a band, and template the paragraphs that share
    most of their bands with `common` or more reports (stock text, not a copy).
    """
    owner = array("I")
    for r, ks in enumerate(keys):
        owner.extend([r] * (len(ks) // bands))
    pairs: set[tuple[int, int]] = set()
    crowded = {}
    for b in range(bands):
        first: dict[int, int] = {}
        shared: dict[int, list[int]] = {}
        g = 0
        for ks in keys:
            for key in ks[b::bands]:
                f = first.setdefault(key, g)
                if f != g:
                    members = shared.setdefault(key, [f])
                    # members come report by report: the last ones are this report's
                    if len(members) < PER_REPORT or owner[members[-PER_REPORT]] != owner[g]:
                        members.append(g)
                g += 1
        del first
        for members in shared.values():
            reports = {owner[x] for x in members}
            if len(reports) < 2:
                continue
            if len(reports) >= common:
                for x in members:
                    crowded[x] = crowded.get(x, 0) + 1
                continue
            for i, x in enumerate(members):
                for y in members[i + 1:]:
                    if owner[x] != owner[y]:
                        pairs.add((x, y))
    template = {x for x, n in crowded.items() if 2 * n > bands}
    pairs = {(x, y) for x, y in pairs if x not in template and y not in template}
    return owner, pairs, template
