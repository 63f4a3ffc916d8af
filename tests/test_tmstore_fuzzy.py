"""Fuzzy lookup: CAT-style percentages, 101 context matches, word diffs, threshold/top-k, exact top-k."""

from __future__ import annotations

import random

import pytest
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from tm.model import Segment, TranslationUnit
from tm.store import Store, textindex
from tm.store.fuzzy import score, word_diff


def tu(source: str, target: str, **kw) -> TranslationUnit:
    return TranslationUnit(Segment.of(source), Segment.of(target), source_lang="ru", target_lang="en", **kw)


TEN_WORDS = "Пленум Центрального комитета открылся в Москве в понедельник утром рано."


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "tm.db", create=True) as s:
        s.import_units(
            [
                tu(TEN_WORDS, "The CC plenum opened in Moscow early on Monday morning."),
                tu("Колхоз выполнил план досрочно.", "The farm met the plan early."),
                tu("Открыть архив", "Open archive", context="menu"),
                tu("Открыть архив", "Open the archive", context="dialog"),
                tu("Заседание закрылось.", "The session closed."),
                tu("Секретарь зачитал доклад.", "The secretary read the report."),
                tu("Пустая запись без перевода.", ""),
            ],
            origin="minutes.tmx",
        )
        yield s


def test_an_identical_segment_scores_100(store):
    (m,) = store.lookup(TEN_WORDS)
    assert m.score == 100 and not m.context_match
    assert all(d.op == "equal" for d in m.diff)


def test_same_context_scores_101_and_ranks_first(store):
    matches = store.lookup("Открыть архив", context="dialog")
    assert [(m.score, m.unit.target_text) for m in matches] == [
        (101, "Open the archive"),
        (100, "Open archive"),
    ]
    assert matches[0].context_match


def test_same_preceding_segment_scores_101(store):
    # in the imported stream «Секретарь зачитал доклад.» followed «Заседание закрылось.»
    assert store.lookup("Секретарь зачитал доклад.", prev_source="Заседание закрылось.")[0].score == 101
    assert (
        store.lookup("Секретарь зачитал доклад.", prev_source="Колхоз выполнил план досрочно.")[0].score
        == 100
    )


def test_one_changed_word_in_ten_scores_90(store):
    query = TEN_WORDS.replace("Москве", "Ленинграде")
    (m,) = store.lookup(query)
    assert m.score == 90
    changed = [d for d in m.diff if d.op != "equal"]
    assert [(d.op, d.tm, d.query) for d in changed] == [("replace", "Москве", "Ленинграде")]


def test_one_changed_word_in_a_short_sentence_is_lower(store):
    (m,) = store.lookup("Колхоз выполнил план поздно.", min_score=50)
    assert 70 <= m.score <= 80  # 1 of 4 words replaced → 75


def test_inserted_and_deleted_words_appear_in_the_diff():
    ops = word_diff("Колхоз выполнил план досрочно.", "Колхоз быстро выполнил план.")
    assert [(d.op, d.tm, d.query) for d in ops if d.op != "equal"] == [
        ("insert", "", "быстро"),
        ("delete", "досрочно", ""),
    ]


def test_case_and_punctuation_only_differences_cost_one_point_each():
    assert score("Колхоз выполнил план досрочно.", "Колхоз выполнил план досрочно.") == 100
    assert score("колхоз выполнил план досрочно.", "Колхоз выполнил план досрочно.") == 99
    assert score("Колхоз выполнил план досрочно!", "Колхоз выполнил план досрочно.") == 99
    assert score("колхоз выполнил план досрочно", "Колхоз выполнил план досрочно.") == 98
    assert score("Ёжик", "ежик") == 99


def test_numbers_are_words(store):
    assert score("В 1937 году пленум открылся.", "В 1938 году пленум открылся.") == 80


def test_threshold_filters_and_top_limits(store):
    query = "Пленум Центрального комитета закрылся в Киеве."
    assert store.lookup(query, min_score=90) == []
    loose = store.lookup(query, min_score=30, top=5)
    assert loose and all(m.score >= 30 for m in loose)
    assert [m.score for m in loose] == sorted((m.score for m in loose), reverse=True)
    assert len(store.lookup("Открыть архив", top=1)) == 1


def test_untranslated_units_are_not_offered(store):
    assert store.lookup("Пустая запись без перевода.") == []


def test_a_query_without_words_has_no_matches(store):
    assert store.lookup("…!?") == []


WORDS = (
    "пленум комитет съезд партия колхоз план доклад секретарь заседание решение архив район город "
    "в на о по и с принял утвердил отклонил обсудил 1937 1938 году весной"
).split()


def test_index_top_k_equals_brute_force_top_k(tmp_path):
    rng = random.Random(7)
    sentences = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 12))) for _ in range(2000)]
    with Store(tmp_path / "tm.db", create=True) as s:
        s.import_units(tu(x, f"t{i}") for i, x in enumerate(sentences))
        stored = {u.source_text for u in s.iter_units()}
        choices = list(stored)
        tokenized = [textindex.tokens(c) for c in choices]
        for _ in range(40):
            words = rng.choice(sentences).split()
            words[rng.randrange(len(words))] = rng.choice(WORDS)
            query = " ".join(words)
            got = [m.score for m in s.lookup(query, min_score=60, top=5)]
            brute = process.extract(
                textindex.tokens(query),
                tokenized,
                scorer=Levenshtein.normalized_similarity,
                limit=5,
                score_cutoff=0.5,
            )
            expected = [p for p in (int(100 * sim + 1e-9) for _, sim, _ in brute) if p >= 60]
            # exact ties at the 5th place may pick different units; the score lists must agree
            assert got == expected, query


def test_seven_of_ten_words_is_exactly_70(tmp_path):
    with Store(tmp_path / "tm.db", create=True) as s:
        s.import_units([tu("один два три четыре пять шесть семь восемь девять десять", "1-10")])
        (m,) = s.lookup("один два три четыре пять шесть семь ноль ноль ноль", min_score=70)
        assert m.score == 70


def test_a_cold_lookup_reads_sequences_from_the_blobs_and_agrees_with_a_warm_one(tmp_path):
    rng = random.Random(11)
    path = tmp_path / "tm.db"
    sentences = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 10))) for _ in range(900)]
    with Store(path, create=True) as s:
        for batch in range(3):  # one sequences chunk per import: offsets must cross chunk boundaries
            s.import_units(tu(x, f"t{batch}") for x in sentences[300 * batch : 300 * batch + 300])
    queries = []
    for x in rng.sample(sentences, 30):  # one word changed
        words = x.split()
        words[rng.randrange(len(words))] = rng.choice(WORDS)
        queries.append(" ".join(words))

    def results(store: Store, query: str):
        return [(m.score, m.id) for m in store.lookup(query, min_score=50, top=5)]

    cold = []
    for query in queries:
        with Store(path) as s:  # a fresh process: the first lookup only
            cold.append(results(s, query))
            assert s._fuzzy._tokens is None and len(s._fuzzy._chunks) == 3
    with Store(path) as s:
        results(s, queries[0])
        warm = [results(s, q) for q in queries]
        assert s._fuzzy._tokens is not None
    assert cold == warm
    assert sum(len(r) for r in cold) >= 45  # most queries find their sentence and more
