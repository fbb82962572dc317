"""The real `pre-commit` tool runs this repository's hooks on a content repository.

The hooks come from a local clone of this repository at its current commit (commit before
running this test: uncommitted work is not in the clone). pre-commit builds the hook's own
environment from that clone with pip, so this test needs the package index, as `.ci/run` does.
"""

from __future__ import annotations

import os
import subprocess
import sys

import regex

from .conftest import ROOT

ARTICLE = """\
---
title: "Rules on Rural Road Upkeep"
summary: "draft. . the the"
---

# Xianning opens new rural roads . .

XIANNING, June 3 (Xinhua) -- The county opened the the new road. . Officials said it will
cultivate and cultivate trade，and villagers welcomed it.Work continues next month.

```bash
echo "a. . b"  # the the
```

Read [the plan](https://example.org/plan..pdf "Plan. . notes") and `road. . id` for details.

<!-- editor: check. . the the figures -->

[plan]: https://example.org/ref..x
"""

EXPECTED = """\
---
title: "Rules on Rural Road Upkeep"
summary: "draft. . the the"
---

# Xianning opens new rural roads.

XIANNING, June 3 (Xinhua) -- The county opened the new road. Officials said it will
cultivate trade, and villagers welcomed it. Work continues next month.

```bash
echo "a. . b"  # the the
```

Read [the plan](https://example.org/plan..pdf "Plan. . notes") and `road. . id` for details.

<!-- editor: check. . the the figures -->

[plan]: https://example.org/ref..x
"""

# front matter, code blocks, link targets, inline code, HTML comments, reference definitions
KEPT_RE = regex.compile(r"(?s)\A---.*?---|```.*?```|\]\([^)]*\)|`[^`\n]+`|<!--.*?-->|^\[[^\]]+\]:.*$", regex.M)


def run(argv, cwd, env=None):
    return subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


def git(*argv, cwd):
    result = run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *argv], cwd)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_pre_commit_check_fails_fix_repairs_and_markup_is_untouched(tmp_path):
    hooks = tmp_path / "mtclean"
    git("clone", "--quiet", str(ROOT), str(hooks), cwd=tmp_path)
    rev = git("rev-parse", "HEAD", cwd=hooks)

    content = tmp_path / "content"
    content.mkdir()
    git("init", "--quiet", cwd=content)
    (content / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hooks}\n    rev: {rev}\n    hooks:\n      - id: mtclean-check\n      - id: mtclean-fix\n",
        encoding="utf-8")
    article = content / "news" / "roads.md"
    article.parent.mkdir()
    article.write_bytes(ARTICLE.encode("utf-8"))
    (content / "notes.py").write_text('x = "a. . b"\n', encoding="utf-8")  # not prose: no hook sees it
    git("add", ".", cwd=content)

    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "PRE_COMMIT_COLOR": "never"}
    pre_commit = [sys.executable, "-m", "pre_commit"]  # installed by the test extra

    checked = run(pre_commit + ["run", "mtclean-check", "--all-files"], content, env)
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert "news/roads.md:6:33: WS02" in checked.stdout
    assert "news/roads.md:8:64: PU01 Doubled period" in checked.stdout
    assert "notes.py" not in checked.stdout
    assert article.read_bytes() == ARTICLE.encode("utf-8")  # check never writes

    # both hooks: check fails naming the findings, then fix rewrites (and fails: files modified)
    fixed = run(pre_commit + ["run", "--all-files"], content, env)
    assert fixed.returncode == 1, fixed.stdout + fixed.stderr
    assert "news/roads.md:8:64: PU01 Doubled period" in fixed.stdout
    assert regex.search(r"mtclean fix\.+Failed\n- hook id: mtclean-fix\n- files were modified by this hook", fixed.stdout)
    after = article.read_bytes().decode("utf-8")
    assert after == EXPECTED
    assert KEPT_RE.findall(after) == KEPT_RE.findall(ARTICLE)
    assert len(KEPT_RE.findall(after)) == 6
    assert (content / "notes.py").read_text(encoding="utf-8") == 'x = "a. . b"\n'

    again = run(pre_commit + ["run", "--all-files"], content, env)
    assert again.returncode == 0, again.stdout + again.stderr
    assert article.read_bytes().decode("utf-8") == EXPECTED
