"""citation.injected and citation.near look only at the registered forms that can score (by
their ends, by their length); they give what comparing with every form gives (below)."""
import random

from lintreport.checks import citation as C
from lintreport.checks.titles import EDITION, PREFIX, doc_type, key, register


def plain_injected(k, forms):
    size = len(k)
    for name, _, entry in forms:
        if len(name) < 10 or size < len(name) + 2 or name[0] != k[0] or name[-1] != k[-1]:
            continue
        from rapidfuzz.distance import Levenshtein
        ops = [op for op in Levenshtein.opcodes(name, k) if op.tag != "equal"]
        if not ops or ops[0].dest_start == 0 or ops[-1].dest_end == size:
            continue
        lost = sum(op.src_end - op.src_start for op in ops)
        if lost > 2 or ops[-1].dest_start - ops[0].dest_end > 1:
            continue
        added = k[ops[0].dest_start:ops[-1].dest_end]
        if len(added) >= 3:
            return entry, added
    return None


def plain_near(k, forms, by_kind):
    kind, best, best_score, size = doc_type(k), None, 0.0, len(k)
    for name, _kind, entry in forms if kind is None else by_kind.get(kind, []):
        n = len(name)
        allowed = 0 if n < 8 else 1 if n < 16 else 2 if n < 30 else 3
        d = C.distance(k, name, allowed) if allowed and abs(size - n) <= allowed else 0
        if 0 < d <= allowed:
            score = 2.0 - d / n
        elif (3 <= size < n and entry.kind in ("法律", "行政法规")
              and (kind is not None or k[0] == name[0]) and C.subsequence(k, name)):
            from rapidfuzz.distance import Levenshtein
            score = Levenshtein.normalized_similarity(k, name)
        else:
            continue
        if score > best_score:
            best, best_score = entry, score
    return best


def mutants(rng, title):
    """A registered title garbled as reports garble them: characters dropped, changed,
    pushed in, cut short."""
    chars = list(title)
    for _ in range(rng.randint(0, 4)):
        op, i = rng.randrange(4), rng.randrange(len(chars) + 1)
        if op == 0 and i < len(chars):
            del chars[i]
        elif op == 1 and i < len(chars):
            chars[i] = rng.choice("法治政府建设条例体育平台中华人民共和国")
        elif op == 2:
            chars[i:i] = rng.choice(["三升体育平台", "关于", "的", "x"])
        else:
            chars = chars[:max(3, i)]
    return "".join(chars)


def test_same_verdicts_as_comparing_with_every_form():
    reg = register("citations")
    names, forms, _, by_kind = reg
    rng = random.Random(14)
    titles = sorted({e.title for _, _, e in forms})     # not set order: it varies with the hash seed
    tried = hits = 0
    for _ in range(3000):
        k = EDITION.sub("", key(mutants(rng, rng.choice(titles))))
        k = k[len(PREFIX):] if k.startswith(PREFIX) else k
        if len(k) < 3:
            continue
        tried += 1
        assert C.injected(k, forms) == plain_injected(k, forms), k
        want = plain_near(k, forms, by_kind)
        assert C.near(k, forms, by_kind) is want, k
        hits += want is not None
    assert tried > 2000 and hits > 300, (tried, hits)
