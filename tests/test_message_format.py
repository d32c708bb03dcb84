"""engine.run.to_finding formats a rule's message with str.format_map (in C); it gives what
Rule.format (string.Formatter) gives, for every shipped rule, with all, some or none of the
message's arguments filled."""
import string

from hypothesis import given, settings, strategies as st

from lintreport import checklist as cl
from lintreport.engine.run import to_finding
from lintreport.finding import Hit

RULES = [r for name in ("township", "county") for r in cl.load(name).rules]
VALUES = st.one_of(st.text("法治{}%“”0a ", max_size=6), st.integers(-5, 5000),
                   st.floats(0, 100, allow_nan=False))


def fields(message):
    return sorted({f for _, f, _, _ in string.Formatter().parse(message) if f})


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(RULES), st.data())
def test_the_message_is_rule_formats(rule, data):
    names = fields(rule.message)
    args = {n: data.draw(VALUES) for n in names if data.draw(st.booleans())}
    hit = Hit(3, 1, args=args)
    assert to_finding("r.txt", rule, hit).message == rule.format(args)


def test_the_templates_have_fields():
    assert sum(bool(fields(r.message)) for r in RULES) > 20
