"""Finding the reports to lint: files as given, folders searched for supported files."""
from __future__ import annotations

import fnmatch
import os

from ..config import Config
from ..errors import InputError
from ..read import supported


def collect_paths(paths, config: Config | None = None, refused: list | None = None) -> list[str]:
    """Files to lint: files as given, folders searched for supported files, in order.

    `exclude` applies to what a folder search finds, never to a file named on the command
    line. A link found in a folder is followed only when it stays inside that folder (or
    with config.follow_links); links that lead out, and subfolders that cannot be read, go
    to `refused` as (path, reason) so that they are reported, not passed over in silence.
    """
    out = []
    refused = [] if refused is None else refused
    follow = bool(config and config.follow_links)
    for p in paths:
        if not os.path.isdir(p):
            out.append(p)
            continue
        top = os.path.realpath(p)
        found = []

        def unreadable(exc, refused=refused):
            refused.append((exc.filename or p, f"无法读取文件夹：{exc.strerror}"))
        for root, dirs, files in os.walk(p, onerror=unreadable, followlinks=follow):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                full = os.path.join(root, name)
                if not supported(full) or name.startswith(("~$", ".")) or own_output(full):
                    continue
                if not follow and os.path.islink(full) and not _inside(full, top):
                    refused.append((full, "是指向所检查文件夹之外的链接，未读取"
                                          "（确要读取请加 --follow-links）"))
                    continue
                found.append(full)
        if config and config.exclude:
            found = [f for f in found if not any(fnmatch.fnmatch(f, g) or
                                                 fnmatch.fnmatch(os.path.basename(f), g)
                                                 for g in config.exclude)]
        out += found
    return out


def _inside(path: str, top: str) -> bool:
    real = os.path.realpath(path)
    return real == top or real.startswith(top.rstrip(os.sep) + os.sep)


# The first bytes of every HTML page lintreport writes (review.html) carry this mark, so that
# a folder reviewed twice does not take its own review page for a report.
OUTPUT_MARK = b'<meta name="generator" content="lintreport">'


def own_output(path: str) -> bool:
    """Whether a file found in a folder is one we wrote (a review page)."""
    if not path.lower().endswith((".html", ".htm")):
        return False
    try:
        with open(path, "rb") as f:
            return OUTPUT_MARK in f.read(2048)
    except OSError:
        return False


def batch_items(paths, against, config: Config, previous=(),
                refused: list | None = None) -> list[tuple[str, bool]]:
    """(path, is_reference) for the reports to lint and the reference reports; last year's
    reports (`previous`) are references too; what a folder search refused goes to `refused`
    (see collect_paths)."""
    items = [(p, False) for p in collect_paths(paths, config, refused)]
    if not items and not refused and paths and all(os.path.isdir(p) for p in paths):
        # nothing to lint is not "no problems found"
        raise InputError(f"{'、'.join(paths)}：文件夹中没有可检查的报告"
                         "（支持 txt、md、docx、html、pdf）")
    return items + [(p, True) for p in collect_paths([*against, *previous], config, refused)
                    if supported(p)]


def previous_paths(previous, config: Config) -> frozenset:
    """The real paths of last year's reports, as the batch checks meet them."""
    return frozenset(os.path.realpath(p) for p in collect_paths(previous, config))
