"""Writing a file so that a failure never leaves it half written.

The new content goes to a temporary file in the same folder (same file system, so the final
rename is atomic), is flushed and fsync'ed, takes over the old file's permissions (and owner,
when we may set it), and only then replaces the old file with os.replace. A full disk, a
size limit (ulimit -f), a kill or a read-only folder leaves the old file byte for byte as it
was, and no temporary file behind.
"""
from __future__ import annotations

import errno
import os
import signal
import stat
import tempfile


def write_bytes(path: str, data: bytes) -> None:
    """Replace (or create) path with data, atomically; raises OSError on any failure. A
    link is written through: its target is replaced and the link stays a link."""
    write_with(path, lambda f: f.write(data))


def write_with(path: str, fill) -> None:
    """write_bytes for content made as it is written: fill(f) writes to the open binary
    temporary file (a long output need not be held in memory whole)."""
    path = os.path.realpath(path)
    folder = os.path.dirname(path)
    try:
        old = os.stat(path)
    except FileNotFoundError:
        old = None
    fd, tmp = tempfile.mkstemp(prefix=".lintreport-", suffix=".tmp", dir=folder)
    # a file size limit raises SIGXFSZ, which kills the process by default: make it an OSError
    previous = _ignore_xfsz()
    try:
        with os.fdopen(fd, "wb") as f:
            fill(f)
            f.flush()
            os.fsync(f.fileno())
        if old is not None:
            os.chmod(tmp, stat.S_IMODE(old.st_mode))
            if hasattr(os, "chown") and (old.st_uid, old.st_gid) != _owner(tmp):
                try:
                    os.chown(tmp, old.st_uid, old.st_gid)
                except PermissionError:
                    pass        # not root: the file becomes ours, as any editor would do
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    finally:
        _restore_xfsz(previous)
    _sync_folder(folder)


REASONS = {errno.ENOENT: "文件夹不存在", errno.EACCES: "没有写入权限", errno.EPERM: "没有写入权限",
           errno.EROFS: "文件系统只读", errno.ENOSPC: "磁盘已满", errno.EFBIG: "超出文件大小限制",
           errno.EISDIR: "这是一个文件夹", errno.ENOTDIR: "路径中有一段不是文件夹",
           errno.EDQUOT: "超出磁盘配额"}


def reason(exc: OSError) -> str:
    """Why a write failed, in Chinese (the system's words when we have none)."""
    return REASONS.get(exc.errno, exc.strerror or str(exc))


def write_text(path: str, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def _owner(path: str) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_uid, st.st_gid


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _ignore_xfsz():
    if not hasattr(signal, "SIGXFSZ"):
        return None
    try:
        return signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    except ValueError:      # not the main thread: the signal setting stays as it is
        return None


def _restore_xfsz(previous) -> None:
    if previous is not None:
        try:
            signal.signal(signal.SIGXFSZ, previous)
        except ValueError:
            pass


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable; not every system lets a folder be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
