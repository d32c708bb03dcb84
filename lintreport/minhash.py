"""MinHash band keys of many paragraphs at once, in numpy: the same keys as
shingles.sketch() and shingles.band_keys(), for a fifth of the time.

The pure-Python sketch hashes each character k-gram with zlib.crc32 of its UTF-8 bytes, one
call per k-gram (about 3,000 per report). Here a report's paragraphs are joined and every
k-gram's crc32 is computed for all positions at once, one byte column at a time with the
usual CRC table: a character's UTF-8 bytes are worked out from its code point, and a step
for byte s of a character leaves the CRC alone where the character is shorter than s + 1
bytes. So the hash, the bins, the densification and the band keys are exactly those of the
scalar code, and D002 finds the same candidates (tests/test_minhash.py compares the two).
"""
from __future__ import annotations

import os
import sys
from array import array

from . import shingles as S


def _numpy():
    """numpy, loaded with OpenBLAS on one thread: by default it starts a thread per core as
    it loads, about 50 ms of CPU in every worker process, and nothing here does linear
    algebra. The environment is put back at once (it is read only when the library loads;
    a program that loaded numpy before us keeps its own setting)."""
    if "numpy" in sys.modules:
        return sys.modules["numpy"]
    before = os.environ.get("OPENBLAS_NUM_THREADS")
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
    try:
        import numpy
    finally:
        if before is None:
            del os.environ["OPENBLAS_NUM_THREADS"]
        else:
            os.environ["OPENBLAS_NUM_THREADS"] = before
    return numpy


np = _numpy()

_TABLE = None


def _crc_table() -> np.ndarray:
    """The CRC-32 (IEEE, reflected) byte table, as zlib uses."""
    global _TABLE
    if _TABLE is None:
        n = np.arange(256, dtype=np.uint32)
        for _ in range(8):
            n = np.where(n & 1, (n >> 1) ^ np.uint32(0xEDB88320), n >> 1).astype(np.uint32)
        _TABLE = n
    return _TABLE


def _utf8_columns(cp: np.ndarray) -> tuple[list[np.ndarray], np.ndarray]:
    """Byte s (s = 0..3) of each character's UTF-8 encoding, and its length in bytes."""
    size = (1 + (cp >= 0x80) + (cp >= 0x800) + (cp >= 0x10000)).astype(np.uint8)
    lead = {1: cp, 2: 0xC0 | (cp >> 6), 3: 0xE0 | (cp >> 12), 4: 0xF0 | (cp >> 18)}
    cols = [np.zeros_like(cp) for _ in range(4)]
    for n in range(1, int(size.max(initial=1)) + 1):
        at = size == n
        cols[0][at] = lead[n][at]
        for s in range(1, n):       # continuation bytes: 6 bits each, highest first
            cols[s][at] = 0x80 | ((cp[at] >> (6 * (n - 1 - s))) & 0x3F)
    return cols, size


def gram_crcs(text: str, k: int) -> np.ndarray:
    """zlib.crc32(text[i:i+k].encode()) for every i in range(len(text) - k + 1).

    CRC-32 is linear: the register after a k-gram is the start value carried through all
    its bytes, xor each character's own bytes (from a zero register) carried through the
    bytes of the characters after it. For characters of the Basic Multilingual Plane (all
    of a normalised report, in practice) both are looked up in tables made once (_carried),
    k lookups per k-gram instead of one step per byte; wider characters take the byte loop.
    """
    cp = np.frombuffer(text.encode("utf-32-le"), dtype="<u4")
    m = len(cp) - k + 1
    if m <= 0:
        return np.zeros(0, dtype=np.uint32)
    if int(cp.max()) >= BMP:
        return _gram_crcs_bytes(cp.astype(np.uint32), k, m)
    carried, start, size = _carried(k)
    rows = 3 * (k - 1) + 1
    at = cp.astype(np.intp) * rows          # a character's row of carried values
    size = size[cp]
    after = np.zeros(m, dtype=np.intp)      # bytes of the k-gram after its character j
    state = carried[at[k - 1:k - 1 + m]]
    for j in range(k - 2, -1, -1):
        after += size[j + 1:j + 1 + m]
        state ^= carried[at[j:j + m] + after]
    after += size[0:m]
    return state ^ start[after] ^ np.uint32(0xFFFFFFFF)


BMP = 0x10000
_CARRIED: dict = {}


def _zero_byte(state: np.ndarray) -> np.ndarray:
    """The CRC register after one more byte 0 (a linear map)."""
    return _crc_table()[state & 0xFF] ^ (state >> 8)


def _carried(k: int):
    """For the BMP: carried[c * rows + s], the register after character c's UTF-8 bytes from
    0 and then s bytes 0 (s < rows: the k - 1 characters after it, 3 bytes each at most);
    start[s], 0xFFFFFFFF after s bytes 0; size[c], c's UTF-8 length. 3.4 MB, 8 ms (k=5)."""
    if k not in _CARRIED:
        cp = np.arange(BMP, dtype=np.uint32)
        cols, size = _utf8_columns(cp)
        own = np.zeros(BMP, dtype=np.uint32)
        for s in range(3):
            step = _crc_table()[(own ^ cols[s]) & 0xFF] ^ (own >> 8)
            own = step if s == 0 else np.where(size > s, step, own)
        rows = [own]
        for _ in range(3 * (k - 1)):
            rows.append(_zero_byte(rows[-1]))
        start = [np.full(1, 0xFFFFFFFF, dtype=np.uint32)]
        for _ in range(3 * k):
            start.append(_zero_byte(start[-1]))
        _CARRIED[k] = (np.stack(rows, axis=1).ravel(), np.concatenate(start),
                       size.astype(np.intp))
    return _CARRIED[k]


def _gram_crcs_bytes(cp: np.ndarray, k: int, m: int) -> np.ndarray:
    """gram_crcs() one byte column at a time, for any code points: the CRC table step for
    byte s of each character, kept only where the character has more than s bytes."""
    cols, size = _utf8_columns(cp)
    table = _crc_table()
    widest = int(size.max())
    state = np.full(m, 0xFFFFFFFF, dtype=np.uint32)
    for j in range(k):
        for s in range(widest):
            b = cols[s][j:j + m]
            step = table[(state ^ b) & 0xFF] ^ (state >> 8)
            state = step if s == 0 else np.where(size[j:j + m] > s, step, state)
    return state ^ np.uint32(0xFFFFFFFF)


def band_keys(norms: list[str], k: int, bands: int, rows: int) -> array:
    """The band keys of each text, text by text (`bands` per text), as an array("Q");
    equal to S.band_keys(S.sketch(norm, k, bands * rows), rows) for each norm."""
    bins = bands * rows
    out = array("Q")
    if not norms:
        return out
    short = [n for n, t in enumerate(norms) if len(t) < k]
    if short:       # texts shorter than a k-gram (only with a small min_chars): one by one
        for t in norms:
            out.extend(S.band_keys(S.sketch(t, k, bins), rows))
        return out
    crcs = gram_crcs("".join(norms), k)
    lengths = np.array([len(t) for t in norms])
    # the k-grams inside each text: all but those starting in a text's last k - 1 characters
    inside = np.ones(len(crcs), dtype=bool)
    inside[(np.cumsum(lengths[:-1])[:, None] - np.arange(1, k)).ravel()] = False
    x = crcs[inside].astype(np.uint64) * np.uint64(S.MIX)
    b = (((x >> np.uint64(32)) * np.uint64(bins)) >> np.uint64(32)).astype(np.intp)
    b += np.repeat(np.arange(0, len(norms) * bins, bins), lengths - k + 1)
    sig = np.full(len(norms) * bins, S.EMPTY, dtype=np.uint64)
    np.minimum.at(sig, b, x)
    sig = sig.reshape(len(norms), bins)
    _densify(sig)
    h = np.arange(bands, dtype=np.uint64) * np.uint64(rows) + np.uint64(1)  # broadcast below
    cube = sig.reshape(len(norms), bands, rows)
    for r in range(rows):
        h = (h * np.uint64(1000003)) ^ cube[:, :, r]
    out.frombytes(h.astype("=u8").tobytes())
    return out


def _densify(sig: np.ndarray) -> None:
    """Empty bins take the nearest full bin to the right (cyclically), plus step × MIX:
    S.sketch's densification, for all rows at once. Every row has a full bin (each text
    has a k-gram)."""
    empty = sig == np.uint64(S.EMPTY)
    if not empty.any():
        return
    rows, bins = sig.shape
    # the nearest full bin at or after each bin, else the row's first full one plus bins
    after = np.minimum.accumulate(np.where(empty, 2 * bins, np.arange(bins))[:, ::-1],
                                  axis=1)[:, ::-1]
    nearest = np.where(after == 2 * bins, after[:, :1] + bins, after)
    donors = sig.ravel()[nearest % bins + np.arange(0, rows * bins, bins)[:, None]]
    steps = (nearest - np.arange(bins)).astype(np.uint64)
    np.copyto(sig, donors + steps * np.uint64(S.MIX), where=empty)


def shared_grams(texts: list[str], k: int, sample: int = 1):
    """For shingles.repeats: (sizes, shared) where sizes[i] = len(S.grams(texts[i], k, sample))
    and shared[i] holds those of text i's k-grams that occur in another text too (as ints:
    each k-gram's code points packed into 64 bits, which is one-to-one), or None where the
    packing cannot be one-to-one (a code point too wide for k of them in 64 bits) or a text
    is no longer than k (then the string k-grams are used)."""
    return shared_in_groups([(texts, sample)], k)[0]


def shared_in_groups(groups: list[tuple[list[str], int]], k: int) -> list:
    """shared_grams() of several lists of texts (each with its sample) in one pass: a k-gram
    is shared only between texts of the same list. One numpy pass for D001's paragraphs,
    sentences and clauses of a report costs a third of three passes."""
    texts = [t for g, _ in groups for t in g]
    if not texts or any(len(t) <= k for t in texts):     # S.grams keeps such a text whole
        if len(groups) != 1:      # each list on its own: only some need the strings
            return [shared_in_groups([g], k)[0] for g in groups]
        return [None if texts else ([], [])]
    bits = 64 // k
    cp = np.frombuffer("".join(texts).encode("utf-32-le"), dtype="<u4").astype(np.uint64)
    if int(cp.max()) >> bits:
        return [None] * len(groups)
    lengths = np.array([len(t) for t in texts])
    group = np.repeat(np.arange(len(groups)), [len(g) for g, _ in groups])    # of each text
    # a k-gram starts at every position but the last k - 1 of each text
    valid = np.ones(len(cp), dtype=bool)
    valid[(np.cumsum(lengths)[:, None] - np.arange(1, k)).ravel()] = False
    if any(sample > 1 for _, sample in groups):
        # the k-grams S.grams keeps: those starting at a code point % sample == 0
        sample = np.repeat(np.array([s for _, s in groups], dtype=np.uint64)[group], lengths)
        valid &= cp % sample == 0
    at = np.flatnonzero(valid)
    if not len(at):
        return [([0] * len(g), [set() for _ in g]) for g, _ in groups]
    owner = np.repeat(np.arange(len(texts)), lengths)[at]       # in order, text by text
    key = cp[at]
    for j in range(1, k):
        key = (key << np.uint64(bits)) | cp[at + j]
    order = np.argsort(key, kind="stable")      # by k-gram, then (stably) by text
    skey, sowner = key[order], owner[order]
    # runs of one k-gram in one list of texts; within a run, a new text starts a new pair
    same = (skey[1:] == skey[:-1]) & (group[sowner[1:]] == group[sowner[:-1]])
    fresh = np.ones(len(skey), dtype=bool)        # the first of each (k-gram, text) pair
    fresh[1:] = ~same | (sowner[1:] != sowner[:-1])
    sizes = np.bincount(sowner[fresh], minlength=len(texts)).tolist()
    # a k-gram in two or more texts of a list: more than one fresh pair in its run
    run = np.cumsum(np.concatenate(([True], ~same))) - 1
    texts_with = np.bincount(run, weights=fresh)
    again = np.zeros(len(key), dtype=bool)
    again[order] = texts_with[run] > 1
    key, owner = key[again].tolist(), owner[again]
    bounds = np.searchsorted(owner, np.arange(len(texts) + 1)).tolist()
    shared = [set(key[bounds[i]:bounds[i + 1]]) for i in range(len(texts))]
    out, first = [], 0
    for g, _ in groups:
        out.append((sizes[first:first + len(g)], shared[first:first + len(g)]))
        first += len(g)
    return out
