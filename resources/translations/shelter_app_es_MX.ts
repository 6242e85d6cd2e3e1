<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX" sourcelanguage="en">
<context>
    <name>AnswersSummary</name>
    <message>
        <source>Your answers</source>
        <translation>Sus respuestas</translation>
    </message>
    <message>
        <source>Minimum-wage zone</source>
        <translation>Zona del salario mínimo</translation>
    </message>
    <message>
        <source>{zone} (to verify)</source>
        <translation>{zone} (por verificar)</translation>
    </message>
    <message>
        <source>(not answered)</source>
        <translation>(sin respuesta)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message numerus="yes">
        <source>{role}: headcount {headcount}, %n shift(s) a day</source>
        <translation>
            <numerusform>{role}: plantilla de {headcount}, %n turno al día</numerusform>
            <numerusform>{role}: plantilla de {headcount}, %n turnos al día</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BusinessCasePage</name>
    <message>
        <source>&amp;New scenario</source>
        <translation>&amp;Nuevo escenario</translation>
    </message>
    <message>
        <source>Under a shelter (from the journey)</source>
        <translation>En un albergue (a partir del recorrido)</translation>
    </message>
    <message>
        <source>Own entity (from the journey)</source>
        <translation>Entidad propia (a partir del recorrido)</translation>
    </message>
    <message>
        <source>&amp;Duplicate…</source>
        <translation>&amp;Duplicar…</translation>
    </message>
    <message>
        <source>Rena&amp;me…</source>
        <translation>Cam&amp;biar nombre…</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>E&amp;liminar…</translation>
    </message>
    <message>
        <source>&amp;Generate PDF…</source>
        <translation>Generar PD&amp;F…</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>Escenarios</translation>
    </message>
    <message>
        <source>Documents given to the client</source>
        <translation>Documentos entregados al cliente</translation>
    </message>
    <message>
        <source>Double-click to open the copy kept with the project</source>
        <translation>Haga doble clic para abrir la copia guardada con el proyecto</translation>
    </message>
    <message>
        <source>&amp;Save scenario</source>
        <translation>&amp;Guardar escenario</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>Re&amp;vertir</translation>
    </message>
    <message>
        <source>This project has no business case yet. Start one from the journey&apos;s answers with “New scenario”: the site, the headcount plan and the certification come from the project; the rest starts from indicative figures, marked in yellow, for you to replace with the client&apos;s own.</source>
        <translation>Este proyecto aún no tiene caso de negocio. Inicie uno a partir de las respuestas del recorrido con “Nuevo escenario”: la ubicación, la plantilla por puesto y la certificación en materia de IVA e IEPS se toman del proyecto; lo demás parte de cifras indicativas, marcadas en amarillo, para que usted las reemplace con las del cliente.</translation>
    </message>
    <message>
        <source>Under a shelter</source>
        <translation>En un albergue</translation>
    </message>
    <message>
        <source>Own entity</source>
        <translation>Entidad propia</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>Save the changes to “{name}” first?</source>
        <translation>¿Guardar primero los cambios de “{name}”?</translation>
    </message>
    <message>
        <source>No reference value for {year}: type it (required).</source>
        <translation>No hay valor de referencia para {year}: captúrelo (obligatorio).</translation>
    </message>
    <message>
        <source>a modelling assumption</source>
        <translation>un supuesto del modelo</translation>
    </message>
    <message>
        <source>no source</source>
        <translation>sin fuente</translation>
    </message>
    <message>
        <source>If left empty: {value}{unit} — {source}, checked {date}.</source>
        <translation>Si se deja vacío: {value}{unit} — {source}, consultado el {date}.</translation>
    </message>
    <message>
        <source>Class {risk}: {rate} % of the SBC.</source>
        <translation>Clase {risk}: {rate} % del SBC.</translation>
    </message>
    <message>
        <source>The scenario is not saved: {problem}</source>
        <translation>El escenario no se guardó: {problem}</translation>
    </message>
    <message>
        <source>To verify.</source>
        <translation>Por verificar.</translation>
    </message>
    <message>
        <source>Does not compute: {problem}</source>
        <translation>No se puede calcular: {problem}</translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation>Cambios sin guardar.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message numerus="yes">
        <source>%n indicative figure(s) from the prefill, in yellow: replace them with the client&apos;s own.</source>
        <translation>
            <numerusform>%n cifra indicativa del prellenado, en amarillo: reemplácela con la del cliente.</numerusform>
            <numerusform>%n cifras indicativas del prellenado, en amarillo: reemplácelas con las del cliente.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save scenario</source>
        <translation>Guardar escenario</translation>
    </message>
    <message>
        <source>Shelter</source>
        <translation>Albergue</translation>
    </message>
    <message>
        <source>New scenario</source>
        <translation>Nuevo escenario</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Duplicate scenario</source>
        <translation>Duplicar escenario</translation>
    </message>
    <message>
        <source>Name of the copy:</source>
        <translation>Nombre de la copia:</translation>
    </message>
    <message>
        <source>{name} (copy)</source>
        <translation>{name} (copia)</translation>
    </message>
    <message>
        <source>Rename scenario</source>
        <translation>Cambiar nombre del escenario</translation>
    </message>
    <message>
        <source>Delete scenario</source>
        <translation>Eliminar escenario</translation>
    </message>
    <message>
        <source>Delete the scenario “{name}”? Documents already generated are kept.</source>
        <translation>¿Eliminar el escenario “{name}”? Los documentos ya generados se conservan.</translation>
    </message>
</context>
<context>
    <name>BusinessResults</name>
    <message>
        <source>Mexico, a full year</source>
        <translation>México, un año completo</translation>
    </message>
    <message>
        <source>Current plant, same year</source>
        <translation>Planta actual, mismo año</translation>
    </message>
    <message>
        <source>Annual savings</source>
        <translation>Ahorro anual</translation>
    </message>
    <message>
        <source>Loaded cost per direct hour</source>
        <translation>Costo integral por hora directa</translation>
    </message>
    <message>
        <source>One-time cost</source>
        <translation>Costo único de arranque</translation>
    </message>
    <message>
        <source>NPV</source>
        <translation>VPN</translation>
    </message>
    <message>
        <source>IRR</source>
        <translation>TIR</translation>
    </message>
    <message>
        <source>Payback</source>
        <translation>Periodo de recuperación</translation>
    </message>
    <message>
        <source>IVA and IEPS cost avoided by the certification</source>
        <translation>Costo de IVA e IEPS que evita la certificación</translation>
    </message>
    <message>
        <source>Site score (rank)</source>
        <translation>Puntaje de la ubicación (lugar)</translation>
    </message>
    <message>
        <source>Savings vs the China supplier</source>
        <translation>Ahorro frente al proveedor en China</translation>
    </message>
    <message>
        <source>NPV vs the China supplier</source>
        <translation>VPN frente al proveedor en China</translation>
    </message>
    <message>
        <source>does not compute yet</source>
        <translation>aún no se puede calcular</translation>
    </message>
    <message>
        <source>none (no sign change)</source>
        <translation>no existe (sin cambio de signo)</translation>
    </message>
    <message>
        <source>{years} years</source>
        <translation>{years} años</translation>
    </message>
    <message numerus="yes">
        <source>not within %n year(s)</source>
        <translation>
            <numerusform>no se recupera en %n año</numerusform>
            <numerusform>no se recupera en %n años</numerusform>
        </translation>
    </message>
    <message>
        <source>No scenario computes yet.</source>
        <translation>Todavía no se puede calcular ningún escenario.</translation>
    </message>
</context>
<context>
    <name>CalculatedQuestion</name>
    <message>
        <source>calculated</source>
        <translation>calculado</translation>
    </message>
</context>
<context>
    <name>CancellableTask</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>CellDelegate</name>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
</context>
<context>
    <name>ChecklistLabels</name>
    <message>
        <source>Critical path</source>
        <translation>Ruta crítica</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Vencida</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>Por vencer</translation>
    </message>
    <message>
        <source>To verify</source>
        <translation>Por verificar</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estatus</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Encargado</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Start set by hand</source>
        <translation>Inicio fijado a mano</translation>
    </message>
    <message>
        <source>Due date set by hand</source>
        <translation>Vencimiento fijado a mano</translation>
    </message>
    <message>
        <source>Completed on</source>
        <translation>Fecha de término</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modificado</translation>
    </message>
    <message>
        <source>Attached</source>
        <translation>Archivo adjuntado</translation>
    </message>
    <message>
        <source>Removed attachment</source>
        <translation>Adjunto eliminado</translation>
    </message>
</context>
<context>
    <name>ChecklistTreeModel</name>
    <message>
        <source>Item</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estatus</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vencimiento</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Alertas</translation>
    </message>
    <message>
        <source>{closed} of {total} items closed</source>
        <translation>{closed} de {total} tareas cerradas</translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n vencida</numerusform>
            <numerusform>%n vencidas</numerusform>
        </translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>Motivo: {reason}</translation>
    </message>
    <message>
        <source>Start {start}, due {due}</source>
        <translation>Inicio: {start}; vencimiento: {due}</translation>
    </message>
    <message>
        <source>Dates set by hand</source>
        <translation>Fechas fijadas a mano</translation>
    </message>
</context>
<context>
    <name>ChoiceInput</name>
    <message>
        <source>(not answered)</source>
        <translation>(sin responder)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elija…</translation>
    </message>
</context>
<context>
    <name>ChoiceQuestion</name>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Clear answer</source>
        <translation>Borrar respuesta</translation>
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
        <source>Setup journey…</source>
        <translation>Recorrido de arranque…</translation>
    </message>
    <message>
        <source>Checklists…</source>
        <translation>Listas de verificación…</translation>
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
        <source>Select a contact in the list first.</source>
        <translation>Primero seleccione un contacto en la lista.</translation>
    </message>
    <message>
        <source>Select a project in the list first.</source>
        <translation>Primero seleccione un proyecto en la lista.</translation>
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
        <source>Progress</source>
        <translation>Avance</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>Próximo vencimiento</translation>
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
    <name>ClientWindow</name>
    <message>
        <source>This form cannot be opened.</source>
        <translation>No se puede abrir este formulario.</translation>
    </message>
    <message>
        <source>Cannot open the form</source>
        <translation>No se puede abrir el formulario</translation>
    </message>
    <message>
        <source>{file} cannot be opened.</source>
        <translation>No se puede abrir {file}.</translation>
    </message>
    <message>
        <source>Warning: the sender&apos;s key has changed</source>
        <translation>Aviso: cambió la llave del remitente</translation>
    </message>
    <message>
        <source>none (the package is not signed)</source>
        <translation>ninguna (el paquete no está firmado)</translation>
    </message>
    <message>
        <source>{file} says it comes from {consultant}, but it is not signed by the key their packages had until now.

Key until now: {known}
Key of this package: {found}

Someone else may be posing as your consultant, and your answers would go to them. Open it only if your consultant confirmed, by phone or in person, that they changed their key.</source>
        <translation>{file} dice venir de {consultant}, pero no está firmado con la llave que tenían sus paquetes hasta ahora.

Llave hasta ahora: {known}
Llave de este paquete: {found}

Alguien más podría hacerse pasar por su consultor, y sus respuestas le llegarían a esa persona. Ábralo solo si su consultor le confirmó, por teléfono o en persona, que cambió su llave.</translation>
    </message>
    <message>
        <source>Open anyway</source>
        <translation>Abrir de todos modos</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Send response…</source>
        <translation>Enviar respuesta…</translation>
    </message>
    <message>
        <source>Check the answers and save the encrypted response file for your consultant (Ctrl+Shift+S)</source>
        <translation>Revisar las respuestas y guardar el archivo de respuesta cifrado para su consultor (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Print blank form…</source>
        <translation>Imprimir formulario en blanco…</translation>
    </message>
    <message>
        <source>Print with answers…</source>
        <translation>Imprimir con respuestas…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ocultar</translation>
    </message>
    <message>
        <source>Opening {file}…</source>
        <translation>Abriendo {file}…</translation>
    </message>
    <message>
        <source>signed with the key {key}</source>
        <translation>firmado con la llave {key}</translation>
    </message>
    <message>
        <source>not authenticated (an unsigned package)</source>
        <translation>sin autenticar (un paquete sin firma)</translation>
    </message>
    <message>
        <source>For &lt;b&gt;{client}&lt;/b&gt; ({project}) · sent by &lt;b&gt;{consultant}&lt;/b&gt; · consultant&apos;s key {key}</source>
        <translation>Para &lt;b&gt;{client}&lt;/b&gt; ({project}) · enviado por &lt;b&gt;{consultant}&lt;/b&gt; · llave del consultor {key}</translation>
    </message>
    <message>
        <source>Your response is encrypted so that only the holder of this key can read it. Compare the key with the one your consultant gives you.</source>
        <translation>Su respuesta se cifra para que solo el titular de esta llave pueda leerla. Compare la llave con la que le proporcione su consultor.</translation>
    </message>
    <message>
        <source>The package is signed by your consultant&apos;s signing key; ShelterDesk warns you if a later package from them is signed by another key.</source>
        <translation>El paquete está firmado con la llave de firma de su consultor; ShelterDesk le avisa si un paquete posterior suyo viene firmado con otra llave.</translation>
    </message>
    <message>
        <source>This package was made by an older ShelterDesk and is not signed: nothing proves it comes from your consultant.</source>
        <translation>Este paquete lo hizo una versión anterior de ShelterDesk y no está firmado: nada prueba que venga de su consultor.</translation>
    </message>
    <message>
        <source>protected by a one-time code: you type it when you send your answers</source>
        <translation>protegido con un código de un solo uso: lo escribe al enviar sus respuestas</translation>
    </message>
    <message>
        <source>You sent a response on {when}. You can still change answers and send it again; your consultant keeps the latest.</source>
        <translation>Usted envió una respuesta el {when}. Aún puede cambiar respuestas y enviarla de nuevo; su consultor conserva la más reciente.</translation>
    </message>
    <message>
        <source>This form was updated (version {old} → {new}). Your answers were carried over.</source>
        <translation>Este formulario se actualizó (versión {old} → {new}). Sus respuestas se conservaron.</translation>
    </message>
    <message>
        <source>This form was updated since you started it. Your answers were carried over.</source>
        <translation>Este formulario se actualizó después de que usted lo comenzó. Sus respuestas se conservaron.</translation>
    </message>
    <message>
        <source>These answers are no longer asked; they are kept here so nothing is lost (you can copy them):</source>
        <translation>Estas respuestas ya no se solicitan; se conservan aquí para que no se pierda nada (puede copiarlas):</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>Copiado.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Sin guardar</translation>
    </message>
    <message>
        <source>The form was saved from another window</source>
        <translation>El formulario se guardó desde otra ventana</translation>
    </message>
    <message>
        <source>This form is also open in another ShelterDesk window, which saved its answers after this window last saved. Keep the answers shown here (the other window&apos;s are replaced), or close this window and open the form again to continue with the other window&apos;s answers.</source>
        <translation>Este formulario también está abierto en otra ventana de ShelterDesk, que guardó sus respuestas después del último guardado de esta ventana. Conserve las respuestas que ve aquí (se reemplazan las de la otra ventana) o cierre esta ventana y abra de nuevo el formulario para continuar con las respuestas de la otra ventana.</translation>
    </message>
    <message>
        <source>&amp;Keep these answers</source>
        <translation>&amp;Conservar estas respuestas</translation>
    </message>
    <message>
        <source>&amp;Close this window</source>
        <translation>Ce&amp;rrar esta ventana</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>Guardado: {time}</translation>
    </message>
    <message>
        <source>Not ready to send</source>
        <translation>Aún no se puede enviar</translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) still need attention. They are listed on the review page: click one to go to its question.</source>
        <translation>
            <numerusform>%n respuesta aún requiere atención. Aparece en la página de revisión: haga clic en ella para ir a su pregunta.</numerusform>
            <numerusform>%n respuestas aún requieren atención. Aparecen en la página de revisión: haga clic en una para ir a su pregunta.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the response</source>
        <translation>Guardar la respuesta</translation>
    </message>
    <message>
        <source>ShelterDesk response (*.sdresponse)</source>
        <translation>Respuesta de ShelterDesk (*.sdresponse)</translation>
    </message>
    <message>
        <source>Send response</source>
        <translation>Enviar respuesta</translation>
    </message>
    <message>
        <source>Encrypting your response…</source>
        <translation>Cifrando su respuesta…</translation>
    </message>
    <message>
        <source>The response was not saved.</source>
        <translation>La respuesta no se guardó.</translation>
    </message>
    <message>
        <source>Your response is saved in:
{file}

It is encrypted for {consultant} (key {key}): only your consultant can open it. Send this file to them by e-mail or any file transfer.</source>
        <translation>Su respuesta se guardó en:
{file}

Está cifrada para {consultant} (llave {key}): solo su consultor puede abrirla. Envíele este archivo por correo electrónico o por cualquier otro medio de transferencia de archivos.</translation>
    </message>
    <message>
        <source>It is signed by this computer&apos;s key {installation}. If your consultant asks, read them this key: it tells them the response comes from you.</source>
        <translation>Está firmada con la llave de esta computadora {installation}. Si su consultor se lo pide, léale esta llave: así sabe que la respuesta viene de usted.</translation>
    </message>
    <message>
        <source>Response saved</source>
        <translation>Respuesta guardada</translation>
    </message>
    <message>
        <source>blank</source>
        <translation>en-blanco</translation>
    </message>
    <message>
        <source>Save the form as PDF</source>
        <translation>Guardar el formulario como PDF</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Documento PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>Generando el PDF…</translation>
    </message>
    <message>
        <source>The PDF was not saved.</source>
        <translation>El PDF no se guardó.</translation>
    </message>
    <message>
        <source>PDF saved: {file}</source>
        <translation>PDF guardado: {file}</translation>
    </message>
</context>
<context>
    <name>CodeDialog</name>
    <message>
        <source>One-time code</source>
        <translation>Código de un solo uso</translation>
    </message>
    <message>
        <source>Tell {client} this code by phone or in person. Do not send it with the package or in the same e-mail: the code proves that the response comes from someone you spoke to. They type it when they send their answers.</source>
        <translation>Dígale este código a {client} por teléfono o en persona. No lo envíe con el paquete ni en el mismo correo: el código prueba que la respuesta viene de alguien con quien usted habló. Lo escriben al enviar sus respuestas.</translation>
    </message>
    <message>
        <source>the client</source>
        <translation>el cliente</translation>
    </message>
    <message>
        <source>You can see it again from the list of packages sent (Show code…).</source>
        <translation>Puede verlo de nuevo desde la lista de paquetes enviados (Ver código…).</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
</context>
<context>
    <name>CodeEntry</name>
    <message>
        <source>One-time code</source>
        <translation>Código de un solo uso</translation>
    </message>
    <message>
        <source>This form is protected: type the 12-character code {consultant} told you by phone or in person. Dashes, spaces and upper or lower case do not matter.</source>
        <translation>Este formulario está protegido: escriba el código de 12 caracteres que {consultant} le dio por teléfono o en persona. Los guiones, los espacios y las mayúsculas o minúsculas no importan.</translation>
    </message>
    <message>
        <source>your consultant</source>
        <translation>su consultor</translation>
    </message>
    <message>
        <source>12 characters, in groups of four</source>
        <translation>12 caracteres, en grupos de cuatro</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Código:</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Enviar</translation>
    </message>
</context>
<context>
    <name>ComboQuestion</name>
    <message>
        <source>— choose —</source>
        <translation>— seleccione —</translation>
    </message>
</context>
<context>
    <name>ComparisonTable</name>
    <message>
        <source>Comparison of the plants</source>
        <translation>Comparación de las plantas</translation>
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
    <name>DocumentsList</name>
    <message>
        <source>Generated documents</source>
        <translation>Documentos generados</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Generado</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>Escenarios</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papel</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
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
    <name>ExportOptions</name>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Carta</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Page size:</source>
        <translation>Tamaño de página:</translation>
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
    <name>FieldInput</name>
    <message>
        <source>Why this value replaces the reference (printed in the assumptions)</source>
        <translation>Por qué este valor sustituye al de referencia (se imprime en los supuestos)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>reference value</source>
        <translation>valor de referencia</translation>
    </message>
    <message>
        <source>Why this value replaces the reference</source>
        <translation>Por qué este valor sustituye al de referencia</translation>
    </message>
    <message>
        <source>Indicative figure from the prefill: replace it with the client&apos;s own.</source>
        <translation>Cifra indicativa del prellenado: reemplácela con la del cliente.</translation>
    </message>
</context>
<context>
    <name>FileQuestion</name>
    <message>
        <source>Attach…</source>
        <translation>Adjuntar…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>No file attached</source>
        <translation>Sin archivo adjunto</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>Reemplazar…</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Accepted files</source>
        <translation>Archivos aceptados</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Adjuntar un archivo</translation>
    </message>
</context>
<context>
    <name>FormReview</name>
    <message>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modificado</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Sin cambios</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflicto</translation>
    </message>
    <message>
        <source>Recorded only</source>
        <translation>Solo registrado</translation>
    </message>
    <message>
        <source>The project has no value here yet.</source>
        <translation>El proyecto aún no tiene un valor aquí.</translation>
    </message>
    <message>
        <source>The client&apos;s answer differs from the project&apos;s value, which nobody changed since the package was sent.</source>
        <translation>La respuesta del cliente difiere del valor del proyecto, que nadie ha cambiado desde que se envió el paquete.</translation>
    </message>
    <message>
        <source>The client&apos;s answer is what the project holds.</source>
        <translation>La respuesta del cliente coincide con lo que tiene el proyecto.</translation>
    </message>
    <message>
        <source>Changed in the project since the package was sent, and the client answered something else: the project keeps its value unless you tick the row.</source>
        <translation>Se cambió en el proyecto después de enviar el paquete y el cliente respondió otra cosa: el proyecto conserva su valor a menos que usted marque la fila.</translation>
    </message>
    <message>
        <source>Kept with the response for reference; it does not feed a project field.</source>
        <translation>Se conserva con la respuesta como referencia; no alimenta ningún campo del proyecto.</translation>
    </message>
    <message>
        <source>This response had already been imported; nothing changed.</source>
        <translation>Esta respuesta ya se había importado; no cambió nada.</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) of the project updated from the response.</source>
        <translation>
            <numerusform>Se actualizó %n campo del proyecto a partir de la respuesta.</numerusform>
            <numerusform>Se actualizaron %n campos del proyecto a partir de la respuesta.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) left out: the project keeps its values.</source>
        <translation>
            <numerusform>Se omitió %n respuesta: el proyecto conserva sus valores.</numerusform>
            <numerusform>Se omitieron %n respuestas: el proyecto conserva sus valores.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attached file(s) kept with the project.</source>
        <translation>
            <numerusform>Se guardó %n archivo adjunto con el proyecto.</numerusform>
            <numerusform>Se guardaron %n archivos adjuntos con el proyecto.</numerusform>
        </translation>
    </message>
    <message>
        <source>The journey was applied again. Checklist items added: {added}; set aside as no longer applying: {removed}; brought back: {restored}.</source>
        <translation>Se volvió a aplicar el recorrido. Tareas agregadas a las listas: {added}; apartadas por ya no aplicar: {removed}; recuperadas: {restored}.</translation>
    </message>
    <message>
        <source>The journey was applied again; the checklists did not change.</source>
        <translation>Se volvió a aplicar el recorrido; las listas de verificación no cambiaron.</translation>
    </message>
    <message>
        <source>The operating model changed: the setup journey is back at its customs and tax programs step. Answer it for the new model to update the checklists.</source>
        <translation>Cambió el modelo de operación: el recorrido de arranque volvió a su paso de programas aduaneros y fiscales. Respóndalo para el nuevo modelo y se actualizarán las listas de verificación.</translation>
    </message>
</context>
<context>
    <name>FormView</name>
    <message>
        <source>Form language:</source>
        <translation>Idioma del formulario:</translation>
    </message>
    <message>
        <source>Pages of the form</source>
        <translation>Páginas del formulario</translation>
    </message>
    <message>
        <source>Show the form in English</source>
        <translation>Mostrar el formulario en inglés</translation>
    </message>
    <message>
        <source>Show the form in Spanish</source>
        <translation>Mostrar el formulario en español</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← Atrás</translation>
    </message>
    <message>
        <source>Previous page (Alt+Left)</source>
        <translation>Página anterior (Alt+Flecha izquierda)</translation>
    </message>
    <message>
        <source>Next page (Alt+Right)</source>
        <translation>Página siguiente (Alt+Flecha derecha)</translation>
    </message>
    <message>
        <source>{table}, row {row}, {column}</source>
        <translation>{table}, fila {row}, {column}</translation>
    </message>
    <message>
        <source>Review and send</source>
        <translation>Revisar y enviar</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) on this page</source>
        <translation>
            <numerusform>%n problema en esta página</numerusform>
            <numerusform>%n problemas en esta página</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix</source>
        <translation>
            <numerusform>%n problema por corregir</numerusform>
            <numerusform>%n problemas por corregir</numerusform>
        </translation>
    </message>
    <message>
        <source>{done} of {total} required answers</source>
        <translation>{done} de {total} respuestas obligatorias</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Page {page} of {pages} · {title}</source>
        <translation>Página {page} de {pages} · {title}</translation>
    </message>
    <message>
        <source>Review →</source>
        <translation>Revisar →</translation>
    </message>
    <message>
        <source>Next →</source>
        <translation>Siguiente →</translation>
    </message>
</context>
<context>
    <name>FormsPage</name>
    <message>
        <source>The response cannot be imported</source>
        <translation>No se puede importar la respuesta</translation>
    </message>
    <message>
        <source>Import a form response</source>
        <translation>Importar una respuesta de formulario</translation>
    </message>
    <message>
        <source>Opening {file}…</source>
        <translation>Abriendo {file}…</translation>
    </message>
    <message>
        <source>Form &amp;keys…</source>
        <translation>&amp;Llaves de formularios…</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Formulario</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Preguntas</translation>
    </message>
    <message>
        <source>&amp;Send package…</source>
        <translation>&amp;Enviar paquete…</translation>
    </message>
    <message>
        <source>Print &amp;blank form…</source>
        <translation>Imprimir formulario en &amp;blanco…</translation>
    </message>
    <message>
        <source>Forms to send</source>
        <translation>Formularios para enviar</translation>
    </message>
    <message>
        <source>Send a form to the client as a file: they fill it in with ShelterDesk on their own computer, offline, in English or Spanish, and send back one encrypted response.</source>
        <translation>Envíe un formulario al cliente como archivo: el cliente lo llena con ShelterDesk en su propia computadora, sin conexión, en inglés o en español, y le devuelve una sola respuesta cifrada.</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Responses imported</source>
        <translation>Respuestas importadas</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>No package sent for this project yet.</source>
        <translation>Aún no se ha enviado ningún paquete para este proyecto.</translation>
    </message>
    <message>
        <source>Show &amp;code…</source>
        <translation>Ver &amp;código…</translation>
    </message>
    <message>
        <source>Packages sent</source>
        <translation>Paquetes enviados</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importada</translation>
    </message>
    <message>
        <source>Fields applied</source>
        <translation>Campos aplicados</translation>
    </message>
    <message>
        <source>No response imported yet. When the client sends back a .sdresponse file, import it here to review their answers.</source>
        <translation>Aún no se ha importado ninguna respuesta. Cuando el cliente le devuelva un archivo .sdresponse, impórtelo aquí para revisar sus respuestas.</translation>
    </message>
    <message>
        <source>&amp;Import response…</source>
        <translation>I&amp;mportar respuesta…</translation>
    </message>
    <message>
        <source>P&amp;rint response…</source>
        <translation>Imprimir respues&amp;ta…</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>Protected by a one-time code told by phone</source>
        <translation>Protegido con un código de un solo uso dado por teléfono</translation>
    </message>
    <message>
        <source>Package {id}</source>
        <translation>Paquete {id}</translation>
    </message>
    <message>
        <source>Last imported {when}</source>
        <translation>Última importación: {when}</translation>
    </message>
    <message>
        <source>Response {id}</source>
        <translation>Respuesta {id}</translation>
    </message>
    <message>
        <source>kept in the system keychain</source>
        <translation>guardada en el llavero del sistema</translation>
    </message>
    <message>
        <source>kept in a file protected by a passphrase (this computer has no system keychain)</source>
        <translation>guardada en un archivo protegido con frase de contraseña (esta computadora no tiene llavero del sistema)</translation>
    </message>
    <message>
        <source>Your form key ({where}). Fingerprint:</source>
        <translation>Su llave de formularios ({where}). Huella digital:</translation>
    </message>
    <message>
        <source>No form key on this computer yet: one is made when you send the first package ({where}).</source>
        <translation>Aún no hay llave de formularios en esta computadora: se crea una al enviar el primer paquete ({where}).</translation>
    </message>
    <message>
        <source>Select a package sent with a one-time code to see its code again.</source>
        <translation>Seleccione un paquete enviado con código de un solo uso para ver su código de nuevo.</translation>
    </message>
    <message>
        <source>Save the form package</source>
        <translation>Guardar el paquete de formulario</translation>
    </message>
    <message>
        <source>ShelterDesk form packages (*.sdform)</source>
        <translation>Paquetes de formulario de ShelterDesk (*.sdform)</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Se guardó {path}</translation>
    </message>
    <message>
        <source>Form package saved</source>
        <translation>Paquete de formulario guardado</translation>
    </message>
    <message>
        <source>The package “{form}” was saved to:
{path}

Send this file to {client} by e-mail or on a USB stick. They open it with ShelterDesk (double-click it) and fill it in on their own computer, even offline. When they finish, ShelterDesk makes a response file (.sdresponse) encrypted to your key: they send it back to you, and you import it here with “Import response…”.

If they ask, your key&apos;s fingerprint is {fingerprint}.</source>
        <translation>El paquete “{form}” se guardó en:
{path}

Envíe este archivo a {client} por correo electrónico o en una memoria USB. Lo abre con ShelterDesk (con doble clic) y lo llena en su propia computadora, incluso sin conexión. Al terminar, ShelterDesk genera un archivo de respuesta (.sdresponse) cifrado con su llave: se lo devuelve a usted, y usted lo importa aquí con “Importar respuesta…”.

Si se lo preguntan, la huella digital de su llave es {fingerprint}.</translation>
    </message>
    <message>
        <source>the client</source>
        <translation>su cliente</translation>
    </message>
    <message>
        <source>ShelterDesk form responses (*.sdresponse)</source>
        <translation>Respuestas de formulario de ShelterDesk (*.sdresponse)</translation>
    </message>
    <message>
        <source>Print a blank form</source>
        <translation>Imprimir un formulario en blanco</translation>
    </message>
    <message>
        <source>Print the response</source>
        <translation>Imprimir la respuesta</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>Generación cancelada; no se guardó nada.</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>Generando {file}…</translation>
    </message>
</context>
<context>
    <name>GenerateOptions</name>
    <message>
        <source>Generate the business-case PDF</source>
        <translation>Generar el PDF del caso de negocio</translation>
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
        <source>Letter (as in Mexico)</source>
        <translation>Carta (la usual en México)</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Generar</translation>
    </message>
    <message>
        <source>Scenarios:</source>
        <translation>Escenarios:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>Papel:</translation>
    </message>
    <message>
        <source>Choose at least one scenario.</source>
        <translation>Elija al menos un escenario.</translation>
    </message>
</context>
<context>
    <name>ItemPanel</name>
    <message>
        <source>Evidence expected:</source>
        <translation>Evidencia esperada:</translation>
    </message>
    <message>
        <source>Legal basis:</source>
        <translation>Fundamento legal:</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>Fuentes:</translation>
    </message>
    <message>
        <source>Status and owner</source>
        <translation>Estatus y responsable</translation>
    </message>
    <message>
        <source>Why blocked, not applicable, or done early</source>
        <translation>Por qué está bloqueada, no aplica o se terminó antes de tiempo</translation>
    </message>
    <message>
        <source>Person in charge</source>
        <translation>Persona encargada</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Estatus:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
    <message>
        <source>Completed:</source>
        <translation>Fecha de término:</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Responsable:</translation>
    </message>
    <message>
        <source>Assignee:</source>
        <translation>Encargado:</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Fechas</translation>
    </message>
    <message>
        <source>Start:</source>
        <translation>Inicio:</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>Vencimiento:</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Save notes</source>
        <translation>Guardar notas</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidencias</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Agregado</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>Adjuntar…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>or drop files on this panel</source>
        <translation>o arrastre archivos a este panel</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
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
        <source>Use computed</source>
        <translation>Usar calculada</translation>
    </message>
    <message>
        <source>Drop the date set by hand and use the one computed from the schedule</source>
        <translation>Descartar la fecha capturada a mano y usar la calculada por el cronograma</translation>
    </message>
    <message>
        <source>pack version {version}</source>
        <translation>versión de la lista {version}</translation>
    </message>
    <message>
        <source>Select an item to see its details.</source>
        <translation>Seleccione una tarea para ver sus datos.</translation>
    </message>
    <message>
        <source>To verify: {note}</source>
        <translation>Por verificar: {note}</translation>
    </message>
    <message>
        <source>these facts are not yet confirmed against primary law.</source>
        <translation>estos datos aún no se han confirmado con las fuentes legales primarias.</translation>
    </message>
    <message>
        <source>set by hand</source>
        <translation>fijada a mano</translation>
    </message>
    <message>
        <source>computed</source>
        <translation>calculada</translation>
    </message>
    <message numerus="yes">
        <source>Evidence (%n file(s))</source>
        <translation>
            <numerusform>Evidencias (%n archivo)</numerusform>
            <numerusform>Evidencias (%n archivos)</numerusform>
        </translation>
    </message>
    <message>
        <source>Another user</source>
        <translation>Otro usuario</translation>
    </message>
    <message>
        <source>{who} changed this item after you opened it; it has been reloaded. Check it and make your change again.</source>
        <translation>{who} modificó esta tarea después de que usted la abrió; se volvió a cargar. Revísela y haga su cambio de nuevo.</translation>
    </message>
    <message>
        <source>A reason is needed</source>
        <translation>Se necesita un motivo</translation>
    </message>
    <message>
        <source>Attach evidence</source>
        <translation>Adjuntar evidencias</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>Quitar adjunto</translation>
    </message>
    <message>
        <source>Remove {file} from this item? The history keeps a record of it.</source>
        <translation>¿Quitar {file} de esta tarea? El historial conservará un registro de ello.</translation>
    </message>
</context>
<context>
    <name>JourneyWizard</name>
    <message>
        <source>Setup journey</source>
        <translation>Recorrido de arranque</translation>
    </message>
    <message>
        <source>&amp;Save and close</source>
        <translation>&amp;Guardar y cerrar</translation>
    </message>
    <message>
        <source>Keep the answers so far and continue later</source>
        <translation>Conservar las respuestas hasta ahora y continuar después</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Atrás</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Siguiente &gt;</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Terminar</translation>
    </message>
    <message>
        <source>Save the journey and create the project&apos;s checklists</source>
        <translation>Guardar el recorrido y crear las listas de verificación del proyecto</translation>
    </message>
    <message>
        <source>A colleague saved this journey after you opened it; nothing was overwritten. Close the journey and open it again to see their answers.</source>
        <translation>Un colega guardó este recorrido después de que usted lo abrió; no se sobrescribió nada. Cierre el recorrido y ábralo de nuevo para ver sus respuestas.</translation>
    </message>
    <message>
        <source>Close the journey</source>
        <translation>Cerrar el recorrido</translation>
    </message>
    <message>
        <source>Save the answers entered since the last save? You can continue the journey later.</source>
        <translation>¿Guardar las respuestas capturadas desde la última vez? Puede continuar el recorrido después.</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <source>Form keys</source>
        <translation>Llaves de formularios</translation>
    </message>
    <message>
        <source>Clients encrypt the forms they send back to you with your form key, so only you can open them. Each package you send carries it. If a client asks whether a package really comes from you, read them the fingerprint below over the phone: ShelterDesk shows them the same one.</source>
        <translation>Sus clientes cifran con su llave de formularios los formularios que le devuelven, para que solo usted pueda abrirlos. Cada paquete que usted envía la lleva. Si un cliente le pregunta si un paquete realmente viene de usted, léale por teléfono la huella digital que aparece abajo: ShelterDesk le muestra la misma.</translation>
    </message>
    <message>
        <source>&amp;Export for another computer…</source>
        <translation>&amp;Exportar para otra computadora…</translation>
    </message>
    <message>
        <source>&amp;Import from another computer…</source>
        <translation>&amp;Importar desde otra computadora…</translation>
    </message>
    <message>
        <source>Kept in:</source>
        <translation>Guardada en:</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>Huella digital:</translation>
    </message>
    <message>
        <source>The system keychain of this computer.</source>
        <translation>El llavero del sistema de esta computadora.</translation>
    </message>
    <message>
        <source>A file protected by a passphrase. This computer has no system keychain, so ShelterDesk asks for the passphrase when the key is needed; the key is never written in the clear.</source>
        <translation>Un archivo protegido con frase de contraseña. Esta computadora no tiene llavero del sistema, así que ShelterDesk pide la frase de contraseña cuando se necesita la llave; la llave nunca se guarda sin cifrar.</translation>
    </message>
    <message>
        <source>No key yet: one is made the first time you send a form package (or import the key from your other computer).</source>
        <translation>Aún no hay llave: se crea una la primera vez que envíe un paquete de formulario (o cuando importe la llave desde su otra computadora).</translation>
    </message>
    <message>
        <source>The exported key is protected by a passphrase of its own (at least 8 characters). You will type it on the other computer when you import the key. Anyone with the file and the passphrase can open the forms your clients send you: keep both safe, and apart.</source>
        <translation>La llave exportada se protege con su propia frase de contraseña (de al menos 8 caracteres). La escribirá en la otra computadora al importar la llave. Cualquier persona que tenga el archivo y la frase de contraseña puede abrir los formularios que le envían sus clientes: guarde ambos en un lugar seguro y por separado.</translation>
    </message>
    <message>
        <source>Export the form key</source>
        <translation>Exportar la llave de formularios</translation>
    </message>
    <message>
        <source>ShelterDesk form keys (*.sdkey)</source>
        <translation>Llaves de formularios de ShelterDesk (*.sdkey)</translation>
    </message>
    <message>
        <source>The key was saved to {file}. Copy it to the other computer and import it there with its passphrase.</source>
        <translation>La llave se guardó en {file}. Cópiela a la otra computadora e impórtela ahí con su frase de contraseña.</translation>
    </message>
    <message>
        <source>Import a form key</source>
        <translation>Importar una llave de formularios</translation>
    </message>
    <message>
        <source>ShelterDesk form keys (*.sdkey);;All files (*)</source>
        <translation>Llaves de formularios de ShelterDesk (*.sdkey);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Enter the passphrase chosen when this key was exported.</source>
        <translation>Escriba la frase de contraseña que se eligió al exportar esta llave.</translation>
    </message>
    <message>
        <source>Key imported. Its fingerprint is {fingerprint}.</source>
        <translation>Llave importada. Su huella digital es {fingerprint}.</translation>
    </message>
    <message>
        <source>Replace the form key?</source>
        <translation>¿Reemplazar la llave de formularios?</translation>
    </message>
    <message>
        <source>This computer already has a different form key.

Key on this computer:   {existing}
Key being imported:   {imported}

Responses encrypted to the key on this computer could no longer be opened here. Replace it only if you are sure (for example, the imported key is the one your clients have).</source>
        <translation>Esta computadora ya tiene otra llave de formularios.

Llave en esta computadora:   {existing}
Llave que se importa:   {imported}

Las respuestas cifradas con la llave de esta computadora ya no se podrían abrir aquí. Reemplácela solo si está seguro (por ejemplo, si la llave importada es la que tienen sus clientes).</translation>
    </message>
    <message>
        <source>&amp;Replace the key</source>
        <translation>&amp;Reemplazar la llave</translation>
    </message>
    <message>
        <source>&amp;Keep the current key</source>
        <translation>&amp;Conservar la llave actual</translation>
    </message>
</context>
<context>
    <name>Labels</name>
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
    <name>LineQuestion</name>
    <message>
        <source>name@company.com</source>
        <translation>nombre@empresa.com.mx</translation>
    </message>
    <message>
        <source>e.g. +52 656 123 4567</source>
        <translation>p. ej., +52 656 123 4567</translation>
    </message>
    <message>
        <source>e.g. GODE561231GR8</source>
        <translation>p. ej., GODE561231GR8</translation>
    </message>
    <message>
        <source>e.g. GODE561231HDFRRN09</source>
        <translation>p. ej., GODE561231HDFRRN09</translation>
    </message>
    <message>
        <source>e.g. 32000</source>
        <translation>p. ej., 32000</translation>
    </message>
    <message>
        <source>e.g. 8708.99.99</source>
        <translation>p. ej., 8708.99.99</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Pick the date on a calendar</source>
        <translation>Elegir la fecha en un calendario</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendario</translation>
    </message>
    <message>
        <source>({low} to {high})</source>
        <translation>(de {low} a {high})</translation>
    </message>
    <message>
        <source>(from {low})</source>
        <translation>(desde {low})</translation>
    </message>
    <message>
        <source>(at most {high})</source>
        <translation>(hasta {high})</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Restore a backup…</source>
        <translation>Restaurar un respaldo…</translation>
    </message>
    <message>
        <source>Recover readable data…</source>
        <translation>Recuperar los datos legibles…</translation>
    </message>
    <message>
        <source>Search client companies</source>
        <translation>Buscar empresas cliente</translation>
    </message>
    <message>
        <source>Search legal name, trade name or RFC (accents don&apos;t matter)</source>
        <translation>Buscar por razón social, nombre comercial o RFC (con o sin acentos)</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Etapa</translation>
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
        <source>Client companies</source>
        <translation>Empresas cliente</translation>
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
        <source>C&amp;heck the database…</source>
        <translation>&amp;Verificar la base de datos…</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>Res&amp;taurar un respaldo…</translation>
    </message>
    <message>
        <source>Re&amp;cover readable data…</source>
        <translation>Recu&amp;perar los datos legibles…</translation>
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
        <source>Form &amp;keys…</source>
        <translation>&amp;Llaves de formularios…</translation>
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
        <source>The database is opening.</source>
        <translation>La base de datos se está abriendo.</translation>
    </message>
    <message>
        <source>For the embedded database file only: a shared PostgreSQL database is checked, backed up and restored on its server by its administrator.</source>
        <translation>Solo para el archivo de la base de datos integrada: una base de datos PostgreSQL compartida la verifica, respalda y restaura en su servidor su administrador.</translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation>No hay ninguna base de datos abierta.</translation>
    </message>
    <message>
        <source>Database: {location}</source>
        <translation>Base de datos: {location}</translation>
    </message>
    <message>
        <source>The database file is damaged ({problem}). It is open read-only: nothing can be saved. Restore a backup, or recover the data that can still be read into a new file; the damaged file is kept aside either way.</source>
        <translation>El archivo de la base de datos está dañado ({problem}). Está abierto solo para lectura: no se puede guardar nada. Restaure un respaldo o recupere en un archivo nuevo los datos que aún se pueden leer; en ambos casos el archivo dañado se conserva aparte.</translation>
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
    <message>
        <source>Setup &amp;journey…</source>
        <translation>&amp;Recorrido de arranque…</translation>
    </message>
    <message>
        <source>Compliance calendar</source>
        <translation>Calendario de obligaciones</translation>
    </message>
    <message>
        <source>Calendars (*.ics)</source>
        <translation>Calendarios (*.ics)</translation>
    </message>
    <message>
        <source>Import a form response</source>
        <translation>Importar una respuesta de formulario</translation>
    </message>
    <message>
        <source>ShelterDesk form responses (*.sdresponse)</source>
        <translation>Respuestas de formulario de ShelterDesk (*.sdresponse)</translation>
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
        <source>Check the database</source>
        <translation>Verificar la base de datos</translation>
    </message>
    <message>
        <source>Checking the database file…</source>
        <translation>Verificando el archivo de la base de datos…</translation>
    </message>
    <message>
        <source>Recover readable data</source>
        <translation>Recuperar los datos legibles</translation>
    </message>
    <message>
        <source>Copying every row that can still be read into a new file…</source>
        <translation>Copiando a un archivo nuevo cada fila que aún se puede leer…</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurar un respaldo</translation>
    </message>
    <message>
        <source>Putting the backup in place…</source>
        <translation>Poniendo el respaldo en su lugar…</translation>
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
        <source>I&amp;mport form response…</source>
        <translation>I&amp;mportar respuesta de formulario…</translation>
    </message>
    <message>
        <source>Compliance ca&amp;lendar (.ics)…</source>
        <translation>Calendario de &amp;obligaciones (.ics)…</translation>
    </message>
    <message numerus="yes">
        <source>%n dated reminder(s) written to {file}.</source>
        <translation>
            <numerusform>%n recordatorio con fecha escrito en {file}.</numerusform>
            <numerusform>%n recordatorios con fecha escritos en {file}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more wait for a grant (for example the IMMEX authorization) and are dated once its checklist item is marked done.</source>
        <translation>
            <numerusform>%n más espera una autorización (por ejemplo, la del programa IMMEX) y tendrá fecha cuando su punto de la lista se marque como hecho.</numerusform>
            <numerusform>%n más esperan una autorización (por ejemplo, la del programa IMMEX) y tendrán fecha cuando su punto de la lista se marque como hecho.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n obligation(s) apply on each event or at all times and have no date.</source>
        <translation>
            <numerusform>%n obligación se cumple en cada evento o en todo momento y no tiene fecha.</numerusform>
            <numerusform>%n obligaciones se cumplen en cada evento o en todo momento y no tienen fecha.</numerusform>
        </translation>
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
        <translation>&lt;h3&gt;ShelterDesk {version}&lt;/h3&gt;&lt;p&gt;Para instalar operaciones de manufactura en México con una empresa albergue: cartera de clientes, recorrido de arranque, listas de verificación de IMMEX y de IVA/IEPS, y caso de negocio.&lt;/p&gt;&lt;p&gt;Base de datos: {location}&lt;br&gt;Carpeta de datos: {data}&lt;br&gt;Qt for Python {qt}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>PackUpdateDialog</name>
    <message>
        <source>Newer checklist versions</source>
        <translation>Versiones más recientes de las listas</translation>
    </message>
    <message>
        <source>This ShelterDesk ships newer versions of checklists this project uses. Applying them adds the new items that apply to the project. Items a new version no longer has are set aside as not applicable, with their status, notes and evidence kept: nothing is deleted, and the change is recorded in the project&apos;s history.</source>
        <translation>Esta versión de ShelterDesk trae versiones más recientes de listas que usa este proyecto. Al aplicarlas se agregan los nuevos puntos que corresponden al proyecto. Los puntos que una versión nueva ya no incluye quedan apartados como no aplicables, con su estado, notas y evidencia: nada se borra y el cambio queda registrado en el historial del proyecto.</translation>
    </message>
    <message>
        <source>{checklist}: version {old} → {new}</source>
        <translation>{checklist}: versión {old} → {new}</translation>
    </message>
    <message>
        <source>Added: {item}</source>
        <translation>Se agrega: {item}</translation>
    </message>
    <message>
        <source>Set aside (no longer in the checklist): {item}</source>
        <translation>Se aparta (ya no está en la lista): {item}</translation>
    </message>
    <message>
        <source>Revised wording, sources or durations; no items added or removed</source>
        <translation>Redacción, fuentes o duraciones revisadas; no se agregan ni quitan puntos</translation>
    </message>
    <message>
        <source>&amp;Apply changes</source>
        <translation>&amp;Aplicar cambios</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>&amp;Más tarde</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Form key passphrase</source>
        <translation>Frase de contraseña de la llave de formularios</translation>
    </message>
    <message>
        <source>This computer has no system keychain (the place where the operating system keeps passwords), so your form key is kept in a file protected by a passphrase instead.</source>
        <translation>Esta computadora no tiene llavero del sistema (el lugar donde el sistema operativo guarda las contraseñas), así que su llave de formularios se guarda en un archivo protegido con una frase de contraseña.</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least 8 characters and keep it safe: without it, responses from your clients cannot be opened on this computer.</source>
        <translation>Elija una frase de contraseña de al menos 8 caracteres y guárdela en un lugar seguro: sin ella, las respuestas de sus clientes no se pueden abrir en esta computadora.</translation>
    </message>
    <message>
        <source>Enter the passphrase you chose when the key was created.</source>
        <translation>Escriba la frase de contraseña que eligió cuando se creó la llave.</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Repítala:</translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>Escriba la frase de contraseña.</translation>
    </message>
    <message>
        <source>The passphrase must have at least 8 characters.</source>
        <translation>La frase de contraseña debe tener al menos 8 caracteres.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>The PDF could not be opened ({error}).</source>
        <translation>No se pudo abrir el PDF ({error}).</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Anterior</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Página</translation>
    </message>
    <message>
        <source> of {count}</source>
        <translation> de {count}</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Siguiente ▶</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>&amp;Alejar</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>A&amp;cercar</translation>
    </message>
    <message>
        <source>&amp;Fit width</source>
        <translation>Ajustar al a&amp;ncho</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>&amp;Guardar como…</translation>
    </message>
    <message>
        <source>Open in &amp;system viewer</source>
        <translation>Abrir en el &amp;visor del sistema</translation>
    </message>
    <message>
        <source>This document has no pages to print.</source>
        <translation>Este documento no tiene páginas que imprimir.</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Guardar una copia</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>PrintOptions</name>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>Letter (as in Mexico)</source>
        <translation>Carta (la usual en México)</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>Papel:</translation>
    </message>
</context>
<context>
    <name>PrintRun</name>
    <message numerus="yes">
        <source>Saved %n page(s) to {file}.</source>
        <translation>
            <numerusform>Se guardó %n página en {file}.</numerusform>
            <numerusform>Se guardaron %n páginas en {file}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %n page(s) to {printer} (job {job}).</source>
        <translation>
            <numerusform>Se envió %n página a {printer} (trabajo {job}).</numerusform>
            <numerusform>Se enviaron %n páginas a {printer} (trabajo {job}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %n page(s) to {printer} as images.</source>
        <translation>
            <numerusform>Se envió %n página a {printer} como imágenes.</numerusform>
            <numerusform>Se enviaron %n páginas a {printer} como imágenes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>Printing {file}…</source>
        <translation>Imprimiendo {file}…</translation>
    </message>
    <message>
        <source>Printing was cancelled; nothing was printed.</source>
        <translation>Se canceló la impresión; no se imprimió nada.</translation>
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
    <name>ProjectWorkspace</name>
    <message>
        <source>&amp;Review changes…</source>
        <translation>&amp;Revisar cambios…</translation>
    </message>
    <message>
        <source>Search items</source>
        <translation>Buscar tareas</translation>
    </message>
    <message>
        <source>Search items (title, ID, legal basis, assignee)…</source>
        <translation>Buscar tareas (título, ID, fundamento legal, encargado)…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estatus</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Todos los estatus</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>Todos los responsables</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>Solo vencidas</translation>
    </message>
    <message>
        <source>To verify only</source>
        <translation>Solo por verificar</translation>
    </message>
    <message>
        <source>Checklist items</source>
        <translation>Tareas de las listas de verificación</translation>
    </message>
    <message>
        <source>This project has no checklist items yet. Complete its setup journey to create them.</source>
        <translation>Este proyecto aún no tiene tareas en sus listas de verificación. Complete su recorrido de arranque para crearlas.</translation>
    </message>
    <message>
        <source>{mark} critical path: a delay here moves the finish date. “To verify”: rests on facts not yet confirmed against primary law.</source>
        <translation>{mark} ruta crítica: un retraso aquí recorre la fecha de término. “Por verificar”: se basa en datos aún no confirmados con las fuentes legales primarias.</translation>
    </message>
    <message>
        <source>Red bars: critical path. Red outline: overdue. Pale bars: done. Green line: today. Shaded columns: weekends.</source>
        <translation>Barras rojas: ruta crítica. Contorno rojo: vencida. Barras claras: terminadas. Línea verde: hoy. Columnas sombreadas: fines de semana.</translation>
    </message>
    <message>
        <source>Checklists</source>
        <translation>Listas de verificación</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Cronograma</translation>
    </message>
    <message>
        <source>business case</source>
        <translation>caso de negocio</translation>
    </message>
    <message>
        <source>Save the business case</source>
        <translation>Guardar el caso de negocio</translation>
    </message>
    <message>
        <source>Business case — {client}</source>
        <translation>Caso de negocio — {client}</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>Generación cancelada; no se guardó nada.</translation>
    </message>
    <message>
        <source>Business case</source>
        <translation>Caso de negocio</translation>
    </message>
    <message>
        <source>Forms</source>
        <translation>Formularios</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Proyecto</translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>&amp;Proyecto</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Exportar &amp;PDF…</translation>
    </message>
    <message>
        <source>Export &amp;XLSX…</source>
        <translation>Exportar &amp;XLSX…</translation>
    </message>
    <message>
        <source>&amp;Evidence pack…</source>
        <translation>Paquete de &amp;evidencias…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>{project} — {client} — Checklists</source>
        <translation>{project} — {client} — Listas de verificación</translation>
    </message>
    <message numerus="yes">
        <source>Newer versions of %n checklist(s) are available. Nothing changes until you review and apply them.</source>
        <translation>
            <numerusform>Hay una versión más reciente de %n lista. Nada cambia hasta que la revise y la aplique.</numerusform>
            <numerusform>Hay versiones más recientes de %n listas. Nada cambia hasta que las revise y las aplique.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n checklist(s) moved to the version in force.</source>
        <translation>
            <numerusform>%n lista pasó a la versión vigente.</numerusform>
            <numerusform>%n listas pasaron a la versión vigente.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{closed} of %n item(s) closed</source>
        <translation>
            <numerusform>{closed} de %n tarea cerrada</numerusform>
            <numerusform>{closed} de %n tareas cerradas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n vencida</numerusform>
            <numerusform>%n vencidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to verify</source>
        <translation>
            <numerusform>%n por verificar</numerusform>
            <numerusform>%n por verificar</numerusform>
        </translation>
    </message>
    <message>
        <source>forecast finish {date}</source>
        <translation>término previsto: {date}</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n tarea</numerusform>
            <numerusform>%n tareas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing {shown} of %n item(s)</source>
        <translation>
            <numerusform>Se muestran {shown} de %n tarea</numerusform>
            <numerusform>Se muestran {shown} de %n tareas</numerusform>
        </translation>
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
        <source>Export PDF</source>
        <translation>Exportar PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export XLSX</source>
        <translation>Exportar XLSX</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Libros de Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Evidence pack</source>
        <translation>Paquete de evidencias</translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation>Archivos ZIP (*.zip)</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>Generando {file}…</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Exportación cancelada; no se guardó nada.</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Se guardó {path}</translation>
    </message>
    <message>
        <source>Shelter</source>
        <translation>Albergue</translation>
    </message>
    <message>
        <source>Own entity</source>
        <translation>Entidad propia</translation>
    </message>
</context>
<context>
    <name>RecommendationCard</name>
    <message>
        <source>To verify</source>
        <translation>Por verificar</translation>
    </message>
    <message>
        <source>This rests on a fact the sources do not fully confirm yet: check it before passing it on.</source>
        <translation>Esto se basa en un dato que las fuentes aún no confirman del todo: verifíquelo antes de transmitirlo.</translation>
    </message>
    <message>
        <source>Basis: {rules}</source>
        <translation>Fundamento: {rules}</translation>
    </message>
    <message>
        <source>Checklist items: {items}</source>
        <translation>Tareas de las listas: {items}</translation>
    </message>
    <message>
        <source>Depends on: {answers}</source>
        <translation>Depende de: {answers}</translation>
    </message>
    <message>
        <source>Blocker</source>
        <translation>Impedimento</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Consejo</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Información</translation>
    </message>
</context>
<context>
    <name>RecommendationsView</name>
    <message>
        <source>Recommendations</source>
        <translation>Recomendaciones</translation>
    </message>
    <message>
        <source>No recommendations yet: they appear as the answers come in.</source>
        <translation>Aún no hay recomendaciones: aparecen conforme se capturan las respuestas.</translation>
    </message>
</context>
<context>
    <name>RepeatModel</name>
    <message>
        <source>Not asked for this row</source>
        <translation>No se pregunta en esta fila</translation>
    </message>
</context>
<context>
    <name>RepeatQuestion</name>
    <message>
        <source>Add row</source>
        <translation>Agregar fila</translation>
    </message>
    <message>
        <source>Duplicate row</source>
        <translation>Duplicar fila</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>Quitar fila</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more problem(s) in this table.</source>
        <translation>
            <numerusform>…y %n problema más en esta tabla.</numerusform>
            <numerusform>…y %n problemas más en esta tabla.</numerusform>
        </translation>
    </message>
    <message>
        <source>Row {row}, {column}: </source>
        <translation>Fila {row}, {column}: </translation>
    </message>
    <message>
        <source>{low} to {high} rows</source>
        <translation>de {low} a {high} filas</translation>
    </message>
    <message numerus="yes">
        <source>at least %n row(s)</source>
        <translation>
            <numerusform>al menos %n fila</numerusform>
            <numerusform>al menos %n filas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at most %n row(s)</source>
        <translation>
            <numerusform>como máximo %n fila</numerusform>
            <numerusform>como máximo %n filas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n fila</numerusform>
            <numerusform>%n filas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Backup</source>
        <translation>Respaldo</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>Antes de una actualización</translation>
    </message>
    <message>
        <source>Recovered data</source>
        <translation>Datos recuperados</translation>
    </message>
    <message>
        <source>Not listed (older backup)</source>
        <translation>Sin lista (respaldo anterior)</translation>
    </message>
    <message numerus="yes">
        <source>%n missing or changed</source>
        <translation>
            <numerusform>%n falta o cambió</numerusform>
            <numerusform>%n faltan o cambiaron</numerusform>
        </translation>
    </message>
    <message>
        <source>All present</source>
        <translation>Todos presentes</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurar un respaldo</translation>
    </message>
    <message>
        <source>Choose the backup to put in place of the current database. The current file is not deleted: it is kept aside in {folder}.</source>
        <translation>Elija el respaldo que ocupará el lugar de la base de datos actual. El archivo actual no se borra: se conserva aparte en {folder}.</translation>
    </message>
    <message>
        <source>No backups were found in {folder}. Choose a backup file kept elsewhere.</source>
        <translation>No se encontraron respaldos en {folder}. Elija un archivo de respaldo guardado en otro lugar.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Respaldos</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Stored files</source>
        <translation>Archivos guardados</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Elegir un archivo…</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>Elegir un respaldo</translation>
    </message>
    <message>
        <source>ShelterDesk databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>Bases de datos de ShelterDesk (*.sqlite3 *.sqlite *.db);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Put the backup of {made} in place of the current database?

The current database file is not deleted: it is kept aside in {folder}. The restored data opens here at once.</source>
        <translation>¿Poner el respaldo del {made} en lugar de la base de datos actual?

El archivo actual de la base de datos no se borra: se conserva aparte en {folder}. Los datos restaurados se abren aquí de inmediato.</translation>
    </message>
    <message numerus="yes">
        <source>%n open project window(s) close first.</source>
        <translation>
            <numerusform>Primero se cierra %n ventana de proyecto abierta.</numerusform>
            <numerusform>Primero se cierran %n ventanas de proyecto abiertas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Check the database</source>
        <translation>Verificar la base de datos</translation>
    </message>
    <message>
        <source>A shared PostgreSQL database is checked on its server by its administrator; nothing was checked here.</source>
        <translation>Una base de datos PostgreSQL compartida la verifica en su servidor su administrador; aquí no se verificó nada.</translation>
    </message>
    <message>
        <source>The database file is sound: SQLite&apos;s own check found no problem.

{location}</source>
        <translation>El archivo de la base de datos está sano: la verificación propia de SQLite no encontró ningún problema.

{location}</translation>
    </message>
    <message numerus="yes">
        <source>The database file is damaged: SQLite&apos;s check found %n problem(s). Restore a backup, or recover the data that can still be read.</source>
        <translation>
            <numerusform>El archivo de la base de datos está dañado: la verificación de SQLite encontró %n problema. Restaure un respaldo o recupere los datos que aún se pueden leer.</numerusform>
            <numerusform>El archivo de la base de datos está dañado: la verificación de SQLite encontró %n problemas. Restaure un respaldo o recupere los datos que aún se pueden leer.</numerusform>
        </translation>
    </message>
    <message>
        <source>The backup is in place and open: {location}</source>
        <translation>El respaldo está en su lugar y abierto: {location}</translation>
    </message>
    <message>
        <source>The file it replaced is kept as {path}</source>
        <translation>El archivo que reemplazó se conserva como {path}</translation>
    </message>
    <message numerus="yes">
        <source>%n stored file(s) the backup goes with are missing or changed:</source>
        <translation>
            <numerusform>Falta o cambió %n archivo guardado que acompaña al respaldo:</numerusform>
            <numerusform>Faltan o cambiaron %n archivos guardados que acompañan al respaldo:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) could be read and were copied into a new file:</source>
        <translation>
            <numerusform>Se pudo leer %n fila y se copió a un archivo nuevo:</numerusform>
            <numerusform>Se pudieron leer %n filas y se copiaron a un archivo nuevo:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) could not be read and are lost.</source>
        <translation>
            <numerusform>No se pudo leer %n fila y se perdió.</numerusform>
            <numerusform>No se pudieron leer %n filas y se perdieron.</numerusform>
        </translation>
    </message>
    <message>
        <source>No row was lost.</source>
        <translation>No se perdió ninguna fila.</translation>
    </message>
    <message>
        <source>Open it in place of the damaged database? The damaged file is kept aside, not deleted.</source>
        <translation>¿Abrirlo en lugar de la base de datos dañada? El archivo dañado se conserva aparte, no se borra.</translation>
    </message>
    <message>
        <source>{table}: {rows} copied, {lost} lost</source>
        <translation>{table}: {rows} copiadas, {lost} perdidas</translation>
    </message>
    <message>
        <source>Recover readable data</source>
        <translation>Recuperar los datos legibles</translation>
    </message>
    <message>
        <source>Open it in place</source>
        <translation>Abrirlo en su lugar</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Review the client&apos;s answers</source>
        <translation>Revisar las respuestas del cliente</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>Cliente:</translation>
    </message>
    <message>
        <source>Project:</source>
        <translation>Proyecto:</translation>
    </message>
    <message>
        <source>Form:</source>
        <translation>Formulario:</translation>
    </message>
    <message>
        <source>{title}, version {version}</source>
        <translation>{title}, versión {version}</translation>
    </message>
    <message>
        <source>Response:</source>
        <translation>Respuesta:</translation>
    </message>
    <message>
        <source>signed by the client&apos;s computer (key {key})</source>
        <translation>firmada por la computadora del cliente (llave {key})</translation>
    </message>
    <message>
        <source>⚠ not authenticated: an older response, not signed by the client&apos;s computer</source>
        <translation>⚠ sin autenticar: una respuesta anterior, no firmada por la computadora del cliente</translation>
    </message>
    <message>
        <source>Signed by:</source>
        <translation>Firmada por:</translation>
    </message>
    <message>
        <source>proven: the response was made with the code you told the client</source>
        <translation>probado: la respuesta se hizo con el código que usted le dio al cliente</translation>
    </message>
    <message>
        <source>One-time code:</source>
        <translation>Código de un solo uso:</translation>
    </message>
    <message>
        <source>Attached files:</source>
        <translation>Archivos adjuntos:</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n archivo</numerusform>
            <numerusform>%n archivos</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Review what the client answered</source>
        <translation>Revise lo que respondió el cliente</translation>
    </message>
    <message>
        <source>This response was already imported on {when}; nothing changed. Importing the same file again never changes the project.</source>
        <translation>Esta respuesta ya se importó el {when}; no cambió nada. Importar de nuevo el mismo archivo nunca modifica el proyecto.</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n conflict(s): changed in the project since the package was sent, and the client answered something else. Those rows are not ticked: the project keeps its value unless you tick them.</source>
        <translation>
            <numerusform>⚠ %n conflicto: se cambió en el proyecto después de enviar el paquete y el cliente respondió otra cosa. Esa fila no está marcada: el proyecto conserva su valor a menos que usted la marque.</numerusform>
            <numerusform>⚠ %n conflictos: se cambiaron en el proyecto después de enviar el paquete y el cliente respondió otra cosa. Esas filas no están marcadas: el proyecto conserva sus valores a menos que usted las marque.</numerusform>
        </translation>
    </message>
    <message>
        <source>The client&apos;s answers</source>
        <translation>Las respuestas del cliente</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Aplicar</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estatus</translation>
    </message>
    <message>
        <source>In the project now</source>
        <translation>En el proyecto ahora</translation>
    </message>
    <message>
        <source>When the package was sent</source>
        <translation>Al enviar el paquete</translation>
    </message>
    <message>
        <source>Client&apos;s answer</source>
        <translation>Respuesta del cliente</translation>
    </message>
    <message>
        <source>Show &amp;unchanged fields</source>
        <translation>Mostrar campos sin &amp;cambios</translation>
    </message>
    <message>
        <source>Show answers &amp;recorded only</source>
        <translation>Mostrar respuestas &amp;solo registradas</translation>
    </message>
    <message>
        <source>Accept a&amp;ll</source>
        <translation>Aceptar &amp;todo</translation>
    </message>
    <message>
        <source>Accept &amp;none</source>
        <translation>&amp;No aceptar nada</translation>
    </message>
    <message>
        <source>+ New: the project had no value.  ✎ Changed: differs from the project.  ⚠ Conflict: changed in the project since the package was sent.  = Unchanged.  • Recorded only: kept with the response, feeds no project field.</source>
        <translation>+ Nuevo: el proyecto no tenía valor.  ✎ Modificado: difiere del proyecto.  ⚠ Conflicto: se cambió en el proyecto después de enviar el paquete.  = Sin cambios.  • Solo registrado: se conserva con la respuesta, no alimenta ningún campo del proyecto.</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Aplicar</translation>
    </message>
    <message>
        <source>Tick to put the client&apos;s answer into the project</source>
        <translation>Marque para pasar la respuesta del cliente al proyecto</translation>
    </message>
    <message>
        <source>Changed in the project since the package was sent</source>
        <translation>Se cambió en el proyecto después de enviar el paquete</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Apply %n change(s)</source>
        <translation>
            <numerusform>&amp;Aplicar %n cambio</numerusform>
            <numerusform>&amp;Aplicar %n cambios</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Save the response, change nothing</source>
        <translation>&amp;Guardar la respuesta sin cambiar nada</translation>
    </message>
    <message>
        <source>Response imported</source>
        <translation>Respuesta importada</translation>
    </message>
    <message>
        <source>Saved meanwhile</source>
        <translation>Guardado mientras tanto</translation>
    </message>
    <message>
        <source>Nothing of this response was applied. Import it again to review it against what is saved now.</source>
        <translation>No se aplicó nada de esta respuesta. Impórtela de nuevo para revisarla frente a lo que está guardado ahora.</translation>
    </message>
</context>
<context>
    <name>RolesInput</name>
    <message>
        <source>Role</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>Shifts a day</source>
        <translation>Turnos al día</translation>
    </message>
    <message>
        <source>&amp;Add role</source>
        <translation>Agregar &amp;puesto</translation>
    </message>
    <message>
        <source>&amp;Remove role</source>
        <translation>&amp;Quitar puesto</translation>
    </message>
</context>
<context>
    <name>ScenarioEditor</name>
    <message>
        <source>Headcount plan by role</source>
        <translation>Plantilla por puesto</translation>
    </message>
    <message>
        <source>Add &amp;role</source>
        <translation>&amp;Agregar puesto</translation>
    </message>
    <message>
        <source>Remove role</source>
        <translation>Quitar puesto</translation>
    </message>
    <message>
        <source>Market benefits of the selected role (outside the SBC)</source>
        <translation>Prestaciones de mercado del puesto seleccionado (fuera del SBC)</translation>
    </message>
    <message>
        <source>Row {row}: “{text}” is not a number.</source>
        <translation>Fila {row}: “{text}” no es un número.</translation>
    </message>
    <message>
        <source>New role</source>
        <translation>Puesto nuevo</translation>
    </message>
    <message>
        <source>Compare also with a China supplier (landed cost)</source>
        <translation>Comparar también con un proveedor en China (costo puesto en destino)</translation>
    </message>
    <message>
        <source>One-time start-up costs (USD)</source>
        <translation>Costos únicos de arranque (USD)</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>Agregar concepto</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>Quitar concepto</translation>
    </message>
    <message>
        <source>“{text}” is not an amount.</source>
        <translation>“{text}” no es un monto válido.</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>Concepto nuevo</translation>
    </message>
    <message>
        <source>Type a date as YYYY-MM-DD, e.g. 2025-12-31.</source>
        <translation>Escriba una fecha como AAAA-MM-DD, p. ej., 2025-12-31.</translation>
    </message>
    <message>
        <source>Type a number, e.g. 1,250.50.</source>
        <translation>Escriba un número, p. ej., 1,250.50.</translation>
    </message>
</context>
<context>
    <name>SendPackageDialog</name>
    <message>
        <source>Send a form package</source>
        <translation>Enviar un paquete de formulario</translation>
    </message>
    <message>
        <source>ShelterDesk writes “{form}” for {client} into one file, with the answers the project already holds filled in. The client fills it in on their own computer, even offline, and sends you back an encrypted response only you can open.</source>
        <translation>ShelterDesk guarda “{form}” para {client} en un solo archivo, prellenado con las respuestas que el proyecto ya tiene. El cliente lo llena en su propia computadora, incluso sin conexión, y le devuelve una respuesta cifrada que solo usted puede abrir.</translation>
    </message>
    <message>
        <source>the client</source>
        <translation>su cliente</translation>
    </message>
    <message>
        <source>(a new key is made now)</source>
        <translation>(se crea ahora una llave nueva)</translation>
    </message>
    <message>
        <source>The client can switch language while filling in the form.</source>
        <translation>El cliente puede cambiar de idioma mientras llena el formulario.</translation>
    </message>
    <message>
        <source>&amp;Protect with a one-time code that I tell the client by phone</source>
        <translation>&amp;Proteger con un código de un solo uso que le doy al cliente por teléfono</translation>
    </message>
    <message>
        <source>The file travels by e-mail, where others may see it. With a code, only someone you told the code to can send a response you will accept. ShelterDesk shows the code once the package is saved.</source>
        <translation>El archivo viaja por correo, donde otros podrían verlo. Con un código, solo alguien a quien usted le dio el código puede enviar una respuesta que usted aceptará. ShelterDesk muestra el código al guardar el paquete.</translation>
    </message>
    <message>
        <source>&amp;Choose the file…</source>
        <translation>&amp;Elegir el archivo…</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <source>Your key&apos;s fingerprint:</source>
        <translation>Huella digital de su llave:</translation>
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
        <source>e.g. Lucía Treviño</source>
        <translation>p. ej., Lucía Treviño</translation>
    </message>
    <message>
        <source>Printed on documents of projects that name no consultant, and kept in the history (which otherwise records the computer&apos;s login).</source>
        <translation>Se imprime en los documentos de los proyectos que no indican consultor, y queda en el historial (que de otro modo registra el usuario de la computadora).</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <source>e.g. Albergue Industrial del Norte, S.A. de C.V.</source>
        <translation>p. ej., Albergue Industrial del Norte, S.A. de C.V.</translation>
    </message>
    <message>
        <source>Shelter provider (on business-case covers)</source>
        <translation>Empresa albergue (en las portadas de los casos de negocio)</translation>
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
<context>
    <name>StepPage</name>
    <message>
        <source>* Required</source>
        <translation>* Obligatorio</translation>
    </message>
</context>
<context>
    <name>WageZoneBox</name>
    <message>
        <source>Minimum-wage zone</source>
        <translation>Zona del salario mínimo</translation>
    </message>
    <message>
        <source>Choose the state and enter the city: the zone is derived from them.</source>
        <translation>Elija el estado y escriba la ciudad: la zona se deriva de ellos.</translation>
    </message>
    <message>
        <source>To verify: ShelterDesk knows only part of the official list of border-zone municipalities, and this one is not on it. Check it against the official list before relying on the general zone.</source>
        <translation>Por verificar: ShelterDesk conoce solo parte de la lista oficial de municipios de la zona fronteriza, y este no aparece en ella. Compruébelo con la lista oficial antes de dar por buena la zona general.</translation>
    </message>
    <message>
        <source>Derived from the state and municipality; it sets the legal wage floor.</source>
        <translation>Se deriva del estado y del municipio; fija el salario mínimo legal.</translation>
    </message>
    <message>
        <source>Northern border free zone (ZLFN)</source>
        <translation>Zona Libre de la Frontera Norte (ZLFN)</translation>
    </message>
    <message>
        <source>General zone</source>
        <translation>Zona general</translation>
    </message>
    <message>
        <source>{zone} — {municipality}, {state}</source>
        <translation>{zone} — {municipality}, {state}</translation>
    </message>
</context>
<context>
    <name>_ReviewPage</name>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Click a problem, or select it and press Enter, to go to its question.</source>
        <translation>Haga clic en un problema, o selecciónelo y presione Enter, para ir a su pregunta.</translation>
    </message>
    <message>
        <source>Every question is answered as the form asks. You can send your response.</source>
        <translation>Todas las preguntas están respondidas como lo pide el formulario. Ya puede enviar su respuesta.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix before the response can be sent:</source>
        <translation>
            <numerusform>%n problema por corregir antes de poder enviar la respuesta:</numerusform>
            <numerusform>%n problemas por corregir antes de poder enviar la respuesta:</numerusform>
        </translation>
    </message>
</context>
</TS>
