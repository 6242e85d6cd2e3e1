"""Loading the interface language: our catalog plus Qt's own (buttons such as "Cancel")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from shelter_app.core.bilingual import Text
from shelter_app.paths import resources_dir

_installed: list[QTranslator] = []
_language = ["en"]


def current() -> str:
    """The interface language in force ("en" or "es_MX")."""
    return _language[0]


def pick(text: Text) -> str:
    """Bilingual content (`core.bilingual.Text`) in the interface language."""
    return text.pick(_language[0])


def resolve_language(setting: str) -> str:
    """"system" follows the computer's locale: Spanish locales get es_MX, all others English."""
    if setting in ("en", "es_MX"):
        return setting
    return "es_MX" if QLocale.system().name().lower().startswith("es") else "en"


def install(language: str) -> str:
    """Replace the installed translators with those of `language`; returns the language in force."""
    app = QCoreApplication.instance()
    assert app is not None
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    ours = QTranslator(app)  # English ships too: it holds the plural forms ("1 client", "2 clients")
    if ours.load(str(resources_dir() / "translations" / f"shelter_app_{language}.qm")):
        _installed.append(ours)
    if language == "es_MX":
        qt = QTranslator(app)
        if qt.load("qtbase_es", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _installed.append(qt)
        QLocale.setDefault(QLocale("es_MX"))
    else:
        QLocale.setDefault(QLocale("en_US"))
    for translator in _installed:
        app.installTranslator(translator)
    _language[0] = language
    return language
