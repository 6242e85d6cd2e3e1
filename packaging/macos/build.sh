#!/usr/bin/env bash
# Build ShelterDesk.app on macOS; with a Developer ID, also sign, notarise and staple it and a .dmg.
#
#   packaging/macos/build.sh
#       dist/ShelterDesk.app with PyInstaller's ad-hoc signature: runs on this Mac, for testing. Gatekeeper blocks
#       it on other Macs.
#
#   CODESIGN_IDENTITY="Developer ID Application: NAME (TEAMID)" NOTARY_PROFILE=shelterdesk-notary \
#       packaging/macos/build.sh
#       the release: dist/ShelterDesk-<version>-macos-<arch>.dmg, signed, notarised and stapled.
#
# Needs: macOS 13 or newer with the Xcode command-line tools (xcode-select --install: codesign, iconutil,
# notarytool, stapler), and Python 3.11 or newer (python.org installer or Homebrew) as `python3.11`, or
# PYTHON=/path/to/python3 for creating .venv. The .app is for the architecture of that Python (arm64 on Apple
# silicon, x86_64 on Intel); build once on each to ship both.
#
# Once per Mac, for releases:
#   - the "Developer ID Application" certificate with its private key in the login keychain
#     (security find-identity -v -p codesigning lists it: that quoted name is CODESIGN_IDENTITY);
#   - the notary credentials in the keychain, under a profile name (an app-specific password from
#     appleid.apple.com; nothing secret is written in this repository or on the command line of a build):
#         xcrun notarytool store-credentials shelterdesk-notary --apple-id ID@EXAMPLE.COM --team-id TEAMID
#
# Steps (set -e: the first failure stops the build):
#   1. .venv with the app (editable) and PyInstaller (extra);   5. sign inside out (hardened runtime, timestamp);
#   2. the version from shelter_app.__version__;                6. the signed app's --self-test;
#   3. packaging/macos/ShelterDesk.icns from the SVG (iconutil); 7. notarise the app, staple, check with spctl;
#   4. PyInstaller: packaging/shelterdesk.spec, whose BUNDLE     8. the .dmg: sign, notarise, staple, check.
#      step reads packaging/macos/Info.plist;
#
# Why not `codesign --deep`: it signs nested code in an order it picks, with the same options and entitlements for
# everything, and skips code outside the usual places. Apple asks for each nested item to be signed on its own,
# innermost first, and the app's entitlements to go on the app only; step 5 does that.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
HERE=packaging/macos
APP=dist/ShelterDesk.app
EXECUTABLE=ShelterDesk
CODESIGN_IDENTITY=${CODESIGN_IDENTITY:-}
NOTARY_PROFILE=${NOTARY_PROFILE:-}

step() { printf '\n==> %s\n' "$*"; }
fail() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

[[ $(uname -s) == Darwin ]] || fail "this builds the macOS app and runs on macOS only (Linux: packaging/build)"
if [[ -n $NOTARY_PROFILE && -z $CODESIGN_IDENTITY ]]; then
    fail "NOTARY_PROFILE is set but CODESIGN_IDENTITY is not: notarisation needs a Developer ID signature"
fi

# 1. The venv.
step "venv"
if [[ ! -x .venv/bin/python ]]; then
    "${PYTHON:-python3.11}" -m venv .venv
fi
.venv/bin/python -m pip install --disable-pip-version-check --quiet --upgrade pip
# PyInstaller comes from the "bundle" extra of pyproject.toml (one pin for every system, as in packaging/build);
# compat mode makes the editable install a plain path that PyInstaller can follow.
.venv/bin/python -m pip install --disable-pip-version-check --quiet --editable ".[bundle]" \
    --config-settings editable_mode=compat

# 2. The version (shelter_app/__init__.py: the one version number) and the architecture of this Python.
VERSION=$(.venv/bin/python -c 'import shelter_app; print(shelter_app.__version__)')
ARCH=$(.venv/bin/python -c 'import platform; print(platform.machine())')
step "ShelterDesk $VERSION ($ARCH)"

# 3. The icon: Info.plist's CFBundleIconFile, given to BUNDLE(icon=...) by the spec.
step "icon"
.venv/bin/python "$HERE/make-icns"

# 4. The bundle. The spec's macOS branch reads $HERE/Info.plist, fills the @VERSION@ placeholders with
#    shelter_app.__version__ and passes it to BUNDLE(info_plist=...). It must not set codesign_identity: the
#    signing is done here, inside out.
step "PyInstaller"
.venv/bin/python -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller \
    packaging/shelterdesk.spec
[[ -x $APP/Contents/MacOS/$EXECUTABLE ]] || fail "PyInstaller did not make $APP/Contents/MacOS/$EXECUTABLE"
plutil -lint "$APP/Contents/Info.plist"
BUNDLE_VERSION=$(/usr/libexec/PlistBuddy -c "Print :CFBundleShortVersionString" "$APP/Contents/Info.plist")
[[ $BUNDLE_VERSION == "$VERSION" ]] || fail "Info.plist says version $BUNDLE_VERSION, shelter_app says $VERSION"

self_test() {
    local work
    work=$(mktemp -d -t shelterdesk-selftest)
    if ! "$APP/Contents/MacOS/$EXECUTABLE" --data-dir "$work/data" --self-test; then
        rm -rf "$work"
        fail "the app's self-test failed ($1)"
    fi
    rm -rf "$work"
}

if [[ -z $CODESIGN_IDENTITY ]]; then
    step "self-test (unsigned build)"
    self_test "unsigned"
    printf '\nbuild.sh: %s is built with an ad-hoc signature, for this Mac only.\n' "$APP"
    printf 'For a release, set CODESIGN_IDENTITY and NOTARY_PROFILE (see the top of this script).\n'
    exit 0
fi

# 5. Sign inside out with the hardened runtime (-o runtime) and a secure timestamp, both required by the notary.
sign() { codesign --force --timestamp --options runtime --sign "$CODESIGN_IDENTITY" "$@"; }

step "sign: every Mach-O file (libraries, Python extensions, framework binaries)"
count=0
while IFS= read -r -d '' file; do
    if file -b "$file" | grep -q 'Mach-O'; then
        sign "$file"
        count=$((count + 1))
    fi
done < <(find "$APP/Contents" -type f ! -path "$APP/Contents/MacOS/$EXECUTABLE" -print0)
echo "signed $count files"

step "sign: nested bundles (Qt frameworks), deepest first"
while IFS= read -r bundle; do
    [[ -n $bundle ]] && sign "$bundle"
done < <(find "$APP/Contents" -type d \( -name '*.framework' -o -name '*.app' \) \
    | awk -F/ '{ print NF "\t" $0 }' | sort -rn | cut -f2-)

step "sign: the app, with its entitlements ($HERE/entitlements.plist)"
sign --entitlements "$HERE/entitlements.plist" "$APP"
codesign --verify --strict --deep --verbose=2 "$APP"
codesign --display --entitlements - "$APP"

# 6. The self-test again, now under the hardened runtime and library validation: a missing entitlement or a
#    library signed by someone else shows up here, not on a user's Mac.
step "self-test (signed, hardened runtime)"
self_test "signed with the hardened runtime: see $HERE/entitlements.plist"

if [[ -z $NOTARY_PROFILE ]]; then
    printf '\nbuild.sh: %s is signed but not notarised (NOTARY_PROFILE is not set).\n' "$APP"
    exit 0
fi

# notarise FILE: upload to Apple's notary service, wait for the verdict, print the log when it is not Accepted.
notarise() {
    local result status id
    result=$(xcrun notarytool submit "$1" --keychain-profile "$NOTARY_PROFILE" --wait --output-format json)
    status=$(.venv/bin/python -c 'import json, sys; print(json.loads(sys.argv[1]).get("status", ""))' "$result")
    id=$(.venv/bin/python -c 'import json, sys; print(json.loads(sys.argv[1]).get("id", ""))' "$result")
    echo "notary: $1: $status ($id)"
    if [[ $status != Accepted ]]; then
        [[ -n $id ]] && xcrun notarytool log "$id" --keychain-profile "$NOTARY_PROFILE" >&2
        fail "notarisation of $1 was not accepted"
    fi
}

# 7. Notarise the app (submitted as a zip made by ditto, which keeps the signatures), staple the ticket to it so
#    Gatekeeper accepts it offline, and check it as Gatekeeper will.
step "notarise the app"
UPLOAD=build/ShelterDesk-$VERSION-notarise.zip
mkdir -p build
ditto -c -k --sequesterRsrc --keepParent "$APP" "$UPLOAD"
notarise "$UPLOAD"
rm -f "$UPLOAD"
xcrun stapler staple "$APP"
xcrun stapler validate "$APP"
spctl --assess --type execute --verbose=4 "$APP"   # expect: accepted, source=Notarized Developer ID

# 8. The .dmg users download: the stapled app and a link to /Applications to drag it to. Signed, notarised and
#    stapled itself, so the first open of the download is checked offline too.
step "disk image"
DMG=dist/ShelterDesk-$VERSION-macos-$ARCH.dmg
STAGING=$(mktemp -d -t shelterdesk-dmg)
ditto "$APP" "$STAGING/ShelterDesk.app"
ln -s /Applications "$STAGING/Applications"
rm -f "$DMG"
hdiutil create -volname "ShelterDesk $VERSION" -srcfolder "$STAGING" -fs HFS+ -format UDZO -ov "$DMG"
rm -rf "$STAGING"
codesign --force --timestamp --sign "$CODESIGN_IDENTITY" "$DMG"
notarise "$DMG"
xcrun stapler staple "$DMG"
xcrun stapler validate "$DMG"
spctl --assess --type open --context context:primary-signature --verbose=4 "$DMG"

printf '\nbuild.sh: done: %s\n' "$DMG"
