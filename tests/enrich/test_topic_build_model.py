"""The shipped topic model is exactly what the rebuild script makes from ../shared/train."""
from __future__ import annotations

import pytest

from digest.enrich import topic_build_model


@pytest.mark.skipif(not topic_build_model.TRAIN.is_file(), reason="../shared/train is absent")
def test_rebuild_reproduces_the_shipped_model() -> None:
    pytest.importorskip("sklearn")
    rebuilt = topic_build_model.dumps(topic_build_model.build())
    assert rebuilt == topic_build_model.OUT.read_text(encoding="utf-8")


def test_missing_training_file_is_one_clear_error(tmp_path, capsys) -> None:
    assert topic_build_model.main(["--train", str(tmp_path / "none.jsonl.gz"), "--out", str(tmp_path / "m.json")]) == 2
    assert "no such training file" in capsys.readouterr().err
    assert not (tmp_path / "m.json").exists()
