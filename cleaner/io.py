"""Input and output at the edges: decoding files, atomic writes, stdin/stdout and change-log records."""

from __future__ import annotations

import json
import os
import stat
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable

from . import __version__
from .model import Change, Result
from .ruleset import ruleset_hash

LOG_SCHEMA = "mtclean.changelog/2"  # 2 added `changes[].id`; readers accept 1 and 2
LOG_SCHEMAS = ("mtclean.changelog/1", LOG_SCHEMA)
BINARY_SNIFF = 8192


class InputError(Exception):
    """A document that cannot be read as text; the message names it and says why."""


class BinaryInputError(InputError):
    """A binary file: a folder walk skips it with a notice, a named one is an error."""


@dataclass(frozen=True)
class Document:
    """A text and where it came from (a path, `-` for stdin, or a record id)."""

    name: str
    text: str


def decode(data: bytes, name: str) -> str:
    """Strict UTF-8 (a BOM is kept as part of the text); binary data is refused.

    >>> decode(b"caf\\xc3\\xa9", "x")
    'café'
    """
    if b"\x00" in data[:BINARY_SNIFF]:
        raise BinaryInputError(f"{name}: binary file (NUL byte found), skipped")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(f"{name}: invalid UTF-8 at byte {error.start}, skipped") from None


class FileChangedError(InputError):
    """The file changed on disk between being read and being rewritten; it is left as the other writer left it."""


def check_symlink(path: str) -> None:
    """Refuse a path that reaches through a symlink to a file outside the current directory's tree.

    A path named outside that tree (`../shared/a.txt`) is read as given; only a path inside it
    that a link leads out of is refused (unless `--follow-symlinks`), so `mtclean fix` never
    rewrites a file the user did not see in the tree they work in.
    """
    real, lexical = os.path.realpath(path), os.path.abspath(path)
    if real == lexical:
        return
    root = os.getcwd()
    inside = os.path.commonpath([root, lexical]) == root
    if inside and os.path.commonpath([os.path.realpath(root), real]) != os.path.realpath(root):
        raise InputError(f"{path}: symlink to {real}, outside the current directory's tree; "
                         "not followed (use --follow-symlinks)")


def read_document(path: str, *, follow_symlinks: bool = True) -> Document:
    """Read a file, or stdin for `-`, as a Document; with follow_symlinks=False see `check_symlink`."""
    if path == "-":
        return Document("-", decode(sys.stdin.buffer.read(), "<stdin>"))
    if not follow_symlinks:
        check_symlink(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror}") from None
    return Document(path, decode(data, path))


def _default_mode() -> int:
    """The mode a new file gets from the umask (a temp file would otherwise stay 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def atomic_write(path: str | Path, text: str, expected: str | None = None) -> None:
    """Replace a file's content in one step (temp file in the same folder, then rename), keeping its mode.

    A symlink stays a link: its target is rewritten. With `expected` (the text that was read and
    cleaned), the file is compared with it just before the rename, and a file that changed in the
    meantime is left alone (FileChangedError). A process killed at any point leaves the file
    either as it was or fully rewritten, plus at most a stray `.NAME.*.mtclean-tmp` file.
    """
    shown = path
    path = Path(os.path.realpath(path))
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else _default_mode()
    descriptor, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".mtclean-tmp", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, mode)
        if expected is not None and _current_bytes(path) != expected.encode("utf-8"):
            raise FileChangedError(f"{shown}: changed on disk while it was being cleaned; left as it is now")
        os.replace(temp_name, path)
    except BaseException:
        try:
            os.unlink(temp_name)
        except FileNotFoundError:
            pass
        raise


def _current_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def log_record(name: str, result: Result, key: str = "path") -> dict:
    """One change-log record (schema `mtclean.changelog/2`) for a cleaned document."""
    record = {
        "schema": LOG_SCHEMA,
        key: name,
        "mtclean": __version__,
        "ruleset": ruleset_hash(),
        "changes": [{"id": change.id, **change.to_dict()} for change in result.changes],
    }
    if result.problems:
        record["problems"] = [{"rule": p.rule, "message": p.message, "severity": p.severity} for p in result.problems]
    return record


# JSON leaves these unescaped, but str.splitlines() and some JSON Lines readers end a line at them.
LINE_SEPARATORS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def write_log(handle: IO[str], records: Iterable[dict]) -> None:
    """One JSON object a line; the only line break in each is the final `\\n`.

    >>> import io; out = io.StringIO(); write_log(out, [{"before": "a\\u2028b"}]); out.getvalue()
    '{"before": "a\\\\u2028b"}\\n'
    """
    for record in records:
        handle.write(json.dumps(record, ensure_ascii=False, sort_keys=False).translate(LINE_SEPARATORS) + "\n")


def read_log(path: str | Path) -> list[dict]:
    """Change-log records from a JSON Lines file."""
    records = []
    try:
        handle = open(path, encoding="utf-8")
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror}") from None
    with handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as error:
                    raise InputError(f"{path}:{number}: not JSON: {error.msg}") from None
    return records


def changes_of(record: dict) -> list[Change]:
    return [Change.from_dict(item) for item in record.get("changes", [])]


def read_json(path: str | Path) -> object:
    """One JSON document from a file (a decisions file), with a readable error."""
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: not JSON: {error}") from None
@dataclass(frozen=True)
class GoldDocument:
    """An annotated document: its input, expected output and, when there is one, expected change log."""

    name: str
    text: str
    expected: str
    log: tuple[Change, ...] | None


def read_gold_dir(path: str | Path) -> list[GoldDocument]:
    """Every `NAME/input.txt` + `NAME/expected.txt` (+ `expected_changes.jsonl`) folder under `path`.

    The log holds one change per line, or whole change-log records (their `changes` are used).
    """
    root = Path(path)
    if not root.is_dir():
        raise InputError(f"{path}: not a directory")
    documents = []
    for folder in sorted(p for p in root.iterdir() if (p / "input.txt").is_file() and (p / "expected.txt").is_file()):
        log_path = folder / "expected_changes.jsonl"
        log = None
        if log_path.is_file():
            try:
                log = tuple(c for item in read_log(log_path)
                            for c in (changes_of(item) if "changes" in item else [Change.from_dict(item)]))
            except (KeyError, TypeError) as error:
                raise InputError(f"{log_path}: not a change log ({error})") from None
        documents.append(GoldDocument(folder.name, read_document(str(folder / "input.txt")).text,
                                      read_document(str(folder / "expected.txt")).text, log))
    if not documents:
        raise InputError(f"{path}: no NAME/input.txt + NAME/expected.txt folders")
    return documents
