"""Refining the lexicon from hand-labelled articles (a fictional site's own vocabulary)."""
from __future__ import annotations

import random

import pytest

from digest.enrich.topic_learn import learn_terms, refined_lexicon
from digest.enrich.topics import classify, load_lexicon

# A made-up sport and a made-up craft fair: words no lexicon knows.
SPORT = ["zorbball", "glimmerfield", "the Vantors", "a triple hoop", "the kestrel arc"]
LEISURE = ["marrowmaking", "the quillfair", "spindle-weaving", "the lanternwalk", "a pottle kiln"]
FILLER = ["on Sunday", "in the town", "said organisers", "after a long week", "as crowds gathered",
          "near the river", "for the first time", "this spring"]


def _site(n: int, seed: int = 7) -> list[tuple[str, str, str, list[str]]]:
    """n short articles, half about each subject, labelled by hand as a site's editors would."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        words, topic = (SPORT, "sport") if i % 2 else (LEISURE, "lifestyle-leisure")
        body = ". ".join(f"{rng.choice(words).capitalize()} {rng.choice(FILLER)}" for _ in range(4)) + "."
        out.append((rng.choice(words).capitalize(), "", body, [topic]))
    return out


def test_learned_terms_tag_the_site_vocabulary() -> None:
    headline, body = "Glimmerfield welcomes the Vantors", "The kestrel arc and a triple hoop on Sunday."
    assert classify(headline, "", body) == []
    lex = refined_lexicon(_site(240))
    assert classify(headline, "", body, lexicon=lex)[0] == "sport"
    assert classify("The quillfair returns", "", "Marrowmaking and spindle-weaving this spring.",
                    lexicon=lex)[0] == "lifestyle-leisure"


def test_too_few_examples_learn_nothing() -> None:
    assert learn_terms(_site(40)) == {}
    assert refined_lexicon(_site(40)) is load_lexicon()


def test_learned_terms_add_and_never_overwrite() -> None:
    learned = learn_terms(_site(240))
    assert set(learned["topics"]) == {"sport", "lifestyle-leisure"}
    for spec in learned["topics"].values():
        assert all(0 < w <= 2.0 for w in spec["terms"].values())
    # A user's own weight (here: removing a word) wins over what was learned.
    lex = refined_lexicon(_site(240), {"topics": {"sport": {"terms": {"zorbball": 0}}}})
    assert all(lex.topics[t] != "sport" for t, _ in lex.unigrams.get("zorbball", ()))


def _write_site(folder, n: int) -> None:
    """The fictional site's hand-labelled articles as Markdown files, as the digest writes them."""
    folder.mkdir()
    for i, (title, _, body, labels) in enumerate(_site(n)):
        meta = "\n".join(f"- {t}" for t in labels)
        (folder / f"a{i}.md").write_text(f"---\nid: a{i}\ntitle: {title}\ntopics:\n{meta}\n---\n\n{body}\n",
                                         encoding="utf-8")
    (folder / "unlabelled.md").write_text("---\ntitle: Zorbball\n---\n\nZorbball.\n", encoding="utf-8")


def test_ingest_option_learns_from_a_folder_once_per_batch(tmp_path, monkeypatch) -> None:
    from digest.ingest.pipeline import IngestOptions, build_article
    from digest.ingest.readers import RawInput

    _write_site(tmp_path / "labelled", 240)
    monkeypatch.chdir(tmp_path)
    plugin = {"topics": {"learn": {"from": "labelled", "min_examples": 200},
                         "topics": {"sport": {"terms": {"zorbball": 0}}}}}
    options = IngestOptions.from_plugin_options(plugin)
    assert "learn" not in options.topics  # resolved to plain terms: nothing but data crosses to workers
    assert options.topics["topics"]["sport"]["terms"]["zorbball"] == 0  # the user's word still wins
    raw = RawInput("t", "record", {"title": "Glimmerfield welcomes the Vantors",
                                   "text": "The kestrel arc and a triple hoop on Sunday."})
    assert build_article(raw, options).topics[0] == "sport"
    assert not build_article(raw, IngestOptions()).topics


def test_learning_is_off_by_default_and_needs_enough_examples(tmp_path, monkeypatch) -> None:
    from digest.enrich.topic_learn import resolve_learning

    assert resolve_learning(None) is None
    plain = {"topics": {"sport": {"terms": {"zorbball": 3}}}}
    assert resolve_learning(plain) == plain
    _write_site(tmp_path / "few", 40)
    monkeypatch.chdir(tmp_path)
    assert resolve_learning({"learn": {"from": "few"}}) is None
    with pytest.raises(FileNotFoundError):
        resolve_learning({"learn": {"from": "missing"}})
