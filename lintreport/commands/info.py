"""`lintreport rules`, `explain` and `show`: what the rules are and how a report was read."""
from __future__ import annotations

import sys

import click

from ..cli import CHECKLIST, CONFIG, Exit, fail, make_config, ZhCommand


@click.command("rules", cls=ZhCommand)
@CHECKLIST
@CONFIG
def list_rules(checklist, config_path):
    """列出检查清单中的全部规则。"""
    from .. import checklist as cl
    from ..config import apply
    conf = make_config(config_path, checklist, (), (), None)
    chk = cl.load(conf.checklist)
    active = {r.id for r in apply(chk, conf)}
    click.echo(f"检查清单：{chk.name}（{chk.title}），共 {len(chk.rules)} 条规则")
    from ..ruleinfo import rules_table
    click.echo("\n".join(rules_table(chk, active)))


@click.command(cls=ZhCommand)
@click.argument("rule", metavar="规则")
@CHECKLIST
def explain(rule, checklist):
    """说明一条规则：检查什么、为什么、依据和示例。"""
    from .. import checklist as cl
    from ..ruleinfo import explain as render
    chk = cl.load(checklist or "township")
    r = chk.rule(rule) or next((x for x in chk.rules if x.name == rule.casefold()), None)
    if r is None:
        fail(f"没有规则“{rule}”（用 lintreport rules 查看全部规则）")
    click.echo(render(r, checklist or "township"), nl=False)


@click.command(cls=ZhCommand)
@click.argument("paths", nargs=-1, required=True)
@CHECKLIST
@CONFIG
def show(paths, checklist, config_path):
    """显示报告是怎样读出来的：标题、主送机关、各部分及其标题、报告年度及依据、落款、日期、网页信息栏和网页栏目（附行号）。"""
    from .. import checklist as cl
    from ..document import parse
    from ..errors import InputError
    from ..read import read
    from ..show import describe
    conf = make_config(config_path, checklist, (), (), None)
    chk = cl.load(conf.checklist)
    failed = False
    for n, path in enumerate(paths):
        try:
            doc = parse(read(path))
        except InputError as exc:
            click.echo(f"lintreport: {path}: {exc}", err=True)
            failed = True
            continue
        click.echo(("\n" if n else "") + describe(doc, chk), nl=False)
    sys.exit(Exit.ERROR if failed else Exit.CLEAN)
