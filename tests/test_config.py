"""Configuration found by walking up from each file, per-file ignores, errors, `mtclean config`."""

from __future__ import annotations

import pytest

from cleaner.cli import main

DIRTY = "Prices rose. . The the plan works.\n"


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def codes(output: str) -> list[str]:
    return [line.split(": ")[1].split()[0] for line in output.splitlines()]


def test_nearest_configuration_governs_each_file(tmp_path, capsys, monkeypatch):
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.mtclean]\nignore = ["RE"]\n')
    write(tmp_path / "news" / "mtclean.toml", 'select = ["RE"]\n')
    write(tmp_path / "news" / "pyproject.toml", '[project]\nname = "no mtclean table here"\n')
    top = write(tmp_path / "a.md", DIRTY)
    deep = write(tmp_path / "news" / "2024" / "b.md", DIRTY)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "a.md", "news/2024/b.md"]) == 1
    out = capsys.readouterr().out
    assert out.splitlines() == ["a.md:1:12: PU01 Doubled period ('. .') reduced to one",
                                "news/2024/b.md:1:19: RE01 Doubled word: 'The the'"]
    assert top.read_text() == deep.read_text() == DIRTY


def test_pyproject_without_a_table_is_passed_over(tmp_path, capsys):
    write(tmp_path / "mtclean.toml", 'select = ["PU"]\n')
    write(tmp_path / "sub" / "pyproject.toml", '[tool.black]\nline-length = 90\n')
    article = write(tmp_path / "sub" / "a.txt", DIRTY)
    assert main(["check", str(article)]) == 1
    assert codes(capsys.readouterr().out) == ["PU01"]


def test_explicit_config_wins_over_discovery(tmp_path, capsys):
    write(tmp_path / "mtclean.toml", 'select = ["PU"]\n')
    other = write(tmp_path / "elsewhere" / "strict.toml", 'select = ["RE"]\n')
    article = write(tmp_path / "a.md", DIRTY)
    assert main(["check", "--config", str(other), str(article)]) == 1
    assert codes(capsys.readouterr().out) == ["RE01"]


def test_flags_override_the_file(tmp_path, capsys):
    write(tmp_path / "mtclean.toml", 'select = ["PU"]\n')
    article = write(tmp_path / "a.md", DIRTY)
    assert main(["check", "--select", "RE", str(article)]) == 1
    assert codes(capsys.readouterr().out) == ["RE01"]


def test_per_file_ignores_by_glob_relative_to_the_config(tmp_path, capsys, monkeypatch):
    write(tmp_path / "mtclean.toml", '[per-file-ignores]\n"archive/**/*.md" = ["RE01", "punctuation"]\n')
    write(tmp_path / "archive" / "2019" / "old.md", DIRTY)
    write(tmp_path / "new.md", DIRTY)
    monkeypatch.chdir(tmp_path / "archive")
    assert main(["check", "2019/old.md", "../new.md"]) == 1
    assert [line.split(":")[0] for line in capsys.readouterr().out.splitlines()] == ["../new.md", "../new.md"]


def test_turning_a_suggestion_into_a_fix_and_a_glossary(tmp_path):
    write(tmp_path / "mtclean.toml", 'suggest = ["PU01"]\nglossary = ["Rules on Rural Road Upkeep"]\n')
    article = write(tmp_path / "a.txt", 'Prices rose. . The "Rules on Rural Roads Upkeep" apply.\n')
    assert main(["fix", str(article)]) == 0
    assert article.read_text() == 'Prices rose. . The "Rules on Rural Road Upkeep" apply.\n'


def test_target_language_and_rule_parameters_are_read(tmp_path, capsys):
    para = "The county government said the new road would open to traffic before the end of the year.\n\n"
    article = write(tmp_path / "a.txt", para + "Work began in May.\n\n" + para)
    assert main(["check", str(article)]) == 0  # a suggestion in so short a text
    assert codes(capsys.readouterr().out) == ["CA02"]
    write(tmp_path / "mtclean.toml", 'target-language = "de"\n[rules."captions.duplicate-paragraph"]\nmin_words = 40\n')
    assert main(["check", str(article)]) == 0
    assert "CA02" not in capsys.readouterr().out
    assert main(["config", str(article)]) == 0
    out = capsys.readouterr().out
    assert 'target-language = "de"' in out and '[rules."captions.duplicate-paragraph"]\nmin_words = 40' in out


@pytest.mark.parametrize("content, message", [
    ('selct = ["PU"]\n', "unknown key 'selct'"),
    ('ignore = ["PU99"]\n', "unknown rule code 'PU99' in 'ignore'"),
    ('fix = ["punctuation.nope"]\n', "unknown rule code 'punctuation.nope' in 'fix'"),
    ('[rules.XX01]\nmin = 1\n', "unknown rule code 'XX01' in 'rules'"),
    ('[per-file-ignores]\n"*.md" = ["ZZ"]\n', "unknown rule code 'ZZ' in 'per-file-ignores' for '*.md'"),
    ('exclude = ["drafts/[ab"]\n', "bad glob 'drafts/[ab': '[' is never closed"),
    ('[per-file-ignores]\n"docs\\\\" = ["PU"]\n', "bad glob 'docs\\'"),
    ('include = ["!"]\n', "bad glob '!'"),
    ('[rules.RE01]\nmin_length = 1\n', "rules.RE01: unknown parameter 'min_length' (its parameters: fix_min_length,"),
    ('[rules.CA02]\nmin_words = "8"\n', "rules.CA02.min_words: must be int, like its default 8"),
    ('[rules.PU01]\npattern = "(unclosed"\n', "rules.PU01: PU01: pattern does not compile"),
])
def test_config_errors_give_one_line_naming_it_and_exit_2(tmp_path, capsys, content, message):
    config = write(tmp_path / "mtclean.toml", content)
    article = write(tmp_path / "a.md", DIRTY)
    for argv in (["check", str(article)], ["check", "--config", str(config), str(article)],
                 ["config", str(article)]):
        assert main(argv) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert len(captured.err.splitlines()) == 1, captured.err
        assert captured.err.startswith(f"mtclean: error: {config}: ")
        assert message in captured.err


def test_config_command_prints_the_effective_configuration(tmp_path, capsys):
    write(tmp_path / "pyproject.toml",
          '[tool.mtclean]\nignore = ["ST01"]\nexclude = ["vendor/"]\n'
          '[tool.mtclean.per-file-ignores]\n"legacy/*.md" = ["RE"]\n')
    article = write(tmp_path / "legacy" / "a.md", DIRTY)
    assert main(["config", str(article)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"# configuration for {article}\n# from {tmp_path / 'pyproject.toml'}\n# read as markdown\n")
    assert 'ignore = ["ST01", "RE"]\n' in out and 'exclude = ["vendor/"]\n' in out
    assert main(["config", str(tmp_path / "legacy")]) == 0
    assert 'ignore = ["ST01"]\n' in capsys.readouterr().out


def test_config_command_without_a_file_shows_the_defaults(tmp_path, capsys):
    assert main(["config", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "# no configuration file found: the defaults" in out and "timeout = 5.0" in out
