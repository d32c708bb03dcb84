"""What a number counts: the words of its clause that name the thing (化解矛盾纠纷131起 →
化解矛盾, 纠纷), by jieba's parts of speech. jieba is imported on first use only: its
dictionary takes most of a second to load."""
from __future__ import annotations

from . import hanzi as T
from .quantity import Quantity, clause

# Words that say when or how much in general, not what was counted.
FILLER = {"今年", "全年", "年内", "本年", "本年度", "年度", "以来", "一年来", "全镇", "全乡", "全街道",
          "共", "共计", "累计", "合计", "总计", "先后", "已", "已经", "目前", "现", "现有", "仅",
          "仅有", "只有", "达", "达到", "为", "是", "有", "了", "各类", "各项", "各种", "等", "并",
          "开展", "组织", "举办", "召开", "进行", "完成", "实现", "积极", "认真", "深入", "扎实",
          "成功", "其中", "和", "及", "与", "的", "在", "对", "向", "把", "将", "通过", "近", "约"}

# Parts of speech (jieba) that do not name a thing: numerals, measures, times, adverbs…
FUNCTION = ("m", "q", "t", "d", "p", "c", "u", "r", "f", "x", "y", "e", "o")


def counted(text: str, q: Quantity) -> tuple[str, ...]:
    """The words naming what q counts, from its clause: "化解矛盾纠纷131起" → (化解矛盾, 纠纷).

    The words before the number, less fillers (共, 全年, 开展…); when none are left, the noun
    phrase after the measure word ("组织了23场法治宣传活动" → 法治宣传, 活动).
    """
    import logging      # only for jieba: a check without it need not import logging
    import jieba
    import jieba.posseg as pseg   # loads jieba's dictionary (~0.8 s) on first use
    jieba.setLogLevel(logging.WARNING)
    a, b = clause(text, q.start)
    words = _content(pseg.cut(text[a:q.start]))
    if not words:
        words = _content(pseg.cut(text[q.end:b]))
    return tuple(words)


def _content(pairs) -> list[str]:
    """The content words of a jieba.posseg cut: no fillers, numbers, times or function words."""
    return [p.word for p in pairs
            if p.word not in FILLER and not p.flag.startswith(FUNCTION) and T.HAN.search(p.word)]
