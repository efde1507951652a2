"""Tuning knobs of grouping, in one dataclass the site plugin fills from mkdocs.yml.

``plugins: - digest: {grouping: {...}}`` maps key for key onto :class:`GroupOptions`
(typed, with each value's range, in digest/site/config.py, which takes its defaults from
here); every default below is the value measured best on the labelled development sets
(see benchmarks/), so an empty config gives the tuned behaviour.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GroupOptions:
    """Thresholds and time window of wire-copy detection and story clustering.

    copy_threshold:
        share of the shorter text's word shingles that must also appear in the other
        text for the two to be wire copies. Containment rather than Jaccard, so a copy
        with a trimmed ending or an added paragraph still counts.
    copy_shingle:
        words per shingle for copy detection.
    story_threshold:
        average-linkage similarity above which two groups of reports merge into one
        story. Higher splits more, lower merges more.
    window_days:
        two dated reports further apart than this are never copies; as evidence for
        one story their similarity fades beyond it (to 37% one window later) and
        is not computed beyond four windows. A story covered day after day runs on
        through its daily reports; the same kind of event weeks later is a new one.
        Ignored when a date is missing: undated reports are grouped on text alone.
    neighbours, neighbour_ratio:
        each report's neighbour list (neighbours.py): its up to this many most similar
        candidates, each at least this share as similar as its best.
    direct_weight:
        a pair's similarity is this share its own cosine, the rest the cosine of the two
        reports' neighbour lists (which tells two events of one kind apart: each report's
        neighbours are reports of its own event).
    min_direct:
        the neighbour lists count for a pair only when they share a third report or its
        own cosine reaches this. Two reports each other's only neighbour have alike lists
        whatever they say (each list holds the report itself and the other), which
        doubled a chance cosine of 0.1 in a small or varied archive (on pages-dev, 251
        pages of the web, five pairs of unrelated pages joined); on ecb-dev no story
        changes, wikiref-dev gains (0.13 as story_threshold; 0 turns it off).
    short_direct_weight:
        the same for a pair of two short reports. A headline's few words make its
        neighbour list a poor witness (one shared word picks its neighbours), so short
        pairs lean on their own cosine: on ecb-dev and wikiref-dev reduced to headlines,
        and on generated headline streams, 0.75 groups better than 0.5 (full texts as before).
    entity_weight:
        weight of the names/numbers/dates/countries vector against the word vector.
        Entities tell two events of the same kind apart (two quakes, two rate cuts).
    title_weight:
        how many times the headline counts in the word vector.
    block_terms:
        each report is indexed under its this-many most distinctive terms; only
        reports sharing some become candidate pairs (blocking, near-linear cost).
    block_min_shared:
        how many of those terms a pair must share: one rare word in common is
        often chance, two rarely are.
    block_max_df:
        a term shared by more reports than this is too common to block on.
    shared_terms:
        at most this many terms/entities listed as "why grouped".
    short_terms:
        a report with fewer distinct words and entities than this is short (a
        headline, a one-line brief; full articles have 100 to 500).
    short_boost:
        the similarity of two short reports is multiplied by this (a short report beside
        a full one: not scaled), and a pair with a short report needs only one
        shared blocking term: two headlines of one event share a word or two.
    pool_threshold:
        after average linkage, groups made mostly of short reports merge while the
        cosine of their centroids (the sum of their reports' vectors) is at least this,
        faded by the time between their coverage (pooling.py): headlines of a big story
        share little pair by pair but much once pooled. Never below story_threshold
        (a higher story_threshold splits pooled stories too); 0 turns it off.
    follow_up_ratio:
        after average linkage, two groups of full articles whose coverage spans more than
        ``window_days`` join when their reports are, on average across, at least this
        share as alike as the pairs within the two groups are (and above
        story_threshold), and one is the other's clear closest: a story's later coverage
        (a trial, an aftermath) is nearly as close to it as its own reports are to each
        other; the next event of the same kind shares its names and vocabulary but not
        its particulars (followups.py). Average linkage holds a group of undated reports
        meeting a group with dated ones to the same bar (linkage.Unplaced): an undated
        report may be from any day, so its text must show it is the same event. 0 turns
        both off.
    follow_up_days:
        groups whose coverage lies further apart than this never join: a story's
        coverage runs for weeks, the same kind of event months later is another story.
    apart_min_reports, apart_cover:
        a story of undated reports, at least half of them short, splits in two when two
        names (or two numbers) are each named by at least ``apart_min_reports`` of its
        reports, never both in one, and together by at least ``apart_cover`` of them
        (particulars.py): two fires at one chain's stores in two towns, one champion's
        two fights. Undated headlines of two events of one kind are otherwise nearly as
        alike across as within. 0 turns it off.
    """

    copy_threshold: float = 0.8
    copy_shingle: int = 4
    story_threshold: float = 0.13
    window_days: float = 3.0
    neighbours: int = 5
    neighbour_ratio: float = 0.5
    direct_weight: float = 0.5
    min_direct: float = 0.13
    short_direct_weight: float = 0.75
    entity_weight: float = 0.5
    title_weight: int = 2
    block_terms: int = 20
    block_min_shared: int = 2
    block_max_df: int = 300
    shared_terms: int = 8
    short_terms: int = 40
    short_boost: float = 1.3
    pool_threshold: float = 0.45
    follow_up_ratio: float = 0.6
    follow_up_days: float = 60.0
    apart_min_reports: int = 4
    apart_cover: float = 0.65
