"""Precision and recall of the follow-up matching (F001) on the hand-written pairs.

    python bench/followup_eval.py              # the shipped method, at its threshold
    python bench/followup_eval.py --compare    # a threshold sweep and the alternatives

Each folder of tests/pairs/ holds last year's and this year's report of one place (the two
.txt files, older first) and expected.yaml: for every planned item a phrase of it (`plan`) and
a phrase of the place in this year's report that reports it (`found`, a list when several are
right), or null when this year's report says nothing of it. Pairs marked `held_out: true` were
written after the threshold and the synonyms were fixed, and are reported apart.

A follow-up found at an expected place is a true positive; one found for an item without
follow-up, or at the wrong place, a false positive; an expected follow-up not found (or found
at the wrong place) a false negative. "Not followed" findings are what F001 reports: their
precision is the share of them that are right.
"""
from __future__ import annotations

import argparse
import glob
import os
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from lintreport import checklist as cl  # noqa: E402
from lintreport import followup as F  # noqa: E402
from lintreport.document import parse  # noqa: E402
from lintreport.read import read  # noqa: E402

PAIRS = os.path.join(ROOT, "tests", "pairs")


def load_pairs(held_out: bool | None = None):
    """(name, items, places, expected) for every pair folder; held_out=True: only the pairs
    written after the method was fixed, False: only the others."""
    out = []
    for folder in sorted(glob.glob(os.path.join(PAIRS, "*", ""))):
        expected = yaml.safe_load(open(os.path.join(folder, "expected.yaml"), encoding="utf-8"))
        if held_out is not None and bool(expected.get("held_out")) != held_out:
            continue
        checklist = cl.load(expected.get("checklist", "township"))
        before, after = (parse(read(p)) for p in sorted(glob.glob(os.path.join(folder, "*.txt"))))
        items = [i.to_tuple() for i in F.plan_items(before, checklist)]
        places = [p.to_tuple() for p in F.result_places(after, checklist)]
        out.append((os.path.basename(folder.rstrip("/")), items, places, expected["items"]))
    return out


def score(pairs, match, verbose=False) -> dict:
    """Counts and rates for one matching function: match(items, places) → [Match]."""
    c = dict(tp=0, fp=0, fn=0, tn=0, split=0)
    for name, items, places, expected in pairs:
        found = {m.item: m for m in match(items, places)}
        for want in expected:
            item = next((i for i in items if want["plan"] in i[3]), None)
            if item is None:
                c["split"] += 1
                if verbose:
                    print(f"  {name}: no planned item holds {want['plan']!r}")
                continue
            m = found[item]
            right = want["found"]
            right = [right] if isinstance(right, str) else (right or [])
            ok = m.place is not None and any(r in m.place[3] for r in right)
            if right and ok:
                c["tp"] += 1
            elif right:
                c["fn"] += 1
                if m.place is not None:
                    c["fp"] += 1       # the wrong place
            elif m.place is None:
                c["tn"] += 1
            else:
                c["fp"] += 1
            if verbose and not (ok or (not right and m.place is None)):
                got = m.place[4] if m.place else "—"
                print(f"  {name}: {want['plan']} → {got} ({m.score:.2f}), expected {right or '无'}")
        if verbose:
            extra = [i[4] for i in items if not any(w["plan"] in i[3] for w in expected)]
            for label in extra:
                print(f"  {name}: planned item not in expected.yaml: {label}")
    c["precision"] = c["tp"] / max(c["tp"] + c["fp"], 1)
    c["recall"] = c["tp"] / max(c["tp"] + c["fn"], 1)
    flagged = c["tn"] + c["fn"]                  # reported as not followed up
    c["not_followed_precision"] = c["tn"] / max(flagged, 1)
    return c


def line(name: str, c: dict) -> str:
    return (f"{name:<34} precision {c['precision']:.2f}  recall {c['recall']:.2f}  "
            f"(tp {c['tp']}, fp {c['fp']}, fn {c['fn']}, tn {c['tn']}; "
            f"F001 precision {c['not_followed_precision']:.2f}; unsplit {c['split']})")


# ---- the alternatives measured against the shipped method --------------------------------

def bigram_match(threshold: float):
    """Character bigrams of the normalised texts, weighted by their rarity in the two reports,
    the share of the item's weight found in one place."""
    import math
    from collections import Counter

    def grams(text):
        norm = F.normalize(text)
        return {norm[i:i + 2] for i in range(len(norm) - 1) if "#" not in norm[i:i + 2]}

    def match(items, places):
        sets = [grams(t) for t in [i[3] for i in items] + [p[3] for p in places]]
        df = Counter(g for gs in sets for g in gs)
        idf = {g: math.log((len(sets) + 1) / (c + 0.5)) for g, c in df.items()}
        out = []
        for item, mine in zip(items, sets):
            total = sum(idf[g] for g in mine) or 1.0
            best, s = None, 0.0
            for place, theirs in zip(places, sets[len(items):]):
                v = sum(idf[g] for g in mine & theirs) / total
                if v > s:
                    best, s = place, v
            out.append(F.Match(item, best if s >= threshold else None, s))
        return out
    return match


def local_idf_match(threshold: float):
    """jieba words as shipped, but weighted by their rarity in the two reports only."""
    import math
    from collections import Counter

    def match(items, places):
        texts = [i[3] for i in items] + [p[3] for p in places]
        words = [F.keywords(t) for t in texts]
        df = Counter(w for ws in words for w in ws)
        idf = {w: math.log((len(texts) + 1) / (c + 0.5)) for w, c in df.items()}
        norms = [F.normalize(p[3]) for p in places]
        out = []
        for item, mine in zip(items, words):
            total = sum(idf[w] for w in mine) or 1.0
            best, s = None, 0.0
            for place, norm in zip(places, norms):
                v = sum(idf[w] for w in mine if w in norm) / total
                if v > s:
                    best, s = place, v
            out.append(F.Match(item, best if s >= threshold else None, s))
        return out
    return match


def rapidfuzz_match(threshold: float):
    """rapidfuzz's partial ratio of the normalised texts (best alignment of the shorter)."""
    from rapidfuzz.fuzz import partial_ratio

    def match(items, places):
        norms = [F.normalize(p[3]) for p in places]
        out = []
        for item in items:
            mine = F.normalize(item[3])
            best, s = None, 0.0
            for place, norm in zip(places, norms):
                v = partial_ratio(mine, norm) / 100
                if v > s:
                    best, s = place, v
            out.append(F.Match(item, best if s >= threshold else None, s))
        return out
    return match


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compare", action="store_true", help="measure the alternatives too")
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    pairs = load_pairs()
    shipped = F.THRESHOLD if args.threshold is None else args.threshold
    n_items = sum(len(e) for *_, e in pairs)
    print(f"{len(pairs)} pairs, {n_items} planned items, "
          f"{sum(1 for *_, e in pairs for w in e if w['found'])} with a follow-up")
    synonyms = cl.load("township").rule("F001").options["synonyms"]
    c = score(pairs, lambda i, p: F.follow_up(i, p, shipped, synonyms), args.verbose)
    print(line(f"jieba words ≥ {shipped} (shipped)", c))
    for name, flag in (("  pairs it was tuned on", False), ("  held-out pairs", True)):
        part = load_pairs(flag)
        print(line(f"{name} ({len(part)})", score(part, lambda i, p: F.follow_up(i, p, shipped, synonyms))))
    if args.compare:
        print(line("  the same without synonyms", score(pairs, lambda i, p: F.follow_up(i, p, shipped))))
        for t in (0.15, 0.2, 0.25, 0.35, 0.4):
            print(line(f"jieba words ≥ {t}", score(pairs, lambda i, p: F.follow_up(i, p, t, synonyms))))
        for t in (0.2, 0.25, 0.3, 0.35):
            print(line(f"jieba words, local idf ≥ {t}", score(pairs, local_idf_match(t))))
        for t in (0.1, 0.15, 0.2, 0.25, 0.3):
            print(line(f"character bigrams ≥ {t}", score(pairs, bigram_match(t))))
        for t in (0.5, 0.6, 0.7):
            print(line(f"rapidfuzz partial_ratio ≥ {t}", score(pairs, rapidfuzz_match(t))))


if __name__ == "__main__":
    main()
