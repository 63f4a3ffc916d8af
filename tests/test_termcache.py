"""Large termbases: the id index kept on add, derived structures rebuilt when the termbase changes,
and the disk cache (glossary.core.termcache) that is used when valid and rebuilt when not."""

from __future__ import annotations

import os
import pickle
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.core import termcache
from glossary.core.errors import TermbaseError
from glossary.recognition.recognize import TermIndex
from glossary.romanization.reverse import reverse
from glossary.romanization.romanize import romanize
from glossary.romanization.skeleton import skeleton, skeletons
from glossary.termbase import OnDuplicate, add_terms, load_termbase, merge_termbases, search
from glossary.termbase.formats import write_termbase
from glossary.termbase.model import Concept, ConceptType, Status, Term, Termbase


def _concept(cid: str, ru: str, en: str, **term) -> Concept:
    return Concept(cid, terms=[Term(ru, "ru", **term), Term(en, "en")])


def _small() -> Termbase:
    return Termbase(
        [
            _concept("kolkhoz", "колхоз", "collective farm", part_of_speech="noun"),
            _concept("sovkhoz", "совхоз", "state farm", part_of_speech="noun"),
        ]
    )


# --- the id index -----------------------------------------------------------------------------------


def test_add_keeps_every_concept_findable_and_refuses_a_duplicate():
    tb = Termbase()
    for n in range(300):
        tb.add(Concept(f"c{n}"))
        assert tb.get(f"c{n}") is tb.concepts[-1]
    assert all(f"c{n}" in tb for n in range(300))
    with pytest.raises(TermbaseError, match="duplicate concept id 'c7'"):
        tb.add(Concept("c7"))
    assert len(tb) == 300


def test_the_index_follows_changes_made_to_the_concept_list_itself():
    tb = _small()
    assert tb.get("trudoden") is None
    tb.concepts.append(Concept("trudoden"))
    assert tb.get("trudoden") is tb.concepts[-1]
    del tb.concepts[0]
    assert "kolkhoz" not in tb
    tb.concepts = [Concept("artel")]
    assert tb.get("artel") is not None and "sovkhoz" not in tb


def test_replace_on_import_keeps_the_position_and_the_index():
    tb = _small()
    new = _concept("kolkhoz", "колхоз", "kolkhoz", part_of_speech="noun")
    report = merge_termbases(tb, Termbase([new, Concept("artel")]), OnDuplicate.replace)
    assert (report.replaced, report.added) == (1, 1)
    assert [c.id for c in tb] == ["kolkhoz", "sovkhoz", "artel"]
    assert tb.get("kolkhoz") is new and tb.concepts[0] is new


# --- derived structures follow the termbase ----------------------------------------------------------


def test_conventional_spelling_added_after_a_first_romanization_is_used():
    tb = _small()
    assert romanize("Троцкий", "lc", conventional=True, termbase=tb) == "Trotskii"
    tb.add(
        Concept(
            "trotskii-lev",
            ConceptType.PERSON,
            terms=[Term("Троцкий", "ru", conventional="Trotsky"), Term("Trotsky", "en")],
        )
    )
    assert romanize("Троцкий", "lc", conventional=True, termbase=tb) == "Trotsky"


def test_reverse_sees_a_concept_added_after_a_first_call():
    tb = _small()
    assert not any(c.in_termbase for c in reverse("Shliapnikov", termbase=tb))
    tb.add(
        Concept(
            "shliapnikov",
            ConceptType.PERSON,
            terms=[Term("Шляпников", "ru", part_of_speech="properNoun"), Term("Shlyapnikov", "en")],
        )
    )
    best = reverse("Shliapnikov", termbase=tb)[0]
    assert best.cyrillic == "Шляпников" and best.in_termbase


def test_search_and_recognition_see_terms_merged_into_an_existing_concept():
    tb = _small()
    assert search(tb, "trudoden") == []
    add_terms(
        tb, Concept("kolkhoz", terms=[Term("трудодень", "ru", part_of_speech="noun"), Term("trudoden", "en")])
    )
    assert [h.concept.id for h in search(tb, "trudoden")] == ["kolkhoz"]
    assert [m.concept_id for m in TermIndex(tb).find_ru("за трудодни")] == ["kolkhoz"]


def test_a_derived_structure_is_built_once_per_version():
    tb = _small()
    built = []

    def build(t):
        built.append(len(t))
        return len(t)

    assert tb.derived("size", build) == 2 and tb.derived("size", build) == 2
    tb.changed()
    assert tb.derived("size", build) == 2
    assert built == [2, 2]


# --- the disk cache -----------------------------------------------------------------------------------


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("SLOVNIK_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def tb_file(tmp_path) -> Path:
    path = tmp_path / "farms.json"
    write_termbase(_small(), path)
    return path


def test_a_second_load_comes_from_the_cache(cache, tb_file, monkeypatch):
    first = load_termbase(tb_file)
    assert [p.name.split("-", 1)[1] for p in cache.glob("*.pickle")] == ["termbase.pickle"]
    monkeypatch.setattr("glossary.termbase.read_termbase", lambda *a, **k: pytest.fail("parsed again"))
    second = load_termbase(tb_file)
    assert second == first and [c.line for c in second] == [c.line for c in first]


def test_derived_structures_are_cached_beside_the_termbase(cache, tb_file, monkeypatch):
    assert [h.concept.id for h in search(load_termbase(tb_file), "farm")] == ["kolkhoz", "sovkhoz"]
    assert (cache / f"{load_termbase(tb_file).content_key}-search.pickle").exists()
    monkeypatch.setattr("glossary.termbase._build_search_index", lambda tb: pytest.fail("built again"))
    assert [h.concept.id for h in search(load_termbase(tb_file), "farm")] == ["kolkhoz", "sovkhoz"]


def test_a_changed_file_is_read_again(cache, tb_file):
    load_termbase(tb_file)
    tb = _small()
    tb.add(Concept("artel"))
    write_termbase(tb, tb_file)
    assert "artel" in load_termbase(tb_file)


def test_a_changed_termbase_has_no_cache_key(cache, tb_file):
    tb = load_termbase(tb_file)
    assert tb.content_key
    tb.add(Concept("artel"))
    assert tb.content_key is None


@pytest.mark.parametrize(
    "damage", [b"", b"not a pickle", pickle.dumps(Path("/etc/passwd")), pickle.dumps({"entries": 1})]
)
def test_a_damaged_or_foreign_cache_file_is_rebuilt_silently(cache, tb_file, damage):
    expected = load_termbase(tb_file)
    search(expected, "farm")
    for path in cache.glob("*.pickle"):
        path.write_bytes(damage)
    again = load_termbase(tb_file)
    assert again == expected
    assert [h.concept.id for h in search(again, "farm")] == ["kolkhoz", "sovkhoz"]


def test_a_cache_folder_that_cannot_be_written_means_no_cache(tmp_path, tb_file, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("SLOVNIK_CACHE_DIR", str(blocker / "cache"))
    assert [h.concept.id for h in search(load_termbase(tb_file), "state")] == ["sovkhoz"]
    assert list(tmp_path.glob("**/*.tmp")) == []


def test_the_cache_can_be_turned_off(tmp_path, tb_file, monkeypatch):
    monkeypatch.setenv("SLOVNIK_CACHE_DIR", "off")
    monkeypatch.chdir(tmp_path)
    tb = load_termbase(tb_file)
    assert tb.content_key is None and len(tb) == 2
    assert [h.concept.id for h in search(tb, "state")] == ["sovkhoz"]
    assert [p.name for p in tmp_path.rglob("*") if p.suffix in (".pickle", ".tmp")] == []


def test_the_cache_folder_stays_bounded(cache, monkeypatch):
    monkeypatch.setattr(termcache, "_KEEP_FILES", 3)
    for n in range(6):
        termcache.store(f"key{n}", "termbase", Termbase())
    assert len(list(cache.glob("*.pickle"))) == 3


def test_a_changed_termbase_analyses_only_its_new_words(cache, tb_file, monkeypatch):
    """The words' analyses outlive a termbase version (termcache.WordMemo): after a concept is
    added, building the recogniser's plan and the search index asks about the new words only."""
    import glossary.recognition.words as words
    import glossary.termbase as termbase_module

    def counting(name, real):
        def wrapped(word):
            asked.append(word)
            return real(word)

        monkeypatch.setattr(name, wrapped)

    asked: list[str] = []
    counting("glossary.recognition.words.lexeme_forms", words.lexeme_forms)
    counting("glossary.recognition.words.term_lemmas", words.term_lemmas)
    counting("glossary.termbase._word_lemmas", termbase_module._word_lemmas)
    TermIndex(load_termbase(tb_file))
    search(load_termbase(tb_file), "farm")
    assert {"колхоз", "совхоз"} <= set(asked)

    tb = load_termbase(tb_file)
    tb.add(_concept("artel", "артель", "artel", part_of_speech="noun"))
    write_termbase(tb, tb_file)
    asked.clear()
    index = TermIndex(load_termbase(tb_file))
    assert [m.concept_id for m in index.find_ru("Колхоз и артель.")] == ["kolkhoz", "artel"]
    assert [h.concept.id for h in search(load_termbase(tb_file), "артели")] == ["artel"]
    assert asked and set(asked) <= {"артель", "artel"}


def test_the_word_memo_is_keyed_by_the_code_and_survives_damage(cache):
    memo = termcache.WordMemo("test")
    assert memo.get("слово", str.upper) == "СЛОВО"
    memo.save()
    assert termcache.WordMemo("test").get("слово", lambda w: pytest.fail("computed again")) == "СЛОВО"
    for path in cache.glob("*-words-test.pickle"):
        path.write_bytes(path.read_bytes()[:-5])  # a damaged memo is no memo
    assert termcache.WordMemo("test").values == {}


# --- the stat record (a file not hashed again while its stat data is unchanged) ----------------------


def _same_size_edit(path: Path, old: bytes, new: bytes) -> None:
    """Rewrite *path* with *new* (as long as *old*) and set its times back, as `cp -p` would."""
    assert len(old) == len(new) and old != new
    st = path.stat()
    path.write_bytes(new)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size and path.stat().st_mtime_ns == st.st_mtime_ns


def test_a_just_written_file_gets_no_stat_record_so_a_same_size_edit_is_hashed(cache, tb_file):
    """A file written a moment ago may be written again within the same tick of the file clock,
    keeping every time: its key is not kept by stat, so the edit is seen."""
    old = tb_file.read_bytes()
    assert "kolkhoz" in load_termbase(tb_file)
    assert list(cache.glob("*-stat.pickle")) == []
    _same_size_edit(tb_file, old, old.replace(b"kolkhoz", b"kolkhoy"))
    tb = load_termbase(tb_file)
    assert "kolkhoy" in tb and "kolkhoz" not in tb


def test_a_settled_file_is_not_hashed_again(cache, tb_file, monkeypatch):
    monkeypatch.setattr(termcache, "SETTLED_NS", -(10**12))  # every file counts as settled
    first = load_termbase(tb_file)
    assert len(list(cache.glob("*-stat.pickle"))) == 1
    monkeypatch.setattr("hashlib.file_digest", lambda *a: pytest.fail("hashed again"))
    again = load_termbase(tb_file)
    assert again == first and again.content_key == first.content_key


def test_an_edit_that_keeps_size_and_mtime_is_not_served_from_the_stat_record(cache, tb_file, monkeypatch):
    """The record holds the ctime too, which a write and a utime both move on."""
    monkeypatch.setattr(termcache, "SETTLED_NS", -(10**12))
    old = tb_file.read_bytes()
    first = load_termbase(tb_file)
    assert len(list(cache.glob("*-stat.pickle"))) == 1
    ctime = tb_file.stat().st_ctime_ns
    for _ in range(300):  # past the file clock's tick (ms; 1 s on some file systems), as any edit
        time.sleep(0.01)  # after a settled hash is
        _same_size_edit(tb_file, old, old.replace(b"sovkhoz", b"sovkhoy"))
        if tb_file.stat().st_ctime_ns != ctime:
            break
    tb = load_termbase(tb_file)
    assert "sovkhoy" in tb and "sovkhoz" not in tb
    assert tb.content_key != first.content_key


def test_a_file_replaced_by_another_with_the_same_times_is_read_again(cache, tb_file, monkeypatch):
    """An atomic save (a new file renamed over the old, as every slovnik writer does) with the old
    times copied onto it: a new inode and ctime."""
    monkeypatch.setattr(termcache, "SETTLED_NS", -(10**12))
    old = tb_file.read_bytes()
    load_termbase(tb_file)
    st = tb_file.stat()
    other = tb_file.with_name("other.json")
    other.write_bytes(old.replace(b"kolkhoz", b"kolkhoy"))
    os.utime(other, ns=(st.st_atime_ns, st.st_mtime_ns))
    os.replace(other, tb_file)
    assert "kolkhoy" in load_termbase(tb_file)


# --- publications: one title index per termbase version ----------------------------------------------


def _work(cid: str, title: str, **term) -> Concept:
    return Concept(cid, ConceptType.PUBLICATION, terms=[Term(title, "ru", **term)])


def test_find_publication_follows_the_termbase_and_the_first_title_wins():
    from glossary.termbase.publications import find_publication, publications

    tb = Termbase([_work("a", "Тайны Кремля"), _work("b", "Тайны кремля"), _work("c", "Ёлки")])
    assert find_publication(tb, "тайны  КРЕМЛЯ").id == "a"
    assert find_publication(tb, "елки").id == "c" and find_publication(tb, "Правда") is None
    tb.add(_work("d", "Правда"))
    assert find_publication(tb, "Правда").id == "d"
    del tb.concepts[0]
    assert find_publication(tb, "Тайны Кремля").id == "b"
    tb.get("b").terms[0].romanization["lc"] = "Tainy Kremlia"  # an edit in place, then said
    tb.changed()
    assert find_publication(tb, "Тайны Кремля").romanization == {"lc": "Tainy Kremlia"}
    listed = publications(tb)
    listed.clear()  # the caller's own list: the termbase's is untouched
    assert [p.id for p in publications(tb)] == ["b", "c", "d"]


# --- skeletons folded in a batch ------------------------------------------------------------------------

_SKELETON_LETTERS = "abcdefhijklmnoprstuvwxyz'-ʹšžčŝâûëĭ\u0361 \nаеёийоуыэюяшщжчцхкгсзтьъ"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=_SKELETON_LETTERS, max_size=12), max_size=20))
def test_a_batch_of_skeletons_is_each_words_skeleton(words):
    """skeletons() joins the words for its folds: no word's key may bleed into its neighbour's
    (iy/yo runs, initial ya/yu and the doubled vowels all look at the letter next door)."""
    assert skeletons(words) == [skeleton(w) for w in words]


def test_a_batch_of_skeletons_keeps_word_edges():
    words = ["ia", "io", "yo", "ayy", "ooo", "Тухачевский", "Iakir", "ye", "", "shch", "a\nb"]
    assert skeletons(words) == [skeleton(w) for w in words]
    assert skeletons(["o", "o"]) == ["o", "o"] and skeleton("oo") == "o"  # joined, they would fold


# --- the model's compact pickle ---------------------------------------------------------------------


def _full_concept() -> Concept:
    term = Term(
        "Тайны Кремля",
        "ru",
        "admitted",
        part_of_speech="noun",
        gender="feminine",
        number="plural",
        note="a made-up title",
        romanization={"lc": "Tainy Kremlia"},
        conventional="Kremlin Secrets",
        match="exact",
    )
    return Concept(
        "tainy",
        ConceptType.PUBLICATION,
        subject=["press"],
        definition="a book",
        notes=["n"],
        sources=["s"],
        tags=["t"],
        see_also=["kolkhoz"],
        terms=[term, Term("Kremlin secrets", "en")],
        line=12,
    )


def test_every_field_of_a_concept_survives_the_cache_pickle_and_copies_are_deep(cache):
    import copy

    concept = _full_concept()
    termcache.store("k", "termbase", Termbase([concept]))
    back = termcache.load("k", "termbase", Termbase).concepts[0]
    assert back == concept and back.line == 12 and back.terms[0].status is Status.ADMITTED
    assert vars(back) == vars(concept) and vars(back.terms[0]) == vars(concept.terms[0])
    clone = copy.deepcopy(concept)
    clone.terms[0].romanization["bgn"] = "Tayny Kremlya"
    clone.tags.append("u")
    assert concept.terms[0].romanization == {"lc": "Tainy Kremlia"} and concept.tags == ["t"]


def test_a_term_with_an_attribute_of_its_own_keeps_it_through_a_pickle():
    term = Term("колхоз", "ru")
    term.seen = 3  # type: ignore[attr-defined]
    assert pickle.loads(pickle.dumps(term)).seen == 3
