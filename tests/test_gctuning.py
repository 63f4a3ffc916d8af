"""glossary.core.gctuning: the collector's state is always given back as it was found."""

import gc

import pytest

from glossary.core import gctuning


@pytest.fixture(autouse=True)
def _restore():
    enabled, thresholds = gc.isenabled(), gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)
    (gc.enable if enabled else gc.disable)()


def test_without_gc_turns_the_collector_off_and_back_on():
    gc.enable()
    gc.unfreeze()
    with gctuning.without_gc():
        assert not gc.isenabled()
        built = [[i] for i in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0  # what was built went to the oldest generation, not frozen
    assert len(built) == 1000


def test_without_gc_leaves_a_disabled_collector_disabled():
    gc.disable()
    with gctuning.without_gc():
        pass
    assert not gc.isenabled()


def test_without_gc_keeps_an_earlier_freeze():
    gctuning.freeze()
    frozen = gc.get_freeze_count()
    assert frozen > 0
    with gctuning.without_gc():
        extra = [[i] for i in range(1000)]
    assert gc.get_freeze_count() >= frozen + len(extra)


def test_without_gc_restores_on_error():
    gc.enable()
    with pytest.raises(KeyError), gctuning.without_gc():
        raise KeyError("x")
    assert gc.isenabled()


def test_fewer_young_collections_restores_thresholds_and_unfreezes():
    gc.set_threshold(700, 10, 10)
    with gctuning.fewer_young_collections(20_000):
        assert gc.get_threshold() == (20_000, 10, 10)
        gctuning.freeze()
        assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == (700, 10, 10)
    assert gc.get_freeze_count() == 0
