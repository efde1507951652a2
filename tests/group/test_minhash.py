"""MinHash/LSH: near-identical texts become candidates, unrelated texts do not."""
import zlib

import numpy as np

from digest.group import minhash
from digest.group.vocabulary import Vocabulary


def _set(text, vocab):
    ids = vocab.encode(text.lower().split())
    hashes = np.array([zlib.crc32(t.encode()) for t in vocab.terms], dtype=np.uint64)
    return minhash.shingles(hashes[ids], 4)


def test_near_duplicates_are_candidates_and_unrelated_texts_are_not():
    vocab = Vocabulary()
    base = " ".join(f"word{i}" for i in range(200))
    sets = [_set(base, vocab), _set(base + " extra words at the end", vocab),
            _set(" ".join(f"other{i}" for i in range(200)), vocab), np.empty(0, dtype=np.uint64)]
    sigs = minhash.signatures(sets)
    pairs = {tuple(p) for p in minhash.candidate_pairs(sigs, skip=np.array([False, False, False, True])).tolist()}
    assert pairs == {(0, 1)}


def test_short_text_is_one_shingle_and_signatures_are_deterministic():
    vocab = Vocabulary()
    assert len(_set("two words", vocab)) == 1
    s = [_set("a b c d e f g", vocab)]
    assert (minhash.signatures(s) == minhash.signatures(s)).all()
