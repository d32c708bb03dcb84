"""Texts a batch check's summary points to instead of carrying: written by the worker that
made the summary, read by the parent only where it needs them.

D002 sends the parent every long paragraph of every report, but only about one in seven is
ever compared (it shares a LSH bucket with another report's). So the summary carries a
reference (`put`), and the parent reads back only the texts it compares (`get`). A batch
writes them to one private temporary folder, a file per process (appended with one write per
report, so nothing is buffered when the record leaves the worker); the folder is removed when
the batch ends, on an error or an interrupt too. A report checked on its own keeps its texts
in the reference itself (`Memory`), as before.
"""
from __future__ import annotations

import contextlib
import os
from array import array


class Memory:
    """The texts in the reference: for one report, or a batch checked in one piece."""

    def put(self, texts: list[str]) -> list[str]:
        return list(texts)

    def get(self, ref, i: int) -> str:
        return ref[i]


class Spool:
    """Texts in files of a private temporary folder; a reference is (process id, where
    each text starts in its file, and where the last one ends), in UTF-8 bytes."""

    def __init__(self):
        import tempfile     # only a batch spools (tempfile and its imports: ~3 ms)
        self.folder = tempfile.mkdtemp(prefix="lintreport-")
        self._pid = self._fd = None
        self._end = 0
        self._readers: dict[int, int] = {}

    def __getstate__(self):     # a spawned worker gets the folder and opens its own file
        return self.folder

    def __setstate__(self, folder):
        self.folder, self._pid, self._fd, self._end, self._readers = folder, None, None, 0, {}

    def put(self, texts: list[str]) -> tuple[int, array]:
        if self._pid != os.getpid():        # a forked worker: its own file, not the parent's
            self._pid, self._end = os.getpid(), 0
            self._fd = os.open(os.path.join(self.folder, str(self._pid)),
                               os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        data = [t.encode("utf-8") for t in texts]
        starts = array("Q", [self._end])
        for d in data:
            starts.append(starts[-1] + len(d))
        blob = b"".join(data)
        written = 0
        while written < len(blob):
            written += os.write(self._fd, blob[written:])
        self._end += len(blob)
        return self._pid, starts

    def get(self, ref, i: int) -> str:
        pid, starts = ref
        fd = self._readers.get(pid)
        if fd is None:
            fd = self._readers[pid] = os.open(os.path.join(self.folder, str(pid)), os.O_RDONLY)
        return os.pread(fd, starts[i + 1] - starts[i], starts[i]).decode("utf-8")

    def close(self) -> None:
        for fd in [self._fd, *self._readers.values()]:
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._fd, self._readers = None, {}
        import shutil
        shutil.rmtree(self.folder, ignore_errors=True)


_current: list = [Memory()]


def current():
    """The store the checks of this process write their summaries' texts to."""
    return _current[-1]


@contextlib.contextmanager
def using(store):
    """Make `store` current for the checks run inside (in this process)."""
    _current.append(store)
    try:
        yield store
    finally:
        _current.pop()


@contextlib.contextmanager
def for_batch(wanted: bool):
    """A Spool for a batch whose batch checks will compare many reports (else Memory),
    removed with its files when the batch ends, however it ends."""
    if not wanted:
        yield Memory()
        return
    spool = Spool()
    try:
        yield spool
    finally:
        spool.close()
