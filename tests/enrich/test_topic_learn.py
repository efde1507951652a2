"""Refining the lexicon from hand-labelled articles (a fictional site's own vocabulary)."""
from __future__ import annotations

import random

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
