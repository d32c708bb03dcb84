"""D001 on one report in numpy: the normalised text of all its paragraphs at once, each
sentence's and clause's normalised text a slice of it, and the pairs of units of one level
that share enough k-grams to be compared. The same texts as shingles.normalize() of each
unit and the same repeats as shingles.repeats() of each level (tests/test_reportgrams.py),
without a normalize() call or a Python set per unit.

Normalising works character by character for almost every character: NFKC, lower case and
dropping what is not a letter or digit change a character without looking at its
neighbours, unless a character composes with one (combining marks, Hangul jamo) or is a
Greek sigma (its lower case depends on the next letter). Each other character of the Basic
Multilingual Plane has an image of at most one character (`#` for a digit), worked out once
(IMAGE); a report with any other character is normalised text by text, as before.
"""
from __future__ import annotations

import unicodedata
from itertools import accumulate, chain

from . import shingles as S
from .minhash import np

UNKNOWN, UNSAFE = 0xFFFFFFFF, 0xFFFFFFFE
HASH = ord("#")
JAMO = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xD7B0, 0xD7FF), (0xFFA0, 0xFFDC))
IMAGE = np.full(0x10000, UNKNOWN, dtype=np.uint32)


def _image(c: str) -> int:
    """What normalize() makes of the character c wherever it stands, or UNSAFE."""
    folded = unicodedata.normalize("NFKC", c)
    lower = folded.lower()
    for x in c + folded + lower:
        if unicodedata.category(x)[0] == "M" or unicodedata.combining(x) or x in "Σσς" or \
                any(a <= ord(x) <= b for a, b in JAMO):
            return UNSAFE
    norm = S.normalize(c)
    if len(norm) > 1 or (norm and ord(norm) >= 0x10000):
        return UNSAFE
    return ord(norm) if norm else 0


class ReportText:
    """The normalised text of a report's paragraphs, one after another (`norm`; paragraph i
    is norm[bounds[i]:bounds[i + 1]]), and where each raw offset of the paragraphs' lines
    (paragraph i's line from its start is at raw offset base[i]) falls in it."""

    def __init__(self, paragraphs):
        raw = [p.line.text[p.start:] for p in paragraphs]
        self.starts = [p.start for p in paragraphs]
        self.base = [0, *accumulate(len(t) for t in raw)]
        cp = np.frombuffer("".join(raw).encode("utf-32-le"), dtype="<u4")
        try:
            image = IMAGE[cp]
        except IndexError:
            raise ValueError("beyond the BMP") from None
        if len(image) and image.max() >= UNSAFE:
            if (image == UNKNOWN).any():
                for c in np.unique(cp[image == UNKNOWN]).tolist():
                    IMAGE[c] = _image(chr(c))
                image = IMAGE[cp]
            if (image == UNSAFE).any():
                raise ValueError("a character normalised with its neighbours")
        mask = image != 0
        self.kept = np.concatenate(([0], np.cumsum(mask)))       # kept chars before x
        values = image[mask]
        # a digit right after a digit of the same paragraph is part of its number (one #)
        self.dropped = np.zeros(len(values) + 1, dtype=bool)
        self.dropped[1:-1] = (values[1:] == HASH) & (values[:-1] == HASH)
        self.dropped[self.kept[self.base[:-1]]] = False         # a paragraph's first
        gone = np.concatenate(([0], np.cumsum(self.dropped)))
        self.pre = self.kept - gone[self.kept]                    # norm chars before x
        self.codes = values[~self.dropped[:-1]]
        self.norm = self.codes.astype("<u4").tobytes().decode("utf-32-le")
        self.bounds = self.pre[self.base].tolist()
        self.raw = cp

    def paragraphs(self) -> list[str]:
        b = self.bounds
        return [self.norm[b[i]:b[i + 1]] for i in range(len(b) - 1)]

    def spans(self, starts, ends):
        """Where the raw spans [starts, ends) fall in norm: (first, end) arrays. A span that
        begins inside a number begun before it starts with that number's #, as normalize()
        of the span alone makes it."""
        a, b = np.asarray(starts, dtype=np.intp), np.asarray(ends, dtype=np.intp)
        first = self.kept[a]
        inside = (first < self.kept[b]) & self.dropped[first]
        return self.pre[a] - inside, self.pre[b]

    def flatten(self, spans):
        """Each paragraph's [(start, end)] in its line: (starts, ends, paragraph) arrays of
        raw offsets, paragraph by paragraph, with the report's offsets (paragraph i's
        spans start at its start in its line, at raw base[i])."""
        count = [len(s) for s in spans]
        flat = np.fromiter(chain.from_iterable(chain.from_iterable(spans)), dtype=np.intp,
                           count=2 * sum(count))
        para = np.repeat(np.arange(len(spans)), count)
        shift = (np.array(self.base[:-1], dtype=np.intp) -
                 np.array(self.starts, dtype=np.intp))[para]
        return flat[0::2] + shift, flat[1::2] + shift, para

    def clauses(self, starts, ends, marks: str):
        """The clauses of the sentences [starts, ends) (in order, disjoint): each ends after
        one of `marks` or at its sentence's end; (starts, ends, sentence) arrays."""
        if not len(starts):
            return starts, ends, np.zeros(0, dtype=np.intp)
        at = np.flatnonzero(_marks(marks)[self.raw])
        sentence = np.searchsorted(starts, at, side="right") - 1
        inside = sentence >= 0
        inside[inside] = at[inside] + 1 < ends[sentence[inside]]    # a clause follows
        begin = np.sort(np.concatenate([starts, at[inside] + 1]))
        sentence = np.searchsorted(starts, begin, side="right") - 1
        end = np.minimum(np.append(begin[1:], begin[-1]), ends[sentence])
        end[-1] = ends[sentence[-1]]
        return begin, end, sentence

    @staticmethod
    def place(first, end, minimum: int = 0):
        """The units [first, end) of norm at least `minimum` long: (their indices, first, end)."""
        first, end = np.asarray(first, dtype=np.intp), np.asarray(end, dtype=np.intp)
        long = np.flatnonzero(end - first >= minimum)
        return long.tolist(), first[long], end[long]


_MARKS: dict = {}


def _marks(marks: str) -> np.ndarray:
    """A lookup table over the BMP: True for the characters of `marks`."""
    if marks not in _MARKS:
        table = np.zeros(0x10000, dtype=bool)
        table[[ord(c) for c in marks]] = True
        _MARKS[marks] = table
    return _MARKS[marks]


def report_text(paragraphs) -> ReportText | None:
    try:
        return ReportText(paragraphs)
    except (ValueError, UnicodeEncodeError):    # wide or composing characters, surrogates
        return None


def repeats(rt: ReportText, levels: list, k: int, min_shared: float, min_similarity: float):
    """shingles.repeats() of each level at once: `levels` holds (first, end, sample) of its
    units' texts in rt.norm; gives each level's found list, or None where this cannot give
    the same (a unit no longer than k, a code point too wide to pack k of, or a k-gram in
    more units than an index posting holds: then shingles.repeats() on the texts)."""
    bits = 64 // k
    first = np.concatenate([f for f, _, _ in levels]).astype(np.intp)
    count = np.concatenate([e for _, e, _ in levels]).astype(np.intp) - first - k + 1
    units = len(first)
    # S.grams() keeps a text no longer than k whole
    if not units or count.min() < 2 or int(rt.codes.max(initial=0)) >> bits:
        return None
    level = np.repeat(np.arange(len(levels)), [len(f) for f, _, _ in levels])
    cp = rt.codes.astype(np.uint64)
    key = cp[:len(cp) - k + 1].copy()
    for j in range(1, k):
        key = (key << np.uint64(bits)) | cp[j:len(cp) - k + 1 + j]
    # every k-gram start of every unit, unit by unit
    owner = np.repeat(np.arange(units), count)
    at = np.arange(len(owner)) + np.repeat(first - (np.cumsum(count) - count), count)
    mask = np.repeat(np.array([s - 1 for _, _, s in levels], dtype=np.uint64)[level], count)
    if mask.any():      # sampled: only k-grams starting at a code point % sample == 0
        keep = (cp[at] & mask) == 0
        at, owner = at[keep], owner[keep]
    key, group = key[at], level[owner]
    order = np.argsort(key, kind="stable")      # by k-gram, then unit (and so level)
    key, owner, group = key[order], owner[order], group[order]
    new = np.ones(len(key), dtype=bool)        # a new (k-gram, level)
    new[1:] = (key[1:] != key[:-1]) | (group[1:] != group[:-1])
    fresh = new.copy()                          # a new (k-gram, unit)
    fresh[1:] |= owner[1:] != owner[:-1]
    sizes = np.bincount(owner[fresh], minlength=units)
    run = np.cumsum(new) - 1
    shared = fresh & (np.bincount(run, weights=fresh)[run] > 1)
    key, owner, run = key[shared], owner[shared], run[shared]
    # each pair of units in a run of one k-gram shares it; an index posting holds no exact
    # repeat, so counting them here is on the safe side
    size = np.bincount(run)[run]
    if len(size) and size.max() > S.POSTINGS + 1:
        return None
    rank = np.arange(len(run)) - np.searchsorted(run, run)
    later = size - 1 - rank
    left = np.repeat(np.arange(len(run)), later)
    right = left + 1 + np.arange(len(left)) - np.repeat(np.cumsum(later) - later, later)
    pair = owner[right] * units + owner[left]       # by the later unit, then the earlier
    if units * units <= 1 << 20:
        common = np.bincount(pair, minlength=units * units)
        pair = np.flatnonzero(common)
        c = common[pair]
    else:
        pair, c = np.unique(pair, return_counts=True)
    j, i = pair // units, pair % units
    # an exact repeat shares all its k-grams with its first copy; only such pairs are
    # compared as strings to find it
    same = (c == sizes[i]) & (c == sizes[j]) & (count[i] == count[j])
    ok = c >= min_shared * np.minimum(sizes[i], sizes[j])
    keep = ok | same
    i, j, same, ok = i[keep].tolist(), j[keep].tolist(), same[keep].tolist(), ok[keep]
    c = np.where(ok, c[keep], 0).tolist()       # 0: compared only for an exact repeat
    norm, starts, ends = rt.norm, first.tolist(), (first + count + k - 1).tolist()
    texts: dict[int, str] = {}

    def text(u: int) -> str:
        if u not in texts:
            texts[u] = norm[starts[u]:ends[u]]
        return texts[u]
    copy: dict[int, int] = {}       # an exact repeat: its first copy (it joins no index)
    for e, u, s in zip(i, j, same):
        if s and u not in copy and text(e) == text(u):
            copy[u] = e
    found = [(u, e, 1.0) for u, e in copy.items()]
    n = 0
    while n < len(j):
        u, m = j[n], n
        while m < len(j) and j[m] == u:
            m += 1
        eligible = [(e, x) for e, x in zip(i[n:m], c[n:m]) if x and e not in copy]
        n = m
        if u in copy or not eligible:
            continue
        if len(eligible) > S.CANDIDATES:    # the most alike first, then in order
            eligible = sorted(sorted(eligible, key=lambda e: -e[1])[:S.CANDIDATES])
        best = None
        for e, _ in eligible:
            score = S.similarity(text(e), text(u), min_similarity)
            if score and (best is None or score > best[1]):
                best = (e, score)
        if best:
            found.append((u, *best))
    out, offset = [[] for _ in levels], np.cumsum([0] + [len(f) for f, _, _ in levels]).tolist()
    level = level.tolist()
    for u, e, score in sorted(found):
        g = level[u]
        out[g].append((u - offset[g], e - offset[g], score))
    return out
