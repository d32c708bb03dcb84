"""LSH buckets of MinHash band keys (minhash.band_keys): the candidate pairs of paragraphs
from different reports that D002 verifies, for all reports of a batch at once in numpy."""
from __future__ import annotations

from array import array

from . import shingles as S
from .minhash import np


def candidates(keys: list[array], bands: int, common: int, threads: int = 1):
    """shingles.candidates() in bulk: the same (owner, pairs, template), band by band with
    a sort instead of a dict per band (about 4 million keys for 10,000 reports).

    Per band, the paragraphs are sorted by key (in paragraph order within a key);
    of each (key, report) only the first PER_REPORT paragraphs count, as in the scalar code,
    which appends a paragraph unless the report already has PER_REPORT in that bucket.
    The bands are independent: with `threads` > 1 they are spread over threads (numpy's
    sorts, which are most of the time, run without the GIL), in the parent's serial tail."""
    owner = np.repeat(np.arange(len(keys), dtype=np.uint32),
                      [len(ks) // bands for ks in keys])
    if not len(owner):
        return array("I"), set(), set()
    every = np.concatenate([np.frombuffer(ks, dtype=np.uint64) for ks in keys])
    every = every.reshape(-1, bands)

    def one(b: int):
        return _band(every[:, b], owner, common)
    if threads > 1 and bands > 1:
        from concurrent.futures import ThreadPoolExecutor
        with ThreadPoolExecutor(threads) as pool:
            per_band = list(pool.map(one, range(bands)))
    else:
        per_band = [one(b) for b in range(bands)]
    crowded = np.zeros(len(owner), dtype=np.int64)
    pairs: set[tuple[int, int]] = set()
    for hot, found in per_band:
        np.add.at(crowded, hot, 1)
        pairs.update(found)
    template = set(np.flatnonzero(2 * crowded > bands).tolist())
    pairs = {(x, y) for x, y in pairs if x not in template and y not in template}
    return array("I", owner.tolist()), pairs, template


def _band(key, owner, common: int):
    """One band: the paragraphs in a template-sized bucket (counted towards `template`),
    and the pairs of paragraphs of different reports that share a smaller bucket."""
    # stable: within a key the paragraphs stay in paragraph order
    order = np.argsort(key, kind="stable")
    key = key[order]
    same = key[1:] == key[:-1]
    # only keys held by two or more paragraphs matter
    shared = np.concatenate(([False], same)) | np.concatenate((same, [False]))
    order, key = order[shared], key[shared]
    new_key = np.ones(len(key), dtype=bool)
    new_key[1:] = key[1:] != key[:-1]
    who = owner[order]
    new_report = new_key.copy()
    new_report[1:] |= who[1:] != who[:-1]
    # rank of each paragraph among its report's in this bucket: keep the first few
    starts = np.flatnonzero(new_report)
    rank = np.arange(len(key)) - np.repeat(starts, np.diff(np.append(starts, len(key))))
    kept = rank < S.PER_REPORT
    order, new_key, new_report = order[kept], new_key[kept], new_report[kept]
    bucket = np.cumsum(new_key) - 1             # bucket number of each kept paragraph
    reports = np.bincount(bucket, weights=new_report).astype(np.int64)
    many = reports[bucket]
    hot = (many >= common) & (many >= 2)     # a lone report's bucket is no template
    few = np.flatnonzero((many >= 2) & ~hot)
    found: list[tuple[int, int]] = []
    if not len(few):
        return order[hot], found
    members, groups, owners = order[few], bucket[few], owner[order[few]]
    # most buckets hold two: paired in numpy, the rest one by one
    starts = np.flatnonzero(np.concatenate(([True], groups[1:] != groups[:-1])))
    sizes = np.diff(np.append(starts, len(members)))
    two = starts[sizes == 2]
    two = two[owners[two] != owners[two + 1]]
    found += zip(members[two].tolist(), members[two + 1].tolist())
    members, owners = members.tolist(), owners.tolist()
    for i, n in zip(starts[sizes > 2].tolist(), sizes[sizes > 2].tolist()):
        for a in range(i, i + n):
            for c in range(a + 1, i + n):
                if owners[a] != owners[c]:
                    found.append((members[a], members[c]))
    return order[hot], found


def similarities(pairs: list[tuple[str, str]], cutoffs: list[float], threads: int = 1) -> list:
    """[shingles.similarity(a, b, cutoff) for (a, b), cutoff in zip(pairs, cutoffs)]: the
    Indel ratios of all pairs in one call to rapidfuzz's C++ (cpdist, on `threads`
    threads), then each pair's cutoff, and partial_ratio for the few pairs whose lengths
    call for it (tests/test_minhash.py compares the two on random texts)."""
    from rapidfuzz.fuzz import partial_ratio, ratio
    from rapidfuzz.process import cpdist
    if not pairs:
        return []
    scores = cpdist([a for a, _ in pairs], [b for _, b in pairs], scorer=ratio,
                    dtype=np.float64, workers=threads).tolist()
    out = []
    for (a, b), cutoff, score in zip(pairs, cutoffs, scores):
        if score < cutoff * 100:        # ratio(…, score_cutoff) gives 0 below the cutoff
            score = 0.0
        short, long_ = sorted((len(a), len(b)))
        if score < 100 and 2 * short >= long_ and 10 * short < 9 * long_:
            score = max(score, partial_ratio(a, b, score_cutoff=max(cutoff, S.CONTAINED) * 100))
        out.append(score / 100)
    return out
