"""Levenshtein distance, similarity and alignment, as rapidfuzz.distance.Levenshtein gives them.

A report cites a few titles the register does not have word for word, and judging them takes
a handful of comparisons; importing rapidfuzz for those costs ~12 ms, more than a one-report
run spends on any check. So the first comparisons of a process are made here in Python
(Hyyrö's bit-parallel algorithm, the one rapidfuzz uses, with its alignment's choices), and
only a process that keeps comparing (a batch: 13 comparisons a report) imports rapidfuzz.
tests/test_editdistance.py keeps the two equal on random strings.
"""
import sys

IN_PYTHON = 64      # comparisons made here before rapidfuzz is worth its import
_calls = [0]


def _rapidfuzz():
    """rapidfuzz's Levenshtein once this process has compared enough (or already has it)."""
    _calls[0] += 1
    if _calls[0] > IN_PYTHON or "rapidfuzz" in sys.modules:
        from rapidfuzz.distance import Levenshtein
        return Levenshtein
    return None


def distance(s1: str, s2: str, score_cutoff: int | None = None) -> int:
    """The edit distance; score_cutoff + 1 when it is above score_cutoff."""
    fast = _rapidfuzz()
    if fast is not None:
        return fast.distance(s1, s2, score_cutoff=score_cutoff)
    return py_distance(s1, s2, score_cutoff)


def normalized_similarity(s1: str, s2: str) -> float:
    """1 - distance / the longer length (1.0 for two empty strings)."""
    fast = _rapidfuzz()
    if fast is not None:
        return fast.normalized_similarity(s1, s2)
    return py_normalized_similarity(s1, s2)


def opcodes(s1: str, s2: str) -> list:
    """The blocks (tag, src_start, src_end, dest_start, dest_end) that turn s1 into s2."""
    fast = _rapidfuzz()
    if fast is not None:
        return list(fast.opcodes(s1, s2))
    return py_opcodes(s1, s2)


class Opcode:
    """One block of an alignment, with rapidfuzz's Opcode's fields."""
    __slots__ = ("tag", "src_start", "src_end", "dest_start", "dest_end")

    def __init__(self, tag: str, src_start: int, src_end: int, dest_start: int, dest_end: int):
        self.tag, self.src_start, self.src_end = tag, src_start, src_end
        self.dest_start, self.dest_end = dest_start, dest_end

    def __iter__(self):
        return iter((self.tag, self.src_start, self.src_end, self.dest_start, self.dest_end))

    def __eq__(self, other):
        return tuple(self) == tuple(other)

    def __repr__(self):
        return f"Opcode{tuple(self)!r}"


def _matrix(s1: str, s2: str, keep: bool):
    """Hyyrö's bit vectors, column by column of s2: (distance, VP columns, VN columns)."""
    if not s1:
        return len(s2), [], []
    vp, vn, dist, mask = (1 << len(s1)) - 1, 0, len(s1), 1 << (len(s1) - 1)
    block: dict = {}
    bit = 1
    for ch in s1:
        block[ch] = block.get(ch, 0) | bit
        bit <<= 1
    vps, vns = [], []
    for ch in s2:
        x = block.get(ch, 0)
        d0 = (((x & vp) + vp) ^ vp) | x | vn
        hp = vn | ~(d0 | vp)
        hn = d0 & vp
        dist += (hp & mask) != 0
        dist -= (hn & mask) != 0
        hp = (hp << 1) | 1
        vp = (hn << 1) | ~(d0 | hp)
        vn = hp & d0
        if keep:
            vps.append(vp)
            vns.append(vn)
    return dist, vps, vns


def py_distance(s1: str, s2: str, score_cutoff: int | None = None) -> int:
    dist = _matrix(s1, s2, False)[0]
    return dist if score_cutoff is None or dist <= score_cutoff else score_cutoff + 1


def py_normalized_similarity(s1: str, s2: str) -> float:
    longest = max(len(s1), len(s2))
    return 1.0 - (py_distance(s1, s2) / longest if longest else 0)


def _affix(s1: str, s2: str) -> tuple[int, int]:
    n = min(len(s1), len(s2))
    prefix = 0
    while prefix < n and s1[prefix] == s2[prefix]:
        prefix += 1
    suffix = 0
    while suffix < n - prefix and s1[-1 - suffix] == s2[-1 - suffix]:
        suffix += 1
    return prefix, suffix


def editops(s1: str, s2: str) -> list[tuple[str, int, int]]:
    """(tag, src_pos, dest_pos) of each edit, in rapidfuzz's order and with its choices."""
    prefix, suffix = _affix(s1, s2)
    a, b = s1[prefix:len(s1) - suffix], s2[prefix:len(s2) - suffix]
    dist, vp, vn = _matrix(a, b, True)
    ops: list = [None] * dist
    col, row = len(a), len(b)
    while row and col:
        if vp[row - 1] & (1 << (col - 1)):              # deletion
            dist, col = dist - 1, col - 1
            ops[dist] = ("delete", col + prefix, row + prefix)
        else:
            row -= 1
            if row and vn[row - 1] & (1 << (col - 1)):  # insertion
                dist -= 1
                ops[dist] = ("insert", col + prefix, row + prefix)
            else:
                col -= 1
                if a[col] != b[row]:                     # replacement (matches not recorded)
                    dist -= 1
                    ops[dist] = ("replace", col + prefix, row + prefix)
    while col:
        dist, col = dist - 1, col - 1
        ops[dist] = ("delete", col + prefix, row + prefix)
    while row:
        dist, row = dist - 1, row - 1
        ops[dist] = ("insert", col + prefix, row + prefix)
    return ops


def py_opcodes(s1: str, s2: str) -> list[Opcode]:
    ops = editops(s1, s2)
    blocks, src, dest, i = [], 0, 0, 0
    while i < len(ops):
        tag, at_src, at_dest = ops[i]
        if src < at_src or dest < at_dest:
            blocks.append(Opcode("equal", src, at_src, dest, at_dest))
            src, dest = at_src, at_dest
        begin_src, begin_dest = src, dest
        while i < len(ops) and ops[i] == (tag, src, dest):
            src += tag != "insert"
            dest += tag != "delete"
            i += 1
        blocks.append(Opcode(tag, begin_src, src, begin_dest, dest))
    if src < len(s1) or dest < len(s2):
        blocks.append(Opcode("equal", src, len(s1), dest, len(s2)))
    return blocks
