<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AuditCommands</name>
    <message numerus="yes">
        <source>The audit log is intact (%n entries checked).</source>
        <translation>
            <numerusform>The audit log is intact (%n entry checked).</numerusform>
            <numerusform>The audit log is intact (%n entries checked).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckFormatCommand</name>
    <message numerus="yes">
        <source>keywardctl: %n Keyward key(s) found. Revoke each in its vault (&quot;keywardctl key list&quot; shows the hints) and remove it from the history.</source>
        <translation>
            <numerusform>keywardctl: %n Keyward key found. Revoke it in its vault (&quot;keywardctl key list&quot; shows the hints) and remove it from the history.</numerusform>
            <numerusform>keywardctl: %n Keyward keys found. Revoke each in its vault (&quot;keywardctl key list&quot; shows the hints) and remove them from the history.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DbCommands</name>
    <message numerus="yes">
        <source>Statements run (%n):</source>
        <translation>
            <numerusform>Statement run (%n):</numerusform>
            <numerusform>Statements run (%n):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message numerus="yes">
        <source>%1 +%n more</source>
        <translation>
            <numerusform>%1 +%n more</numerusform>
            <numerusform>%1 +%n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation>
            <numerusform>in %n minute</numerusform>
            <numerusform>in %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n hour(s)</source>
        <translation>
            <numerusform>in %n hour</numerusform>
            <numerusform>in %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n month(s)</source>
        <translation>
            <numerusform>in %n month</numerusform>
            <numerusform>in %n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) ago</source>
        <translation>
            <numerusform>%n month ago</numerusform>
            <numerusform>%n months ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n year(s)</source>
        <translation>
            <numerusform>in %n year</numerusform>
            <numerusform>in %n years</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) ago</source>
        <translation>
            <numerusform>%n year ago</numerusform>
            <numerusform>%n years ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HygieneReport</name>
    <message numerus="yes">
        <source>Never used in the %n day(s) since it was created.</source>
        <translation>
            <numerusform>Never used in the %n day since it was created.</numerusform>
            <numerusform>Never used in the %n days since it was created.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not used for %n day(s) (last on %1).</source>
        <translation>
            <numerusform>Not used for %n day (last on %1).</numerusform>
            <numerusform>Not used for %n days (last on %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Valid for %n day(s) in all (until %1).</source>
        <translation>
            <numerusform>Valid for %n day in all (until %1).</numerusform>
            <numerusform>Valid for %n days in all (until %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Its secret is %n day(s) old; the rotation policy allows %1.</source>
        <translation>
            <numerusform>Its secret is %n day old; the rotation policy allows %1.</numerusform>
            <numerusform>Its secret is %n days old; the rotation policy allows %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeyImpact</name>
    <message numerus="yes">
        <source>At least %n request(s) presented %1 in the last 7 days: %2.</source>
        <translation>
            <numerusform>At least %n request presented %1 in the last 7 days: %2.</numerusform>
            <numerusform>At least %n requests presented %1 in the last 7 days: %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) presented %1 in the last 7 days: %2.</source>
        <translation>
            <numerusform>%n request presented %1 in the last 7 days: %2.</numerusform>
            <numerusform>%n requests presented %1 in the last 7 days: %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) in the last 7 days: %1.</source>
        <translation>
            <numerusform>%n request in the last 7 days: %1.</numerusform>
            <numerusform>%n requests in the last 7 days: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Still in use: %n source(s) presented it in the last 7 days.</source>
        <translation>
            <numerusform>Still in use: %n source presented it in the last 7 days.</numerusform>
            <numerusform>Still in use: %n sources presented it in the last 7 days.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeyQueryCommands</name>
    <message numerus="yes">
        <source>Wrote %n event(s) to %1.</source>
        <translation>
            <numerusform>Wrote %n event to %1.</numerusform>
            <numerusform>Wrote %n events to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeyUsageCommand</name>
    <message numerus="yes">
        <source>Requests per hour, last %n hour(s) (UTC):</source>
        <translation>
            <numerusform>Requests per hour, last %n hour (UTC):</numerusform>
            <numerusform>Requests per hour, last %n hours (UTC):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Used %n time(s) (no usage limit).</source>
        <translation>
            <numerusform>Used %n time (no usage limit).</numerusform>
            <numerusform>Used %n times (no usage limit).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Keyward::ApiKeysPage</name>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n key</numerusform>
            <numerusform>%n keys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n key(s) shown</source>
        <translation>
            <numerusform>%1 of %n key shown</numerusform>
            <numerusform>%1 of %n keys shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Keyward::AuditLogPage</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The audit chain is intact: %Ln row(s) checked.</source>
        <translation>
            <numerusform>The audit chain is intact: %Ln row checked.</numerusform>
            <numerusform>The audit chain is intact: %Ln rows checked.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Latest %Ln event(s)</source>
        <translation>
            <numerusform>Latest %Ln event</numerusform>
            <numerusform>Latest %Ln events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Keyward::BackupCommands</name>
    <message numerus="yes">
        <source>Wrote %n event(s) to %1.</source>
        <translation>
            <numerusform>Wrote %n event to %1.</numerusform>
            <numerusform>Wrote %n events to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Keyward::ConnectionBanner</name>
    <message numerus="yes">
        <source>Connection to %1 lost — retrying in %n s…</source>
        <translation>
            <numerusform>Connection to %1 lost — retrying in %n s…</numerusform>
            <numerusform>Connection to %1 lost — retrying in %n s…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Keyward::KeyDetailsPane</name>
    <message numerus="yes">
        <source>%Ln request(s): %1</source>
        <translation>
            <numerusform>%Ln request: %1</numerusform>
            <numerusform>%Ln requests: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Still presenting the previous secret (%n source(s)):</source>
        <translation>
            <numerusform>Still presenting the previous secret (%n source):</numerusform>
            <numerusform>Still presenting the previous secret (%n sources):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Keyward::MainWindow</name>
    <message numerus="yes">
        <source>Locked after %n minute(s) without activity.</source>
        <translation>
            <numerusform>Locked after %n minute without activity.</numerusform>
            <numerusform>Locked after %n minutes without activity.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Keyward::RevealKeyDialog</name>
    <message numerus="yes">
        <source>Copies the key; the clipboard is cleared after %n second(s)</source>
        <translation>
            <numerusform>Copies the key; the clipboard is cleared after %n second</numerusform>
            <numerusform>Copies the key; the clipboard is cleared after %n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Clipboard clears in %n s</source>
        <translation>
            <numerusform>Clipboard clears in %n s</numerusform>
            <numerusform>Clipboard clears in %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Keyward::UsageChartView</name>
    <message numerus="yes">
        <source>%1: %n request(s)</source>
        <translation>
            <numerusform>%1: %n request</numerusform>
            <numerusform>%1: %n requests</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Keyward::WhyRejectedDialog</name>
    <message numerus="yes">
        <source>Missing grant(s) %1.</source>
        <translation>
            <numerusform>Missing grant %1.</numerusform>
            <numerusform>Missing grants %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutcomeText</name>
    <message numerus="yes">
        <source>%Ln valid</source>
        <translation>
            <numerusform>%Ln valid</numerusform>
            <numerusform>%Ln valid</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unauthorized (401)</source>
        <translation>
            <numerusform>%Ln unauthorized (401)</numerusform>
            <numerusform>%Ln unauthorized (401)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln forbidden (403)</source>
        <translation>
            <numerusform>%Ln forbidden (403)</numerusform>
            <numerusform>%Ln forbidden (403)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln too many (429)</source>
        <translation>
            <numerusform>%Ln too many (429)</numerusform>
            <numerusform>%Ln too many (429)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VaultCheckCommand</name>
    <message numerus="yes">
        <source>%1 is damaged (%n problem(s) found). Restore it from a backup.</source>
        <translation>
            <numerusform>%1 is damaged (%n problem found). Restore it from a backup.</numerusform>
            <numerusform>%1 is damaged (%n problems found). Restore it from a backup.</numerusform>
        </translation>
    </message>
</context>
</TS>
