"""Our schemes as `transliterate` language packs, so code written against that package gets them.

    from glossary.romanization.translit_packs import register_packs
    register_packs()
    from transliterate import translit
    translit("Тухачевский", "ru-wikipedia", reversed=True)  # 'Tukhachevsky'
    translit("Tukhachevskii", "ru-lc")                       # 'Тухачевский' (glossary.romanization.reverse)

transliterate's convention is kept: a pack converts *to* its language's script, and reversed=True
converts to Latin. Registration is explicit (no import side effects) and runs transliterate's own
autodiscovery first, because registering into an empty registry would stop it from loading its
bundled packs. Each pack delegates to glossary.romanization.romanize / glossary.romanization.reverse, so the package's own
defects stay out: one Russian table, per-letter capitals (ЕЖОВ → EZhOV), no context rules, and a
Latin → Cyrillic direction that inverts the table letter by letter (Yezhov → Ыежов).
"""

from __future__ import annotations

import re

from transliterate.base import TranslitLanguagePack, registry

from .detection import LATIN_WORD_RE
from .romanize import SCHEME_IDS, SCHEMES, romanize

PREFIX = "ru-"


class SlovnikLanguagePack(TranslitLanguagePack):
    """A transliterate language pack backed by one slovnik scheme."""

    scheme_id = "lc"
    mapping = ("", "")  # the engine is glossary.romanization.romanize; transliterate's table stays empty
    detectable = False

    def translit(self, value, reversed=False, strict=False, fail_silently=True):  # noqa: A002 - its API
        """To Cyrillic (the best reading of each Latin word); with reversed=True romanize *value*.

        strict is accepted for compatibility; letters the scheme lacks are kept, never stripped.
        """
        if not reversed:
            from .reverse import reverse

            def best(m: re.Match) -> str:
                candidates = reverse(m.group(), limit=1)
                return candidates[0].cyrillic if candidates else m.group()

            return LATIN_WORD_RE.sub(best, value)
        return romanize(value, self.scheme_id)


def pack_classes() -> list[type[SlovnikLanguagePack]]:
    """One pack class per scheme, language code `ru-<scheme id>`."""
    classes = []
    for sid in SCHEME_IDS:
        scheme = SCHEMES[sid]
        name = "Slovnik" + "".join(p.capitalize() for p in re.split(r"[^a-z0-9]", sid)) + "Pack"
        classes.append(
            type(
                name,
                (SlovnikLanguagePack,),
                {
                    "__doc__": f"{scheme.name} ({scheme.source}).",
                    "language_code": PREFIX + sid,
                    "language_name": f"Russian, {scheme.name}",
                    "scheme_id": sid,
                },
            )
        )
    return classes


def register_packs() -> list[str]:
    """Register every scheme with transliterate's registry; returns the language codes."""
    from transliterate.utils import ensure_autodiscover

    ensure_autodiscover()
    codes = []
    for cls in pack_classes():
        registry.register(cls)
        codes.append(cls.language_code)
    return codes
