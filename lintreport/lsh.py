"""LSH buckets of MinHash band keys (minhash.band_keys): the candidate pairs of paragraphs
from different reports that D002 verifies, for all reports of a batch at once in numpy."""
from __future__ import annotations

from array import array

from . import shingles as S
from .minhash import np


def candidates(keys: list[array], bands: int, common: int):
    """shingles.candidates() in bulk: the same (owner, pairs, template), band by band with
    a sort instead of a dict per band (about 4 million keys for 10,000 reports).

    Per band, the paragraphs are sorted by key (in paragraph order within a key);
    of each (key, report) only the first PER_REPORT paragraphs count, as in the scalar code,
    which appends a paragraph unless the report already has PER_REPORT in that bucket."""
    owner = np.repeat(np.arange(len(keys), dtype=np.uint32),
                      [len(ks) // bands for ks in keys])
    if not len(owner):
        return array("I"), set(), set()
    every = np.concatenate([np.frombuffer(ks, dtype=np.uint64) for ks in keys])
    every = every.reshape(-1, bands)
    crowded = np.zeros(len(owner), dtype=np.int64)
    pairs: set[tuple[int, int]] = set()
    for b in range(bands):
        # only keys held by two or more paragraphs matter; sorting them in paragraph order
        # afterwards is a third of the cost of a stable sort of all
        order = np.argsort(every[:, b])
        key = every[order, b]
        same = key[1:] == key[:-1]
        shared = np.concatenate(([False], same)) | np.concatenate((same, [False]))
        at = np.flatnonzero(shared)
        key = key[at]
        new_key = np.ones(len(key), dtype=bool)
        new_key[1:] = key[1:] != key[:-1]
        order = np.sort((np.cumsum(new_key) - 1) * len(owner) + order[at]) % len(owner)
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
        np.add.at(crowded, order[hot], 1)
        few = np.flatnonzero((many >= 2) & ~hot)
        if not len(few):
            continue
        members, groups, owners = order[few], bucket[few], owner[order[few]]
        # most buckets hold two: paired in numpy, the rest one by one
        starts = np.flatnonzero(np.concatenate(([True], groups[1:] != groups[:-1])))
        sizes = np.diff(np.append(starts, len(members)))
        two = starts[sizes == 2]
        two = two[owners[two] != owners[two + 1]]
        pairs.update(zip(members[two].tolist(), members[two + 1].tolist()))
        members, owners = members.tolist(), owners.tolist()
        for i, n in zip(starts[sizes > 2].tolist(), sizes[sizes > 2].tolist()):
            for a in range(i, i + n):
                for c in range(a + 1, i + n):
                    if owners[a] != owners[c]:
                        pairs.add((members[a], members[c]))
    template = set(np.flatnonzero(2 * crowded > bands).tolist())
    pairs = {(x, y) for x, y in pairs if x not in template and y not in template}
    return array("I", owner.tolist()), pairs, template

