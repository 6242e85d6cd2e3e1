"""The Windows and macOS packaging recipes, checked here since they can only be built on those systems.

Each recipe names the two document types again (Inno Setup registry entries, Info.plist type declarations);
these tests hold them equal to shelter_app/exchange/formfiles.py so they can never drift, and check the parts
of the recipes that a parser or a tool available on Linux can check: the plists (plistlib), the .iss (its
sections and #defines), the shell script (bash -n, shellcheck when installed), PowerShell (when pwsh is
installed), and the icon scripts (run for real: Qt renders the SVG offscreen).
"""

from __future__ import annotations

import os
import plistlib
import re
import shutil
import subprocess
import sys
from pathlib import Path, PureWindowsPath
from typing import Any

import pytest

from shelter_app import APP_NAME, __version__
from shelter_app.app import OPENABLE_SUFFIXES
from shelter_app.exchange.formfiles import PACKAGE_MIME, PACKAGE_SUFFIX, RESPONSE_MIME, RESPONSE_SUFFIX

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
WINDOWS = PACKAGING / "windows"
MACOS = PACKAGING / "macos"
SPEC = PACKAGING / "shelterdesk.spec"

# extension without the dot -> MIME type: what every recipe must register, no more, no less.
DOCUMENT_TYPES = {PACKAGE_SUFFIX.lstrip("."): PACKAGE_MIME, RESPONSE_SUFFIX.lstrip("."): RESPONSE_MIME}
VERSION_PLACEHOLDER = "@VERSION@"
GUID = r"[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}"


def test_the_registered_extensions_are_the_ones_a_double_click_opens() -> None:
    """`ShelterDesk FILE` (what the associations run) opens exactly these suffixes (shelter_app.app)."""
    assert set(OPENABLE_SUFFIXES) == {PACKAGE_SUFFIX, RESPONSE_SUFFIX}
    assert all(suffix.startswith(".") and suffix == suffix.lower() for suffix in OPENABLE_SUFFIXES)


# ---- macOS: Info.plist ----------------------------------------------------------------------------------------------


def _load_plist(path: Path) -> Any:
    with path.open("rb") as handle:
        return plistlib.load(handle)


@pytest.fixture(scope="module")
def info() -> dict[str, Any]:
    data = _load_plist(MACOS / "Info.plist")
    assert isinstance(data, dict)
    return data


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


def test_info_plist_describes_the_app(info: dict[str, Any]) -> None:
    assert re.fullmatch(r"[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*){2,}", info["CFBundleIdentifier"])
    assert info["CFBundleName"] == info["CFBundleDisplayName"] == APP_NAME
    assert info["CFBundleExecutable"] == APP_NAME  # PyInstaller's EXE name (the spec's name=APP_NAME)
    assert info["CFBundlePackageType"] == "APPL"
    assert info["NSHighResolutionCapable"] is True
    assert re.fullmatch(r"\d+\.\d+(\.\d+)?", info["LSMinimumSystemVersion"])
    assert info.get("LSBackgroundOnly", False) is False  # a Dock icon and a menu bar


def test_info_plist_version_is_a_placeholder_filled_from_shelter_app_version(info: dict[str, Any]) -> None:
    """Both version keys hold the placeholder, and nothing else does: the spec's fill of those two keys is complete."""
    assert info["CFBundleShortVersionString"] == info["CFBundleVersion"] == VERSION_PLACEHOLDER
    keys_with_placeholder = [key for key, value in info.items() if VERSION_PLACEHOLDER in _strings(value)]
    assert sorted(keys_with_placeholder) == ["CFBundleShortVersionString", "CFBundleVersion"]
    # Apple takes at most three period-separated integers; a PEP 440 suffix (rc1, .dev0) would be refused.
    assert re.fullmatch(r"\d+(\.\d+){0,2}", __version__), f"{__version__!r} cannot be a macOS bundle version"
    # The spec's BUNDLE step reads this file and puts __version__ in both keys.
    spec = SPEC.read_text(encoding="utf-8")
    assert '"packaging" / "macos" / "Info.plist"' in spec
    assert re.search(r'info\["CFBundleShortVersionString"\]\s*=\s*info\["CFBundleVersion"\]\s*=\s*__version__', spec)


def test_info_plist_exports_both_document_types_with_the_formfiles_extensions_and_mime(info: dict[str, Any]) -> None:
    exported = {declaration["UTTypeIdentifier"]: declaration for declaration in info["UTExportedTypeDeclarations"]}
    registered: dict[str, str] = {}
    for declaration in exported.values():
        tags = declaration["UTTypeTagSpecification"]
        (extension,) = tags["public.filename-extension"]
        (mime,) = tags["public.mime-type"]
        assert not extension.startswith(".")  # Apple's tag is the bare extension
        registered[extension] = mime
        # both files are zips (formfiles.py): a zip archive, hence data
        assert set(declaration["UTTypeConformsTo"]) == {"public.zip-archive", "public.data"}
        assert declaration["UTTypeIdentifier"].startswith(info["CFBundleIdentifier"].rsplit(".", 1)[0] + ".")
        assert declaration["UTTypeDescription"]
    assert registered == DOCUMENT_TYPES

    handled = []
    for document_type in info["CFBundleDocumentTypes"]:
        assert document_type["CFBundleTypeRole"] in ("Editor", "Viewer")
        assert document_type["LSHandlerRank"] == "Owner"
        assert document_type["CFBundleTypeName"]
        handled += document_type["LSItemContentTypes"]
    assert sorted(handled) == sorted(exported)  # the app opens every type it exports, each once


def test_the_app_icon_in_info_plist_is_the_one_make_icns_writes_and_the_spec_bundles(info: dict[str, Any]) -> None:
    assert info["CFBundleIconFile"] == "ShelterDesk.icns"
    assert 'ICNS = HERE / "ShelterDesk.icns"' in (MACOS / "make-icns").read_text(encoding="utf-8")
    assert '"packaging" / "macos" / "ShelterDesk.icns"' in SPEC.read_text(encoding="utf-8")


def test_entitlements_are_minimal_and_each_one_is_explained() -> None:
    path = MACOS / "entitlements.plist"
    entitlements = _load_plist(path)
    assert isinstance(entitlements, dict)
    text = path.read_text(encoding="utf-8")
    comment = text[text.index("<!--") : text.index("-->")]
    for key, value in entitlements.items():
        assert key.startswith("com.apple.security.cs."), f"{key}: only hardened-runtime exceptions belong here"
        assert value is True
        assert key in comment, f"{key} has no reason in the comment of {path.name}"
    assert "com.apple.security.app-sandbox" not in entitlements  # Developer ID app, not sandboxed


# ---- Windows: Inno Setup ------------------------------------------------------------------------------------------


class InnoScript:
    """Just enough of the Inno Setup format: #define values, [Setup] directives, and the entry sections' parameters."""

    def __init__(self, path: Path) -> None:
        self.text = path.read_text(encoding="utf-8")
        self.defines: dict[str, str] = {}
        self.sections: dict[str, list[str]] = {}
        section = ""
        for raw in self.text.splitlines():
            line = raw.strip()
            if not line or line.startswith(";"):
                continue
            if match := re.fullmatch(r'#define\s+(\w+)\s+"(.*)"', line):
                self.defines[match[1]] = match[2]
            elif line.startswith("#"):
                continue
            elif match := re.fullmatch(r"\[(\w+)\]", line):
                section = match[1]
                self.sections.setdefault(section, [])
            else:
                assert section, f"a line outside any section: {line}"
                self.sections[section].append(line)

    def expand(self, value: str) -> str:
        """Substitute the preprocessor's {#Name} with the #define values."""
        return re.sub(r"\{#(\w+)\}", lambda match: self.defines[match[1]], value)

    def setup(self) -> dict[str, str]:
        directives = {}
        for line in self.sections["Setup"]:
            name, _, value = line.partition("=")
            directives[name.strip()] = value.strip()
        return directives

    def entries(self, section: str) -> list[dict[str, str]]:
        """Each line of an entry section as {parameter: value}, quotes removed ("" inside a value is a quote)."""
        rows = []
        for line in self.sections.get(section, []):
            row = {}
            for match in re.finditer(r'(\w+):\s*("(?:[^"]|"")*"|[^;]*)', line):
                value = match[2].strip()
                if value.startswith('"'):
                    value = value[1:-1].replace('""', '"')
                row[match[1]] = self.expand(value)
            rows.append(row)
        return rows


@pytest.fixture(scope="module")
def iss() -> InnoScript:
    return InnoScript(WINDOWS / "shelterdesk.iss")


def _resolve_from_script(relative: str) -> Path:
    """A path in the .iss is relative to the script's folder and uses backslashes."""
    return (WINDOWS / Path(*PureWindowsPath(relative).parts)).resolve()


def test_iss_installs_per_user_without_admin_rights(iss: InnoScript) -> None:
    setup = iss.setup()
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup  # never offers an all-users (admin) install
    assert setup["DefaultDirName"].split("\\")[0] in ("{userpf}", "{localappdata}")
    assert setup.get("Uninstallable", "yes") == "yes"
    assert setup["UninstallDisplayIcon"] == "{app}\\{#AppExeName}"
    icons = iss.entries("Icons")
    assert any(icon["Name"].startswith("{userprograms}\\") for icon in icons)  # the Start-menu entry
    desktop = [icon for icon in icons if icon["Name"].startswith("{userdesktop}\\")]
    assert len(desktop) == 1 and desktop[0]["Tasks"] == "desktopicon"
    (task,) = [task for task in iss.entries("Tasks") if task["Name"] == "desktopicon"]
    assert "unchecked" in task["Flags"].split()  # optional, off unless ticked
    assert all(entry["Root"] == "HKCU" for entry in iss.entries("Registry"))  # nothing machine-wide


def test_iss_app_id_is_a_braced_guid(iss: InnoScript) -> None:
    """AppId={{GUID}: the doubled brace is Inno's escape; the GUID must never change between releases."""
    assert re.fullmatch(r"\{\{" + GUID + r"\}", iss.setup()["AppId"])


def test_iss_version_comes_only_from_the_command_line(iss: InnoScript) -> None:
    assert "AppVersion" not in iss.defines  # no default version in the script
    assert re.search(r"^#ifndef AppVersion\s*\n\s*#error ", iss.text, re.MULTILINE)
    setup = iss.setup()
    assert setup["AppVersion"] == "{#AppVersion}"
    assert setup["OutputBaseFilename"] == "{#AppName}-{#AppVersion}-setup"
    assert _resolve_from_script(setup["OutputDir"]) == ROOT / "dist"
    build = (WINDOWS / "build.ps1").read_text(encoding="utf-8")
    assert '"/DAppVersion=$Version" packaging\\windows\\shelterdesk.iss' in build
    assert "shelter_app.__version__" in build
    assert 'dist\\ShelterDesk-$Version-setup.exe' in build


def test_iss_files_all_come_from_the_pyinstaller_one_folder_output(iss: InnoScript) -> None:
    bundle = ROOT / "dist" / APP_NAME  # the spec's COLLECT(name=APP_NAME), built into dist/
    assert iss.defines["AppName"] == APP_NAME
    assert iss.defines["AppExeName"] == f"{APP_NAME}.exe"
    files = iss.entries("Files")
    assert files
    for entry in files:
        source = entry["Source"]
        assert source.startswith(iss.defines["BundleDir"] + "\\"), source
        assert _resolve_from_script(source).is_relative_to(bundle), source
    assert "name=APP_NAME" in SPEC.read_text(encoding="utf-8")


def test_iss_associates_both_extensions_with_their_mime_types_icons_and_open_command(iss: InnoScript) -> None:
    assert iss.setup()["ChangesAssociations"] == "yes"
    registry = iss.entries("Registry")
    for entry in registry:
        assert entry["Subkey"].startswith("Software\\Classes\\"), entry

    def values(subkey: str) -> dict[str, str]:
        return {entry["ValueName"]: entry["ValueData"] for entry in registry if entry["Subkey"] == subkey}

    extension_keys = {
        entry["Subkey"].removeprefix("Software\\Classes\\.")
        for entry in registry if re.fullmatch(r"Software\\Classes\\\.\w+", entry["Subkey"])
    }
    assert extension_keys == set(DOCUMENT_TYPES)
    exe = "{app}\\" + iss.defines["AppExeName"]
    for extension, mime in DOCUMENT_TYPES.items():
        extension_values = values(f"Software\\Classes\\.{extension}")
        assert extension_values["Content Type"] == mime
        prog_id = extension_values[""]
        assert values(f"Software\\Classes\\.{extension}\\OpenWithProgids") == {prog_id: ""}
        assert values(f"Software\\Classes\\{prog_id}")[""]  # the type's name in Explorer
        assert values(f"Software\\Classes\\{prog_id}\\DefaultIcon") == {"": f"{exe},0"}
        assert values(f"Software\\Classes\\{prog_id}\\shell\\open\\command") == {"": f'"{exe}" "%1"'}
        # the ProgID goes away with the uninstaller; the extension keeps only what other programs put there
        (prog_id_entry,) = [entry for entry in registry if entry["Subkey"] == f"Software\\Classes\\{prog_id}"]
        assert "uninsdeletekey" in prog_id_entry["Flags"].split()
        assert all("uninsdeletevalue" in entry["Flags"].split()
                   for entry in registry if entry["Subkey"] == f"Software\\Classes\\.{extension}")
    supported = values(f"Software\\Classes\\Applications\\{iss.defines['AppExeName']}\\SupportedTypes")
    assert set(supported) == {f".{extension}" for extension in DOCUMENT_TYPES}


def test_the_windows_icon_is_the_one_make_ico_writes_and_the_spec_gives_the_exe(iss: InnoScript) -> None:
    assert iss.setup()["SetupIconFile"] == "{#SetupIcon}"
    assert iss.defines["SetupIcon"] == "shelterdesk.ico"
    assert 'ICO = HERE / "shelterdesk.ico"' in (WINDOWS / "make-ico").read_text(encoding="utf-8")
    assert '"packaging" / "windows" / "shelterdesk.ico"' in SPEC.read_text(encoding="utf-8")


# ---- the scripts ----------------------------------------------------------------------------------------------------


def test_build_sh_is_valid_bash() -> None:
    subprocess.run(["bash", "-n", str(MACOS / "build.sh")], check=True)


@pytest.mark.skipif(shutil.which("shellcheck") is None, reason="shellcheck is not installed")
def test_build_sh_passes_shellcheck() -> None:
    result = subprocess.run(["shellcheck", str(MACOS / "build.sh")], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout


def test_build_sh_signs_inside_out_and_notarises() -> None:
    script = (MACOS / "build.sh").read_text(encoding="utf-8")
    commands = "\n".join(line for line in script.splitlines() if not line.lstrip().startswith("#"))
    assert "--deep" not in commands.replace("codesign --verify --strict --deep", "")  # --deep only to verify
    assert "--options runtime" in commands and "--timestamp" in commands
    assert '--entitlements "$HERE/entitlements.plist" "$APP"' in commands
    for step in ("xcrun notarytool submit", "--wait", "xcrun stapler staple", "spctl --assess"):
        assert step in commands, step
    assert "packaging/shelterdesk.spec" in commands


@pytest.mark.skipif(shutil.which("pwsh") is None, reason="PowerShell (pwsh) is not installed")
def test_build_ps1_parses() -> None:
    check = (
        "$errors = $null; [System.Management.Automation.Language.Parser]::ParseFile("
        f"'{WINDOWS / 'build.ps1'}', [ref]$null, [ref]$errors) | Out-Null; "
        "$errors | ForEach-Object { $_.ToString() }; exit $errors.Count"
    )
    result = subprocess.run(["pwsh", "-NoProfile", "-Command", check], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def _run_icon_script(script: Path, *args: str) -> None:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, str(script), *args], capture_output=True, text=True, env=environment,
                            check=False, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_make_ico_renders_every_windows_size_from_the_svg(tmp_path: Path) -> None:
    from PIL import Image

    target = tmp_path / "shelterdesk.ico"
    _run_icon_script(WINDOWS / "make-ico", "--out", str(target))
    with Image.open(target) as icon:
        sizes = set(icon.info["sizes"])
        assert {(16, 16), (24, 24), (32, 32), (48, 48), (256, 256)} <= sizes
        icon.size = (16, 16)  # type: ignore[misc]  # Pillow picks the ICO frame by size
        icon.load()
        assert icon.getpixel((8, 8)) != (0, 0, 0, 0)  # drawn, not empty


def test_make_icns_writes_the_iconset_that_iconutil_expects(tmp_path: Path) -> None:
    from PIL import Image

    _run_icon_script(MACOS / "make-icns", "--iconset-only", "--out", str(tmp_path / "ShelterDesk.icns"))
    iconset = tmp_path / "ShelterDesk.iconset"
    expected = {}
    for points in (16, 32, 128, 256, 512):
        expected[f"icon_{points}x{points}.png"] = points
        expected[f"icon_{points}x{points}@2x.png"] = points * 2
    assert {path.name for path in iconset.iterdir()} == set(expected)
    for name, pixels in expected.items():
        with Image.open(iconset / name) as image:
            assert image.size == (pixels, pixels), name
            assert image.mode == "RGBA"


def test_packaging_readme_gives_one_command_per_platform() -> None:
    readme = (PACKAGING / "README.md").read_text(encoding="utf-8")
    for command in ("packaging/build", "packaging\\windows\\build.ps1", "packaging/macos/build.sh"):
        assert command in readme, command
