"""Settings (typed options in a JSON file) and the folders every file goes to."""

from __future__ import annotations

import json
import logging
import os
import pwd
from pathlib import Path

import pytest

from shelter_app import APP_ID, paths
from shelter_app.settings import (
    CONSULTANT,
    DB_URL,
    DEMO_OFFERED,
    LANGUAGE,
    OPTIONS,
    SETTINGS_VERSION,
    SHOW_ARCHIVED,
    Settings,
)

# ---- settings --------------------------------------------------------------------------------------------


def test_a_missing_file_gives_the_defaults(tmp_path: Path) -> None:
    settings = Settings.load(tmp_path / "settings.json")
    assert {key: settings.get(option) for key, option in OPTIONS.items()} == {
        key: option.default for key, option in OPTIONS.items()}
    assert (settings.get(LANGUAGE), settings.get(DB_URL), settings.get(SHOW_ARCHIVED)) == ("system", "", False)
    assert settings.consultant()  # the login name when none is set
    assert not (tmp_path / "settings.json").exists()  # loading writes nothing


def test_invalid_values_fall_back_to_their_default(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({
        "_version": SETTINGS_VERSION, "language": "fr", "show_archived": "yes", "db_url": 5,
        "demo_offered": 1, "consultant": "Lucía Treviño", "password": "never-kept",
    }), encoding="utf-8")

    with caplog.at_level(logging.WARNING, logger="shelter_app.settings"):
        settings = Settings.load(path)

    assert settings.get(LANGUAGE) == "system"
    assert settings.get(SHOW_ARCHIVED) is False
    assert settings.get(DB_URL) == ""
    assert settings.get(DEMO_OFFERED) is False  # 1 is not a bool
    assert settings.get(CONSULTANT) == "Lucía Treviño" and settings.consultant() == "Lucía Treviño"
    assert "language" in caplog.text and "'fr'" in caplog.text
    settings.save()
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert "password" not in saved  # unknown keys are dropped
    assert saved["language"] == "system" and saved["_version"] == SETTINGS_VERSION


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe\x00garbage", b"[1, 2, 3]", b"", b"null"],
                         ids=["broken", "binary", "a-list", "empty", "null"])
def test_an_unreadable_file_gives_the_defaults(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    settings = Settings.load(path)
    assert settings.get(LANGUAGE) == "system" and settings.get(DB_URL) == ""
    assert path.read_bytes() == content  # left for the user to look at until the next save


def test_setting_a_wrong_value_is_refused(tmp_path: Path) -> None:
    settings = Settings.load(tmp_path / "settings.json")
    with pytest.raises(ValueError, match="language"):
        settings.set(LANGUAGE, "de")
    with pytest.raises(ValueError, match="show_archived"):
        settings.set(SHOW_ARCHIVED, "true")  # type: ignore[misc]
    assert settings.get(LANGUAGE) == "system"


def test_save_round_trips_and_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "config" / "settings.json"
    settings = Settings.load(path)
    settings.set(LANGUAGE, "es_MX")
    settings.set(CONSULTANT, "Andrés Villarreal")
    settings.save()  # creates the folder
    assert Settings.load(path).get(CONSULTANT) == "Andrés Villarreal"
    assert sorted(p.name for p in path.parent.iterdir()) == ["settings.json"]  # no temp file left
    good = path.read_bytes()

    def crash(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    settings.set(LANGUAGE, "en")
    monkeypatch.setattr(os, "replace", crash)  # the process dies between writing and renaming
    with pytest.raises(OSError, match="No space"):
        settings.save()
    monkeypatch.undo()
    assert path.read_bytes() == good  # the old file is whole
    assert Settings.load(path).get(LANGUAGE) == "es_MX"
    settings.save()  # the next save replaces the leftover temp file and succeeds
    assert Settings.load(path).get(LANGUAGE) == "en"


# ---- folders ---------------------------------------------------------------------------------------------


def test_the_environment_variable_moves_every_folder(isolated_folders: Path) -> None:
    found = paths.get_paths()
    assert (found.data, found.config, found.cache, found.logs) == (
        isolated_folders / "data", isolated_folders / "config", isolated_folders / "cache",
        isolated_folders / "logs")
    assert found.database == isolated_folders / "data" / "shelterdesk.sqlite3"
    assert found.backups == found.data / "backups" and found.evidence == found.data / "evidence"
    assert found.settings_file == found.config / "settings.json"
    assert found.crash_log == found.logs / "crash.log"
    assert not isolated_folders.exists()  # nothing is created until asked
    found.ensure()
    assert all(p.is_dir() for p in (found.data, found.config, found.cache, found.logs, found.backups))


def test_data_dir_wins_over_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            isolated_folders: Path) -> None:
    monkeypatch.chdir(tmp_path)
    paths.set_data_dir("relativo")
    assert paths.get_paths().data == tmp_path / "relativo" / "data"  # made absolute
    paths.set_data_dir("~/ShelterDesk")
    assert paths.get_paths().config == Path.home() / "ShelterDesk" / "config"
    paths.set_data_dir(None)
    assert paths.get_paths().data == isolated_folders / "data"


def _real_home() -> Path:
    return Path(pwd.getpwuid(os.getuid()).pw_dir)


@pytest.mark.parametrize("xdg", [True, False], ids=["xdg-vars", "plain-home"])
def test_without_an_override_the_folders_are_the_platforms_under_home(
    monkeypatch: pytest.MonkeyPatch, xdg: bool
) -> None:
    monkeypatch.delenv(paths.ENV_DATA_DIR)
    if not xdg:
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            monkeypatch.delenv(var)
    home = Path.home()
    real_home = _real_home()
    assert home != real_home
    real = [real_home / ".local" / "share" / APP_ID, real_home / ".config" / APP_ID,
            real_home / ".cache" / APP_ID, real_home / ".local" / "state" / APP_ID]
    existed = {p: p.exists() for p in real}

    found = paths.get_paths().ensure()

    for folder in (found.data, found.config, found.cache, found.logs):
        assert folder.is_relative_to(home) and folder.is_dir()
        assert APP_ID in folder.parts
    if not xdg:
        assert found.data == home / ".local" / "share" / APP_ID
        assert found.config == home / ".config" / APP_ID
    assert {p: p.exists() for p in real} == existed  # the real home is untouched


def test_resources_are_found_next_to_the_package() -> None:
    folder = paths.resources_dir()
    assert folder.is_dir() and (folder / "icons").is_dir()
