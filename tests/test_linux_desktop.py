"""Linux desktop integration (packaging/linux): the entry validates, the icons are complete, and after
`install-desktop` the real xdg-utils recognise `.sdform`/`.sdresponse` and a double-click (`xdg-open`) starts
ShelterDesk with the file, down to the client-mode draft written by the real app.

Every step runs the real tools in a temporary home (the autouse `isolated_folders` fixture points HOME and the
XDG folders there). A missing tool skips with its reason, except on CI (`CI=true`), where it fails.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import nacl.public
import pytest
from PySide6.QtGui import QImage

from shelter_app.exchange import formfiles

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux desktop integration")

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"
INSTALL = LINUX / "install-desktop"
SAMPLE_FORM = ROOT / "tests" / "data" / "forms" / "sample" / "1.0.yaml"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICONS = {"apps": ("shelterdesk",),
         "mimetypes": ("application-x-shelterdesk-form", "application-x-shelterdesk-response")}
DESKTOP_ID = "shelterdesk.desktop"
# The Debian package of each tool (all in scripts/dev's TEST_TOOLS). `mimetype` is what xdg-mime asks on a
# generic desktop; without it xdg-mime falls back to `file`, which calls every zip application/zip.
PACKAGE_OF = {"desktop-file-validate": "desktop-file-utils", "update-mime-database": "shared-mime-info",
              "update-desktop-database": "desktop-file-utils", "xdg-mime": "xdg-utils", "xdg-open": "xdg-utils",
              "xdg-desktop-menu": "xdg-utils", "xdg-icon-resource": "xdg-utils",
              "mimetype": "libfile-mimeinfo-perl"}
XDG_TOOLS = ("xdg-mime", "xdg-open", "xdg-desktop-menu", "xdg-icon-resource", "update-mime-database",
             "update-desktop-database", "mimetype")


def _ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require(*tools: str) -> None:
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if not missing:
        return
    packages = sorted({PACKAGE_OF[tool] for tool in missing})
    reason = f"needs {', '.join(missing)} (apt-get install {' '.join(packages)})"
    if _ci():
        pytest.fail(f"CI must run the Linux desktop tests: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture
def desktop_env(tmp_path: Path) -> dict[str, str]:
    """A generic desktop session in the temporary home: no desktop environment detected, and a display named
    because a generic `xdg-open` only consults the MIME defaults when there is one (nothing connects to it)."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("WAYLAND_DISPLAY", "DESKTOP_SESSION", "KDE_FULL_SESSION", "GNOME_DESKTOP_SESSION_ID",
                          "MATE_DESKTOP_SESSION_ID", "LXQT_SESSION_CONFIG", "BROWSER", "XDG_DATA_DIRS")}
    env.update(XDG_CURRENT_DESKTOP="X-Generic", DISPLAY=os.environ.get("SHELTERDESK_TEST_DISPLAY", ":97"))
    for key in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        assert env[key].startswith(str(tmp_path)), f"{key} must point into the test's folder"
    return env


def run(args: list[str | Path], env: dict[str, str], cwd: Path | None = None) -> str:
    result = subprocess.run([str(arg) for arg in args], env=env, cwd=cwd, capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0, f"{args} exited {result.returncode}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def installed_files(env: dict[str, str]) -> list[Path]:
    """What of ShelterDesk is in the home: files named after it, or whose text names its desktop entry."""
    found = []
    for folder in (Path(env["HOME"]), Path(env["XDG_DATA_HOME"]), Path(env["XDG_CONFIG_HOME"])):
        for path in folder.rglob("*"):
            if not path.is_file():
                continue
            if "shelterdesk" in path.name.lower() or b"shelterdesk.desktop" in path.read_bytes():
                found.append(path)
    return sorted(set(found))


def write_package(target: Path) -> None:
    from shelter_app.content.forms import definition_data, load_form_file

    definition = load_form_file(SAMPLE_FORM)
    key = nacl.public.PrivateKey.generate()
    formfiles.write_package(target, formfiles.FormPackage(
        form_id=definition.id, form_version=definition.version, definition=definition_data(definition),
        language="en", prefill={"legal_name": "Válvulas del Norte"},
        consultant=formfiles.ConsultantInfo("Ana Consultora", key.public_key),
        project=formfiles.ProjectInfo("P-0042", "Válvulas del Norte", "Planta Juárez")))


@pytest.fixture
def started() -> Iterator[list[subprocess.Popen[bytes]]]:
    """Processes a test starts (each in its own session); whatever is still running at the end is killed."""
    processes: list[subprocess.Popen[bytes]] = []
    yield processes
    for process in processes:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


# ---- the files as shipped ----------------------------------------------------------------------------------------


def test_the_desktop_entry_validates_and_declares_both_file_types() -> None:
    require("desktop-file-validate")
    result = subprocess.run(["desktop-file-validate", str(LINUX / DESKTOP_ID)], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr
    keys = dict(line.split("=", 1) for line in (LINUX / DESKTOP_ID).read_text("utf-8").splitlines() if "=" in line)
    assert keys["Exec"] == "shelter-app %f"
    assert keys["Icon"] == "shelterdesk"
    assert keys["StartupWMClass"] == "ShelterDesk"  # WM_CLASS class = applicationName (xprop under Xvfb)
    assert keys["MimeType"] == f"{formfiles.PACKAGE_MIME};{formfiles.RESPONSE_MIME};"
    assert {"Name[es]", "GenericName[es]", "Comment[es]"} <= keys.keys()
    mime_xml = (LINUX / "shelterdesk-mime.xml").read_text("utf-8")
    for mime, suffix in ((formfiles.PACKAGE_MIME, formfiles.PACKAGE_SUFFIX),
                         (formfiles.RESPONSE_MIME, formfiles.RESPONSE_SUFFIX)):
        assert f'type="{mime}"' in mime_xml and f'pattern="*{suffix}"' in mime_xml


def test_every_icon_exists_in_every_size() -> None:
    hicolor = LINUX / "icons" / "hicolor"
    for context, names in ICONS.items():
        for name in names:
            assert (hicolor / "scalable" / context / f"{name}.svg").is_file()
            for size in SIZES:
                path = hicolor / f"{size}x{size}" / context / f"{name}.png"
                image = QImage(str(path))
                assert not image.isNull(), f"{path} is missing or not an image"
                assert (image.width(), image.height()) == (size, size), path
                assert image.hasAlphaChannel(), path


# ---- installed into a temporary home, opened by xdg-open ---------------------------------------------------------


@pytest.mark.parametrize("how", ["xdg-utils", "copy"])
def test_install_registers_the_types_and_a_double_click_runs_exec_with_the_file(
        how: str, tmp_path: Path, desktop_env: dict[str, str]) -> None:
    require(*XDG_TOOLS, "desktop-file-validate")
    env = desktop_env
    recorder = tmp_path / "bundle" / "ShelterDesk"
    recorder.parent.mkdir()
    recorded = tmp_path / "argv.txt"
    recorder.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{recorded}"\n', encoding="utf-8")
    recorder.chmod(0o755)
    options = [] if how == "xdg-utils" else ["--without-xdg-utils"]

    for _ in range(2):  # idempotent: the second run changes nothing
        run([INSTALL, "--exec", recorder, *options], env)
    entry = Path(env["XDG_DATA_HOME"]) / "applications" / DESKTOP_ID
    assert f"\nExec={recorder} %f\n" in entry.read_text("utf-8")
    run(["desktop-file-validate", entry], env)
    data = Path(env["XDG_DATA_HOME"])
    for context, names in ICONS.items():
        for name in names:
            assert (data / "icons" / "hicolor" / "48x48" / context / f"{name}.png").is_file()
            assert (data / "icons" / "hicolor" / "scalable" / context / f"{name}.svg").is_file()
    mimeapps = (Path(env["XDG_CONFIG_HOME"]) / "mimeapps.list").read_text("utf-8")
    assert mimeapps.count(f"{formfiles.PACKAGE_MIME}={DESKTOP_ID}") == 1

    files = tmp_path / "files"
    files.mkdir()
    for suffix, mime in ((formfiles.PACKAGE_SUFFIX, formfiles.PACKAGE_MIME),
                         (formfiles.RESPONSE_SUFFIX, formfiles.RESPONSE_MIME)):
        sample = files / f"x{suffix}"
        sample.write_bytes(b"PK\x05\x06" + bytes(18))  # an empty zip: the extension must win over the content
        assert run(["xdg-mime", "query", "filetype", sample], env).strip() == mime
        assert run(["xdg-mime", "query", "default", mime], env).strip() == DESKTOP_ID
        recorded.unlink(missing_ok=True)
        run(["xdg-open", sample], env, cwd=files)
        assert recorded.read_text("utf-8").splitlines() == [str(sample)]

    run([INSTALL, "--uninstall", *options], env)
    assert installed_files(env) == []
    assert run(["xdg-mime", "query", "filetype", files / "x.sdform"], env).strip() != formfiles.PACKAGE_MIME
    run([INSTALL, "--uninstall", *options], env)  # again: nothing to do, no error


def test_from_a_bundle_exec_is_the_bundle_program_quoted(tmp_path: Path, desktop_env: dict[str, str]) -> None:
    """The tarball carries packaging/linux/ beside its program: without --exec, that program is what runs."""
    require("desktop-file-validate")
    bundle = tmp_path / "Program Files" / "ShelterDesk"
    shutil.copytree(LINUX, bundle / "packaging" / "linux")
    program = bundle / "ShelterDesk"
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    run([bundle / "packaging" / "linux" / "install-desktop", "--without-xdg-utils"], desktop_env)
    entry = Path(desktop_env["XDG_DATA_HOME"]) / "applications" / DESKTOP_ID
    lines = entry.read_text("utf-8").splitlines()
    assert f'Exec="{program}" %f' in lines and f"TryExec={program}" in lines
    run(["desktop-file-validate", entry], desktop_env)
    run([bundle / "packaging" / "linux" / "install-desktop", "--uninstall", "--without-xdg-utils"], desktop_env)
    assert installed_files(desktop_env) == []


def test_a_double_click_on_a_package_opens_the_real_app_in_client_mode(
        tmp_path: Path, desktop_env: dict[str, str], started: list[subprocess.Popen[bytes]]) -> None:
    require(*XDG_TOOLS)
    app = ROOT / ".venv" / "bin" / "shelter-app"
    if not app.is_file():
        app = Path(shutil.which("shelter-app") or app)
    if not app.is_file():
        problem = "needs the shelter-app console script (scripts/dev install)"
        if _ci():
            pytest.fail(problem, pytrace=False)
        pytest.skip(problem)
    env = desktop_env
    run([INSTALL, "--exec", app], env)
    package = tmp_path / "Formulario de Válvulas.sdform"  # a real name: spaces and an accent
    write_package(package)
    data_dir = tmp_path / "client"
    env |= {"QT_QPA_PLATFORM": "offscreen", "SHELTER_APP_DATA_DIR": str(data_dir)}

    log = (tmp_path / "app.log").open("wb")
    process = subprocess.Popen(["xdg-open", str(package)], env=env, cwd=tmp_path, stdout=log,
                               stderr=subprocess.STDOUT, start_new_session=True)
    started.append(process)
    database = data_dir / "data" / "shelterdesk.sqlite3"
    deadline = time.monotonic() + 30
    drafts = 0
    while time.monotonic() < deadline and process.poll() is None:
        if database.is_file():
            drafts = count_drafts(database)
            if drafts:
                break
        time.sleep(0.2)
    still_running = process.poll() is None
    if still_running:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    log.close()
    output = (tmp_path / "app.log").read_text("utf-8", errors="replace")
    assert drafts == 1, f"no client-mode draft (xdg-open exited {process.returncode}):\n{output}"
    assert still_running, output  # the window stayed open until killed


def count_drafts(database: Path) -> int:
    try:
        with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=1)) as connection:
            return int(connection.execute("SELECT count(*) FROM form_draft").fetchone()[0])
    except sqlite3.OperationalError:  # not migrated yet, or busy
        return 0
