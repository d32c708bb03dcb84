"""Chinese for click's own words: help headings ("Usage:", "Options:") and its usage errors
("Error: Invalid value…"), so a drafter never sees English mixed into Chinese output.

click looks every such string up through gettext at the time it prints it; `install()`
points the lookup of click's modules at the table below. Strings not in the table stay as
click wrote them. The colour switch (--color/--no-color, NO_COLOR) lives here too.
"""
from __future__ import annotations

import gettext
import os
import sys

ZH = {
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Positional arguments": "参数",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本并退出。",
    "%(prog)s, version %(version)s": "%(prog)s，版本 %(version)s",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "用“{command} {option}”查看帮助。",
    "Invalid value for {param_hint}: {message}": "{param_hint}的值无效：{message}",
    "Invalid value: {message}": "值无效：{message}",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Missing {param_type}": "缺少{param_type}",
    "Missing command.": "缺少命令。",
    "No such command {name!r}.": "没有命令 {name!r}。",
    "No such option: {name}": "没有选项：{name}",
    "No such option {name!r}.": "没有选项 {name!r}。",
    "Option {name!r} does not take a value.": "选项 {name!r} 不带值。",
    "Option {name!r} requires an argument.": "选项 {name!r} 需要一个值。",
    "Option {name!r} requires {nargs} arguments.": "选项 {name!r} 需要 {nargs} 个值。",
    "Got unexpected extra argument ({args})": "多出了参数（{args}）",
    "Got unexpected extra arguments ({args})": "多出了参数（{args}）",
    "Did you mean {possibility}?": "是不是要用 {possibility}？",
    "(Did you mean one of: {possibilities}?)": "（是不是要用其中之一：{possibilities}？）",
    "{value!r} is not {choice}.": "{value!r} 不是 {choice}。",
    "{value!r} is not one of {choices}.": "{value!r} 不是可选值 {choices} 之一。",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的{number_type}。",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 内。",
    "integer": "整数",
    "float": "数",
    "{name} {filename!r} does not exist.": "{name} {filename!r} 不存在。",
    "{name} {filename!r} is a directory.": "{name} {filename!r} 是文件夹。",
    "{name} {filename!r} is a file.": "{name} {filename!r} 是文件。",
    "{name} {filename!r} is not readable.": "{name} {filename!r} 不可读。",
    "{name} {filename!r} is not writable.": "{name} {filename!r} 不可写。",
    "file": "文件",
    "directory": "文件夹",
    "path": "路径",
    "default: {default}": "默认：{default}",
    "required": "必需",
    "Aborted!": "已中止。",
    "Argument {name!r} takes {nargs} values.": "参数 {name!r} 需要 {nargs} 个值。",
}


def _(message: str) -> str:
    return ZH.get(message, message)


def _n(singular: str, plural: str, n: int) -> str:
    return _(singular if n == 1 else plural)


TYPE_NAMES = {"text": "文本", "integer": "整数", "float": "数", "integer range": "整数"}


def install() -> None:
    """Make click's modules say their words in Chinese (idempotent)."""
    import click
    from click import core, decorators, exceptions, formatting, parser, termui, types
    for module in (core, decorators, exceptions, formatting, parser, termui, types):
        if module.__dict__.get("_") is gettext.gettext:
            module._ = _
        if module.__dict__.get("ngettext") is gettext.ngettext:
            module.ngettext = _n
    # metavars (TEXT, INTEGER) come from the type names, which click does not translate
    for kind in (click.STRING, click.INT, click.FLOAT):
        kind.name = TYPE_NAMES.get(kind.name, kind.name)
    from .hanzi import width
    formatting.term_len = width         # align help columns by display width (汉字 = 2)
    missing = exceptions.MissingParameter
    if not getattr(missing.format_message, "zh", False):
        english = missing.format_message

        def format_message(self) -> str:    # click ends "缺少参数 'X'" with its own "."
            text = english(self)
            return text[:-1] + "。" if text.endswith(".") else text
        format_message.zh = True
        missing.format_message = format_message


class HelpFormatter:
    """Headings end with a full-width colon: 选项："""

    @staticmethod
    def make():
        import click

        class Formatter(click.HelpFormatter):
            def write_heading(self, heading: str) -> None:
                self.write(f"{'':>{self.current_indent}}{heading}：\n")

        return Formatter


def context_class():
    import click

    class Context(click.Context):
        formatter_class = HelpFormatter.make()

    return Context


def command_classes():
    """(Group, Command) classes whose help says [选项] and uses the Chinese headings."""
    import click
    ctx = context_class()

    class Command(click.Command):
        context_class = ctx

        def __init__(self, *args, **kw):
            kw.setdefault("options_metavar", "[选项]")
            super().__init__(*args, **kw)

    class Group(click.Group):
        context_class = ctx
        command_class = Command

        def __init__(self, *args, **kw):
            kw.setdefault("options_metavar", "[选项]")
            kw.setdefault("subcommand_metavar", "命令 [参数]...")
            super().__init__(*args, **kw)

    return Group, Command


def colour_wanted(choice: bool | None, stream=sys.stdout) -> bool:
    """--color / --no-color when given; otherwise none when NO_COLOR is set (no-color.org)
    or the output is not a terminal."""
    if choice is not None:
        return choice
    if os.environ.get("NO_COLOR"):
        return False
    return stream.isatty()
