"""editdistance's Python comparisons (the first of a process) give what rapidfuzz gives:
distances with and without a cutoff, similarities to the last bit, and the same alignment
(rapidfuzz's choice among equally short ones), on random strings and on titles."""
from __future__ import annotations

import random
import subprocess
import sys

from rapidfuzz.distance import Levenshtein

from lintreport import editdistance as E

ALPHABETS = ["ab", "abc", "法治政府建设", "中华人民共和国道路交通安全法条例规定办法决定意见关于", "abcdefghij"]


def pairs(n: int, seed: int):
    rng = random.Random(seed)
    for _ in range(n):
        alphabet = rng.choice(ALPHABETS)
        a = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, rng.choice([5, 20, 70, 140]))))
        if rng.random() < 0.5:          # a near copy: the case the checks meet
            b = list(a)
            for _ in range(rng.randint(0, 4)):
                at = rng.randint(0, len(b))
                op = rng.choice("idr")
                if op == "i":
                    b[at:at] = rng.choice(alphabet) * rng.randint(1, 6)
                elif b and at < len(b):
                    b[at:at + 1] = [] if op == "d" else [rng.choice(alphabet)]
            b = "".join(b)
        else:
            b = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        yield a, b


def test_distances_and_similarities_are_rapidfuzzs():
    for a, b in pairs(3000, 1):
        assert E.py_distance(a, b) == Levenshtein.distance(a, b), (a, b)
        for cutoff in (0, 1, 2, 3):
            assert E.py_distance(a, b, cutoff) == Levenshtein.distance(a, b, score_cutoff=cutoff)
        assert E.py_normalized_similarity(a, b) == Levenshtein.normalized_similarity(a, b), (a, b)


def test_the_alignment_is_rapidfuzzs():
    for a, b in pairs(3000, 2):
        mine = [tuple(op) for op in E.py_opcodes(a, b)]
        theirs = [(op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end)
                  for op in Levenshtein.opcodes(a, b)]
        assert mine == theirs, (a, b)


def test_titles_the_register_meets():
    cases = [("中共中央三升体育平台全面推进依法治国若干重大问题的决定", "中共中央关于全面推进依法治国若干重大问题的决定"),
             ("交通法", "中华人民共和国道路交通安全法"), ("", ""), ("", "法"), ("法", "")]
    for a, b in cases:
        for x, y in ((a, b), (b, a)):
            assert [tuple(op) for op in E.py_opcodes(x, y)] == \
                [tuple(op) for op in Levenshtein.opcodes(x, y)]
            assert E.py_normalized_similarity(x, y) == Levenshtein.normalized_similarity(x, y)


def test_a_process_that_keeps_comparing_imports_rapidfuzz():
    code = ("import sys; from lintreport import editdistance as E\n"
            "for _ in range(E.IN_PYTHON): E.distance('法治', '法制', 1)\n"
            "print('rapidfuzz' in sys.modules)\n"
            "d = E.distance('法治', '法制', 1), E.normalized_similarity('交通法', '道路交通安全法')\n"
            "print('rapidfuzz' in sys.modules, d, E.opcodes('ab', 'ab')[0].tag)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.split("\n")[:2] == ["False", "True (1, %r) equal" % (1 - 4 / 7)], out.stderr
