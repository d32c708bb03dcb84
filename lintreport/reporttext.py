"""A report's normalised text in numpy, for D001 (and D002's paragraphs): all its paragraphs
normalised at once, each sentence's and clause's normalised text a slice of it. The same
texts as shingles.normalize() of each unit (tests/test_reportgrams.py), without a
normalize() call per unit; reportgrams.repeats() finds the repeats among them.

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
        self.kept = np.zeros(len(cp) + 1, dtype=np.intp)         # kept chars before x
        np.cumsum(mask, out=self.kept[1:])
        values = image[mask]
        # a digit right after a digit of the same paragraph is part of its number (one #)
        self.dropped = np.zeros(len(values) + 1, dtype=bool)
        np.logical_and(values[1:] == HASH, values[:-1] == HASH, out=self.dropped[1:-1])
        base = np.array(self.base, dtype=np.intp)
        self.dropped[self.kept[base[:-1]]] = False          # a paragraph's first
        self.gone = np.zeros(len(values) + 1, dtype=np.intp)     # dropped of the first i
        np.cumsum(self.dropped[:-1], out=self.gone[1:])
        self.codes = values[~self.dropped[:-1]]
        self.norm = self.codes.astype("<u4", copy=False).tobytes().decode("utf-32-le")
        self.bounds = self.pre(base).tolist()
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
        return self.pre(a) - inside, self.pre(b)

    def pre(self, x):
        """How many characters of norm come from before the raw offsets x."""
        kept = self.kept[x]
        return kept - self.gone[kept]

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
