<#
.SYNOPSIS
    Build ShelterDesk's Windows installer: dist\ShelterDesk-<version>-setup.exe.

.DESCRIPTION
    Run from anywhere in a Windows checkout (PowerShell 5.1 or 7):

        powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1

    Needs Python 3.11 or newer (the "py" launcher from python.org) and Inno Setup 6.3 or newer (https://jrsoftware.org,
    or: winget install JRSoftware.InnoSetup). Steps, each stopping the build when it fails:

      1. .venv: made with "py -3.11 -m venv .venv" if missing; the app and its "bundle" extra (PyInstaller) go in it.
      2. The version: shelter_app.__version__ (the one version number), printed by the venv's Python.
      3. packaging\windows\shelterdesk.ico from resources\icons\shelterdesk.svg (make-ico).
      4. PyInstaller with packaging\shelterdesk.spec -> dist\ShelterDesk\ShelterDesk.exe (one folder).
      5. The bundle's --self-test (database, checklists, forms, business case, PDF, keychain) on a throwaway
         data folder; the build stops if it fails.
      6. ISCC /DAppVersion=<version> packaging\windows\shelterdesk.iss -> dist\ShelterDesk-<version>-setup.exe.

.PARAMETER Iscc
    Path of ISCC.exe when it is neither on PATH nor in Inno Setup 6's usual install folders.

.PARAMETER SkipSelfTest
    Skip step 5 (only to investigate a failing build; a release always runs it).
#>
[CmdletBinding()]
param(
    [string]$Iscc = "",
    [switch]$SkipSelfTest
)

Set-StrictMode -Version Latest
$ErrorActionPreference = "Stop"

# Native programs do not throw on a non-zero exit code in Windows PowerShell 5.1: check each one.
function Invoke-Checked {
    param([string]$What, [scriptblock]$Command)
    Write-Host "==> $What" -ForegroundColor Cyan
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)" }
}

$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
Set-Location $Root
$Python = Join-Path $Root ".venv\Scripts\python.exe"

# 1. The venv. PyInstaller comes from the "bundle" extra of pyproject.toml (one pin for every system, as
#    packaging/build does on Linux); compat mode makes the editable install a plain path PyInstaller can follow.
if (-not (Test-Path $Python)) {
    Invoke-Checked "create .venv (Python 3.11)" { py -3.11 -m venv .venv }
}
Invoke-Checked "install ShelterDesk and PyInstaller into .venv" {
    & $Python -m pip install --disable-pip-version-check --quiet --upgrade pip
    if ($LASTEXITCODE -eq 0) { & $Python -m pip install --disable-pip-version-check --quiet --editable ".[bundle]" --config-settings editable_mode=compat }
}

# 2. The version, from shelter_app/__init__.py (imported from the checkout: cheap, no Qt).
$Version = (& $Python -c "import shelter_app; print(shelter_app.__version__)").Trim()
if ($LASTEXITCODE -ne 0 -or -not $Version) { throw "could not read shelter_app.__version__" }
Write-Host "ShelterDesk $Version"

# 3. The icon (the spec gives it to ShelterDesk.exe; the .iss uses it for the setup program).
Invoke-Checked "make packaging\windows\shelterdesk.ico" { & $Python packaging\windows\make-ico }

# 4. The one-folder bundle.
Invoke-Checked "PyInstaller (packaging\shelterdesk.spec)" {
    & $Python -m PyInstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller packaging\shelterdesk.spec
}
$Exe = Join-Path $Root "dist\ShelterDesk\ShelterDesk.exe"
if (-not (Test-Path $Exe)) { throw "PyInstaller did not make $Exe" }

# 5. The self-test. ShelterDesk.exe is a windowed program: PowerShell would not wait for it and it has no console,
#    so it runs through Start-Process with its output redirected to files (which also gives it a stdout to print on).
if (-not $SkipSelfTest) {
    Write-Host "==> self-test of the bundle" -ForegroundColor Cyan
    $Work = Join-Path ([System.IO.Path]::GetTempPath()) ("shelterdesk-selftest-" + [guid]::NewGuid())
    New-Item -ItemType Directory -Path $Work | Out-Null
    try {
        $Out = Join-Path $Work "stdout.txt"
        $Err = Join-Path $Work "stderr.txt"
        $Process = Start-Process -FilePath $Exe -ArgumentList @("--data-dir", "`"$Work\data`"", "--self-test") `
            -Wait -PassThru -NoNewWindow -RedirectStandardOutput $Out -RedirectStandardError $Err
        Get-Content $Out, $Err -ErrorAction SilentlyContinue | Write-Host
        # a windowed program may still have no stdout: the report is then in the data folder's logs
        Get-Content (Join-Path $Work "logs\self-test.txt") -ErrorAction SilentlyContinue | Write-Host
        if ($Process.ExitCode -ne 0) { throw "the bundle's self-test failed (exit code $($Process.ExitCode))" }
    }
    finally {
        Remove-Item -Recurse -Force $Work -ErrorAction SilentlyContinue
    }
}

# 6. The installer.
if (-not $Iscc) {
    $Candidates = @(
        (Get-Command ISCC.exe -ErrorAction SilentlyContinue | Select-Object -ExpandProperty Source -First 1),
        (Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"),
        (Join-Path $env:ProgramFiles "Inno Setup 6\ISCC.exe"),
        (Join-Path $env:LOCALAPPDATA "Programs\Inno Setup 6\ISCC.exe")  # winget's per-user install
    ) | Where-Object { $_ -and (Test-Path $_) }
    $Iscc = $Candidates | Select-Object -First 1
}
if (-not $Iscc) { throw "ISCC.exe (Inno Setup 6) not found: install it (winget install JRSoftware.InnoSetup) or pass -Iscc PATH" }
Invoke-Checked "Inno Setup ($Iscc)" { & $Iscc "/DAppVersion=$Version" packaging\windows\shelterdesk.iss }

$Setup = Join-Path $Root "dist\ShelterDesk-$Version-setup.exe"
if (-not (Test-Path $Setup)) { throw "ISCC did not make $Setup" }
Write-Host "done: $Setup" -ForegroundColor Green
