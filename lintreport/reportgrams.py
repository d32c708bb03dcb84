"""D001's repeats in numpy: shingles.repeats() of each level of a report's units at once,
the units being slices of the report's normalised text (reporttext.ReportText). The same
repeats (tests/test_reportgrams.py) with the k-grams shared by two units counted per pair of
units in numpy: only the pairs that may be repeats reach Python.
"""
from __future__ import annotations

import threading

from . import shingles as S
from .minhash import np
from .reporttext import ReportText


RANK = np.zeros(0x10000, dtype=np.uint64)      # a code point's number, from 1, once seen
_SEEN = [0]     # code points numbered so far
_NUMBERING = threading.Lock()


def sorted_grams(cp, at, k: int):
    """The k-grams of the code points cp starting at `at`, packed one-to-one into integers,
    in order (equal ones by their place in `at`), and that order: (keys, order), as
    np.argsort(kind="stable") of them gives. Packed with the code points' numbers (RANK:
    a few thousand in a batch, 12 bits or so, not 16), each k-gram's place in `at` fits
    in its low bits, and a plain sort of the integers replaces the stable argsort: 130
    instead of 210 µs a report."""
    r = RANK[cp]
    if not r.all():
        with _NUMBERING:    # numbers reserved (_SEEN) before they are given: none is wider
            new = np.unique(cp[RANK[cp] == 0])
            start = _SEEN[0]
            _SEEN[0] += len(new)
            RANK[new] = np.arange(start + 1, start + 1 + len(new), dtype=np.uint64)
        r = RANK[cp]
    bits, low = _SEEN[0].bit_length(), len(at).bit_length()
    n, wide = len(cp) - k + 1, k * bits + low > 64
    if wide:        # too many numbers: the code points themselves, 64 // k bits each
        r, bits = cp.astype(np.uint64), 64 // k
    key = r[:n].copy()
    for j in range(1, k):
        key = (key << np.uint64(bits)) | r[j:n + j]
    key = key[at]
    if wide:
        order = np.argsort(key, kind="stable")
        return key[order], order
    key <<= np.uint64(low)
    key |= np.arange(len(at), dtype=np.uint64)
    key.sort()
    return key >> np.uint64(low), (key & np.uint64((1 << low) - 1)).astype(np.intp)


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
    cp = rt.codes
    # every k-gram start of every unit, unit by unit
    owner = np.repeat(np.arange(units), count)
    at = np.arange(len(owner)) + np.repeat(first - (np.cumsum(count) - count), count)
    mask = np.repeat(np.array([s - 1 for _, _, s in levels], dtype=np.uint32)[level], count)
    if mask.any():      # sampled: only k-grams starting at a code point % sample == 0
        keep = (cp[at] & mask) == 0
        at, owner = at[keep], owner[keep]
    key, order = sorted_grams(cp, at, k)        # by k-gram, then unit (and so level)
    owner = owner[order]
    group = level[owner]
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
