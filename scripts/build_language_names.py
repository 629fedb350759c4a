"""Write `layers/lexicons/language_names.txt`: languages as a language menu names them, in
English and in themselves ("Español", "Русский", "Français"), from the Unicode CLDR data
Babel ships, for `layers/entities_furniture.py` (a span made of such names is a language
menu, not a name).

Reading them from Babel at analysis time loads 22 locales' CLDR data, ~0.14 s of CPU a
process (5% of a one-article `analyze`), so the analysis reads this derived list and
never imports Babel for it. Run again after upgrading babel (pinned in requirements.lock):

    PYTHONPATH=src python scripts/build_language_names.py
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "newsprobe" / "layers" / "lexicons" / "language_names.txt"

# The locales whose own name for their language a menu shows ("Deutsch", "日本語").
MENU_LOCALES = ("ar", "de", "en", "es", "fa", "fr", "he", "hi", "it", "ja", "ko", "nl", "pl",
                "pt", "ru", "sv", "tr", "uk", "ur", "zh", "zh_Hans", "zh_Hant")


def language_names() -> frozenset[str]:
    """Every English language name and each menu locale's name for itself (display name and
    language name), as CLDR writes them and with the first letter capitalised, as menus
    write "русский"."""
    from babel import Locale

    names = set(Locale("en").languages.values())
    for code in MENU_LOCALES:
        locale = Locale.parse(code)
        names.add(locale.get_display_name(locale))
        names.add(locale.get_language_name(locale))
    return frozenset(n[:1].upper() + n[1:] for n in names if n) | frozenset(n for n in names if n)


def main() -> int:
    from importlib.metadata import version

    names = sorted(language_names())
    header = (f"# Language names, in English and in themselves (written by scripts/build_language_names.py "
              f"from babel {version('babel')}, Unicode CLDR data; do not edit by hand)\n")
    OUT.write_text(header + "".join(n + "\n" for n in names), encoding="utf-8")
    print(f"{len(names)} names -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
