"""The one home of file I/O on users' files: guarded bounded reads and atomic writes.

Reads never block and never take more than a limit: a file is opened with
``O_NONBLOCK`` (a named pipe would otherwise wait for a writer), asked what it is
(``fstat``: regular files only) and how large, and read at its size. A file named
inside a folder (a statement's source text) is opened only if its path, as written
and once resolved through symlinks, stays in that folder, and the final open does
not follow a symlink swapped in meanwhile (``O_NOFOLLOW``).

Writes are atomic: a temporary file in the target's folder, flushed and synced,
then ``os.replace``; the target keeps its mode, and a failure leaves it intact. A
file without write permission is never replaced (``os.replace`` would happily do it,
since only the folder's permissions count), nor is one reached through a symlink
that leads out of its folder.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import tempfile
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, BinaryIO, Literal

from jointstmt.limits import MAX_SOURCE_BYTES

if TYPE_CHECKING:
    from jointstmt.model import JointStatement

# Neither exists on Windows.
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)

Problem = Literal["outside", "not_found", "unreadable", "not_regular", "too_large", "changed"]


class ReadError(Exception):
    """A file that was not read, and why: ``problem`` for the caller's finding code.

    ``str(error)`` completes a sentence about the file ("... is not a regular file").
    ``size`` is the size found for ``too_large``; ``cause`` the system's reason, if any.
    """

    def __init__(self, problem: Problem, detail: str, size: int = 0, cause: str = "") -> None:
        super().__init__(detail)
        self.problem = problem
        self.size = size
        self.cause = cause


def read_bounded(stream: BinaryIO, size: int, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of a file whose size was ``size`` when last asked.

    ``read(n)`` reserves ``n`` bytes up front, so ask for the size (plus one, to see
    a file that grew since), not the limit: for a 12 KB file and a 5 MiB limit that
    made reading five times slower. More than ``limit`` bytes back means too large.
    """
    data = stream.read(min(size, limit) + 1)
    if size < len(data) <= limit:  # the file grew since its size was taken
        data += stream.read(limit + 1 - len(data))
    return data


def read_stream(stream: BinaryIO, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of a stream of unknown size (standard input).

    Read in pieces that grow as the data does, so a limit far beyond memory (``--max-bytes
    10000000000000``) costs nothing unless that much data really comes.
    """
    pieces: list[bytes] = []
    total, piece = 0, 64 * 1024
    while total <= limit:
        data = stream.read(min(piece, limit + 1 - total))
        if not data:
            break
        pieces.append(data)
        total += len(data)
        piece = min(piece * 2, 16 * 1024 * 1024)
    return b"".join(pieces)


def reason(error: Exception) -> str:
    """Why an open or read failed, for a message (``strerror`` where the OS gave one)."""
    return (
        (error.strerror if isinstance(error, OSError) else None)
        or str(error)
        or type(error).__name__
    )


def read_file(path: Path, limit: int, *, follow_symlinks: bool = True) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them, or :class:`ReadError`."""
    flags = os.O_RDONLY | _O_NONBLOCK | (0 if follow_symlinks else _O_NOFOLLOW)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise ReadError("not_found", "does not exist") from None
    except (OSError, ValueError) as error:  # ValueError: a NUL character in the path
        raise ReadError(
            "unreadable", f"cannot be opened: {reason(error)}", cause=reason(error)
        ) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ReadError(
                "not_regular", "is not a regular file (a folder, a named pipe or a device)"
            )
        if info.st_size > limit:  # never read more than the limit
            raise ReadError(
                "too_large", f"is larger than the limit of {limit:,} bytes", info.st_size
            )
        with open(fd, "rb", closefd=False) as stream:
            data = read_bounded(stream, info.st_size, limit)
    except OSError as error:
        raise ReadError(
            "unreadable", f"cannot be read: {reason(error)}", cause=reason(error)
        ) from None
    finally:
        os.close(fd)
    if len(data) > limit:  # st_size understated it: a growing file
        raise ReadError("too_large", f"is larger than the limit of {limit:,} bytes", len(data))
    return data


def read_inside(folder: Path, name: str, limit: int) -> bytes:
    """The bytes of the file ``name`` (a relative POSIX path) inside ``folder``.

    Nothing outside the folder is opened: the path is checked as written (no absolute
    path, no ``..``, no backslash), then resolved through symlinks and checked again.
    """
    relative = PurePosixPath(name)
    if relative.is_absolute() or "\\" in name or ".." in relative.parts:
        raise ReadError("outside", "must be a path inside the statement's folder, without '..'")
    try:
        root = folder.resolve()
        target = (folder / relative).resolve()
    except (OSError, ValueError, RuntimeError) as error:  # RuntimeError: a symlink loop
        raise ReadError("unreadable", f"cannot be opened: {reason(error)}") from None
    if not target.is_relative_to(root):
        raise ReadError("outside", "resolves outside the statement's folder")
    try:
        return read_file(target, limit, follow_symlinks=False)
    except ReadError as error:
        if error.problem == "not_found":
            raise ReadError("not_found", f"is not a file in {folder}") from None
        raise


def read_pinned(folder: Path, name: str, sha256: str) -> str:
    """The text of ``name`` in ``folder`` (as :func:`read_inside`) if its SHA-256 is ``sha256``.

    A file that is not UTF-8, or whose digest differs, is a :class:`ReadError` too.
    """
    data = read_inside(folder, name, MAX_SOURCE_BYTES)
    digest = hashlib.sha256(data).hexdigest()
    if digest != sha256:
        raise ReadError("changed", f"has SHA-256 {digest}, not the recorded one")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ReadError("unreadable", f"cannot be read as UTF-8 text: {error}") from None


def read_statement_text(statement: JointStatement, yaml_path: str | Path) -> str:
    """The text of a loaded statement, from the file beside its YAML file ``yaml_path``.

    Read as validation reads it: inside the YAML file's folder, bounded, and only if
    its SHA-256 is the one the statement records; otherwise :class:`ReadError`.
    """
    source = statement.statement_text
    return read_pinned(Path(yaml_path).parent, source.path, source.sha256)


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path``'s content with ``data`` all at once, or leave it as it was.

    The data goes to a temporary file in the same folder (so the rename stays on one
    file system), is flushed and synced, takes the target's mode, and replaces the
    target with ``os.replace``. A target that is a symlink is written through only when
    it resolves inside the target's folder (its file is replaced, the link kept).
    """
    target = _write_target(path)
    folder = target.parent
    try:
        info = os.stat(target)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    else:
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "it is a folder", str(path))
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "it is not a regular file", str(path))
        mode = stat.S_IMODE(info.st_mode)
        # the mode bits too: root may write anything, but a file its owner made read-only
        # is one they do not want changed
        if not os.access(target, os.W_OK) or not mode & 0o222:
            raise PermissionError(errno.EACCES, "the file is read-only", str(path))
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _write_target(path: Path) -> Path:
    """The file to replace for ``path``: itself, or where its symlink leads inside its folder."""
    if not path.is_symlink():
        return path
    try:
        folder = path.parent.resolve()
        target = path.resolve()
    except RuntimeError:  # a symlink loop
        raise OSError(errno.ELOOP, "it is a symbolic link loop", str(path)) from None
    if not target.is_relative_to(folder):
        raise PermissionError(
            errno.EACCES, "it is a symbolic link that leads out of its folder", str(path)
        )
    return target
