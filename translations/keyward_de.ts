<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Application</name>
    <message>
        <source>Create a new vault; you become its Owner</source>
        <translation>Einen neuen Tresor anlegen; Sie werden sein Besitzer</translation>
    </message>
    <message>
        <source>Create a key and print its token, once</source>
        <translation>Einen Schlüssel erstellen und sein Token einmalig ausgeben</translation>
    </message>
    <message>
        <source>List the keys</source>
        <translation>Die Schlüssel auflisten</translation>
    </message>
    <message>
        <source>Show one key</source>
        <translation>Einen Schlüssel anzeigen</translation>
    </message>
    <message>
        <source>Rename a key</source>
        <translation>Einen Schlüssel umbenennen</translation>
    </message>
    <message>
        <source>Stop a key until it is activated again</source>
        <translation>Einen Schlüssel anhalten, bis er wieder aktiviert wird</translation>
    </message>
    <message>
        <source>Activate a deactivated key</source>
        <translation>Einen deaktivierten Schlüssel aktivieren</translation>
    </message>
    <message>
        <source>Revoke a key for good</source>
        <translation>Einen Schlüssel endgültig widerrufen</translation>
    </message>
    <message>
        <source>Delete a key (the audit log keeps its history)</source>
        <translation>Einen Schlüssel löschen (das Prüfprotokoll behält seinen Verlauf)</translation>
    </message>
    <message>
        <source>Give a key a new secret and print it, once</source>
        <translation>Einem Schlüssel ein neues Geheimnis geben und es einmalig ausgeben</translation>
    </message>
    <message>
        <source>Check a token as an API would (no login needed)</source>
        <translation>Ein Token wie eine API prüfen (ohne Anmeldung)</translation>
    </message>
    <message>
        <source>Add a member</source>
        <translation>Ein Mitglied hinzufügen</translation>
    </message>
    <message>
        <source>List the members</source>
        <translation>Die Mitglieder auflisten</translation>
    </message>
    <message>
        <source>Remove a member; their keys are deactivated</source>
        <translation>Ein Mitglied entfernen; seine Schlüssel werden deaktiviert</translation>
    </message>
    <message>
        <source>Change a member&apos;s role</source>
        <translation>Die Rolle eines Mitglieds ändern</translation>
    </message>
    <message>
        <source>Show the audit log</source>
        <translation>Das Prüfprotokoll anzeigen</translation>
    </message>
    <message>
        <source>Check that no audit entry was changed or removed</source>
        <translation>Prüfen, dass kein Protokolleintrag geändert oder entfernt wurde</translation>
    </message>
    <message>
        <source>Missing value after &quot;%1&quot;.</source>
        <translation>Fehlender Wert nach „%1“.</translation>
    </message>
    <message>
        <source>Unknown option &quot;%1&quot;.</source>
        <translation>Unbekannte Option „%1“.</translation>
    </message>
    <message>
        <source>Give a command.</source>
        <translation>Geben Sie einen Befehl an.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Unbekannter Befehl „%1“.</translation>
    </message>
    <message>
        <source>keywardctl %1 commands: %2</source>
        <translation>Befehle von keywardctl %1: %2</translation>
    </message>
    <message>
        <source>Say which %1 command: %2.</source>
        <translation>Geben Sie einen %1-Befehl an: %2.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1 %2&quot;; %1 commands are: %3.</source>
        <translation>Unbekannter Befehl „%1 %2“; die %1-Befehle sind: %3.</translation>
    </message>
    <message>
        <source>Run &quot;keywardctl --help&quot; for the commands.</source>
        <translation>Führen Sie „keywardctl --help“ aus, um die Befehle zu sehen.</translation>
    </message>
    <message>
        <source>Manage a Keyward vault&apos;s API keys from scripts and services.</source>
        <translation>Die API-Schlüssel eines Keyward-Tresors aus Skripten und Diensten verwalten.</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>Run &quot;keywardctl COMMAND --help&quot; for a command&apos;s options.</source>
        <translation>Führen Sie „keywardctl BEFEHL --help“ aus, um die Optionen eines Befehls zu sehen.</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>Umgebungsvariablen:</translation>
    </message>
    <message>
        <source>  KEYWARD_MEMBER          who you are, unless --member is given</source>
        <translation>  KEYWARD_MEMBER          wer Sie sind, sofern --member nicht angegeben ist</translation>
    </message>
    <message>
        <source>  KEYWARD_PASSPHRASE      your passphrase (otherwise asked on the terminal)</source>
        <translation>  KEYWARD_PASSPHRASE      Ihre Passphrase (sonst wird im Terminal danach gefragt)</translation>
    </message>
    <message>
        <source>Exit codes:</source>
        <translation>Exit-Codes:</translation>
    </message>
    <message>
        <source>  0  done; verify: the key is valid (HTTP 200)</source>
        <translation>  0  erledigt; verify: der Schlüssel ist gültig (HTTP 200)</translation>
    </message>
    <message>
        <source>  2  usage error: unknown command or option, missing or unreadable argument</source>
        <translation>  2  Aufruffehler: unbekannter Befehl oder unbekannte Option, fehlendes oder unlesbares Argument</translation>
    </message>
    <message>
        <source>Show a key&apos;s requests per hour and its newest requests</source>
        <translation>Die Anfragen eines Schlüssels pro Stunde und seine neuesten Anfragen anzeigen</translation>
    </message>
    <message>
        <source>Turn an empty PostgreSQL database into a vault (database owner, once)</source>
        <translation>Eine leere PostgreSQL-Datenbank in einen Tresor umwandeln (Datenbankbesitzer, einmalig)</translation>
    </message>
    <message>
        <source>Make a PostgreSQL login a member of the vault</source>
        <translation>Eine PostgreSQL-Anmeldung zu einem Mitglied des Tresors machen</translation>
    </message>
    <message>
        <source>Make a PostgreSQL login a verifier (for services)</source>
        <translation>Eine PostgreSQL-Anmeldung zu einem Prüfer machen (für Dienste)</translation>
    </message>
    <message>
        <source>Copy a whole vault between a file and a PostgreSQL database</source>
        <translation>Einen ganzen Tresor zwischen einer Datei und einer PostgreSQL-Datenbank kopieren</translation>
    </message>
    <message>
        <source>  KEYWARD_DB              a PostgreSQL vault&apos;s connection string, unless --vault is given (the password: ~/.pgpass, PGPASSWORD or a prompt)</source>
        <translation>  KEYWARD_DB              die Verbindungszeichenfolge eines PostgreSQL-Tresors, sofern --vault nicht angegeben ist (das Passwort: ~/.pgpass, PGPASSWORD oder eine Abfrage)</translation>
    </message>
    <message>
        <source>Set a member&apos;s passphrase, or your own (vault files)</source>
        <translation>Die Passphrase eines Mitglieds oder die eigene festlegen (Tresordateien)</translation>
    </message>
    <message>
        <source>  KEYWARD_NEW_PASSPHRASE  the new passphrase for &quot;member add&quot; and &quot;member passphrase&quot;</source>
        <translation>  KEYWARD_NEW_PASSPHRASE  die neue Passphrase für „member add“ und „member passphrase“</translation>
    </message>
    <message>
        <source>Change notes, rate limit, usage limit or (shorten) expiry</source>
        <translation>Notizen, Ratenlimit, Nutzungslimit oder Ablauf (verkürzen) ändern</translation>
    </message>
    <message>
        <source>Count a key&apos;s use against its usage limit from 0 again (Admins)</source>
        <translation>Die Nutzung eines Schlüssels für sein Nutzungslimit wieder ab 0 zählen (Administratoren)</translation>
    </message>
    <message>
        <source>Write an iCalendar file of key expiries, with reminders</source>
        <translation>Eine iCalendar-Datei der Schlüsselabläufe mit Erinnerungen schreiben</translation>
    </message>
    <message>
        <source>Find Keyward keys in files or stdin by their check (no vault; pre-commit)</source>
        <translation>Keyward-Schlüssel in Dateien oder der Standardeingabe an ihrer Prüfsumme finden (ohne Tresor; pre-commit)</translation>
    </message>
    <message>
        <source>Certify a member&apos;s signing key (signed vault files)</source>
        <translation>Den Signaturschlüssel eines Mitglieds zertifizieren (signierte Tresordateien)</translation>
    </message>
    <message>
        <source>List keys that need looking after, with a fix each (exit 1: findings)</source>
        <translation>Schlüssel auflisten, um die sich jemand kümmern sollte, jeweils mit einer Abhilfe (Exit 1: Befunde)</translation>
    </message>
    <message>
        <source>Check a vault file for damage: every page, index and record (no login)</source>
        <translation>Eine Tresordatei auf Schäden prüfen: jede Seite, jeden Index und jeden Datensatz (ohne Anmeldung)</translation>
    </message>
    <message>
        <source>Copy a vault file while it is in use, checked before it is kept</source>
        <translation>Eine Tresordatei im laufenden Betrieb kopieren, geprüft, bevor die Kopie behalten wird</translation>
    </message>
    <message>
        <source>Put a checked backup back in place, keeping the replaced vault</source>
        <translation>Eine geprüfte Sicherung zurückspielen und den ersetzten Tresor aufbewahren</translation>
    </message>
    <message>
        <source>keywardctl: warning: a key was given on the command line, where other users can read it in the process list and your shell keeps it in its history. Pass it on stdin instead (&quot;verify -&quot; or &quot;verify --stdin&quot;).</source>
        <translation>keywardctl: Warnung: Ein Schlüssel wurde auf der Befehlszeile übergeben, wo andere Benutzer ihn in der Prozessliste lesen können und Ihre Shell ihn im Verlauf speichert. Übergeben Sie ihn stattdessen über die Standardeingabe („verify -“ oder „verify --stdin“).</translation>
    </message>
    <message>
        <source>Usage: keywardctl [--vault FILE | --db CONNINFO] [--member NAME] [--pin FINGERPRINT] [--json] COMMAND [ARGUMENTS]</source>
        <translation>Aufruf: keywardctl [--vault DATEI | --db VERBINDUNG] [--member NAME] [--pin FINGERABDRUCK] [--json] BEFEHL [ARGUMENTE]</translation>
    </message>
    <message>
        <source>  KEYWARD_VAULT_PIN       the vault file&apos;s expected fingerprint, unless --pin is given</source>
        <translation>  KEYWARD_VAULT_PIN       der erwartete Fingerabdruck der Tresordatei, sofern --pin nicht angegeben ist</translation>
    </message>
    <message>
        <source>  1  refused (permission, invalid input, not found, wrong passphrase, changed by someone else); verify: any other outcome; check-format: a key was found</source>
        <translation>  1  abgelehnt (Berechtigung, ungültige Eingabe, nicht gefunden, falsche Passphrase, von jemand anderem geändert); verify: jedes andere Ergebnis; check-format: ein Schlüssel wurde gefunden</translation>
    </message>
    <message>
        <source>  3  vault error: missing, damaged, locked, not a vault, too new, storage; database unreachable or not a valid connection string; vault check: damage found</source>
        <translation>  3  Tresorfehler: fehlt, beschädigt, gesperrt, kein Tresor, zu neu, Speicher; Datenbank nicht erreichbar oder keine gültige Verbindungsangabe; vault check: Schaden gefunden</translation>
    </message>
    <message>
        <source>Stop a regenerated key&apos;s previous secret now, not after its grace period</source>
        <translation>Das vorige Geheimnis eines neu erzeugten Schlüssels jetzt stoppen, nicht erst nach der Übergangsfrist</translation>
    </message>
    <message>
        <source>Deactivate, activate, revoke, delete or shorten the expiry of many keys</source>
        <translation>Viele Schlüssel deaktivieren, aktivieren, widerrufen, löschen oder ihren Ablauf verkürzen</translation>
    </message>
    <message>
        <source>Write keys&apos; metadata as CSV or JSON (never a secret)</source>
        <translation>Metadaten von Schlüsseln als CSV oder JSON schreiben (nie ein Geheimnis)</translation>
    </message>
    <message>
        <source>Dismiss a key&apos;s finding, with the reason (audited)</source>
        <translation>Einen Befund eines Schlüssels mit Begründung ignorieren (protokolliert)</translation>
    </message>
    <message>
        <source>List a dismissed finding again</source>
        <translation>Einen ignorierten Befund wieder auflisten</translation>
    </message>
    <message>
        <source>Show or set the rotation policy: the oldest a secret may be (Owners)</source>
        <translation>Rotationsrichtlinie anzeigen oder setzen: wie alt ein Geheimnis höchstens sein darf (Besitzer)</translation>
    </message>
</context>
<context>
    <name>AuditCommands</name>
    <message>
        <source>Lists the audit log, newest first.</source>
        <translation>Listet das Prüfprotokoll auf, neueste Einträge zuerst.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Only the entries about this key.</source>
        <translation>Nur die Einträge zu diesem Schlüssel.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>At most this many entries (default: %1).</source>
        <translation>Höchstens so viele Einträge (Standard: %1).</translation>
    </message>
    <message>
        <source>The limit must be a whole number from 1 to 1000000.</source>
        <translation>Das Limit muss eine ganze Zahl von 1 bis 1000000 sein.</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>ZEIT</translation>
    </message>
    <message>
        <source>ACTOR</source>
        <translation>MITGLIED</translation>
    </message>
    <message>
        <source>ACTION</source>
        <translation>AKTION</translation>
    </message>
    <message>
        <source>KEY</source>
        <translation>SCHLÜSSEL</translation>
    </message>
    <message>
        <source>DETAILS</source>
        <translation>DETAILS</translation>
    </message>
    <message>
        <source>Checks the audit log&apos;s hash chain: exit 0 when no entry was changed or removed, 1 when one was.</source>
        <translation>Prüft die Hash-Kette des Prüfprotokolls: Exit-Code 0, wenn kein Eintrag geändert oder entfernt wurde, 1, wenn doch.</translation>
    </message>
    <message>
        <source>The audit log was tampered with at entry %1: %2</source>
        <translation>Das Prüfprotokoll wurde bei Eintrag %1 manipuliert: %2</translation>
    </message>
    <message numerus="yes">
        <source>The audit log is intact (%n entries checked).</source>
        <translation>
            <numerusform>Das Prüfprotokoll ist intakt (%n Eintrag geprüft).</numerusform>
            <numerusform>Das Prüfprotokoll ist intakt (%n Einträge geprüft).</numerusform>
        </translation>
    </message>
    <message>
        <source>Tampered: key %1 (&quot;%2&quot;): %3.</source>
        <translation>Manipuliert: Schlüssel %1 („%2“): %3.</translation>
    </message>
    <message>
        <source>The vault was tampered with: %1</source>
        <translation>Der Tresor wurde manipuliert: %1</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>Could not read the audit log.</source>
        <translation>Das Prüfprotokoll konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Could not write the audit log.</source>
        <translation>Das Prüfprotokoll konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Audit row %1 is missing: the log jumps to row %2.</source>
        <translation>Protokolleintrag %1 fehlt: Das Protokoll springt zu Eintrag %2.</translation>
    </message>
    <message>
        <source>Audit row %1 does not link to the row before it: rows were deleted or reordered.</source>
        <translation>Protokolleintrag %1 ist nicht mit dem vorherigen Eintrag verkettet: Einträge wurden gelöscht oder umsortiert.</translation>
    </message>
    <message>
        <source>Audit row %1 was changed after it was written.</source>
        <translation>Protokolleintrag %1 wurde nach dem Schreiben geändert.</translation>
    </message>
</context>
<context>
    <name>AuditText</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>its creator was demoted</source>
        <translation>sein Ersteller wurde herabgestuft</translation>
    </message>
    <message>
        <source>its creator was removed</source>
        <translation>sein Ersteller wurde entfernt</translation>
    </message>
    <message>
        <source>Created the vault</source>
        <translation>Tresor angelegt</translation>
    </message>
    <message>
        <source>Generated key</source>
        <translation>Schlüssel erzeugt</translation>
    </message>
    <message>
        <source>Edited key</source>
        <translation>Schlüssel bearbeitet</translation>
    </message>
    <message>
        <source>Activated key</source>
        <translation>Schlüssel aktiviert</translation>
    </message>
    <message>
        <source>Deactivated key</source>
        <translation>Schlüssel deaktiviert</translation>
    </message>
    <message>
        <source>Regenerated key</source>
        <translation>Schlüssel neu erzeugt</translation>
    </message>
    <message>
        <source>Revoked key</source>
        <translation>Schlüssel widerrufen</translation>
    </message>
    <message>
        <source>Deleted key</source>
        <translation>Schlüssel gelöscht</translation>
    </message>
    <message>
        <source>Added member</source>
        <translation>Mitglied hinzugefügt</translation>
    </message>
    <message>
        <source>Changed member role</source>
        <translation>Rolle eines Mitglieds geändert</translation>
    </message>
    <message>
        <source>Removed member</source>
        <translation>Mitglied entfernt</translation>
    </message>
    <message>
        <source>Key %1</source>
        <translation>Schlüssel %1</translation>
    </message>
    <message>
        <source>Key prefix “%1”, first Owner %2</source>
        <translation>Schlüsselpräfix „%1“, erster Besitzer %2</translation>
    </message>
    <message>
        <source>%1 role</source>
        <translation>Rolle %1</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>läuft ab am %1</translation>
    </message>
    <message>
        <source>never expires</source>
        <translation>läuft nie ab</translation>
    </message>
    <message>
        <source>renamed from “%1” to “%2”</source>
        <translation>umbenannt von „%1“ in „%2“</translation>
    </message>
    <message>
        <source>notes changed</source>
        <translation>Notizen geändert</translation>
    </message>
    <message>
        <source>rate limit %1 → %2</source>
        <translation>Ratenlimit %1 → %2</translation>
    </message>
    <message>
        <source>expiry shortened to %1</source>
        <translation>Ablauf verkürzt auf %1</translation>
    </message>
    <message>
        <source>new secret %1; the old secret %2 stopped working at once</source>
        <translation>neues Geheimnis %1; das alte Geheimnis %2 wurde sofort ungültig</translation>
    </message>
    <message>
        <source>new secret %1; the old secret %2 kept working for %3</source>
        <translation>neues Geheimnis %1; das alte Geheimnis %2 blieb noch %3 gültig</translation>
    </message>
    <message>
        <source>because %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <source>%1 as %2</source>
        <translation>%1 als %2</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>Set member passphrase</source>
        <translation>Passphrase eines Mitglieds festgelegt</translation>
    </message>
    <message>
        <source>%1, their own</source>
        <translation>%1, die eigene</translation>
    </message>
    <message>
        <source>Changed usage limit</source>
        <translation>Nutzungslimit geändert</translation>
    </message>
    <message>
        <source>Reset usage</source>
        <translation>Nutzung zurückgesetzt</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Failed sign-in</source>
        <translation>Fehlgeschlagene Anmeldung</translation>
    </message>
    <message>
        <source>%L1 requests</source>
        <translation>%L1 Anfragen</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>usage limit %1 → %2 (%L3 used)</source>
        <translation>Nutzungslimit %1 → %2 (%L3 verbraucht)</translation>
    </message>
    <message>
        <source>usage counted against the limit back to 0 (was %L1)</source>
        <translation>auf das Limit angerechnete Nutzung auf 0 zurückgesetzt (vorher %L1)</translation>
    </message>
    <message>
        <source>as %1: wrong passphrase</source>
        <translation>als %1: falsche Passphrase</translation>
    </message>
    <message>
        <source>unknown member name (not recorded)</source>
        <translation>unbekannter Mitgliedsname (nicht erfasst)</translation>
    </message>
    <message>
        <source>any address</source>
        <translation>jede Adresse</translation>
    </message>
    <message>
        <source>customer %1</source>
        <translation>Kunde %1</translation>
    </message>
    <message>
        <source>allowed IPs %1</source>
        <translation>erlaubte IPs %1</translation>
    </message>
    <message>
        <source>allowed IPs %1 → %2</source>
        <translation>erlaubte IPs %1 → %2</translation>
    </message>
    <message>
        <source>Retired old secrets</source>
        <translation>Alte Geheimnisse außer Kraft gesetzt</translation>
    </message>
    <message>
        <source>new secret %1; the old secret %2 retires once the new one is shown</source>
        <translation>neues Geheimnis %1; das alte Geheimnis %2 wird außer Kraft gesetzt, sobald das neue angezeigt wurde</translation>
    </message>
    <message>
        <source>every secret but %1 stopped working at once</source>
        <translation>jedes Geheimnis außer %1 wurde sofort ungültig</translation>
    </message>
    <message>
        <source>every secret but %1 kept working for %2</source>
        <translation>jedes Geheimnis außer %1 blieb noch %2 gültig</translation>
    </message>
    <message>
        <source>Ended grace period</source>
        <translation>Übergangsfrist beendet</translation>
    </message>
    <message>
        <source>the previous secret %1 stopped working before its grace period ended</source>
        <translation>das vorige Geheimnis %1 wurde vor dem Ende seiner Übergangsfrist gestoppt</translation>
    </message>
    <message>
        <source>Set rotation policy</source>
        <translation>Rotationsrichtlinie gesetzt</translation>
    </message>
    <message>
        <source>Dismissed finding</source>
        <translation>Befund ignoriert</translation>
    </message>
    <message>
        <source>Restored finding</source>
        <translation>Befund wiederhergestellt</translation>
    </message>
    <message numerus="yes">
        <source>secrets are due for regeneration after %n day(s)</source>
        <translation>
            <numerusform>Geheimnisse sind nach %n Tag neu zu erzeugen</numerusform>
            <numerusform>Geheimnisse sind nach %n Tagen neu zu erzeugen</numerusform>
        </translation>
    </message>
    <message>
        <source>no rotation policy</source>
        <translation>keine Rotationsrichtlinie</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>BulkKeyRules</name>
    <message>
        <source>Choose at least one key.</source>
        <translation>Wählen Sie mindestens einen Schlüssel.</translation>
    </message>
    <message>
        <source>Choose the new expiry date.</source>
        <translation>Wählen Sie das neue Ablaufdatum.</translation>
    </message>
    <message>
        <source>The new expiry is in the past. Deactivate or revoke the keys to stop them now.</source>
        <translation>Der neue Ablauf liegt in der Vergangenheit. Deaktivieren oder widerrufen Sie die Schlüssel, um sie sofort zu stoppen.</translation>
    </message>
    <message>
        <source>already inactive</source>
        <translation>bereits inaktiv</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <source>already active</source>
        <translation>bereits aktiv</translation>
    </message>
    <message>
        <source>already revoked</source>
        <translation>bereits widerrufen</translation>
    </message>
    <message>
        <source>already expires by then</source>
        <translation>läuft bis dahin ohnehin ab</translation>
    </message>
    <message>
        <source>already expired</source>
        <translation>bereits abgelaufen</translation>
    </message>
    <message numerus="yes">
        <source>Deactivated %n key(s).</source>
        <translation>
            <numerusform>%n Schlüssel deaktiviert.</numerusform>
            <numerusform>%n Schlüssel deaktiviert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Activated %n key(s).</source>
        <translation>
            <numerusform>%n Schlüssel aktiviert.</numerusform>
            <numerusform>%n Schlüssel aktiviert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoked %n key(s).</source>
        <translation>
            <numerusform>%n Schlüssel widerrufen.</numerusform>
            <numerusform>%n Schlüssel widerrufen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n key(s).</source>
        <translation>
            <numerusform>%n Schlüssel gelöscht.</numerusform>
            <numerusform>%n Schlüssel gelöscht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shortened the expiry of %n key(s).</source>
        <translation>
            <numerusform>Ablauf von %n Schlüssel verkürzt.</numerusform>
            <numerusform>Ablauf von %n Schlüsseln verkürzt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckFormatCommand</name>
    <message>
        <source>%1:%2:%3: %4%5: %6</source>
        <translation>%1:%2:%3: %4%5: %6</translation>
    </message>
    <message>
        <source>note: </source>
        <translation>Hinweis: </translation>
    </message>
    <message>
        <source>[--prefix PREFIX]... [FILE...]</source>
        <translation>[--prefix PRÄFIX]... [DATEI...]</translation>
    </message>
    <message>
        <source>Finds Keyward keys in files, or in stdin without FILE (or with &quot;-&quot;), and checks each one&apos;s CRC32 check characters offline: no vault is opened. Prints each finding as FILE:LINE:COLUMN with the key&apos;s hint, never the key (with --json: one object per finding). Keys whose check is wrong or that were cut short are printed as notes. Exit 0 when no key was found, 1 when one was (a leak), 2 on a usage error or an unreadable file. Made for pre-commit hooks and for confirming a secret scanner&apos;s hit (docs/key-format.md).</source>
        <translation>Findet Keyward-Schlüssel in Dateien oder, ohne DATEI (oder mit „-“), in der Standardeingabe und prüft offline die CRC32-Prüfzeichen jedes Schlüssels: Es wird kein Tresor geöffnet. Gibt jeden Fund als DATEI:ZEILE:SPALTE mit der Kurzform des Schlüssels aus, nie den Schlüssel selbst (mit --json: ein Objekt je Fund). Schlüssel mit falscher Prüfsumme oder abgeschnittene Schlüssel werden als Hinweise ausgegeben. Exit 0, wenn kein Schlüssel gefunden wurde, 1, wenn einer gefunden wurde (ein Leck), 2 bei einem Aufruffehler oder einer unlesbaren Datei. Gedacht für pre-commit-Hooks und um einen Treffer eines Geheimnis-Scanners zu bestätigen (docs/key-format.md).</translation>
    </message>
    <message>
        <source>PREFIX</source>
        <translation>PRÄFIX</translation>
    </message>
    <message>
        <source>The vaults&apos; key prefix (default: kw); repeat it for several.</source>
        <translation>Das Schlüsselpräfix der Tresore (Standard: kw); für mehrere wiederholen.</translation>
    </message>
    <message>
        <source>it is a directory</source>
        <translation>es ist ein Verzeichnis</translation>
    </message>
    <message>
        <source>Cannot read &quot;%1&quot;: %2.</source>
        <translation>„%1“ kann nicht gelesen werden: %2.</translation>
    </message>
    <message numerus="yes">
        <source>keywardctl: %n Keyward key(s) found. Revoke each in its vault (&quot;keywardctl key list&quot; shows the hints) and remove it from the history.</source>
        <translation>
            <numerusform>keywardctl: %n Keyward-Schlüssel gefunden. Widerrufen Sie ihn in seinem Tresor („keywardctl key list“ zeigt die Kurzformen) und entfernen Sie ihn aus dem Verlauf.</numerusform>
            <numerusform>keywardctl: %n Keyward-Schlüssel gefunden. Widerrufen Sie jeden in seinem Tresor („keywardctl key list“ zeigt die Kurzformen) und entfernen Sie sie aus dem Verlauf.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CommandContext</name>
    <message>
        <source>Say which member you are: --member NAME, or set KEYWARD_MEMBER.</source>
        <translation>Geben Sie an, welches Mitglied Sie sind: mit --member NAME oder über KEYWARD_MEMBER.</translation>
    </message>
    <message>
        <source>Passphrase for %1: </source>
        <translation>Passphrase für %1: </translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: %2.</source>
        <translation>„%1“ kann nicht geschrieben werden: %2.</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Verifies API keys over HTTP for API gateways (forward auth) and services (JSON).</source>
        <translation>Prüft API-Schlüssel über HTTP für API-Gateways (Forward-Auth) und Dienste (JSON).</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Die Version anzeigen.</translation>
    </message>
    <message>
        <source>The configuration file (INI).</source>
        <translation>Die Konfigurationsdatei (INI).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Where to listen: ADDRESS:PORT (default 127.0.0.1:8087).</source>
        <translation>Wo auf Verbindungen gewartet wird: ADDRESS:PORT (Standard: 127.0.0.1:8087).</translation>
    </message>
    <message>
        <source>ADDRESS:PORT</source>
        <translation>ADDRESS:PORT</translation>
    </message>
    <message>
        <source>The vault file.</source>
        <translation>Die Tresordatei.</translation>
    </message>
    <message>
        <source>A PostgreSQL vault (libpq conninfo or URI).</source>
        <translation>Ein PostgreSQL-Tresor (libpq-Verbindungszeichenfolge oder URI).</translation>
    </message>
    <message>
        <source>CONNINFO</source>
        <translation>CONNINFO</translation>
    </message>
    <message>
        <source>Verifying threads (default: one per core).</source>
        <translation>Prüf-Threads (Standard: einer pro Kern).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Read the configuration and open the vault, then exit.</source>
        <translation>Die Konfiguration lesen und den Tresor öffnen, dann beenden.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Unerwartetes Argument „%1“.</translation>
    </message>
    <message>
        <source>Give either --vault or --db, not both.</source>
        <translation>Geben Sie entweder --vault oder --db an, nicht beides.</translation>
    </message>
    <message>
        <source>--threads needs a number from 0 (one per core) to 1024.</source>
        <translation>--threads erfordert eine Zahl von 0 (einer pro Kern) bis 1024.</translation>
    </message>
    <message>
        <source>--listen: %1</source>
        <translation>--listen: %1</translation>
    </message>
</context>
<context>
    <name>CommandParser</name>
    <message>
        <source>The vault file.</source>
        <translation>Die Tresordatei.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Who you are (default: $KEYWARD_MEMBER).</source>
        <translation>Wer Sie sind (Standard: $KEYWARD_MEMBER).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Print JSON: one object per line.</source>
        <translation>JSON ausgeben: ein Objekt pro Zeile.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>The vault file (default: %1).</source>
        <translation>Die Tresordatei (Standard: %1).</translation>
    </message>
    <message>
        <source>Missing arguments.</source>
        <translation>Fehlende Argumente.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Unerwartetes Argument „%1“.</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>Aufruf: %1</translation>
    </message>
    <message>
        <source>Run &quot;keywardctl %1 --help&quot; for details.</source>
        <translation>Führen Sie „keywardctl %1 --help“ aus, um Einzelheiten zu sehen.</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Optionen:</translation>
    </message>
    <message>
        <source>Global options:</source>
        <translation>Globale Optionen:</translation>
    </message>
    <message>
        <source>A PostgreSQL vault.</source>
        <translation>Ein PostgreSQL-Tresor.</translation>
    </message>
    <message>
        <source>CONNINFO</source>
        <translation>CONNINFO</translation>
    </message>
    <message>
        <source>A PostgreSQL vault instead: a libpq connection string (&quot;host=... dbname=... user=...&quot;, &quot;service=NAME&quot;) or a postgresql:// URI (default: $KEYWARD_DB). The server authenticates you; the password comes from ~/.pgpass, PGPASSWORD or a prompt.</source>
        <translation>Stattdessen ein PostgreSQL-Tresor: eine libpq-Verbindungszeichenfolge („host=... dbname=... user=...“, „service=NAME“) oder eine postgresql://-URI (Standard: $KEYWARD_DB). Der Server authentifiziert Sie; das Passwort stammt aus ~/.pgpass, PGPASSWORD oder einer Abfrage.</translation>
    </message>
    <message>
        <source>--db needs a connection string.</source>
        <translation>--db erfordert eine Verbindungszeichenfolge.</translation>
    </message>
    <message>
        <source>Give either --vault (a vault file) or --db (a PostgreSQL vault), not both.</source>
        <translation>Geben Sie entweder --vault (eine Tresordatei) oder --db (einen PostgreSQL-Tresor) an, nicht beides.</translation>
    </message>
    <message>
        <source>The vault file&apos;s expected fingerprint: another one is refused (default: $KEYWARD_VAULT_PIN).</source>
        <translation>Der erwartete Fingerabdruck der Tresordatei: ein anderer wird abgelehnt (Standard: $KEYWARD_VAULT_PIN).</translation>
    </message>
    <message>
        <source>FINGERPRINT</source>
        <translation>FINGERABDRUCK</translation>
    </message>
    <message>
        <source>Cannot read the expiry &quot;%1&quot;; use e.g. 90d, 2027-01-31 or never.</source>
        <translation>Der Ablauf „%1“ ist nicht lesbar; verwenden Sie z. B. 90d, 2027-01-31 oder never.</translation>
    </message>
</context>
<context>
    <name>CryptoSelfTest</name>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>CRC32</source>
        <translation>CRC32</translation>
    </message>
    <message>
        <source>base62 encoding</source>
        <translation>Base62-Kodierung</translation>
    </message>
    <message>
        <source>Argon2id</source>
        <translation>Argon2id</translation>
    </message>
    <message>
        <source>the system random number generator</source>
        <translation>der Zufallszahlengenerator des Systems</translation>
    </message>
    <message>
        <source>key generation</source>
        <translation>Schlüsselerzeugung</translation>
    </message>
    <message>
        <source>Keyward&apos;s cryptography self-test failed (%1), so it will not run. The installation or its Botan library may be damaged; reinstall Keyward.</source>
        <translation>Der Kryptografie-Selbsttest von Keyward ist fehlgeschlagen (%1), daher wird Keyward nicht ausgeführt. Die Installation oder ihre Botan-Bibliothek ist möglicherweise beschädigt; installieren Sie Keyward neu.</translation>
    </message>
</context>
<context>
    <name>DbCommands</name>
    <message>
        <source>%1 is for a PostgreSQL vault: give it with --db CONNINFO (or KEYWARD_DB). In a vault file, use &quot;member add&quot;.</source>
        <translation>%1 ist für einen PostgreSQL-Tresor gedacht: Geben Sie ihn mit --db CONNINFO (oder KEYWARD_DB) an. Verwenden Sie in einer Tresordatei „member add“.</translation>
    </message>
    <message>
        <source>Create a missing login without a password (peer or certificate authentication, or set one later with \password in psql). An existing login always keeps its password.</source>
        <translation>Eine fehlende Anmeldung ohne Passwort anlegen (Peer- oder Zertifikatsauthentifizierung, oder legen Sie später eines mit \password in psql fest). Eine vorhandene Anmeldung behält immer ihr Passwort.</translation>
    </message>
    <message>
        <source>No password for %1: set KEYWARD_NEW_PASSPHRASE, run keywardctl in a terminal to be asked, or give --no-password.</source>
        <translation>Kein Passwort für %1: Setzen Sie KEYWARD_NEW_PASSPHRASE, führen Sie keywardctl in einem Terminal aus, um danach gefragt zu werden, oder geben Sie --no-password an.</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>Passwort für %1: </translation>
    </message>
    <message>
        <source>Repeat the password: </source>
        <translation>Passwort wiederholen: </translation>
    </message>
    <message>
        <source>Turns an empty PostgreSQL database into a Keyward vault. Run it once, as the database&apos;s owner (a login with CREATEROLE). It creates the schema; the group roles PREFIX_owner, _admin, _developer, _viewer and _verifier with only the privileges each needs; row-level security; an audit log nobody can change; and makes LOGIN the first Owner (a missing login is created with the password from KEYWARD_NEW_PASSPHRASE, or asked twice). It prints what it did. Run again on a vault, it upgrades the schema and re-applies privileges and policies without touching data.</source>
        <translation>Wandelt eine leere PostgreSQL-Datenbank in einen Keyward-Tresor um. Führen Sie den Befehl einmalig als Besitzer der Datenbank aus (eine Anmeldung mit CREATEROLE). Er legt das Schema an; die Gruppenrollen PREFIX_owner, _admin, _developer, _viewer und _verifier mit jeweils nur den nötigen Rechten; Sicherheit auf Zeilenebene; ein Prüfprotokoll, das niemand ändern kann; und macht LOGIN zum ersten Besitzer (eine fehlende Anmeldung wird mit dem Passwort aus KEYWARD_NEW_PASSPHRASE angelegt, oder es wird zweimal danach gefragt). Er gibt aus, was er getan hat. Erneut auf einem Tresor ausgeführt, aktualisiert er das Schema und wendet Rechte und Richtlinien neu an, ohne Daten zu verändern.</translation>
    </message>
    <message>
        <source>LOGIN</source>
        <translation>LOGIN</translation>
    </message>
    <message>
        <source>The login that becomes the first Owner.</source>
        <translation>Die Anmeldung, die zum ersten Besitzer wird.</translation>
    </message>
    <message>
        <source>PREFIX</source>
        <translation>PREFIX</translation>
    </message>
    <message>
        <source>Start of every key, 2 to 12 lowercase letters or digits (default: kw).</source>
        <translation>Anfang jedes Schlüssels, 2 bis 12 Kleinbuchstaben oder Ziffern (Standard: kw).</translation>
    </message>
    <message>
        <source>Start of the group roles&apos; names (default: keyward). Roles belong to the whole server: vaults that must not share members need different prefixes.</source>
        <translation>Anfang der Namen der Gruppenrollen (Standard: keyward). Rollen gehören zum ganzen Server: Tresore, die keine Mitglieder teilen dürfen, brauchen unterschiedliche Präfixe.</translation>
    </message>
    <message>
        <source>Also print every role, privilege and policy statement run.</source>
        <translation>Auch jede ausgeführte Rollen-, Rechte- und Richtlinienanweisung ausgeben.</translation>
    </message>
    <message>
        <source>Only print the role, privilege and policy statements, for review; connects to nothing.</source>
        <translation>Nur die Rollen-, Rechte- und Richtlinienanweisungen zur Prüfung ausgeben; stellt keine Verbindung her.</translation>
    </message>
    <message>
        <source>-- Keyward on PostgreSQL, role prefix %1: the roles, privileges and row-level security that &quot;db setup&quot; applies after creating the schema, in one transaction.</source>
        <translation>-- Keyward auf PostgreSQL, Rollenpräfix %1: die Rollen, Rechte und Sicherheit auf Zeilenebene, die „db setup“ nach dem Anlegen des Schemas in einer Transaktion anwendet.</translation>
    </message>
    <message>
        <source>Give the database to set up with --db CONNINFO (or KEYWARD_DB).</source>
        <translation>Geben Sie die einzurichtende Datenbank mit --db CONNINFO (oder KEYWARD_DB) an.</translation>
    </message>
    <message>
        <source>Name the vault&apos;s first Owner with --owner LOGIN.</source>
        <translation>Nennen Sie den ersten Besitzer des Tresors mit --owner LOGIN.</translation>
    </message>
    <message>
        <source>the login %1</source>
        <translation>die Anmeldung %1</translation>
    </message>
    <message>
        <source>Set up the Keyward vault in %1:</source>
        <translation>Keyward-Tresor in %1 eingerichtet:</translation>
    </message>
    <message numerus="yes">
        <source>Statements run (%n):</source>
        <translation>
            <numerusform>Ausgeführte Anweisung (%n):</numerusform>
            <numerusform>Ausgeführte Anweisungen (%n):</numerusform>
        </translation>
    </message>
    <message>
        <source>Makes a PostgreSQL login a member of the server vault: creates the login when it does not exist (password from KEYWARD_NEW_PASSPHRASE, or asked twice), grants it its role&apos;s group and maps it in the members table, with an audit row. For the database owner or an Owner of the vault.</source>
        <translation>Macht eine PostgreSQL-Anmeldung zu einem Mitglied des Server-Tresors: legt die Anmeldung an, wenn sie nicht existiert (Passwort aus KEYWARD_NEW_PASSPHRASE, oder es wird zweimal danach gefragt), weist ihr die Gruppe ihrer Rolle zu und trägt sie mit einem Protokolleintrag in die Mitgliedertabelle ein. Für den Besitzer der Datenbank oder einen Besitzer des Tresors.</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>ROLLE</translation>
    </message>
    <message>
        <source>The member&apos;s role.</source>
        <translation>Die Rolle des Mitglieds.</translation>
    </message>
    <message>
        <source>Give the member a role with --role.</source>
        <translation>Geben Sie dem Mitglied mit --role eine Rolle.</translation>
    </message>
    <message>
        <source>Unknown role &quot;%1&quot;; use owner, admin, developer or viewer.</source>
        <translation>Unbekannte Rolle „%1“; verwenden Sie owner, admin, developer oder viewer.</translation>
    </message>
    <message>
        <source>Added the login %1 to the vault in %2 as %3.</source>
        <translation>Anmeldung %1 dem Tresor in %2 als %3 hinzugefügt.</translation>
    </message>
    <message>
        <source>Makes a PostgreSQL login a verifier: a service that checks keys (&quot;keywardctl --db ... verify&quot;) may read what verification needs and record usage, nothing else. Creates the login when it does not exist (password from KEYWARD_NEW_PASSPHRASE, or asked twice). For the database owner or an Owner of the vault.</source>
        <translation>Macht eine PostgreSQL-Anmeldung zu einem Prüfer: Ein Dienst, der Schlüssel prüft („keywardctl --db ... verify“), darf lesen, was die Prüfung benötigt, und die Nutzung erfassen, sonst nichts. Legt die Anmeldung an, wenn sie nicht existiert (Passwort aus KEYWARD_NEW_PASSPHRASE, oder es wird zweimal danach gefragt). Für den Besitzer der Datenbank oder einen Besitzer des Tresors.</translation>
    </message>
    <message>
        <source>Added the login %1 to the vault in %2 as a verifier.</source>
        <translation>Anmeldung %1 dem Tresor in %2 als Prüfer hinzugefügt.</translation>
    </message>
</context>
<context>
    <name>DisplayNames</name>
    <message>
        <source>Production</source>
        <translation>Produktion</translation>
    </message>
    <message>
        <source>Staging</source>
        <translation>Staging</translation>
    </message>
    <message>
        <source>Development</source>
        <translation>Entwicklung</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Developer</source>
        <translation>Entwickler</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>Betrachter</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
</context>
<context>
    <name>ExpiryAlerts</name>
    <message numerus="yes">
        <source>API key &quot;%1&quot; (%2) expires in %n day(s)</source>
        <translation>
            <numerusform>API-Schlüssel „%1“ (%2) läuft in %n Tag ab</numerusform>
            <numerusform>API-Schlüssel „%1“ (%2) läuft in %n Tagen ab</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Grace period of &quot;%1&quot; (%2) ends in %n day(s)</source>
        <translation>
            <numerusform>Übergangsfrist von „%1“ (%2) endet in %n Tag</numerusform>
            <numerusform>Übergangsfrist von „%1“ (%2) endet in %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>API key &quot;%1&quot; (%2) has used %3 % of its limit</source>
        <translation>API-Schlüssel „%1“ (%2) hat %3 % seines Kontingents verbraucht</translation>
    </message>
    <message>
        <source>It stops working on %1 (vault %2). Regenerate it or set a later expiry, and give its integrations the new secret.</source>
        <translation>Er funktioniert ab %1 nicht mehr (Tresor %2). Erzeugen Sie ihn neu oder setzen Sie ein späteres Ablaufdatum, und geben Sie seinen Integrationen das neue Geheimnis.</translation>
    </message>
    <message>
        <source>Its previous secret stops working on %1 (vault %2). Integrations that still present it will be refused.</source>
        <translation>Sein vorheriges Geheimnis funktioniert ab %1 nicht mehr (Tresor %2). Integrationen, die es noch verwenden, werden abgewiesen.</translation>
    </message>
    <message>
        <source>%1 of %2 requests used (vault %3). When the limit is reached, it is refused.</source>
        <translation>%1 von %2 Anfragen verbraucht (Tresor %3). Ist das Kontingent erreicht, wird er abgewiesen.</translation>
    </message>
</context>
<context>
    <name>ExpiryCalendar</name>
    <message>
        <source>API key &quot;%1&quot; (%2) expires</source>
        <translation>API-Schlüssel „%1“ (%2) läuft ab</translation>
    </message>
    <message>
        <source>Key %1 (%2) in %3 stops working now. Regenerate it or set a later expiry before then, and give the integrations that use it the new secret.</source>
        <translation>Schlüssel %1 (%2) in %3 funktioniert ab jetzt nicht mehr. Erzeugen Sie ihn vorher neu oder setzen Sie einen späteren Ablauf, und geben Sie den Integrationen, die ihn verwenden, das neue Geheimnis.</translation>
    </message>
    <message>
        <source>Previous secret of API key &quot;%1&quot; (%2) stops working</source>
        <translation>Vorheriges Geheimnis des API-Schlüssels „%1“ (%2) wird ungültig</translation>
    </message>
    <message>
        <source>The grace period of secret %1 of key %2 in %3 ends: integrations still presenting it are refused from now on.</source>
        <translation>Die Übergangsfrist des Geheimnisses %1 von Schlüssel %2 in %3 endet: Integrationen, die es noch vorlegen, werden ab jetzt abgewiesen.</translation>
    </message>
    <message>
        <source>Keyward: keys of %1</source>
        <translation>Keyward: Schlüssel von %1</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>Everything, including members and vault policy</source>
        <translation>Alles, einschließlich Mitgliedern und Tresorrichtlinien</translation>
    </message>
    <message>
        <source>Manages every key</source>
        <translation>Verwaltet alle Schlüssel</translation>
    </message>
    <message>
        <source>Creates keys and manages the keys they created</source>
        <translation>Erstellt Schlüssel und verwaltet die selbst erstellten</translation>
    </message>
    <message>
        <source>Reads keys and the audit log, changes nothing</source>
        <translation>Liest Schlüssel und Prüfprotokoll, ändert nichts</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <source>%L1 per second</source>
        <translation>%L1 pro Sekunde</translation>
    </message>
    <message>
        <source>%L1 per minute</source>
        <translation>%L1 pro Minute</translation>
    </message>
    <message>
        <source>%L1 per hour</source>
        <translation>%L1 pro Stunde</translation>
    </message>
    <message>
        <source>Unlimited (%L1 used)</source>
        <translation>Unbegrenzt (%L1 verbraucht)</translation>
    </message>
    <message>
        <source>%L1 of %L2 used</source>
        <translation>%L1 von %L2 verbraucht</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 Tage</translation>
    </message>
    <message>
        <source>60 days</source>
        <translation>60 Tage</translation>
    </message>
    <message>
        <source>90 days (recommended)</source>
        <translation>90 Tage (empfohlen)</translation>
    </message>
    <message>
        <source>180 days</source>
        <translation>180 Tage</translation>
    </message>
    <message>
        <source>365 days</source>
        <translation>365 Tage</translation>
    </message>
    <message>
        <source>Custom date…</source>
        <translation>Eigenes Datum…</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>No grants</source>
        <translation>Keine Berechtigungen</translation>
    </message>
    <message numerus="yes">
        <source>%1 +%n more</source>
        <translation>
            <numerusform>%1 +%n weitere</numerusform>
            <numerusform>%1 +%n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation>
            <numerusform>in %n Minute</numerusform>
            <numerusform>in %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n hour(s)</source>
        <translation>
            <numerusform>in %n Stunde</numerusform>
            <numerusform>in %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>vor %n Stunde</numerusform>
            <numerusform>vor %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n Tag</numerusform>
            <numerusform>in %n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n month(s)</source>
        <translation>
            <numerusform>in %n Monat</numerusform>
            <numerusform>in %n Monaten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) ago</source>
        <translation>
            <numerusform>vor %n Monat</numerusform>
            <numerusform>vor %n Monaten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n year(s)</source>
        <translation>
            <numerusform>in %n Jahr</numerusform>
            <numerusform>in %n Jahren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) ago</source>
        <translation>
            <numerusform>vor %n Jahr</numerusform>
            <numerusform>vor %n Jahren</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>A key with this role can be given no grants.</source>
        <translation>Ein Schlüssel mit dieser Rolle kann keine Berechtigungen erhalten.</translation>
    </message>
    <message>
        <source>A key with this role can be allowed: %1</source>
        <translation>Mögliche Berechtigungen für einen Schlüssel mit dieser Rolle: %1</translation>
    </message>
    <message>
        <source>%1, end of day</source>
        <translation>%1, Tagesende</translation>
    </message>
</context>
<context>
    <name>GrantCatalogue</name>
    <message>
        <source>License Read</source>
        <translation>Lizenzen lesen</translation>
    </message>
    <message>
        <source>Look up licenses and their state</source>
        <translation>Lizenzen und ihren Status abfragen</translation>
    </message>
    <message>
        <source>Customer Read</source>
        <translation>Kunden lesen</translation>
    </message>
    <message>
        <source>Read customer records</source>
        <translation>Kundendatensätze lesen</translation>
    </message>
    <message>
        <source>Billing Read</source>
        <translation>Abrechnung lesen</translation>
    </message>
    <message>
        <source>Read invoices and billing data</source>
        <translation>Rechnungen und Abrechnungsdaten lesen</translation>
    </message>
    <message>
        <source>Telemetry Upload</source>
        <translation>Telemetrie hochladen</translation>
    </message>
    <message>
        <source>Send usage telemetry</source>
        <translation>Nutzungstelemetrie senden</translation>
    </message>
    <message>
        <source>License Management</source>
        <translation>Lizenzverwaltung</translation>
    </message>
    <message>
        <source>Issue, renew and suspend licenses</source>
        <translation>Lizenzen ausstellen, verlängern und aussetzen</translation>
    </message>
    <message>
        <source>Customer Management</source>
        <translation>Kundenverwaltung</translation>
    </message>
    <message>
        <source>Create and change customer records</source>
        <translation>Kundendatensätze anlegen und ändern</translation>
    </message>
    <message>
        <source>Full Administration</source>
        <translation>Vollständige Verwaltung</translation>
    </message>
    <message>
        <source>Every operation, including account settings</source>
        <translation>Alle Vorgänge, einschließlich Kontoeinstellungen</translation>
    </message>
</context>
<context>
    <name>HttpServer</name>
    <message>
        <source>Cannot listen on %1 port %2 (in use, or not an address of this machine?).</source>
        <translation>Auf %1, Port %2 kann nicht auf Verbindungen gewartet werden (belegt oder keine Adresse dieses Rechners?).</translation>
    </message>
</context>
<context>
    <name>HygieneLedger</name>
    <message>
        <source>Cannot read the audit log.</source>
        <translation>Das Prüfprotokoll kann nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>HygieneReport</name>
    <message>
        <source>Deactivate</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Set an expiry (90 days)</source>
        <translation>Ablauf setzen (90 Tage)</translation>
    </message>
    <message>
        <source>Regenerate with a grace period</source>
        <translation>Mit Übergangsfrist neu erzeugen</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Tell the integration to switch secrets</source>
        <translation>Die Integration auf das neue Geheimnis umstellen lassen</translation>
    </message>
    <message>
        <source>Created by %1, who is no longer a member.</source>
        <translation>Von %1 erstellt, der kein Mitglied mehr ist.</translation>
    </message>
    <message>
        <source>Created by %1 with more power than their role has now.</source>
        <translation>Von %1 mit mehr Rechten erstellt, als dessen Rolle heute hat.</translation>
    </message>
    <message numerus="yes">
        <source>Never used in the %n day(s) since it was created.</source>
        <translation>
            <numerusform>In dem %n Tag seit der Erstellung nie verwendet.</numerusform>
            <numerusform>In den %n Tagen seit der Erstellung nie verwendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not used for %n day(s) (last on %1).</source>
        <translation>
            <numerusform>Seit %n Tag nicht verwendet (zuletzt am %1).</numerusform>
            <numerusform>Seit %n Tagen nicht verwendet (zuletzt am %1).</numerusform>
        </translation>
    </message>
    <message>
        <source>Never expires.</source>
        <translation>Läuft nie ab.</translation>
    </message>
    <message numerus="yes">
        <source>Valid for %n day(s) in all (until %1).</source>
        <translation>
            <numerusform>Insgesamt %n Tag gültig (bis %1).</numerusform>
            <numerusform>Insgesamt %n Tage gültig (bis %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Its secret is %n day(s) old; the rotation policy allows %1.</source>
        <translation>
            <numerusform>Sein Geheimnis ist %n Tag alt; die Rotationsrichtlinie erlaubt %1.</numerusform>
            <numerusform>Sein Geheimnis ist %n Tage alt; die Rotationsrichtlinie erlaubt %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>A Production key with Full Administration: one leak opens everything.</source>
        <translation>Ein Produktionsschlüssel mit vollständiger Verwaltung: Ein einziges Leck öffnet alles.</translation>
    </message>
    <message>
        <source>The previous secret %1 stops working on %2 but was still used since it was replaced (last by %3).</source>
        <translation>Das vorherige Geheimnis %1 wird am %2 ungültig, wurde aber nach seiner Ersetzung noch verwendet (zuletzt von %3).</translation>
    </message>
    <message>
        <source>an unknown source</source>
        <translation>einer unbekannten Quelle</translation>
    </message>
    <message>
        <source>Never used</source>
        <translation>Nie verwendet</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Veraltet</translation>
    </message>
    <message>
        <source>No expiry</source>
        <translation>Kein Ablauf</translation>
    </message>
    <message>
        <source>Valid over a year</source>
        <translation>Über ein Jahr gültig</translation>
    </message>
    <message>
        <source>Rotation overdue</source>
        <translation>Rotation überfällig</translation>
    </message>
    <message>
        <source>Production full admin</source>
        <translation>Produktion mit Vollzugriff</translation>
    </message>
    <message>
        <source>Creator removed</source>
        <translation>Ersteller entfernt</translation>
    </message>
    <message>
        <source>Creator demoted</source>
        <translation>Ersteller herabgestuft</translation>
    </message>
    <message>
        <source>Old secret still in use</source>
        <translation>Altes Geheimnis noch in Gebrauch</translation>
    </message>
    <message>
        <source>Say why the finding is dismissed: the reason is kept in the audit log for whoever looks next.</source>
        <translation>Geben Sie an, warum der Befund ignoriert wird: Die Begründung bleibt im Prüfprotokoll für alle, die später nachsehen.</translation>
    </message>
    <message>
        <source>A reason has at most %1 characters.</source>
        <translation>Eine Begründung hat höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <source>A reason is one line of text, without control characters.</source>
        <translation>Eine Begründung ist eine Zeile Text ohne Steuerzeichen.</translation>
    </message>
    <message>
        <source>The maximum secret age is 1 to %1 days, or none.</source>
        <translation>Das Höchstalter eines Geheimnisses beträgt 1 bis %1 Tage, oder keines.</translation>
    </message>
</context>
<context>
    <name>IniFile</name>
    <message>
        <source>Cannot read the configuration %1.</source>
        <translation>Die Konfiguration %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The configuration %1 is larger than 1 MiB.</source>
        <translation>Die Konfiguration %1 ist größer als 1 MiB.</translation>
    </message>
    <message>
        <source>Cannot read the configuration %1: %2</source>
        <translation>Die Konfiguration %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1, line %2: %3</source>
        <translation>%1, Zeile %2: %3</translation>
    </message>
    <message>
        <source>a section is written [NAME].</source>
        <translation>ein Abschnitt wird [NAME] geschrieben.</translation>
    </message>
    <message>
        <source>expected [SECTION], KEY = VALUE or a comment.</source>
        <translation>erwartet: [ABSCHNITT], SCHLÜSSEL = WERT oder ein Kommentar.</translation>
    </message>
    <message>
        <source>a key is a name without &quot;/&quot; before the &quot;=&quot;.</source>
        <translation>ein Schlüssel ist ein Name ohne „/“ vor dem „=“.</translation>
    </message>
    <message>
        <source>the quoted value has no closing quote.</source>
        <translation>dem Wert in Anführungszeichen fehlt das schließende Anführungszeichen.</translation>
    </message>
    <message>
        <source>not UTF-8 text.</source>
        <translation>kein UTF-8-Text.</translation>
    </message>
    <message>
        <source>a control character (U+%1).</source>
        <translation>ein Steuerzeichen (U+%1).</translation>
    </message>
    <message>
        <source>quote the whole value or none of it; only a comment may follow the closing quote.</source>
        <translation>setzen Sie den ganzen Wert in Anführungszeichen oder gar nichts; nach dem schließenden Anführungszeichen darf nur ein Kommentar folgen.</translation>
    </message>
</context>
<context>
    <name>InitCommand</name>
    <message>
        <source>Creates a new vault. The first member is its Owner; the passphrase comes from KEYWARD_PASSPHRASE or is asked for twice.</source>
        <translation>Legt einen neuen Tresor an. Das erste Mitglied ist sein Besitzer; die Passphrase stammt aus KEYWARD_PASSPHRASE oder wird zweimal abgefragt.</translation>
    </message>
    <message>
        <source>PREFIX</source>
        <translation>PREFIX</translation>
    </message>
    <message>
        <source>Start of every key, 2 to 12 lowercase letters or digits (default: kw).</source>
        <translation>Anfang jedes Schlüssels, 2 bis 12 Kleinbuchstaben oder Ziffern (Standard: kw).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>The first member (default: --member or $KEYWARD_MEMBER).</source>
        <translation>Das erste Mitglied (Standard: --member oder $KEYWARD_MEMBER).</translation>
    </message>
    <message>
        <source>Name the vault&apos;s Owner with --owner NAME.</source>
        <translation>Geben Sie den Besitzer des Tresors mit --owner NAME an.</translation>
    </message>
    <message>
        <source>New passphrase for %1: </source>
        <translation>Neue Passphrase für %1: </translation>
    </message>
    <message>
        <source>Repeat the passphrase: </source>
        <translation>Passphrase wiederholen: </translation>
    </message>
    <message>
        <source>init creates a vault file. A PostgreSQL vault is set up once by the database owner: keywardctl --db CONNINFO db setup --owner LOGIN.</source>
        <translation>init erstellt eine Tresordatei. Ein PostgreSQL-Tresor wird einmalig vom Besitzer der Datenbank eingerichtet: keywardctl --db CONNINFO db setup --owner LOGIN.</translation>
    </message>
    <message>
        <source>Created the vault %1. %2 is its Owner; its keys start with %3_.
Its fingerprint is %4. Pin it where the vault is used (keywardctl --pin or KEYWARD_VAULT_PIN, keyward-verifyd&apos;s vault_pin, the window&apos;s Preferences), so that a vault rewritten by someone with access to the file is refused.</source>
        <translation>Tresor %1 angelegt. %2 ist sein Besitzer; seine Schlüssel beginnen mit %3_.
Sein Fingerabdruck ist %4. Hinterlegen Sie ihn überall, wo der Tresor verwendet wird (keywardctl --pin oder KEYWARD_VAULT_PIN, vault_pin von keyward-verifyd, die Einstellungen des Fensters), damit ein Tresor, den jemand mit Zugriff auf die Datei neu geschrieben hat, abgelehnt wird.</translation>
    </message>
</context>
<context>
    <name>IpAllowlist</name>
    <message>
        <source>Allowed address %1 is empty. Separate addresses with a single comma.</source>
        <translation>Erlaubte Adresse %1 ist leer. Trennen Sie Adressen durch ein einzelnes Komma.</translation>
    </message>
    <message>
        <source>Allowed address %1 is too long to be an address or range (at most %2 characters).</source>
        <translation>Erlaubte Adresse %1 ist zu lang für eine Adresse oder einen Bereich (höchstens %2 Zeichen).</translation>
    </message>
    <message>
        <source>Allowed address %1 (%2) has a zone (%); zones are not supported, give the address alone.</source>
        <translation>Erlaubte Adresse %1 (%2) enthält eine Zone (%); Zonen werden nicht unterstützt, geben Sie nur die Adresse an.</translation>
    </message>
    <message>
        <source>Allowed address %1 is not an IP address or range: %2 cannot appear in one. Examples: 192.0.2.10, 10.0.0.0/8, 2001:db8::/32.</source>
        <translation>Erlaubte Adresse %1 ist weder eine IP-Adresse noch ein Bereich: %2 kann darin nicht vorkommen. Beispiele: 192.0.2.10, 10.0.0.0/8, 2001:db8::/32.</translation>
    </message>
    <message>
        <source>Allowed address %1 (%2) has more than one “/”.</source>
        <translation>Erlaubte Adresse %1 (%2) enthält mehr als ein „/“.</translation>
    </message>
    <message>
        <source>Allowed address %1 (%2) is not an IP address. Examples: 192.0.2.10, 10.0.0.0/8, 2001:db8::/32.</source>
        <translation>Erlaubte Adresse %1 (%2) ist keine IP-Adresse. Beispiele: 192.0.2.10, 10.0.0.0/8, 2001:db8::/32.</translation>
    </message>
    <message>
        <source>Allowed address %1 (%2) has an invalid prefix length: it must be a number from 0 to %3 for this address.</source>
        <translation>Erlaubte Adresse %1 (%2) hat eine ungültige Präfixlänge: Sie muss für diese Adresse eine Zahl von 0 bis %3 sein.</translation>
    </message>
    <message>
        <source>Allowed address %1 (%2) mixes IPv4-mapped and other IPv6 addresses; give IPv4 and IPv6 ranges separately.</source>
        <translation>Erlaubte Adresse %1 (%2) mischt IPv4-gemappte und andere IPv6-Adressen; geben Sie IPv4- und IPv6-Bereiche getrennt an.</translation>
    </message>
    <message>
        <source>Allowed address %1 (%2) is not an IP address or range.</source>
        <translation>Erlaubte Adresse %1 (%2) ist weder eine IP-Adresse noch ein Bereich.</translation>
    </message>
    <message>
        <source>Allowed address %1 (%2) has bits set after its prefix: did you mean %3/%4?</source>
        <translation>Erlaubte Adresse %1 (%2) hat hinter ihrem Präfix gesetzte Bits: Meinten Sie %3/%4?</translation>
    </message>
    <message>
        <source>Too many allowed addresses (%1); at most %2 are allowed. Use ranges such as 10.0.0.0/8 to cover many addresses.</source>
        <translation>Zu viele erlaubte Adressen (%1); höchstens %2 sind zulässig. Verwenden Sie Bereiche wie 10.0.0.0/8, um viele Adressen abzudecken.</translation>
    </message>
    <message>
        <source>Allowed address %1 (%2) has a part with a leading zero, which some programs read as octal: write 10.0.0.1, not 010.0.0.1.</source>
        <translation>Erlaubte Adresse %1 (%2) hat einen Teil mit führender Null, den manche Programme oktal lesen: Schreiben Sie 10.0.0.1, nicht 010.0.0.1.</translation>
    </message>
</context>
<context>
    <name>KeyBulkCommands</name>
    <message>
        <source>Cannot read standard input.</source>
        <translation>Die Standardeingabe ist nicht lesbar.</translation>
    </message>
    <message>
        <source>Standard input is longer than 16 MiB.</source>
        <translation>Die Standardeingabe ist länger als 16 MiB.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a key id; ids are the numbers in &quot;keywardctl key list&quot;.</source>
        <translation>„%1“ ist keine Schlüssel-ID; IDs sind die Zahlen in „keywardctl key list“.</translation>
    </message>
    <message>
        <source>Name at least one key id, or use --stdin.</source>
        <translation>Nennen Sie mindestens eine Schlüssel-ID oder verwenden Sie --stdin.</translation>
    </message>
    <message>
        <source>There is no key with id %1. Nothing was changed.</source>
        <translation>Es gibt keinen Schlüssel mit der ID %1. Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Applies one change to many keys in one transaction, with an audit entry for each key. A key that is refused (your role, tampered, changed by someone else) is listed with the reason while the others go through; exit 1 when any was refused. Keys already in the asked state are left as they are. Stopping Production keys asks for confirmation (or --yes).</source>
        <translation>Wendet eine Änderung in einer Transaktion auf viele Schlüssel an, mit einem Audit-Eintrag je Schlüssel. Ein abgelehnter Schlüssel (Ihre Rolle, manipuliert, von jemand anderem geändert) wird mit dem Grund aufgeführt, während die anderen durchgehen; Exit 1, wenn einer abgelehnt wurde. Schlüssel, die schon im gewünschten Zustand sind, bleiben, wie sie sind. Das Stoppen von Produktionsschlüsseln fragt nach einer Bestätigung (oder --yes).</translation>
    </message>
    <message>
        <source>Also read key ids from standard input (spaces, commas or lines).</source>
        <translation>Schlüssel-IDs auch von der Standardeingabe lesen (Leerzeichen, Kommas oder Zeilen).</translation>
    </message>
    <message>
        <source>shorten-expiry: the new expiry; keys expiring sooner keep theirs.</source>
        <translation>shorten-expiry: der neue Ablauf; früher ablaufende Schlüssel behalten ihren.</translation>
    </message>
    <message>
        <source>Do not ask for confirmation.</source>
        <translation>Nicht nach einer Bestätigung fragen.</translation>
    </message>
    <message>
        <source>Unknown change &quot;%1&quot;; use deactivate, activate, revoke, delete or shorten-expiry.</source>
        <translation>Unbekannte Änderung „%1“; verwenden Sie deactivate, activate, revoke, delete oder shorten-expiry.</translation>
    </message>
    <message>
        <source>shorten-expiry needs --expires.</source>
        <translation>shorten-expiry braucht --expires.</translation>
    </message>
    <message>
        <source>--expires only goes with shorten-expiry.</source>
        <translation>--expires gehört nur zu shorten-expiry.</translation>
    </message>
    <message numerus="yes">
        <source>Not changing %n Production key(s) without confirmation: add --yes. (%1)</source>
        <translation>
            <numerusform>%n Produktionsschlüssel wird ohne Bestätigung nicht geändert: fügen Sie --yes hinzu. (%1)</numerusform>
            <numerusform>%n Produktionsschlüssel werden ohne Bestätigung nicht geändert: fügen Sie --yes hinzu. (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %n Production key(s): %2? Services using them stop working. Type &quot;yes&quot; to go ahead:</source>
        <translation>
            <numerusform>%1 für %n Produktionsschlüssel: %2? Dienste, die ihn verwenden, funktionieren dann nicht mehr. Geben Sie „yes“ ein, um fortzufahren:</numerusform>
            <numerusform>%1 für %n Produktionsschlüssel: %2? Dienste, die sie verwenden, funktionieren dann nicht mehr. Geben Sie „yes“ ein, um fortzufahren:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left %n key(s) as they were (already done).</source>
        <translation>
            <numerusform>%n Schlüssel blieb, wie er war (schon erledigt).</numerusform>
            <numerusform>%n Schlüssel blieben, wie sie waren (schon erledigt).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refused %n key(s):</source>
        <translation>
            <numerusform>%n Schlüssel abgelehnt:</numerusform>
            <numerusform>%n Schlüssel abgelehnt:</numerusform>
        </translation>
    </message>
    <message>
        <source>  %1 &quot;%2&quot;: %3</source>
        <translation>  %1 „%2“: %3</translation>
    </message>
    <message>
        <source>Writes the keys&apos; metadata (all keys, or the ids given) as CSV or JSON for spreadsheets and other tools. Hints only, never a secret.</source>
        <translation>Schreibt die Metadaten der Schlüssel (aller oder der angegebenen IDs) als CSV oder JSON für Tabellenkalkulationen und andere Werkzeuge. Nur Hinweise, nie ein Geheimnis.</translation>
    </message>
    <message>
        <source>csv (default) or json.</source>
        <translation>csv (Standard) oder json.</translation>
    </message>
    <message>
        <source>Write to FILE (replaced as a whole) instead of standard output.</source>
        <translation>In DATEI (als Ganzes ersetzt) statt auf die Standardausgabe schreiben.</translation>
    </message>
    <message>
        <source>Unknown format &quot;%1&quot;; use csv or json.</source>
        <translation>Unbekanntes Format „%1“; verwenden Sie csv oder json.</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n key(s) to %1.</source>
        <translation>
            <numerusform>%n Schlüssel nach %1 geschrieben.</numerusform>
            <numerusform>%n Schlüssel nach %1 geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <source>shorten-expiry needs a date, not &quot;never&quot;.</source>
        <translation>shorten-expiry braucht ein Datum, nicht „never“.</translation>
    </message>
</context>
<context>
    <name>KeyCreateCommand</name>
    <message>
        <source>Creates a key and prints its token on stdout, once: it cannot be shown again, only regenerated. With --json, prints {&quot;id&quot;:...,&quot;token&quot;:...}.</source>
        <translation>Erstellt einen Schlüssel und gibt sein Token einmalig auf stdout aus: Es kann nicht erneut angezeigt, nur neu erzeugt werden. Mit --json wird {&quot;id&quot;:...,&quot;token&quot;:...} ausgegeben.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>What the key is for.</source>
        <translation>Wofür der Schlüssel dient.</translation>
    </message>
    <message>
        <source>ENV</source>
        <translation>ENV</translation>
    </message>
    <message>
        <source>live (Production), stg (Staging) or dev.</source>
        <translation>live (Produktion), stg (Staging) oder dev.</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>ROLE</translation>
    </message>
    <message>
        <source>owner, admin, developer or viewer; not above your own role.</source>
        <translation>owner, admin, developer oder viewer; nicht höher als Ihre eigene Rolle.</translation>
    </message>
    <message>
        <source>GRANT</source>
        <translation>GRANT</translation>
    </message>
    <message>
        <source>A grant of the role, e.g. customers:read; repeat for more (default: all of the role&apos;s grants).</source>
        <translation>Eine Berechtigung der Rolle, z. B. customers:read; für weitere wiederholen (Standard: alle Berechtigungen der Rolle).</translation>
    </message>
    <message>
        <source>WHEN</source>
        <translation>WHEN</translation>
    </message>
    <message>
        <source>90d, 7d, ..., a date such as 2027-01-31, or never (default: 90d).</source>
        <translation>90d, 7d, ..., ein Datum wie 2027-01-31 oder never (Standard: 90d).</translation>
    </message>
    <message>
        <source>RATE</source>
        <translation>RATE</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <source>Free-form notes.</source>
        <translation>Notizen in freier Form.</translation>
    </message>
    <message>
        <source>--%1 is required.</source>
        <translation>--%1 ist erforderlich.</translation>
    </message>
    <message>
        <source>Unknown environment &quot;%1&quot;; use live, stg or dev.</source>
        <translation>Unbekannte Umgebung „%1“; verwenden Sie live, stg oder dev.</translation>
    </message>
    <message>
        <source>Unknown role &quot;%1&quot;; use owner, admin, developer or viewer.</source>
        <translation>Unbekannte Rolle „%1“; verwenden Sie owner, admin, developer oder viewer.</translation>
    </message>
    <message>
        <source>Cannot read the rate limit &quot;%1&quot;; use e.g. 100/min.</source>
        <translation>Das Ratenlimit „%1“ ist nicht lesbar; verwenden Sie z. B. 100/min.</translation>
    </message>
    <message>
        <source>The usage limit must be a whole number of at least 1.</source>
        <translation>Das Nutzungslimit muss eine ganze Zahl von mindestens 1 sein.</translation>
    </message>
    <message>
        <source>Created key %1 for %2, expiring %3. This is the only time its token is shown: store it now.</source>
        <translation>Schlüssel %1 für %2 erstellt, Ablauf: %3. Sein Token wird nur dieses eine Mal angezeigt: Speichern Sie es jetzt.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>e.g. 100/min, 5/s, 1000/hour (default: none). Holds across every verifier on the vault or database, not per process.</source>
        <translation>z. B. 100/min, 5/s, 1000/hour (Standard: keines). Gilt für alle Prüfer des Tresors oder der Datenbank zusammen, nicht pro Prozess.</translation>
    </message>
    <message>
        <source>Total requests allowed, across every verifier (default: unlimited).</source>
        <translation>Insgesamt erlaubte Anfragen, über alle Prüfer hinweg (Standard: unbegrenzt).</translation>
    </message>
    <message>
        <source>Customer the key is scoped to: a request naming another customer is refused (exact match; case counts).</source>
        <translation>Kunde, auf den der Schlüssel beschränkt ist: Eine Anfrage, die einen anderen Kunden nennt, wird abgelehnt (exakte Übereinstimmung; Groß-/Kleinschreibung wird beachtet).</translation>
    </message>
    <message>
        <source>ADDR</source>
        <translation>ADDR</translation>
    </message>
    <message>
        <source>An IPv4 or IPv6 address or CIDR range the key may be used from, e.g. 10.0.0.0/8; repeat or separate with commas for more (default: any address).</source>
        <translation>Eine IPv4- oder IPv6-Adresse oder ein CIDR-Bereich, von dem aus der Schlüssel verwendet werden darf, z. B. 10.0.0.0/8; für weitere wiederholen oder mit Kommas trennen (Standard: jede Adresse).</translation>
    </message>
    <message>
        <source>--allow-ip needs an address or range.</source>
        <translation>--allow-ip erfordert eine Adresse oder einen Bereich.</translation>
    </message>
    <message>
        <source>Key %1 was created, but its token could not be written to stdout, so nobody has it. Give it a new one with &quot;keywardctl key regenerate %2&quot;, or delete it.</source>
        <translation>Schlüssel %1 wurde angelegt, aber sein Token konnte nicht auf die Standardausgabe geschrieben werden, also hat ihn niemand. Geben Sie ihm mit „keywardctl key regenerate %2“ ein neues, oder löschen Sie ihn.</translation>
    </message>
</context>
<context>
    <name>KeyEditCommands</name>
    <message>
        <source>Saved key %1.</source>
        <translation>Schlüssel %1 gespeichert.</translation>
    </message>
    <message>
        <source>Renames a key.</source>
        <translation>Benennt einen Schlüssel um.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>A new name.</source>
        <translation>Ein neuer Name.</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <source>New notes (&quot;&quot; clears them).</source>
        <translation>Neue Notizen (&quot;&quot; leert sie).</translation>
    </message>
    <message>
        <source>RATE</source>
        <translation>RATE</translation>
    </message>
    <message>
        <source>WHEN</source>
        <translation>WHEN</translation>
    </message>
    <message>
        <source>Cannot read the rate limit &quot;%1&quot;; use e.g. 100/min.</source>
        <translation>Das Ratenlimit „%1“ ist nicht lesbar; verwenden Sie z. B. 100/min.</translation>
    </message>
    <message>
        <source>Gives a key a new secret and prints it on stdout, once. The old secret keeps working for the grace period (default 0: it stops at once). With --json, prints {&quot;id&quot;:...,&quot;token&quot;:...}.</source>
        <translation>Gibt einem Schlüssel ein neues Geheimnis und gibt es einmalig auf stdout aus. Das alte Geheimnis bleibt während der Übergangsfrist gültig (Standard 0: es wird sofort ungültig). Mit --json wird {&quot;id&quot;:...,&quot;token&quot;:...} ausgegeben.</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>TIME</translation>
    </message>
    <message>
        <source>How long the old secret keeps working: 0, 1h, 24h, 3d or 7d.</source>
        <translation>Wie lange das alte Geheimnis gültig bleibt: 0, 1h, 24h, 3d oder 7d.</translation>
    </message>
    <message>
        <source>Cannot read the grace period &quot;%1&quot;; use 0, 1h, 24h, 3d or 7d.</source>
        <translation>Die Übergangsfrist „%1“ ist nicht lesbar; verwenden Sie 0, 1h, 24h, 3d oder 7d.</translation>
    </message>
    <message>
        <source>Changes what may change after creation. The expiry can only be made shorter; role and grants never change. The usage limit is for Admins and Owners.</source>
        <translation>Ändert, was nach der Erstellung geändert werden darf. Der Ablauf kann nur verkürzt werden; Rolle und Berechtigungen ändern sich nie. Das Nutzungslimit können nur Administratoren und Besitzer ändern.</translation>
    </message>
    <message>
        <source>A shorter expiry: 30d (from now) or a date such as 2027-01-31 (the key works through the end of that day, UTC).</source>
        <translation>Ein kürzerer Ablauf: 30d (ab jetzt) oder ein Datum wie 2027-01-31 (der Schlüssel funktioniert bis zum Ende dieses Tages, UTC).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Admins and Owners: a new usage limit in requests (raise or lower it), or none.</source>
        <translation>Administratoren und Besitzer: ein neues Nutzungslimit in Anfragen (höher oder niedriger als bisher) oder none.</translation>
    </message>
    <message>
        <source>Cannot read the usage limit &quot;%1&quot;; use a number of requests (at least 1) or none.</source>
        <translation>Das Nutzungslimit „%1“ ist nicht lesbar; verwenden Sie eine Anzahl von Anfragen (mindestens 1) oder none.</translation>
    </message>
    <message>
        <source>This is the only time the new token is shown: store it now.</source>
        <translation>Das neue Token wird nur dieses eine Mal angezeigt: Speichern Sie es jetzt.</translation>
    </message>
    <message>
        <source>Regenerated key %1. The key is inactive: no secret works until you activate it (%2). The old secret is retired at %3 either way. %4</source>
        <translation>Schlüssel %1 neu erzeugt. Der Schlüssel ist inaktiv: Kein Geheimnis funktioniert, bis Sie ihn aktivieren (%2). Das alte Geheimnis wird in jedem Fall am %3 außer Kraft gesetzt. %4</translation>
    </message>
    <message>
        <source>Regenerated key %1. The key is inactive: the new secret works only after you activate it (%2); the old secret has stopped for good. %3</source>
        <translation>Schlüssel %1 neu erzeugt. Der Schlüssel ist inaktiv: Das neue Geheimnis funktioniert erst, nachdem Sie ihn aktiviert haben (%2); das alte Geheimnis ist endgültig ungültig. %3</translation>
    </message>
    <message>
        <source>Regenerated key %1. The old secret keeps working until %2. %3</source>
        <translation>Schlüssel %1 neu erzeugt. Das alte Geheimnis bleibt bis %2 gültig. %3</translation>
    </message>
    <message>
        <source>Regenerated key %1. The old secret has stopped working. %2</source>
        <translation>Schlüssel %1 neu erzeugt. Das alte Geheimnis ist nicht mehr gültig. %2</translation>
    </message>
    <message>
        <source>Admins and Owners: counts the key&apos;s use against its usage limit from 0 again, so a key refused as UsageExceeded works again. Audited.</source>
        <translation>Administratoren und Besitzer: Zählt die Nutzung des Schlüssels für sein Nutzungslimit wieder ab 0, sodass ein als UsageExceeded abgelehnter Schlüssel wieder funktioniert. Wird im Prüfprotokoll erfasst.</translation>
    </message>
    <message>
        <source>Reset the usage of key %1: %2 used before, 0 now.</source>
        <translation>Nutzung von Schlüssel %1 zurückgesetzt: vorher %2 verbraucht, jetzt 0.</translation>
    </message>
    <message>
        <source>e.g. 100/min, or none; holds across every verifier on the vault or database.</source>
        <translation>z. B. 100/min oder none; gilt für alle Prüfer des Tresors oder der Datenbank zusammen.</translation>
    </message>
    <message>
        <source>ADDR</source>
        <translation>ADDR</translation>
    </message>
    <message>
        <source>The addresses and CIDR ranges the key may be used from, replacing its list; repeat or separate with commas for more.</source>
        <translation>Die Adressen und CIDR-Bereiche, von denen aus der Schlüssel verwendet werden darf; ersetzt seine bisherige Liste. Für weitere wiederholen oder mit Kommas trennen.</translation>
    </message>
    <message>
        <source>Clears the key&apos;s address list: any address may use it.</source>
        <translation>Leert die Adressliste des Schlüssels: Jede Adresse darf ihn verwenden.</translation>
    </message>
    <message>
        <source>Say what to change: --name, --notes, --rate-limit, --expires, --usage-limit, --allow-ip or --any-ip.</source>
        <translation>Geben Sie an, was geändert werden soll: --name, --notes, --rate-limit, --expires, --usage-limit, --allow-ip oder --any-ip.</translation>
    </message>
    <message>
        <source>Give either --allow-ip or --any-ip, not both.</source>
        <translation>Geben Sie entweder --allow-ip oder --any-ip an, nicht beides.</translation>
    </message>
    <message>
        <source>--allow-ip needs an address or range; --any-ip clears the list.</source>
        <translation>--allow-ip erfordert eine Adresse oder einen Bereich; --any-ip leert die Liste.</translation>
    </message>
    <message>
        <source>The new token of key %1 could not be written to stdout, so nobody has it. The old secret keeps working; run the command again.</source>
        <translation>Das neue Token von Schlüssel %1 konnte nicht auf die Standardausgabe geschrieben werden, also hat es niemand. Das alte Geheimnis funktioniert weiter; führen Sie den Befehl erneut aus.</translation>
    </message>
    <message>
        <source>The new token is above, but the old secret of key %1 could not be retired, so it keeps working: %2 Regenerate the key again or revoke it.</source>
        <translation>Das neue Token steht oben, aber das alte Geheimnis von Schlüssel %1 konnte nicht außer Kraft gesetzt werden und funktioniert daher weiter: %2 Erzeugen Sie den Schlüssel erneut neu oder widerrufen Sie ihn.</translation>
    </message>
    <message>
        <source>Do not ask for confirmation.</source>
        <translation>Nicht nach Bestätigung fragen.</translation>
    </message>
    <message>
        <source>Ends a regenerated key&apos;s grace period now: its previous secret stops working at once instead of at the end of the grace period. First shows that secret&apos;s impact: its requests of the last 7 days and every source that presented it (with --json, the result&apos;s &quot;impact&quot; list). A Production key asks for confirmation (or --yes). Audited.</source>
        <translation>Beendet die Übergangsfrist eines neu erzeugten Schlüssels jetzt: Sein voriges Geheimnis wird sofort ungültig statt am Ende der Übergangsfrist. Zeigt zuerst, was das betrifft: die Anfragen der letzten 7 Tage mit diesem Geheimnis und jede Quelle, die es vorgelegt hat (mit --json die Liste „impact“ im Ergebnis). Ein Produktionsschlüssel fragt nach einer Bestätigung (oder --yes). Wird protokolliert.</translation>
    </message>
    <message>
        <source>Impact of ending %1 (it would otherwise work until %2):</source>
        <translation>Auswirkung, wenn %1 jetzt endet (sonst gültig bis %2):</translation>
    </message>
    <message>
        <source>Not ending the grace period of the Production key %1 without confirmation: add --yes.</source>
        <translation>Die Übergangsfrist des Produktionsschlüssels %1 wird ohne Bestätigung nicht beendet: Fügen Sie --yes hinzu.</translation>
    </message>
    <message>
        <source>End the grace period of the Production key %1? Services still using the previous secret stop working at once. Type &quot;yes&quot; to end it:</source>
        <translation>Übergangsfrist des Produktionsschlüssels %1 beenden? Dienste, die noch das vorige Geheimnis verwenden, funktionieren sofort nicht mehr. Geben Sie „yes“ ein, um sie zu beenden:</translation>
    </message>
    <message>
        <source>Ended the grace period of key %1: only its newest secret %2 works now.</source>
        <translation>Übergangsfrist von Schlüssel %1 beendet: Nur noch sein neuestes Geheimnis %2 funktioniert.</translation>
    </message>
</context>
<context>
    <name>KeyImpact</name>
    <message>
        <source>current secret</source>
        <translation>aktuelles Geheimnis</translation>
    </message>
    <message>
        <source>previous secret</source>
        <translation>voriges Geheimnis</translation>
    </message>
    <message>
        <source>retired secret</source>
        <translation>außer Kraft gesetztes Geheimnis</translation>
    </message>
    <message>
        <source>unknown secret</source>
        <translation>unbekanntes Geheimnis</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>The request log kept none of the last 7 days&apos; requests that presented %1.</source>
        <translation>Das Anfrageprotokoll enthält keine der Anfragen der letzten 7 Tage, die %1 vorgelegt haben.</translation>
    </message>
    <message>
        <source>No request presented %1 in the last 7 days.</source>
        <translation>Keine Anfrage der letzten 7 Tage hat %1 vorgelegt.</translation>
    </message>
    <message numerus="yes">
        <source>At least %n request(s) presented %1 in the last 7 days: %2.</source>
        <translation>
            <numerusform>Mindestens %n Anfrage hat in den letzten 7 Tagen %1 vorgelegt: %2.</numerusform>
            <numerusform>Mindestens %n Anfragen haben in den letzten 7 Tagen %1 vorgelegt: %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) presented %1 in the last 7 days: %2.</source>
        <translation>
            <numerusform>%n Anfrage hat in den letzten 7 Tagen %1 vorgelegt: %2.</numerusform>
            <numerusform>%n Anfragen haben in den letzten 7 Tagen %1 vorgelegt: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>No requests in the last 7 days.</source>
        <translation>Keine Anfragen in den letzten 7 Tagen.</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) in the last 7 days: %1.</source>
        <translation>
            <numerusform>%n Anfrage in den letzten 7 Tagen: %1.</numerusform>
            <numerusform>%n Anfragen in den letzten 7 Tagen: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: last %2, %3</source>
        <translation>%1: zuletzt %2, %3</translation>
    </message>
    <message>
        <source>(unnamed source)</source>
        <translation>(Quelle ohne Namen)</translation>
    </message>
    <message>
        <source>Not used in the last 7 days.</source>
        <translation>In den letzten 7 Tagen nicht verwendet.</translation>
    </message>
    <message>
        <source>Still in use: it was presented in the last 7 days.</source>
        <translation>Noch in Gebrauch: Er wurde in den letzten 7 Tagen vorgelegt.</translation>
    </message>
    <message numerus="yes">
        <source>Still in use: %n source(s) presented it in the last 7 days.</source>
        <translation>
            <numerusform>Noch in Gebrauch: %n Quelle hat ihn in den letzten 7 Tagen vorgelegt.</numerusform>
            <numerusform>Noch in Gebrauch: %n Quellen haben ihn in den letzten 7 Tagen vorgelegt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sources, newest first:</source>
        <translation>Quellen, neueste zuerst:</translation>
    </message>
</context>
<context>
    <name>KeyLookup</name>
    <message>
        <source>&quot;%1&quot; is not a key id; ids are the numbers in &quot;keywardctl key list&quot;.</source>
        <translation>„%1“ ist keine Schlüssel-ID; IDs sind die Zahlen in „keywardctl key list“.</translation>
    </message>
</context>
<context>
    <name>KeyPresenter</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>ENV</source>
        <translation>UMGEBUNG</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>KEY</source>
        <translation>SCHLÜSSEL</translation>
    </message>
    <message>
        <source>EXPIRES</source>
        <translation>LÄUFT AB</translation>
    </message>
    <message>
        <source>LAST USED</source>
        <translation>ZULETZT VERWENDET</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Key %1: %2</source>
        <translation>Schlüssel %1: %2</translation>
    </message>
    <message>
        <source>  Status:      %1</source>
        <translation>  Status:         %1</translation>
    </message>
    <message>
        <source>  Environment: %1 (%2)</source>
        <translation>  Umgebung:       %1 (%2)</translation>
    </message>
    <message>
        <source>  Role:        %1</source>
        <translation>  Rolle:          %1</translation>
    </message>
    <message>
        <source>  Grants:      %1</source>
        <translation>  Berechtigungen: %1</translation>
    </message>
    <message>
        <source>  Expires:     %1</source>
        <translation>  Läuft ab:       %1</translation>
    </message>
    <message>
        <source>  Rate limit:  %1</source>
        <translation>  Ratenlimit:     %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>  Usage:       %1 of %2</source>
        <translation>  Nutzung:        %1 von %2</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>  Customer:    %1</source>
        <translation>  Kunde:          %1</translation>
    </message>
    <message>
        <source>  Created:     %1 by %2</source>
        <translation>  Erstellt:       %1 von %2</translation>
    </message>
    <message>
        <source>  Revoked:     %1</source>
        <translation>  Widerrufen:     %1</translation>
    </message>
    <message>
        <source>  Flagged:     deactivated because its creator was removed or demoted</source>
        <translation>  Markiert:       deaktiviert, weil sein Ersteller entfernt oder herabgestuft wurde</translation>
    </message>
    <message>
        <source>retired %1</source>
        <translation>außer Kraft seit %1</translation>
    </message>
    <message>
        <source>stops working %1</source>
        <translation>gültig bis %1</translation>
    </message>
    <message>
        <source>current</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>  Secret %1:  %2, created %3, %4, last used %5</source>
        <translation>  Geheimnis %1:  %2, erstellt %3, %4, zuletzt verwendet %5</translation>
    </message>
    <message>
        <source>  Notes:</source>
        <translation>  Notizen:</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; (%3)</source>
        <translation>%1 „%2“ (%3)</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>, refused %1 (%2)</source>
        <translation>, abgelehnt %1 (%2)</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>  Allowed IPs: %1</source>
        <translation>  Erlaubte IPs:   %1</translation>
    </message>
    <message>
        <source>any address</source>
        <translation>jede Adresse</translation>
    </message>
</context>
<context>
    <name>KeyQueryCommands</name>
    <message>
        <source>Lists the keys (revoked keys only with --all). With --json, one object per key and line; names and notes are given verbatim.</source>
        <translation>Listet die Schlüssel auf (widerrufene nur mit --all). Mit --json ein Objekt pro Schlüssel und Zeile; Namen und Notizen werden unverändert ausgegeben.</translation>
    </message>
    <message>
        <source>Include revoked keys.</source>
        <translation>Widerrufene Schlüssel einbeziehen.</translation>
    </message>
    <message>
        <source>No keys yet. Create one with &quot;keywardctl key create&quot;.</source>
        <translation>Noch keine Schlüssel. Erstellen Sie einen mit „keywardctl key create“.</translation>
    </message>
    <message>
        <source>Shows one key: its configuration, status and secrets (hints only).</source>
        <translation>Zeigt einen Schlüssel: seine Konfiguration, seinen Status und seine Geheimnisse (nur Kurzformen).</translation>
    </message>
    <message>
        <source>Only keys that have not expired yet but will within this time (for cron jobs: nothing is printed when none will).</source>
        <translation>Nur Schlüssel, die noch nicht abgelaufen sind, aber innerhalb dieser Zeit ablaufen (für Cron-Jobs: Es wird nichts ausgegeben, wenn keiner abläuft).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time span; use for example 7d, 30d or 12h.</source>
        <translation>„%1“ ist keine Zeitspanne; verwenden Sie zum Beispiel 7d, 30d oder 12h.</translation>
    </message>
    <message>
        <source>Writes an iCalendar (.ics) file with an event for every key&apos;s expiry and every grace period&apos;s end, with reminders 30, 14, 7 and 1 days before, for your own calendar. Metadata only, never a secret.</source>
        <translation>Schreibt eine iCalendar-Datei (.ics) mit einem Termin für den Ablauf jedes Schlüssels und das Ende jeder Übergangsfrist, mit Erinnerungen 30, 14, 7 und 1 Tag vorher, für Ihren eigenen Kalender. Nur Metadaten, nie ein Geheimnis.</translation>
    </message>
    <message>
        <source>Write to FILE (replaced as a whole) instead of standard output.</source>
        <translation>In DATEI (als Ganzes ersetzt) statt auf die Standardausgabe schreiben.</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n event(s) to %1.</source>
        <translation>
            <numerusform>%n Termin nach %1 geschrieben.</numerusform>
            <numerusform>%n Termine nach %1 geschrieben.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeyReader</name>
    <message>
        <source>Cannot read the keys.</source>
        <translation>Die Schlüssel können nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Cannot read the key.</source>
        <translation>Der Schlüssel kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>There is no key with id %1.</source>
        <translation>Es gibt keinen Schlüssel mit der ID %1.</translation>
    </message>
</context>
<context>
    <name>KeyScanner</name>
    <message>
        <source>a Keyward key with a valid check: revoke it in the vault and remove it from the file and its history</source>
        <translation>ein Keyward-Schlüssel mit gültiger Prüfsumme: Widerrufen Sie ihn im Tresor und entfernen Sie ihn aus der Datei und ihrem Verlauf</translation>
    </message>
    <message>
        <source>shaped like a Keyward key, but its check characters are wrong (a placeholder or a changed key); not counted as a leak</source>
        <translation>sieht aus wie ein Keyward-Schlüssel, aber seine Prüfzeichen sind falsch (ein Platzhalter oder ein veränderter Schlüssel); zählt nicht als Leck</translation>
    </message>
    <message>
        <source>the start of a Keyward key, cut short; not counted as a leak</source>
        <translation>der Anfang eines Keyward-Schlüssels, abgeschnitten; zählt nicht als Leck</translation>
    </message>
    <message>
        <source>shaped like a Keyward key, but names an unknown environment; not counted as a leak</source>
        <translation>sieht aus wie ein Keyward-Schlüssel, nennt aber eine unbekannte Umgebung; zählt nicht als Leck</translation>
    </message>
</context>
<context>
    <name>KeyStateCommands</name>
    <message>
        <source>Not revoking the Production key %1 without confirmation: add --yes.</source>
        <translation>Der Produktionsschlüssel %1 wird ohne Bestätigung nicht widerrufen: Fügen Sie --yes hinzu.</translation>
    </message>
    <message>
        <source>Not deleting the Production key %1 without confirmation: add --yes.</source>
        <translation>Der Produktionsschlüssel %1 wird ohne Bestätigung nicht gelöscht: Fügen Sie --yes hinzu.</translation>
    </message>
    <message>
        <source>Revoke the Production key %1? Services using it stop working at once, and revocation cannot be undone. Type &quot;yes&quot; to revoke:</source>
        <translation>Den Produktionsschlüssel %1 widerrufen? Dienste, die ihn verwenden, funktionieren sofort nicht mehr, und der Widerruf kann nicht rückgängig gemacht werden. Geben Sie zum Widerrufen „ja“ ein:</translation>
    </message>
    <message>
        <source>Delete the Production key %1? Services using it stop working at once; the audit log keeps its history. Type &quot;yes&quot; to delete:</source>
        <translation>Den Produktionsschlüssel %1 löschen? Dienste, die ihn verwenden, funktionieren sofort nicht mehr; das Prüfprotokoll behält seinen Verlauf. Geben Sie zum Löschen „ja“ ein:</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>Abgebrochen; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Activates a deactivated key again.</source>
        <translation>Aktiviert einen deaktivierten Schlüssel wieder.</translation>
    </message>
    <message>
        <source>Deactivates a key: it stops working until it is activated again.</source>
        <translation>Deaktiviert einen Schlüssel: Er funktioniert nicht mehr, bis er wieder aktiviert wird.</translation>
    </message>
    <message>
        <source>Revokes a key for good; its history stays. A Production key asks for confirmation (or --yes).</source>
        <translation>Widerruft einen Schlüssel endgültig; sein Verlauf bleibt erhalten. Bei einem Produktionsschlüssel wird eine Bestätigung verlangt (oder --yes).</translation>
    </message>
    <message>
        <source>Deletes a key from the list; the audit log keeps its history. A Production key asks for confirmation (or --yes).</source>
        <translation>Löscht einen Schlüssel aus der Liste; das Prüfprotokoll behält seinen Verlauf. Bei einem Produktionsschlüssel wird eine Bestätigung verlangt (oder --yes).</translation>
    </message>
    <message>
        <source>Do not ask for confirmation.</source>
        <translation>Nicht nach einer Bestätigung fragen.</translation>
    </message>
    <message>
        <source>Deleted key %1.</source>
        <translation>Schlüssel %1 gelöscht.</translation>
    </message>
    <message>
        <source>Revoked key %1.</source>
        <translation>Schlüssel %1 widerrufen.</translation>
    </message>
    <message>
        <source>Activated key %1.</source>
        <translation>Schlüssel %1 aktiviert.</translation>
    </message>
    <message>
        <source>Deactivated key %1.</source>
        <translation>Schlüssel %1 deaktiviert.</translation>
    </message>
    <message>
        <source>keywardctl: warning: cannot read the key&apos;s usage: %1</source>
        <translation>keywardctl: Warnung: Die Nutzung des Schlüssels ist nicht lesbar: %1</translation>
    </message>
    <message>
        <source>Impact of key %1:</source>
        <translation>Auswirkung auf Schlüssel %1:</translation>
    </message>
</context>
<context>
    <name>KeyToken</name>
    <message>
        <source>The key is well-formed.</source>
        <translation>Der Schlüssel ist korrekt aufgebaut.</translation>
    </message>
    <message>
        <source>No key was given.</source>
        <translation>Es wurde kein Schlüssel angegeben.</translation>
    </message>
    <message>
        <source>This is not a Keyward key: it does not have the shape &lt;prefix&gt;_&lt;live|stg|dev&gt;_&lt;49 letters and digits&gt;.</source>
        <translation>Dies ist kein Keyward-Schlüssel: Er hat nicht die Form &lt;Präfix&gt;_&lt;live|stg|dev&gt;_&lt;49 Buchstaben und Ziffern&gt;.</translation>
    </message>
    <message>
        <source>The key belongs to another vault or product: its prefix does not match.</source>
        <translation>Der Schlüssel gehört zu einem anderen Tresor oder Produkt: Sein Präfix passt nicht.</translation>
    </message>
    <message>
        <source>The key names an unknown environment; expected live, stg or dev.</source>
        <translation>Der Schlüssel nennt eine unbekannte Umgebung; erwartet wird live, stg oder dev.</translation>
    </message>
    <message>
        <source>The key is malformed: it was not copied in full or was changed.</source>
        <translation>Der Schlüssel ist fehlerhaft: Er wurde nicht vollständig kopiert oder wurde verändert.</translation>
    </message>
</context>
<context>
    <name>KeyUsageCommand</name>
    <message>
        <source>Shows how a key was used: requests per hour and outcome (UTC), last use per secret and the newest requests. Verifiers save usage every few seconds, so the last moments may be missing.</source>
        <translation>Zeigt, wie ein Schlüssel verwendet wurde: Anfragen pro Stunde und Ergebnis (UTC), letzte Verwendung pro Geheimnis und die neuesten Anfragen. Prüfer speichern die Nutzung alle paar Sekunden, daher können die letzten Augenblicke fehlen.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Hours to show, up to now (default 24, max 2160).</source>
        <translation>Anzuzeigende Stunden bis jetzt (Standard 24, höchstens 2160).</translation>
    </message>
    <message>
        <source>How many of the newest requests to list (default 20).</source>
        <translation>Wie viele der neuesten Anfragen aufgelistet werden (Standard 20).</translation>
    </message>
    <message>
        <source>--%1 takes a number from 1 to %2.</source>
        <translation>--%1 erwartet eine Zahl von 1 bis %2.</translation>
    </message>
    <message>
        <source>Used %1 of %2 requests.</source>
        <translation>%1 von %2 Anfragen verbraucht.</translation>
    </message>
    <message>
        <source>Last use per secret:</source>
        <translation>Letzte Verwendung pro Geheimnis:</translation>
    </message>
    <message>
        <source> (retired %1)</source>
        <translation> (außer Kraft seit %1)</translation>
    </message>
    <message>
        <source> (retires %1)</source>
        <translation> (gültig bis %1)</translation>
    </message>
    <message numerus="yes">
        <source>Requests per hour, last %n hour(s) (UTC):</source>
        <translation>
            <numerusform>Anfragen pro Stunde, letzte %n Stunde (UTC):</numerusform>
            <numerusform>Anfragen pro Stunde, letzte %n Stunden (UTC):</numerusform>
        </translation>
    </message>
    <message>
        <source>  none</source>
        <translation>  keine</translation>
    </message>
    <message>
        <source>Newest requests:</source>
        <translation>Neueste Anfragen:</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Geheimnis</translation>
    </message>
    <message numerus="yes">
        <source>Used %n time(s) (no usage limit).</source>
        <translation>
            <numerusform>%n-mal verwendet (kein Nutzungslimit).</numerusform>
            <numerusform>%n-mal verwendet (kein Nutzungslimit).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Keyward::AddMemberDialog</name>
    <message>
        <source>Add Member</source>
        <translation>Mitglied hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Give the new member this first passphrase in person, not by e-mail or chat.</source>
        <translation>Geben Sie dem neuen Mitglied diese erste Passphrase persönlich, nicht per E-Mail oder Chat.</translation>
    </message>
    <message>
        <source>&amp;Add Member</source>
        <translation>Mitglied &amp;hinzufügen</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>&amp;Rolle:</translation>
    </message>
</context>
<context>
    <name>Keyward::ApiKeysPage</name>
    <message>
        <source>Show Re&amp;voked Keys</source>
        <translation>&amp;Widerrufene Schlüssel anzeigen</translation>
    </message>
    <message>
        <source>Show &amp;Details Pane</source>
        <translation>&amp;Detailbereich anzeigen</translation>
    </message>
    <message>
        <source>Show the selected key&apos;s secrets, usage and history</source>
        <translation>Geheimnisse, Nutzung und Verlauf des ausgewählten Schlüssels anzeigen</translation>
    </message>
</context>
<context>
    <name>Keyward::AuditLogModel</name>
    <message>
        <source>Key ID %1</source>
        <translation>Schlüssel-ID %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>Keyward::AuditLogPage</name>
    <message>
        <source>Search member, action, key or details…</source>
        <translation>Mitglied, Aktion, Schlüssel oder Details suchen…</translation>
    </message>
    <message>
        <source>&amp;Verify Chain</source>
        <translation>Kette &amp;prüfen</translation>
    </message>
    <message>
        <source>Check that no audit row was changed or removed since it was written</source>
        <translation>Prüfen, dass kein Protokolleintrag seit dem Schreiben geändert oder entfernt wurde</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n Ereignis</numerusform>
            <numerusform>%n Ereignisse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The audit chain is intact: %Ln row(s) checked.</source>
        <translation>
            <numerusform>Die Protokollkette ist intakt: %Ln Eintrag geprüft.</numerusform>
            <numerusform>Die Protokollkette ist intakt: %Ln Einträge geprüft.</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit log was tampered with at row %1: %2</source>
        <translation>Das Prüfprotokoll wurde bei Eintrag %1 manipuliert: %2</translation>
    </message>
    <message numerus="yes">
        <source>Latest %Ln event(s)</source>
        <translation>
            <numerusform>Das neueste Ereignis</numerusform>
            <numerusform>Die neuesten %Ln Ereignisse</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Keyward::BackupCommands</name>
    <message>
        <source>Back &amp;Up Vault…</source>
        <translation>Tresor si&amp;chern…</translation>
    </message>
    <message>
        <source>Copy the vault into a new file while it stays open, and check the copy</source>
        <translation>Den Tresor im geöffneten Zustand in eine neue Datei kopieren und die Kopie prüfen</translation>
    </message>
    <message>
        <source>Restore from Bac&amp;kup…</source>
        <translation>Aus Sicherung &amp;wiederherstellen…</translation>
    </message>
    <message>
        <source>Put a backup of this vault back; the vault as it is now is kept beside it</source>
        <translation>Eine Sicherung dieses Tresors zurückspielen; der Tresor, wie er jetzt ist, wird daneben aufbewahrt</translation>
    </message>
    <message>
        <source>Export &amp;Expiry Calendar…</source>
        <translation>Ablauf&amp;kalender exportieren…</translation>
    </message>
    <message>
        <source>Save an iCalendar file with every key&apos;s expiry, for your own calendar&apos;s reminders</source>
        <translation>Eine iCalendar-Datei mit dem Ablauf jedes Schlüssels speichern, für die Erinnerungen Ihres eigenen Kalenders</translation>
    </message>
    <message>
        <source>Back Up Vault</source>
        <translation>Tresor sichern</translation>
    </message>
    <message>
        <source>Keyward backups (*.backup-*);;All files (*)</source>
        <translation>Keyward-Sicherungen (*.backup-*);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Restore from Backup</source>
        <translation>Aus Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Keyward backups (*.backup-* *.keyward);;All files (*)</source>
        <translation>Keyward-Sicherungen (*.backup-* *.keyward);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export Expiry Calendar</source>
        <translation>Ablaufkalender exportieren</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics);;All files (*)</source>
        <translation>iCalendar-Dateien (*.ics);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Only an Owner can restore the vault from a backup.</source>
        <translation>Nur ein Besitzer kann den Tresor aus einer Sicherung wiederherstellen.</translation>
    </message>
    <message>
        <source>Backing up %1…</source>
        <translation>%1 wird gesichert…</translation>
    </message>
    <message>
        <source>The backup stopped.</source>
        <translation>Die Sicherung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>No backup was made.</source>
        <translation>Es wurde keine Sicherung erstellt.</translation>
    </message>
    <message>
        <source>The vault was not backed up.

%1</source>
        <translation>Der Tresor wurde nicht gesichert.

%1</translation>
    </message>
    <message>
        <source>Backed up the vault to %1 (%2), checked: no damage.</source>
        <translation>Tresor nach %1 gesichert (%2), geprüft: kein Schaden.</translation>
    </message>
    <message>
        <source>Replace the content of the vault “%1” with the backup “%2”?

Keys created or changed since the backup disappear from the vault, and so do the audit entries written since. Nothing is lost: the vault as it is now is kept beside it as “%1.before-restore-…”.

The backup is checked in full first: a damaged backup, or a backup of another vault, changes nothing.</source>
        <translation>Den Inhalt des Tresors „%1“ durch die Sicherung „%2“ ersetzen?

Seit der Sicherung angelegte oder geänderte Schlüssel verschwinden aus dem Tresor, ebenso die seitdem geschriebenen Protokolleinträge. Nichts geht verloren: Der Tresor, wie er jetzt ist, wird daneben als „%1.before-restore-…“ aufbewahrt.

Die Sicherung wird zuerst vollständig geprüft: Eine beschädigte Sicherung oder die Sicherung eines anderen Tresors ändert nichts.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Restoring the vault from %1…</source>
        <translation>Der Tresor wird aus %1 wiederhergestellt…</translation>
    </message>
    <message>
        <source>The restore stopped.</source>
        <translation>Die Wiederherstellung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Nothing was restored.</source>
        <translation>Es wurde nichts wiederhergestellt.</translation>
    </message>
    <message>
        <source>Nothing was restored; the vault is as it was.

%1</source>
        <translation>Es wurde nichts wiederhergestellt; der Tresor ist unverändert.

%1</translation>
    </message>
    <message>
        <source>Restored the vault from the backup. The vault as it was is kept as %1.</source>
        <translation>Der Tresor wurde aus der Sicherung wiederhergestellt. Der Tresor, wie er war, ist als %1 aufbewahrt.</translation>
    </message>
    <message>
        <source>It was damaged, so it was kept byte for byte.</source>
        <translation>Er war beschädigt und wurde daher Byte für Byte aufbewahrt.</translation>
    </message>
    <message>
        <source>The keys could not be read.

%1</source>
        <translation>Die Schlüssel konnten nicht gelesen werden.

%1</translation>
    </message>
    <message>
        <source>Cannot write “%1”: %2.</source>
        <translation>„%1“ kann nicht geschrieben werden: %2.</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n event(s) to %1.</source>
        <translation>
            <numerusform>%n Termin nach %1 geschrieben.</numerusform>
            <numerusform>%n Termine nach %1 geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only an Owner can back up a vault on a server: the copy holds every key&apos;s hash and the whole audit log.</source>
        <translation>Nur ein Besitzer kann einen Tresor auf einem Server sichern: Die Kopie enthält den Hash jedes Schlüssels und das ganze Prüfprotokoll.</translation>
    </message>
    <message>
        <source>Copy the vault on the server into a new vault file, signed and checked</source>
        <translation>Den Tresor auf dem Server in eine neue Tresordatei kopieren, signiert und geprüft</translation>
    </message>
    <message>
        <source>A vault on a PostgreSQL server is not restored from here: copy a backup file into an empty database with &quot;keywardctl migrate --from FILE --to CONNINFO&quot;, or use the server&apos;s own backups (pg_dump).</source>
        <translation>Ein Tresor auf einem PostgreSQL-Server wird nicht hier wiederhergestellt: Kopieren Sie eine Sicherungsdatei mit „keywardctl migrate --from DATEI --to CONNINFO“ in eine leere Datenbank, oder verwenden Sie die Sicherungen des Servers selbst (pg_dump).</translation>
    </message>
    <message>
        <source>“%1” already exists. A backup never replaces a file: choose a new name.</source>
        <translation>„%1“ existiert bereits. Eine Sicherung ersetzt nie eine Datei: Wählen Sie einen neuen Namen.</translation>
    </message>
    <message>
        <source>Backing up the vault on the server to %1…</source>
        <translation>Der Tresor auf dem Server wird nach %1 gesichert…</translation>
    </message>
    <message>
        <source>Backed up the vault on the server to %1 (%2), signed and checked: no damage.</source>
        <translation>Tresor auf dem Server nach %1 gesichert (%2), signiert und geprüft: kein Schaden.</translation>
    </message>
    <message>
        <source>Only you can sign in to it; copied without a passphrase: %1.</source>
        <translation>Nur Sie können sich dort anmelden; ohne Passphrase kopiert: %1.</translation>
    </message>
</context>
<context>
    <name>Keyward::BulkConfirmDialog</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message numerus="yes">
        <source>%n selected key(s) are left out:</source>
        <translation>
            <numerusform>%n ausgewählter Schlüssel bleibt außen vor:</numerusform>
            <numerusform>%n ausgewählte Schlüssel bleiben außen vor:</numerusform>
        </translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>&amp;New expiry:</source>
        <translation>&amp;Neues Ablaufdatum:</translation>
    </message>
    <message>
        <source>Keys that expire sooner keep their date.</source>
        <translation>Schlüssel, die früher ablaufen, behalten ihr Datum.</translation>
    </message>
    <message numerus="yes">
        <source>%n of them are Production keys. To confirm, type how many: %n</source>
        <translation>
            <numerusform>%n davon ist ein Produktionsschlüssel. Geben Sie zur Bestätigung die Anzahl ein: %n</numerusform>
            <numerusform>%n davon sind Produktionsschlüssel. Geben Sie zur Bestätigung die Anzahl ein: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Type the number of Production keys to confirm</source>
        <translation>Anzahl der Produktionsschlüssel zur Bestätigung eingeben</translation>
    </message>
    <message>
        <source>Type the number of Production keys to enable this.</source>
        <translation>Geben Sie die Anzahl der Produktionsschlüssel ein, um dies freizugeben.</translation>
    </message>
    <message numerus="yes">
        <source>Deactivate %n key(s)?</source>
        <translation>
            <numerusform>%n Schlüssel deaktivieren?</numerusform>
            <numerusform>%n Schlüssel deaktivieren?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Activate %n key(s)?</source>
        <translation>
            <numerusform>%n Schlüssel aktivieren?</numerusform>
            <numerusform>%n Schlüssel aktivieren?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n key(s)?</source>
        <translation>
            <numerusform>%n Schlüssel widerrufen?</numerusform>
            <numerusform>%n Schlüssel widerrufen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n key(s)?</source>
        <translation>
            <numerusform>%n Schlüssel löschen?</numerusform>
            <numerusform>%n Schlüssel löschen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shorten the expiry of %n key(s)?</source>
        <translation>
            <numerusform>Ablauf von %n Schlüssel verkürzen?</numerusform>
            <numerusform>Ablauf von %n Schlüsseln verkürzen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Deactivate %n Key(s)</source>
        <translation>
            <numerusform>%n Schlüssel &amp;deaktivieren</numerusform>
            <numerusform>%n Schlüssel &amp;deaktivieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Activate %n Key(s)</source>
        <translation>
            <numerusform>%n Schlüssel &amp;aktivieren</numerusform>
            <numerusform>%n Schlüssel &amp;aktivieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Revoke %n Key(s)</source>
        <translation>
            <numerusform>%n Schlüssel &amp;widerrufen</numerusform>
            <numerusform>%n Schlüssel &amp;widerrufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Delete %n Key(s)</source>
        <translation>
            <numerusform>%n Schlüssel &amp;löschen</numerusform>
            <numerusform>%n Schlüssel &amp;löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Shorten %n Expiry Date(s)</source>
        <translation>
            <numerusform>%n Ablaufdatum &amp;verkürzen</numerusform>
            <numerusform>%n Ablaufdaten &amp;verkürzen</numerusform>
        </translation>
    </message>
    <message>
        <source>Every integration that uses these keys will get 401 Unauthorized until they are activated again.</source>
        <translation>Jede Integration, die diese Schlüssel verwendet, erhält 401 Unauthorized, bis sie wieder aktiviert werden.</translation>
    </message>
    <message>
        <source>These keys will work again for every integration that holds them.</source>
        <translation>Diese Schlüssel funktionieren wieder für jede Integration, die sie hat.</translation>
    </message>
    <message>
        <source>Every integration that uses these keys will get 401 Unauthorized. Revoking is permanent: the keys stay in the list as Revoked, with their history.</source>
        <translation>Jede Integration, die diese Schlüssel verwendet, erhält 401 Unauthorized. Widerrufen ist endgültig: Die Schlüssel bleiben als Widerrufen mit ihrem Verlauf in der Liste.</translation>
    </message>
    <message>
        <source>Every integration that uses these keys will get 401 Unauthorized. The keys are removed from the list; the audit log keeps their history. This cannot be undone.</source>
        <translation>Jede Integration, die diese Schlüssel verwendet, erhält 401 Unauthorized. Die Schlüssel werden aus der Liste entfernt; das Audit-Protokoll behält ihren Verlauf. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>These keys stop working on the new date. An expiry can only be shortened, never extended.</source>
        <translation>Diese Schlüssel funktionieren ab dem neuen Datum nicht mehr. Ein Ablauf kann nur verkürzt, nie verlängert werden.</translation>
    </message>
</context>
<context>
    <name>Keyward::BulkKeyCommands</name>
    <message>
        <source>Cannot Change Keys</source>
        <translation>Schlüssel können nicht geändert werden</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Melden Sie sich zuerst an.</translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation>„%1“: %2</translation>
    </message>
    <message>
        <source>None of the selected keys would change.</source>
        <translation>Keiner der ausgewählten Schlüssel würde sich ändern.</translation>
    </message>
    <message>
        <source>Nothing to Change</source>
        <translation>Nichts zu ändern</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… und %n weiterer.</numerusform>
            <numerusform>… und %n weitere.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) were not changed:</source>
        <translation>
            <numerusform>%n Schlüssel wurde nicht geändert:</numerusform>
            <numerusform>%n Schlüssel wurden nicht geändert:</numerusform>
        </translation>
    </message>
    <message>
        <source>Some Keys Were Not Changed</source>
        <translation>Einige Schlüssel wurden nicht geändert</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) were not changed.</source>
        <translation>
            <numerusform>%n Schlüssel wurde nicht geändert.</numerusform>
            <numerusform>%n Schlüssel wurden nicht geändert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write “%1”: %2</source>
        <translation>„%1“ kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot Export Keys</source>
        <translation>Schlüssel können nicht exportiert werden</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n key(s) to %1.</source>
        <translation>
            <numerusform>%n Schlüssel nach %1 exportiert.</numerusform>
            <numerusform>%n Schlüssel nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export Selected Keys</source>
        <translation>Ausgewählte Schlüssel exportieren</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
</context>
<context>
    <name>Keyward::ChangeRoleDialog</name>
    <message>
        <source>Change Role of %1</source>
        <translation>Rolle von %1 ändern</translation>
    </message>
    <message>
        <source>Member:</source>
        <translation>Mitglied:</translation>
    </message>
    <message>
        <source>Current role:</source>
        <translation>Aktuelle Rolle:</translation>
    </message>
    <message>
        <source>&amp;New role:</source>
        <translation>&amp;Neue Rolle:</translation>
    </message>
    <message>
        <source>&amp;Change Role</source>
        <translation>&amp;Rolle ändern</translation>
    </message>
    <message>
        <source>Keys that %1 created with a role above %2 will be deactivated and flagged, so the demotion leaves no extra power behind.</source>
        <translation>Schlüssel, die %1 mit einer höheren Rolle als %2 erstellt hat, werden deaktiviert und markiert, damit nach der Herabstufung keine zusätzlichen Rechte zurückbleiben.</translation>
    </message>
</context>
<context>
    <name>Keyward::ChangeWatcher</name>
    <message>
        <source>Cannot listen for changes on %1.</source>
        <translation>Auf Änderungen an %1 kann nicht gewartet werden.</translation>
    </message>
    <message>
        <source>Cannot watch %1 for changes.</source>
        <translation>%1 kann nicht auf Änderungen überwacht werden.</translation>
    </message>
    <message>
        <source>The connection to %1 was lost.</source>
        <translation>Die Verbindung zu %1 wurde unterbrochen.</translation>
    </message>
</context>
<context>
    <name>Keyward::ConfirmDestructiveDialog</name>
    <message>
        <source>Revoke API Key</source>
        <translation>API-Schlüssel widerrufen</translation>
    </message>
    <message>
        <source>Delete API Key</source>
        <translation>API-Schlüssel löschen</translation>
    </message>
    <message>
        <source>Revoke “%1”?</source>
        <translation>„%1“ widerrufen?</translation>
    </message>
    <message>
        <source>Delete “%1”?</source>
        <translation>„%1“ löschen?</translation>
    </message>
    <message>
        <source>Every integration that uses this key will get 401 Unauthorized.</source>
        <translation>Jede Integration, die diesen Schlüssel verwendet, erhält 401 Unauthorized.</translation>
    </message>
    <message>
        <source>The key is inactive, so nothing that works now stops working; but no integration can ever use it again.</source>
        <translation>Der Schlüssel ist inaktiv, es fällt also nichts aus, was derzeit funktioniert; aber keine Integration kann ihn je wieder verwenden.</translation>
    </message>
    <message>
        <source>The key has expired, so nothing that works now stops working.</source>
        <translation>Der Schlüssel ist abgelaufen, es fällt also nichts aus, was derzeit funktioniert.</translation>
    </message>
    <message>
        <source>The key is revoked already, so nothing that works now stops working.</source>
        <translation>Der Schlüssel ist bereits widerrufen, es fällt also nichts aus, was derzeit funktioniert.</translation>
    </message>
    <message>
        <source>Revoking is permanent: the key can never be activated again. It stays in the list as Revoked, with its history. To stop it for a while, deactivate it instead.</source>
        <translation>Ein Widerruf ist endgültig: Der Schlüssel kann nie wieder aktiviert werden. Er bleibt mit seinem Verlauf als „Widerrufen“ in der Liste. Um ihn nur vorübergehend anzuhalten, deaktivieren Sie ihn stattdessen.</translation>
    </message>
    <message>
        <source>The key is removed from the list. The audit log keeps its history. This cannot be undone.</source>
        <translation>Der Schlüssel wird aus der Liste entfernt. Das Prüfprotokoll behält seinen Verlauf. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>This is a Production key. To confirm, type its name exactly:</source>
        <translation>Dies ist ein Produktionsschlüssel. Geben Sie zur Bestätigung seinen Namen exakt ein:</translation>
    </message>
    <message>
        <source>Type the key&apos;s name to confirm</source>
        <translation>Zur Bestätigung den Namen des Schlüssels eingeben</translation>
    </message>
    <message>
        <source>&amp;Revoke Key</source>
        <translation>Schlüssel &amp;widerrufen</translation>
    </message>
    <message>
        <source>&amp;Delete Key</source>
        <translation>Schlüssel &amp;löschen</translation>
    </message>
    <message>
        <source>Type the key&apos;s name exactly to enable this.</source>
        <translation>Geben Sie den Namen des Schlüssels exakt ein, um dies zu aktivieren.</translation>
    </message>
    <message>
        <source>The key is still in use. To replace its secret without breaking anything, regenerate it with a grace period instead: the old secret keeps working while the integrations switch to the new one.</source>
        <translation>Der Schlüssel ist noch in Gebrauch. Um sein Geheimnis zu ersetzen, ohne etwas zu unterbrechen, erzeugen Sie ihn stattdessen mit einer Übergangsfrist neu: Das alte Geheimnis funktioniert weiter, während die Integrationen auf das neue wechseln.</translation>
    </message>
    <message>
        <source>Regenerate with &amp;Grace Period</source>
        <translation>Mit Übergangsfrist &amp;neu erzeugen</translation>
    </message>
</context>
<context>
    <name>Keyward::ConnectServerDialog</name>
    <message>
        <source>Connect to Server</source>
        <translation>Mit Server verbinden</translation>
    </message>
    <message>
        <source>Connect to a PostgreSQL server</source>
        <translation>Mit einem PostgreSQL-Server verbinden</translation>
    </message>
    <message>
        <source>Your team&apos;s keys in a shared database. The server checks who you are: your database login is your Keyward member.</source>
        <translation>Die Schlüssel Ihres Teams in einer gemeinsamen Datenbank. Der Server prüft, wer Sie sind: Ihre Datenbankanmeldung ist Ihr Keyward-Mitglied.</translation>
    </message>
    <message>
        <source>Server &amp;details</source>
        <translation>Server&amp;angaben</translation>
    </message>
    <message>
        <source>Connection &amp;string or service</source>
        <translation>Verbindungs&amp;zeichenfolge oder Dienst</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>localhost</source>
        <translation>localhost</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>keyward</source>
        <translation>keyward</translation>
    </message>
    <message>
        <source>Your database login</source>
        <translation>Ihre Datenbankanmeldung</translation>
    </message>
    <message>
        <source>disable — never encrypt</source>
        <translation>disable — nie verschlüsseln</translation>
    </message>
    <message>
        <source>prefer — encrypt when the server can</source>
        <translation>prefer — verschlüsseln, wenn der Server es kann</translation>
    </message>
    <message>
        <source>require — always encrypt, do not check the certificate</source>
        <translation>require — immer verschlüsseln, Zertifikat nicht prüfen</translation>
    </message>
    <message>
        <source>verify-ca — encrypt, check the certificate authority</source>
        <translation>verify-ca — verschlüsseln, Zertifizierungsstelle prüfen</translation>
    </message>
    <message>
        <source>verify-full — encrypt, check the authority and the host name</source>
        <translation>verify-full — verschlüsseln, Zertifizierungsstelle und Hostnamen prüfen</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>&amp;SSL mode:</source>
        <translation>&amp;SSL-Modus:</translation>
    </message>
    <message>
        <source>C&amp;onnection:</source>
        <translation>Verbind&amp;ung:</translation>
    </message>
    <message>
        <source>libpq keyword=value pairs, a postgresql:// URI, or service=NAME from your pg_service.conf.</source>
        <translation>libpq-Paare keyword=value, eine postgresql://-URI oder service=NAME aus Ihrer pg_service.conf.</translation>
    </message>
    <message>
        <source>&amp;Remember password in the system keychain</source>
        <translation>Passwort im Schlüsselbund des Systems &amp;merken</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>The password comes from your password file (~/.pgpass) or the system keychain. Keyward asks for it only when the server wants one that neither has.</source>
        <translation>Das Passwort stammt aus Ihrer Passwortdatei (~/.pgpass) oder dem Schlüsselbund des Systems. Keyward fragt nur danach, wenn der Server eines verlangt, das in keinem von beiden steht.</translation>
    </message>
    <message>
        <source>Enter a connection string.</source>
        <translation>Geben Sie eine Verbindungszeichenfolge ein.</translation>
    </message>
    <message>
        <source>Enter the database that holds the vault.</source>
        <translation>Geben Sie die Datenbank ein, die den Tresor enthält.</translation>
    </message>
</context>
<context>
    <name>Keyward::ConnectionBanner</name>
    <message>
        <source>&amp;Retry Now</source>
        <translation>&amp;Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>Connection to %1 lost — reconnecting…</source>
        <translation>Verbindung zu %1 unterbrochen — Verbindung wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Reconnected to %1.</source>
        <translation>Wieder mit %1 verbunden.</translation>
    </message>
    <message numerus="yes">
        <source>Connection to %1 lost — retrying in %n s…</source>
        <translation>
            <numerusform>Verbindung zu %1 unterbrochen — neuer Versuch in %n s…</numerusform>
            <numerusform>Verbindung zu %1 unterbrochen — neuer Versuch in %n s…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Keyward::DesktopNotifier</name>
    <message>
        <source>Open Key</source>
        <translation>Schlüssel öffnen</translation>
    </message>
</context>
<context>
    <name>Keyward::EditKeyDialog</name>
    <message>
        <source>Edit API Key</source>
        <translation>API-Schlüssel bearbeiten</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>Keep: %1</source>
        <translation>Beibehalten: %1</translation>
    </message>
    <message>
        <source>Keep: never expires</source>
        <translation>Beibehalten: läuft nie ab</translation>
    </message>
    <message>
        <source>An earlier date…</source>
        <translation>Ein früheres Datum…</translation>
    </message>
    <message>
        <source>New expiry date</source>
        <translation>Neues Ablaufdatum</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>&amp;Save Changes</source>
        <translation>Änderungen &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Rate &amp;limit:</source>
        <translation>Ratenl&amp;imit:</translation>
    </message>
    <message>
        <source>E&amp;xpires:</source>
        <translation>&amp;Läuft ab:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;otizen:</translation>
    </message>
    <message>
        <source>Fixed when the key was generated</source>
        <translation>Bei der Erzeugung des Schlüssels festgelegt</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>Umgebung:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rolle:</translation>
    </message>
    <message>
        <source>Grants:</source>
        <translation>Berechtigungen:</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>Kunde:</translation>
    </message>
    <message>
        <source>Usage:</source>
        <translation>Nutzung:</translation>
    </message>
    <message>
        <source>To change these, or to extend the expiry, make a new key and revoke this one when nothing uses it any more.</source>
        <translation>Um diese Angaben zu ändern oder den Ablauf zu verlängern, erstellen Sie einen neuen Schlüssel und widerrufen diesen, sobald ihn nichts mehr verwendet.</translation>
    </message>
    <message>
        <source>&amp;Duplicate with Other Grants…</source>
        <translation>Mit anderen Berechtigungen &amp;duplizieren…</translation>
    </message>
    <message>
        <source>Duplicate with other grants</source>
        <translation>Mit anderen Berechtigungen duplizieren</translation>
    </message>
    <message>
        <source>An expiry can only be brought forward. Extending it needs a new key: use “Duplicate with Other Grants…”.</source>
        <translation>Ein Ablauf kann nur vorgezogen werden. Für eine Verlängerung ist ein neuer Schlüssel nötig: Verwenden Sie „Mit anderen Berechtigungen duplizieren…“.</translation>
    </message>
    <message>
        <source>The key has expired. Extending it needs a new key: use “Duplicate with Other Grants…”.</source>
        <translation>Der Schlüssel ist abgelaufen. Für eine Verlängerung ist ein neuer Schlüssel nötig: Verwenden Sie „Mit anderen Berechtigungen duplizieren…“.</translation>
    </message>
    <message>
        <source>The key expires today, so there is no earlier date to choose. Deactivate or revoke it to stop it now.</source>
        <translation>Der Schlüssel läuft heute ab, daher gibt es kein früheres Datum zur Auswahl. Deaktivieren oder widerrufen Sie ihn, um ihn sofort anzuhalten.</translation>
    </message>
    <message>
        <source>Nothing has changed yet.</source>
        <translation>Es wurde noch nichts geändert.</translation>
    </message>
    <message>
        <source>&amp;Usage limit:</source>
        <translation>N&amp;utzungslimit:</translation>
    </message>
    <message>
        <source>Limit to</source>
        <translation>Begrenzen auf</translation>
    </message>
    <message>
        <source>Limit the number of requests</source>
        <translation>Anzahl der Anfragen begrenzen</translation>
    </message>
    <message>
        <source>Usage limit in requests</source>
        <translation>Nutzungslimit in Anfragen</translation>
    </message>
    <message>
        <source>Count usage from 0 again (%L1 used so far)</source>
        <translation>Nutzung wieder ab 0 zählen (bisher %L1 verbraucht)</translation>
    </message>
    <message>
        <source>Count usage from 0 again</source>
        <translation>Nutzung wieder ab 0 zählen</translation>
    </message>
    <message>
        <source>requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Allowed IP addresses</source>
        <translation>Erlaubte IP-Adressen</translation>
    </message>
    <message>
        <source>Any address, or e.g. 10.0.0.0/8, 2001:db8::/32</source>
        <translation>Jede Adresse oder z. B. 10.0.0.0/8, 2001:db8::/32</translation>
    </message>
    <message>
        <source>IPv4 and IPv6 addresses and CIDR ranges the key may be used from, separated by commas. Requests from elsewhere are refused (403). Empty: any address.</source>
        <translation>IPv4- und IPv6-Adressen und CIDR-Bereiche, von denen aus der Schlüssel verwendet werden darf, durch Kommas getrennt. Anfragen von anderen Adressen werden abgelehnt (403). Leer: jede Adresse.</translation>
    </message>
    <message>
        <source>Allowed &amp;IPs:</source>
        <translation>Erlaubte I&amp;Ps:</translation>
    </message>
</context>
<context>
    <name>Keyward::EmptyKeysPage</name>
    <message>
        <source>No API keys yet</source>
        <translation>Noch keine API-Schlüssel</translation>
    </message>
    <message>
        <source>Generate one key for each service or integration that calls your API.
The key is shown once; Keyward keeps only a hint of it, so store it in the service&apos;s secret settings.</source>
        <translation>Erzeugen Sie einen Schlüssel für jeden Dienst und jede Integration, die Ihre API aufruft.
Der Schlüssel wird nur einmal angezeigt; Keyward bewahrt nur eine Kurzform auf, speichern Sie ihn daher in den geheimen Einstellungen des Dienstes.</translation>
    </message>
</context>
<context>
    <name>Keyward::ExpiryWatcher</name>
    <message numerus="yes">
        <source>%n API key(s) in %1 need attention</source>
        <translation>
            <numerusform>%n API-Schlüssel in %1 braucht Aufmerksamkeit</numerusform>
            <numerusform>%n API-Schlüssel in %1 brauchen Aufmerksamkeit</numerusform>
        </translation>
    </message>
    <message>
        <source>Keys expire, grace periods end or usage limits are nearly spent. Open the vault to see which.</source>
        <translation>Schlüssel laufen ab, Übergangsfristen enden oder Kontingente sind fast verbraucht. Öffnen Sie den Tresor, um zu sehen, welche.</translation>
    </message>
</context>
<context>
    <name>Keyward::GenerateKeyDialog</name>
    <message>
        <source>Generate API Key</source>
        <translation>API-Schlüssel erzeugen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>What uses this key, e.g. “CI deploy”</source>
        <translation>Wer diesen Schlüssel verwendet, z. B. „CI-Deployment“</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>Ablaufdatum</translation>
    </message>
    <message>
        <source>Keys that never expire are discouraged: a leaked key keeps working until someone notices and revokes it.</source>
        <translation>Von Schlüsseln ohne Ablauf wird abgeraten: Ein durchgesickerter Schlüssel funktioniert weiter, bis es jemand bemerkt und ihn widerruft.</translation>
    </message>
    <message>
        <source>Stop after</source>
        <translation>Begrenzen auf</translation>
    </message>
    <message>
        <source>Limit total requests</source>
        <translation>Gesamtzahl der Anfragen begrenzen</translation>
    </message>
    <message>
        <source>Total requests allowed</source>
        <translation>Insgesamt erlaubte Anfragen</translation>
    </message>
    <message>
        <source> requests</source>
        <translation> Anfragen</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Optional: the customer this key is limited to</source>
        <translation>Optional: der Kunde, auf den dieser Schlüssel beschränkt ist</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Optional: where the key is stored, who to ask</source>
        <translation>Optional: wo der Schlüssel gespeichert ist, wen man fragen kann</translation>
    </message>
    <message>
        <source>&amp;Generate Key</source>
        <translation>Schlüssel &amp;erzeugen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Umgebung:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>Grants:</source>
        <translation>Berechtigungen:</translation>
    </message>
    <message>
        <source>E&amp;xpires:</source>
        <translation>&amp;Läuft ab:</translation>
    </message>
    <message>
        <source>Rate &amp;limit:</source>
        <translation>Ratenl&amp;imit:</translation>
    </message>
    <message>
        <source>Usage limit:</source>
        <translation>Nutzungslimit:</translation>
    </message>
    <message>
        <source>Cus&amp;tomer:</source>
        <translation>&amp;Kunde:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;otizen:</translation>
    </message>
    <message>
        <source>Grants</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>The role&apos;s grants; untick what this integration does not need.</source>
        <translation>Die Berechtigungen der Rolle; entfernen Sie das Häkchen bei allem, was diese Integration nicht braucht.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1
Not part of the %2 role.</source>
        <translation>%1
Nicht Teil der Rolle %2.</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>bis %1</translation>
    </message>
    <message>
        <source>Duplicate API Key</source>
        <translation>API-Schlüssel duplizieren</translation>
    </message>
    <message>
        <source>Based on “%1”. A key&apos;s role and grants cannot change, so this makes a new key with its own secret; “%1” keeps working until you revoke it.</source>
        <translation>Basiert auf „%1“. Rolle und Berechtigungen eines Schlüssels können sich nicht ändern, daher wird ein neuer Schlüssel mit eigenem Geheimnis erstellt; „%1“ funktioniert weiter, bis Sie ihn widerrufen.</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>Allowed IP addresses</source>
        <translation>Erlaubte IP-Adressen</translation>
    </message>
    <message>
        <source>Optional, e.g. 10.0.0.0/8, 2001:db8::/32; empty: any address</source>
        <translation>Optional, z. B. 10.0.0.0/8, 2001:db8::/32; leer: jede Adresse</translation>
    </message>
    <message>
        <source>IPv4 and IPv6 addresses and CIDR ranges the key may be used from, separated by commas. Requests from elsewhere are refused (403).</source>
        <translation>IPv4- und IPv6-Adressen und CIDR-Bereiche, von denen aus der Schlüssel verwendet werden darf, durch Kommas getrennt. Anfragen von anderen Adressen werden abgelehnt (403).</translation>
    </message>
    <message>
        <source>Allowed &amp;IPs:</source>
        <translation>Erlaubte I&amp;Ps:</translation>
    </message>
</context>
<context>
    <name>Keyward::HistoryBanner</name>
    <message>
        <source>The vault&apos;s history changed</source>
        <translation>Der Verlauf des Tresors hat sich geändert</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Accept the history as it is now. Check the audit log first.</source>
        <translation>Den Verlauf so annehmen, wie er jetzt ist. Prüfen Sie vorher das Prüfprotokoll.</translation>
    </message>
</context>
<context>
    <name>Keyward::HygieneActions</name>
    <message>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>Select findings with the same fix to fix them together.</source>
        <translation>Wählen Sie Befunde mit derselben Abhilfe, um sie gemeinsam zu beheben.</translation>
    </message>
    <message>
        <source>No change in the vault fixes this: ask the integration to switch to the new secret, or dismiss the finding.</source>
        <translation>Keine Änderung im Tresor behebt das: Bitten Sie die Integration, auf das neue Geheimnis umzustellen, oder ignorieren Sie den Befund.</translation>
    </message>
    <message>
        <source>Regenerate Keys</source>
        <translation>Schlüssel neu erzeugen</translation>
    </message>
    <message>
        <source>Regenerate one key at a time: each new secret is shown once, to be handed to its integration.</source>
        <translation>Erzeugen Sie einen Schlüssel nach dem anderen neu: Jedes neue Geheimnis wird nur einmal angezeigt, um es an seine Integration zu übergeben.</translation>
    </message>
    <message>
        <source>Key %1: %2</source>
        <translation>Schlüssel %1: %2</translation>
    </message>
    <message>
        <source>Fix Findings</source>
        <translation>Befunde beheben</translation>
    </message>
    <message>
        <source>These keys were left as they were:

%1</source>
        <translation>Diese Schlüssel blieben unverändert:

%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) dismissed.</source>
        <translation>
            <numerusform>%n Befund ignoriert.</numerusform>
            <numerusform>%n Befunde ignoriert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Dismiss Findings</source>
        <translation>Befunde ignorieren</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) restored.</source>
        <translation>
            <numerusform>%n Befund wiederhergestellt.</numerusform>
            <numerusform>%n Befunde wiederhergestellt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore Findings</source>
        <translation>Befunde wiederherstellen</translation>
    </message>
</context>
<context>
    <name>Keyward::HygieneDismissDialog</name>
    <message>
        <source>Dismiss Findings</source>
        <translation>Befunde ignorieren</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weiterer</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>The report stops listing these findings until someone restores them. Say why they may stay: the reason is kept in the audit log.

%1</source>
        <translation>Der Bericht listet diese Befunde nicht mehr auf, bis jemand sie wiederherstellt. Geben Sie an, warum sie bleiben dürfen: Die Begründung wird im Prüfprotokoll festgehalten.

%1</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Begründung:</translation>
    </message>
    <message>
        <source>e.g. Break-glass key, kept in the safe</source>
        <translation>z. B. Notfallschlüssel, liegt im Tresor</translation>
    </message>
    <message>
        <source>&amp;Dismiss Finding</source>
        <translation>Befund &amp;ignorieren</translation>
    </message>
    <message>
        <source>&amp;Dismiss Findings</source>
        <translation>Befunde &amp;ignorieren</translation>
    </message>
</context>
<context>
    <name>Keyward::HygieneModel</name>
    <message>
        <source>Dismissed by %1: %2</source>
        <translation>Ignoriert von %1: %2</translation>
    </message>
    <message>
        <source>%1
Dismissed by %2 on %3: %4</source>
        <translation>%1
Ignoriert von %2 am %3: %4</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>Abhilfe</translation>
    </message>
</context>
<context>
    <name>Keyward::HygienePage</name>
    <message>
        <source>Keys that need looking after: unused, without an end, too powerful, or left behind by members who went. Fix them here, or dismiss a finding with the reason it may stay.</source>
        <translation>Schlüssel, um die sich jemand kümmern sollte: unbenutzt, ohne Ende, zu mächtig oder von Mitgliedern zurückgelassen, die gegangen sind. Beheben Sie sie hier, oder ignorieren Sie einen Befund mit der Begründung, warum er bleiben darf.</translation>
    </message>
    <message>
        <source>Search key, finding or reason…</source>
        <translation>Schlüssel, Befund oder Grund suchen…</translation>
    </message>
    <message>
        <source>Show d&amp;ismissed</source>
        <translation>Ignorierte &amp;zeigen</translation>
    </message>
    <message>
        <source>&amp;Fix…</source>
        <translation>&amp;Beheben…</translation>
    </message>
    <message>
        <source>&amp;Dismiss…</source>
        <translation>&amp;Ignorieren…</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>List the selected dismissed findings again</source>
        <translation>Die ausgewählten ignorierten Befunde wieder auflisten</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n Befund</numerusform>
            <numerusform>%n Befunde</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n dismissed</source>
        <translation>
            <numerusform>%1, %n ignoriert</numerusform>
            <numerusform>%1, %n ignoriert</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Fix: %1…</source>
        <translation>&amp;Beheben: %1…</translation>
    </message>
    <message>
        <source>Select findings with the same fix to fix them together</source>
        <translation>Wählen Sie Befunde mit derselben Abhilfe, um sie gemeinsam zu beheben</translation>
    </message>
    <message>
        <source>No change in the vault fixes this: ask the integration to switch to the new secret, or dismiss the finding.</source>
        <translation>Keine Änderung im Tresor behebt das: Bitten Sie die Integration, auf das neue Geheimnis umzustellen, oder ignorieren Sie den Befund.</translation>
    </message>
    <message>
        <source>Fix the selected findings</source>
        <translation>Die ausgewählten Befunde beheben</translation>
    </message>
</context>
<context>
    <name>Keyward::KeyActions</name>
    <message>
        <source>&amp;Generate Key…</source>
        <translation>Schlüssel &amp;erzeugen…</translation>
    </message>
    <message>
        <source>Generate a new API key</source>
        <translation>Einen neuen API-Schlüssel erzeugen</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Erzeugen</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Rename the key, change its notes, rate limit or shorten its expiry</source>
        <translation>Den Schlüssel umbenennen, seine Notizen oder sein Ratenlimit ändern oder seinen Ablauf verkürzen</translation>
    </message>
    <message>
        <source>&amp;Regenerate…</source>
        <translation>&amp;Neu erzeugen…</translation>
    </message>
    <message>
        <source>Issue a new secret for this key and retire the old one</source>
        <translation>Ein neues Geheimnis für diesen Schlüssel ausstellen und das alte außer Kraft setzen</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Deaktivieren</translation>
    </message>
    <message>
        <source>Stop the key from working until it is activated again</source>
        <translation>Den Schlüssel anhalten, bis er wieder aktiviert wird</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>&amp;Widerrufen…</translation>
    </message>
    <message>
        <source>Stop the key permanently; its history is kept</source>
        <translation>Den Schlüssel dauerhaft anhalten; sein Verlauf bleibt erhalten</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Remove the key from the list; the audit log keeps its history</source>
        <translation>Den Schlüssel aus der Liste entfernen; das Prüfprotokoll behält seinen Verlauf</translation>
    </message>
    <message>
        <source>&amp;Copy Key ID</source>
        <translation>Schlüssel-ID &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the key&apos;s ID (not the secret) to the clipboard</source>
        <translation>Die ID des Schlüssels (nicht das Geheimnis) in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation>Der Tresor ist gesperrt.</translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation>&amp;Aktivieren</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Let the key work again</source>
        <translation>Den Schlüssel wieder funktionieren lassen</translation>
    </message>
    <message>
        <source>Select a key first.</source>
        <translation>Wählen Sie zuerst einen Schlüssel aus.</translation>
    </message>
    <message>
        <source>D&amp;uplicate…</source>
        <translation>D&amp;uplizieren…</translation>
    </message>
    <message>
        <source>Generate a new key with this key&apos;s configuration (for an expired key, or other grants)</source>
        <translation>Einen neuen Schlüssel mit der Konfiguration dieses Schlüssels erzeugen (für einen abgelaufenen Schlüssel oder andere Berechtigungen)</translation>
    </message>
    <message>
        <source>This key was changed outside Keyward (%1). It can only be revoked or deleted.</source>
        <translation>Dieser Schlüssel wurde außerhalb von Keyward geändert (%1). Er kann nur widerrufen oder gelöscht werden.</translation>
    </message>
    <message>
        <source>End Grace &amp;Period Now…</source>
        <translation>Über&amp;gangsfrist jetzt beenden…</translation>
    </message>
    <message>
        <source>Stop the previous secret of a regenerated key now, not at the end of its grace period</source>
        <translation>Das vorige Geheimnis eines neu erzeugten Schlüssels jetzt stoppen, nicht erst am Ende seiner Übergangsfrist</translation>
    </message>
    <message>
        <source>S&amp;horten Expiry…</source>
        <translation>Ablauf &amp;verkürzen…</translation>
    </message>
    <message>
        <source>Make the selected keys expire sooner (never later)</source>
        <translation>Die ausgewählten Schlüssel früher ablaufen lassen (nie später)</translation>
    </message>
    <message>
        <source>E&amp;xport Selected…</source>
        <translation>Auswahl e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Save the selected keys&apos; details as CSV or JSON (never a secret)</source>
        <translation>Die Angaben der ausgewählten Schlüssel als CSV oder JSON speichern (nie ein Geheimnis)</translation>
    </message>
    <message>
        <source>Select a single key.</source>
        <translation>Wählen Sie einen einzelnen Schlüssel.</translation>
    </message>
    <message>
        <source>Nothing to change in the selected keys.</source>
        <translation>An den ausgewählten Schlüsseln ist nichts zu ändern.</translation>
    </message>
    <message numerus="yes">
        <source>Let the %n selected keys work again</source>
        <translation>
            <numerusform>Den %n ausgewählten Schlüssel wieder arbeiten lassen</numerusform>
            <numerusform>Die %n ausgewählten Schlüssel wieder arbeiten lassen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stop the %n selected keys until they are activated again</source>
        <translation>
            <numerusform>Den %n ausgewählten Schlüssel stoppen, bis er wieder aktiviert wird</numerusform>
            <numerusform>Die %n ausgewählten Schlüssel stoppen, bis sie wieder aktiviert werden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stop the %n selected keys permanently; their history is kept</source>
        <translation>
            <numerusform>Den %n ausgewählten Schlüssel endgültig stoppen; sein Verlauf bleibt</numerusform>
            <numerusform>Die %n ausgewählten Schlüssel endgültig stoppen; ihr Verlauf bleibt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove the %n selected keys; the audit log keeps their history</source>
        <translation>
            <numerusform>Den %n ausgewählten Schlüssel entfernen; das Audit-Protokoll behält seinen Verlauf</numerusform>
            <numerusform>Die %n ausgewählten Schlüssel entfernen; das Audit-Protokoll behält ihren Verlauf</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Make the %n selected keys expire sooner (never later)</source>
        <translation>
            <numerusform>Den %n ausgewählten Schlüssel früher ablaufen lassen (nie später)</numerusform>
            <numerusform>Die %n ausgewählten Schlüssel früher ablaufen lassen (nie später)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Save the %n selected keys&apos; details as CSV or JSON (never a secret)</source>
        <translation>
            <numerusform>Die Angaben des %n ausgewählten Schlüssels als CSV oder JSON speichern (nie ein Geheimnis)</numerusform>
            <numerusform>Die Angaben der %n ausgewählten Schlüssel als CSV oder JSON speichern (nie ein Geheimnis)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Keyward::KeyCommands</name>
    <message>
        <source>“%1” was changed by someone else while you were working on it. The list has been reloaded; check the key and try again.</source>
        <translation>„%1“ wurde von jemand anderem geändert, während Sie daran gearbeitet haben. Die Liste wurde neu geladen; prüfen Sie den Schlüssel und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>“%1” no longer exists; someone else deleted it.</source>
        <translation>„%1“ existiert nicht mehr; jemand anderes hat ihn gelöscht.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Melden Sie sich zuerst an.</translation>
    </message>
    <message>
        <source>Cannot Generate Key</source>
        <translation>Schlüssel kann nicht erzeugt werden</translation>
    </message>
    <message>
        <source>Key “%1” generated.</source>
        <translation>Schlüssel „%1“ erzeugt.</translation>
    </message>
    <message>
        <source>Cannot Edit Key</source>
        <translation>Schlüssel kann nicht bearbeitet werden</translation>
    </message>
    <message>
        <source>Key “%1” saved.</source>
        <translation>Schlüssel „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Cannot Regenerate Key</source>
        <translation>Schlüssel kann nicht neu erzeugt werden</translation>
    </message>
    <message>
        <source>Key “%1” regenerated. The previous secret no longer works.</source>
        <translation>Schlüssel „%1“ neu erzeugt. Das vorherige Geheimnis ist nicht mehr gültig.</translation>
    </message>
    <message>
        <source>Cannot Activate Key</source>
        <translation>Schlüssel kann nicht aktiviert werden</translation>
    </message>
    <message>
        <source>Cannot Deactivate Key</source>
        <translation>Schlüssel kann nicht deaktiviert werden</translation>
    </message>
    <message>
        <source>Deactivate Key</source>
        <translation>Schlüssel deaktivieren</translation>
    </message>
    <message>
        <source>Key “%1” activated.</source>
        <translation>Schlüssel „%1“ aktiviert.</translation>
    </message>
    <message>
        <source>Key “%1” deactivated.</source>
        <translation>Schlüssel „%1“ deaktiviert.</translation>
    </message>
    <message>
        <source>Cannot Revoke Key</source>
        <translation>Schlüssel kann nicht widerrufen werden</translation>
    </message>
    <message>
        <source>Key “%1” revoked.</source>
        <translation>Schlüssel „%1“ widerrufen.</translation>
    </message>
    <message>
        <source>Cannot Delete Key</source>
        <translation>Schlüssel kann nicht gelöscht werden</translation>
    </message>
    <message>
        <source>Key “%1” deleted.</source>
        <translation>Schlüssel „%1“ gelöscht.</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Deaktivieren</translation>
    </message>
    <message>
        <source>&amp;Keep Active</source>
        <translation>&amp;Aktiv lassen</translation>
    </message>
    <message>
        <source>%1

Duplicate “%2” now?</source>
        <translation>%1

„%2“ jetzt duplizieren?</translation>
    </message>
    <message>
        <source>&amp;Duplicate Key</source>
        <translation>Schlüssel &amp;duplizieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Key “%1” regenerated. The previous secret stops working %2.</source>
        <translation>Schlüssel „%1“ neu erzeugt. Das vorherige Geheimnis wird %2 ungültig.</translation>
    </message>
    <message>
        <source>Deactivate “%1”? Integrations that use it get 401 Unauthorized until you activate it again.

%2</source>
        <translation>„%1“ deaktivieren? Integrationen, die ihn verwenden, erhalten 401 Unauthorized, bis Sie ihn wieder aktivieren.

%2</translation>
    </message>
    <message>
        <source>Cannot End Grace Period</source>
        <translation>Übergangsfrist kann nicht beendet werden</translation>
    </message>
    <message>
        <source>End Grace Period</source>
        <translation>Übergangsfrist beenden</translation>
    </message>
    <message>
        <source>Stop the previous secret of “%1” now? Integrations that still use it get 401 Unauthorized at once; the newest secret keeps working.

%2</source>
        <translation>Das vorige Geheimnis von „%1“ jetzt stoppen? Integrationen, die es noch benutzen, erhalten sofort 401 Unauthorized; das neueste Geheimnis funktioniert weiter.

%2</translation>
    </message>
    <message>
        <source>&amp;End Grace Period</source>
        <translation>Übergangsfrist &amp;beenden</translation>
    </message>
    <message>
        <source>&amp;Keep Until Then</source>
        <translation>Bis dahin be&amp;halten</translation>
    </message>
    <message>
        <source>The previous secret of “%1” no longer works.</source>
        <translation>Das vorige Geheimnis von „%1“ funktioniert nicht mehr.</translation>
    </message>
    <message>
        <source>The key is still in use. To replace its secret without breaking anything, regenerate it with a grace period instead.</source>
        <translation>Der Schlüssel ist noch in Gebrauch. Um sein Geheimnis zu ersetzen, ohne etwas zu unterbrechen, erzeugen Sie ihn stattdessen mit einer Übergangsfrist neu.</translation>
    </message>
    <message>
        <source>Regenerate with &amp;Grace Period</source>
        <translation>Mit Übergangsfrist &amp;neu erzeugen</translation>
    </message>
    <message>
        <source>The previous secret %1 would stop working %2.</source>
        <translation>Das vorige Geheimnis %1 würde %2 aufhören zu funktionieren.</translation>
    </message>
</context>
<context>
    <name>Keyward::KeyDetailsPane</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Deactivated automatically because the member who created it was demoted or removed. An Admin or Owner can activate it again.</source>
        <translation>Automatisch deaktiviert, weil das Mitglied, das ihn erstellt hat, herabgestuft oder entfernt wurde. Ein Administrator oder Besitzer kann ihn wieder aktivieren.</translation>
    </message>
    <message>
        <source>Key ID:</source>
        <translation>Schlüssel-ID:</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>Umgebung:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rolle:</translation>
    </message>
    <message>
        <source>Grants:</source>
        <translation>Berechtigungen:</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>Kunde:</translation>
    </message>
    <message>
        <source>Any customer</source>
        <translation>Jeder Kunde</translation>
    </message>
    <message>
        <source>Rate limit:</source>
        <translation>Ratenlimit:</translation>
    </message>
    <message>
        <source>Usage:</source>
        <translation>Nutzung:</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Läuft ab:</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Changed:</source>
        <translation>Geändert:</translation>
    </message>
    <message>
        <source>Revoked:</source>
        <translation>Widerrufen:</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation>Geheimnisse</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Geheimnis</translation>
    </message>
    <message>
        <source>A key is shown only once, when it is generated. If it is lost, regenerate it.</source>
        <translation>Ein Schlüssel wird nur einmal angezeigt, wenn er erzeugt wird. Falls er verloren geht, erzeugen Sie ihn neu.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>No notes.</source>
        <translation>Keine Notizen.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Retired %1</source>
        <translation>Außer Kraft seit %1</translation>
    </message>
    <message>
        <source>Current secret</source>
        <translation>Aktuelles Geheimnis</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>Erstellt am %1</translation>
    </message>
    <message>
        <source>Last used %1</source>
        <translation>Zuletzt verwendet %1</translation>
    </message>
    <message>
        <source>Never used</source>
        <translation>Nie verwendet</translation>
    </message>
    <message>
        <source>No recorded history.</source>
        <translation>Kein Verlauf aufgezeichnet.</translation>
    </message>
    <message>
        <source>Select a key to see its details, usage and history.</source>
        <translation>Wählen Sie einen Schlüssel aus, um seine Details, Nutzung und seinen Verlauf zu sehen.</translation>
    </message>
    <message>
        <source>Recent requests</source>
        <translation>Letzte Anfragen</translation>
    </message>
    <message>
        <source>Still in use: the previous secret was used %1. Whatever sends it stops working %2 unless it gets the new secret.</source>
        <translation>Noch in Verwendung: Das vorherige Geheimnis wurde %1 verwendet. Jeder Dienst, der es noch sendet, wird %2 abgewiesen, sofern er nicht das neue Geheimnis erhält.</translation>
    </message>
    <message>
        <source>Still in use: the previous secret was used %1 from %2. It stops working %3: give %2 the new secret before then.</source>
        <translation>Noch in Verwendung: Das vorherige Geheimnis wurde %1 von %2 verwendet. Es wird %3 ungültig: Geben Sie %2 vorher das neue Geheimnis.</translation>
    </message>
    <message>
        <source>The previous secret has not been used since the key was regenerated %1. It stops working %2.</source>
        <translation>Das vorherige Geheimnis wurde nicht mehr verwendet, seit der Schlüssel %1 neu erzeugt wurde. Es wird %2 ungültig.</translation>
    </message>
    <message>
        <source>Previous secret, in its grace period:
still works until %1</source>
        <translation>Vorheriges Geheimnis, in der Übergangsfrist:
gültig bis %1</translation>
    </message>
    <message>
        <source>Previous secret never used</source>
        <translation>Vorheriges Geheimnis nie verwendet</translation>
    </message>
    <message>
        <source>Previous secret last used %1</source>
        <translation>Vorheriges Geheimnis zuletzt verwendet %1</translation>
    </message>
    <message>
        <source>Last used %1 from %2</source>
        <translation>Zuletzt verwendet %1 von %2</translation>
    </message>
    <message>
        <source>Previous secret last used %1 from %2</source>
        <translation>Vorheriges Geheimnis zuletzt verwendet %1 von %2</translation>
    </message>
    <message>
        <source>Usage in the last 7 days</source>
        <translation>Nutzung in den letzten 7 Tagen</translation>
    </message>
    <message>
        <source>Verifiers write usage every few seconds, so the newest requests can take a moment to appear.</source>
        <translation>Prüfer schreiben die Nutzung alle paar Sekunden, daher kann es einen Moment dauern, bis die neuesten Anfragen erscheinen.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Read this key&apos;s usage and last use again</source>
        <translation>Nutzung und letzte Verwendung dieses Schlüssels erneut lesen</translation>
    </message>
    <message>
        <source>Usage could not be read: %1</source>
        <translation>Die Nutzung konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No requests in the last 7 days.</source>
        <translation>Keine Anfragen in den letzten 7 Tagen.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s): %1</source>
        <translation>
            <numerusform>%Ln Anfrage: %1</numerusform>
            <numerusform>%Ln Anfragen: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Times are when the service checked the key; hover for the exact time.</source>
        <translation>Die Zeiten geben an, wann der Dienst den Schlüssel geprüft hat; zeigen Sie mit der Maus darauf, um die genaue Zeit zu sehen.</translation>
    </message>
    <message>
        <source>The newest %1 logged requests.</source>
        <translation>Die neuesten %1 protokollierten Anfragen.</translation>
    </message>
    <message>
        <source>Busy keys log a sample (a few requests per second for each answer); the chart counts every request.</source>
        <translation>Stark genutzte Schlüssel protokollieren eine Stichprobe (einige Anfragen pro Sekunde je Antwort); das Diagramm zählt jede Anfrage.</translation>
    </message>
    <message>
        <source>Never used successfully</source>
        <translation>Nie erfolgreich verwendet</translation>
    </message>
    <message>
        <source>Previous secret never used successfully</source>
        <translation>Vorheriges Geheimnis nie erfolgreich verwendet</translation>
    </message>
    <message>
        <source>Allowed IPs:</source>
        <translation>Erlaubte IPs:</translation>
    </message>
    <message>
        <source>Any address</source>
        <translation>Jede Adresse</translation>
    </message>
    <message>
        <source>This key was changed outside Keyward (%1): someone with write access to the vault file altered or added it without a member&apos;s signature. Verifiers answer it as not found, and nothing below can be trusted. Revoke or delete it, and find out who can write the vault file.</source>
        <translation>Dieser Schlüssel wurde außerhalb von Keyward geändert (%1): Jemand mit Schreibzugriff auf die Tresordatei hat ihn ohne die Signatur eines Mitglieds verändert oder hinzugefügt. Prüfer beantworten ihn als nicht gefunden, und nichts unten ist vertrauenswürdig. Widerrufen oder löschen Sie ihn, und finden Sie heraus, wer die Tresordatei schreiben kann.</translation>
    </message>
    <message numerus="yes">
        <source>%n keys selected. Deactivate, Activate, Revoke, Delete, Shorten Expiry and Export Selected apply to all of them.</source>
        <translation>
            <numerusform>%n Schlüssel ausgewählt. Deaktivieren, Aktivieren, Widerrufen, Löschen, Ablauf verkürzen und Auswahl exportieren gelten für alle.</numerusform>
            <numerusform>%n Schlüssel ausgewählt. Deaktivieren, Aktivieren, Widerrufen, Löschen, Ablauf verkürzen und Auswahl exportieren gelten für alle.</numerusform>
        </translation>
    </message>
    <message>
        <source>• %1, last %2</source>
        <translation>• %1, zuletzt %2</translation>
    </message>
    <message>
        <source>(unnamed source)</source>
        <translation>(Quelle ohne Namen)</translation>
    </message>
    <message numerus="yes">
        <source>Still presenting the previous secret (%n source(s)):</source>
        <translation>
            <numerusform>Legt noch das vorige Geheimnis vor (%n Quelle):</numerusform>
            <numerusform>Legen noch das vorige Geheimnis vor (%n Quellen):</numerusform>
        </translation>
    </message>
    <message>
        <source>Rotation overdue. %1 Regenerate the key, with a grace period if integrations use it.</source>
        <translation>Rotation überfällig. %1 Erzeugen Sie den Schlüssel neu, mit einer Übergangsfrist, falls Integrationen ihn nutzen.</translation>
    </message>
</context>
<context>
    <name>Keyward::KeyFilterBar</name>
    <message>
        <source>Search name, key, notes or customer…</source>
        <translation>Name, Schlüssel, Notizen oder Kunde suchen…</translation>
    </message>
    <message>
        <source>Paste a whole key here to find which entry it belongs to.</source>
        <translation>Fügen Sie hier einen vollständigen Schlüssel ein, um den zugehörigen Eintrag zu finden.</translation>
    </message>
    <message>
        <source>Clear Search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <source>All environments</source>
        <translation>Alle Umgebungen</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation>Läuft bald ab</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Markiert</translation>
    </message>
    <message>
        <source>Tampered</source>
        <translation>Manipuliert</translation>
    </message>
    <message>
        <source>Show &amp;revoked</source>
        <translation>&amp;Widerrufene anzeigen</translation>
    </message>
    <message>
        <source>Revoked keys no longer work; they stay listed for their history.</source>
        <translation>Widerrufene Schlüssel funktionieren nicht mehr; sie bleiben wegen ihres Verlaufs aufgelistet.</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n Schlüssel</numerusform>
            <numerusform>%n Schlüssel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n key(s) shown</source>
        <translation>
            <numerusform>%1 von %n Schlüssel angezeigt</numerusform>
            <numerusform>%1 von %n Schlüsseln angezeigt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Keyward::KeyTableModel</name>
    <message>
        <source>%1: %2</source>
        <comment>role: grants summary</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Only a hint of the key is kept; the key itself cannot be shown again.</source>
        <translation>Nur eine Kurzform des Schlüssels wird aufbewahrt; der Schlüssel selbst kann nicht erneut angezeigt werden.</translation>
    </message>
    <message>
        <source>Role: %1
Grants:
%2</source>
        <translation>Rolle: %1
Berechtigungen:
%2</translation>
    </message>
    <message>
        <source>Expires %1.</source>
        <translation>Läuft %1 ab.</translation>
    </message>
    <message>
        <source>Deactivated because its creator was demoted or removed.</source>
        <translation>Deaktiviert, weil sein Ersteller herabgestuft oder entfernt wurde.</translation>
    </message>
    <message>
        <source>The previous secret %1 still works until %2.</source>
        <translation>Das vorherige Geheimnis %1 ist noch bis %2 gültig.</translation>
    </message>
    <message>
        <source>Revoked %1.</source>
        <translation>Widerrufen am %1.</translation>
    </message>
    <message>
        <source>Created by %1 on %2</source>
        <translation>Erstellt von %1 am %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Role and grants</source>
        <translation>Rolle und Berechtigungen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Ratenlimit</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Erstellt von</translation>
    </message>
    <message>
        <source>Tampered</source>
        <translation>Manipuliert</translation>
    </message>
    <message>
        <source>Tampered: %1.
This key was changed outside Keyward, by someone with access to the vault file. Verifiers answer it as not found. Revoke or delete it.</source>
        <translation>Manipuliert: %1.
Dieser Schlüssel wurde außerhalb von Keyward geändert, von jemandem mit Zugriff auf die Tresordatei. Prüfer beantworten ihn als nicht gefunden. Widerrufen oder löschen Sie ihn.</translation>
    </message>
    <message numerus="yes">
        <source>Its secret is older than the vault&apos;s rotation policy allows (%n day(s)): regenerate it.</source>
        <translation>
            <numerusform>Sein Geheimnis ist älter, als die Rotationsrichtlinie des Tresors erlaubt (%n Tag): Erzeugen Sie es neu.</numerusform>
            <numerusform>Sein Geheimnis ist älter, als die Rotationsrichtlinie des Tresors erlaubt (%n Tage): Erzeugen Sie es neu.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Keyward::KeyTableView</name>
    <message>
        <source>Development</source>
        <translation>Entwicklung</translation>
    </message>
    <message>
        <source>1,000 per minute</source>
        <translation>1.000 pro Minute</translation>
    </message>
    <message>
        <source>in 12 months</source>
        <translation>in 12 Monaten</translation>
    </message>
    <message>
        <source>59 minutes ago</source>
        <translation>vor 59 Minuten</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Erstellt von</translation>
    </message>
</context>
<context>
    <name>Keyward::LoginDialog</name>
    <message>
        <source>Unlock %1</source>
        <translation>%1 entsperren</translation>
    </message>
    <message>
        <source>&amp;Member:</source>
        <translation>&amp;Mitglied:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Wrong member name or passphrase. Check both and try again.</source>
        <translation>Falscher Mitgliedsname oder falsche Passphrase. Prüfen Sie beides und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>Keyward::MainWindow</name>
    <message>
        <source>Your role is now %1.</source>
        <translation>Ihre Rolle ist jetzt %1.</translation>
    </message>
    <message numerus="yes">
        <source>Locked after %n minute(s) without activity.</source>
        <translation>
            <numerusform>Nach %n Minute ohne Aktivität gesperrt.</numerusform>
            <numerusform>Nach %n Minuten ohne Aktivität gesperrt.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;New Vault…</source>
        <translation>&amp;Neuer Tresor…</translation>
    </message>
    <message>
        <source>&amp;Open Vault…</source>
        <translation>Tresor ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Sperren</translation>
    </message>
    <message>
        <source>Hide every key until you sign in again (%1)</source>
        <translation>Alle Schlüssel ausblenden, bis Sie sich erneut anmelden (%1)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Configure Keyward…</source>
        <translation>Keyward &amp;einrichten…</translation>
    </message>
    <message>
        <source>&amp;About Keyward</source>
        <translation>&amp;Über Keyward</translation>
    </message>
    <message>
        <source>About Keyward</source>
        <translation>Über Keyward</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Keyward %1&lt;/h3&gt;&lt;p&gt;An API key manager for administrators: generate, rotate, revoke and audit the keys your services use.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Keyward %1&lt;/h3&gt;&lt;p&gt;Eine API-Schlüsselverwaltung für Administratoren: Erzeugen, rotieren, widerrufen und prüfen Sie die Schlüssel, die Ihre Dienste verwenden.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation>&amp;Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Haupt-Werkzeugleiste</translation>
    </message>
    <message>
        <source>Permissions and API</source>
        <translation>Berechtigungen und API</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Vault</source>
        <translation>Tresor</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2).</source>
        <translation>Angemeldet als %1 (%2).</translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation>%1 – %2 (%3)</translation>
    </message>
    <message>
        <source>%1 (locked)</source>
        <translation>%1 (gesperrt)</translation>
    </message>
    <message>
        <source>Copied the ID of “%1” (%2). The key itself is never copied from here.</source>
        <translation>Die ID von „%1“ (%2) wurde kopiert. Der Schlüssel selbst wird von hier aus nie kopiert.</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>&amp;Connect to Server…</source>
        <translation>Mit Server &amp;verbinden…</translation>
    </message>
    <message>
        <source>Open a team&apos;s vault in a PostgreSQL database</source>
        <translation>Den Tresor eines Teams in einer PostgreSQL-Datenbank öffnen</translation>
    </message>
    <message>
        <source>&amp;Why Is This Key Rejected?…</source>
        <translation>Wa&amp;rum wird dieser Schlüssel abgelehnt?…</translation>
    </message>
    <message>
        <source>Paste a key to see the answer a service gets, and why</source>
        <translation>Fügen Sie einen Schlüssel ein, um zu sehen, welche Antwort ein Dienst erhält und warum</translation>
    </message>
    <message>
        <source>Not connected to %1. Keyward is reconnecting.</source>
        <translation>Nicht mit %1 verbunden. Keyward stellt die Verbindung wieder her.</translation>
    </message>
    <message>
        <source>%1 as %2</source>
        <translation>%1 als %2</translation>
    </message>
    <message>
        <source>No recent vaults or servers</source>
        <translation>Keine zuletzt verwendeten Tresore oder Server</translation>
    </message>
    <message>
        <source>Reconnected to %1.</source>
        <translation>Wieder mit %1 verbunden.</translation>
    </message>
    <message>
        <source>Change My &amp;Passphrase…</source>
        <translation>Meine &amp;Passphrase ändern…</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastaturkürzel</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>Search the keys by name, key, notes or customer</source>
        <translation>Schlüssel nach Name, Schlüssel, Notizen oder Kunde durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Read the keys, members and audit log again</source>
        <translation>Schlüssel, Mitglieder und Prüfprotokoll neu einlesen</translation>
    </message>
    <message>
        <source>&amp;Permissions and API</source>
        <translation>&amp;Berechtigungen und API</translation>
    </message>
    <message>
        <source>&amp;Members</source>
        <translation>&amp;Mitglieder</translation>
    </message>
    <message>
        <source>&amp;Audit Log</source>
        <translation>&amp;Prüfprotokoll</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Session Toolbar</source>
        <translation>Sitzungs-Werkzeugleiste</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2). This computer pinned the vault&apos;s fingerprint, %3: a vault file with another one will be refused.</source>
        <translation>Angemeldet als %1 (%2). Dieser Computer hat den Fingerabdruck des Tresors hinterlegt, %3: Eine Tresordatei mit einem anderen wird abgelehnt.</translation>
    </message>
    <message>
        <source>&amp;Hygiene Report</source>
        <translation>&amp;Hygienebericht</translation>
    </message>
    <message>
        <source>Hygiene report</source>
        <translation>Hygienebericht</translation>
    </message>
</context>
<context>
    <name>Keyward::MemberCommands</name>
    <message>
        <source>Sign in first.</source>
        <translation>Melden Sie sich zuerst an.</translation>
    </message>
    <message>
        <source>%1 was added to the vault.</source>
        <translation>%1 wurde zum Tresor hinzugefügt.</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 ist jetzt %2.</translation>
    </message>
    <message>
        <source>Remove Member</source>
        <translation>Mitglied entfernen</translation>
    </message>
    <message>
        <source>Remove %1 from this vault?

They can no longer sign in, and the active keys they created are deactivated and flagged. The audit log keeps their history.</source>
        <translation>%1 aus diesem Tresor entfernen?

Das Mitglied kann sich dann nicht mehr anmelden, und die aktiven Schlüssel, die es erstellt hat, werden deaktiviert und markiert. Das Prüfprotokoll behält seinen Verlauf.</translation>
    </message>
    <message>
        <source>&amp;Remove Member</source>
        <translation>Mitglied &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;Keep Member</source>
        <translation>Mitglied &amp;behalten</translation>
    </message>
    <message>
        <source>%1 was removed from the vault.</source>
        <translation>%1 wurde aus dem Tresor entfernt.</translation>
    </message>
    <message>
        <source>Your passphrase was changed. Use it the next time you sign in.</source>
        <translation>Ihre Passphrase wurde geändert. Verwenden Sie sie bei der nächsten Anmeldung.</translation>
    </message>
    <message>
        <source>The passphrase of %1 was changed.</source>
        <translation>Die Passphrase von %1 wurde geändert.</translation>
    </message>
</context>
<context>
    <name>Keyward::MembersPage</name>
    <message>
        <source>Members sign in to this vault with their own passphrase. Their role decides what they may do with keys; a key can never have more power than the member who created it.</source>
        <translation>Mitglieder melden sich mit ihrer eigenen Passphrase an diesem Tresor an. Ihre Rolle bestimmt, was sie mit Schlüsseln tun dürfen; ein Schlüssel kann nie mehr Rechte haben als das Mitglied, das ihn erstellt hat.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>What they may do</source>
        <translation>Befugnisse</translation>
    </message>
    <message>
        <source>Member since</source>
        <translation>Mitglied seit</translation>
    </message>
    <message>
        <source>&amp;Add Member…</source>
        <translation>Mitglied &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Change Role…</source>
        <translation>&amp;Rolle ändern…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (Sie)</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Melden Sie sich zuerst an.</translation>
    </message>
    <message>
        <source>Select a member first.</source>
        <translation>Wählen Sie zuerst ein Mitglied aus.</translation>
    </message>
    <message>
        <source>Set &amp;Passphrase…</source>
        <translation>&amp;Passphrase festlegen…</translation>
    </message>
</context>
<context>
    <name>Keyward::NoMatchingKeysPage</name>
    <message>
        <source>No keys match the search and filters.</source>
        <translation>Keine Schlüssel entsprechen der Suche und den Filtern.</translation>
    </message>
    <message>
        <source>&amp;Clear Search and Filters</source>
        <translation>Suche und Filter &amp;zurücksetzen</translation>
    </message>
</context>
<context>
    <name>Keyward::PassphraseFields</name>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <source>Use several unrelated words, or a long mix of letters, digits and symbols.</source>
        <translation>Verwenden Sie mehrere voneinander unabhängige Wörter oder eine lange Mischung aus Buchstaben, Ziffern und Symbolen.</translation>
    </message>
    <message>
        <source>Strength: weak. Anyone with a copy of the vault could guess it; add more words.</source>
        <translation>Stärke: schwach. Jeder mit einer Kopie des Tresors könnte sie erraten; fügen Sie weitere Wörter hinzu.</translation>
    </message>
    <message>
        <source>Strength: fair. A few more words would make it much harder to guess.</source>
        <translation>Stärke: mittel. Ein paar weitere Wörter würden sie viel schwerer zu erraten machen.</translation>
    </message>
    <message>
        <source>Strength: good.</source>
        <translation>Stärke: gut.</translation>
    </message>
    <message>
        <source>Strength: strong.</source>
        <translation>Stärke: stark.</translation>
    </message>
    <message>
        <source>The two passphrases are different.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>Keyward::PasswordLineEdit</name>
    <message>
        <source>Show the passphrase</source>
        <translation>Passphrase anzeigen</translation>
    </message>
    <message>
        <source>Hide the passphrase</source>
        <translation>Passphrase verbergen</translation>
    </message>
</context>
<context>
    <name>Keyward::PasswordVault</name>
    <message>
        <source>No system keychain is available (%1), so Keyward cannot remember the password.</source>
        <translation>Es ist kein Schlüsselbund des Systems verfügbar (%1), daher kann Keyward das Passwort nicht speichern.</translation>
    </message>
    <message>
        <source>No system keychain is available, so Keyward cannot remember the password.</source>
        <translation>Es ist kein Schlüsselbund des Systems verfügbar, daher kann Keyward das Passwort nicht speichern.</translation>
    </message>
    <message>
        <source>Use a password file (~/.pgpass) instead.</source>
        <translation>Verwenden Sie stattdessen eine Passwortdatei (~/.pgpass).</translation>
    </message>
    <message>
        <source>The system keychain did not keep the password: %1</source>
        <translation>Der Schlüsselbund des Systems hat das Passwort nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>Keyward::PreferencesDialog</name>
    <message>
        <source>Configure Keyward</source>
        <translation>Keyward einrichten</translation>
    </message>
    <message>
        <source>&amp;Lock after</source>
        <translation>Sperren &amp;nach</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>without keyboard or mouse input</source>
        <translation>ohne Tastatur- oder Mauseingabe</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>A copied key is removed from the clipboard after this time, unless you copied something else since.</source>
        <translation>Ein kopierter Schlüssel wird nach dieser Zeit aus der Zwischenablage entfernt, sofern Sie seitdem nichts anderes kopiert haben.</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>A new language is used the next time Keyward starts.</source>
        <translation>Eine neue Sprache wird beim nächsten Start von Keyward verwendet.</translation>
    </message>
    <message>
        <source>Auto-lock:</source>
        <translation>Automatisch sperren:</translation>
    </message>
    <message>
        <source>&amp;Clear copied keys after:</source>
        <translation>Kopierte Schlüssel &amp;entfernen nach:</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Vault</source>
        <translation>Tresor</translation>
    </message>
    <message>
        <source>Not known until the vault is open and signed</source>
        <translation>Erst bekannt, wenn der Tresor geöffnet und signiert ist</translation>
    </message>
    <message>
        <source>&amp;Forget Pinned Fingerprint</source>
        <translation>Hinterlegten &amp;Fingerabdruck vergessen</translation>
    </message>
    <message>
        <source>Only after the vault&apos;s Owner re-created it on purpose, and you compared the new fingerprint with them: the next open pins whatever fingerprint the vault has then.</source>
        <translation>Nur, nachdem der Besitzer des Tresors ihn absichtlich neu angelegt hat und Sie den neuen Fingerabdruck mit ihm verglichen haben: Beim nächsten Öffnen wird der Fingerabdruck hinterlegt, den der Tresor dann hat.</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Owner fingerprint:</source>
        <translation>Fingerabdruck des Besitzers:</translation>
    </message>
    <message>
        <source>Pinned here:</source>
        <translation>Hier hinterlegt:</translation>
    </message>
    <message>
        <source>Nothing is pinned: the fingerprint the vault has when it is next opened will be pinned.</source>
        <translation>Nichts ist hinterlegt: Der Fingerabdruck, den der Tresor beim nächsten Öffnen hat, wird hinterlegt.</translation>
    </message>
    <message>
        <source>Expiry Alerts</source>
        <translation>Ablaufwarnungen</translation>
    </message>
    <message>
        <source>Keep Keyward in the system &amp;tray and warn of keys about to expire</source>
        <translation>Keyward im Info&amp;bereich halten und vor ablaufenden Schlüsseln warnen</translation>
    </message>
    <message>
        <source>Closing the window then leaves Keyward in the tray: it closes the vault and keeps reading the expiry dates of the vaults you used, without a passphrase, to warn 30, 14, 7 and 1 days ahead.</source>
        <translation>Schließen des Fensters lässt Keyward dann im Infobereich: Es schließt den Tresor und liest weiter die Ablaufdaten der verwendeten Tresore, ohne Passphrase, um 30, 14, 7 und 1 Tag vorher zu warnen.</translation>
    </message>
    <message>
        <source>Start in the tray when I &amp;log in</source>
        <translation>Bei der &amp;Anmeldung im Infobereich starten</translation>
    </message>
    <message>
        <source>This desktop shows no system tray: Keyward warns only while its window is open.</source>
        <translation>Diese Arbeitsumgebung hat keinen Infobereich: Keyward warnt nur, solange sein Fenster offen ist.</translation>
    </message>
</context>
<context>
    <name>Keyward::RateLimitField</name>
    <message>
        <source>Rate limit, requests</source>
        <translation>Ratenlimit, Anfragen</translation>
    </message>
    <message>
        <source>Rate limit, period</source>
        <translation>Ratenlimit, Zeitraum</translation>
    </message>
    <message>
        <source>per second</source>
        <translation>pro Sekunde</translation>
    </message>
    <message>
        <source>per minute</source>
        <translation>pro Minute</translation>
    </message>
    <message>
        <source>per hour</source>
        <translation>pro Stunde</translation>
    </message>
    <message>
        <source>Limit to</source>
        <translation>Begrenzen auf</translation>
    </message>
    <message>
        <source>Limit the request rate</source>
        <translation>Anfragerate begrenzen</translation>
    </message>
    <message>
        <source>Unticked: unlimited requests</source>
        <translation>Ohne Häkchen: unbegrenzt viele Anfragen</translation>
    </message>
</context>
<context>
    <name>Keyward::RegenerateKeyDialog</name>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 Stunden</translation>
    </message>
    <message>
        <source>3 days</source>
        <translation>3 Tage</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>no time</source>
        <translation>keine Zeit</translation>
    </message>
    <message>
        <source>Regenerate API Key</source>
        <translation>API-Schlüssel neu erzeugen</translation>
    </message>
    <message>
        <source>Regenerate “%1”?</source>
        <translation>„%1“ neu erzeugen?</translation>
    </message>
    <message>
        <source>Keyward makes a new secret for this key and shows it once. Name, grants, expiry and limits stay as they are.</source>
        <translation>Keyward erzeugt ein neues Geheimnis für diesen Schlüssel und zeigt es einmal an. Name, Berechtigungen, Ablauf und Limits bleiben unverändert.</translation>
    </message>
    <message>
        <source>The current secret (%1) was last used %2, on %3.</source>
        <translation>Das aktuelle Geheimnis (%1) wurde zuletzt %2 verwendet, am %3.</translation>
    </message>
    <message>
        <source>Keep the current secret working for</source>
        <translation>Aktuelles Geheimnis weiterhin gültig für</translation>
    </message>
    <message>
        <source>&amp;None</source>
        <translation>&amp;Keine</translation>
    </message>
    <message>
        <source>&amp;1 hour</source>
        <translation>&amp;1 Stunde</translation>
    </message>
    <message>
        <source>&amp;24 hours</source>
        <translation>&amp;24 Stunden</translation>
    </message>
    <message>
        <source>&amp;3 days</source>
        <translation>&amp;3 Tage</translation>
    </message>
    <message>
        <source>&amp;7 days</source>
        <translation>&amp;7 Tage</translation>
    </message>
    <message>
        <source>No grace period</source>
        <translation>Keine Übergangsfrist</translation>
    </message>
    <message>
        <source>Grace period of %1</source>
        <translation>Übergangsfrist von %1</translation>
    </message>
    <message>
        <source>The key is inactive: the new secret works only after you activate it.</source>
        <translation>Der Schlüssel ist inaktiv: Das neue Geheimnis funktioniert erst, nachdem Sie ihn aktiviert haben.</translation>
    </message>
    <message>
        <source>The key has expired; a new secret does not change that.</source>
        <translation>Der Schlüssel ist abgelaufen; ein neues Geheimnis ändert daran nichts.</translation>
    </message>
    <message>
        <source>An older secret (%1) is still in its grace period; it stops at %2 whatever you choose here.</source>
        <translation>Ein älteres Geheimnis (%1) befindet sich noch in seiner Übergangsfrist; es wird am %2 ungültig, unabhängig davon, was Sie hier wählen.</translation>
    </message>
    <message>
        <source>&amp;Regenerate Key</source>
        <translation>Schlüssel &amp;neu erzeugen</translation>
    </message>
    <message>
        <source>The current secret stops working at once. Every integration that still uses it gets 401 Unauthorized until it has the new key.</source>
        <translation>Das aktuelle Geheimnis wird sofort ungültig. Jede Integration, die es noch verwendet, erhält 401 Unauthorized, bis sie den neuen Schlüssel hat.</translation>
    </message>
    <message>
        <source>Both secrets work for %1, until %2, so you can update your integrations without downtime. After that the current secret gets 401 Unauthorized.</source>
        <translation>Beide Geheimnisse bleiben %1 lang gültig, bis %2, sodass Sie Ihre Integrationen ohne Ausfallzeit aktualisieren können. Danach führt das aktuelle Geheimnis zu 401 Unauthorized.</translation>
    </message>
    <message>
        <source>The current secret (%1) has never been used successfully.</source>
        <translation>Das aktuelle Geheimnis (%1) wurde noch nie erfolgreich verwendet.</translation>
    </message>
</context>
<context>
    <name>Keyward::RequestLogModel</name>
    <message>
        <source>%1 (current)</source>
        <translation>%1 (aktuell)</translation>
    </message>
    <message>
        <source>%1 (previous)</source>
        <translation>%1 (vorherig)</translation>
    </message>
    <message>
        <source>A removed secret</source>
        <translation>Ein entferntes Geheimnis</translation>
    </message>
    <message>
        <source>%1 (earlier)</source>
        <translation>%1 (früher)</translation>
    </message>
    <message>
        <source>The request presented no secret of this key.</source>
        <translation>Die Anfrage enthielt kein Geheimnis dieses Schlüssels.</translation>
    </message>
    <message>
        <source>The key&apos;s current secret.</source>
        <translation>Das aktuelle Geheimnis des Schlüssels.</translation>
    </message>
    <message>
        <source>The previous secret, which stops working %1 (%2). Give the tool that sent this request the new secret.</source>
        <translation>Das vorherige Geheimnis, das %1 (%2) ungültig wird. Geben Sie dem Werkzeug, das diese Anfrage gesendet hat, das neue Geheimnis.</translation>
    </message>
    <message>
        <source>The previous secret, retired %1 (%2).</source>
        <translation>Das vorherige Geheimnis, %1 außer Kraft gesetzt (%2).</translation>
    </message>
    <message>
        <source>The previous secret.</source>
        <translation>Das vorherige Geheimnis.</translation>
    </message>
    <message>
        <source>A secret replaced by an earlier regeneration.</source>
        <translation>Ein Geheimnis, das bei einem früheren Neu-Erzeugen ersetzt wurde.</translation>
    </message>
    <message>
        <source>The service did not say where the request came from.</source>
        <translation>Der Dienst hat nicht angegeben, woher die Anfrage kam.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Geheimnis</translation>
    </message>
</context>
<context>
    <name>Keyward::RequestLogView</name>
    <message>
        <source>Recent requests</source>
        <translation>Letzte Anfragen</translation>
    </message>
    <message>
        <source>No requests recorded for this key yet. Requests appear here a few seconds after a service checked the key.</source>
        <translation>Für diesen Schlüssel wurden noch keine Anfragen erfasst. Anfragen erscheinen hier einige Sekunden, nachdem ein Dienst den Schlüssel geprüft hat.</translation>
    </message>
</context>
<context>
    <name>Keyward::RevealKeyDialog</name>
    <message>
        <source>New API Key</source>
        <translation>Neuer API-Schlüssel</translation>
    </message>
    <message>
        <source>Regenerated API Key</source>
        <translation>Neu erzeugter API-Schlüssel</translation>
    </message>
    <message>
        <source>Copy the new key for “%1” now</source>
        <translation>Kopieren Sie jetzt den neuen Schlüssel für „%1“</translation>
    </message>
    <message>
        <source>Copy the new secret for “%1” now</source>
        <translation>Kopieren Sie jetzt das neue Geheimnis für „%1“</translation>
    </message>
    <message>
        <source>%1 · %2 role · expires %3</source>
        <translation>%1 · Rolle %2 · läuft %3 ab</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Read-only. Use Copy to put it on the clipboard; it is cleared again automatically.</source>
        <translation>Schreibgeschützt. Verwenden Sie „Kopieren“, um ihn in die Zwischenablage zu legen; sie wird automatisch wieder geleert.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy key to clipboard</source>
        <translation>Schlüssel in die Zwischenablage kopieren</translation>
    </message>
    <message numerus="yes">
        <source>Copies the key; the clipboard is cleared after %n second(s)</source>
        <translation>
            <numerusform>Kopiert den Schlüssel; die Zwischenablage wird nach %n Sekunde geleert</numerusform>
            <numerusform>Kopiert den Schlüssel; die Zwischenablage wird nach %n Sekunden geleert</numerusform>
        </translation>
    </message>
    <message>
        <source>Not copied yet.</source>
        <translation>Noch nicht kopiert.</translation>
    </message>
    <message>
        <source>This key will not be shown again. Keyward keeps only a fingerprint of it, so store it now, for example in your password manager or your CI&apos;s secret store. If it is lost, regenerate the key.</source>
        <translation>Dieser Schlüssel wird nicht noch einmal angezeigt. Keyward bewahrt nur einen Fingerabdruck davon auf, speichern Sie ihn daher jetzt, zum Beispiel in Ihrem Passwortmanager oder im Geheimnisspeicher Ihrer CI. Falls er verloren geht, erzeugen Sie den Schlüssel neu.</translation>
    </message>
    <message>
        <source>The previous secret keeps working until %1 (%2). Update your integrations before then.</source>
        <translation>Das vorherige Geheimnis bleibt bis %1 (%2) gültig. Aktualisieren Sie Ihre Integrationen bis dahin.</translation>
    </message>
    <message>
        <source>The previous secret has stopped working. Integrations that still use it get 401 Unauthorized.</source>
        <translation>Das vorherige Geheimnis ist nicht mehr gültig. Integrationen, die es noch verwenden, erhalten 401 Unauthorized.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>&amp;Copy Again</source>
        <translation>&amp;Erneut kopieren</translation>
    </message>
    <message numerus="yes">
        <source>Clipboard clears in %n s</source>
        <translation>
            <numerusform>Zwischenablage wird in %n s geleert</numerusform>
            <numerusform>Zwischenablage wird in %n s geleert</numerusform>
        </translation>
    </message>
    <message>
        <source>Clipboard cleared. Copy again if you still need the key.</source>
        <translation>Zwischenablage geleert. Kopieren Sie erneut, falls Sie den Schlüssel noch benötigen.</translation>
    </message>
    <message>
        <source>The clipboard now holds something else; nothing to clear.</source>
        <translation>Die Zwischenablage enthält jetzt etwas anderes; es gibt nichts zu leeren.</translation>
    </message>
    <message>
        <source>Close Without Copying?</source>
        <translation>Ohne Kopieren schließen?</translation>
    </message>
    <message>
        <source>You have not copied the key. Have you stored the key? It will not be shown again.</source>
        <translation>Sie haben den Schlüssel nicht kopiert. Haben Sie ihn gespeichert? Er wird nicht noch einmal angezeigt.</translation>
    </message>
    <message>
        <source>The key is no longer shown.</source>
        <translation>Der Schlüssel wird nicht mehr angezeigt.</translation>
    </message>
    <message>
        <source>Copy Key</source>
        <translation>Schlüssel kopieren</translation>
    </message>
    <message>
        <source>Close &amp;Without Copying</source>
        <translation>&amp;Ohne Kopieren schließen</translation>
    </message>
    <message>
        <source>&amp;Go Back</source>
        <translation>&amp;Zurück</translation>
    </message>
</context>
<context>
    <name>Keyward::RotationPolicyRow</name>
    <message>
        <source>Rotation policy:</source>
        <translation>Rotationsrichtlinie:</translation>
    </message>
    <message>
        <source>Regenerate &amp;secrets older than</source>
        <translation>&amp;Geheimnisse neu erzeugen nach</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tagen</translation>
    </message>
    <message>
        <source>Maximum secret age in days</source>
        <translation>Höchstalter eines Geheimnisses in Tagen</translation>
    </message>
    <message>
        <source>A&amp;pply Policy</source>
        <translation>Richtlinie &amp;anwenden</translation>
    </message>
    <message>
        <source>No rotation policy has been set.</source>
        <translation>Es wurde keine Rotationsrichtlinie gesetzt.</translation>
    </message>
    <message>
        <source>Set by %1 on %2.</source>
        <translation>Gesetzt von %1 am %2.</translation>
    </message>
    <message>
        <source>Only Owners can change the rotation policy.</source>
        <translation>Nur Besitzer können die Rotationsrichtlinie ändern.</translation>
    </message>
    <message>
        <source>Rotation Policy</source>
        <translation>Rotationsrichtlinie</translation>
    </message>
    <message numerus="yes">
        <source>Rotation policy set: secrets are due for regeneration after %n day(s).</source>
        <translation>
            <numerusform>Rotationsrichtlinie gesetzt: Geheimnisse sind nach %n Tag neu zu erzeugen.</numerusform>
            <numerusform>Rotationsrichtlinie gesetzt: Geheimnisse sind nach %n Tagen neu zu erzeugen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rotation policy removed.</source>
        <translation>Rotationsrichtlinie entfernt.</translation>
    </message>
</context>
<context>
    <name>Keyward::ServerBackupDialog</name>
    <message>
        <source>Back Up Server Vault</source>
        <translation>Server-Tresor sichern</translation>
    </message>
    <message>
        <source>The vault on the server is copied into a new vault file, checked, and signed with your key. A server keeps no passphrases, so choose the one you will sign in to the file with. The other members are copied without one: they stay in the member list and the audit log, but cannot sign in to the file.</source>
        <translation>Der Tresor auf dem Server wird in eine neue Tresordatei kopiert, geprüft und mit Ihrem Schlüssel signiert. Ein Server speichert keine Passphrasen; wählen Sie daher die, mit der Sie sich an der Datei anmelden werden. Die anderen Mitglieder werden ohne Passphrase kopiert: Sie bleiben in der Mitgliederliste und im Prüfprotokoll, können sich aber nicht an der Datei anmelden.</translation>
    </message>
    <message>
        <source>Backup file:</source>
        <translation>Sicherungsdatei:</translation>
    </message>
    <message>
        <source>Member:</source>
        <translation>Mitglied:</translation>
    </message>
    <message>
        <source>To put the backup on a server again: keywardctl migrate --from FILE --to CONNINFO, into an empty database.</source>
        <translation>Um die Sicherung wieder auf einen Server zu bringen: keywardctl migrate --from DATEI --to CONNINFO, in eine leere Datenbank.</translation>
    </message>
    <message>
        <source>Back &amp;Up</source>
        <translation>&amp;Sichern</translation>
    </message>
</context>
<context>
    <name>Keyward::ServerPasswordFlow</name>
    <message>
        <source>Looking for a remembered password…</source>
        <translation>Gemerktes Passwort wird gesucht…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung mit %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>The password remembered in the system keychain was not accepted; enter the current one.
%1</source>
        <translation>Das im Schlüsselbund des Systems gemerkte Passwort wurde nicht akzeptiert; geben Sie das aktuelle ein.
%1</translation>
    </message>
</context>
<context>
    <name>Keyward::SetPassphraseDialog</name>
    <message>
        <source>Change My Passphrase</source>
        <translation>Meine Passphrase ändern</translation>
    </message>
    <message>
        <source>Set Passphrase of %1</source>
        <translation>Passphrase von %1 festlegen</translation>
    </message>
    <message>
        <source>Member:</source>
        <translation>Mitglied:</translation>
    </message>
    <message>
        <source>Use the new passphrase the next time you sign in. The old one stops working at once.</source>
        <translation>Verwenden Sie die neue Passphrase bei der nächsten Anmeldung. Die alte gilt ab sofort nicht mehr.</translation>
    </message>
    <message>
        <source>The old passphrase stops working at once. Give %1 the new one in person, not by e-mail or chat.</source>
        <translation>Die alte Passphrase gilt ab sofort nicht mehr. Geben Sie %1 die neue persönlich, nicht per E-Mail oder Chat.</translation>
    </message>
    <message>
        <source>&amp;Change Passphrase</source>
        <translation>Passphrase &amp;ändern</translation>
    </message>
    <message>
        <source>&amp;Set Passphrase</source>
        <translation>Passphrase &amp;festlegen</translation>
    </message>
    <message>
        <source>C&amp;urrent passphrase:</source>
        <translation>A&amp;ktuelle Passphrase:</translation>
    </message>
    <message>
        <source>Enter your current passphrase.</source>
        <translation>Geben Sie Ihre aktuelle Passphrase ein.</translation>
    </message>
</context>
<context>
    <name>Keyward::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastaturkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>Keyward::StatusBadgeDelegate</name>
    <message>
        <source>Expires soon</source>
        <translation>Läuft bald ab</translation>
    </message>
    <message>
        <source>Grace period</source>
        <translation>Übergangsfrist</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Markiert</translation>
    </message>
    <message>
        <source>Tampered</source>
        <translation>Manipuliert</translation>
    </message>
    <message>
        <source>Rotation overdue</source>
        <translation>Rotation überfällig</translation>
    </message>
</context>
<context>
    <name>Keyward::TrayIcon</name>
    <message>
        <source>Keyward: watching for API keys about to expire</source>
        <translation>Keyward: achtet auf bald ablaufende API-Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Open Keyward</source>
        <translation>Keyward ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Check Expiring Keys Now</source>
        <translation>Ablaufende Schlüssel jetzt &amp;prüfen</translation>
    </message>
    <message>
        <source>&amp;Quit Keyward</source>
        <translation>Keyward &amp;beenden</translation>
    </message>
    <message>
        <source>Keyward is still running in the tray</source>
        <translation>Keyward läuft im Infobereich weiter</translation>
    </message>
    <message>
        <source>It closed the vault and keeps warning of keys about to expire. Quit from the tray&apos;s menu to end it.</source>
        <translation>Es hat den Tresor geschlossen und warnt weiter vor bald ablaufenden Schlüsseln. Beenden Sie es über das Menü im Infobereich.</translation>
    </message>
</context>
<context>
    <name>Keyward::UsageChartView</name>
    <message>
        <source>Requests per day in the last 7 days</source>
        <translation>Anfragen pro Tag in den letzten 7 Tagen</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>ddd d</source>
        <comment>short day label in the usage chart</comment>
        <translation>ddd d.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n request(s)</source>
        <translation>
            <numerusform>%1: %n Anfrage</numerusform>
            <numerusform>%1: %n Anfragen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Gesamt: %1</translation>
    </message>
</context>
<context>
    <name>Keyward::VaultController</name>
    <message>
        <source>There is no vault at %1.</source>
        <translation>Unter %1 gibt es keinen Tresor.</translation>
    </message>
    <message>
        <source>If the vault&apos;s Owner re-created it on purpose, compare its new fingerprint with them, then choose Forget Pinned Fingerprint in Settings › Configure Keyward and open it again.</source>
        <translation>Falls der Besitzer des Tresors ihn absichtlich neu angelegt hat, vergleichen Sie den neuen Fingerabdruck mit ihm, wählen Sie dann „Hinterlegten Fingerabdruck vergessen“ unter Einstellungen › Keyward einrichten und öffnen Sie ihn erneut.</translation>
    </message>
    <message>
        <source>Vault %1 created. Generate your first key.</source>
        <translation>Tresor %1 angelegt. Erzeugen Sie Ihren ersten Schlüssel.</translation>
    </message>
    <message>
        <source>Open Vault</source>
        <translation>Tresor öffnen</translation>
    </message>
    <message>
        <source>Keyward vaults (*.keyward);;All files (*)</source>
        <translation>Keyward-Tresore (*.keyward);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The password for %1 is now in the system keychain.</source>
        <translation>Das Passwort für %1 ist jetzt im Schlüsselbund des Systems gespeichert.</translation>
    </message>
</context>
<context>
    <name>Keyward::VaultCreatedDialog</name>
    <message>
        <source>Vault Created</source>
        <translation>Tresor angelegt</translation>
    </message>
    <message>
        <source>%1 is ready</source>
        <translation>%1 ist bereit</translation>
    </message>
    <message>
        <source>You are its Owner. Your signing key is the vault&apos;s root of trust: every key and every audit entry is signed, so someone who can only write the file cannot forge them. The Owner fingerprint below identifies the vault.</source>
        <translation>Sie sind sein Besitzer. Ihr Signaturschlüssel ist die Vertrauensbasis des Tresors: Jeder Schlüssel und jeder Protokolleintrag ist signiert, sodass jemand, der die Datei nur schreiben kann, sie nicht fälschen kann. Der Fingerabdruck des Besitzers unten kennzeichnet den Tresor.</translation>
    </message>
    <message>
        <source>Owner &amp;fingerprint:</source>
        <translation>&amp;Fingerabdruck des Besitzers:</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the fingerprint to the clipboard (it is not a secret)</source>
        <translation>Den Fingerabdruck in die Zwischenablage kopieren (er ist kein Geheimnis)</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Keyward on this computer has pinned it and will refuse a vault file with another fingerprint. Pin it wherever the vault is used: keywardctl --pin or KEYWARD_VAULT_PIN, keyward-verifyd&apos;s vault_pin, and Keyward on other computers (compare it there with the one shown in Configure Keyward). You can see it again in Configure Keyward.</source>
        <translation>Keyward auf diesem Computer hat ihn hinterlegt und lehnt eine Tresordatei mit einem anderen Fingerabdruck ab. Hinterlegen Sie ihn überall, wo der Tresor verwendet wird: keywardctl --pin oder KEYWARD_VAULT_PIN, vault_pin von keyward-verifyd und Keyward auf anderen Computern (vergleichen Sie ihn dort mit dem unter „Keyward einrichten“ angezeigten). Sie sehen ihn jederzeit wieder unter „Keyward einrichten“.</translation>
    </message>
</context>
<context>
    <name>Keyward::VaultSession</name>
    <message>
        <source>The new vault has no owner.</source>
        <translation>Der neue Tresor hat keinen Besitzer.</translation>
    </message>
    <message>
        <source>No vault is open.</source>
        <translation>Es ist kein Tresor geöffnet.</translation>
    </message>
    <message>
        <source>Connect to %1 again to unlock it.</source>
        <translation>Verbinden Sie sich erneut mit %1, um ihn zu entsperren.</translation>
    </message>
    <message>
        <source>The connection to %1 was lost.</source>
        <translation>Die Verbindung zu %1 wurde unterbrochen.</translation>
    </message>
    <message>
        <source>%1 no longer maps this login to a member.</source>
        <translation>%1 ordnet diese Anmeldung keinem Mitglied mehr zu.</translation>
    </message>
    <message>
        <source>%1 is damaged: %2 Restore it from a backup; &quot;keywardctl vault check&quot; lists the damage.</source>
        <translation>%1 ist beschädigt: %2 Stellen Sie ihn aus einer Sicherung wieder her; „keywardctl vault check“ listet die Schäden auf.</translation>
    </message>
</context>
<context>
    <name>Keyward::VaultStatusPage</name>
    <message>
        <source>&amp;Unlock…</source>
        <translation>&amp;Entsperren…</translation>
    </message>
    <message>
        <source>&amp;Open Another Vault…</source>
        <translation>Anderen Tresor ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;New Vault…</source>
        <translation>&amp;Neuer Tresor…</translation>
    </message>
    <message>
        <source>%1 is locked</source>
        <translation>%1 ist gesperrt</translation>
    </message>
    <message>
        <source>Every key is hidden until a member signs in again.</source>
        <translation>Alle Schlüssel sind ausgeblendet, bis sich ein Mitglied erneut anmeldet.</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>%1 kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>The file was not changed. Open another vault, or create a new one.</source>
        <translation>Die Datei wurde nicht verändert. Öffnen Sie einen anderen Tresor oder legen Sie einen neuen an.</translation>
    </message>
    <message>
        <source>No vault is open</source>
        <translation>Kein Tresor geöffnet</translation>
    </message>
    <message>
        <source>Open an existing vault, or create a new one.</source>
        <translation>Öffnen Sie einen vorhandenen Tresor oder legen Sie einen neuen an.</translation>
    </message>
    <message>
        <source>&amp;Open Vault…</source>
        <translation>Tresor ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet …</translation>
    </message>
    <message>
        <source>A large vault is checked, and brought up to this version of Keyward if it is older, before it opens. This can take some seconds; you will be asked for your passphrase then.</source>
        <translation>Ein großer Tresor wird vor dem Öffnen geprüft und, wenn er älter ist, auf diese Version von Keyward gebracht. Das kann einige Sekunden dauern; danach werden Sie nach Ihrer Passphrase gefragt.</translation>
    </message>
</context>
<context>
    <name>Keyward::WelcomeDialog</name>
    <message>
        <source>Welcome to Keyward</source>
        <translation>Willkommen bei Keyward</translation>
    </message>
    <message>
        <source>New Vault</source>
        <translation>Neuer Tresor</translation>
    </message>
    <message>
        <source>New vault</source>
        <translation>Neuer Tresor</translation>
    </message>
    <message>
        <source>Keyward keeps your API keys in a vault: a single file protected by member passphrases. Create your vault to start; you become its Owner and can invite others later.</source>
        <translation>Keyward bewahrt Ihre API-Schlüssel in einem Tresor auf: einer einzelnen Datei, die durch die Passphrasen der Mitglieder geschützt ist. Legen Sie zu Beginn Ihren Tresor an; Sie werden sein Besitzer und können später andere einladen.</translation>
    </message>
    <message>
        <source>A new vault starts empty. You become its Owner and can invite others later.</source>
        <translation>Ein neuer Tresor ist zunächst leer. Sie werden sein Besitzer und können später andere einladen.</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>2 to 12 lowercase letters or digits. It starts every key, so secret scanners and people can tell your keys apart.</source>
        <translation>2 bis 12 Kleinbuchstaben oder Ziffern. Jeder Schlüssel beginnt damit, sodass Secret-Scanner und Menschen Ihre Schlüssel erkennen können.</translation>
    </message>
    <message>
        <source>The name you will sign in with</source>
        <translation>Der Name, mit dem Sie sich anmelden</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>&amp;Speicherort:</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Ihr &amp;Name:</translation>
    </message>
    <message>
        <source>You will be the vault&apos;s Owner.</source>
        <translation>Sie werden der Besitzer des Tresors.</translation>
    </message>
    <message>
        <source>&amp;Create Vault</source>
        <translation>Tresor &amp;anlegen</translation>
    </message>
    <message>
        <source>Choose where to save the vault.</source>
        <translation>Wählen Sie, wo der Tresor gespeichert werden soll.</translation>
    </message>
    <message>
        <source>%1 already exists; choose another file name.</source>
        <translation>%1 existiert bereits; wählen Sie einen anderen Dateinamen.</translation>
    </message>
    <message>
        <source>Keys will look like %1_live_3Zq…Cd</source>
        <translation>Schlüssel sehen dann so aus: %1_live_3Zq…Cd</translation>
    </message>
    <message>
        <source>Keyward vaults (*.keyward);;All files (*)</source>
        <translation>Keyward-Tresore (*.keyward);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Key prefix:</source>
        <translation>Schlüsselprä&amp;fix:</translation>
    </message>
</context>
<context>
    <name>Keyward::WhyRejectedDialog</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Why Is This Key Rejected?</source>
        <translation>Warum wird dieser Schlüssel abgelehnt?</translation>
    </message>
    <message>
        <source>Paste a key that a service refused. Keyward shows the answer the service gets and explains why.</source>
        <translation>Fügen Sie einen Schlüssel ein, den ein Dienst abgelehnt hat. Keyward zeigt die Antwort, die der Dienst erhält, und erklärt, warum.</translation>
    </message>
    <message>
        <source>kw_live_…</source>
        <translation>kw_live_…</translation>
    </message>
    <message>
        <source>API key to check</source>
        <translation>Zu prüfender API-Schlüssel</translation>
    </message>
    <message>
        <source>Show the key</source>
        <translation>Schlüssel anzeigen</translation>
    </message>
    <message>
        <source>Hide the key</source>
        <translation>Schlüssel ausblenden</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>The key&apos;s own environment</source>
        <translation>Die eigene Umgebung des Schlüssels</translation>
    </message>
    <message>
        <source>The environment the service runs in. A Staging key is refused by a Production service.</source>
        <translation>Die Umgebung, in der der Dienst läuft. Ein Staging-Schlüssel wird von einem Produktionsdienst abgelehnt.</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Umgebung:</translation>
    </message>
    <message>
        <source>Grants the service requires</source>
        <translation>Berechtigungen, die der Dienst verlangt</translation>
    </message>
    <message>
        <source>Tick what the service asks for; leave all unticked to check only that the key works.</source>
        <translation>Kreuzen Sie an, was der Dienst verlangt; lassen Sie alles leer, um nur zu prüfen, ob der Schlüssel funktioniert.</translation>
    </message>
    <message>
        <source>Required &amp;grants:</source>
        <translation>Erforderliche &amp;Berechtigungen:</translation>
    </message>
    <message>
        <source>Paste a key and press Check.</source>
        <translation>Fügen Sie einen Schlüssel ein und klicken Sie auf „Prüfen“.</translation>
    </message>
    <message>
        <source>Checking records nothing: no usage, no last use, no rate limit. The key is not stored and is cleared when this window closes.</source>
        <translation>Die Prüfung erfasst nichts: keine Nutzung, keine letzte Verwendung, kein Ratenlimit. Der Schlüssel wird nicht gespeichert und beim Schließen dieses Fensters gelöscht.</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>Paste a key first</source>
        <translation>Fügen Sie zuerst einen Schlüssel ein</translation>
    </message>
    <message>
        <source>Could not check the key</source>
        <translation>Der Schlüssel konnte nicht geprüft werden</translation>
    </message>
    <message>
        <source>The vault could not be read. Try again once it is reachable.</source>
        <translation>Der Tresor konnte nicht gelesen werden. Versuchen Sie es erneut, sobald er erreichbar ist.</translation>
    </message>
    <message>
        <source>%1 — HTTP %2</source>
        <translation>%1 — HTTP %2</translation>
    </message>
    <message>
        <source>Key: %1 (ID %2), %3</source>
        <translation>Schlüssel: %1 (ID %2), %3</translation>
    </message>
    <message>
        <source>Secret: %1, the current one</source>
        <translation>Geheimnis: %1, das aktuelle</translation>
    </message>
    <message>
        <source>Secret: %1, the previous one</source>
        <translation>Geheimnis: %1, das vorherige</translation>
    </message>
    <message>
        <source>Key: %1 (ID %2)</source>
        <translation>Schlüssel: %1 (ID %2)</translation>
    </message>
    <message>
        <source>This is an old secret: %1 regenerated the key, and this secret stopped working on %2.</source>
        <translation>Dies ist ein altes Geheimnis: %1 hat den Schlüssel neu erzeugt, und dieses Geheimnis ist am %2 ungültig geworden.</translation>
    </message>
    <message>
        <source>This is an old secret: %1 regenerated the key on %2.</source>
        <translation>Dies ist ein altes Geheimnis: %1 hat den Schlüssel am %2 neu erzeugt.</translation>
    </message>
    <message>
        <source>Revoked on %1 by %2.</source>
        <translation>Am %1 von %2 widerrufen.</translation>
    </message>
    <message>
        <source>Revoked on %1.</source>
        <translation>Am %1 widerrufen.</translation>
    </message>
    <message>
        <source>Deactivated on %1 by %2.</source>
        <translation>Am %1 von %2 deaktiviert.</translation>
    </message>
    <message>
        <source>Expired on %1.</source>
        <translation>Am %1 abgelaufen.</translation>
    </message>
    <message>
        <source>Wrong environment: this is a %1 key, but the service runs in %2.</source>
        <translation>Falsche Umgebung: Dies ist ein %1-Schlüssel, aber der Dienst läuft in %2.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>A service asking for this environment and these grants accepts the key.</source>
        <translation>Ein Dienst, der diese Umgebung und diese Berechtigungen verlangt, akzeptiert den Schlüssel.</translation>
    </message>
    <message>
        <source>Copy the whole key again from where the service keeps it, without spaces or line breaks. Keyward cannot show a key again; if it is lost, regenerate it.</source>
        <translation>Kopieren Sie den ganzen Schlüssel erneut von dort, wo der Dienst ihn aufbewahrt, ohne Leerzeichen oder Zeilenumbrüche. Keyward kann einen Schlüssel nicht erneut anzeigen; wenn er verloren ist, erzeugen Sie ihn neu.</translation>
    </message>
    <message>
        <source>Keys of this vault start with %1_. The key may have been deleted, or it belongs to another vault.</source>
        <translation>Schlüssel dieses Tresors beginnen mit %1_. Der Schlüssel wurde möglicherweise gelöscht oder gehört zu einem anderen Tresor.</translation>
    </message>
    <message>
        <source>Give the service a key made for its environment.</source>
        <translation>Geben Sie dem Dienst einen Schlüssel, der für seine Umgebung erstellt wurde.</translation>
    </message>
    <message>
        <source>An Admin or Owner can activate the key again.</source>
        <translation>Ein Administrator oder Besitzer kann den Schlüssel wieder aktivieren.</translation>
    </message>
    <message>
        <source>Give the service the key&apos;s current secret.</source>
        <translation>Geben Sie dem Dienst das aktuelle Geheimnis des Schlüssels.</translation>
    </message>
    <message>
        <source>A revoked key never works again. Generate a new key for this integration.</source>
        <translation>Ein widerrufener Schlüssel funktioniert nie wieder. Erzeugen Sie einen neuen Schlüssel für diese Integration.</translation>
    </message>
    <message>
        <source>An expired key cannot be extended. Generate a new key for this integration.</source>
        <translation>Ein abgelaufener Schlüssel kann nicht verlängert werden. Erzeugen Sie einen neuen Schlüssel für diese Integration.</translation>
    </message>
    <message>
        <source>A key&apos;s grants cannot change after it is made. Generate a new key with the grants the service needs.</source>
        <translation>Die Berechtigungen eines Schlüssels können nach dem Erstellen nicht geändert werden. Erzeugen Sie einen neuen Schlüssel mit den Berechtigungen, die der Dienst benötigt.</translation>
    </message>
    <message>
        <source>The service should wait for the Retry-After time, or an Admin can raise the key&apos;s rate limit.</source>
        <translation>Der Dienst sollte die Retry-After-Zeit abwarten, oder ein Administrator kann das Ratenlimit des Schlüssels erhöhen.</translation>
    </message>
    <message numerus="yes">
        <source>Missing grant(s) %1.</source>
        <translation>
            <numerusform>Fehlende Berechtigung %1.</numerusform>
            <numerusform>Fehlende Berechtigungen %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Call from an address on the key&apos;s allowlist, or add the service&apos;s address to the allowlist (Edit Key).</source>
        <translation>Rufen Sie von einer Adresse aus der Adressliste des Schlüssels auf, oder fügen Sie die Adresse des Dienstes der Adressliste hinzu (Bearbeiten).</translation>
    </message>
    <message>
        <source>A key&apos;s customer cannot change after it is made. Generate a key for this customer.</source>
        <translation>Der Kunde eines Schlüssels kann nach dem Erstellen nicht geändert werden. Erzeugen Sie einen Schlüssel für diesen Kunden.</translation>
    </message>
</context>
<context>
    <name>Keyward::WrapAnywhereLabel</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
</context>
<context>
    <name>LastUseText</name>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Last refused %1: %2.</source>
        <translation>Zuletzt abgelehnt %1: %2.</translation>
    </message>
    <message>
        <source>Never (refused %1)</source>
        <translation>Nie (abgelehnt %1)</translation>
    </message>
    <message>
        <source>Never used successfully</source>
        <translation>Nie erfolgreich verwendet</translation>
    </message>
    <message>
        <source>Last used %1</source>
        <translation>Zuletzt verwendet am %1</translation>
    </message>
    <message>
        <source>Last used %1 from %2</source>
        <translation>Zuletzt verwendet am %1 von %2</translation>
    </message>
    <message>
        <source>Last refused %1: %2</source>
        <translation>Zuletzt abgelehnt am %1: %2</translation>
    </message>
    <message>
        <source>Last used: never successfully.</source>
        <translation>Zuletzt verwendet: nie erfolgreich.</translation>
    </message>
    <message>
        <source>Last used: never.</source>
        <translation>Zuletzt verwendet: nie.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Last used %1.</source>
        <translation>Zuletzt verwendet %1.</translation>
    </message>
    <message>
        <source>Last used %1 from %2.</source>
        <translation>Zuletzt verwendet %1 von %2.</translation>
    </message>
</context>
<context>
    <name>MemberCommands</name>
    <message>
        <source>There is no member called &quot;%1&quot;.</source>
        <translation>Es gibt kein Mitglied namens „%1“.</translation>
    </message>
    <message>
        <source>Unknown role &quot;%1&quot;; use owner, admin, developer or viewer.</source>
        <translation>Unbekannte Rolle „%1“; verwenden Sie owner, admin, developer oder viewer.</translation>
    </message>
    <message>
        <source>Adds a member. Their passphrase comes from KEYWARD_NEW_PASSPHRASE or is asked for twice. Only Owners can add members.</source>
        <translation>Fügt ein Mitglied hinzu. Seine Passphrase stammt aus KEYWARD_NEW_PASSPHRASE oder wird zweimal abgefragt. Nur Besitzer können Mitglieder hinzufügen.</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>ROLLE</translation>
    </message>
    <message>
        <source>The new member&apos;s role.</source>
        <translation>Die Rolle des neuen Mitglieds.</translation>
    </message>
    <message>
        <source>Give the new member a role with --role.</source>
        <translation>Geben Sie dem neuen Mitglied mit --role eine Rolle.</translation>
    </message>
    <message>
        <source>New passphrase for %1: </source>
        <translation>Neue Passphrase für %1: </translation>
    </message>
    <message>
        <source>Repeat the passphrase: </source>
        <translation>Passphrase wiederholen: </translation>
    </message>
    <message>
        <source>Added %1 as %2.</source>
        <translation>%1 als %2 hinzugefügt.</translation>
    </message>
    <message>
        <source>Lists the vault&apos;s members and their roles.</source>
        <translation>Listet die Mitglieder des Tresors und ihre Rollen auf.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>ADDED</source>
        <translation>HINZUGEFÜGT</translation>
    </message>
    <message>
        <source>Removes a member. Their active keys are deactivated and flagged. Only Owners can remove members.</source>
        <translation>Entfernt ein Mitglied. Seine aktiven Schlüssel werden deaktiviert und markiert. Nur Besitzer können Mitglieder entfernen.</translation>
    </message>
    <message>
        <source>Removed %1; their active keys were deactivated.</source>
        <translation>%1 entfernt; seine aktiven Schlüssel wurden deaktiviert.</translation>
    </message>
    <message>
        <source>Changes a member&apos;s role. Keys they created above the new role are deactivated and flagged. Only Owners can change roles.</source>
        <translation>Ändert die Rolle eines Mitglieds. Von ihm erstellte Schlüssel mit einer höheren als der neuen Rolle werden deaktiviert und markiert. Nur Besitzer können Rollen ändern.</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 ist jetzt %2.</translation>
    </message>
    <message>
        <source>The passphrase of %1 was changed.</source>
        <translation>Die Passphrase von %1 wurde geändert.</translation>
    </message>
    <message>
        <source>Sets a member&apos;s passphrase in a vault file. The new passphrase comes from KEYWARD_NEW_PASSPHRASE or is asked for twice. Members change their own, proven by the passphrase they sign in with; Owners set anyone&apos;s, for instance for members copied from a server by &quot;migrate&quot;, which have none yet.</source>
        <translation>Legt die Passphrase eines Mitglieds in einer Tresordatei fest. Die neue Passphrase stammt aus KEYWARD_NEW_PASSPHRASE oder wird zweimal abgefragt. Mitglieder ändern ihre eigene und weisen sich dabei mit der Passphrase aus, mit der sie sich anmelden; Besitzer legen die jedes Mitglieds fest, etwa für Mitglieder, die „migrate“ von einem Server kopiert hat und die noch keine haben.</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keiner</translation>
    </message>
    <message>
        <source>%1 (not certified)</source>
        <translation>%1 (nicht zertifiziert)</translation>
    </message>
    <message>
        <source>SIGNING KEY</source>
        <translation>SIGNATURSCHLÜSSEL</translation>
    </message>
    <message>
        <source>Certifies the signing key a member made at their first sign-in on a signed vault, so that their changes are trusted. FINGERPRINT is the key&apos;s, as &quot;keywardctl member list&quot; shows it: compare it with the member first. Only Owners can certify.</source>
        <translation>Zertifiziert den Signaturschlüssel, den ein Mitglied bei seiner ersten Anmeldung an einem signierten Tresor erzeugt hat, damit seinen Änderungen vertraut wird. FINGERABDRUCK ist der des Schlüssels, wie „keywardctl member list“ ihn zeigt: Vergleichen Sie ihn vorher mit dem Mitglied. Nur Besitzer können zertifizieren.</translation>
    </message>
    <message>
        <source>The key of %1 has the fingerprint %2, not %3. Nothing was certified.</source>
        <translation>Der Schlüssel von %1 hat den Fingerabdruck %2, nicht %3. Es wurde nichts zertifiziert.</translation>
    </message>
    <message>
        <source>Certified the key %1 of %2.</source>
        <translation>Schlüssel %1 von %2 zertifiziert.</translation>
    </message>
</context>
<context>
    <name>MigrateCommand</name>
    <message>
        <source>Copies a whole vault into a new vault file or an empty PostgreSQL database: settings, grant catalogue, members, keys with their secrets&apos; hashes (so every token keeps working), usage, and the audit log byte for byte (same ids, actors, details and hashes: &quot;audit verify&quot; passes on the copy). VAULT and TARGET are each a file or a PostgreSQL connection string (postgresql://... or keyword=value). The source is not changed; you sign in to it as an Owner. The target is written in one transaction and must be empty: an existing file or a database with tables is refused, never merged, and on any failure it is left as it was (a new file is deleted).

To PostgreSQL: run it as the database&apos;s owner (a login with CREATEROLE), as for &quot;db setup&quot;. Members are server logins there: without --create-logins it prints the logins a DBA must create; with it, it creates the missing ones (password from KEYWARD_NEW_PASSPHRASE, asked twice, or none with --no-password) and puts every member&apos;s login in its group.

From PostgreSQL to a file: a server keeps no passphrases, so only you (the Owner running the copy) get one in the file, from KEYWARD_NEW_PASSPHRASE or asked twice. The other members are copied without one: they stay in the member list and the audit log but cannot sign in to the file. From a file, every member keeps their passphrase.</source>
        <translation>Kopiert einen ganzen Tresor in eine neue Tresordatei oder eine leere PostgreSQL-Datenbank: Einstellungen, Berechtigungskatalog, Mitglieder, Schlüssel mit den Hashes ihrer Geheimnisse (sodass jedes Token weiter funktioniert), Nutzung und das Prüfprotokoll Byte für Byte (gleiche IDs, Mitglieder, Details und Hashes: „audit verify“ ist auf der Kopie erfolgreich). VAULT und TARGET sind jeweils eine Datei oder eine PostgreSQL-Verbindungszeichenfolge (postgresql://... oder keyword=value). Die Quelle wird nicht verändert; Sie melden sich dort als Besitzer an. Das Ziel wird in einer Transaktion geschrieben und muss leer sein: Eine vorhandene Datei oder eine Datenbank mit Tabellen wird abgelehnt, nie zusammengeführt, und bei jedem Fehler bleibt sie unverändert (eine neue Datei wird gelöscht).

Nach PostgreSQL: Führen Sie den Befehl als Besitzer der Datenbank aus (eine Anmeldung mit CREATEROLE), wie bei „db setup“. Mitglieder sind dort Serveranmeldungen: Ohne --create-logins gibt der Befehl die Anmeldungen aus, die ein DBA anlegen muss; mit der Option legt er die fehlenden an (Passwort aus KEYWARD_NEW_PASSPHRASE, zweimal abgefragt oder keines mit --no-password) und nimmt die Anmeldung jedes Mitglieds in seine Gruppe auf.

Von PostgreSQL in eine Datei: Ein Server speichert keine Passphrasen, daher erhalten nur Sie (der Besitzer, der die Kopie ausführt) eine in der Datei, aus KEYWARD_NEW_PASSPHRASE oder zweimal abgefragt. Die anderen Mitglieder werden ohne Passphrase kopiert: Sie bleiben in der Mitgliederliste und im Prüfprotokoll, können sich aber nicht an der Datei anmelden. Aus einer Datei behält jedes Mitglied seine Passphrase.</translation>
    </message>
    <message>
        <source>VAULT</source>
        <translation>VAULT</translation>
    </message>
    <message>
        <source>The vault to copy: a vault file or a PostgreSQL connection string (default: --vault, --db or KEYWARD_DB).</source>
        <translation>Der zu kopierende Tresor: eine Tresordatei oder eine PostgreSQL-Verbindungszeichenfolge (Standard: --vault, --db oder KEYWARD_DB).</translation>
    </message>
    <message>
        <source>TARGET</source>
        <translation>TARGET</translation>
    </message>
    <message>
        <source>Where to: a vault file that does not exist yet, or an empty PostgreSQL database.</source>
        <translation>Wohin: eine noch nicht vorhandene Tresordatei oder eine leere PostgreSQL-Datenbank.</translation>
    </message>
    <message>
        <source>PREFIX</source>
        <translation>PREFIX</translation>
    </message>
    <message>
        <source>PostgreSQL target: start of the group roles&apos; names (default: keyward), as for &quot;db setup&quot;.</source>
        <translation>PostgreSQL-Ziel: Anfang der Namen der Gruppenrollen (Standard: keyward), wie bei „db setup“.</translation>
    </message>
    <message>
        <source>PostgreSQL target: create the members&apos; missing logins and grant each its group.</source>
        <translation>PostgreSQL-Ziel: die fehlenden Anmeldungen der Mitglieder anlegen und jeder ihre Gruppe zuweisen.</translation>
    </message>
    <message>
        <source>Say where to copy the vault with --to.</source>
        <translation>Geben Sie mit --to an, wohin der Tresor kopiert werden soll.</translation>
    </message>
    <message>
        <source>--from needs a vault file or a connection string.</source>
        <translation>--from erfordert eine Tresordatei oder eine Verbindungszeichenfolge.</translation>
    </message>
    <message>
        <source>--create-logins and --role-prefix are for a PostgreSQL target.</source>
        <translation>--create-logins und --role-prefix sind für ein PostgreSQL-Ziel gedacht.</translation>
    </message>
    <message>
        <source>%1 already exists. migrate writes a new vault file only; it never overwrites or merges.</source>
        <translation>%1 existiert bereits. migrate schreibt nur eine neue Tresordatei; es überschreibt oder führt nie zusammen.</translation>
    </message>
    <message>
        <source>the new logins</source>
        <translation>die neuen Anmeldungen</translation>
    </message>
    <message>
        <source>No passphrase for %1 in the new vault file: set KEYWARD_NEW_PASSPHRASE or run keywardctl in a terminal to be asked.</source>
        <translation>Keine Passphrase für %1 in der neuen Tresordatei: Setzen Sie KEYWARD_NEW_PASSPHRASE oder führen Sie keywardctl in einem Terminal aus, um danach gefragt zu werden.</translation>
    </message>
    <message>
        <source>New passphrase for %1 in %2: </source>
        <translation>Neue Passphrase für %1 in %2: </translation>
    </message>
    <message>
        <source>Repeat the passphrase: </source>
        <translation>Passphrase wiederholen: </translation>
    </message>
    <message>
        <source>Copied the vault %1 to %2:</source>
        <translation>Tresor %1 nach %2 kopiert:</translation>
    </message>
    <message>
        <source>Each new login can change its password with \password in psql.</source>
        <translation>Jede neue Anmeldung kann ihr Passwort mit \password in psql ändern.</translation>
    </message>
    <message>
        <source>These members cannot sign in yet: a DBA creates their logins and puts them in their groups (or runs migrate with --create-logins):</source>
        <translation>Diese Mitglieder können sich noch nicht anmelden: Ein DBA legt ihre Anmeldungen an und nimmt sie in ihre Gruppen auf (oder führt migrate mit --create-logins aus):</translation>
    </message>
    <message>
        <source>Then give each new login a password with \password NAME in psql (or use peer or certificate authentication).</source>
        <translation>Geben Sie dann jeder neuen Anmeldung mit \password NAME in psql ein Passwort (oder verwenden Sie Peer- oder Zertifikatsauthentifizierung).</translation>
    </message>
    <message>
        <source>Copied without a passphrase (they cannot sign in to the file; a server keeps no passphrases to copy): %1.</source>
        <translation>Ohne Passphrase kopiert (diese Mitglieder können sich nicht an der Datei anmelden; ein Server speichert keine Passphrasen, die kopiert werden könnten): %1.</translation>
    </message>
    <message>
        <source>Check the copy with &quot;keywardctl audit verify&quot;: it ends in the same hash.</source>
        <translation>Prüfen Sie die Kopie mit „keywardctl audit verify“: Sie endet mit demselben Hash.</translation>
    </message>
</context>
<context>
    <name>MigrationLogins</name>
    <message>
        <source>Cannot prepare a login statement.</source>
        <translation>Eine Anmeldeanweisung kann nicht vorbereitet werden.</translation>
    </message>
    <message>
        <source>Cannot look up the logins.</source>
        <translation>Die Anmeldungen können nicht nachgeschlagen werden.</translation>
    </message>
    <message>
        <source>Cannot create the login %1.</source>
        <translation>Die Anmeldung %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot set the groups of %1.</source>
        <translation>Die Gruppen von %1 können nicht gesetzt werden.</translation>
    </message>
    <message>
        <source>Cannot grant %1 to %2.</source>
        <translation>%1 kann %2 nicht zugewiesen werden.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a group role on this server, not a login.</source>
        <translation>„%1“ ist auf diesem Server eine Gruppenrolle, keine Anmeldung.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a verifier login; a member needs a login of its own.</source>
        <translation>„%1“ ist eine Prüfer-Anmeldung; ein Mitglied braucht eine eigene Anmeldung.</translation>
    </message>
    <message>
        <source>Warning: %1 The member cannot sign in.</source>
        <translation>Warnung: %1 Das Mitglied kann sich nicht anmelden.</translation>
    </message>
    <message>
        <source>Put every member&apos;s login in its group; logins created: %1.</source>
        <translation>Die Anmeldung jedes Mitglieds in seine Gruppe aufgenommen; angelegte Anmeldungen: %1.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>Migrations</name>
    <message>
        <source>Could not read the schema version.</source>
        <translation>Die Schemaversion konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Could not start the schema upgrade.</source>
        <translation>Die Schemaaktualisierung konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Could not create the schema version table.</source>
        <translation>Die Tabelle für die Schemaversion konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Migration %1 is missing from this build.</source>
        <translation>Migration %1 fehlt in diesem Build.</translation>
    </message>
    <message>
        <source>Migration %1 failed.</source>
        <translation>Migration %1 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Could not record migration %1.</source>
        <translation>Migration %1 konnte nicht vermerkt werden.</translation>
    </message>
    <message>
        <source>Could not commit the schema upgrade.</source>
        <translation>Die Schemaaktualisierung konnte nicht festgeschrieben werden.</translation>
    </message>
    <message>
        <source>Could not finish the schema upgrade.</source>
        <translation>Die Schemaaktualisierung konnte nicht abgeschlossen werden.</translation>
    </message>
</context>
<context>
    <name>OutcomeText</name>
    <message>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <source>Malformed</source>
        <translation>Fehlerhaft</translation>
    </message>
    <message>
        <source>Unknown key</source>
        <translation>Unbekannter Schlüssel</translation>
    </message>
    <message>
        <source>Wrong environment</source>
        <translation>Falsche Umgebung</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Missing grant</source>
        <translation>Fehlende Berechtigung</translation>
    </message>
    <message>
        <source>Rate limited</source>
        <translation>Ratenlimit erreicht</translation>
    </message>
    <message>
        <source>Usage limit reached</source>
        <translation>Nutzungslimit erreicht</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Valid (200)</source>
        <translation>Gültig (200)</translation>
    </message>
    <message>
        <source>Unauthorized (401)</source>
        <translation>Nicht autorisiert (401)</translation>
    </message>
    <message>
        <source>Forbidden (403)</source>
        <translation>Verboten (403)</translation>
    </message>
    <message>
        <source>Too many requests (429)</source>
        <translation>Zu viele Anfragen (429)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln valid</source>
        <translation>
            <numerusform>%Ln gültig</numerusform>
            <numerusform>%Ln gültig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unauthorized (401)</source>
        <translation>
            <numerusform>%Ln nicht autorisiert (401)</numerusform>
            <numerusform>%Ln nicht autorisiert (401)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln forbidden (403)</source>
        <translation>
            <numerusform>%Ln verboten (403)</numerusform>
            <numerusform>%Ln verboten (403)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln too many (429)</source>
        <translation>
            <numerusform>%Ln zu viele (429)</numerusform>
            <numerusform>%Ln zu viele (429)</numerusform>
        </translation>
    </message>
    <message>
        <source>Address not allowed</source>
        <translation>Adresse nicht erlaubt</translation>
    </message>
    <message>
        <source>Wrong customer</source>
        <translation>Falscher Kunde</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>Only Developers, Admins and Owners can generate keys. Ask an Owner to change your role.</source>
        <translation>Nur Entwickler, Administratoren und Besitzer können Schlüssel erzeugen. Bitten Sie einen Besitzer, Ihre Rolle zu ändern.</translation>
    </message>
    <message>
        <source>Only Admins, Owners and the Developer who created a key can edit it.</source>
        <translation>Nur Administratoren, Besitzer und der Entwickler, der einen Schlüssel erstellt hat, können ihn bearbeiten.</translation>
    </message>
    <message>
        <source>Only Admins, Owners and the Developer who created a key can change whether it is active.</source>
        <translation>Nur Administratoren, Besitzer und der Entwickler, der einen Schlüssel erstellt hat, können ihn aktivieren oder deaktivieren.</translation>
    </message>
    <message>
        <source>Only Admins, Owners and the Developer who created a key can regenerate it.</source>
        <translation>Nur Administratoren, Besitzer und der Entwickler, der einen Schlüssel erstellt hat, können ihn neu erzeugen.</translation>
    </message>
    <message>
        <source>Only Admins, Owners and the Developer who created a key can revoke it.</source>
        <translation>Nur Administratoren, Besitzer und der Entwickler, der einen Schlüssel erstellt hat, können ihn widerrufen.</translation>
    </message>
    <message>
        <source>Only Admins, Owners and the Developer who created a key can delete it.</source>
        <translation>Nur Administratoren, Besitzer und der Entwickler, der einen Schlüssel erstellt hat, können ihn löschen.</translation>
    </message>
    <message>
        <source>A key&apos;s role cannot be above your own role (%1).</source>
        <translation>Die Rolle eines Schlüssels kann nicht höher sein als Ihre eigene Rolle (%1).</translation>
    </message>
    <message>
        <source>Choose at least one grant.</source>
        <translation>Wählen Sie mindestens eine Berechtigung.</translation>
    </message>
    <message>
        <source>Unknown grant &quot;%1&quot;.</source>
        <translation>Unbekannte Berechtigung „%1“.</translation>
    </message>
    <message>
        <source>The grant &quot;%1&quot; is not part of the %2 role.</source>
        <translation>Die Berechtigung „%1“ ist nicht Teil der Rolle %2.</translation>
    </message>
    <message>
        <source>Use key creation for new keys.</source>
        <translation>Verwenden Sie für neue Schlüssel die Schlüsselerstellung.</translation>
    </message>
    <message>
        <source>Developers can only change keys they created. &quot;%1&quot; was created by %2.</source>
        <translation>Entwickler können nur selbst erstellte Schlüssel ändern. „%1“ wurde von %2 erstellt.</translation>
    </message>
    <message>
        <source>This key has the %1 role, above your own (%2).</source>
        <translation>Dieser Schlüssel hat die Rolle %1, die höher ist als Ihre eigene (%2).</translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; is revoked. Revocation is permanent; generate a new key instead.</source>
        <translation>Der Schlüssel „%1“ ist widerrufen. Ein Widerruf ist endgültig; erzeugen Sie stattdessen einen neuen Schlüssel.</translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; is already active.</source>
        <translation>Der Schlüssel „%1“ ist bereits aktiv.</translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; is already inactive.</source>
        <translation>Der Schlüssel „%1“ ist bereits inaktiv.</translation>
    </message>
    <message>
        <source>An expiry can only be shortened; generate a new key to extend it.</source>
        <translation>Ein Ablauf kann nur verkürzt werden; erzeugen Sie einen neuen Schlüssel, um ihn zu verlängern.</translation>
    </message>
    <message>
        <source>The new expiry is in the past. Deactivate or revoke the key to stop it now.</source>
        <translation>Der neue Ablauf liegt in der Vergangenheit. Deaktivieren oder widerrufen Sie den Schlüssel, um ihn sofort anzuhalten.</translation>
    </message>
    <message>
        <source>Only Owners can manage members.</source>
        <translation>Nur Besitzer können Mitglieder verwalten.</translation>
    </message>
    <message>
        <source>Enter a name for the key.</source>
        <translation>Geben Sie einen Namen für den Schlüssel ein.</translation>
    </message>
    <message>
        <source>The name is too long (at most %1 characters).</source>
        <translation>Der Name ist zu lang (höchstens %1 Zeichen).</translation>
    </message>
    <message>
        <source>The name cannot contain control characters or line breaks.</source>
        <translation>Der Name darf keine Steuerzeichen oder Zeilenumbrüche enthalten.</translation>
    </message>
    <message>
        <source>The notes are too long (at most %1 characters).</source>
        <translation>Die Notizen sind zu lang (höchstens %1 Zeichen).</translation>
    </message>
    <message>
        <source>The notes cannot contain control characters.</source>
        <translation>Die Notizen dürfen keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>The customer is too long (at most %1 characters).</source>
        <translation>Der Kunde ist zu lang (höchstens %1 Zeichen).</translation>
    </message>
    <message>
        <source>The customer cannot contain control characters.</source>
        <translation>Der Kunde darf keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>Enter a member name.</source>
        <translation>Geben Sie einen Mitgliedsnamen ein.</translation>
    </message>
    <message>
        <source>A member name cannot start or end with spaces.</source>
        <translation>Ein Mitgliedsname darf nicht mit Leerzeichen beginnen oder enden.</translation>
    </message>
    <message>
        <source>The member name is too long (at most %1 characters).</source>
        <translation>Der Mitgliedsname ist zu lang (höchstens %1 Zeichen).</translation>
    </message>
    <message>
        <source>The member name cannot contain control characters.</source>
        <translation>Der Mitgliedsname darf keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>The key prefix must be 2 to 12 lowercase letters or digits.</source>
        <translation>Das Schlüsselpräfix muss aus 2 bis 12 Kleinbuchstaben oder Ziffern bestehen.</translation>
    </message>
    <message>
        <source>The passphrase must have at least %1 characters.</source>
        <translation>Die Passphrase muss mindestens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>Only Owners can set another member&apos;s passphrase. You can change your own.</source>
        <translation>Nur Besitzer können die Passphrase eines anderen Mitglieds festlegen. Ihre eigene können Sie ändern.</translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; has expired: a new secret would be refused as Expired, and an expiry cannot be extended. Use Duplicate to make a new key with the same configuration.</source>
        <translation>Der Schlüssel „%1“ ist abgelaufen: Ein neues Geheimnis würde als Expired abgelehnt, und ein Ablauf kann nicht verlängert werden. Verwenden Sie „Duplizieren“, um einen neuen Schlüssel mit derselben Konfiguration zu erzeugen.</translation>
    </message>
    <message>
        <source>Only Admins and Owners can change a key&apos;s usage limit or reset its usage.</source>
        <translation>Nur Administratoren und Besitzer können das Nutzungslimit eines Schlüssels ändern oder seine Nutzung zurücksetzen.</translation>
    </message>
    <message>
        <source>A usage limit is at least 1 request; use &quot;none&quot; for no limit.</source>
        <translation>Ein Nutzungslimit beträgt mindestens 1 Anfrage; verwenden Sie „none“, um kein Limit festzulegen.</translation>
    </message>
    <message>
        <source>The expiry date is in the past. Choose today or a later day.</source>
        <translation>Das Ablaufdatum liegt in der Vergangenheit. Wählen Sie heute oder einen späteren Tag.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be a login: names starting with pg_ or %2_ are reserved, and a login has at most 63 bytes.</source>
        <translation>„%1“ kann keine Anmeldung sein: Namen, die mit pg_ oder %2_ beginnen, sind reserviert, und eine Anmeldung hat höchstens 63 Bytes.</translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; has no previous secret in a grace period.</source>
        <translation>Der Schlüssel „%1“ hat kein voriges Geheimnis in einer Übergangsfrist.</translation>
    </message>
    <message>
        <source>Only Owners can change the vault&apos;s rotation policy.</source>
        <translation>Nur Besitzer können die Rotationsrichtlinie des Tresors ändern.</translation>
    </message>
    <message>
        <source>Only Admins, Owners and the Developer who created a key can dismiss or restore its findings.</source>
        <translation>Nur Administratoren, Besitzer und der Entwickler, der einen Schlüssel erstellt hat, können seine Befunde ignorieren oder wiederherstellen.</translation>
    </message>
</context>
<context>
    <name>PgConnInfo</name>
    <message>
        <source>&quot;%1&quot; is not a connection setting. Write settings as keyword=value, for example host=db.example.com dbname=keys.</source>
        <translation>„%1“ ist keine Verbindungseinstellung. Schreiben Sie Einstellungen als keyword=value, zum Beispiel host=db.example.com dbname=keys.</translation>
    </message>
    <message>
        <source>The connection setting &quot;%1&quot; has no value (expected %1=value).</source>
        <translation>Die Verbindungseinstellung „%1“ hat keinen Wert (erwartet: %1=value).</translation>
    </message>
    <message>
        <source>The value of &quot;%1&quot; has an opening quote but no closing one.</source>
        <translation>Der Wert von „%1“ hat ein öffnendes, aber kein schließendes Anführungszeichen.</translation>
    </message>
    <message>
        <source>The connection URI is not valid (%1). Several hosts or a socket directory need the keyword=value form.</source>
        <translation>Die Verbindungs-URI ist ungültig (%1). Mehrere Hosts oder ein Socket-Verzeichnis erfordern die Form keyword=value.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a connection setting.</source>
        <translation>„%1“ ist keine Verbindungseinstellung.</translation>
    </message>
    <message>
        <source>service %1</source>
        <translation>Dienst %1</translation>
    </message>
    <message>
        <source>%1 (service %2)</source>
        <translation>%1 (Dienst %2)</translation>
    </message>
    <message>
        <source>local server</source>
        <translation>lokaler Server</translation>
    </message>
    <message>
        <source>The value of &quot;%1&quot; contains &apos;;&apos;, which the Qt PostgreSQL driver cannot pass on. Put it in a service file and use service=NAME.</source>
        <translation>Der Wert von „%1“ enthält „;“, was der Qt-PostgreSQL-Treiber nicht weitergeben kann. Tragen Sie ihn in eine Dienstdatei ein und verwenden Sie service=NAME.</translation>
    </message>
    <message>
        <source>The connection string is neither keyword=value settings nor a postgresql:// URI. Write for example host=db.example.com dbname=keys, or postgresql://alice@db.example.com/keys.</source>
        <translation>Die Verbindungsangabe besteht weder aus Einstellungen der Form schlüsselwort=wert noch ist sie eine postgresql://-URI. Schreiben Sie zum Beispiel host=db.example.com dbname=keys oder postgresql://alice@db.example.com/keys.</translation>
    </message>
</context>
<context>
    <name>PostgresSetup</name>
    <message>
        <source>The role prefix must start with a lowercase letter and have at most 40 lowercase letters, digits or underscores.</source>
        <translation>Das Rollenpräfix muss mit einem Kleinbuchstaben beginnen und darf höchstens 40 Kleinbuchstaben, Ziffern oder Unterstriche enthalten.</translation>
    </message>
    <message>
        <source>The PostgreSQL security script is missing from this build.</source>
        <translation>Das PostgreSQL-Sicherheitsskript fehlt in diesem Build.</translation>
    </message>
    <message>
        <source>The password is empty.</source>
        <translation>Das Passwort ist leer.</translation>
    </message>
    <message>
        <source>A password cannot contain a NUL byte.</source>
        <translation>Ein Passwort darf kein NUL-Byte enthalten.</translation>
    </message>
    <message>
        <source>This is not a PostgreSQL connection.</source>
        <translation>Dies ist keine PostgreSQL-Verbindung.</translation>
    </message>
    <message>
        <source>The connection to the database was lost.</source>
        <translation>Die Verbindung zur Datenbank wurde unterbrochen.</translation>
    </message>
    <message>
        <source>Could not encrypt the password: %1</source>
        <translation>Das Passwort konnte nicht verschlüsselt werden: %1</translation>
    </message>
    <message>
        <source>Cannot add the member %1.</source>
        <translation>Das Mitglied %1 kann nicht hinzugefügt werden.</translation>
    </message>
    <message>
        <source>Cannot add the verifier login %1.</source>
        <translation>Die Prüfer-Anmeldung %1 kann nicht hinzugefügt werden.</translation>
    </message>
    <message>
        <source>The database setup is for PostgreSQL; a local vault needs none.</source>
        <translation>Die Datenbankeinrichtung ist für PostgreSQL gedacht; ein lokaler Tresor benötigt keine.</translation>
    </message>
    <message>
        <source>Cannot ask the server who is connected.</source>
        <translation>Der Server kann nicht gefragt werden, wer verbunden ist.</translation>
    </message>
    <message>
        <source>This database was set up by a newer Keyward (schema %1; this one knows up to %2). Update Keyward first.</source>
        <translation>Diese Datenbank wurde von einer neueren Keyward-Version eingerichtet (Schema %1; diese Version kennt bis %2). Aktualisieren Sie zuerst Keyward.</translation>
    </message>
    <message>
        <source>Cannot list the tables.</source>
        <translation>Die Tabellen können nicht aufgelistet werden.</translation>
    </message>
    <message>
        <source>The database is not empty (%1 tables). Set Keyward up in a database of its own.</source>
        <translation>Die Datenbank ist nicht leer (%1 Tabellen). Richten Sie Keyward in einer eigenen Datenbank ein.</translation>
    </message>
    <message>
        <source>Created the Keyward schema (version %1).</source>
        <translation>Keyward-Schema angelegt (Version %1).</translation>
    </message>
    <message>
        <source>Upgraded the schema from version %1 to %2.</source>
        <translation>Schema von Version %1 auf %2 aktualisiert.</translation>
    </message>
    <message>
        <source>The schema is current (version %1).</source>
        <translation>Das Schema ist aktuell (Version %1).</translation>
    </message>
    <message>
        <source>Could not start the setup.</source>
        <translation>Die Einrichtung konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Cannot read the vault settings.</source>
        <translation>Die Tresoreinstellungen können nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Wrote the vault settings: key prefix &quot;%1&quot;, the default grant catalogue.</source>
        <translation>Tresoreinstellungen geschrieben: Schlüsselpräfix „%1“, der Standardkatalog der Berechtigungen.</translation>
    </message>
    <message>
        <source>This vault uses the role prefix &quot;%1&quot;, not &quot;%2&quot;.</source>
        <translation>Dieser Tresor verwendet das Rollenpräfix „%1“, nicht „%2“.</translation>
    </message>
    <message>
        <source>The setup failed at:
%1
</source>
        <translation>Die Einrichtung ist fehlgeschlagen bei:
%1
</translation>
    </message>
    <message>
        <source>Created the group roles %1_owner, %1_admin, %1_developer, %1_viewer and %1_verifier, and granted each only what its role needs.</source>
        <translation>Gruppenrollen %1_owner, %1_admin, %1_developer, %1_viewer und %1_verifier angelegt; jede erhält nur die Rechte, die ihre Rolle benötigt.</translation>
    </message>
    <message>
        <source>Enabled row-level security: Developers change only the keys they created, Viewers change nothing, the verifier writes only usage.</source>
        <translation>Sicherheit auf Zeilenebene aktiviert: Entwickler ändern nur selbst erstellte Schlüssel, Betrachter ändern nichts, der Prüfer schreibt nur Nutzungsdaten.</translation>
    </message>
    <message>
        <source>Made the audit log append-only for every role, the table owner included.</source>
        <translation>Prüfprotokoll für jede Rolle auf reines Anhängen beschränkt, auch für den Tabellenbesitzer.</translation>
    </message>
    <message>
        <source>Only members of the %1_* roles may connect to this database.</source>
        <translation>Nur Mitglieder der Rollen %1_* dürfen sich mit dieser Datenbank verbinden.</translation>
    </message>
    <message>
        <source>Cannot read the members.</source>
        <translation>Die Mitglieder können nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 is already a member (%2).</source>
        <translation>%1 ist bereits Mitglied (%2).</translation>
    </message>
    <message>
        <source>Added the login %1 as the first Owner.</source>
        <translation>Anmeldung %1 als ersten Besitzer hinzugefügt.</translation>
    </message>
    <message>
        <source>Could not finish the setup.</source>
        <translation>Die Einrichtung konnte nicht abgeschlossen werden.</translation>
    </message>
</context>
<context>
    <name>ReportCommands</name>
    <message>
        <source>Unused for this long counts as stale (default 90d).</source>
        <translation>So lange unbenutzt gilt als veraltet (Standard 90d).</translation>
    </message>
    <message>
        <source>Never used this long after creation is a finding (default 30d).</source>
        <translation>So lange nach der Erstellung nie verwendet ist ein Befund (Standard 30d).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time span; use for example 30d.</source>
        <translation>„%1“ ist keine Zeitspanne; verwenden Sie zum Beispiel 30d.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time span; use for example 90d.</source>
        <translation>„%1“ ist keine Zeitspanne; verwenden Sie zum Beispiel 90d.</translation>
    </message>
    <message>
        <source>No findings: every key is looked after.</source>
        <translation>Keine Befunde: Um jeden Schlüssel ist gesorgt.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>ENV</source>
        <translation>UMGEBUNG</translation>
    </message>
    <message>
        <source>FINDING</source>
        <translation>BEFUND</translation>
    </message>
    <message>
        <source>FIX</source>
        <translation>ABHILFE</translation>
    </message>
    <message>
        <source>REASON</source>
        <translation>GRUND</translation>
    </message>
    <message>
        <source>Rotation policy: none (secrets may grow old).</source>
        <translation>Rotationsrichtlinie: keine (Geheimnisse dürfen alt werden).</translation>
    </message>
    <message numerus="yes">
        <source>Rotation policy: a key&apos;s secret is due for regeneration after %n day(s).</source>
        <translation>
            <numerusform>Rotationsrichtlinie: Das Geheimnis eines Schlüssels ist nach %n Tag neu zu erzeugen.</numerusform>
            <numerusform>Rotationsrichtlinie: Das Geheimnis eines Schlüssels ist nach %n Tagen neu zu erzeugen.</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a kind of finding; use one of %2.</source>
        <translation>„%1“ ist keine Befundart; verwenden Sie eine von %2.</translation>
    </message>
    <message>
        <source>Lists keys that need looking after, each with the reason and its fix: never used, not used for a long time, no expiry or valid for more than a year, a secret older than the rotation policy, Production keys with Full Administration, keys of removed or demoted members, and previous secrets still in use shortly before their grace period ends. Findings a member dismissed (report dismiss) are left out unless --include-dismissed. Exit 1 when there are findings that are not dismissed (for CI), 0 when none. With --json, one object per finding and line.</source>
        <translation>Listet Schlüssel auf, um die sich jemand kümmern sollte, jeweils mit Grund und Abhilfe: nie verwendet, lange nicht verwendet, kein Ablauf oder länger als ein Jahr gültig, ein Geheimnis älter als die Rotationsrichtlinie, Produktionsschlüssel mit vollständiger Verwaltung, Schlüssel entfernter oder herabgestufter Mitglieder und vorige Geheimnisse, die kurz vor dem Ende ihrer Übergangsfrist noch verwendet werden. Befunde, die ein Mitglied ignoriert hat (report dismiss), fehlen, außer mit --include-dismissed. Exit 1, wenn es nicht ignorierte Befunde gibt (für CI), 0, wenn keine. Mit --json ein Objekt pro Befund und Zeile.</translation>
    </message>
    <message>
        <source>The longest a secret may live before it is due for regeneration (default: the vault&apos;s rotation policy, see vault policy).</source>
        <translation>Wie lange ein Geheimnis höchstens leben darf, bevor es neu zu erzeugen ist (Standard: die Rotationsrichtlinie des Tresors, siehe vault policy).</translation>
    </message>
    <message>
        <source>Also list dismissed findings, marked with who dismissed them and why.</source>
        <translation>Auch ignorierte Befunde auflisten, markiert mit wer sie ignoriert hat und warum.</translation>
    </message>
    <message numerus="yes">
        <source>No findings: every key is looked after (%n dismissed, see --include-dismissed).</source>
        <translation>
            <numerusform>Keine Befunde: Um jeden Schlüssel ist gesorgt (%n ignoriert, siehe --include-dismissed).</numerusform>
            <numerusform>Keine Befunde: Um jeden Schlüssel ist gesorgt (%n ignoriert, siehe --include-dismissed).</numerusform>
        </translation>
    </message>
    <message>
        <source>[dismissed by %1: %2] %3</source>
        <translation>[ignoriert von %1: %2] %3</translation>
    </message>
    <message>
        <source>Dismisses one finding of the hygiene report for a key, with the reason: report hygiene leaves it out from now on (and no longer fails on it) until it is restored. KIND is the finding&apos;s code as report hygiene prints it: %1. Audited; whoever may edit the key may dismiss its findings.</source>
        <translation>Ignoriert einen Befund des Hygieneberichts für einen Schlüssel, mit Begründung: report hygiene lässt ihn ab jetzt aus (und schlägt nicht mehr deswegen fehl), bis er wiederhergestellt wird. KIND ist der Code des Befunds, wie report hygiene ihn ausgibt: %1. Protokolliert; wer den Schlüssel bearbeiten darf, darf seine Befunde ignorieren.</translation>
    </message>
    <message>
        <source>Why the finding may stay (one line, kept in the audit log).</source>
        <translation>Warum der Befund bleiben darf (eine Zeile, im Prüfprotokoll festgehalten).</translation>
    </message>
    <message>
        <source>Say why with --reason TEXT.</source>
        <translation>Geben Sie mit --reason TEXT an, warum.</translation>
    </message>
    <message>
        <source>Dismissed &quot;%1&quot; for key %2.</source>
        <translation>„%1“ für Schlüssel %2 ignoriert.</translation>
    </message>
    <message>
        <source>Restores a dismissed finding: report hygiene lists it again. Audited. KIND: %1.</source>
        <translation>Stellt einen ignorierten Befund wieder her: report hygiene listet ihn wieder auf. Protokolliert. KIND: %1.</translation>
    </message>
    <message>
        <source>Restored &quot;%1&quot; for key %2.</source>
        <translation>„%1“ für Schlüssel %2 wiederhergestellt.</translation>
    </message>
    <message>
        <source>Shows the vault&apos;s rotation policy, or sets it (Owners): the oldest a key&apos;s secret may be before report hygiene lists it as overdue for regeneration and the window badges it &quot;Rotation overdue&quot;. Whole days, 1 to %1; none turns the check off. Audited.</source>
        <translation>Zeigt die Rotationsrichtlinie des Tresors oder setzt sie (Besitzer): wie alt das Geheimnis eines Schlüssels höchstens sein darf, bevor report hygiene es als überfällig zur Neuerzeugung auflistet und das Fenster es mit „Rotation überfällig“ kennzeichnet. Ganze Tage, 1 bis %1; none schaltet die Prüfung ab. Protokolliert.</translation>
    </message>
    <message>
        <source>The maximum secret age in days (90d or 90), or none.</source>
        <translation>Das Höchstalter eines Geheimnisses in Tagen (90d oder 90), oder none.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a maximum secret age; use whole days from 1 to %2 (e.g. 90d), or none.</source>
        <translation>„%1“ ist kein Höchstalter für Geheimnisse; verwenden Sie ganze Tage von 1 bis %2 (z. B. 90d), oder none.</translation>
    </message>
</context>
<context>
    <name>RequestHandler</name>
    <message>
        <source>The request body is larger than %1 bytes.</source>
        <translation>Der Anfragerumpf ist größer als %1 Byte.</translation>
    </message>
    <message>
        <source>The request head is larger than %1 bytes.</source>
        <translation>Der Anfragekopf ist größer als %1 Byte.</translation>
    </message>
    <message>
        <source>Method not allowed; use %1.</source>
        <translation>Methode nicht erlaubt; verwenden Sie %1.</translation>
    </message>
    <message>
        <source>Not found.</source>
        <translation>Nicht gefunden.</translation>
    </message>
    <message>
        <source>Unknown route &quot;%1&quot;.</source>
        <translation>Unbekannte Route „%1“.</translation>
    </message>
    <message>
        <source>The customer header is not UTF-8.</source>
        <translation>Der Kunden-Header ist kein gültiges UTF-8.</translation>
    </message>
    <message>
        <source>X-Keyward-Environment must be live, stg or dev.</source>
        <translation>X-Keyward-Environment muss live, stg oder dev sein.</translation>
    </message>
    <message>
        <source>X-Keyward-Grants is not UTF-8.</source>
        <translation>X-Keyward-Grants ist kein gültiges UTF-8.</translation>
    </message>
    <message>
        <source>X-Keyward-Customer is not UTF-8.</source>
        <translation>X-Keyward-Customer ist kein gültiges UTF-8.</translation>
    </message>
    <message>
        <source>The request body is not valid UTF-8.</source>
        <translation>Der Anfragerumpf ist kein gültiges UTF-8.</translation>
    </message>
    <message>
        <source>The request body is not valid JSON: %1.</source>
        <translation>Der Anfragerumpf ist kein gültiges JSON: %1.</translation>
    </message>
    <message>
        <source>The request body must be a JSON object.</source>
        <translation>Der Anfragerumpf muss ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <source>&quot;environment&quot;, &quot;customer&quot; and &quot;source&quot; must be strings.</source>
        <translation>„environment“, „customer“ und „source“ müssen Zeichenketten sein.</translation>
    </message>
    <message>
        <source>&quot;environment&quot; is required: live, stg or dev.</source>
        <translation>„environment“ ist erforderlich: live, stg oder dev.</translation>
    </message>
    <message>
        <source>Unknown environment &quot;%1&quot;; use live, stg or dev.</source>
        <translation>Unbekannte Umgebung „%1“; verwenden Sie live, stg oder dev.</translation>
    </message>
    <message>
        <source>&quot;grants&quot; must be strings.</source>
        <translation>Die Einträge in „grants“ müssen Zeichenketten sein.</translation>
    </message>
    <message>
        <source>&quot;grants&quot; must be an array of strings.</source>
        <translation>„grants“ muss ein Array von Zeichenketten sein.</translation>
    </message>
    <message>
        <source>&quot;key&quot; must be a string.</source>
        <translation>„key“ muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <source>&quot;key&quot; is required.</source>
        <translation>„key“ ist erforderlich.</translation>
    </message>
    <message>
        <source>The vault does not answer: %1</source>
        <translation>Der Tresor antwortet nicht: %1</translation>
    </message>
    <message>
        <source>The header %1 appears more than once.</source>
        <translation>Der Header %1 kommt mehr als einmal vor.</translation>
    </message>
    <message>
        <source>The request did not arrive whole within %1 seconds.</source>
        <translation>Die Anfrage ist nicht innerhalb von %1 Sekunden vollständig angekommen.</translation>
    </message>
    <message>
        <source>An HTTP/1.1 request needs a Host header.</source>
        <translation>Eine HTTP/1.1-Anfrage braucht einen Host-Header.</translation>
    </message>
</context>
<context>
    <name>SecretIndexCheck</name>
    <message>
        <source>%1 is damaged: its index of key secrets does not match the keys, so keys cannot be checked. Restore it from a backup (&quot;keywardctl vault check&quot; shows the damage).</source>
        <translation>%1 ist beschädigt: Sein Index der Schlüsselgeheimnisse passt nicht zu den Schlüsseln, daher können keine Schlüssel geprüft werden. Stellen Sie ihn aus einer Sicherung wieder her („keywardctl vault check“ zeigt den Schaden).</translation>
    </message>
    <message>
        <source>Cannot look up the key.</source>
        <translation>Der Schlüssel kann nicht nachgeschlagen werden.</translation>
    </message>
</context>
<context>
    <name>SecretLookup</name>
    <message>
        <source>Cannot look up the key.</source>
        <translation>Der Schlüssel kann nicht nachgeschlagen werden.</translation>
    </message>
    <message>
        <source>Cannot read the keys.</source>
        <translation>Die Schlüssel können nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>ServerConfigLoader</name>
    <message>
        <source>Cannot read the listen address &quot;%1&quot;; use ADDRESS:PORT, [IPv6]:PORT or PORT.</source>
        <translation>Die Listen-Adresse „%1“ ist nicht lesbar; verwenden Sie ADDRESS:PORT, [IPv6]:PORT oder PORT.</translation>
    </message>
    <message>
        <source>Unknown environment &quot;%1&quot;; use live, stg or dev.</source>
        <translation>Unbekannte Umgebung „%1“; verwenden Sie live, stg oder dev.</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>%1, %2: &quot;%3&quot; is not a whole number of at least %4.</source>
        <translation>%1, %2: „%3“ ist keine ganze Zahl von mindestens %4.</translation>
    </message>
    <message>
        <source>%1, verify/cache_check_interval_ms: at most 1000, so that a revocation is honoured within a second.</source>
        <translation>%1, verify/cache_check_interval_ms: höchstens 1000, damit ein Widerruf innerhalb einer Sekunde wirksam wird.</translation>
    </message>
    <message>
        <source>%1, server/request_headers: use true or false.</source>
        <translation>%1, server/request_headers: verwenden Sie true oder false.</translation>
    </message>
    <message>
        <source>%1: give either store/vault or store/db, not both.</source>
        <translation>%1: Geben Sie entweder store/vault oder store/db an, nicht beides.</translation>
    </message>
    <message>
        <source>%1, store/vault_pin: &quot;%2&quot; is not a vault fingerprint (32 hex digits in groups, as keywardctl init prints it).</source>
        <translation>%1, store/vault_pin: „%2“ ist kein Tresor-Fingerabdruck (32 Hexadezimalziffern in Gruppen, wie keywardctl init ihn ausgibt).</translation>
    </message>
    <message>
        <source>A trusted proxy is not an IP address or CIDR range: %1</source>
        <translation>Ein vertrauenswürdiger Proxy ist keine IP-Adresse und kein CIDR-Bereich: %1</translation>
    </message>
    <message>
        <source>%1, [%2]: a route needs a name, as in [route.orders].</source>
        <translation>%1, [%2]: eine Route braucht einen Namen, wie in [route.orders].</translation>
    </message>
    <message>
        <source>%1, [%2]: no such section (docs/verifyd.md lists them).</source>
        <translation>%1, [%2]: diesen Abschnitt gibt es nicht (docs/verifyd.md führt sie auf).</translation>
    </message>
    <message>
        <source>%1, %2: no such setting (docs/verifyd.md lists them).</source>
        <translation>%1, %2: diese Einstellung gibt es nicht (docs/verifyd.md führt sie auf).</translation>
    </message>
    <message>
        <source>%1, %2: at most %3 (a day).</source>
        <translation>%1, %2: höchstens %3 (ein Tag).</translation>
    </message>
</context>
<context>
    <name>ServerConnInfo</name>
    <message>
        <source>%1 is empty: give a connection string such as &quot;host=db.example.com dbname=keys user=alice&quot; or a postgresql:// URI.</source>
        <translation>%1 ist leer: Geben Sie eine Verbindungszeichenfolge wie „host=db.example.com dbname=keys user=alice“ oder eine postgresql://-URI an.</translation>
    </message>
    <message>
        <source>%1 is not a valid PostgreSQL connection string: %2</source>
        <translation>%1 ist keine gültige PostgreSQL-Verbindungszeichenfolge: %2</translation>
    </message>
    <message>
        <source>keywardctl: warning: the connection string of %1 contains a password, which other users can read in the process list and your shell keeps in its history. Put it in ~/.pgpass (or PGPASSFILE) instead, or leave it out to be asked.</source>
        <translation>keywardctl: Warnung: Die Verbindungszeichenfolge von %1 enthält ein Passwort, das andere Benutzer in der Prozessliste lesen können und das Ihre Shell in ihrem Verlauf speichert. Tragen Sie es stattdessen in ~/.pgpass (oder PGPASSFILE) ein, oder lassen Sie es weg, um danach gefragt zu werden.</translation>
    </message>
    <message>
        <source>keywardctl: warning: the connection string in %1 contains a password. Put it in ~/.pgpass (or PGPASSFILE) instead.</source>
        <translation>keywardctl: Warnung: Die Verbindungszeichenfolge in %1 enthält ein Passwort. Tragen Sie es stattdessen in ~/.pgpass (oder PGPASSFILE) ein.</translation>
    </message>
    <message>
        <source>Password for %1 on %2: </source>
        <translation>Passwort für %1 auf %2: </translation>
    </message>
</context>
<context>
    <name>SharedLimitRepository</name>
    <message>
        <source>Could not take rate-limit capacity from the store.</source>
        <translation>Ratenlimit-Kontingent konnte nicht aus dem Speicher entnommen werden.</translation>
    </message>
    <message>
        <source>Could not read the shared rate limit.</source>
        <translation>Das gemeinsame Ratenlimit konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Could not reserve usage credits in the store.</source>
        <translation>Nutzungsguthaben konnte im Speicher nicht reserviert werden.</translation>
    </message>
    <message>
        <source>Could not read the key&apos;s usage.</source>
        <translation>Die Nutzung des Schlüssels konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Could not give back unused usage credits.</source>
        <translation>Nicht verbrauchtes Nutzungsguthaben konnte nicht zurückgegeben werden.</translation>
    </message>
</context>
<context>
    <name>SignatureAttestations</name>
    <message>
        <source>Cannot read the signature attestations.</source>
        <translation>Die Signaturbestätigungen können nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>SignedKeyCheck</name>
    <message>
        <source>Cannot read the vault.</source>
        <translation>Der Tresor kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Cannot read the key signatures.</source>
        <translation>Die Schlüsselsignaturen können nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Cannot read the key.</source>
        <translation>Der Schlüssel kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>the vault&apos;s root key (fingerprint) is not the one this process accepted</source>
        <translation>der Wurzelschlüssel (Fingerabdruck) des Tresors ist nicht der, den dieser Prozess akzeptiert hat</translation>
    </message>
    <message>
        <source>Cannot read the signature attestations.</source>
        <translation>Die Signaturbestätigungen können nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>SqlConnection</name>
    <message>
        <source>The Qt PostgreSQL driver (QPSQL) is not installed (Debian: libqt6sql6-psql).</source>
        <translation>Der Qt-PostgreSQL-Treiber (QPSQL) ist nicht installiert (Debian: libqt6sql6-psql).</translation>
    </message>
    <message>
        <source>The Qt SQLite driver (QSQLITE) is not installed.</source>
        <translation>Der Qt-SQLite-Treiber (QSQLITE) ist nicht installiert.</translation>
    </message>
</context>
<context>
    <name>SqlErrors</name>
    <message>
        <source>%1 The vault is locked by another program; try again in a moment.</source>
        <translation>%1 Der Tresor ist durch ein anderes Programm gesperrt; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>%1 The connection to the database was lost.</source>
        <translation>%1 Die Verbindung zur Datenbank wurde unterbrochen.</translation>
    </message>
    <message>
        <source>%1 The database refused it: %2</source>
        <translation>%1 Die Datenbank hat dies abgelehnt: %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The server %1 asks for a password. Enter it, or put it in your password file (PGPASSFILE, ~/.pgpass).</source>
        <translation>Der Server %1 verlangt ein Passwort. Geben Sie es ein oder tragen Sie es in Ihre Passwortdatei ein (PGPASSFILE, ~/.pgpass).</translation>
    </message>
    <message>
        <source>The server %1 did not accept the login: %2</source>
        <translation>Der Server %1 hat die Anmeldung nicht akzeptiert: %2</translation>
    </message>
    <message>
        <source>The server %1 has no such database: %2</source>
        <translation>Der Server %1 hat keine solche Datenbank: %2</translation>
    </message>
    <message>
        <source>The server %1 refused the connection: %2</source>
        <translation>Der Server %1 hat die Verbindung abgelehnt: %2</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>Verbindung zu %1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>%1 The vault file is damaged (%2).</source>
        <translation>%1 Die Tresordatei ist beschädigt (%2).</translation>
    </message>
</context>
<context>
    <name>SqlKeyStore</name>
    <message>
        <source>The key was changed by someone else. It has been reloaded; check it and try again.</source>
        <translation>Der Schlüssel wurde von jemand anderem geändert. Er wurde neu geladen; prüfen Sie ihn und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Cannot open %1.</source>
        <translation>%1 kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Cannot prepare the new vault.</source>
        <translation>Der neue Tresor kann nicht vorbereitet werden.</translation>
    </message>
    <message>
        <source>Could not hash the passphrase.</source>
        <translation>Der Hash der Passphrase konnte nicht berechnet werden.</translation>
    </message>
    <message>
        <source>Cannot add the owner.</source>
        <translation>Der Besitzer kann nicht hinzugefügt werden.</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 is locked by another program. Close it there, or wait and try again.</source>
        <translation>%1 ist durch ein anderes Programm gesperrt. Schließen Sie die Datei dort oder warten Sie und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1 is damaged and cannot be read.</source>
        <translation>%1 ist beschädigt und kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 is damaged: %2</source>
        <translation>%1 ist beschädigt: %2</translation>
    </message>
    <message>
        <source>%1 was written by a newer Keyward (schema %2; this one knows up to %3). Update Keyward to open it.</source>
        <translation>%1 wurde von einer neueren Keyward-Version geschrieben (Schema %2; diese Version kennt bis %3). Aktualisieren Sie Keyward, um die Datei zu öffnen.</translation>
    </message>
    <message>
        <source>%1 is not a Keyward vault.</source>
        <translation>%1 ist kein Keyward-Tresor.</translation>
    </message>
    <message>
        <source>The database %1 holds no Keyward vault. Its owner sets one up once with &quot;keywardctl --db ... db setup&quot;.</source>
        <translation>Die Datenbank %1 enthält keinen Keyward-Tresor. Ihr Besitzer richtet ihn einmalig mit „keywardctl --db ... db setup“ ein.</translation>
    </message>
    <message>
        <source>The vault in %1 was set up by a newer Keyward (schema %2; this one knows up to %3). Update Keyward to use it.</source>
        <translation>Der Tresor in %1 wurde von einer neueren Keyward-Version eingerichtet (Schema %2; diese Version kennt bis %3). Aktualisieren Sie Keyward, um ihn zu verwenden.</translation>
    </message>
    <message>
        <source>The vault in %1 needs a schema upgrade (from %2 to %3) that only the database owner can run: &quot;keywardctl --db ... db setup&quot;.</source>
        <translation>Der Tresor in %1 benötigt eine Schemaaktualisierung (von %2 auf %3), die nur der Besitzer der Datenbank ausführen kann: „keywardctl --db ... db setup“.</translation>
    </message>
    <message>
        <source>Cannot start the session on %1.</source>
        <translation>Die Sitzung auf %1 kann nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Cannot read the vault settings.</source>
        <translation>Die Tresoreinstellungen können nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Cannot read the grant catalogue.</source>
        <translation>Der Berechtigungskatalog kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>Could not start the change.</source>
        <translation>Die Änderung konnte nicht begonnen werden.</translation>
    </message>
    <message>
        <source>Could not save the change.</source>
        <translation>Die Änderung konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>The connection to the database was lost while the change was being saved, and whether it was saved is not known. Reconnect and check before you try again.</source>
        <translation>Die Verbindung zur Datenbank wurde während des Speicherns unterbrochen; ob die Änderung gespeichert wurde, ist nicht bekannt. Verbinden Sie sich erneut und prüfen Sie dies, bevor Sie es noch einmal versuchen.</translation>
    </message>
    <message>
        <source>Cannot read the members.</source>
        <translation>Die Mitglieder können nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Wrong member name or passphrase.</source>
        <translation>Falscher Mitgliedsname oder falsche Passphrase.</translation>
    </message>
    <message>
        <source>You are connected to %1 as &quot;%2&quot;. On a server vault you act as your database login: connect as &quot;%3&quot; to act as that member.</source>
        <translation>Sie sind mit %1 als „%2“ verbunden. Bei einem Server-Tresor handeln Sie als Ihre Datenbankanmeldung: Verbinden Sie sich als „%3“, um als dieses Mitglied zu handeln.</translation>
    </message>
    <message>
        <source>The database login &quot;%1&quot; is not a member of the Keyward vault in %2. An Owner can add it.</source>
        <translation>Die Datenbankanmeldung „%1“ ist kein Mitglied des Keyward-Tresors in %2. Ein Besitzer kann sie hinzufügen.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Melden Sie sich zuerst an.</translation>
    </message>
    <message>
        <source>Your membership of this vault was removed.</source>
        <translation>Ihre Mitgliedschaft in diesem Tresor wurde entfernt.</translation>
    </message>
    <message>
        <source>Cannot read the keys.</source>
        <translation>Die Schlüssel können nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Cannot store the new secret.</source>
        <translation>Das neue Geheimnis kann nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Could not generate a key.</source>
        <translation>Es konnte kein Schlüssel erzeugt werden.</translation>
    </message>
    <message>
        <source>Cannot store the new key.</source>
        <translation>Der neue Schlüssel kann nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Cannot change the key.</source>
        <translation>Der Schlüssel kann nicht geändert werden.</translation>
    </message>
    <message>
        <source>Cannot delete the key.</source>
        <translation>Der Schlüssel kann nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>The grace period must be between none and 7 days.</source>
        <translation>Die Übergangsfrist muss zwischen keiner und 7 Tagen liegen.</translation>
    </message>
    <message>
        <source>Cannot retire the old secret.</source>
        <translation>Das alte Geheimnis kann nicht außer Kraft gesetzt werden.</translation>
    </message>
    <message>
        <source>A member called &quot;%1&quot; already exists (or existed).</source>
        <translation>Ein Mitglied namens „%1“ existiert bereits (oder existierte früher).</translation>
    </message>
    <message>
        <source>Cannot add the member.</source>
        <translation>Das Mitglied kann nicht hinzugefügt werden.</translation>
    </message>
    <message>
        <source>Cannot read the member&apos;s keys.</source>
        <translation>Die Schlüssel des Mitglieds können nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Cannot deactivate the member&apos;s keys.</source>
        <translation>Die Schlüssel des Mitglieds können nicht deaktiviert werden.</translation>
    </message>
    <message>
        <source>There is no such member.</source>
        <translation>Dieses Mitglied gibt es nicht.</translation>
    </message>
    <message>
        <source>The member was changed by someone else. Reload and try again.</source>
        <translation>Das Mitglied wurde von jemand anderem geändert. Laden Sie neu und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>A vault needs at least one Owner. Make someone else an Owner first.</source>
        <translation>Ein Tresor braucht mindestens einen Besitzer. Machen Sie zuerst jemand anderen zum Besitzer.</translation>
    </message>
    <message>
        <source>Cannot change the member.</source>
        <translation>Das Mitglied kann nicht geändert werden.</translation>
    </message>
    <message>
        <source>The last Owner cannot be removed.</source>
        <translation>Der letzte Besitzer kann nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Cannot remove the member.</source>
        <translation>Das Mitglied kann nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Cannot read the audit log.</source>
        <translation>Das Prüfprotokoll kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Cannot read the vault.</source>
        <translation>Der Tresor kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The connection to the database was lost while the change was being saved. It was not saved; try again.</source>
        <translation>Die Verbindung zur Datenbank wurde während des Speicherns unterbrochen. Die Änderung wurde nicht gespeichert; versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>A local vault has no logins: services open the vault file to verify keys.</source>
        <translation>Ein lokaler Tresor hat keine Anmeldungen: Dienste öffnen die Tresordatei, um Schlüssel zu prüfen.</translation>
    </message>
    <message>
        <source>On a server vault the database server checks the passwords; Keyward keeps none. Change it on the server: with \password in psql for your own login, or a database administrator with ALTER ROLE … PASSWORD.</source>
        <translation>Bei einem Server-Tresor prüft der Datenbankserver die Passwörter; Keyward speichert keine. Ändern Sie es auf dem Server: mit \password in psql für Ihre eigene Anmeldung, oder ein Datenbankadministrator mit ALTER ROLE … PASSWORD.</translation>
    </message>
    <message>
        <source>Cannot change the passphrase.</source>
        <translation>Die Passphrase kann nicht geändert werden.</translation>
    </message>
    <message>
        <source>Enter your current passphrase to change your own.</source>
        <translation>Geben Sie Ihre aktuelle Passphrase ein, um Ihre eigene zu ändern.</translation>
    </message>
    <message>
        <source>Wrong current passphrase. Your passphrase was not changed.</source>
        <translation>Falsche aktuelle Passphrase. Ihre Passphrase wurde nicht geändert.</translation>
    </message>
    <message>
        <source>Your passphrase was changed by someone else meanwhile. Nothing was changed.</source>
        <translation>Ihre Passphrase wurde inzwischen von jemand anderem geändert. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Cannot read the usage of the keys.</source>
        <translation>Die Nutzung der Schlüssel kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Could not make the Owner&apos;s signing key.</source>
        <translation>Der Signaturschlüssel des Besitzers konnte nicht erzeugt werden.</translation>
    </message>
    <message>
        <source>%1 is not signed, but its fingerprint was pinned to %2: it may have been replaced. Refusing to use it.</source>
        <translation>%1 ist nicht signiert, aber sein Fingerabdruck wurde auf %2 festgelegt: Er wurde möglicherweise ersetzt. Er wird nicht verwendet.</translation>
    </message>
    <message>
        <source>%1 has the fingerprint %2, not the pinned %3: it is not the vault you expect, or someone rewrote its root key. Refusing to use it.</source>
        <translation>%1 hat den Fingerabdruck %2, nicht den hinterlegten %3: Es ist nicht der erwartete Tresor, oder jemand hat seinen Stammschlüssel neu geschrieben. Er wird nicht verwendet.</translation>
    </message>
    <message>
        <source>%1 is signed now (fingerprint %2), but this process opened it unsigned: it may have been replaced. Restart to use its root key.</source>
        <translation>%1 ist jetzt signiert (Fingerabdruck %2), aber dieser Prozess hat ihn unsigniert geöffnet: Er könnte ersetzt worden sein. Starten Sie neu, um seinen Stammschlüssel zu verwenden.</translation>
    </message>
    <message>
        <source>%1 is damaged: %2.</source>
        <translation>%1 ist beschädigt: %2.</translation>
    </message>
    <message>
        <source>%1 is damaged: its settings (the key prefix) are missing.</source>
        <translation>%1 ist beschädigt: Seine Einstellungen (das Schlüsselpräfix) fehlen.</translation>
    </message>
    <message>
        <source>Cannot read the vault settings: the key prefix is missing.</source>
        <translation>Die Tresoreinstellungen können nicht gelesen werden: Das Schlüsselpräfix fehlt.</translation>
    </message>
    <message>
        <source>%1 is damaged: its key prefix &quot;%2&quot; is not valid.</source>
        <translation>%1 ist beschädigt: Sein Schlüsselpräfix „%2“ ist nicht gültig.</translation>
    </message>
    <message>
        <source>The fingerprint of %1 changed while it was open: someone rewrote the vault&apos;s root key. Nothing was changed.</source>
        <translation>Der Fingerabdruck von %1 hat sich geändert, während er geöffnet war: Jemand hat den Stammschlüssel des Tresors neu geschrieben. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Could not sign the change.</source>
        <translation>Die Änderung konnte nicht signiert werden.</translation>
    </message>
    <message>
        <source>Could not write the audit log.</source>
        <translation>Das Prüfprotokoll konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Could not read the audit log.</source>
        <translation>Das Prüfprotokoll konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Cannot sign the key.</source>
        <translation>Der Schlüssel kann nicht signiert werden.</translation>
    </message>
    <message>
        <source>Cannot store the member&apos;s key.</source>
        <translation>Der Schlüssel des Mitglieds kann nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Cannot certify the member&apos;s key.</source>
        <translation>Der Schlüssel des Mitglieds kann nicht zertifiziert werden.</translation>
    </message>
    <message>
        <source>Cannot read the key signatures.</source>
        <translation>Die Schlüsselsignaturen können nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Key %1 (&quot;%2&quot;) was tampered with: %3. Signing it again would make the forged row trusted, so it can only be revoked or deleted. Nothing was changed.</source>
        <translation>Schlüssel %1 („%2“) wurde manipuliert: %3. Ihn erneut zu signieren würde der gefälschten Zeile Vertrauen verschaffen, daher kann er nur widerrufen oder gelöscht werden. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Cannot read the members&apos; keys.</source>
        <translation>Die Schlüssel der Mitglieder können nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Cannot retire the member&apos;s key.</source>
        <translation>Der Schlüssel des Mitglieds kann nicht außer Kraft gesetzt werden.</translation>
    </message>
    <message>
        <source>Another Owner signed the vault meanwhile.</source>
        <translation>Ein anderer Besitzer hat den Tresor inzwischen signiert.</translation>
    </message>
    <message>
        <source>Cannot sign the vault.</source>
        <translation>Der Tresor kann nicht signiert werden.</translation>
    </message>
    <message>
        <source>%1 is damaged: the record of member #%2 cannot be read, so no passphrase can be checked against it. Restore the vault from a backup.</source>
        <translation>%1 ist beschädigt: Der Datensatz von Mitglied #%2 kann nicht gelesen werden, daher kann keine Passphrase damit geprüft werden. Stellen Sie den Tresor aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <source>Could not make the member&apos;s signing key.</source>
        <translation>Der Signaturschlüssel des Mitglieds konnte nicht erzeugt werden.</translation>
    </message>
    <message>
        <source>%1 holds the vault&apos;s root key (its fingerprint) and stays an Owner.</source>
        <translation>%1 hält den Stammschlüssel des Tresors (seinen Fingerabdruck) und bleibt Besitzer.</translation>
    </message>
    <message>
        <source>%1 holds the vault&apos;s root key (its fingerprint) and cannot be removed.</source>
        <translation>%1 hält den Stammschlüssel des Tresors (seinen Fingerabdruck) und kann nicht entfernt werden.</translation>
    </message>
    <message>
        <source>%1 holds the vault&apos;s root key: only they can change their passphrase.</source>
        <translation>%1 hält den Stammschlüssel des Tresors: Nur diese Person kann ihre Passphrase ändern.</translation>
    </message>
    <message>
        <source>Could not seal your signing key with the new passphrase. Your passphrase was not changed.</source>
        <translation>Ihr Signaturschlüssel konnte nicht mit der neuen Passphrase versiegelt werden. Ihre Passphrase wurde nicht geändert.</translation>
    </message>
    <message>
        <source>The member has no signing key yet: it is made when they next sign in.</source>
        <translation>Das Mitglied hat noch keinen Signaturschlüssel: Er wird bei seiner nächsten Anmeldung erzeugt.</translation>
    </message>
    <message>
        <source>This vault is not signed: there is nothing to certify.</source>
        <translation>Dieser Tresor ist nicht signiert: Es gibt nichts zu zertifizieren.</translation>
    </message>
    <message>
        <source>The key of %1 is already certified.</source>
        <translation>Der Schlüssel von %1 ist bereits zertifiziert.</translation>
    </message>
    <message>
        <source>%1 has no signing key yet: it is made when they next sign in.</source>
        <translation>%1 hat noch keinen Signaturschlüssel: Er wird bei der nächsten Anmeldung erzeugt.</translation>
    </message>
    <message>
        <source>Someone else deleted it.</source>
        <translation>Jemand anderes hat ihn gelöscht.</translation>
    </message>
    <message>
        <source>Someone else changed it meanwhile; check it and try again.</source>
        <translation>Jemand anderes hat ihn inzwischen geändert; prüfen Sie ihn und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The finding &quot;%1&quot; of key &quot;%2&quot; is not dismissed.</source>
        <translation>Der Befund „%1“ von Schlüssel „%2“ ist nicht ignoriert.</translation>
    </message>
    <message>
        <source>Cannot read the signature attestations.</source>
        <translation>Die Signaturbestätigungen können nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1&apos;s membership or passphrase changed while the passphrase was checked. Sign in again.</source>
        <translation>Die Mitgliedschaft oder die Passphrase von %1 wurde geändert, während die Passphrase geprüft wurde. Melden Sie sich erneut an.</translation>
    </message>
</context>
<context>
    <name>Terminal</name>
    <message>
        <source>No passphrase: set KEYWARD_PASSPHRASE, or run keywardctl in a terminal to be asked.</source>
        <translation>Keine Passphrase: Setzen Sie KEYWARD_PASSPHRASE oder führen Sie keywardctl in einem Terminal aus, um danach gefragt zu werden.</translation>
    </message>
    <message>
        <source>No passphrase was entered.</source>
        <translation>Es wurde keine Passphrase eingegeben.</translation>
    </message>
    <message>
        <source>The passphrase is empty.</source>
        <translation>Die Passphrase ist leer.</translation>
    </message>
    <message>
        <source>The passphrases do not match.</source>
        <translation>Die Passphrasen stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Cannot ask for confirmation: not a terminal.</source>
        <translation>Bestätigung kann nicht abgefragt werden: kein Terminal.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
</context>
<context>
    <name>TextFormat</name>
    <message>
        <source>%1 end of day UTC</source>
        <translation>%1, Tagesende UTC</translation>
    </message>
</context>
<context>
    <name>UsageRepository</name>
    <message>
        <source>Cannot open the vault to record usage.</source>
        <translation>Der Tresor kann nicht geöffnet werden, um die Nutzung zu erfassen.</translation>
    </message>
    <message>
        <source>Could not start recording usage.</source>
        <translation>Die Erfassung der Nutzung konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Could not save the usage.</source>
        <translation>Die Nutzung konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Could not read the usage count.</source>
        <translation>Der Nutzungszähler konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Could not trim the request log.</source>
        <translation>Das Anfrageprotokoll konnte nicht gekürzt werden.</translation>
    </message>
    <message>
        <source>Could not trim the usage history.</source>
        <translation>Der Nutzungsverlauf konnte nicht gekürzt werden.</translation>
    </message>
    <message>
        <source>Cannot read the usage of the key.</source>
        <translation>Die Nutzung des Schlüssels kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Cannot read the request log of the key.</source>
        <translation>Das Anfrageprotokoll des Schlüssels kann nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>VaultBackup</name>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>%1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>Cannot copy %1: %2.</source>
        <translation>%1 kann nicht kopiert werden: %2.</translation>
    </message>
    <message>
        <source>%1 stayed locked by another program for %2 seconds; nothing was changed. Try again.</source>
        <translation>%1 blieb %2 Sekunden lang von einem anderen Programm gesperrt; es wurde nichts geändert. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1 is damaged (%2). Run &quot;keywardctl vault check&quot;.</source>
        <translation>%1 ist beschädigt (%2). Führen Sie „keywardctl vault check“ aus.</translation>
    </message>
    <message>
        <source>There is no vault file at %1.</source>
        <translation>Unter %1 gibt es keine Tresordatei.</translation>
    </message>
    <message>
        <source>%1 already exists. A backup never replaces a file: choose a new name.</source>
        <translation>%1 existiert bereits. Eine Sicherung ersetzt nie eine Datei: Wählen Sie einen neuen Namen.</translation>
    </message>
    <message>
        <source>A vault cannot be backed up onto itself.</source>
        <translation>Ein Tresor kann nicht auf sich selbst gesichert werden.</translation>
    </message>
    <message>
        <source>Cannot write the backup %1: %2.</source>
        <translation>Die Sicherung %1 kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>The copy of %1 is not whole (%2: %3), so it was not kept. Run &quot;keywardctl vault check&quot; on the vault.</source>
        <translation>Die Kopie von %1 ist nicht vollständig (%2: %3) und wurde daher nicht behalten. Führen Sie „keywardctl vault check“ für den Tresor aus.</translation>
    </message>
    <message>
        <source>%1 was created by someone else meanwhile; the backup was not written over it.</source>
        <translation>%1 wurde inzwischen von jemand anderem angelegt; die Sicherung hat sie nicht überschrieben.</translation>
    </message>
    <message>
        <source>There is no backup at %1.</source>
        <translation>Unter %1 gibt es keine Sicherung.</translation>
    </message>
    <message>
        <source>A vault cannot be restored from itself.</source>
        <translation>Ein Tresor kann nicht aus sich selbst wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>The backup %1 is not whole (%2: %3); nothing was changed.</source>
        <translation>Die Sicherung %1 ist nicht vollständig (%2: %3); es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2.</source>
        <translation>%1 kann nicht geöffnet werden: %2.</translation>
    </message>
    <message>
        <source>%1 is a backup of another vault (fingerprint %2, this vault&apos;s is %3); nothing was changed.</source>
        <translation>%1 ist eine Sicherung eines anderen Tresors (Fingerabdruck %2, der dieses Tresors ist %3); es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Cannot keep a copy of %1 as %2; nothing was changed.</source>
        <translation>Von %1 kann keine Kopie als %2 aufbewahrt werden; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Cannot put the backup in place of %1: %2.</source>
        <translation>Die Sicherung kann nicht an die Stelle von %1 gesetzt werden: %2.</translation>
    </message>
    <message>
        <source>The backup was restored, but open windows and services may not notice until they open %1 again: %2.</source>
        <translation>Die Sicherung wurde wiederhergestellt, aber geöffnete Fenster und Dienste bemerken es möglicherweise erst, wenn sie %1 erneut öffnen: %2.</translation>
    </message>
    <message>
        <source>Only a vault on a PostgreSQL server, signed in, is copied this way.</source>
        <translation>Nur ein Tresor auf einem PostgreSQL-Server, angemeldet, wird auf diese Weise kopiert.</translation>
    </message>
    <message>
        <source>The vault on the server could not be copied: %1</source>
        <translation>Der Tresor auf dem Server konnte nicht kopiert werden: %1</translation>
    </message>
    <message>
        <source>The copy of the server&apos;s vault could not be signed, so it was not kept.</source>
        <translation>Die Kopie des Server-Tresors konnte nicht signiert werden und wurde daher nicht aufbewahrt.</translation>
    </message>
    <message>
        <source>The copy of the server&apos;s vault is not whole (%1: %2), so it was not kept.</source>
        <translation>Die Kopie des Server-Tresors ist nicht vollständig (%1: %2) und wurde daher nicht aufbewahrt.</translation>
    </message>
    <message>
        <source>Cannot make a copy of %1 to upgrade (%2); nothing was changed.</source>
        <translation>Von %1 kann keine Kopie zum Aktualisieren angelegt werden (%2); es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Cannot upgrade %1 to this version&apos;s schema (%2); nothing was changed.</source>
        <translation>%1 kann nicht auf das Schema dieser Version aktualisiert werden (%2); es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The upgraded copy of %1 changed under this restore; nothing was changed.</source>
        <translation>Die aktualisierte Kopie von %1 wurde während dieser Wiederherstellung verändert; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>%1 is not signed (it was made before vaults were signed), and this vault is: it cannot be told apart from another vault&apos;s backup, and restoring it would drop this vault&apos;s signatures and fingerprint; nothing was changed. Open the backup as a vault of its own to read it.</source>
        <translation>%1 ist nicht signiert (sie stammt aus der Zeit vor signierten Tresoren), dieser Tresor aber schon: Sie lässt sich nicht von der Sicherung eines anderen Tresors unterscheiden, und ihre Wiederherstellung würde die Signaturen und den Fingerabdruck dieses Tresors entfernen; es wurde nichts geändert. Öffnen Sie die Sicherung als eigenen Tresor, um sie zu lesen.</translation>
    </message>
</context>
<context>
    <name>VaultBackupCommand</name>
    <message>
        <source>Backed up %1 to %2 (%3), checked: no damage.</source>
        <translation>%1 nach %2 gesichert (%3), geprüft: kein Schaden.</translation>
    </message>
    <message>
        <source>Puts a backup made with &quot;vault backup&quot; back into the vault file. The backup is checked in full first and must be of this vault; the vault as it is now is kept beside it (VAULT.before-restore-TIME), also when it is damaged. Everything changed since the backup, audit entries included, is then only in that kept file. Windows and services that have the vault open see the change.</source>
        <translation>Spielt eine mit „vault backup“ erstellte Sicherung in die Tresordatei zurück. Die Sicherung wird zuerst vollständig geprüft und muss von diesem Tresor stammen; der Tresor, wie er jetzt ist, wird daneben aufbewahrt (TRESOR.before-restore-ZEIT), auch wenn er beschädigt ist. Alles, was seit der Sicherung geändert wurde, einschließlich der Protokolleinträge, steht danach nur noch in dieser aufbewahrten Datei. Fenster und Dienste, die den Tresor geöffnet haben, sehen die Änderung.</translation>
    </message>
    <message>
        <source>Do not ask for confirmation.</source>
        <translation>Nicht um Bestätigung bitten.</translation>
    </message>
    <message>
        <source>Not restoring %1 without confirmation: add --yes.</source>
        <translation>%1 wird ohne Bestätigung nicht wiederhergestellt: Fügen Sie --yes hinzu.</translation>
    </message>
    <message>
        <source>Replace the content of %1 with the backup %2? Keys created or changed since the backup are lost from the vault (the current vault is kept beside it). Type &quot;yes&quot; to restore:</source>
        <translation>Den Inhalt von %1 durch die Sicherung %2 ersetzen? Seit der Sicherung angelegte oder geänderte Schlüssel gehen im Tresor verloren (der aktuelle Tresor wird daneben aufbewahrt). Geben Sie „yes“ ein, um wiederherzustellen:</translation>
    </message>
    <message>
        <source>Nothing was restored.</source>
        <translation>Es wurde nichts wiederhergestellt.</translation>
    </message>
    <message>
        <source>Restored %1 from %2. The vault as it was is kept as %3.</source>
        <translation>%1 aus %2 wiederhergestellt. Der Tresor, wie er war, ist als %3 aufbewahrt.</translation>
    </message>
    <message>
        <source>The replaced vault was damaged: it was kept byte for byte.</source>
        <translation>Der ersetzte Tresor war beschädigt: Er wurde Byte für Byte aufbewahrt.</translation>
    </message>
    <message>
        <source>Copies the vault file to FILE while it stays in use (SQLite&apos;s online backup), then checks the copy in full (as &quot;vault check&quot; does) before keeping it. FILE must not exist yet: a backup never replaces a file. Written readable by you only.

A vault on a PostgreSQL server (--db) is copied into a new vault file as &quot;migrate&quot; does, from one snapshot of the server: you sign in as an Owner and choose your passphrase in the file (KEYWARD_NEW_PASSPHRASE, or asked twice); the other members are copied without one. The copy is signed with your key and checked in full before it is kept. To put it back on a server, use &quot;keywardctl migrate --from FILE --to CONNINFO&quot; into an empty database.</source>
        <translation>Kopiert die Tresordatei nach DATEI, während sie in Gebrauch bleibt (Online-Sicherung von SQLite), und prüft die Kopie dann vollständig (wie „vault check“), bevor sie aufbewahrt wird. DATEI darf noch nicht existieren: Eine Sicherung ersetzt nie eine Datei. Nur für Sie lesbar geschrieben.

Ein Tresor auf einem PostgreSQL-Server (--db) wird wie bei „migrate“ aus einem Schnappschuss des Servers in eine neue Tresordatei kopiert: Sie melden sich als Besitzer an und wählen Ihre Passphrase in der Datei (KEYWARD_NEW_PASSPHRASE oder zweimal abgefragt); die anderen Mitglieder werden ohne Passphrase kopiert. Die Kopie wird mit Ihrem Schlüssel signiert und vollständig geprüft, bevor sie aufbewahrt wird. Um sie wieder auf einen Server zu bringen, verwenden Sie „keywardctl migrate --from DATEI --to CONNINFO“ in eine leere Datenbank.</translation>
    </message>
    <message>
        <source>%1 already exists. A backup never replaces a file: choose a new name.</source>
        <translation>%1 existiert bereits. Eine Sicherung ersetzt nie eine Datei: Wählen Sie einen neuen Namen.</translation>
    </message>
    <message>
        <source>No passphrase for %1 in the backup file: set KEYWARD_NEW_PASSPHRASE or run keywardctl in a terminal to be asked.</source>
        <translation>Keine Passphrase für %1 in der Sicherungsdatei: Setzen Sie KEYWARD_NEW_PASSPHRASE oder führen Sie keywardctl in einem Terminal aus, um gefragt zu werden.</translation>
    </message>
    <message>
        <source>Your passphrase (%1) in the backup %2: </source>
        <translation>Ihre Passphrase (%1) in der Sicherung %2: </translation>
    </message>
    <message>
        <source>Repeat the passphrase: </source>
        <translation>Passphrase wiederholen: </translation>
    </message>
    <message numerus="yes">
        <source>Backed up %1 to the vault file %2 (%3, %n key(s)), signed and checked: no damage.</source>
        <translation>
            <numerusform>%1 in die Tresordatei %2 gesichert (%3, %n Schlüssel), signiert und geprüft: kein Schaden.</numerusform>
            <numerusform>%1 in die Tresordatei %2 gesichert (%3, %n Schlüssel), signiert und geprüft: kein Schaden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Its fingerprint: %1. Sign in to it as %2 with the passphrase you chose.</source>
        <translation>Ihr Fingerabdruck: %1. Melden Sie sich als %2 mit der gewählten Passphrase daran an.</translation>
    </message>
    <message>
        <source>Copied without a passphrase (a server keeps none to copy): %1.</source>
        <translation>Ohne Passphrase kopiert (ein Server speichert keine, die sich kopieren ließe): %1.</translation>
    </message>
    <message>
        <source>&quot;vault restore&quot; restores a vault file (--vault). To put a backup file of a PostgreSQL vault on a server, copy it into an empty database with &quot;keywardctl migrate --from FILE --to CONNINFO&quot;, or use the server&apos;s own backups (pg_dump).</source>
        <translation>„vault restore“ stellt eine Tresordatei wieder her (--vault). Um eine Sicherungsdatei eines PostgreSQL-Tresors auf einen Server zu bringen, kopieren Sie sie mit „keywardctl migrate --from DATEI --to CONNINFO“ in eine leere Datenbank, oder verwenden Sie die Sicherungen des Servers selbst (pg_dump).</translation>
    </message>
</context>
<context>
    <name>VaultCheckCommand</name>
    <message>
        <source>Reads the whole vault file and checks every page, every index against its table, and Keyward&apos;s own records (settings, members, secrets, the audit chain). Changes nothing. Exit 0 when no damage was found, 3 when some was or the file cannot be read.</source>
        <translation>Liest die ganze Tresordatei und prüft jede Seite, jeden Index gegen seine Tabelle und die eigenen Datensätze von Keyward (Einstellungen, Mitglieder, Geheimnisse, die Protokollkette). Ändert nichts. Exit 0, wenn kein Schaden gefunden wurde, 3, wenn einer gefunden wurde oder die Datei nicht gelesen werden kann.</translation>
    </message>
    <message>
        <source>&quot;vault check&quot; checks a vault file (--vault); a PostgreSQL server checks its own storage.</source>
        <translation>„vault check“ prüft eine Tresordatei (--vault); ein PostgreSQL-Server prüft seinen Speicher selbst.</translation>
    </message>
    <message numerus="yes">
        <source>%1 is damaged (%n problem(s) found). Restore it from a backup.</source>
        <translation>
            <numerusform>%1 ist beschädigt (%n Problem gefunden). Stellen Sie ihn aus einer Sicherung wieder her.</numerusform>
            <numerusform>%1 ist beschädigt (%n Probleme gefunden). Stellen Sie ihn aus einer Sicherung wieder her.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: no damage found.</source>
        <translation>%1: kein Schaden gefunden.</translation>
    </message>
</context>
<context>
    <name>VaultFile</name>
    <message>
        <source>There is no vault at %1.</source>
        <translation>Unter %1 gibt es keinen Tresor.</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 ist keine Datei.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a Keyward vault.</source>
        <translation>%1 ist kein Keyward-Tresor.</translation>
    </message>
    <message>
        <source>%1 is damaged (bad page size).</source>
        <translation>%1 ist beschädigt (ungültige Seitengröße).</translation>
    </message>
    <message>
        <source>%1 is an SQLite database, but not a Keyward vault.</source>
        <translation>%1 ist eine SQLite-Datenbank, aber kein Keyward-Tresor.</translation>
    </message>
    <message>
        <source>%1 already exists; choose another file name.</source>
        <translation>%1 existiert bereits; wählen Sie einen anderen Dateinamen.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>%1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>the file is shorter than it should be (truncated)</source>
        <translation>die Datei ist kürzer, als sie sein sollte (abgeschnitten)</translation>
    </message>
</context>
<context>
    <name>VaultIntegrity</name>
    <message>
        <source>Cannot read %1.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 is not a Keyward vault.</source>
        <translation>%1 ist kein Keyward-Tresor.</translation>
    </message>
    <message>
        <source>%1 was written by a newer Keyward (schema %2); update Keyward to check it.</source>
        <translation>%1 wurde von einem neueren Keyward geschrieben (Schema %2); aktualisieren Sie Keyward, um ihn zu prüfen.</translation>
    </message>
    <message>
        <source>Row %1 of %2 refers to a missing row of %3.</source>
        <translation>Zeile %1 von %2 verweist auf eine fehlende Zeile von %3.</translation>
    </message>
    <message>
        <source>The key prefix is missing or not valid.</source>
        <translation>Das Schlüsselpräfix fehlt oder ist nicht gültig.</translation>
    </message>
    <message>
        <source>The record of member #%1 is damaged.</source>
        <translation>Der Datensatz von Mitglied #%1 ist beschädigt.</translation>
    </message>
    <message>
        <source>Secret #%1 has a damaged hash.</source>
        <translation>Geheimnis #%1 hat einen beschädigten Hash.</translation>
    </message>
    <message>
        <source>Cannot open %1.</source>
        <translation>%1 kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>The check of %1 was stopped.</source>
        <translation>Die Prüfung von %1 wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>VaultMemory</name>
    <message>
        <source>The history of %1 was cut short since this computer last saw it: audit entry #%2 is gone. Someone with access to the file may have deleted the newest entries, or an older copy of the vault was put back.</source>
        <translation>Der Verlauf von %1 wurde gekürzt, seit dieser Computer ihn zuletzt gesehen hat: Protokolleintrag #%2 fehlt. Jemand mit Zugriff auf die Datei hat möglicherweise die neuesten Einträge gelöscht, oder eine ältere Kopie des Tresors wurde zurückgespielt.</translation>
    </message>
    <message>
        <source>The history of %1 was rewritten since this computer last saw it: audit entry #%2 is not the one seen then. Someone with access to the file may have altered it.</source>
        <translation>Der Verlauf von %1 wurde neu geschrieben, seit dieser Computer ihn zuletzt gesehen hat: Protokolleintrag #%2 ist nicht mehr der damals gesehene. Jemand mit Zugriff auf die Datei hat ihn möglicherweise verändert.</translation>
    </message>
</context>
<context>
    <name>VaultMigrator</name>
    <message>
        <source>Only an Owner of the vault can copy it: a copy holds every key&apos;s hash and the whole audit log.</source>
        <translation>Nur ein Besitzer des Tresors kann ihn kopieren: Eine Kopie enthält den Hash jedes Schlüssels und das gesamte Prüfprotokoll.</translation>
    </message>
    <message>
        <source>The table %1 has a column %2 that this Keyward cannot copy. Nothing was written.</source>
        <translation>Die Tabelle %1 hat eine Spalte %2, die diese Keyward-Version nicht kopieren kann. Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Cannot read the source vault.</source>
        <translation>Der Quelltresor kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Cannot read the source&apos;s id sequences.</source>
        <translation>Die ID-Sequenzen der Quelle können nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Cannot read the vault settings.</source>
        <translation>Die Tresoreinstellungen können nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Cannot write the vault settings.</source>
        <translation>Die Tresoreinstellungen können nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Cannot read the members.</source>
        <translation>Die Mitglieder können nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Cannot copy the member %1.</source>
        <translation>Das Mitglied %1 kann nicht kopiert werden.</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Cannot copy %1.</source>
        <translation>%1 kann nicht kopiert werden.</translation>
    </message>
    <message>
        <source>Cannot set the id sequences.</source>
        <translation>Die ID-Sequenzen können nicht gesetzt werden.</translation>
    </message>
    <message>
        <source>The copied audit log does not check out like the source&apos;s (%1 of %2 rows). Nothing was written.</source>
        <translation>Das kopierte Prüfprotokoll stimmt bei der Prüfung nicht mit dem der Quelle überein (%1 von %2 Zeilen). Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Copied members: %1; keys: %2, with %3 secrets; hourly usage counters: %4; request log rows: %5.</source>
        <translation>Kopierte Mitglieder: %1; Schlüssel: %2, mit %3 Geheimnissen; stündliche Nutzungszähler: %4; Zeilen des Anfrageprotokolls: %5.</translation>
    </message>
    <message>
        <source>Copied the audit log as it is: %1 rows, the last with the hash %2.</source>
        <translation>Prüfprotokoll unverändert kopiert: %1 Zeilen, die letzte mit dem Hash %2.</translation>
    </message>
    <message>
        <source>Warning: the source&apos;s audit log was already damaged; it was copied as it is, so &quot;audit verify&quot; reports the same damage on the copy.</source>
        <translation>Warnung: Das Prüfprotokoll der Quelle war bereits beschädigt; es wurde unverändert kopiert, daher meldet „audit verify“ auf der Kopie dieselbe Beschädigung.</translation>
    </message>
    <message>
        <source>Cannot look into %1.</source>
        <translation>In %1 kann nicht nachgesehen werden.</translation>
    </message>
    <message>
        <source>The database %1 is not empty (%2 tables or other objects). A copy goes into an empty database only, never merged into another vault.</source>
        <translation>Die Datenbank %1 ist nicht leer (%2 Tabellen oder andere Objekte). Eine Kopie wird nur in eine leere Datenbank geschrieben und nie mit einem anderen Tresor zusammengeführt.</translation>
    </message>
    <message>
        <source>Created the Keyward schema (version %1).</source>
        <translation>Keyward-Schema angelegt (Version %1).</translation>
    </message>
    <message>
        <source>The setup failed at:
%1
</source>
        <translation>Die Einrichtung ist fehlgeschlagen bei:
%1
</translation>
    </message>
    <message>
        <source>Created or updated the group roles %1_owner, %1_admin, %1_developer, %1_viewer and %1_verifier, their privileges and row-level security.</source>
        <translation>Gruppenrollen %1_owner, %1_admin, %1_developer, %1_viewer und %1_verifier, ihre Rechte und die Sicherheit auf Zeilenebene angelegt oder aktualisiert.</translation>
    </message>
    <message>
        <source>Cannot prepare the new vault.</source>
        <translation>Der neue Tresor kann nicht vorbereitet werden.</translation>
    </message>
    <message>
        <source>Cannot start writing to %1.</source>
        <translation>Das Schreiben nach %1 kann nicht begonnen werden.</translation>
    </message>
    <message>
        <source>Could not save the copy in %1; nothing was written.</source>
        <translation>Die Kopie konnte nicht in %1 gespeichert werden; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Could not hash the passphrase.</source>
        <translation>Der Hash der Passphrase konnte nicht berechnet werden.</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>%1 kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Could not save %1.</source>
        <translation>%1 konnte nicht gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>VaultSeed</name>
    <message>
        <source>Cannot write the vault settings.</source>
        <translation>Die Tresoreinstellungen können nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Cannot write the grant catalogue.</source>
        <translation>Der Berechtigungskatalog kann nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>VaultSigning</name>
    <message>
        <source>Your signing key is not certified yet, so your changes could not be trusted. Ask an Owner to certify it (keywardctl member certify YOUR-NAME, after comparing its fingerprint with you). Nothing was changed.</source>
        <translation>Ihr Signaturschlüssel ist noch nicht zertifiziert, daher wären Ihre Änderungen nicht vertrauenswürdig. Bitten Sie einen Besitzer, ihn zu zertifizieren (keywardctl member certify IHR-NAME, nachdem Sie den Fingerabdruck miteinander verglichen haben). Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Cannot read the audit log.</source>
        <translation>Das Prüfprotokoll kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Audit row %1 carries a signature that no certified member made: it was forged or altered.</source>
        <translation>Protokollzeile %1 trägt eine Signatur, die kein zertifiziertes Mitglied erstellt hat: Sie wurde gefälscht oder verändert.</translation>
    </message>
    <message>
        <source>Audit row %1 (%2) is not signed by a member: it was written by someone with access to the file, not through Keyward.</source>
        <translation>Protokollzeile %1 (%2) ist von keinem Mitglied signiert: Sie wurde von jemandem mit Zugriff auf die Datei geschrieben, nicht über Keyward.</translation>
    </message>
    <message>
        <source>The vault is signed, but none of its audit rows are: the signatures were removed.</source>
        <translation>Der Tresor ist signiert, aber keine seiner Protokollzeilen: Die Signaturen wurden entfernt.</translation>
    </message>
    <message>
        <source>Key %1 (&quot;%2&quot;) was tampered with: %3. Verifiers answer it as not found.</source>
        <translation>Schlüssel %1 („%2“) wurde manipuliert: %3. Prüfer beantworten ihn als nicht gefunden.</translation>
    </message>
    <message>
        <source>Cannot read the keys.</source>
        <translation>Die Schlüssel können nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Cannot read the key signatures.</source>
        <translation>Die Schlüsselsignaturen können nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Cannot read the vault settings.</source>
        <translation>Die Tresoreinstellungen können nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Cannot read the key.</source>
        <translation>Der Schlüssel kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>There is no key with id %1.</source>
        <translation>Es gibt keinen Schlüssel mit der ID %1.</translation>
    </message>
    <message>
        <source>Cannot read the members&apos; keys.</source>
        <translation>Die Schlüssel der Mitglieder können nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The check of the keys was stopped.</source>
        <translation>Die Prüfung der Schlüssel wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>VaultTrust</name>
    <message>
        <source>signed</source>
        <translation>signiert</translation>
    </message>
    <message>
        <source>not signed</source>
        <translation>nicht signiert</translation>
    </message>
    <message>
        <source>its signature does not match its contents</source>
        <translation>seine Signatur passt nicht zu seinem Inhalt</translation>
    </message>
    <message>
        <source>signed by a key the vault&apos;s Owners did not certify for it</source>
        <translation>von einem Schlüssel signiert, den die Besitzer des Tresors dafür nicht zertifiziert haben</translation>
    </message>
</context>
<context>
    <name>Verifier</name>
    <message>
        <source>No key matches. It may have been deleted, or it belongs to another vault.</source>
        <translation>Kein Schlüssel passt. Er wurde möglicherweise gelöscht oder gehört zu einem anderen Tresor.</translation>
    </message>
    <message>
        <source>The key was revoked on %1.</source>
        <translation>Der Schlüssel wurde am %1 widerrufen.</translation>
    </message>
    <message>
        <source>The key was revoked.</source>
        <translation>Der Schlüssel wurde widerrufen.</translation>
    </message>
    <message>
        <source>The key was regenerated; this old secret stopped working on %1. Use the new secret.</source>
        <translation>Der Schlüssel wurde neu erzeugt; dieses alte Geheimnis ist seit %1 ungültig. Verwenden Sie das neue Geheimnis.</translation>
    </message>
    <message>
        <source>The key is deactivated because its creator was removed or lost the role it needs.</source>
        <translation>Der Schlüssel ist deaktiviert, weil sein Ersteller entfernt wurde oder die nötige Rolle verloren hat.</translation>
    </message>
    <message>
        <source>The key is deactivated. An admin can activate it again.</source>
        <translation>Der Schlüssel ist deaktiviert. Ein Administrator kann ihn wieder aktivieren.</translation>
    </message>
    <message>
        <source>The key expired on %1.</source>
        <translation>Der Schlüssel ist am %1 abgelaufen.</translation>
    </message>
    <message>
        <source>This is a %1 key, but the request is for %2.</source>
        <translation>Dieser Schlüssel gehört zur Umgebung %1, die Anfrage aber zu %2.</translation>
    </message>
    <message>
        <source>Missing grant %1</source>
        <translation>Fehlende Berechtigung %1</translation>
    </message>
    <message>
        <source>Missing grants %1</source>
        <translation>Fehlende Berechtigungen %1</translation>
    </message>
    <message>
        <source>The key is valid.</source>
        <translation>Der Schlüssel ist gültig.</translation>
    </message>
    <message>
        <source>The rate limit of %1 is reached; the next request passes in %2 ms.</source>
        <translation>Das Ratenlimit von %1 ist erreicht; die nächste Anfrage wird in %2 ms zugelassen.</translation>
    </message>
    <message>
        <source>The usage limit of %1 requests is used up (%2 used). An admin can raise the limit or issue a new key.</source>
        <translation>Das Nutzungslimit von %1 Anfragen ist ausgeschöpft (%2 verbraucht). Ein Administrator kann das Limit erhöhen oder einen neuen Schlüssel ausstellen.</translation>
    </message>
    <message>
        <source>The key expired at the end of %1 (UTC).</source>
        <translation>Der Schlüssel ist mit Ablauf des %1 (UTC) abgelaufen.</translation>
    </message>
    <message>
        <source>The key may be used only from its allowed addresses (%1), and the request&apos;s address is unknown.</source>
        <translation>Der Schlüssel darf nur von seinen erlaubten Adressen (%1) aus verwendet werden, und die Adresse der Anfrage ist unbekannt.</translation>
    </message>
    <message>
        <source>The key may be used only from its allowed addresses (%1); the request came from %2.</source>
        <translation>Der Schlüssel darf nur von seinen erlaubten Adressen (%1) aus verwendet werden; die Anfrage kam von %2.</translation>
    </message>
    <message>
        <source>The key is for customer %1, but the request is for customer %2.</source>
        <translation>Der Schlüssel gilt für den Kunden %1, die Anfrage aber für den Kunden %2.</translation>
    </message>
</context>
<context>
    <name>VerifyCommand</name>
    <message>
        <source>ENV</source>
        <translation>ENV</translation>
    </message>
    <message>
        <source>The environment the request is for.</source>
        <translation>Die Umgebung, für die die Anfrage gilt.</translation>
    </message>
    <message>
        <source>GRANT</source>
        <translation>GRANT</translation>
    </message>
    <message>
        <source>A grant the request needs; repeat for more.</source>
        <translation>Eine Berechtigung, die die Anfrage benötigt; für weitere wiederholen.</translation>
    </message>
    <message>
        <source>SOURCE</source>
        <translation>SOURCE</translation>
    </message>
    <message>
        <source>Who presented the key (an IP address or service name).</source>
        <translation>Wer den Schlüssel vorgelegt hat (eine IP-Adresse oder ein Dienstname).</translation>
    </message>
    <message>
        <source>--env is required.</source>
        <translation>--env ist erforderlich.</translation>
    </message>
    <message>
        <source>Unknown environment &quot;%1&quot;; use live, stg or dev.</source>
        <translation>Unbekannte Umgebung „%1“; verwenden Sie live, stg oder dev.</translation>
    </message>
    <message>
        <source>%1 (%2): key %3 &quot;%4&quot;, grants %5</source>
        <translation>%1 (%2): Schlüssel %3 „%4“, Berechtigungen %5</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>Verify one token per line of stdin, one result per line.</source>
        <translation>Ein Token pro Zeile von stdin prüfen, ein Ergebnis pro Zeile.</translation>
    </message>
    <message>
        <source>Give either --stdin or a token, not both.</source>
        <translation>Geben Sie entweder --stdin oder ein Token an, nicht beides.</translation>
    </message>
    <message>
        <source>Give a token, &quot;-&quot; to read one from stdin, or --stdin.</source>
        <translation>Geben Sie ein Token an, „-“, um eines von stdin zu lesen, oder --stdin.</translation>
    </message>
    <message>
        <source>keywardctl: warning: usage was not recorded: %1</source>
        <translation>keywardctl: Warnung: Die Nutzung wurde nicht erfasst: %1</translation>
    </message>
    <message>
        <source>The line is empty.</source>
        <translation>Die Zeile ist leer.</translation>
    </message>
    <message>
        <source>Could not read stdin.</source>
        <translation>stdin konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Could not write the answers to standard output.</source>
        <translation>Die Antworten konnten nicht auf die Standardausgabe geschrieben werden.</translation>
    </message>
    <message>
        <source>%1 (%2, retry after %3 s): %4</source>
        <translation>%1 (%2, erneut versuchen nach %3 s): %4</translation>
    </message>
    <message>
        <source>Error (503): %1</source>
        <translation>Fehler (503): %1</translation>
    </message>
    <message>
        <source>Checks a key as an API would: exit 0 when it is valid (HTTP 200), 1 otherwise. &quot;-&quot; reads one token from stdin, which keeps it out of the process list. --stdin reads one token per line and prints one result per line, in order (a blank line is answered Malformed). Needs no member login. With --json: {&quot;outcome&quot;:...,&quot;http&quot;:...,&quot;caller_message&quot;:...,...}; &quot;http&quot;, &quot;retry_after_s&quot; and &quot;caller_message&quot; are for the API client, &quot;reason&quot; and the key fields only for your logs. Rate and usage limits count every verifier on the vault or database together, this run included.</source>
        <translation>Prüft einen Schlüssel wie eine API: Exit-Code 0, wenn er gültig ist (HTTP 200), sonst 1. „-“ liest ein Token von stdin, wodurch es nicht in der Prozessliste erscheint. --stdin liest ein Token pro Zeile und gibt der Reihe nach ein Ergebnis pro Zeile aus (eine leere Zeile wird mit Malformed beantwortet). Benötigt keine Mitgliedsanmeldung. Mit --json: {&quot;outcome&quot;:...,&quot;http&quot;:...,&quot;caller_message&quot;:...,...}; &quot;http&quot;, &quot;retry_after_s&quot; und &quot;caller_message&quot; sind für den API-Client bestimmt, &quot;reason&quot; und die Schlüsselfelder nur für Ihre Protokolle. Raten- und Nutzungslimits zählen alle Prüfer des Tresors oder der Datenbank zusammen, diesen Aufruf eingeschlossen.</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <source>The customer the request acts for: a key scoped to another customer is refused (WrongCustomer).</source>
        <translation>Der Kunde, in dessen Auftrag die Anfrage erfolgt: Ein auf einen anderen Kunden beschränkter Schlüssel wird abgelehnt (WrongCustomer).</translation>
    </message>
    <message>
        <source>ADDR</source>
        <translation>ADDR</translation>
    </message>
    <message>
        <source>The client&apos;s IP address, checked against a key&apos;s allowlist (a key with a list is refused when it is not given).</source>
        <translation>Die IP-Adresse des Clients, geprüft gegen die Adressliste eines Schlüssels (ein Schlüssel mit Liste wird abgelehnt, wenn sie fehlt).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>With --stdin: verify on N threads (default 1); the results stay in input order.</source>
        <translation>Mit --stdin: mit N Threads prüfen (Standard: 1); die Ergebnisse bleiben in der Reihenfolge der Eingabe.</translation>
    </message>
    <message>
        <source>--threads takes a number from 1 to %1.</source>
        <translation>--threads erwartet eine Zahl von 1 bis %1.</translation>
    </message>
    <message>
        <source>--threads needs --stdin.</source>
        <translation>--threads erfordert --stdin.</translation>
    </message>
    <message>
        <source>Cannot read the address &quot;%1&quot;; give an IPv4 or IPv6 address.</source>
        <translation>Die Adresse „%1“ ist nicht lesbar; geben Sie eine IPv4- oder IPv6-Adresse an.</translation>
    </message>
</context>
<context>
    <name>VerifyWorkers</name>
    <message>
        <source>Could not start %1 verifying threads (%2 started): %3</source>
        <translation>%1 Prüf-Threads konnten nicht gestartet werden (%2 gestartet): %3</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Could not write the results to standard output.</source>
        <translation>Die Ergebnisse konnten nicht auf die Standardausgabe geschrieben werden.</translation>
    </message>
    <message>
        <source>Keyward</source>
        <translation>Keyward</translation>
    </message>
    <message>
        <source>Keyward: generate, rotate, revoke and audit API keys.</source>
        <translation>Keyward: API-Schlüssel erzeugen, rotieren, widerrufen und prüfen.</translation>
    </message>
    <message>
        <source>The vault file to open.</source>
        <translation>Die zu öffnende Tresordatei.</translation>
    </message>
    <message>
        <source>Keyward cannot start</source>
        <translation>Keyward kann nicht starten</translation>
    </message>
    <message>
        <source>A self-test of Keyward&apos;s cryptography failed, so no key can be trusted:

%1</source>
        <translation>Ein Selbsttest der Kryptografie von Keyward ist fehlgeschlagen, daher kann keinem Schlüssel vertraut werden:

%1</translation>
    </message>
    <message>
        <source>Cannot watch for signals.</source>
        <translation>Signale können nicht überwacht werden.</translation>
    </message>
    <message>
        <source>Start in the system tray, without the window (as at login), and warn of keys about to expire.</source>
        <translation>Im Infobereich starten, ohne Fenster (wie bei der Anmeldung), und vor ablaufenden Schlüsseln warnen.</translation>
    </message>
</context>
</TS>
