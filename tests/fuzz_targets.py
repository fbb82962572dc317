"""What the fuzzer drives: the engine and `cleaner.cli.main` on temporary files, with their invariants.

`tests/test_fuzz.py` runs these under the small derandomized profile on every test run;
`benchmarks/fuzz.py` runs them with fresh random data for a bounded time. A crash either finds
becomes an entry in `tests/test_fuzz.py`'s REGRESSIONS.
"""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from pathlib import Path

from hypothesis import strategies as st

from cleaner import apply_changes, clean, revert_changes
from cleaner.cli import build_parser, main, make_config
from cleaner.io import LOG_SCHEMA
from tests.strategies import any_text, documents

OPTIONS = [
    [], ["--select", "PU"], ["--ignore", "repetition"], ["--select", "PU01,WS"], ["--select", "NOPE"],
    ["--ignore", ""], ["--config", "missing.toml"], ["--format", "json"], ["--bogus"], ["--select"],
]
INVALID_UTF8 = [b"\xff", b"\xc3", b"\xe2\x80", b"\xed\xa0\x80", b"\x00", b"\xf4\x90\x80\x80"]


@st.composite
def file_bytes(draw) -> bytes:
    """What a scraper may leave in a file: UTF-8 text, with or without broken bytes, or arbitrary bytes."""
    kind = draw(st.sampled_from(["text", "broken", "binary"]))
    if kind == "binary":
        return draw(st.binary(max_size=300))
    data = draw(documents()).encode("utf-8", "surrogatepass" if kind == "broken" else "strict")
    if kind == "broken":
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from(INVALID_UTF8)) + data[at:]
    return data


def check_engine(text: str) -> bool:
    """The engine never raises, its log is exact, and a document it refuses is left exactly as it was.

    Returns True when the document was refused (did not settle, or failed the safety check): not a
    crash, but worth reporting, so `benchmarks/fuzz.py` counts and prints them.
    """
    result = clean(text)
    assert apply_changes(text, result.changes) == result.text
    assert revert_changes(result.text, result.changes) == text
    refused = any(p.severity == "error" for p in result.problems)
    if refused:
        assert result.text == text and result.changes == ()
    return refused


def run_cli(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def check_cli(data: bytes, command: str, options: list[str]) -> None:
    """`main` returns an exit code for any file and flags (never raises); fix writes the cleaned text or nothing."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        log = Path(folder) / "log.jsonl"
        path.write_bytes(data)
        if command == "check" or "--format" not in options:
            argv = [command, str(path), "--log", str(log), *options]
        else:
            argv = [command, str(path), *options]
        code, _, err = run_cli(argv)
        assert code in (0, 1, 2), (code, err)
        after = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            assert code == 2 and after == data
            return
        if command == "fix" and code == 0:
            config = make_config(build_parser().parse_args(argv))
            assert after.decode("utf-8") == clean(text, config).text
        else:
            assert after == data
        if log.exists() and code != 2:
            for line in log.read_text(encoding="utf-8").splitlines():
                assert json.loads(line)["schema"] == LOG_SCHEMA


engine_inputs = any_text
cli_inputs = st.tuples(file_bytes(), st.sampled_from(["check", "fix", "diff"]), st.sampled_from(OPTIONS))
