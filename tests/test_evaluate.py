"""`mtclean eval`: edit matching, per-rule tallies, misses and wrong edits, and the figures on fixtures/."""

from __future__ import annotations

import json

from cleaner import Change, clean
from cleaner.cli import main
from cleaner.evaluate import GoldEdit, diff_edits, match_clusters, score_document
from tests.conftest import FIXTURES


def write_gold(root, name, text, expected, log=None):
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "input.txt").write_text(text, encoding="utf-8")
    (folder / "expected.txt").write_text(expected, encoding="utf-8")
    if log is not None:
        (folder / "expected_changes.jsonl").write_text("".join(json.dumps(c) + "\n" for c in log), encoding="utf-8")
    return folder


def test_a_diff_may_place_a_deletion_anywhere_along_a_repeat_and_still_match():
    original = "We met. . Then left."
    made = [GoldEdit(7, 9, "", "PU01", "punctuation")]  # deletes " ." after "met."
    expected = [GoldEdit(6, 8, "")]  # the same result, deleting ". " one place earlier
    made_ok, expected_ok, attributed = match_clusters(original, made, expected)
    assert made_ok == {0} and expected_ok == {0}
    assert attributed[0].rule == "PU01"


def test_character_diff_finds_edits_inside_changed_lines_only():
    edits = diff_edits("Line one.\nPrices rose. . Then\nLast.", "Line one.\nPrices rose. Then\nLast.")
    assert len(edits) == 1
    edit = edits[0]
    assert "Line one.\nPrices rose. . Then"[edit.start:edit.end] in (". ", " .")


def test_missed_and_wrong_edits_are_listed_with_their_context():
    text = "Prices rose. . Exports fell teh most in March.\n"
    # the annotator wants "teh" fixed (the engine has no such rule) and keeps ". ." (say, on purpose)
    expected = "Prices rose. . Exports fell the most in March.\n"
    score = score_document("doc", text, expected, None, clean(text))
    verdicts = sorted((o.verdict, o.rule) for o in score.outcomes)
    assert verdicts == [("missed", "(unattributed)"), ("wrong", "PU01")]
    wrong = next(o for o in score.outcomes if o.verdict == "wrong")
    assert wrong.context.startswith("Prices rose") and "→" in wrong.context
    assert (wrong.line, wrong.column) == (1, 12)
    assert not score.exact


def test_with_a_log_a_made_edit_is_correct_only_at_the_same_offsets_and_text():
    text = "They met. . Then left.\n"
    result = clean(text)
    (fix,) = result.fixes
    shifted = Change(fix.rule, fix.name, "fix", fix.start - 1, fix.end - 1, 1, 1, text[fix.start - 1:fix.end - 1],
                     fix.after, "")
    good = score_document("d", text, result.text, [fix], result)
    assert good.source == "log" and [o.verdict for o in good.outcomes] == ["correct"]
    # the shifted log gives the same output here but names other offsets: it replays, so it is used, and
    # the engine's fix is wrong while the logged one is missed
    if text[:shifted.start] + shifted.after + text[shifted.end:] == result.text:
        bad = score_document("d", text, result.text, [shifted], result)
        assert sorted(o.verdict for o in bad.outcomes) == ["missed", "wrong"]


def test_a_log_that_does_not_give_the_expected_output_is_not_trusted(tmp_path):
    text = "They met. . Then left.\n"
    log = [{"rule": "PU01", "name": "punctuation.doubled-period", "action": "fix", "start": 0, "end": 4,
            "line": 1, "column": 1, "before": "They", "after": "We", "message": "m"}]
    score = score_document("d", text, "They met. Then left.\n", [Change.from_dict(c) for c in log], clean(text))
    assert score.source == "diff" and any("does not give" in n for n in score.notes)
    assert [o.verdict for o in score.outcomes] == ["correct"]


def test_eval_command_text_and_json(tmp_path, capsys):
    write_gold(tmp_path, "001_ok", "They met. . Then left.\n", "They met. Then left.\n")
    write_gold(tmp_path, "002_hard_negative", "He said, . . . no.\n", "He said, . . . no.\n")
    write_gold(tmp_path, "003_missed", "Exports fell teh most.\n", "Exports fell the most.\n")
    code = main(["eval", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 1  # one document did not come out as expected
    assert "3 documents, 2 with expected edits, 1 without; exact output 2/3" in out
    assert "003_missed:1:15: missed (unattributed): Exports fell t[eh→he] most." in out
    assert main(["eval", str(tmp_path), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["overall"]["missed"] == 1 and data["overall"]["wrong"] == 0
    assert data["overall"]["recall"] == 0.5


def test_eval_on_a_folder_without_gold_is_an_input_error(tmp_path, capsys):
    assert main(["eval", str(tmp_path)]) == 2
    assert "no NAME/input.txt" in capsys.readouterr().err


def test_fixtures_meet_the_precision_and_recall_targets(capsys):
    for extra in ([], ["--ignore-logs"]):
        main(["eval", str(FIXTURES), "--format", "json", *extra])
        data = json.loads(capsys.readouterr().out)
        assert data["with_expected_edits"] >= 60
        assert data["overall"]["precision"] >= 0.99 and data["overall"]["recall"] >= 0.95
        for family, tally in data["families"].items():
            assert tally["made"] > 0, family


def test_an_expected_log_may_be_a_change_log_written_by_mtclean(tmp_path, capsys):
    folder = write_gold(tmp_path, "001_logged", "They met. . Then left,, home.\n", "They met. Then left, home.\n")
    assert main(["check", str(folder / "input.txt"), "--log", str(folder / "expected_changes.jsonl")]) == 1
    capsys.readouterr()
    assert main(["eval", str(tmp_path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["per_document"][0]["source"] == "log"
    assert data["overall"]["expected"] == data["overall"]["correct"] >= 2
