<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX" sourcelanguage="en">
<context>
    <name>CancellableTask</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>ClientDetailPane</name>
    <message>
        <source>&amp;Edit client…</source>
        <translation>&amp;Editar cliente…</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>A&amp;rchivar</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <source>Add contact…</source>
        <translation>Agregar contacto…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <source>Add project…</source>
        <translation>Agregar proyecto…</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Proyectos</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Select a client to see its details.</source>
        <translation>Seleccione un cliente para ver sus datos.</translation>
    </message>
    <message>
        <source>(archived)</source>
        <translation>(archivado)</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurar</translation>
    </message>
    <message>
        <source>Created {created} · last change {updated} · version {version}</source>
        <translation>Creado: {created} · último cambio: {updated} · versión {version}</translation>
    </message>
</context>
<context>
    <name>ClientEditor</name>
    <message>
        <source>New client</source>
        <translation>Nuevo cliente</translation>
    </message>
    <message>
        <source>Edit client</source>
        <translation>Editar cliente</translation>
    </message>
    <message>
        <source>e.g. Válvulas del Norte, S.A. de C.V.</source>
        <translation>p. ej., Válvulas del Norte, S.A. de C.V.</translation>
    </message>
    <message>
        <source>Only when the client has a Mexican entity</source>
        <translation>Solo si el cliente tiene una sociedad constituida en México</translation>
    </message>
</context>
<context>
    <name>ClientTableModel</name>
    <message>
        <source>Legal name</source>
        <translation>Razón social</translation>
    </message>
    <message>
        <source>Trade name</source>
        <translation>Nombre comercial</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>RFC</source>
        <translation>RFC</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Proyectos</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Actualizado</translation>
    </message>
    <message>
        <source>(archived)</source>
        <translation>(archivado)</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed by someone else</source>
        <translation>Modificado por otro usuario</translation>
    </message>
    <message>
        <source>Another user</source>
        <translation>Otro usuario</translation>
    </message>
    <message>
        <source>{who} saved this record after you opened it. Nothing has been overwritten. Compare the two versions and choose which one to keep.</source>
        <translation>Este registro lo guardó {who} después de que usted lo abrió. No se ha sobrescrito nada. Compare las dos versiones y elija cuál conservar.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>Su versión</translation>
    </message>
    <message>
        <source>Saved version</source>
        <translation>Versión guardada</translation>
    </message>
    <message>
        <source>Keep my version</source>
        <translation>Conservar mi versión</translation>
    </message>
    <message>
        <source>Load saved version</source>
        <translation>Cargar la versión guardada</translation>
    </message>
</context>
<context>
    <name>ContactEditor</name>
    <message>
        <source>New contact</source>
        <translation>Nuevo contacto</translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation>Editar contacto</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>ShelterDesk hit a problem</source>
        <translation>ShelterDesk encontró un problema</translation>
    </message>
    <message>
        <source>Something went wrong that is not your fault. Your saved data is safe. Please copy this report and send it to your ShelterDesk support contact.</source>
        <translation>Ocurrió un error que no es responsabilidad suya. Sus datos guardados están a salvo. Por favor, copie este reporte y envíelo a su contacto de soporte de ShelterDesk.</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Copiar reporte</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>ShelterDesk</source>
        <translation>ShelterDesk</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <source>Please correct the fields marked in red.</source>
        <translation>Por favor, corrija los campos marcados en rojo.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Prospect</source>
        <translation>Prospecto</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Evaluación</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Propuesta</translation>
    </message>
    <message>
        <source>Contracting</source>
        <translation>Contratación</translation>
    </message>
    <message>
        <source>Set-up</source>
        <translation>Arranque</translation>
    </message>
    <message>
        <source>Operating</source>
        <translation>En operación</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>Shelter</source>
        <translation>Shelter</translation>
    </message>
    <message>
        <source>Own entity</source>
        <translation>Entidad propia</translation>
    </message>
    <message>
        <source>Undecided</source>
        <translation>Por definir</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modificado</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Eliminado</translation>
    </message>
    <message>
        <source>client</source>
        <translation>cliente</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>contacto</translation>
    </message>
    <message>
        <source>project</source>
        <translation>proyecto</translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation>Razón social</translation>
    </message>
    <message>
        <source>Trade name</source>
        <translation>Nombre comercial</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>RFC</source>
        <translation>RFC</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>Headquarters address</source>
        <translation>Domicilio del corporativo</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Sitio web</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivado</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Idioma preferido</translation>
    </message>
    <message>
        <source>Project name</source>
        <translation>Nombre del proyecto</translation>
    </message>
    <message>
        <source>Target start date</source>
        <translation>Fecha de inicio prevista</translation>
    </message>
    <message>
        <source>Operating model</source>
        <translation>Modelo de operación</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>Consultor</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Search legal name, trade name or RFC (accents don&apos;t matter)</source>
        <translation>Buscar por razón social, nombre comercial o RFC (con o sin acentos)</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>Todas las etapas</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>Mostrar archivados</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Abriendo la base de datos…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New client…</source>
        <translation>&amp;Nuevo cliente…</translation>
    </message>
    <message>
        <source>Load the &amp;demo portfolio</source>
        <translation>Cargar la cartera de &amp;demostración</translation>
    </message>
    <message>
        <source>&amp;Back up the database</source>
        <translation>&amp;Respaldar la base de datos</translation>
    </message>
    <message>
        <source>Database &amp;information…</source>
        <translation>&amp;Información de la base de datos…</translation>
    </message>
    <message>
        <source>Open the data &amp;folder</source>
        <translation>Abrir la &amp;carpeta de datos</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>C&amp;onfiguración…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Client</source>
        <translation>&amp;Cliente</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Archive or restore</source>
        <translation>&amp;Archivar o restaurar</translation>
    </message>
    <message>
        <source>Add &amp;contact…</source>
        <translation>Agregar &amp;contacto…</translation>
    </message>
    <message>
        <source>Add &amp;project…</source>
        <translation>Agregar &amp;proyecto…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;About ShelterDesk</source>
        <translation>&amp;Acerca de ShelterDesk</translation>
    </message>
    <message>
        <source>Database: {location}</source>
        <translation>Base de datos: {location}</translation>
    </message>
    <message>
        <source>No database open.</source>
        <translation>No hay ninguna base de datos abierta.</translation>
    </message>
    <message>
        <source>Empty portfolio</source>
        <translation>Cartera vacía</translation>
    </message>
    <message>
        <source>Your portfolio is empty. Load a demo portfolio of seven client companies to explore ShelterDesk? You can archive them later.</source>
        <translation>Su cartera de clientes está vacía. ¿Desea cargar una cartera de demostración con siete empresas cliente para conocer ShelterDesk? Puede archivarlas más adelante.</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n cliente</numerusform>
            <numerusform>%n clientes</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete contact</source>
        <translation>Eliminar contacto</translation>
    </message>
    <message>
        <source>Delete the contact {name}? The history keeps a record of it.</source>
        <translation>¿Eliminar el contacto {name}? El historial conservará un registro de él.</translation>
    </message>
    <message numerus="yes">
        <source>%n demo client(s) added.</source>
        <translation>
            <numerusform>Se agregó %n cliente de demostración.</numerusform>
            <numerusform>Se agregaron %n clientes de demostración.</numerusform>
        </translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Respaldo</translation>
    </message>
    <message>
        <source>Copying the database to the backups folder…</source>
        <translation>Copiando la base de datos a la carpeta de respaldos…</translation>
    </message>
    <message>
        <source>Location: {location}
Backend: {backend}
Schema: {schema} (latest: {head})
Clients: {clients} · Contacts: {contacts} · Projects: {projects}
History entries: {events}
Size: {size}
Keyring: {keyring}</source>
        <translation>Ubicación: {location}
Motor: {backend}
Esquema: {schema} (más reciente: {head})
Clientes: {clients} · Contactos: {contacts} · Proyectos: {projects}
Entradas del historial: {events}
Tamaño: {size}
Llavero: {keyring}</translation>
    </message>
    <message>
        <source>A shared PostgreSQL database is backed up on its server (pg_dump); nothing was copied here.</source>
        <translation>Una base de datos compartida de PostgreSQL se respalda en su propio servidor (pg_dump); no se copió nada en esta computadora.</translation>
    </message>
    <message>
        <source>The database was copied to:
{path}</source>
        <translation>La base de datos se copió en:
{path}</translation>
    </message>
    <message>
        <source>Database information</source>
        <translation>Información de la base de datos</translation>
    </message>
    <message>
        <source>About ShelterDesk</source>
        <translation>Acerca de ShelterDesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;ShelterDesk {version}&lt;/h3&gt;&lt;p&gt;Set up manufacturing in Mexico under a shelter provider: client portfolio, setup journey, IMMEX and IVA/IEPS checklists, and the business case.&lt;/p&gt;&lt;p&gt;Database: {location}&lt;br&gt;Data folder: {data}&lt;br&gt;Qt for Python {qt}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ShelterDesk {version}&lt;/h3&gt;&lt;p&gt;Para instalar operaciones de manufactura en México con un proveedor Shelter: cartera de clientes, proceso de arranque, listas de verificación de IMMEX y de IVA/IEPS, y caso de negocio.&lt;/p&gt;&lt;p&gt;Base de datos: {location}&lt;br&gt;Carpeta de datos: {data}&lt;br&gt;Qt for Python {qt}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ProjectEditor</name>
    <message>
        <source>New project</source>
        <translation>Nuevo proyecto</translation>
    </message>
    <message>
        <source>Edit project</source>
        <translation>Editar proyecto</translation>
    </message>
    <message>
        <source>Has a target date</source>
        <translation>Tiene fecha prevista</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Same as the computer</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Your name (for the history)</source>
        <translation>Su nombre (para el historial)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Carpeta de datos</translation>
    </message>
    <message>
        <source>To keep the data elsewhere, start ShelterDesk with --data-dir FOLDER or set SHELTER_APP_DATA_DIR.</source>
        <translation>Para guardar los datos en otro lugar, inicie ShelterDesk con --data-dir CARPETA o defina la variable SHELTER_APP_DATA_DIR.</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>Embedded on this computer (SQLite)</source>
        <translation>Local, en esta computadora (SQLite)</translation>
    </message>
    <message>
        <source>Shared PostgreSQL server (team)</source>
        <translation>Servidor PostgreSQL compartido (equipo de trabajo)</translation>
    </message>
    <message>
        <source>Stored in the system keychain, never in a file</source>
        <translation>Se guarda en el llavero del sistema, nunca en un archivo</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Probar conexión</translation>
    </message>
    <message>
        <source>This session uses {url} from the command line.</source>
        <translation>Esta sesión usa {url}, indicada en la línea de comandos.</translation>
    </message>
    <message>
        <source>The password is kept in the system keychain.</source>
        <translation>La contraseña se guarda en el llavero del sistema.</translation>
    </message>
    <message>
        <source>No system keychain was found on this computer: the password will not be remembered, and ShelterDesk will ask for it again next time. It is never written to a file.</source>
        <translation>No se encontró un llavero del sistema en esta computadora: la contraseña no se recordará y ShelterDesk se la volverá a pedir la próxima vez. Nunca se guarda en un archivo.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Connected: {version}</source>
        <translation>Conectado: {version}</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>ShelterDesk closed unexpectedly last time</source>
        <translation>ShelterDesk se cerró inesperadamente la última vez</translation>
    </message>
    <message>
        <source>ShelterDesk stopped abruptly during the last session. Your saved data is safe. This is the technical record of what happened; please copy it and send it to your support contact.</source>
        <translation>ShelterDesk se detuvo abruptamente durante la última sesión. Sus datos guardados están a salvo. Este es el registro técnico de lo ocurrido; por favor, cópielo y envíelo a su contacto de soporte.</translation>
    </message>
</context>
</TS>
