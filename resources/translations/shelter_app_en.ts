<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
        <source>%n demo client(s) added.</source>
        <translation>
            <numerusform>%n demo client added.</numerusform>
            <numerusform>%n demo clients added.</numerusform>
        </translation>
    </message>
</context>
</TS>
