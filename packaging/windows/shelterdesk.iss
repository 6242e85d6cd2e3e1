; Inno Setup 6.3+ script (x64compatible needs 6.3): ShelterDesk-<version>-setup.exe from the PyInstaller one-folder bundle.
;
; Built by packaging\windows\build.ps1 (PyInstaller first, then this). By hand, from the checkout's root:
;
;     ISCC.exe /DAppVersion=0.1.0 packaging\windows\shelterdesk.iss
;
; AppVersion has no default on purpose: the one version number is shelter_app.__version__, and build.ps1 reads it
; (python -c "import shelter_app; print(shelter_app.__version__)") and passes it as /DAppVersion=...; a build
; without it stops here instead of shipping a wrong number.
;
; What the installer does, all per user and without administrator rights (no UAC prompt):
;   - installs into %LOCALAPPDATA%\Programs\ShelterDesk ({userpf});
;   - a Start-menu entry, and a desktop icon if the user ticks the (unticked) task;
;   - registers .sdform (form package, opens in client mode) and .sdresponse (client response, opens the import
;     review) under HKCU\Software\Classes, opening with: "ShelterDesk.exe" "%1" (shelter_app.app._file_to_open
;     turns that into `open FILE`); the extensions and MIME types equal shelter_app/exchange/formfiles.py, which
;     tests/test_packaging_recipes.py checks;
;   - an uninstaller (Settings > Apps) that removes the program and those registry entries, and leaves the user's
;     data (database, settings, logs, backups under %LOCALAPPDATA%\ShelterDesk) alone.

#ifndef AppVersion
  #error AppVersion is not defined: run packaging\windows\build.ps1, or ISCC /DAppVersion=X.Y.Z packaging\windows\shelterdesk.iss
#endif

#define AppName "ShelterDesk"
#define AppExeName "ShelterDesk.exe"
#define AppPublisher "ShelterDesk team"
; The PyInstaller one-folder output (packaging/shelterdesk.spec, COLLECT name "ShelterDesk"), relative to this
; script's folder. Every [Files] source below is inside it.
#define BundleDir "..\..\dist\ShelterDesk"
; Made by packaging\windows\make-ico from resources\icons\shelterdesk.svg (build.ps1 runs it).
#define SetupIcon "shelterdesk.ico"
; ProgIDs: the registry names of the two document types (Company.Type, no spaces).
#define FormProgId "ShelterDesk.Form"
#define ResponseProgId "ShelterDesk.FormResponse"

[Setup]
; AppId identifies the product to Windows and to later installers (upgrades install over it, the uninstaller is
; found by it). NEVER change it: a new GUID makes a second, separate installation. "{{" escapes the brace.
AppId={{D044CADE-60A0-45B8-8F82-9AFAAC62F34F}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
; Per-user install, no elevation. Without PrivilegesRequiredOverridesAllowed the user is not offered an
; all-users (admin) install either, so {userpf}, {userprograms} and HKCU are always the right places.
PrivilegesRequired=lowest
DefaultDirName={userpf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
; Tell Explorer to reload the file associations at the end of install and uninstall (SHChangeNotify).
ChangesAssociations=yes
; PyInstaller's bundle is 64-bit (64-bit Python); Windows on ARM runs it under x64 emulation.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 runs on Windows 10 (1809) and later.
MinVersion=10.0.17763
OutputDir=..\..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile={#SetupIcon}
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; Ask a running ShelterDesk to close before files are replaced (Restart Manager); its autosave keeps form drafts.
CloseApplications=yes
; Code signing (optional): define a sign tool in the Inno Setup IDE (Tools > Configure Sign Tools) named
; "signtool", then uncomment; ISCC signs the setup and the uninstaller.
;SignTool=signtool
;SignedUninstaller=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"

[CustomMessages]
english.FormFileType=ShelterDesk form
spanish.FormFileType=Formulario de ShelterDesk
english.ResponseFileType=ShelterDesk form response
spanish.ResponseFileType=Respuesta de formulario de ShelterDesk

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle: ShelterDesk.exe and its _internal\ folder (Python, Qt, resources, forms).
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundle: remove the old _internal\ first so no stale library of a previous version stays.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"; Tasks: desktopicon

[Registry]
; HKCU\Software\Classes is the per-user part of HKEY_CLASSES_ROOT: no admin rights needed, and it takes precedence
; over machine-wide entries for this user. Each extension points to a ProgID (its name, icon and open command);
; "Content Type" records the MIME type; OpenWithProgids adds ShelterDesk to "Open with" without taking over an
; extension another program already owns. The document icon is the exe's own icon (index 0, from the .ico).
;
; .sdform: a form package; opens the form in client mode.
Root: HKCU; Subkey: "Software\Classes\.sdform"; ValueType: string; ValueName: ""; ValueData: "{#FormProgId}"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.sdform"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-shelterdesk-form"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.sdform\OpenWithProgids"; ValueType: string; ValueName: "{#FormProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\{#FormProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:FormFileType}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\{#FormProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExeName},0"
Root: HKCU; Subkey: "Software\Classes\{#FormProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExeName}"" ""%1"""
;
; .sdresponse: a client's sealed response; opens the import review.
Root: HKCU; Subkey: "Software\Classes\.sdresponse"; ValueType: string; ValueName: ""; ValueData: "{#ResponseProgId}"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.sdresponse"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-shelterdesk-response"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.sdresponse\OpenWithProgids"; ValueType: string; ValueName: "{#ResponseProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\{#ResponseProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:ResponseFileType}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\{#ResponseProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExeName},0"
Root: HKCU; Subkey: "Software\Classes\{#ResponseProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExeName}"" ""%1"""
;
; The application itself, for "Open with > Choose another app".
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExeName}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExeName}\SupportedTypes"; ValueType: string; ValueName: ".sdform"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExeName}\SupportedTypes"; ValueType: string; ValueName: ".sdresponse"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExeName}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExeName}"" ""%1"""

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] of user data on purpose: the database, settings and backups belong to the user and survive
; an uninstall (and a reinstall finds them again).
