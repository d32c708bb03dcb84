"""Which township, county or department a report is from, as the report names itself:
`place_of` the issuing body as named (review table, JSON), `township_of` the township
(D002, F001 compare reports of one unit across years), `unit_of` the one, else the other."""
from __future__ import annotations

import re

from .hanzi import HAN

# the issuing body as reports name it: 那吾镇人民政府, 垫江县曹回镇, 县司法局
PLACE_LEAD = re.compile(r"^(?:\d{4}年(?:度|以来)?|今年以来|关于|上报|中共|[,，、])+")
PLACE_CUT = re.compile(r"人民政府|政府|党委|党工委|委员会|办事处|关于|法治|年度|以来|\d|[在的,，。、:：]")
PLACE = re.compile(r"^(?![我本全该])\w{1,14}(?:街道|镇|乡|县|区|市|旗|州|局|委|办|所|中心|院|厅|部|站)")


def place_of(doc) -> str:
    """The township, county or department a report is from, read from its title, closing
    issuer or first sentence; empty when none of them names one."""
    candidates = [doc.title_text, doc.issuer.text if doc.issuer else "",
                  doc.paragraphs[0].text[:40] if doc.paragraphs else ""]
    for text in candidates:
        text = PLACE_LEAD.sub("", "".join(text.split()))
        cut = PLACE_CUT.search(text)
        m = PLACE.match(text[:cut.start()] if cut else text[:16])
        if m and len(m.group()) >= 2:
            return m.group()
    return ""


PLACE_END = re.compile(r"镇|乡|街道|苏木")
# first characters that make "X镇" a phrase (我镇, 全乡, 县曹回镇), not a township's name
NOT_PLACE = set("我全本各该乡城每一两在和与及为对其此等年县市区省州旗盟共")


def township_of(doc) -> str:
    """The township a report is about (那吾镇, 虎跳峡镇), from its title and issuer, else from
    its first paragraphs; "" when unsure. Names are two or three characters before 镇/乡/街道:
    the three-character form wins when it is (nearly) as frequent as its two-character tail."""
    lines = [line.text for line in [*doc.title, doc.issuer] if line is not None]
    text, least = "\n".join(lines), 1
    if not PLACE_END.search(text):
        text, least = "\n".join(p.text for p in doc.paragraphs[:5]), 2
    counts: dict[str, int] = {}
    for m in PLACE_END.finditer(text):
        for n in (2, 3):
            name = text[max(m.start() - n, 0):m.end()]
            if m.start() >= n and all(HAN.match(c) for c in name) and name[0] not in NOT_PLACE:
                counts[name] = counts.get(name, 0) + 1
    short = [c for c in counts if len(c) == 2 + len(PLACE_END.search(c).group())]
    if not short:
        return ""
    best = max(short, key=lambda c: (counts[c], c))
    longer = [c for c in counts if c != best and c.endswith(best)]
    if longer and 5 * counts[max(longer, key=counts.get)] >= 4 * counts[best]:
        best = max(longer, key=counts.get)
    return best if counts[best] >= least else ""


def unit_of(doc) -> str:
    """The township a report is from (那吾镇), else its issuing body (井研县司法局): what
    makes two reports the same unit's reports of different years."""
    return township_of(doc) or place_of(doc)
