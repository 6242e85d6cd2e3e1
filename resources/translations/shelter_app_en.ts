<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AnswersSummary</name>
    <message numerus="yes">
        <source>{role}: headcount {headcount}, %n shift(s) a day</source>
        <translation>
            <numerusform>{role}: headcount {headcount}, %n shift a day</numerusform>
            <numerusform>{role}: headcount {headcount}, %n shifts a day</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BusinessCasePage</name>
    <message numerus="yes">
        <source>%n indicative figure(s) from the prefill, in yellow: replace them with the client&apos;s own.</source>
        <translation>
            <numerusform>%n indicative figure from the prefill, in yellow: replace it with the client&apos;s own.</numerusform>
            <numerusform>%n indicative figures from the prefill, in yellow: replace them with the client&apos;s own.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BusinessResults</name>
    <message numerus="yes">
        <source>not within %n year(s)</source>
        <translation>
            <numerusform>not within %n year</numerusform>
            <numerusform>not within %n years</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChecklistTreeModel</name>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClientWindow</name>
    <message numerus="yes">
        <source>%n answer(s) still need attention. They are listed on the review page: click one to go to its question.</source>
        <translation>
            <numerusform>%n answer still needs attention. It is listed on the review page: click it to go to its question.</numerusform>
            <numerusform>%n answers still need attention. They are listed on the review page: click one to go to its question.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FormReview</name>
    <message numerus="yes">
        <source>%n field(s) of the project updated from the response.</source>
        <translation>
            <numerusform>%n field of the project updated from the response.</numerusform>
            <numerusform>%n fields of the project updated from the response.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) left out: the project keeps its values.</source>
        <translation>
            <numerusform>%n answer left out: the project keeps its value.</numerusform>
            <numerusform>%n answers left out: the project keeps its values.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attached file(s) kept with the project.</source>
        <translation>
            <numerusform>%n attached file kept with the project.</numerusform>
            <numerusform>%n attached files kept with the project.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FormView</name>
    <message numerus="yes">
        <source>%n problem(s) on this page</source>
        <translation>
            <numerusform>%n problem on this page</numerusform>
            <numerusform>%n problems on this page</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix</source>
        <translation>
            <numerusform>%n problem to fix</numerusform>
            <numerusform>%n problems to fix</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ItemPanel</name>
    <message numerus="yes">
        <source>Evidence (%n file(s))</source>
        <translation>
            <numerusform>Evidence (%n file)</numerusform>
            <numerusform>Evidence (%n files)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n client</numerusform>
            <numerusform>%n clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dated reminder(s) written to {file}.</source>
        <translation>
            <numerusform>%n dated reminder written to {file}.</numerusform>
            <numerusform>%n dated reminders written to {file}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more wait for a grant (for example the IMMEX authorization) and are dated once its checklist item is marked done.</source>
        <translation>
            <numerusform>%n more waits for a grant (for example the IMMEX authorization) and is dated once its checklist item is marked done.</numerusform>
            <numerusform>%n more wait for a grant (for example the IMMEX authorization) and are dated once its checklist item is marked done.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n obligation(s) apply on each event or at all times and have no date.</source>
        <translation>
            <numerusform>%n obligation applies on each event or at all times and has no date.</numerusform>
            <numerusform>%n obligations apply on each event or at all times and have no date.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n demo client(s) added.</source>
        <translation>
            <numerusform>%n demo client added.</numerusform>
            <numerusform>%n demo clients added.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintRun</name>
    <message numerus="yes">
        <source>Saved %n page(s) to {file}.</source>
        <translation>
            <numerusform>Saved %n page to {file}.</numerusform>
            <numerusform>Saved %n pages to {file}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %n page(s) to {printer} (job {job}).</source>
        <translation>
            <numerusform>Sent %n page to {printer} (job {job}).</numerusform>
            <numerusform>Sent %n pages to {printer} (job {job}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %n page(s) to {printer} as images.</source>
        <translation>
            <numerusform>Sent %n page to {printer} as images.</numerusform>
            <numerusform>Sent %n pages to {printer} as images.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProjectWorkspace</name>
    <message numerus="yes">
        <source>Newer versions of %n checklist(s) are available. Nothing changes until you review and apply them.</source>
        <translation>
            <numerusform>A newer version of %n checklist is available. Nothing changes until you review and apply it.</numerusform>
            <numerusform>Newer versions of %n checklists are available. Nothing changes until you review and apply them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n checklist(s) moved to the version in force.</source>
        <translation>
            <numerusform>%n checklist moved to the version in force.</numerusform>
            <numerusform>%n checklists moved to the version in force.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{closed} of %n item(s) closed</source>
        <translation>
            <numerusform>{closed} of %n item closed</numerusform>
            <numerusform>{closed} of %n items closed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to verify</source>
        <translation>
            <numerusform>%n to verify</numerusform>
            <numerusform>%n to verify</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing {shown} of %n item(s)</source>
        <translation>
            <numerusform>Showing {shown} of %n item</numerusform>
            <numerusform>Showing {shown} of %n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RepeatQuestion</name>
    <message numerus="yes">
        <source>…and %n more problem(s) in this table.</source>
        <translation>
            <numerusform>…and %n more problem in this table.</numerusform>
            <numerusform>…and %n more problems in this table.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at least %n row(s)</source>
        <translation>
            <numerusform>at least %n row</numerusform>
            <numerusform>at least %n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at most %n row(s)</source>
        <translation>
            <numerusform>at most %n row</numerusform>
            <numerusform>at most %n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message numerus="yes">
        <source>%n missing or changed</source>
        <translation>
            <numerusform>%n missing or changed</numerusform>
            <numerusform>%n missing or changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open project window(s) close first.</source>
        <translation>
            <numerusform>%n open project window closes first.</numerusform>
            <numerusform>%n open project windows close first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The database file is damaged: SQLite&apos;s check found %n problem(s). Restore a backup, or recover the data that can still be read.</source>
        <translation>
            <numerusform>The database file is damaged: SQLite&apos;s check found %n problem. Restore a backup, or recover the data that can still be read.</numerusform>
            <numerusform>The database file is damaged: SQLite&apos;s check found %n problems. Restore a backup, or recover the data that can still be read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stored file(s) the backup goes with are missing or changed:</source>
        <translation>
            <numerusform>%n stored file the backup goes with is missing or changed:</numerusform>
            <numerusform>%n stored files the backup goes with are missing or changed:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) could be read and were copied into a new file:</source>
        <translation>
            <numerusform>%n row could be read and was copied into a new file:</numerusform>
            <numerusform>%n rows could be read and were copied into a new file:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) could not be read and are lost.</source>
        <translation>
            <numerusform>%n row could not be read and is lost.</numerusform>
            <numerusform>%n rows could not be read and are lost.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n conflict(s): changed in the project since the package was sent, and the client answered something else. Those rows are not ticked: the project keeps its value unless you tick them.</source>
        <translation>
            <numerusform>⚠ %n conflict: changed in the project since the package was sent, and the client answered something else. That row is not ticked: the project keeps its value unless you tick it.</numerusform>
            <numerusform>⚠ %n conflicts: changed in the project since the package was sent, and the client answered something else. Those rows are not ticked: the project keeps its values unless you tick them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Apply %n change(s)</source>
        <translation>
            <numerusform>&amp;Apply %n change</numerusform>
            <numerusform>&amp;Apply %n changes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_ReviewPage</name>
    <message numerus="yes">
        <source>%n problem(s) to fix before the response can be sent:</source>
        <translation>
            <numerusform>%n problem to fix before the response can be sent:</numerusform>
            <numerusform>%n problems to fix before the response can be sent:</numerusform>
        </translation>
    </message>
</context>
</TS>
