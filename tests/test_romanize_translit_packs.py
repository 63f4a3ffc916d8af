"""Our schemes through the `transliterate` package's API."""

from __future__ import annotations

from transliterate import get_available_language_codes, translit

from glossary.romanization.translit_packs import register_packs


def test_every_scheme_is_a_transliterate_language_pack():
    codes = register_packs()
    assert codes == [
        "ru-lc",
        "ru-ala-lc",
        "ru-bgn",
        "ru-iso9",
        "ru-gost-b",
        "ru-icao",
        "ru-wikipedia",
        "ru-scholarly",
    ]
    assert set(codes) <= set(get_available_language_codes())


def test_transliterate_api_gets_our_output_not_its_own_defects():
    register_packs()
    # transliterate's convention: reversed=True goes to Latin
    assert translit("ЕЖОВ и Ежов", "ru-wikipedia", reversed=True) == "YEZHOV i Yezhov"
    assert translit("Тухачевский", "ru-lc", reversed=True) == "Tukhachevskii"
    assert translit("ЕЖОВ", "ru", reversed=True) == "EZhOV"  # its own Russian pack: per-letter capitals
    assert translit("Yezhov, Iagoda", "ru-wikipedia") == "Ежов, Ягода"
    assert translit("Yezhov", "ru") == "Ыежов"  # its letter-by-letter inversion
