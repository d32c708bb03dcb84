"""`review --annotate DIR`: one annotated copy per report of a batch, in a folder that
mirrors the reports' folders below their common parent (a/x.docx → DIR/a/x-批注.docx).

Every target is checked before anything is written: an existing file is replaced only
with --force, and an input is never written over.
"""
from __future__ import annotations

import os

from ..errors import InputError
from . import SUFFIX, annotate, check_target, save


def targets(paths: list[str], folder: str) -> dict[str, str]:
    """report path → its annotated copy in folder; two reports of one name but different
    kinds (x.txt, x.pdf) keep their kind in the copy's name."""
    if not paths:
        return {}
    absolute = [os.path.abspath(p) for p in paths]
    base = os.path.commonpath([os.path.dirname(p) for p in absolute])
    out, taken = {}, set()
    for path, full in zip(paths, absolute):
        stem, ext = os.path.splitext(os.path.relpath(full, base))
        dest = os.path.join(folder, stem + SUFFIX)
        if dest in taken:
            dest = os.path.join(folder, f"{stem}（{ext.lstrip('.')}）{SUFFIX}")
        taken.add(dest)
        out[path] = dest
    return out


def annotate_review(review, folder: str, force: bool = False) -> list[str]:
    """Write the annotated copies of a review's readable reports; one note per report."""
    reports = [r for r in review.reports if r.lines]
    dests = targets([r.path for r in reports], folder)
    inputs = [r.path for r in review.reports]
    for dest in dests.values():
        check_target(dest, inputs, force)
    notes = []
    for report in reports:
        dest = dests[report.path]
        try:
            done = annotate(report.result, review.checklist, review.rules)
            save(dest, done.data)
        except (InputError, OSError, ValueError) as exc:
            notes.append(f"{report.path}: 未写出带批注的副本：{exc}")
            continue
        notes.append(f"{report.path}: {done.comments}条批注，写入 {dest}")
    return notes
