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
    <name>AuditText</name>
    <message numerus="yes">
        <source>secrets are due for regeneration after %n day(s)</source>
        <translation>
            <numerusform>secrets are due for regeneration after %n day</numerusform>
            <numerusform>secrets are due for regeneration after %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkKeyRules</name>
    <message numerus="yes">
        <source>Deactivated %n key(s).</source>
        <translation>
            <numerusform>Deactivated %n key.</numerusform>
            <numerusform>Deactivated %n keys.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Activated %n key(s).</source>
        <translation>
            <numerusform>Activated %n key.</numerusform>
            <numerusform>Activated %n keys.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoked %n key(s).</source>
        <translation>
            <numerusform>Revoked %n key.</numerusform>
            <numerusform>Revoked %n keys.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n key(s).</source>
        <translation>
            <numerusform>Deleted %n key.</numerusform>
            <numerusform>Deleted %n keys.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shortened the expiry of %n key(s).</source>
        <translation>
            <numerusform>Shortened the expiry of %n key.</numerusform>
            <numerusform>Shortened the expiry of %n keys.</numerusform>
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
    <name>ExpiryAlerts</name>
    <message numerus="yes">
        <source>API key &quot;%1&quot; (%2) expires in %n day(s)</source>
        <translation>
            <numerusform>API key &quot;%1&quot; (%2) expires in %n day</numerusform>
            <numerusform>API key &quot;%1&quot; (%2) expires in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Grace period of &quot;%1&quot; (%2) ends in %n day(s)</source>
        <translation>
            <numerusform>Grace period of &quot;%1&quot; (%2) ends in %n day</numerusform>
            <numerusform>Grace period of &quot;%1&quot; (%2) ends in %n days</numerusform>
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
    <name>KeyBulkCommands</name>
    <message numerus="yes">
        <source>Not changing %n Production key(s) without confirmation: add --yes. (%1)</source>
        <translation>
            <numerusform>Not changing %n Production key without confirmation: add --yes. (%1)</numerusform>
            <numerusform>Not changing %n Production keys without confirmation: add --yes. (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %n Production key(s): %2? Services using them stop working. Type &quot;yes&quot; to go ahead:</source>
        <translation>
            <numerusform>%1 %n Production key: %2? Services using it stop working. Type &quot;yes&quot; to go ahead:</numerusform>
            <numerusform>%1 %n Production keys: %2? Services using them stop working. Type &quot;yes&quot; to go ahead:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left %n key(s) as they were (already done).</source>
        <translation>
            <numerusform>Left %n key as it was (already done).</numerusform>
            <numerusform>Left %n keys as they were (already done).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refused %n key(s):</source>
        <translation>
            <numerusform>Refused %n key:</numerusform>
            <numerusform>Refused %n keys:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n key(s) to %1.</source>
        <translation>
            <numerusform>Wrote %n key to %1.</numerusform>
            <numerusform>Wrote %n keys to %1.</numerusform>
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
    <name>Keyward::BulkConfirmDialog</name>
    <message numerus="yes">
        <source>%n selected key(s) are left out:</source>
        <translation>
            <numerusform>%n selected key is left out:</numerusform>
            <numerusform>%n selected keys are left out:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them are Production keys. To confirm, type how many: %n</source>
        <translation>
            <numerusform>%n of them is a Production key. To confirm, type how many: %n</numerusform>
            <numerusform>%n of them are Production keys. To confirm, type how many: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deactivate %n key(s)?</source>
        <translation>
            <numerusform>Deactivate %n key?</numerusform>
            <numerusform>Deactivate %n keys?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Activate %n key(s)?</source>
        <translation>
            <numerusform>Activate %n key?</numerusform>
            <numerusform>Activate %n keys?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n key(s)?</source>
        <translation>
            <numerusform>Revoke %n key?</numerusform>
            <numerusform>Revoke %n keys?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n key(s)?</source>
        <translation>
            <numerusform>Delete %n key?</numerusform>
            <numerusform>Delete %n keys?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shorten the expiry of %n key(s)?</source>
        <translation>
            <numerusform>Shorten the expiry of %n key?</numerusform>
            <numerusform>Shorten the expiry of %n keys?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Deactivate %n Key(s)</source>
        <translation>
            <numerusform>&amp;Deactivate %n Key</numerusform>
            <numerusform>&amp;Deactivate %n Keys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Activate %n Key(s)</source>
        <translation>
            <numerusform>&amp;Activate %n Key</numerusform>
            <numerusform>&amp;Activate %n Keys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Revoke %n Key(s)</source>
        <translation>
            <numerusform>&amp;Revoke %n Key</numerusform>
            <numerusform>&amp;Revoke %n Keys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Delete %n Key(s)</source>
        <translation>
            <numerusform>&amp;Delete %n Key</numerusform>
            <numerusform>&amp;Delete %n Keys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Shorten %n Expiry Date(s)</source>
        <translation>
            <numerusform>&amp;Shorten %n Expiry Date</numerusform>
            <numerusform>&amp;Shorten %n Expiry Dates</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Keyward::BulkKeyCommands</name>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… and %n more.</numerusform>
            <numerusform>… and %n more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) were not changed:</source>
        <translation>
            <numerusform>%n key was not changed:</numerusform>
            <numerusform>%n keys were not changed:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) were not changed.</source>
        <translation>
            <numerusform>%n key was not changed.</numerusform>
            <numerusform>%n keys were not changed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n key(s) to %1.</source>
        <translation>
            <numerusform>Exported %n key to %1.</numerusform>
            <numerusform>Exported %n keys to %1.</numerusform>
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
    <name>Keyward::ExpiryWatcher</name>
    <message numerus="yes">
        <source>%n API key(s) in %1 need attention</source>
        <translation>
            <numerusform>%n API key in %1 needs attention</numerusform>
            <numerusform>%n API keys in %1 need attention</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Keyward::HygieneActions</name>
    <message numerus="yes">
        <source>%n finding(s) dismissed.</source>
        <translation>
            <numerusform>%n finding dismissed.</numerusform>
            <numerusform>%n findings dismissed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) restored.</source>
        <translation>
            <numerusform>%n finding restored.</numerusform>
            <numerusform>%n findings restored.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Keyward::HygieneDismissDialog</name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Keyward::HygienePage</name>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n finding</numerusform>
            <numerusform>%n findings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n dismissed</source>
        <translation>
            <numerusform>%1, %n dismissed</numerusform>
            <numerusform>%1, %n dismissed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Keyward::KeyActions</name>
    <message numerus="yes">
        <source>Let the %n selected keys work again</source>
        <translation>
            <numerusform>Let the %n selected keys work again</numerusform>
            <numerusform>Let the %n selected keys work again</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stop the %n selected keys until they are activated again</source>
        <translation>
            <numerusform>Stop the %n selected keys until they are activated again</numerusform>
            <numerusform>Stop the %n selected keys until they are activated again</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stop the %n selected keys permanently; their history is kept</source>
        <translation>
            <numerusform>Stop the %n selected keys permanently; their history is kept</numerusform>
            <numerusform>Stop the %n selected keys permanently; their history is kept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove the %n selected keys; the audit log keeps their history</source>
        <translation>
            <numerusform>Remove the %n selected keys; the audit log keeps their history</numerusform>
            <numerusform>Remove the %n selected keys; the audit log keeps their history</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Make the %n selected keys expire sooner (never later)</source>
        <translation>
            <numerusform>Make the %n selected keys expire sooner (never later)</numerusform>
            <numerusform>Make the %n selected keys expire sooner (never later)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Save the %n selected keys&apos; details as CSV or JSON (never a secret)</source>
        <translation>
            <numerusform>Save the %n selected keys&apos; details as CSV or JSON (never a secret)</numerusform>
            <numerusform>Save the %n selected keys&apos; details as CSV or JSON (never a secret)</numerusform>
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
        <source>%n keys selected. Deactivate, Activate, Revoke, Delete, Shorten Expiry and Export Selected apply to all of them.</source>
        <translation>
            <numerusform>%n keys selected. Deactivate, Activate, Revoke, Delete, Shorten Expiry and Export Selected apply to all of them.</numerusform>
            <numerusform>%n keys selected. Deactivate, Activate, Revoke, Delete, Shorten Expiry and Export Selected apply to all of them.</numerusform>
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
    <name>Keyward::KeyFilterBar</name>
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
    <name>Keyward::KeyTableModel</name>
    <message numerus="yes">
        <source>Its secret is older than the vault&apos;s rotation policy allows (%n day(s)): regenerate it.</source>
        <translation>
            <numerusform>Its secret is older than the vault&apos;s rotation policy allows (%n day): regenerate it.</numerusform>
            <numerusform>Its secret is older than the vault&apos;s rotation policy allows (%n days): regenerate it.</numerusform>
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
    <name>Keyward::RotationPolicyRow</name>
    <message numerus="yes">
        <source>Rotation policy set: secrets are due for regeneration after %n day(s).</source>
        <translation>
            <numerusform>Rotation policy set: secrets are due for regeneration after %n day.</numerusform>
            <numerusform>Rotation policy set: secrets are due for regeneration after %n days.</numerusform>
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
    <name>ReportCommands</name>
    <message numerus="yes">
        <source>Rotation policy: a key&apos;s secret is due for regeneration after %n day(s).</source>
        <translation>
            <numerusform>Rotation policy: a key&apos;s secret is due for regeneration after %n day.</numerusform>
            <numerusform>Rotation policy: a key&apos;s secret is due for regeneration after %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No findings: every key is looked after (%n dismissed, see --include-dismissed).</source>
        <translation>
            <numerusform>No findings: every key is looked after (%n dismissed, see --include-dismissed).</numerusform>
            <numerusform>No findings: every key is looked after (%n dismissed, see --include-dismissed).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VaultBackupCommand</name>
    <message numerus="yes">
        <source>Backed up %1 to the vault file %2 (%3, %n key(s)), signed and checked: no damage.</source>
        <translation>
            <numerusform>Backed up %1 to the vault file %2 (%3, %n key), signed and checked: no damage.</numerusform>
            <numerusform>Backed up %1 to the vault file %2 (%3, %n keys), signed and checked: no damage.</numerusform>
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
