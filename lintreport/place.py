"""Which township, county or department a report is from, as the report names itself."""
from __future__ import annotations

import re

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
