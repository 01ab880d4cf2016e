<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
    <context>
        <name>Actions</name>
        <message>
            <location filename="../uploader_gui/ui/base/actions.py" line="+83" />
            <source>&amp;Add Images…</source>
            <translation>Bilder &amp;hinzufügen…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Choose image files to upload</source>
            <translation>Bilddateien zum Hochladen auswählen</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Paste</source>
            <translation>&amp;Einfügen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Upload the image or files on the clipboard</source>
            <translation>Das Bild oder die Dateien aus der Zwischenablage hochladen</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Take &amp;Screenshot…</source>
            <translation>&amp;Bildschirmfoto aufnehmen…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Pick a screen, window or area with the desktop's tool, then upload it</source>
            <translation>Mit dem Werkzeug des Desktops einen Bildschirm, ein Fenster oder einen Bereich wählen und dann hochladen</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Quit uploader-gui</source>
            <translation>uploader-gui beenden</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Copy Selected</source>
            <translation>Auswahl &amp;kopieren</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Copy the selected links in the chosen format</source>
            <translation>Die ausgewählten Links im gewählten Format kopieren</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Copy URL</source>
            <translation>URL kopieren</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Copy &amp;All</source>
            <translation>&amp;Alle kopieren</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Copy every finished link, one per line</source>
            <translation>Alle fertigen Links kopieren, einen pro Zeile</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Select A&amp;ll</source>
            <translation>Alles a&amp;uswählen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Select every row</source>
            <translation>Alle Zeilen auswählen</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Open in Browser</source>
            <translation>Im &amp;Browser öffnen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Open the selected links in the browser</source>
            <translation>Die ausgewählten Links im Browser öffnen</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Open</source>
            <translation>Öffnen</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Retry</source>
            <translation>&amp;Wiederholen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Send the selected files again</source>
            <translation>Die ausgewählten Dateien erneut senden</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Retry</source>
            <translation>Wiederholen</translation>
        </message>
        <message>
            <location line="+3" />
            <source>S&amp;hrink and Retry</source>
            <translation>&amp;Verkleinert erneut senden</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Send a smaller copy of the selected files the service found too large</source>
            <translation>Eine verkleinerte Kopie der ausgewählten Dateien senden, die dem Dienst zu groß waren</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Shrink and Retry</source>
            <translation>Verkleinert senden</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Retry All &amp;Failed</source>
            <translation>Alle &amp;fehlgeschlagenen wiederholen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Send every failed file again</source>
            <translation>Alle fehlgeschlagenen Dateien erneut senden</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Send &amp;Interrupted Files</source>
            <translation>&amp;Unterbrochene Dateien senden</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Send every file that was not uploaded when uploader-gui last stopped</source>
            <translation>Alle Dateien senden, die beim letzten Beenden von uploader-gui nicht hochgeladen waren</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Cancel</source>
            <translation>&amp;Abbrechen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Stop uploading the selected files</source>
            <translation>Das Hochladen der ausgewählten Dateien abbrechen</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Re&amp;move</source>
            <translation>&amp;Entfernen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Remove the selected rows from the list</source>
            <translation>Die ausgewählten Zeilen aus der Liste entfernen</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Delete from Server…</source>
            <translation>Vom Server &amp;löschen…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Delete the selected uploads from the server they were uploaded to</source>
            <translation>Die ausgewählten Uploads von dem Server löschen, auf den sie hochgeladen wurden</translation>
        </message>
        <message>
            <location line="+7" />
            <source>C&amp;lear Finished</source>
            <translation>Fer&amp;tige entfernen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Remove every finished row</source>
            <translation>Alle fertigen Zeilen entfernen</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+50" />
            <source>&amp;Uploads</source>
            <translation>&amp;Uploads</translation>
        </message>
        <message>
            <location line="-48" />
            <source>This session's uploads</source>
            <translation>Die Uploads dieser Sitzung</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;History</source>
            <translation>&amp;Verlauf</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Every upload, searchable</source>
            <translation>Alle Uploads, durchsuchbar</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Settings…</source>
            <translation>&amp;Einstellungen…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>API key, API URL, parallel uploads and more</source>
            <translation>API-Schlüssel, API-URL, gleichzeitige Uploads und mehr</translation>
        </message>
        <message>
            <location line="+4" />
            <source>API &amp;Key…</source>
            <translation>API-&amp;Schlüssel…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Enter the API key for this server</source>
            <translation>Den API-Schlüssel für diesen Server eingeben</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Change Key…</source>
            <translation>Schlüssel ändern…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Copy URLs &amp;When a Drop Finishes</source>
            <translation>URLs kopieren, &amp;sobald alle fertig sind</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Put the links of a drop on the clipboard once all of its files are done</source>
            <translation>Die Links gemeinsam abgelegter Dateien in die Zwischenablage kopieren, sobald alle fertig sind</translation>
        </message>
        <message>
            <location line="+11" />
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Edit</source>
            <translation>&amp;Bearbeiten</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Copy &amp;Format</source>
            <translation>Kopier&amp;format</translation>
        </message>
        <message>
            <location line="+19" />
            <source>&amp;View</source>
            <translation>&amp;Ansicht</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Settings</source>
            <translation>&amp;Einstellungen</translation>
        </message>
        <message>
            <location line="+53" />
            <source>{tip} ({shortcut})</source>
            <translation>{tip} ({shortcut})</translation>
        </message>
    </context>
    <context>
        <name>Destinations</name>
        <message>
            <location filename="../uploader_gui/core/client.py" line="+210" />
            <source>{destination} has no deletion request</source>
            <translation>{destination} hat keine Löschanfrage</translation>
        </message>
        <message>
            <location line="+94" />
            <source>{destination} does not take {type} images</source>
            <translation>{destination} nimmt keine {type}-Bilder an</translation>
        </message>
        <message>
            <location line="+53" />
            <source>{destination} refused the credentials (HTTP {{status}})</source>
            <translation>{destination} hat die Zugangsdaten abgelehnt (HTTP {{status}})</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/destinations/contract.py" line="+62" />
            <source>{destination}: {field} is not set; add it in Settings ▸ Destinations</source>
            <translation>{destination}: {field} ist nicht festgelegt; tragen Sie den Wert unter Einstellungen ▸ Ziele ein</translation>
        </message>
        <message>
            <location line="+63" />
            <source>{destination}: the request URL {url} is not on {origin}, where its secrets may go</source>
            <translation>{destination}: Die Anfrage-URL {url} liegt nicht auf {origin}, wohin allein seine geheimen Werte gehen dürfen</translation>
        </message>
        <message>
            <location line="+15" />
            <source>{destination} declares no deletion request</source>
            <translation>{destination} legt keine Löschanfrage fest</translation>
        </message>
        <message>
            <location line="+5" />
            <source>the deletion URL is on {host}, not on {origin}: its secrets are not sent there</source>
            <translation>die Lösch-URL liegt auf {host}, nicht auf {origin}: Die geheimen Werte des Ziels werden nicht dorthin gesendet</translation>
        </message>
        <message>
            <location line="+23" />
            <source>{destination}: {reader} gave no usable URL ({problem}); the reply starts: {start}</source>
            <translation>{destination}: {reader} hat keine verwendbare URL ergeben ({problem}); die Antwort beginnt mit: {start}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/destinations/readers_json.py" line="+33" />
            <source>it uses {what}, which selects several values: ShareX fails on more than one, and uploader-gui reads only names, [n] and ['name']</source>
            <translation>der JSON-Pfad verwendet {what}, das mehrere Werte auswählt: ShareX scheitert an mehr als einem, und uploader-gui liest nur Namen, [n] und ['name']</translation>
        </message>
        <message>
            <location line="+11" />
            <source>the JSON path is empty</source>
            <translation>der JSON-Pfad ist leer</translation>
        </message>
        <message>
            <location line="+11" />
            <source>{character} follows an index</source>
            <translation>auf einen Index folgt {character}</translation>
        </message>
        <message>
            <location line="+7" />
            <source>unexpected {character} in the JSON path</source>
            <translation>unerwartetes {character} im JSON-Pfad</translation>
        </message>
        <message>
            <location line="+17" />
            <source>the JSON path ends with a dot</source>
            <translation>der JSON-Pfad endet mit einem Punkt</translation>
        </message>
        <message>
            <location line="+19" />
            <source>ShareX reads only single quotes: write ['name'], not ["name"]</source>
            <translation>ShareX liest nur einfache Anführungszeichen: Schreiben Sie ['name'], nicht ["name"]</translation>
        </message>
        <message>
            <location line="+12" />
            <source>an index in the JSON path is not a number</source>
            <translation>ein Index im JSON-Pfad ist keine Zahl</translation>
        </message>
        <message>
            <location line="+2" />
            <source>a negative index, which ShareX fails on</source>
            <translation>ein negativer Index, an dem ShareX scheitert</translation>
        </message>
        <message>
            <location line="+4" />
            <source>an index in the JSON path is not closed</source>
            <translation>ein Index im JSON-Pfad ist nicht geschlossen</translation>
        </message>
        <message>
            <location line="+17" />
            <source>unknown escape \{character} in a name</source>
            <translation>unbekannte Escape-Sequenz \{character} in einem Namen</translation>
        </message>
        <message>
            <location line="+8" />
            <source>a quoted name in the JSON path is not closed</source>
            <translation>ein Name in Anführungszeichen im JSON-Pfad ist nicht geschlossen</translation>
        </message>
        <message>
            <location line="+22" />
            <source>the value there is null</source>
            <translation>der Wert dort ist null</translation>
        </message>
        <message>
            <location line="+10" />
            <source>the value there is an object, not a text</source>
            <translation>der Wert dort ist ein Objekt, kein Text</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the value there is a list, not a text</source>
            <translation>der Wert dort ist eine Liste, kein Text</translation>
        </message>
        <message>
            <location line="+24" />
            <location filename="../uploader_gui/core/destinations/readers_regex.py" line="+139" />
            <location filename="../uploader_gui/core/destinations/readers_xml.py" line="+157" />
            <source>the text to read is empty</source>
            <translation>der zu lesende Text ist leer</translation>
        </message>
        <message>
            <location line="+8" />
            <source>the text is not JSON: {error}</source>
            <translation>der Text ist kein JSON: {error}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the JSON has nothing at {path}</source>
            <translation>das JSON enthält nichts unter {path}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/destinations/readers_regex.py" line="-86" />
            <source>it uses {what}, which Python's regular expressions do not run as .NET does</source>
            <translation>das Muster verwendet {what}, was die regulären Ausdrücke von Python nicht so ausführen wie .NET</translation>
        </message>
        <message>
            <location line="+9" />
            <source>a group name is not closed</source>
            <translation>ein Gruppenname ist nicht geschlossen</translation>
        </message>
        <message>
            <location line="+57" />
            <source>the pattern is empty</source>
            <translation>das Muster ist leer</translation>
        </message>
        <message>
            <location line="+8" />
            <source>it is not a regular expression Python can run: {error}</source>
            <translation>das Muster ist kein regulärer Ausdruck, den Python ausführen kann: {error}</translation>
        </message>
        <message>
            <location line="+19" />
            <source>the pattern does not match</source>
            <translation>das Muster passt nicht</translation>
        </message>
        <message>
            <location line="+5" />
            <source>the pattern has no group {group}</source>
            <translation>das Muster hat keine Gruppe {group}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/destinations/readers_xml.py" line="-77" />
            <source>the step {step} has a prefix, which ShareX cannot resolve (it gives no namespace map)</source>
            <translation>der Schritt {step} hat ein Präfix, das ShareX nicht auflösen kann (es gibt keine Namespace-Zuordnung an)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>the step {step} is XPath that uploader-gui does not evaluate: it reads names, *, ., .., //, the predicates [n] and [last()] (first, after a name), [@name], [@name='v'], [name], [name='v'], [.='v'], and a last step @name or text()</source>
            <translation>der Schritt {step} ist XPath, das uploader-gui nicht auswertet: Es liest Namen, *, ., .., //, die Prädikate [n] und [last()] (als erstes, nach einem Namen), [@name], [@name='v'], [name], [name='v'], [.='v'] und als letzten Schritt @name oder text()</translation>
        </message>
        <message>
            <location line="+13" />
            <source>the XPath is empty</source>
            <translation>der XPath-Ausdruck ist leer</translation>
        </message>
        <message>
            <location line="+14" />
            <source>the document itself has no {what}</source>
            <translation>das Dokument selbst hat kein {what}</translation>
        </message>
        <message>
            <location line="+28" />
            <source>the XML declares a document type (DOCTYPE or ENTITY), which is refused: its entities could expand without limit</source>
            <translation>das XML deklariert einen Dokumenttyp (DOCTYPE oder ENTITY), was abgelehnt wird: Seine Entitäten könnten sich unbegrenzt ausdehnen</translation>
        </message>
        <message>
            <location line="+8" />
            <source>the text is not XML: {error}</source>
            <translation>der Text ist kein XML: {error}</translation>
        </message>
        <message>
            <location line="+25" />
            <source>the XML has nothing at {xpath}</source>
            <translation>das XML enthält nichts unter {xpath}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/destinations/sxcu.py" line="+61" />
            <source>is {size} bytes; a custom uploader file is at most {limit}</source>
            <translation>ist {size} Bytes groß; eine benutzerdefinierte Uploader-Datei hat höchstens {limit} Bytes</translation>
        </message>
        <message>
            <location line="+15" />
            <source>cannot be read: {error}</source>
            <translation>kann nicht gelesen werden: {error}</translation>
        </message>
        <message>
            <location line="+78" />
            <location filename="../uploader_gui/core/destinations/sxcu_checks.py" line="+46" />
            <source>{method} is not one of {methods}</source>
            <translation>{method} ist keine der Methoden {methods}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/destinations/sxcu_checks.py" line="+14" />
            <source>{body} is not a body ShareX knows ({bodies})</source>
            <translation>{body} ist kein Body, den ShareX kennt ({bodies})</translation>
        </message>
        <message>
            <location line="+4" />
            <source>is empty, and MultipartFormData needs the name of the file's field</source>
            <translation>ist leer, aber MultipartFormData braucht den Namen des Dateifelds</translation>
        </message>
        <message>
            <location line="+5" />
            <source>no Body: ShareX reads that as None</source>
            <translation>kein Body: ShareX liest das als None</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Body {body} sends no file: ShareX itself refuses to upload an image with it (only MultipartFormData and Binary carry the file)</source>
            <translation>Body {body} sendet keine Datei: ShareX selbst lehnt es ab, damit ein Bild hochzuladen (nur MultipartFormData und Binary übertragen die Datei)</translation>
        </message>
        <message>
            <location line="+24" />
            <source>{key} is not sent with Body {body} (as in ShareX): dropped</source>
            <translation>{key} wird mit Body {body} nicht gesendet (wie in ShareX): verworfen</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Data is not valid {body} once {{input}} and {{filename}} are filled in: sent as written (ShareX does not check it either)</source>
            <translation>Data ist kein gültiges {body}, sobald {{input}} und {{filename}} eingesetzt sind: wird unverändert gesendet (ShareX prüft es auch nicht)</translation>
        </message>
        <message>
            <location line="+15" />
            <source>{name} is not a destination type ShareX knows</source>
            <translation>{name} ist kein Zieltyp, den ShareX kennt</translation>
        </message>
        <message>
            <location line="+6" />
            <source>not an image uploader: it is for {types}</source>
            <translation>kein Bild-Uploader: Er ist für {types} gedacht</translation>
        </message>
        <message>
            <location line="+3" />
            <source>DestinationType lists {types} too: only images are sent</source>
            <translation>DestinationType nennt auch {types}: Es werden nur Bilder gesendet</translation>
        </message>
        <message>
            <location line="+4" />
            <source>DestinationType is {types}: used for images</source>
            <translation>DestinationType ist {types}: wird für Bilder verwendet</translation>
        </message>
        <message>
            <location line="+9" />
            <location line="+84" />
            <source>is empty</source>
            <translation>ist leer</translation>
        </message>
        <message>
            <location line="-80" />
            <source>RequestURL has no scheme: https:// put in front (as ShareX does)</source>
            <translation>RequestURL hat kein Schema: https:// vorangestellt (wie ShareX es tut)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>is not an http:// or https:// address</source>
            <translation>ist keine http://- oder https://-Adresse</translation>
        </message>
        <message>
            <location line="+4" />
            <source>a function in the scheme, host or port: the secrets must go to one fixed address</source>
            <translation>eine Funktion in Schema, Host oder Port: Die geheimen Werte müssen an eine feste Adresse gehen</translation>
        </message>
        <message>
            <location line="+6" />
            <source>a user name or password in the URL: put credentials in a header or parameter, where they are kept as secrets</source>
            <translation>ein Benutzername oder Passwort in der URL: Zugangsdaten gehören in einen Header oder Parameter, wo sie als geheime Werte aufbewahrt werden</translation>
        </message>
        <message>
            <location line="+19" />
            <source>names no valid host and port</source>
            <translation>nennt keinen gültigen Host und Port</translation>
        </message>
        <message>
            <location line="+2" />
            <source>http:// to {host}: the secrets would cross the network unencrypted; use https://</source>
            <translation>http:// zu {host}: Die geheimen Werte würden unverschlüsselt über das Netz gehen; bitte https:// verwenden</translation>
        </message>
        <message>
            <location line="+13" />
            <source>a name is empty</source>
            <translation>ein Name ist leer</translation>
        </message>
        <message>
            <location line="+2" />
            <source>is not a valid header name</source>
            <translation>ist kein gültiger Header-Name</translation>
        </message>
        <message>
            <location line="+2" />
            <source>holds a line break or NUL</source>
            <translation>enthält einen Zeilenumbruch oder NUL</translation>
        </message>
        <message>
            <location line="+12" />
            <source>{field} uses ShareX's name patterns (such as %y or %rn), which uploader-gui sends as written</source>
            <translation>{field} verwendet Namensmuster von ShareX (wie %y oder %rn), die uploader-gui unverändert sendet</translation>
        </message>
        <message>
            <location line="+15" />
            <source>{type} is not a type uploader-gui sends ({types})</source>
            <translation>{type} ist kein Typ, den uploader-gui sendet ({types})</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/destinations/sxcu_fields.py" line="+67" />
            <source>not JSON: {error}</source>
            <translation>kein JSON: {error}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>not JSON: not a JSON object</source>
            <translation>kein JSON: kein JSON-Objekt</translation>
        </message>
        <message>
            <location line="+32" />
            <location line="+23" />
            <source>must be a text</source>
            <translation>muss ein Text sein</translation>
        </message>
        <message>
            <location line="-10" />
            <source>must be an object of names and texts</source>
            <translation>muss ein Objekt aus Namen und Texten sein</translation>
        </message>
        <message>
            <location line="+20" />
            <source>must be a list of texts</source>
            <translation>muss eine Liste von Texten sein</translation>
        </message>
        <message>
            <location line="+6" />
            <location filename="../uploader_gui/ui/destination/editor_check.py" line="+138" />
            <source>is written twice</source>
            <translation>kommt zweimal vor</translation>
        </message>
        <message>
            <location line="+1" />
            <source>is written twice, as {first} and {second}</source>
            <translation>kommt zweimal vor, als {first} und {second}</translation>
        </message>
        <message>
            <location line="+50" />
            <source>must be an object</source>
            <translation>muss ein Objekt sein</translation>
        </message>
        <message>
            <location line="+3" />
            <source>is not a key it has</source>
            <translation>ist kein Feld, das es dort gibt</translation>
        </message>
        <message>
            <location line="+30" />
            <source>{key} is not a key ShareX reads: ignored</source>
            <translation>{key} ist kein Feld, das ShareX liest: ignoriert</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/destinations/sxcu_legacy.py" line="+46" />
            <source>{version} is not a version number like 17.0.0</source>
            <translation>{version} ist keine Versionsnummer wie 17.0.0</translation>
        </message>
        <message>
            <location line="+25" />
            <source>no Version: read in the current syntax (ShareX itself refuses such a file)</source>
            <translation>keine Version: in der aktuellen Syntax gelesen (ShareX selbst lehnt eine solche Datei ab)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>no Version, and ShareX's older $…$ syntax: read as a file of ShareX 13 or older</source>
            <translation>keine Version und die ältere $…$-Syntax von ShareX: als Datei von ShareX 13 oder älter gelesen</translation>
        </message>
        <message>
            <location line="+23" />
            <source>the query string of RequestURL moved to Parameters (as ShareX does)</source>
            <translation>der Query-Teil von RequestURL wurde nach Parameters verschoben (wie ShareX es tut)</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Headers (the whole header list as the URL) was dropped in ShareX 12.4: read one header with $header:Name$ in URL</source>
            <translation>Headers (die ganze Header-Liste als URL) wurde in ShareX 12.4 entfernt: Lesen Sie einen einzelnen Header mit $header:Name$ in URL</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{value} is not a response type ShareX knew</source>
            <translation>{value} ist kein Antworttyp, den ShareX kannte</translation>
        </message>
        <message>
            <location line="+9" />
            <source>${syntax}$ names no RegexList entry</source>
            <translation>${syntax}$ nennt keinen Eintrag der RegexList</translation>
        </message>
        <message numerus="yes">
            <location line="+5" />
            <source>${syntax}$ refers to RegexList entry {number}, but RegexList holds %n pattern(s): a reader that never matches</source>
            <translation>
                <numerusform>${syntax}$ verweist auf Eintrag {number} der RegexList, aber die RegexList enthält nur %n Muster: eine Leseregel, die nie passt</numerusform>
                <numerusform>${syntax}$ verweist auf Eintrag {number} der RegexList, aber die RegexList enthält nur %n Muster: eine Leseregel, die nie passt</numerusform>
            </translation>
        </message>
        <message>
            <location line="+37" />
            <source>${syntax}$ is not a function of ShareX's older syntax</source>
            <translation>${syntax}$ ist keine Funktion der älteren Syntax von ShareX</translation>
        </message>
        <message>
            <location line="+29" />
            <source>a $ is never closed (ShareX 13 dropped the rest of the text): escape a literal $ as \$</source>
            <translation>ein $ wird nie geschlossen (ShareX 13 hat den Rest des Textes verworfen): Maskieren Sie ein wörtliches $ als \$</translation>
        </message>
        <message>
            <location line="+36" />
            <source>{key} is not read by ShareX since 12.4: ignored</source>
            <translation>{key} wird von ShareX seit 12.4 nicht mehr gelesen: ignoriert</translation>
        </message>
        <message>
            <location line="+8" />
            <source>a file of ShareX 12.3 or older: converted as ShareX did until 16.1 (current ShareX refuses it)</source>
            <translation>eine Datei von ShareX 12.3 oder älter: umgewandelt, wie ShareX es bis 16.1 tat (das aktuelle ShareX lehnt sie ab)</translation>
        </message>
        <message>
            <location line="+12" />
            <source>converted from ShareX's older $…$ syntax to the current one</source>
            <translation>von der älteren $…$-Syntax von ShareX in die aktuelle umgewandelt</translation>
        </message>
        <message>
            <location line="+4" />
            <source>RegexList references written out as {regex:pattern|group}: ShareX's own conversion loses them</source>
            <translation>Verweise auf die RegexList als {regex:Muster|Gruppe} ausgeschrieben: Die eigene Umwandlung von ShareX verliert sie</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/destinations/syntax.py" line="+156" />
            <source>the text to encode is empty</source>
            <translation>der zu kodierende Text ist leer</translation>
        </message>
        <message>
            <location line="+13" />
            <source>a reader of the reply in a request</source>
            <translation>eine Leseregel für die Antwort in einer Anfrage</translation>
        </message>
        <message>
            <location line="+19" />
            <source>the reply has no {name} header</source>
            <translation>die Antwort hat keinen Header {name}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/destinations/syntax_check.py" line="+86" />
            <source>{function} is never closed with }}</source>
            <translation>{function} wird nie mit }} geschlossen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{function} has a | in its name: escape it as \| if it is text</source>
            <translation>{function} hat ein | im Namen: Maskieren Sie es als \|, wenn es Text ist</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{function} has its name made by another function</source>
            <translation>der Name von {function} wird von einer anderen Funktion erzeugt</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{function} has no function name</source>
            <translation>{function} hat keinen Funktionsnamen</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{function}: ShareX has no function named {name} (escape a literal {{ as \{{)</source>
            <translation>{function}: ShareX hat keine Funktion namens {name} (maskieren Sie ein wörtliches {{ als \{{)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{function} asks a person while uploading, which uploader-gui does not do</source>
            <translation>{function} fragt während des Hochladens den Benutzer, was uploader-gui nicht tut</translation>
        </message>
        <message numerus="yes">
            <location line="+8" />
            <source>{function} needs at least %n parameter(s), separated by |</source>
            <translation>
                <numerusform>{function} braucht mindestens %n Parameter, getrennt durch |</numerusform>
                <numerusform>{function} braucht mindestens %n Parameter, getrennt durch |</numerusform>
            </translation>
        </message>
        <message>
            <location line="+8" />
            <source>{function} reads the server's reply, which does not exist yet when the request is made: use it in URL, ThumbnailURL, DeletionURL or ErrorMessage</source>
            <translation>{function} liest die Antwort des Servers, die es beim Stellen der Anfrage noch nicht gibt: Verwenden Sie die Funktion in URL, ThumbnailURL, DeletionURL oder ErrorMessage</translation>
        </message>
        <message>
            <location line="+27" />
            <source>{function} names no header</source>
            <translation>{function} nennt keinen Header</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{function} can never read anything: {reason}</source>
            <translation>{function} kann nie etwas lesen: {reason}</translation>
        </message>
        <message>
            <location line="+16" />
            <source>{function} takes RegexList entry {number}, but the RegexList has {count}: a reader that never matches</source>
            <translation>{function} nimmt Eintrag {number} der RegexList, aber die RegexList hat nur {count}: eine Leseregel, die nie passt</translation>
        </message>
        <message>
            <location line="+10" />
            <source>{function} takes group {group}, which the pattern does not have: a reader that never matches</source>
            <translation>{function} nimmt Gruppe {group}, die das Muster nicht hat: eine Leseregel, die nie passt</translation>
        </message>
        <message>
            <location line="+13" />
            <source>RegexList entry {number} cannot be run: {reason}</source>
            <translation>Eintrag {number} der RegexList kann nicht ausgeführt werden: {reason}</translation>
        </message>
        <message>
            <location line="+19" />
            <source>an unescaped {character} outside a function ends the text in ShareX (the rest, {rest}, would be dropped): escape it as \{character}</source>
            <translation>ein nicht maskiertes {character} außerhalb einer Funktion beendet in ShareX den Text (der Rest, {rest}, würde verworfen): Maskieren Sie es als \{character}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/app.py" line="+269" />
            <source>&amp;Destinations</source>
            <translation>&amp;Ziele</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/destination/book.py" line="+178" />
            <source>The destination's secrets were not saved</source>
            <translation>Die geheimen Werte des Ziels wurden nicht gespeichert</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{error}

They are used until you quit.</source>
            <translation>{error}

Bis zum Beenden von uploader-gui werden sie trotzdem verwendet.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{error}</source>
            <translation>{error}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/destination/custom_access.py" line="+58" />
            <source>{fields} not set</source>
            <translation>{fields} nicht festgelegt</translation>
        </message>
        <message>
            <location line="+9" />
            <source>it refused the credentials</source>
            <translation>das Ziel hat die Zugangsdaten abgelehnt</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Waiting for {destination}'s secrets: {reason}</source>
            <translation>Warten auf die geheimen Werte von {destination}: {reason}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Uploads to {destination} are on hold: {reason}. Set them in Settings ▸ Destinations (they are kept in the keyring).</source>
            <translation>Uploads an {destination} sind angehalten: {reason}. Legen Sie die geheimen Werte unter Einstellungen ▸ Ziele fest (sie werden im Schlüsselbund aufbewahrt).</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Open Settings</source>
            <translation>Einstellungen öffnen</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/destination/deleting.py" line="+159" />
            <source>Delete {name} from {host}? Its link stops working.</source>
            <translation>{name} von {host} löschen? Der Link funktioniert dann nicht mehr.</translation>
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>Delete %n file(s) from their servers? Their links stop working.</source>
            <translation>
                <numerusform>%n Datei von ihrem Server löschen? Ihr Link funktioniert dann nicht mehr.</numerusform>
                <numerusform>%n Dateien von ihren Servern löschen? Ihre Links funktionieren dann nicht mehr.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+8" />
            <location line="+73" />
            <source>Delete from the server?</source>
            <translation>Vom Server löschen?</translation>
        </message>
        <message>
            <location line="-71" />
            <source>Delete from Server</source>
            <translation>Vom Server löschen</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Deleted {name} from {host}</source>
            <translation>{name} von {host} gelöscht</translation>
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>Deleted %n file(s) from {host}</source>
            <translation>
                <numerusform>%n Datei von {host} gelöscht</numerusform>
                <numerusform>%n Dateien von {host} gelöscht</numerusform>
            </translation>
        </message>
        <message>
            <location line="+4" />
            <source>Not deleted from {host}</source>
            <translation>Nicht von {host} gelöscht</translation>
        </message>
        <message>
            <location line="+12" />
            <source>The deletion page cannot be opened</source>
            <translation>Die Löschseite kann nicht geöffnet werden</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Open the deletion page of {name} in your browser? uploader-gui marks it as deleted.</source>
            <translation>Die Löschseite von {name} im Browser öffnen? uploader-gui markiert die Datei dann als gelöscht.</translation>
        </message>
        <message numerus="yes">
            <location line="+7" />
            <source>Open the deletion pages of %n file(s) in your browser? uploader-gui marks them as deleted.</source>
            <translation>
                <numerusform>Die Löschseite von %n Datei im Browser öffnen? uploader-gui markiert sie dann als gelöscht.</numerusform>
                <numerusform>Die Löschseiten von %n Dateien im Browser öffnen? uploader-gui markiert sie dann als gelöscht.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+9" />
            <source>Open in Browser</source>
            <translation>Im Browser öffnen</translation>
        </message>
        <message>
            <location line="+7" />
            <source>No browser opened the deletion page of {name}</source>
            <translation>Kein Browser hat die Löschseite von {name} geöffnet</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Marked as deleted from the server</source>
            <translation>Als vom Server gelöscht markiert</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The history was not changed</source>
            <translation>Der Verlauf wurde nicht geändert</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/destination/editor.py" line="+43" />
            <source>New Destination</source>
            <translation>Neues Ziel</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Edit {name}</source>
            <translation>{name} bearbeiten</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Problem</source>
            <translation>Problem</translation>
        </message>
        <message>
            <location line="+7" />
            <source>&amp;Test</source>
            <translation>&amp;Testen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Upload a small generated picture once and show the reply</source>
            <translation>Einmal ein kleines erzeugtes Bild hochladen und die Antwort zeigen</translation>
        </message>
        <message>
            <location line="+32" />
            <source>{where}: {reason}</source>
            <translation>{where}: {reason}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/destination/editor_check.py" line="-95" />
            <source>Request</source>
            <translation>Anfrage</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reply</source>
            <translation>Antwort</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Deletion</source>
            <translation>Löschen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Test</source>
            <translation>Testen</translation>
        </message>
        <message>
            <location line="+8" />
            <location filename="../uploader_gui/ui/destination/editor_fields.py" line="+74" />
            <location line="+56" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Method</source>
            <translation>Methode</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Request URL</source>
            <translation>Anfrage-URL</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Body</source>
            <translation>Body</translation>
        </message>
        <message>
            <location line="+1" />
            <source>File form name</source>
            <translation>Name des Dateifelds</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Data</source>
            <translation>Daten</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Image types</source>
            <translation>Bildtypen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>URL</source>
            <translation>URL</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Thumbnail URL</source>
            <translation>Vorschaubild-URL</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Deletion URL</source>
            <translation>Lösch-URL</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Error message</source>
            <translation>Fehlermeldung</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Regular expressions</source>
            <translation>Reguläre Ausdrücke</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Parameters</source>
            <translation>Parameter</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+2" />
            <source>Headers</source>
            <translation>Header</translation>
        </message>
        <message>
            <location line="-1" />
            <source>Arguments</source>
            <translation>Argumente</translation>
        </message>
        <message>
            <location line="+10" />
            <source>parameter {name}</source>
            <translation>Parameter {name}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>header {name}</source>
            <translation>Header {name}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>argument {name}</source>
            <translation>Argument {name}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>deletion header {name}</source>
            <translation>Lösch-Header {name}</translation>
        </message>
        <message>
            <location line="+23" />
            <source>line {number}</source>
            <translation>Zeile {number}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/destination/editor_fields.py" line="-55" />
            <location line="+57" />
            <source>Value</source>
            <translation>Wert</translation>
        </message>
        <message>
            <location line="-56" />
            <location line="+58" />
            <source>Secret</source>
            <translation>Geheim</translation>
        </message>
        <message>
            <location line="-45" />
            <source>Add</source>
            <translation>Hinzufügen</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../uploader_gui/ui/settings/destinations_tab.py" line="+278" />
            <source>Remove</source>
            <translation>Entfernen</translation>
        </message>
        <message>
            <location line="+78" />
            <source>Its name says it holds a credential: it is always kept in the keyring</source>
            <translation>Der Name weist auf Zugangsdaten hin: Der Wert wird immer im Schlüsselbund aufbewahrt</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Keep the value in the keyring, never in a file</source>
            <translation>Den Wert im Schlüsselbund aufbewahren, nie in einer Datei</translation>
        </message>
        <message>
            <location line="+9" />
            <source>kept in the keyring (type to replace)</source>
            <translation>im Schlüsselbund aufbewahrt (zum Ersetzen neu eingeben)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>secret: kept in the keyring</source>
            <translation>geheim: wird im Schlüsselbund aufbewahrt</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/destination/editor_form.py" line="+37" />
            <source>Multipart form (the file in a field)</source>
            <translation>Multipart-Formular (die Datei in einem Feld)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Binary (the file is the body)</source>
            <translation>Binär (die Datei ist der Body)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Form URL-encoded (no file)</source>
            <translation>Formular, URL-kodiert (keine Datei)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>JSON (no file)</source>
            <translation>JSON (keine Datei)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>XML (no file)</source>
            <translation>XML (keine Datei)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>None (no file)</source>
            <translation>Ohne Body (keine Datei)</translation>
        </message>
        <message>
            <location line="+38" />
            <source>the host's name</source>
            <translation>der Name des Hosts</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <location line="+8" />
            <source>&amp;Request:</source>
            <translation>&amp;Anfrage:</translation>
        </message>
        <message>
            <location line="+8" />
            <source>&amp;File form name:</source>
            <translation>Name des &amp;Dateifelds:</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Body:</source>
            <translation>&amp;Body:</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Image types:</source>
            <translation>Bildtypen:</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Values may use {filename}, {random:a|b|c} and {base64:text}. A secret's value is kept in the keyring, never in a file.</source>
            <translation>Werte können {filename}, {random:a|b|c} und {base64:Text} verwenden. Ein geheimer Wert wird im Schlüsselbund aufbewahrt, nie in einer Datei.</translation>
        </message>
        <message>
            <location line="+33" />
            <source>{section} ({count})</source>
            <translation>{section} ({count})</translation>
        </message>
        <message>
            <location line="+15" />
            <source>&amp;URL:</source>
            <translation>&amp;URL:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>T&amp;humbnail URL:</source>
            <translation>&amp;Vorschaubild-URL:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Deletion URL:</source>
            <translation>&amp;Lösch-URL:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Error &amp;message:</source>
            <translation>&amp;Fehlermeldung:</translation>
        </message>
        <message>
            <location line="+10" />
            <source>empty: the whole reply is the URL</source>
            <translation>leer: Die ganze Antwort ist die URL</translation>
        </message>
        <message>
            <location line="+12" />
            <source>A reader takes a part of the reply: {json:path}, {xml:path}, {regex:pattern|group}, {header:name}, {response} (all of it). An empty URL reader takes the whole reply as the URL; the others may stay empty.</source>
            <translation>Eine Leseregel entnimmt der Antwort einen Teil: {json:Pfad}, {xml:Pfad}, {regex:Muster|Gruppe}, {header:Name}, {response} (alles). Bleibt die Leseregel der URL leer, ist die ganze Antwort die URL; die anderen dürfen leer bleiben.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Regular e&amp;xpressions, one per line:</source>
            <translation>&amp;Reguläre Ausdrücke, einer pro Zeile:</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The pattern on line N is {regex:N|group}.</source>
            <translation>Das Muster in Zeile N ist {regex:N|Gruppe}.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>&amp;Send a deletion request</source>
            <translation>&amp;Löschanfrage senden</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Deletion method</source>
            <translation>Löschmethode</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Method:</source>
            <translation>&amp;Methode:</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Deleting an upload sends this request to the deletion URL its reply gave, with these headers, on the destination's own address only. ShareX ignores it and opens the deletion URL instead.</source>
            <translation>Beim Löschen eines Uploads wird diese Anfrage mit diesen Headern an die Lösch-URL aus seiner Antwort gesendet, nur an die eigene Adresse des Ziels. ShareX ignoriert sie und öffnet stattdessen die Lösch-URL.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Headers:</source>
            <translation>Header:</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/destination/importing.py" line="+36" />
            <source>Add {name} as a destination? Its uploads go to {host}.</source>
            <translation>{name} als Ziel hinzufügen? Die Uploads gehen dann an {host}.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Kept in the keyring, never in a file: {fields}.</source>
            <translation>Im Schlüsselbund aufbewahrt, nie in einer Datei: {fields}.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>It can delete what you upload from the server.</source>
            <translation>Über dieses Ziel können Sie Hochgeladenes wieder vom Server löschen.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Notes:</source>
            <translation>Hinweise:</translation>
        </message>
        <message>
            <location line="+32" />
            <source>{file} was not added</source>
            <translation>{file} wurde nicht hinzugefügt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{file}: {reason}</source>
            <translation>{file}: {reason}</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Add a destination?</source>
            <translation>Ziel hinzufügen?</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Add Destination</source>
            <translation>Ziel hinzufügen</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Added the destination {name} ({host})</source>
            <translation>Ziel {name} ({host}) hinzugefügt</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Upload to {name}?</source>
            <translation>Auf {name} hochladen?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Upload to {name} from now on?</source>
            <translation>Ab jetzt auf {name} hochladen?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Upload to {name}</source>
            <translation>Auf {name} hochladen</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/destination/jobs.py" line="+47" />
            <source>The keyring could not be read: {error}</source>
            <translation>Der Schlüsselbund konnte nicht gelesen werden: {error}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/destination/picker.py" line="+19" />
            <source>{name} — {host}</source>
            <translation>{name} — {host}</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Upload &amp;to</source>
            <translation>&amp;Hochladen auf</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Upload to</source>
            <translation>Hochladen auf</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Sandbox</source>
            <translation>Sandbox</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sandbox mode: uploads go to the local test server until uploader-gui starts again (without --sandbox); then a destination can be chosen.</source>
            <translation>Sandbox-Modus: Uploads gehen an den lokalen Testserver, bis uploader-gui neu gestartet wird (ohne --sandbox); dann kann ein Ziel gewählt werden.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Where uploads go. Add, import or edit destinations in Settings ▸ Destinations.</source>
            <translation>Wohin Uploads gehen. Ziele hinzufügen, importieren oder bearbeiten unter Einstellungen ▸ Ziele.</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/destination/trial_view.py" line="+32" />
            <source>Test uploads a small generated picture (a 64 by 64 PNG) once, with the secrets typed here or, for those left empty, the keyring's, and shows what came back. Nothing is added to the history.</source>
            <translation>„Testen“ lädt einmal ein kleines erzeugtes Bild (ein PNG mit 64 × 64 Pixeln) hoch, mit den hier eingegebenen geheimen Werten oder, wo sie leer sind, denen aus dem Schlüsselbund, und zeigt, was zurückkam. Dem Verlauf wird nichts hinzugefügt.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Test result</source>
            <translation>Testergebnis</translation>
        </message>
        <message>
            <location line="+6" />
            <source>What the readers found</source>
            <translation>Was die Leseregeln gefunden haben</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Field</source>
            <translation>Feld</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reader</source>
            <translation>Leseregel</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Found</source>
            <translation>Gefunden</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The reply:</source>
            <translation>Die Antwort:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The reply</source>
            <translation>Die Antwort</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Only the first {count} characters are shown.</source>
            <translation>Nur die ersten {count} Zeichen werden angezeigt.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Testing…</source>
            <translation>Wird getestet…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>✗ The test did not get a reply: {problem}</source>
            <translation>✗ Der Test hat keine Antwort erhalten: {problem}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>HTTP status {status}</source>
            <translation>HTTP-Status {status}</translation>
        </message>
        <message>
            <location line="+2" />
            <source> — the reply is empty</source>
            <translation> — die Antwort ist leer</translation>
        </message>
        <message>
            <location line="+5" />
            <source>✓ An upload would give URL {url}</source>
            <translation>✓ Ein Upload ergäbe die URL {url}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>✗ An upload would fail: {problem}</source>
            <translation>✗ Ein Upload würde fehlschlagen: {problem}</translation>
        </message>
        <message>
            <location line="+32" />
            <source>(nothing)</source>
            <translation>(nichts)</translation>
        </message>
        <message>
            <location line="+20" />
            <source>(empty)</source>
            <translation>(leer)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>✗ {problem}</source>
            <translation>✗ {problem}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/settings/destinations_export.py" line="+32" />
            <source>{name} keeps {fields} in the keyring. Without them, the file can be shared: whoever imports it types their own.

With them, anyone who has the file can upload as you: include them only in a copy you keep private.</source>
            <translation>{name} bewahrt {fields} im Schlüsselbund auf. Ohne diese Werte kann die Datei weitergegeben werden: Wer sie importiert, gibt eigene ein.

Mit ihnen kann jeder, der die Datei hat, in Ihrem Namen hochladen: Nehmen Sie sie nur in eine Kopie auf, die Sie für sich behalten.</translation>
        </message>
        <message>
            <location line="+8" />
            <location line="+25" />
            <source>Export {name}</source>
            <translation>{name} exportieren</translation>
        </message>
        <message>
            <location line="-22" />
            <source>Export Without Secrets</source>
            <translation>Ohne geheime Werte exportieren</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Include Secrets</source>
            <translation>Geheime Werte einschließen</translation>
        </message>
        <message>
            <location line="+23" />
            <source>ShareX custom uploaders (*.sxcu)</source>
            <translation>Benutzerdefinierte ShareX-Uploader (*.sxcu)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{file}: {error}</source>
            <translation>{file}: {error}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export failed</source>
            <translation>Export fehlgeschlagen</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Exported {name} to {file}, with its secrets</source>
            <translation>{name} nach {file} exportiert, mit seinen geheimen Werten</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Exported {name} to {file}, without secrets</source>
            <translation>{name} nach {file} exportiert, ohne geheime Werte</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/settings/destinations_tab.py" line="-222" />
            <source>Changes here are saved at once: OK and Cancel do not undo them. Choose where uploads go with “Upload to” in the main window.</source>
            <translation>Änderungen hier werden sofort gespeichert: OK und Abbrechen machen sie nicht rückgängig. Wohin Uploads gehen, wählen Sie mit „Hochladen auf“ im Hauptfenster.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Destinations</source>
            <translation>Ziele</translation>
        </message>
        <message>
            <location line="+34" />
            <source>&amp;Add…</source>
            <translation>&amp;Hinzufügen…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Describe a new destination: its request and its reply</source>
            <translation>Ein neues Ziel beschreiben: seine Anfrage und seine Antwort</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Import…</source>
            <translation>&amp;Importieren…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add the destination a ShareX custom uploader file holds</source>
            <translation>Das Ziel aus einer benutzerdefinierten ShareX-Uploader-Datei hinzufügen</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Edit…</source>
            <translation>B&amp;earbeiten…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Change the destination, or test it</source>
            <translation>Das Ziel ändern oder testen</translation>
        </message>
        <message>
            <location line="+4" />
            <source>D&amp;uplicate</source>
            <translation>&amp;Duplizieren</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add a copy of the destination, secrets included</source>
            <translation>Eine Kopie des Ziels hinzufügen, einschließlich der geheimen Werte</translation>
        </message>
        <message>
            <location line="+4" />
            <source>E&amp;xport…</source>
            <translation>E&amp;xportieren…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save the destination as a ShareX custom uploader file</source>
            <translation>Das Ziel als benutzerdefinierte ShareX-Uploader-Datei speichern</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Remove</source>
            <translation>Ent&amp;fernen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove the destination and its secrets</source>
            <translation>Das Ziel und seine geheimen Werte entfernen</translation>
        </message>
        <message>
            <location line="+19" />
            <source>{entry} (in use)</source>
            <translation>{entry} (wird verwendet)</translation>
        </message>
        <message>
            <location line="+32" />
            <source>ImagePipeline is built in: its API URL and key are set on the General tab. It cannot be removed.</source>
            <translation>ImagePipeline ist eingebaut: API-URL und Schlüssel werden im Reiter „Allgemein“ festgelegt. Es kann nicht entfernt werden.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Uploads go to {url}</source>
            <translation>Uploads gehen an {url}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Kept in the keyring: {fields}.</source>
            <translation>Im Schlüsselbund aufbewahrt: {fields}.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Import a ShareX Custom Uploader</source>
            <translation>Benutzerdefinierten ShareX-Uploader importieren</translation>
        </message>
        <message>
            <location line="+1" />
            <source>ShareX custom uploaders (*.sxcu);;All files (*)</source>
            <translation>Benutzerdefinierte ShareX-Uploader (*.sxcu);;Alle Dateien (*)</translation>
        </message>
        <message>
            <location line="+16" />
            <source>The keyring could not be read</source>
            <translation>Der Schlüsselbund konnte nicht gelesen werden</translation>
        </message>
        <message>
            <location line="+20" />
            <source>The destination was not saved</source>
            <translation>Das Ziel wurde nicht gespeichert</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Saved the destination {name}</source>
            <translation>Ziel {name} gespeichert</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{name} (copy)</source>
            <translation>{name} (Kopie)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The destination was not duplicated</source>
            <translation>Das Ziel wurde nicht dupliziert</translation>
        </message>
        <message>
            <location line="+14" />
            <source>{name} is removed from your destinations. Links already uploaded keep working.</source>
            <translation>{name} wird aus Ihren Zielen entfernt. Bereits hochgeladene Links funktionieren weiter.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Its secrets are deleted from the keyring: {fields}.</source>
            <translation>Seine geheimen Werte werden aus dem Schlüsselbund gelöscht: {fields}.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Uploads go to ImagePipeline from now on.</source>
            <translation>Uploads gehen ab jetzt an ImagePipeline.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Remove {name}?</source>
            <translation>{name} entfernen?</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The destination was not removed</source>
            <translation>Das Ziel wurde nicht entfernt</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Removed {name}</source>
            <translation>{name} entfernt</translation>
        </message>
    </context>
    <context>
        <name>Dialogs</name>
        <message>
            <location filename="../uploader_gui/ui/base/dialogs.py" line="+39" />
            <source>Images ({patterns})</source>
            <translation>Bilder ({patterns})</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All files (*)</source>
            <translation>Alle Dateien (*)</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/modal_dialogs.py" line="+74" />
            <source>Add images</source>
            <translation>Bilder hinzufügen</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/main_window.py" line="+336" />
            <source>Quit uploader-gui?</source>
            <translation>uploader-gui beenden?</translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n upload(s) not finished. Quit and cancel them?</source>
            <translation>
                <numerusform>%n Upload ist nicht fertig. Beenden und abbrechen?</numerusform>
                <numerusform>%n Uploads sind nicht fertig. Beenden und abbrechen?</numerusform>
            </translation>
        </message>
        <message>
            <location line="+3" />
            <source>Quit and Cancel Uploads</source>
            <translation>Beenden und Uploads abbrechen</translation>
        </message>
    </context>
    <context>
        <name>DropArea</name>
        <message>
            <location filename="../uploader_gui/ui/uploads/drop_area.py" line="+24" />
            <source>Drop images here</source>
            <translation>Bilder hier ablegen</translation>
        </message>
        <message>
            <location line="+8" />
            <source>They upload at once, and each gets a public URL you can copy.
PNG, JPEG, WebP or GIF · folders too · Ctrl+V pastes an image</source>
            <translation>Sie werden sofort hochgeladen und erhalten je eine öffentliche URL zum Kopieren.
PNG, JPEG, WebP oder GIF · auch Ordner · Strg+V fügt ein Bild ein</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Choose images…</source>
            <translation>Bilder auswählen…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose image files to upload (Ctrl+O)</source>
            <translation>Bilddateien zum Hochladen auswählen (Strg+O)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose images to upload</source>
            <translation>Bilder zum Hochladen auswählen</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <location filename="../uploader_gui/core/client_reply.py" line="+88" />
            <source>{message}: {detail}</source>
            <comment>an error message, then the explanation the server gave (in its own words)</comment>
            <translation>{message}: {detail}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/client_transport.py" line="+67" />
            <location line="+3" />
            <source>the proxy cannot be used: {reason}</source>
            <translation>der Proxy kann nicht verwendet werden: {reason}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/client_reply.py" line="-32" />
            <location line="+13" />
            <source>the server's reply was far too long</source>
            <translation>die Antwort des Servers war viel zu lang</translation>
        </message>
        <message>
            <location line="-9" />
            <source>the server's reply is in an encoding it was not asked for</source>
            <translation>die Antwort des Servers ist in einer Kodierung, um die nicht gebeten wurde</translation>
        </message>
        <message>
            <location line="+11" />
            <source>the server's reply is damaged</source>
            <translation>die Antwort des Servers ist beschädigt</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/client_transport.py" line="+95" />
            <source>{host} did not answer in time through the proxy at {proxy} ({reason})</source>
            <translation>{host} hat über den Proxy {proxy} nicht rechtzeitig geantwortet ({reason})</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{host} did not answer in time ({reason})</source>
            <translation>{host} hat nicht rechtzeitig geantwortet ({reason})</translation>
        </message>
        <message>
            <location line="+3" />
            <source>could not connect to {host}: {reason}</source>
            <translation>keine Verbindung zu {host} möglich: {reason}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the connection to {host} broke: {reason}</source>
            <translation>die Verbindung zu {host} wurde unterbrochen: {reason}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>request to {host} failed: {reason}</source>
            <translation>Anfrage an {host} fehlgeschlagen: {reason}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/client_reply.py" line="+49" />
            <source>the API key was rejected (HTTP {status})</source>
            <translation>der API-Schlüssel wurde abgelehnt (HTTP {status})</translation>
        </message>
        <message>
            <location line="+6" />
            <source>the server timed out (HTTP 408)</source>
            <translation>Zeitüberschreitung beim Server (HTTP 408)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the file is too large for the service (HTTP 413)</source>
            <translation>die Datei ist zu groß für den Dienst (HTTP 413)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the service refused the file type</source>
            <translation>der Dienst hat den Dateityp abgelehnt</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the service rejected the upload</source>
            <translation>der Dienst hat den Upload abgelehnt</translation>
        </message>
        <message>
            <location line="+4" />
            <source>too many requests (HTTP 429)</source>
            <translation>zu viele Anfragen (HTTP 429)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>too many requests (HTTP 429); it asks to wait {seconds} s</source>
            <translation>zu viele Anfragen (HTTP 429); der Server bittet, {seconds} s zu warten</translation>
        </message>
        <message>
            <location line="+5" />
            <source>the server failed (HTTP {status})</source>
            <translation>Serverfehler (HTTP {status})</translation>
        </message>
        <message>
            <location line="+6" />
            <source>the server refused the upload (HTTP {status})</source>
            <translation>der Server hat den Upload abgelehnt (HTTP {status})</translation>
        </message>
        <message>
            <location line="+11" />
            <source>the server redirected to an invalid address (HTTP {status}); redirects are not followed so the API key stays with {host}</source>
            <translation>der Server hat auf eine ungültige Adresse weitergeleitet (HTTP {status}); Weiterleitungen werden nicht befolgt, damit der API-Schlüssel bei {host} bleibt</translation>
        </message>
        <message>
            <location line="+6" />
            <source>the server redirected to {target} (HTTP {status}); redirects are not followed so the API key stays with {host}</source>
            <translation>der Server hat auf {target} weitergeleitet (HTTP {status}); Weiterleitungen werden nicht befolgt, damit der API-Schlüssel bei {host} bleibt</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/config.py" line="+36" />
            <source>no API key given</source>
            <translation>kein API-Schlüssel angegeben</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the API key contains spaces or characters that cannot be sent; paste it again</source>
            <translation>der API-Schlüssel enthält Leerzeichen oder Zeichen, die nicht gesendet werden können; bitte erneut einfügen</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/errors.py" line="+71" />
            <source>not an image the service accepts: {detected}; allowed: PNG, JPEG, WebP, GIF</source>
            <translation>kein Bild, das der Dienst annimmt: {detected}; erlaubt: PNG, JPEG, WebP, GIF</translation>
        </message>
        <message>
            <location line="+11" />
            <source>the file changed while it was being uploaded</source>
            <translation>die Datei wurde während des Hochladens geändert</translation>
        </message>
        <message>
            <location line="+76" />
            <source>cancelled</source>
            <translation>abgebrochen</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/files.py" line="+44" />
            <source>not a regular file</source>
            <translation>keine reguläre Datei</translation>
        </message>
        <message>
            <location line="+1" />
            <source>this is a folder, not a file</source>
            <translation>dies ist ein Ordner, keine Datei</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the file does not exist (moved or deleted?)</source>
            <translation>die Datei existiert nicht (verschoben oder gelöscht?)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>permission denied: the file cannot be read</source>
            <translation>Zugriff verweigert: die Datei kann nicht gelesen werden</translation>
        </message>
        <message>
            <location line="+32" />
            <source>the file cannot be read: {reason}</source>
            <translation>die Datei kann nicht gelesen werden: {reason}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/prepare/convert.py" line="+82" />
            <source>not a format uploader-gui converts</source>
            <translation>kein Format, das uploader-gui umwandelt</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/prepare/converted.py" line="+54" />
            <source>the image cannot be read: {reason}</source>
            <translation>das Bild kann nicht gelesen werden: {reason}</translation>
        </message>
        <message>
            <location line="+16" />
            <source>the image has too many pixels: more than the {megapixels} megapixels uploader-gui converts or shrinks (it may be a decompression bomb)</source>
            <translation>das Bild hat zu viele Pixel: mehr als die {megapixels} Megapixel, die uploader-gui umwandelt oder verkleinert (möglicherweise eine Dekompressionsbombe)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>the image has too many pixels ({width} x {height}): more than the {megapixels} megapixels uploader-gui converts or shrinks (it may be a decompression bomb)</source>
            <translation>das Bild hat zu viele Pixel ({width} x {height}): mehr als die {megapixels} Megapixel, die uploader-gui umwandelt oder verkleinert (möglicherweise eine Dekompressionsbombe)</translation>
        </message>
        <message>
            <location line="-18" />
            <source>the image cannot be decoded: {reason}</source>
            <translation>das Bild kann nicht dekodiert werden: {reason}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/prepare/encode.py" line="+38" />
            <source>no free file name in {folder}</source>
            <translation>kein freier Dateiname in {folder}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/responses.py" line="+79" />
            <source>the server's reply was not JSON</source>
            <translation>die Antwort des Servers war kein JSON</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the server's reply was not a JSON object</source>
            <translation>die Antwort des Servers war kein JSON-Objekt</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the server's reply has no url</source>
            <translation>die Antwort des Servers enthält keine URL</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the server's reply has a url that cannot be used: {reason}</source>
            <translation>die Antwort des Servers enthält eine URL, die nicht verwendet werden kann: {reason}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/sniff.py" line="+65" />
            <source>a video or ISO media file</source>
            <translation>ein Video oder eine ISO-Mediendatei</translation>
        </message>
        <message>
            <location line="+13" />
            <source>an empty file</source>
            <translation>eine leere Datei</translation>
        </message>
        <message>
            <location line="+14" />
            <source>a ZIP archive</source>
            <translation>ein ZIP-Archiv</translation>
        </message>
        <message>
            <location line="+6" />
            <source>text</source>
            <translation>Text</translation>
        </message>
        <message>
            <location line="+1" />
            <source>unknown data</source>
            <translation>unbekannte Daten</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/picgo/messages.py" line="+109" />
            <location filename="../uploader_gui/core/sniff.py" line="+19" />
            <source>the file is empty</source>
            <translation>die Datei ist leer</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/upload_job.py" line="+245" />
            <source>unexpected error: {kind}</source>
            <translation>unerwarteter Fehler: {kind}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/urls.py" line="+43" />
            <source>not a valid API URL: {url}</source>
            <translation>keine gültige API-URL: {url}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the API URL must start with https:// and name a host (got {url})</source>
            <translation>die API-URL muss mit https:// beginnen und einen Host nennen (erhalten: {url})</translation>
        </message>
        <message>
            <location line="+6" />
            <source>the API URL must not contain a user name or password</source>
            <translation>die API-URL darf keinen Benutzernamen und kein Passwort enthalten</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the API URL must not contain a query or fragment</source>
            <translation>die API-URL darf keinen Query-Teil und kein Fragment enthalten</translation>
        </message>
        <message>
            <location line="+3" />
            <source>refusing to send the API key over plain http to {host}: use https:// (plain http is allowed only for localhost)</source>
            <translation>der API-Schlüssel wird nicht über unverschlüsseltes http an {host} gesendet: bitte https:// verwenden (unverschlüsseltes http ist nur für localhost erlaubt)</translation>
        </message>
        <message>
            <location line="+37" />
            <source>it is not text</source>
            <translation>sie ist kein Text</translation>
        </message>
        <message>
            <location line="+2" />
            <source>it is empty</source>
            <translation>sie ist leer</translation>
        </message>
        <message>
            <location line="+2" />
            <source>it is far too long</source>
            <translation>sie ist viel zu lang</translation>
        </message>
        <message>
            <location line="+6" />
            <source>it contains {character}, which a URL never holds raw</source>
            <translation>sie enthält {character}, das in einer URL nie unkodiert steht</translation>
        </message>
        <message>
            <location line="+7" />
            <source>it cannot be read as a URL</source>
            <translation>sie lässt sich nicht als URL lesen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>it is not an http(s) address</source>
            <translation>sie ist keine http(s)-Adresse</translation>
        </message>
        <message>
            <location line="+2" />
            <source>it carries a user name or password</source>
            <translation>sie enthält einen Benutzernamen oder ein Passwort</translation>
        </message>
        <message>
            <location line="+2" />
            <source>it names no valid host</source>
            <translation>sie nennt keinen gültigen Host</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/prepare/gif.py" line="+37" />
            <source>it does not start like a GIF</source>
            <translation>es beginnt nicht wie ein GIF</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../uploader_gui/core/prepare/jpeg.py" line="+64" />
            <location filename="../uploader_gui/core/prepare/png.py" line="+47" />
            <location filename="../uploader_gui/core/prepare/webp.py" line="+29" />
            <source>it ends without any picture data</source>
            <translation>es endet ohne Bilddaten</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/prepare/jpeg.py" line="-4" />
            <source>it does not start like a JPEG</source>
            <translation>es beginnt nicht wie ein JPEG</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the picture data comes before the frame header</source>
            <translation>die Bilddaten stehen vor dem Bildkopf</translation>
        </message>
        <message>
            <location line="+1" />
            <source>it has two frame headers</source>
            <translation>es hat zwei Bildköpfe</translation>
        </message>
        <message>
            <location line="+1" />
            <source>it has a second start marker inside the image</source>
            <translation>es hat eine zweite Startmarke mitten im Bild</translation>
        </message>
        <message>
            <location line="+2" />
            <source>a segment has an impossible length</source>
            <translation>ein Segment hat eine unmögliche Länge</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/prepare/metadata.py" line="+99" />
            <location filename="../uploader_gui/core/prepare/pipeline.py" line="+114" />
            <source>the image is damaged: {reason}</source>
            <translation>das Bild ist beschädigt: {reason}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/prepare/pipeline.py" line="-5" />
            <source>there was not enough memory to prepare this image</source>
            <translation>für die Vorbereitung dieses Bildes war nicht genug Speicher frei</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/prepare/png.py" line="-6" />
            <source>it does not start like a PNG</source>
            <translation>es beginnt nicht wie ein PNG</translation>
        </message>
        <message>
            <location line="+1" />
            <source>a chunk has an impossible name or length</source>
            <translation>ein Block hat einen unmöglichen Namen oder eine unmögliche Länge</translation>
        </message>
        <message>
            <location line="+1" />
            <source>a part of the picture is damaged (its checksum is wrong)</source>
            <translation>ein Teil des Bildes ist beschädigt (seine Prüfsumme stimmt nicht)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>it does not start with an image header</source>
            <translation>es beginnt nicht mit einem Bildkopf</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/prepare/source.py" line="+35" />
            <source>the file ends in the middle of the image</source>
            <translation>die Datei endet mitten im Bild</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the file changed while it was being prepared</source>
            <translation>die Datei hat sich während der Vorbereitung geändert</translation>
        </message>
        <message>
            <location line="+114" />
            <source>the prepared copy could not be written: {reason}</source>
            <translation>die vorbereitete Kopie konnte nicht geschrieben werden: {reason}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/prepare/webp.py" line="-1" />
            <source>it does not start like a WebP</source>
            <translation>es beginnt nicht wie ein WebP</translation>
        </message>
        <message>
            <location line="+2" />
            <source>its extended header is too short</source>
            <translation>sein erweiterter Kopf ist zu kurz</translation>
        </message>
    </context>
    <context>
        <name>History</name>
        <message>
            <location filename="../uploader_gui/core/history/safety.py" line="+72" />
            <source>it cannot be checked: {reason}</source>
            <translation>Prüfung nicht möglich: {reason}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>it is a link to {target}, outside {folder}</source>
            <translation>es ist ein Link auf {target} außerhalb von {folder}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>it is a link to {target}, which cannot be opened</source>
            <translation>es ist ein Link auf {target}; das Ziel kann nicht geöffnet werden</translation>
        </message>
        <message>
            <location line="+3" />
            <source>it is a link to {target}, which is not a regular file</source>
            <translation>es ist ein Link auf {target}; das Ziel ist keine reguläre Datei</translation>
        </message>
        <message>
            <location line="+4" />
            <source>it is a folder, not a file</source>
            <translation>es ist ein Ordner, keine Datei</translation>
        </message>
        <message>
            <location line="+2" />
            <source>it is not a regular file</source>
            <translation>es ist keine reguläre Datei</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{file} is a file, where a folder should be</source>
            <translation>{file} ist eine Datei, wo ein Ordner sein sollte</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{reason} ({file})</source>
            <comment>the system's reason, then the file it is about</comment>
            <translation>{reason} ({file})</translation>
        </message>
        <message>
            <location line="+12" />
            <source>the file is read-only</source>
            <translation>die Datei ist schreibgeschützt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the disk reported an error while writing</source>
            <translation>der Datenträger hat beim Schreiben einen Fehler gemeldet</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the disk is full</source>
            <translation>der Datenträger ist voll</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the file cannot be opened</source>
            <translation>die Datei kann nicht geöffnet werden</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/history/database.py" line="+246" />
            <source>the database is damaged ({check})</source>
            <translation>die Datenbank ist beschädigt ({check})</translation>
        </message>
        <message>
            <location line="-43" />
            <source>the history was written by a newer uploader-gui (schema {version})</source>
            <translation>der Verlauf wurde von einer neueren Version von uploader-gui geschrieben (Schema {version})</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/history/view.py" line="+64" />
            <source>{when} · Deleted from the server on {date}</source>
            <translation>{when} · Am {date} vom Server gelöscht</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{when} · Failed: {error}</source>
            <translation>{when} · Fehlgeschlagen: {error}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{when} · Cancelled</source>
            <translation>{when} · Abgebrochen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{when} · Uploading (see the Uploads tab)</source>
            <translation>{when} · Wird hochgeladen (siehe Reiter „Uploads“)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{when} · Not uploaded</source>
            <translation>{when} · Nicht hochgeladen</translation>
        </message>
        <message>
            <location line="+82" />
            <source>{name}: {status}
{path}</source>
            <translation>{name}: {status}
{path}</translation>
        </message>
        <message>
            <location line="+101" />
            <source>Search by file name or URL</source>
            <translation>Nach Dateiname oder URL suchen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Search history</source>
            <translation>Verlauf durchsuchen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Failed only</source>
            <translation>Nur fehlgeschlagene</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export…</source>
            <translation>Exportieren…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save the listed entries as CSV or JSON</source>
            <translation>Die angezeigten Einträge als CSV oder JSON speichern</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Clear All…</source>
            <translation>Alle löschen…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete the whole history</source>
            <translation>Den gesamten Verlauf löschen</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Upload history</source>
            <translation>Upload-Verlauf</translation>
        </message>
    </context>
    <context>
        <name>HistoryNotices</name>
        <message>
            <location filename="../uploader_gui/ui/notices/history.py" line="+23" />
            <source>The upload history cannot be used: {reason}.
This session's history is kept in memory only: files not yet uploaded are not listed again after a crash or quit, and this session's links are not kept. To fix it, make sure {folder} is a folder you can write to, then restart uploader-gui.</source>
            <translation>Der Upload-Verlauf kann nicht verwendet werden: {reason}.
Der Verlauf dieser Sitzung wird nur im Speicher gehalten: Noch nicht hochgeladene Dateien werden nach einem Absturz oder Beenden nicht erneut aufgeführt, und die Links dieser Sitzung werden nicht aufbewahrt. Zur Behebung sicherstellen, dass {folder} ein beschreibbarer Ordner ist, und uploader-gui dann neu starten.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>The upload history could not be read: {reason}.
It was set aside as {file} and a new, empty history was started in {folder}. Nothing else is affected.</source>
            <translation>Der Upload-Verlauf konnte nicht gelesen werden: {reason}.
Er wurde als {file} beiseitegelegt, und in {folder} wurde ein neuer, leerer Verlauf angelegt. Sonst ist nichts betroffen.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Dismiss</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <location line="+12" />
            <source>The upload history cannot be saved: {reason}.
Uploads go on, but files not yet uploaded are not listed again after a crash or quit, and new links are not kept in History. To fix it, free disk space or make {folder} writable, then restart uploader-gui.</source>
            <translation>Der Upload-Verlauf kann nicht gespeichert werden: {reason}.
Uploads laufen weiter, aber noch nicht hochgeladene Dateien werden nach einem Absturz oder Beenden nicht erneut aufgeführt, und neue Links werden nicht im Verlauf aufbewahrt. Zur Behebung Speicherplatz freigeben oder {folder} beschreibbar machen und uploader-gui dann neu starten.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Open Folder</source>
            <translation>Ordner öffnen</translation>
        </message>
        <message numerus="yes">
            <location line="+9" />
            <source>%n file from last time was not uploaded: uploader-gui stopped before sending it.</source>
            <translation>
                <numerusform>%n Datei vom letzten Mal wurde nicht hochgeladen: uploader-gui wurde vor dem Senden beendet.</numerusform>
                <numerusform>%n Dateien vom letzten Mal wurden nicht hochgeladen: uploader-gui wurde vor dem Senden beendet.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+7" />
            <source>%n files from last time were not uploaded: uploader-gui stopped before sending them.</source>
            <translation>
                <numerusform>%n Datei vom letzten Mal wurde nicht hochgeladen: uploader-gui wurde vor dem Senden beendet.</numerusform>
                <numerusform>%n Dateien vom letzten Mal wurden nicht hochgeladen: uploader-gui wurde vor dem Senden beendet.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+10" />
            <source>Send All</source>
            <translation>Alle senden</translation>
        </message>
    </context>
    <context>
        <name>Intake</name>
        <message>
            <location filename="../uploader_gui/ui/uploads/intake.py" line="+53" />
            <source>could not save the image to {path}</source>
            <translation>das Bild konnte nicht unter {path} gespeichert werden</translation>
        </message>
        <message numerus="yes">
            <location line="+38" />
            <source>Drop to upload %n item(s)</source>
            <translation>
                <numerusform>Ablegen, um %n Element hochzuladen</numerusform>
                <numerusform>Ablegen, um %n Elemente hochzuladen</numerusform>
            </translation>
        </message>
        <message>
            <location line="+2" />
            <source>Drop to add the destination in {name}</source>
            <translation>Ablegen, um das Ziel aus {name} hinzuzufügen</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Drop to upload {name}</source>
            <translation>Ablegen, um {name} hochzuladen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Drop to upload this image</source>
            <translation>Ablegen, um dieses Bild hochzuladen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Links can't be uploaded: drag the image file or the picture itself</source>
            <translation>Links können nicht hochgeladen werden: die Bilddatei oder das Bild selbst hierher ziehen</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Only image files, folders or pictures can be dropped here</source>
            <translation>Hier können nur Bilddateien, Ordner oder Bilder abgelegt werden</translation>
        </message>
        <message>
            <location line="+81" />
            <source>Could not read the dropped files: {error}</source>
            <translation>Die abgelegten Dateien konnten nicht gelesen werden: {error}</translation>
        </message>
        <message>
            <location line="+29" />
            <source>“{folder}”</source>
            <translation>„{folder}“</translation>
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>uploader-gui closed before you answered. {folders} holds %n image(s). Upload all of them?</source>
            <translation>
                <numerusform>uploader-gui wurde beendet, bevor die Frage beantwortet war. In {folders} befindet sich %n Bild. Hochladen?</numerusform>
                <numerusform>uploader-gui wurde beendet, bevor die Frage beantwortet war. In {folders} befinden sich %n Bilder. Alle hochladen?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+8" />
            <source>{folders} holds %n image(s). Upload all of them?</source>
            <translation>
                <numerusform>In {folders} befindet sich %n Bild. Hochladen?</numerusform>
                <numerusform>In {folders} befinden sich %n Bilder. Alle hochladen?</numerusform>
            </translation>
        </message>
        <message>
            <location line="+5" />
            <source>Upload a whole folder?</source>
            <translation>Einen ganzen Ordner hochladen?</translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>Upload %n Image(s)</source>
            <translation>
                <numerusform>%n Bild hochladen</numerusform>
                <numerusform>%n Bilder hochladen</numerusform>
            </translation>
        </message>
        <message>
            <location line="+5" />
            <source>No images found in {folders}</source>
            <translation>Keine Bilder gefunden in {folders}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Some folders could not be read: {folders}</source>
            <translation>Einige Ordner konnten nicht gelesen werden: {folders}</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Waiting for an API key before uploading</source>
            <translation>Vor dem Hochladen wird auf einen API-Schlüssel gewartet</translation>
        </message>
        <message>
            <location line="+31" />
            <source>Could not keep the image: {error}</source>
            <translation>Das Bild konnte nicht gespeichert werden: {error}</translation>
        </message>
        <message>
            <location line="+15" />
            <source>The clipboard holds no image or file to upload</source>
            <translation>Die Zwischenablage enthält kein Bild und keine Datei zum Hochladen</translation>
        </message>
    </context>
    <context>
        <name>KeyDialog</name>
        <message>
            <location filename="../uploader_gui/ui/destination/key_dialog.py" line="+39" />
            <location line="+61" />
            <location line="+1" />
            <source>API key</source>
            <translation>API-Schlüssel</translation>
        </message>
        <message>
            <location line="-33" />
            <source>Welcome! Paste your ImagePipeline API key to start uploading.</source>
            <translation>Willkommen! Fügen Sie Ihren ImagePipeline-API-Schlüssel ein, um mit dem Hochladen zu beginnen.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>The key is for {host}. It is kept in {keyring}, never in a file.</source>
            <translation>Der Schlüssel gilt für {host}. Er wird in {keyring} aufbewahrt, nie in einer Datei.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The key is for {host}. {no_keyring}</source>
            <translation>Der Schlüssel gilt für {host}. {no_keyring}</translation>
        </message>
        <message>
            <location line="+16" />
            <location line="+59" />
            <source>Show</source>
            <translation>Anzeigen</translation>
        </message>
        <message>
            <location line="-57" />
            <source>Show key</source>
            <translation>Schlüssel anzeigen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show or hide the key</source>
            <translation>Schlüssel anzeigen oder verbergen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Test key</source>
            <translation>Schlüssel testen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Ask the server whether it accepts this key</source>
            <translation>Beim Server nachfragen, ob er diesen Schlüssel akzeptiert</translation>
        </message>
        <message>
            <location line="-57" />
            <source>Key test result</source>
            <translation>Ergebnis des Schlüsseltests</translation>
        </message>
        <message>
            <location line="+71" />
            <source>Save to {keyring}</source>
            <translation>In {keyring} speichern</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Use for This Session</source>
            <translation>Nur für diese Sitzung</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Try the Sandbox</source>
            <translation>Sandbox ausprobieren</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Upload to a local test server instead: no account needed; its links work only on this computer while the app runs</source>
            <translation>Stattdessen auf einen lokalen Testserver hochladen: kein Konto nötig; die Links funktionieren nur auf diesem Computer, solange die App läuft</translation>
        </message>
        <message>
            <location line="+32" />
            <source>Hide</source>
            <translation>Verbergen</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Testing…</source>
            <translation>Wird getestet…</translation>
        </message>
    </context>
    <context>
        <name>Keyring</name>
        <message>
            <location filename="../uploader_gui/core/credentials.py" line="+40" />
            <source>from the environment ({variable})</source>
            <translation>aus der Umgebung ({variable})</translation>
        </message>
        <message>
            <location line="+3" />
            <source>for this session only (kept in memory)</source>
            <translation>nur für diese Sitzung (im Speicher gehalten)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>stored in {keyring}</source>
            <translation>gespeichert in {keyring}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>not set</source>
            <translation>nicht festgelegt</translation>
        </message>
        <message>
            <location line="+22" />
            <source>No secure keyring is available on this system (Secret Service, macOS Keychain or Windows Credential Locker), and uploader-gui never stores keys in plain text. The key can be used for this session only; to keep it, set {variable} in your environment.</source>
            <translation>Auf diesem System ist kein sicherer Schlüsselbund verfügbar (Secret Service, macOS Keychain oder Windows Credential Locker), und uploader-gui speichert Schlüssel nie als Klartext. Der Schlüssel kann nur für diese Sitzung verwendet werden; um ihn dauerhaft zu behalten, {variable} in der Umgebung setzen.</translation>
        </message>
        <message>
            <location line="+58" />
            <source>{keyring} is locked or could not be opened ({reason}). Unlock it (for example by logging in to your desktop session) and try again.</source>
            <translation>{keyring} ist gesperrt oder konnte nicht geöffnet werden ({reason}). Bitte entsperren (zum Beispiel durch Anmelden an der Desktop-Sitzung) und erneut versuchen.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{keyring} refused access to the key ({reason}).</source>
            <translation>{keyring} hat den Zugriff auf den Schlüssel verweigert ({reason}).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Could not talk to {keyring} over D-Bus ({reason}). Is the keyring service running?</source>
            <translation>Keine Verbindung zu {keyring} über D-Bus möglich ({reason}). Läuft der Schlüsselbund-Dienst?</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{keyring} failed: {reason}</source>
            <translation>Fehler in {keyring}: {reason}</translation>
        </message>
        <message>
            <location line="+29" />
            <location line="+6" />
            <source>the system keyring</source>
            <translation>Systemschlüsselbund</translation>
        </message>
        <message>
            <location line="-4" />
            <source>no secure keyring</source>
            <translation>kein sicherer Schlüsselbund</translation>
        </message>
    </context>
    <context>
        <name>Keys</name>
        <message>
            <location filename="../uploader_gui/ui/destination/keys.py" line="+212" />
            <source>Waiting for a usable API URL: {reason}</source>
            <translation>Warten auf eine verwendbare API-URL: {reason}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Uploads are on hold: the API URL from {option} or {variable} can't be used. Start uploader-gui with another one.
{reason}.</source>
            <translation>Uploads sind angehalten: Die API-URL aus {option} oder {variable} kann nicht verwendet werden. uploader-gui bitte mit einer anderen starten.
{reason}.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Uploads are on hold: the API URL from Settings can't be used.
{reason}.</source>
            <translation>Uploads sind angehalten: Die API-URL aus den Einstellungen kann nicht verwendet werden.
{reason}.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Open Settings</source>
            <translation>Einstellungen öffnen</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/destination/sandbox.py" line="+35" />
            <source>Sandbox mode: uploads go to a local test server at {url}. No account is needed; its links work only on this computer while the app runs.</source>
            <translation>Sandbox-Modus: Uploads gehen an einen lokalen Testserver unter {url}. Es wird kein Konto benötigt; die Links funktionieren nur auf diesem Computer, solange die App läuft.</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/destination/keys.py" line="+53" />
            <source>The keyring could not be read: {error}</source>
            <translation>Der Schlüsselbund konnte nicht gelesen werden: {error}</translation>
        </message>
        <message>
            <location line="+16" />
            <source>The key comes from {variable}; change it there</source>
            <translation>Der Schlüssel stammt aus {variable}; bitte dort ändern</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Paste a new API key.</source>
            <translation>Einen neuen API-Schlüssel einfügen.</translation>
        </message>
        <message>
            <location line="+18" />
            <source>No API key: dropped files wait until you set one (Settings ▸ API Key…)</source>
            <translation>Kein API-Schlüssel: Abgelegte Dateien warten, bis einer festgelegt ist (Einstellungen ▸ API-Schlüssel…)</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/destination/api_key.py" line="+149" />
            <location filename="../uploader_gui/ui/destination/keys.py" line="+7" />
            <source>the API URL cannot be used</source>
            <translation>die API-URL kann nicht verwendet werden</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/destination/keys.py" line="+9" />
            <source>Using the key for this session only</source>
            <translation>Der Schlüssel wird nur für diese Sitzung verwendet</translation>
        </message>
        <message>
            <location line="+11" />
            <source>The API key was rejected by the server. Paste a valid key.</source>
            <translation>Der API-Schlüssel wurde vom Server abgelehnt. Bitte einen gültigen Schlüssel einfügen.</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/destination/api_key.py" line="-80" />
            <source>The API key is saved in {keyring}</source>
            <translation>Der API-Schlüssel ist in {keyring} gespeichert</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The key was not saved</source>
            <translation>Der Schlüssel wurde nicht gespeichert</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{error}

The key will be used until you quit uploader-gui.</source>
            <translation>{error}

Der Schlüssel wird verwendet, bis uploader-gui beendet wird.</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/destination/proxy_passwords.py" line="+42" />
            <source>The proxy's password is saved in {keyring}</source>
            <translation>Das Proxy-Passwort ist in {keyring} gespeichert</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The proxy's password was not saved</source>
            <translation>Das Proxy-Passwort wurde nicht gespeichert</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{error}

It will be used until you quit uploader-gui.</source>
            <translation>{error}

Es wird verwendet, bis uploader-gui beendet wird.</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/destination/api_key.py" line="+15" />
            <source>The key for {host} will be deleted from {keyring}.</source>
            <translation>Der Schlüssel für {host} wird aus {keyring} gelöscht.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The key for {host} will be deleted from this session.</source>
            <translation>Der Schlüssel für {host} wird aus dieser Sitzung gelöscht.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Remove the API key?</source>
            <translation>API-Schlüssel entfernen?</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Remove Key</source>
            <translation>Schlüssel entfernen</translation>
        </message>
        <message>
            <location line="+12" />
            <source>The key was not removed</source>
            <translation>Der Schlüssel wurde nicht entfernt</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The key for {host} was removed</source>
            <translation>Der Schlüssel für {host} wurde entfernt</translation>
        </message>
        <message>
            <location line="+9" />
            <source>The sandbox needs no key.</source>
            <translation>Die Sandbox braucht keinen Schlüssel.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>not used</source>
            <translation>nicht verwendet</translation>
        </message>
        <message>
            <location line="+7" />
            <source>no secure keyring</source>
            <translation>kein sicherer Schlüsselbund</translation>
        </message>
        <message>
            <location line="+2" />
            <source>not checked yet</source>
            <translation>noch nicht geprüft</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Key for {host}: {source}.</source>
            <translation>Schlüssel für {host}: {source}.</translation>
        </message>
        <message>
            <location line="+24" />
            <source>✓ {host} accepts this key.</source>
            <translation>✓ {host} akzeptiert diesen Schlüssel.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>✗ {host} rejected this key.</source>
            <translation>✗ {host} hat diesen Schlüssel abgelehnt.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Could not check the key: {error}</source>
            <translation>Der Schlüssel konnte nicht geprüft werden: {error}</translation>
        </message>
    </context>
    <context>
        <name>Language</name>
        <message>
            <location filename="../uploader_gui/ui/base/language.py" line="+28" />
            <source>System language</source>
            <translation>Systemsprache</translation>
        </message>
    </context>
    <context>
        <name>LinkFormats</name>
        <message>
            <location filename="../uploader_gui/core/links.py" line="+70" />
            <source>URL</source>
            <translation>URL</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Markdown</source>
            <translation>Markdown</translation>
        </message>
        <message>
            <location line="+1" />
            <source>HTML</source>
            <translation>HTML</translation>
        </message>
        <message>
            <location line="+1" />
            <source>BBCode</source>
            <translation>BBCode</translation>
        </message>
        <message>
            <location line="+1" />
            <source>JSON string</source>
            <translation>JSON-String</translation>
        </message>
    </context>
    <context>
        <name>Links</name>
        <message>
            <location filename="../uploader_gui/ui/links/service.py" line="+149" />
            <source>Nothing to copy: no finished upload selected</source>
            <translation>Nichts zu kopieren: kein fertiger Upload ausgewählt</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Copied {name} as {format}</source>
            <translation>{name} als {format} kopiert</translation>
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>Copied %n link(s) as {format}</source>
            <translation>
                <numerusform>%n Link als {format} kopiert</numerusform>
                <numerusform>%n Links als {format} kopiert</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+60" />
            <source>Uploaded: %n link(s) copied to the clipboard as {format}</source>
            <translation>
                <numerusform>Hochgeladen: %n Link als {format} in die Zwischenablage kopiert</numerusform>
                <numerusform>Hochgeladen: %n Links als {format} in die Zwischenablage kopiert</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>{copied}; %n failed</source>
            <translation>
                <numerusform>{copied}; %n fehlgeschlagen</numerusform>
                <numerusform>{copied}; %n fehlgeschlagen</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Network</name>
        <message>
            <location filename="../uploader_gui/platform/linux/gnome_proxy.py" line="+24" />
            <source>the GNOME proxy settings</source>
            <translation>die GNOME-Proxy-Einstellungen</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/network/proxy.py" line="+36" />
            <source>the proxy set in Settings</source>
            <translation>der in den Einstellungen festgelegte Proxy</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the proxy's port must be a number from 1 to 65535</source>
            <translation>der Port des Proxys muss eine Zahl von 1 bis 65535 sein</translation>
        </message>
        <message>
            <location line="+34" />
            <source>the proxy at {address} would receive its password in clear text (its address starts with http:// or socks5://): only an https:// proxy keeps it private. To send it anyway, allow it for this proxy in Settings ▸ Network (or give --allow-plain-proxy-password)</source>
            <translation>der Proxy {address} würde sein Passwort unverschlüsselt erhalten (seine Adresse beginnt mit http:// oder socks5://): nur ein https://-Proxy hält es geheim. Um es trotzdem zu senden, erlauben Sie es für diesen Proxy unter Einstellungen ▸ Netzwerk (oder mit --allow-plain-proxy-password)</translation>
        </message>
        <message>
            <location line="+33" />
            <source>enter the proxy's address, for example http://proxy.example:3128</source>
            <translation>die Adresse des Proxys eingeben, zum Beispiel http://proxy.example:3128</translation>
        </message>
        <message>
            <location line="+11" />
            <source>a proxy address starts with http://, https://, socks5:// or socks5h:// (not {scheme}://)</source>
            <translation>eine Proxy-Adresse beginnt mit http://, https://, socks5:// oder socks5h:// (nicht {scheme}://)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>the proxy address has no host name</source>
            <translation>die Proxy-Adresse enthält keinen Hostnamen</translation>
        </message>
        <message>
            <location line="+3" />
            <source>a proxy address is only a host and a port, with no path</source>
            <translation>eine Proxy-Adresse besteht nur aus Host und Port, ohne Pfad</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the proxy address contains spaces or control characters</source>
            <translation>die Proxy-Adresse enthält Leerzeichen oder Steuerzeichen</translation>
        </message>
        <message>
            <location line="+123" />
            <source>{variable} is not a usable proxy address: {reason}</source>
            <translation>{variable} ist keine verwendbare Proxy-Adresse: {reason}</translation>
        </message>
        <message>
            <location line="+71" />
            <source>the proxy at {address} refused the connection ({kind}: it wants a user name and password)</source>
            <translation>der Proxy unter {address} hat die Verbindung abgelehnt ({kind}: er verlangt Benutzername und Passwort)</translation>
        </message>
        <message>
            <location line="+11" />
            <source>the proxy at {address} refused the connection (HTTP {status})</source>
            <translation>der Proxy unter {address} hat die Verbindung abgelehnt (HTTP {status})</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the proxy at {address} refused the connection (HTTP {status}: {reason})</source>
            <translation>der Proxy unter {address} hat die Verbindung abgelehnt (HTTP {status}: {reason})</translation>
        </message>
        <message>
            <location line="+7" />
            <source>the proxy at {address} could not reach the API host (no reason given)</source>
            <translation>der Proxy unter {address} konnte den API-Host nicht erreichen (kein Grund angegeben)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the proxy at {address} could not reach the API host ({reason})</source>
            <translation>der Proxy unter {address} konnte den API-Host nicht erreichen ({reason})</translation>
        </message>
        <message>
            <location line="+5" />
            <source>the proxy at {address} failed</source>
            <translation>Fehler beim Proxy unter {address}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the proxy at {address} failed: {reason}</source>
            <translation>Fehler beim Proxy unter {address}: {reason}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>the proxy at {address} refused the connection ({kind}: it did not accept the user name and password)</source>
            <translation>der Proxy unter {address} hat die Verbindung abgelehnt ({kind}: Benutzername und Passwort wurden nicht akzeptiert)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>could not connect to the proxy at {address} (from {source}): {reason}</source>
            <translation>keine Verbindung zum Proxy unter {address} möglich (Quelle: {source}): {reason}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/network/tls.py" line="+43" />
            <source>the certificate of {host} is not trusted: it is self-signed, so nobody vouches for it. If your company inspects HTTPS traffic, ask IT to install its root certificate in the system.</source>
            <translation>das Zertifikat von {host} ist nicht vertrauenswürdig: Es ist selbstsigniert, also bürgt niemand dafür. Wenn Ihre Firma HTTPS-Verkehr prüft, bitten Sie die IT, ihr Stammzertifikat im System zu installieren.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>the certificate of {host} is not trusted: it was issued by an unknown authority. If your company inspects HTTPS traffic, ask IT to install its root certificate in the system.</source>
            <translation>das Zertifikat von {host} ist nicht vertrauenswürdig: Es wurde von einer unbekannten Stelle ausgestellt. Wenn Ihre Firma HTTPS-Verkehr prüft, bitten Sie die IT, ihr Stammzertifikat im System zu installieren.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>the certificate of {host} has expired, so the connection is not safe. If the computer's date is right, the service must renew its certificate.</source>
            <translation>das Zertifikat von {host} ist abgelaufen, die Verbindung ist also nicht sicher. Wenn das Datum des Computers stimmt, muss der Dienst sein Zertifikat erneuern.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>the certificate of {host} is not valid yet. Check the computer's date and time.</source>
            <translation>das Zertifikat von {host} ist noch nicht gültig. Bitte Datum und Uhrzeit des Computers prüfen.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>the certificate presented for {host} belongs to another name, so the connection may not reach the real {host}. Check the API address.</source>
            <translation>das für {host} vorgelegte Zertifikat gehört zu einem anderen Namen, die Verbindung erreicht also möglicherweise nicht den echten {host}. Bitte die API-Adresse prüfen.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>the certificate of {host} could not be verified, so the connection is not safe</source>
            <translation>das Zertifikat von {host} konnte nicht überprüft werden, die Verbindung ist also nicht sicher</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/client_transport.py" line="-84" />
            <source>the proxy cannot be used: {address} is not a valid address</source>
            <translation>der Proxy kann nicht verwendet werden: {address} ist keine gültige Adresse</translation>
        </message>
        <message>
            <location line="+57" />
            <source>The proxy at {proxy} is reached over HTTPS too: its own certificate may be the one refused.</source>
            <translation>Der Proxy unter {proxy} wird ebenfalls über HTTPS erreicht: Möglicherweise wurde sein eigenes Zertifikat abgelehnt.</translation>
        </message>
    </context>
    <context>
        <name>Notices</name>
        <message>
            <location filename="../uploader_gui/ui/notices/network.py" line="+20" />
            <source>Uploads cannot reach the service: {reason}</source>
            <translation>Uploads erreichen den Dienst nicht: {reason}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Network Settings</source>
            <translation>Netzwerkeinstellungen</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/base/report.py" line="+47" />
            <source>Information</source>
            <translation>Information</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Warning</source>
            <translation>Warnung</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Error</source>
            <translation>Fehler</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/notices/bar.py" line="+100" />
            <source>{severity}: {text}</source>
            <translation>{severity}: {text}</translation>
        </message>
        <message>
            <location line="+36" />
            <source>Notices</source>
            <translation>Hinweise</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/notices/single_instance.py" line="+19" />
            <source>Dismiss</source>
            <translation>Ausblenden</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Another user's file is in the way of the single-window hand-off ({path}): this window works on its own, and files you open later get windows of their own.</source>
            <translation>Eine Datei eines anderen Benutzers steht der Übergabe an ein einziges Fenster im Weg ({path}): Dieses Fenster arbeitet für sich, und später geöffnete Dateien bekommen eigene Fenster.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{path} is not a private folder (it is a link or a file, or other users may open it), so the single-window hand-off is off: this window works on its own. Remove it, and the next start makes it anew.</source>
            <translation>{path} ist kein privater Ordner (es ist ein Link oder eine Datei, oder andere Benutzer können ihn öffnen), daher ist die Übergabe an ein einziges Fenster aus: Dieses Fenster arbeitet für sich. Entfernen Sie ihn, dann legt der nächste Start ihn neu an.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The single-window hand-off cannot use {path} ({reason}): this window works on its own.</source>
            <translation>Die Übergabe an ein einziges Fenster kann {path} nicht verwenden ({reason}): Dieses Fenster arbeitet für sich.</translation>
        </message>
    </context>
    <context>
        <name>Notifications</name>
        <message numerus="yes">
            <location filename="../uploader_gui/ui/notices/notifications.py" line="+28" />
            <source>%n image(s) uploaded</source>
            <translation>
                <numerusform>%n Bild hochgeladen</numerusform>
                <numerusform>%n Bilder hochgeladen</numerusform>
            </translation>
        </message>
        <message>
            <location line="+2" />
            <source>{uploaded}, {failed}</source>
            <translation>{uploaded}, {failed}</translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n failed</source>
            <translation>
                <numerusform>%n fehlgeschlagen</numerusform>
                <numerusform>%n fehlgeschlagen</numerusform>
            </translation>
        </message>
        <message>
            <location line="+4" />
            <source>{name}: {reason}</source>
            <translation>{name}: {reason}</translation>
        </message>
        <message numerus="yes">
            <location line="+7" />
            <source>and %n more</source>
            <translation>
                <numerusform>und %n weitere Datei</numerusform>
                <numerusform>und %n weitere Dateien</numerusform>
            </translation>
        </message>
        <message>
            <location line="+3" />
            <source>{uploaded}; links copied</source>
            <translation>{uploaded}; Links kopiert</translation>
        </message>
        <message>
            <location filename="../uploader_gui/platform/linux/dbus_notifications.py" line="+54" />
            <source>Show</source>
            <translation>Anzeigen</translation>
        </message>
    </context>
    <context>
        <name>Pages</name>
        <message>
            <location filename="../uploader_gui/ui/uploads/page.py" line="+59" />
            <source>Uploads</source>
            <translation>Uploads</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/history/page.py" line="+150" />
            <location filename="../uploader_gui/ui/uploads/page.py" line="+31" />
            <source>Not copied: deleted from the server, the link is dead</source>
            <translation>Nicht kopiert: vom Server gelöscht, der Link funktioniert nicht mehr</translation>
        </message>
        <message numerus="yes">
            <location line="+26" />
            <source>All %n entry and their thumbnails will be deleted. Uploaded images stay online.</source>
            <translation>
                <numerusform>%n Eintrag und sein Vorschaubild werden gelöscht. Hochgeladene Bilder bleiben online.</numerusform>
                <numerusform>Alle %n Einträge und ihre Vorschaubilder werden gelöscht. Hochgeladene Bilder bleiben online.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+8" />
            <source>All %n entries and their thumbnails will be deleted. Uploaded images stay online.</source>
            <translation>
                <numerusform>%n Eintrag und sein Vorschaubild werden gelöscht. Hochgeladene Bilder bleiben online.</numerusform>
                <numerusform>Alle %n Einträge und ihre Vorschaubilder werden gelöscht. Hochgeladene Bilder bleiben online.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+9" />
            <source>Clear the upload history?</source>
            <translation>Upload-Verlauf leeren?</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Clear History</source>
            <translation>Verlauf leeren</translation>
        </message>
        <message>
            <location line="+9" />
            <source>The history was not changed</source>
            <translation>Der Verlauf wurde nicht geändert</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Export history</source>
            <translation>Verlauf exportieren</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{file}: {error}</source>
            <translation>{file}: {error}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export failed</source>
            <translation>Export fehlgeschlagen</translation>
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>Exported %n entry to {file}</source>
            <translation>
                <numerusform>%n Eintrag nach {file} exportiert</numerusform>
                <numerusform>%n Einträge nach {file} exportiert</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>Exported %n entries to {file}</source>
            <translation>
                <numerusform>%n Eintrag nach {file} exportiert</numerusform>
                <numerusform>%n Einträge nach {file} exportiert</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PicGo</name>
        <message>
            <location filename="../uploader_gui/core/picgo/messages.py" line="-95" />
            <source>refused: this server answers only 127.0.0.1 and localhost</source>
            <translation>abgelehnt: Dieser Server antwortet nur auf 127.0.0.1 und localhost</translation>
        </message>
        <message>
            <location line="+4" />
            <source>refused: requests from web pages are not accepted</source>
            <translation>abgelehnt: Anfragen von Webseiten werden nicht angenommen</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the key is missing or wrong: add ?key=… to the address, as set in uploader-gui</source>
            <translation>der Schlüssel fehlt oder ist falsch: Hängen Sie ?key=… an die Adresse an, wie in uploader-gui festgelegt</translation>
        </message>
        <message>
            <location line="+6" />
            <source>unknown address: images are sent with POST /upload</source>
            <translation>unbekannte Adresse: Bilder werden mit POST /upload gesendet</translation>
        </message>
        <message>
            <location line="+4" />
            <source>only POST is accepted here</source>
            <translation>hier wird nur POST angenommen</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the body must be JSON, multipart/form-data, or empty (for the clipboard)</source>
            <translation>der Inhalt der Anfrage muss JSON, multipart/form-data oder leer (für die Zwischenablage) sein</translation>
        </message>
        <message>
            <location line="+6" />
            <source>the request must give its length (Content-Length)</source>
            <translation>die Anfrage muss ihre Länge angeben (Content-Length)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the request is too large: at most {size}</source>
            <translation>die Anfrage ist zu groß: höchstens {size}</translation>
        </message>
        <message numerus="yes">
            <location line="+5" />
            <source>too many images in one request: at most %n</source>
            <translation>
                <numerusform>zu viele Bilder in einer Anfrage: höchstens %n</numerusform>
                <numerusform>zu viele Bilder in einer Anfrage: höchstens %n</numerusform>
            </translation>
        </message>
        <message>
            <location line="+4" />
            <source>the body is not JSON with a list of paths</source>
            <translation>der Inhalt der Anfrage ist kein JSON mit einer Liste von Pfaden</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the form data could not be read</source>
            <translation>die Formulardaten konnten nicht gelesen werden</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the form holds no image: send files under the field list or files</source>
            <translation>das Formular enthält kein Bild: Senden Sie Dateien im Feld list oder files</translation>
        </message>
        <message>
            <location line="+4" />
            <source>a file was sent under the field {name}: use list or files</source>
            <translation>eine Datei wurde im Feld {name} gesendet: Verwenden Sie list oder files</translation>
        </message>
        <message>
            <location line="+5" />
            <source>the request could not be read</source>
            <translation>die Anfrage konnte nicht gelesen werden</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the request did not arrive in time</source>
            <translation>die Anfrage ist nicht rechtzeitig angekommen</translation>
        </message>
        <message>
            <location line="+4" />
            <source>uploader-gui is stopping</source>
            <translation>uploader-gui wird beendet</translation>
        </message>
        <message>
            <location line="+4" />
            <source>uploader-gui could not upload: {reason}</source>
            <translation>uploader-gui konnte nicht hochladen: {reason}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>uploader-gui gave no result for this image</source>
            <translation>uploader-gui hat für dieses Bild kein Ergebnis geliefert</translation>
        </message>
        <message>
            <location line="+4" />
            <source>not an absolute path</source>
            <translation>kein absoluter Pfad</translation>
        </message>
        <message>
            <location line="+4" />
            <source>not a valid path</source>
            <translation>kein gültiger Pfad</translation>
        </message>
        <message>
            <location line="+4" />
            <source>a web address: only files on this computer are uploaded</source>
            <translation>eine Webadresse: Nur Dateien auf diesem Computer werden hochgeladen</translation>
        </message>
        <message>
            <location line="+4" />
            <source>not an image ({kind})</source>
            <translation>kein Bild ({kind})</translation>
        </message>
        <message>
            <location line="+9" />
            <source>larger than {size}</source>
            <translation>größer als {size}</translation>
        </message>
        <message numerus="yes">
            <location line="+7" />
            <source>%n image(s) not uploaded</source>
            <translation>
                <numerusform>%n Bild nicht hochgeladen</numerusform>
                <numerusform>%n Bilder nicht hochgeladen</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/picgo/server.py" line="+51" />
            <source>port {port} is already in use (is PicGo or PicList running?): quit it or choose another port</source>
            <translation>Port {port} wird bereits verwendet (läuft PicGo oder PicList?): Beenden Sie das Programm oder wählen Sie einen anderen Port</translation>
        </message>
        <message>
            <location line="+6" />
            <source>cannot listen on port {port}: {reason}</source>
            <translation>Port {port} kann nicht geöffnet werden: {reason}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/sources/picgo_bridge.py" line="+51" />
            <source>uploader-gui is closing</source>
            <translation>uploader-gui wird beendet</translation>
        </message>
        <message>
            <location line="+36" />
            <source>a .sxcu file is a ShareX destination, not an image</source>
            <translation>eine .sxcu-Datei ist ein ShareX-Ziel, kein Bild</translation>
        </message>
        <message>
            <location line="+34" />
            <source>uploader-gui cannot upload yet (no API key, or uploads on hold): see its window</source>
            <translation>uploader-gui kann noch nicht hochladen (kein API-Schlüssel oder Uploads angehalten): siehe sein Fenster</translation>
        </message>
        <message>
            <location line="+18" />
            <source>the clipboard holds no image or image file</source>
            <translation>die Zwischenablage enthält kein Bild und keine Bilddatei</translation>
        </message>
        <message numerus="yes">
            <location line="+9" />
            <source>Another app sent %n image(s) to upload</source>
            <translation>
                <numerusform>Eine andere App hat %n Bild zum Hochladen gesendet</numerusform>
                <numerusform>Eine andere App hat %n Bilder zum Hochladen gesendet</numerusform>
            </translation>
        </message>
        <message>
            <location line="+37" />
            <source>cancelled in uploader-gui</source>
            <translation>in uploader-gui abgebrochen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>not uploaded</source>
            <translation>nicht hochgeladen</translation>
        </message>
        <message>
            <location line="+4" />
            <source>removed from uploader-gui's list before it finished</source>
            <translation>aus der Liste von uploader-gui entfernt, bevor es fertig war</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/sources/picgo_service.py" line="+79" />
            <source>Other apps cannot upload through uploader-gui: {reason}</source>
            <translation>Andere Apps können nicht über uploader-gui hochladen: {reason}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Other apps can upload through {url}</source>
            <translation>Andere Apps können über {url} hochladen</translation>
        </message>
    </context>
    <context>
        <name>Preferences</name>
        <message>
            <location filename="../uploader_gui/ui/settings/preferences.py" line="+104" />
            <source>sandbox mode</source>
            <translation>den Sandbox-Modus</translation>
        </message>
        <message>
            <location line="+2" />
            <source>--api-url or IMAGEPIPELINE_API_URL</source>
            <translation>--api-url oder IMAGEPIPELINE_API_URL</translation>
        </message>
        <message>
            <location line="-19" />
            <source>The new language applies when uploader-gui starts again</source>
            <translation>Die neue Sprache gilt ab dem nächsten Start von uploader-gui</translation>
        </message>
        <message>
            <location line="+67" />
            <source>Send the Proxy Password Unencrypted?</source>
            <translation>Proxy-Passwort unverschlüsselt senden?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The proxy at {address} asks for a password, and its address starts with http:// or socks5://: the password would cross the network unencrypted, where others on the way can read it (the uploads themselves stay encrypted). An https:// proxy address would keep it private. Send it to this proxy anyway?</source>
            <translation>Der Proxy {address} verlangt ein Passwort, und seine Adresse beginnt mit http:// oder socks5://: Das Passwort würde unverschlüsselt über das Netz gehen, wo andere auf dem Weg es lesen können (die Uploads selbst bleiben verschlüsselt). Eine https://-Proxyadresse würde es geheim halten. Trotzdem an diesen Proxy senden?</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Send It to This Proxy</source>
            <translation>An diesen Proxy senden</translation>
        </message>
        <message>
            <location line="+20" />
            <source>The templates were not saved</source>
            <translation>Die Vorlagen wurden nicht gespeichert</translation>
        </message>
    </context>
    <context>
        <name>Prepare</name>
        <message>
            <location filename="../uploader_gui/core/prepare/fields.py" line="+15" />
            <source>location</source>
            <translation>Standort</translation>
        </message>
        <message>
            <location line="+1" />
            <source>camera serial</source>
            <translation>Seriennummer der Kamera</translation>
        </message>
        <message>
            <location line="+1" />
            <source>owner</source>
            <translation>Besitzer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>dates</source>
            <translation>Datumsangaben</translation>
        </message>
        <message>
            <location line="+1" />
            <source>camera make and model</source>
            <translation>Kamerahersteller und -modell</translation>
        </message>
        <message>
            <location line="+1" />
            <source>maker notes</source>
            <translation>Herstellernotizen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>EXIF thumbnail</source>
            <translation>EXIF-Vorschaubild</translation>
        </message>
        <message>
            <location line="+3" />
            <source>extra images</source>
            <translation>zusätzliche Bilder</translation>
        </message>
        <message>
            <location line="+3" />
            <source>hidden data after the image</source>
            <translation>versteckte Daten nach dem Bild</translation>
        </message>
        <message>
            <location line="+3" />
            <source>preview image</source>
            <translation>Vorschaubild</translation>
        </message>
        <message>
            <location line="+1" />
            <source>XMP</source>
            <translation>XMP</translation>
        </message>
        <message>
            <location line="+1" />
            <source>IPTC</source>
            <translation>IPTC</translation>
        </message>
        <message>
            <location line="+1" />
            <source>comment</source>
            <translation>Kommentar</translation>
        </message>
        <message>
            <location line="+1" />
            <source>text</source>
            <translation>Text</translation>
        </message>
        <message>
            <location line="+1" />
            <source>other EXIF</source>
            <translation>sonstige EXIF-Daten</translation>
        </message>
        <message>
            <location line="+1" />
            <source>other data</source>
            <translation>sonstige Daten</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/prepare/metadata.py" line="-20" />
            <source>no personal metadata found</source>
            <translation>keine persönlichen Metadaten gefunden</translation>
        </message>
        <message>
            <location line="+10" />
            <source>{group} removed</source>
            <translation>{group} entfernt</translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>{group} and %n other field(s) removed</source>
            <translation>
                <numerusform>{group} und %n weiteres Feld entfernt</numerusform>
                <numerusform>{group} und %n weitere Felder entfernt</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/prepare/pipeline.py" line="-47" />
            <source>converted from {format}</source>
            <translation>aus {format} umgewandelt</translation>
        </message>
        <message>
            <location line="+4" />
            <source>resized from {width} × {height}</source>
            <translation>verkleinert von {width} × {height}</translation>
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>{format} with %n page(s): only the first was sent</source>
            <translation>
                <numerusform>{format} mit %n Seite: nur die erste wurde gesendet</numerusform>
                <numerusform>{format} mit %n Seiten: nur die erste wurde gesendet</numerusform>
            </translation>
        </message>
        <message>
            <location line="+5" />
            <source>an animated {format} is sent at its own size</source>
            <translation>ein animiertes {format} wird in seiner Größe gesendet</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../uploader_gui/ui/settings/dialog.py" line="+72" />
            <source>Settings</source>
            <translation>Einstellungen</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Screenshots and other apps</source>
            <translation>Bildschirmfotos und andere Apps</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;General</source>
            <translation>&amp;Allgemein</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Images</source>
            <translation>&amp;Bilder</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Copying</source>
            <translation>&amp;Kopieren</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Network</source>
            <translation>&amp;Netzwerk</translation>
        </message>
        <message>
            <location line="+29" />
            <source>API key</source>
            <translation>API-Schlüssel</translation>
        </message>
        <message>
            <location line="+8" />
            <location line="+109" />
            <source>Set Key…</source>
            <translation>Schlüssel festlegen…</translation>
        </message>
        <message>
            <location line="-107" />
            <source>Remove Key</source>
            <translation>Schlüssel entfernen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Delete the key from the keyring</source>
            <translation>Den Schlüssel aus dem Schlüsselbund löschen</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Press OK to switch to the new API URL; its key comes next.</source>
            <translation>OK drücken, um zur neuen API-URL zu wechseln; danach folgt ihr Schlüssel.</translation>
        </message>
        <message>
            <location line="-63" />
            <source>Uploads</source>
            <translation>Uploads</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/base/settings_table.py" line="+63" />
            <source>How many files upload at once (applies to the next uploads)</source>
            <translation>Wie viele Dateien gleichzeitig hochgeladen werden (gilt für die nächsten Uploads)</translation>
        </message>
        <message>
            <location line="-1" />
            <source>&amp;Parallel uploads:</source>
            <translation>&amp;Gleichzeitige Uploads:</translation>
        </message>
        <message>
            <location line="+8" />
            <source>How often a rate-limited or failed upload is tried again</source>
            <translation>Wie oft ein gedrosselter oder fehlgeschlagener Upload erneut versucht wird</translation>
        </message>
        <message>
            <location line="-1" />
            <source>&amp;Retries:</source>
            <translation>&amp;Wiederholungen:</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Reuse the link of a file already uploaded</source>
            <translation>Link bereits hochgeladener Dateien wiederverwenden</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A file whose bytes were uploaded to this API before gets its earlier URL at once</source>
            <translation>Eine Datei, deren Inhalt schon einmal an diese API hochgeladen wurde, erhält sofort ihre frühere URL</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Resume unfinished uploads at start</source>
            <translation>Unfertige Uploads beim Start fortsetzen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Files left unfinished when the app last quit or crashed upload again at once (otherwise they are listed with Retry)</source>
            <translation>Dateien, die beim letzten Beenden oder Absturz der App unfertig blieben, werden sofort erneut hochgeladen (sonst werden sie mit „Wiederholen“ aufgeführt)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Notify me when uploads finish in the background</source>
            <translation>Benachrichtigen, wenn Uploads im Hintergrund fertig sind</translation>
        </message>
        <message>
            <location line="+3" />
            <source>A desktop notification when a drop has finished while the window is not active</source>
            <translation>Eine Desktop-Benachrichtigung, wenn gemeinsam abgelegte Dateien fertig sind, während das Fenster nicht aktiv ist</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/settings/dialog.py" line="+9" />
            <source>Before upload</source>
            <translation>Vor dem Hochladen</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/base/settings_table.py" line="+58" />
            <source>Remove location and camera details before upload</source>
            <translation>Standort und Kameradaten vor dem Hochladen entfernen</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Location, camera make, model and serial number, owner, dates, XMP and comments are removed without re-encoding the picture; orientation and colour profile stay</source>
            <translation>Standort, Kamerahersteller, -modell und -seriennummer, Besitzer, Datumsangaben, XMP und Kommentare werden entfernt, ohne das Bild neu zu kodieren; Ausrichtung und Farbprofil bleiben erhalten</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Convert HEIC, AVIF, BMP and TIFF to JPEG or PNG</source>
            <translation>HEIC, AVIF, BMP und TIFF in JPEG oder PNG umwandeln</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Shrink images larger than</source>
            <translation>Bilder verkleinern, wenn größer als</translation>
        </message>
        <message>
            <location line="+1" />
            <source> px</source>
            <translation> px</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Largest long side</source>
            <translation>Höchstmaß der langen Seite</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/settings/rows.py" line="+146" />
            <source>Changes apply to files not yet started.</source>
            <translation>Änderungen gelten für noch nicht begonnene Dateien.</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/settings/dialog.py" line="+83" />
            <source>Copying</source>
            <translation>Kopieren</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/base/settings_table.py" line="+6" />
            <source>Copy &amp;format:</source>
            <translation>Kopier&amp;format:</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Copy the links when every file of a drop has finished</source>
            <translation>Links kopieren, sobald alle gemeinsam abgelegten Dateien fertig sind</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/settings/dialog.py" line="+7" />
            <source>Your templates:</source>
            <translation>Eigene Vorlagen:</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Advanced</source>
            <translation>Erweitert</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/base/settings_table.py" line="-45" />
            <source>The API's base URL; https only (http only for localhost)</source>
            <translation>Die Basis-URL der API; nur https (http nur für localhost)</translation>
        </message>
        <message>
            <location line="-1" />
            <source>API &amp;URL:</source>
            <translation>API-&amp;URL:</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/settings/dialog.py" line="+10" />
            <source>Set by {source} for this session.</source>
            <translation>Für diese Sitzung festgelegt durch {source}.</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/base/settings_table.py" line="+11" />
            <source>Applies when uploader-gui starts again</source>
            <translation>Gilt ab dem nächsten Start von uploader-gui</translation>
        </message>
        <message>
            <location line="-1" />
            <source>&amp;Language:</source>
            <translation>&amp;Sprache:</translation>
        </message>
        <message>
            <location line="-44" />
            <source>Hide this window while I take a screenshot</source>
            <translation>Dieses Fenster ausblenden, während ich ein Bildschirmfoto aufnehme</translation>
        </message>
        <message>
            <location line="+3" />
            <source>File ▸ Take Screenshot hides the window until the desktop's screenshot tool is done</source>
            <translation>Datei ▸ Bildschirmfoto aufnehmen blendet das Fenster aus, bis das Bildschirmfoto-Werkzeug des Desktops fertig ist</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Let other apps upload through uploader-gui</source>
            <translation>Andere Apps über uploader-gui hochladen lassen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A PicGo-compatible server on this computer only (http://127.0.0.1:PORT/upload), for editors with a PicGo upload button such as Obsidian and SiYuan</source>
            <translation>Ein PicGo-kompatibler Server nur auf diesem Computer (http://127.0.0.1:PORT/upload), für Editoren mit einer PicGo-Upload-Schaltfläche wie Obsidian und SiYuan</translation>
        </message>
        <message>
            <location line="+8" />
            <source>P&amp;ort:</source>
            <translation>&amp;Port:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>PicGo's port is 36677, which editors expect</source>
            <translation>Der Port von PicGo ist 36677; Editoren erwarten ihn</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Key:</source>
            <translation>Sch&amp;lüssel:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>optional</source>
            <translation>freiwillig</translation>
        </message>
        <message>
            <location line="+1" />
            <source>When set, an app must add ?key=… to the address, as PicList asks</source>
            <translation>Wenn gesetzt, muss eine App ?key=… an die Adresse anhängen, wie bei PicList</translation>
        </message>
        <message>
            <location line="+61" />
            <source>Proxy</source>
            <translation>Proxy</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Use the &amp;system's proxy settings</source>
            <translation>&amp;System-Proxy-Einstellungen verwenden</translation>
        </message>
        <message>
            <location line="+1" />
            <source>HTTPS_PROXY, ALL_PROXY and NO_PROXY, or else the desktop's proxy settings (GNOME)</source>
            <translation>HTTPS_PROXY, ALL_PROXY und NO_PROXY, sonst die Proxy-Einstellungen des Desktops (GNOME)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;No proxy</source>
            <translation>Kein &amp;Proxy</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Use &amp;this proxy:</source>
            <translation>&amp;Diesen Proxy verwenden:</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Proxy address</source>
            <translation>Proxy-Adresse</translation>
        </message>
        <message>
            <location line="+1" />
            <source>http://, https://, socks5:// or socks5h://; add user@ before the host if the proxy asks for a user name</source>
            <translation>http://, https://, socks5:// oder socks5h://; user@ vor den Host setzen, wenn der Proxy einen Benutzernamen verlangt</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/settings/proxy_box.py" line="+62" />
            <source>Proxy password</source>
            <translation>Proxy-Passwort</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Saved in the system keyring, never in a settings file</source>
            <translation>Im Schlüsselbund des Systems gespeichert, nie in einer Einstellungsdatei</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/base/settings_table.py" line="-2" />
            <source>&amp;Address:</source>
            <translation>Ad&amp;resse:</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/settings/proxy_box.py" line="+4" />
            <source>&amp;Forget Password</source>
            <translation>Passwort ver&amp;gessen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Delete this proxy's password from the keyring</source>
            <translation>Das Passwort dieses Proxys aus dem Schlüsselbund löschen</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Pass&amp;word:</source>
            <translation>Pass&amp;wort:</translation>
        </message>
        <message>
            <location line="+8" />
            <source>none (forgotten when you press OK)</source>
            <translation>keins (wird beim Klick auf OK vergessen)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>unchanged (kept in the keyring)</source>
            <translation>unverändert (im Schlüsselbund)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>only if the proxy asks for one</source>
            <translation>nur, wenn der Proxy eines verlangt</translation>
        </message>
        <message>
            <location line="+29" />
            <source>add the user name to the address (http://user@proxy.example:3128) so the password can be kept for it</source>
            <translation>den Benutzernamen in die Adresse aufnehmen (http://user@proxy.example:3128), damit das Passwort dafür gespeichert werden kann</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/settings/dialog.py" line="+22" />
            <source>Keyring in use: {backend}</source>
            <translation>Verwendeter Schlüsselbund: {backend}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Replace Key…</source>
            <translation>Schlüssel ersetzen…</translation>
        </message>
    </context>
    <context>
        <name>SettingsFile</name>
        <message>
            <location filename="../uploader_gui/cli.py" line="+357" />
            <source>warning: {problem} The template {name} comes from it: check it, then run: {command}</source>
            <translation>Warnung: {problem} Die Vorlage {name} stammt daraus: Prüfen Sie sie, dann führen Sie aus: {command}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/destinations/store.py" line="+122" />
            <location filename="../uploader_gui/core/link_templates.py" line="+63" />
            <location filename="../uploader_gui/core/paths.py" line="+136" />
            <source>{path} belongs to another user.</source>
            <translation>{path} gehört einem anderen Benutzer.</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/paths.py" line="+2" />
            <source>Other users on this computer can change the files in {path}.</source>
            <translation>Andere Benutzer dieses Computers können die Dateien in {path} ändern.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Other users on this computer can change {path}.</source>
            <translation>Andere Benutzer dieses Computers können {path} ändern.</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/notices/settings_file.py" line="+37" />
            <source>So that nobody else decides what leaves your computer or where it goes, uploader-gui ignores what your settings file says about removing location and camera details, preparing images, the API URL, the proxy and resuming unfinished uploads. Until this is fixed, location and camera details are removed, images are prepared the default way, and uploads go to the default API URL through the system's proxy settings.</source>
            <translation>Damit niemand sonst bestimmt, was Ihren Computer verlässt oder wohin es geht, ignoriert uploader-gui, was Ihre Einstellungsdatei über das Entfernen von Ort und Kameradaten, die Vorbereitung von Bildern, die API-URL, den Proxy und das Fortsetzen unfertiger Uploads sagt. Bis das behoben ist, werden Ort und Kameradaten entfernt, Bilder auf die übliche Weise vorbereitet, und Uploads gehen über die Proxy-Einstellungen des Systems an die Standard-API-URL.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Your link templates are still offered: check them in Settings ▸ Copying.</source>
            <translation>Ihre Linkvorlagen werden weiterhin angeboten: Prüfen Sie sie unter Einstellungen ▸ Kopieren.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Its custom destinations are not used (they say where your pictures go): check the file, then run: {command}</source>
            <translation>Die benutzerdefinierten Ziele darin werden nicht verwendet (sie legen fest, wohin Ihre Bilder gehen): Prüfen Sie die Datei, dann führen Sie aus: {command}</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Nothing can be saved there: changes made in Settings last until uploader-gui quits. To fix it, run: {command} and start uploader-gui again.</source>
            <translation>Dort kann nichts gespeichert werden: Änderungen in den Einstellungen gelten, bis uploader-gui beendet wird. Zum Beheben führen Sie aus: {command} und starten Sie uploader-gui erneut.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>To fix it, open Settings and press OK: uploader-gui then writes its settings again, for you alone. Or check them yourself and run: {command}</source>
            <translation>Zum Beheben öffnen Sie die Einstellungen und drücken OK: uploader-gui schreibt seine Einstellungen dann neu, nur für Sie. Oder prüfen Sie sie selbst und führen aus: {command}</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Open Settings</source>
            <translation>Einstellungen öffnen</translation>
        </message>
    </context>
    <context>
        <name>Sources</name>
        <message>
            <location filename="../uploader_gui/core/source_files.py" line="+80" />
            <source>the copy to send could not be saved: {reason}</source>
            <translation>die zu sendende Kopie konnte nicht gespeichert werden: {reason}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/stdin_image.py" line="+74" />
            <source>standard input is a terminal: pipe an image in, e.g. grim - | uploader-gui --headless -</source>
            <translation>die Standardeingabe ist ein Terminal: Leiten Sie ein Bild hinein, z. B. grim - | uploader-gui --headless -</translation>
        </message>
        <message>
            <location line="+8" />
            <location line="+38" />
            <source>nothing came on standard input</source>
            <translation>über die Standardeingabe kam nichts</translation>
        </message>
        <message>
            <location line="-10" />
            <source>standard input is not an image the app can send: {detected}; allowed: PNG, JPEG, WebP, GIF, HEIC, HEIF, AVIF, BMP, TIFF</source>
            <translation>die Standardeingabe ist kein Bild, das die App senden kann: {detected}; erlaubt: PNG, JPEG, WebP, GIF, HEIC, HEIF, AVIF, BMP, TIFF</translation>
        </message>
        <message>
            <location line="+29" />
            <source>standard input could not be read: {reason}</source>
            <translation>die Standardeingabe konnte nicht gelesen werden: {reason}</translation>
        </message>
        <message>
            <location line="+27" />
            <source>more than {limit} came on standard input: the app takes images up to {limit}</source>
            <translation>über die Standardeingabe kamen mehr als {limit}: Die App nimmt Bilder bis {limit} an</translation>
        </message>
        <message>
            <location filename="../uploader_gui/platform/fallback/no_screenshots.py" line="+16" />
            <source>taking a screenshot is not available on this system yet</source>
            <translation>Bildschirmfotos sind auf diesem System noch nicht verfügbar</translation>
        </message>
        <message>
            <location filename="../uploader_gui/platform/linux/screenshot_portal.py" line="+91" />
            <source>no screenshot portal on this desktop: install xdg-desktop-portal and your desktop's backend</source>
            <translation>kein Bildschirmfoto-Portal auf diesem Desktop: Installieren Sie xdg-desktop-portal und das Backend Ihres Desktops</translation>
        </message>
        <message>
            <location line="+9" />
            <source>the screenshot failed: {detail}</source>
            <translation>das Bildschirmfoto ist fehlgeschlagen: {detail}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>the screenshot was cancelled</source>
            <translation>das Bildschirmfoto wurde abgebrochen</translation>
        </message>
        <message numerus="yes">
            <location line="+6" />
            <source>the screenshot portal did not answer in %n minute(s)</source>
            <translation>
                <numerusform>das Bildschirmfoto-Portal hat nicht innerhalb von %n Minute geantwortet</numerusform>
                <numerusform>das Bildschirmfoto-Portal hat nicht innerhalb von %n Minuten geantwortet</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+5" />
            <source>the screenshot portal did not answer in %n second(s)</source>
            <translation>
                <numerusform>das Bildschirmfoto-Portal hat nicht innerhalb von %n Sekunde geantwortet</numerusform>
                <numerusform>das Bildschirmfoto-Portal hat nicht innerhalb von %n Sekunden geantwortet</numerusform>
            </translation>
        </message>
        <message>
            <location line="+146" />
            <source>the portal answered with code {code}</source>
            <translation>das Portal hat mit Code {code} geantwortet</translation>
        </message>
        <message>
            <location line="+5" />
            <source>the portal gave no local file ({uri})</source>
            <translation>das Portal hat keine lokale Datei geliefert ({uri})</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/sources/screenshot.py" line="+88" />
            <source>The screenshot tool is already open</source>
            <translation>Das Bildschirmfoto-Werkzeug ist bereits geöffnet</translation>
        </message>
        <message>
            <location line="+32" />
            <source>Waiting for the desktop's screenshot tool…</source>
            <translation>Warten auf das Bildschirmfoto-Werkzeug des Desktops…</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Uploading the screenshot</source>
            <translation>Das Bildschirmfoto wird hochgeladen</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The screenshot could not be kept: {reason}</source>
            <translation>Das Bildschirmfoto konnte nicht gespeichert werden: {reason}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No screenshot taken</source>
            <translation>Kein Bildschirmfoto aufgenommen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No screenshot: {reason}</source>
            <translation>Kein Bildschirmfoto: {reason}</translation>
        </message>
    </context>
    <context>
        <name>Summary</name>
        <message numerus="yes">
            <location filename="../uploader_gui/ui/main_window.py" line="-115" />
            <source>%n file(s) waiting</source>
            <translation>
                <numerusform>%n Datei wartet</numerusform>
                <numerusform>%n Dateien warten</numerusform>
            </translation>
        </message>
        <message>
            <location line="+4" />
            <source>Uploading {current} of {total}</source>
            <translation>Hochladen: {current} von {total}</translation>
        </message>
        <message numerus="yes">
            <location line="+24" />
            <source>%n image(s) uploaded</source>
            <translation>
                <numerusform>%n Bild hochgeladen</numerusform>
                <numerusform>%n Bilder hochgeladen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>%n failed</source>
            <translation>
                <numerusform>%n fehlgeschlagen</numerusform>
                <numerusform>%n fehlgeschlagen</numerusform>
            </translation>
        </message>
        <message>
            <location line="+1" />
            <source>{uploaded}, {failed}</source>
            <translation>{uploaded}, {failed}</translation>
        </message>
    </context>
    <context>
        <name>Templates</name>
        <message>
            <location filename="../uploader_gui/core/link_templates.py" line="+17" />
            <source>give the template a name</source>
            <translation>der Vorlage einen Namen geben</translation>
        </message>
        <message>
            <location line="+3" />
            <source>“{name}” is the name of a built-in format</source>
            <translation>„{name}“ ist der Name eines eingebauten Formats</translation>
        </message>
        <message>
            <location line="+6" />
            <source>a template's name has no braces and no control characters</source>
            <translation>der Name einer Vorlage darf keine geschweiften Klammern und keine Steuerzeichen enthalten</translation>
        </message>
        <message>
            <location filename="../uploader_gui/core/links.py" line="+68" />
            <source>a template is one line: each link is copied on its own line</source>
            <translation>eine Vorlage ist eine Zeile: Jeder Link wird in eine eigene Zeile kopiert</translation>
        </message>
        <message>
            <location line="+3" />
            <source>a template must contain {{url}}</source>
            <translation>eine Vorlage muss {{url}} enthalten</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/settings/templates_editor.py" line="+39" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Template</source>
            <translation>Vorlage</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Link templates</source>
            <translation>Link-Vorlagen</translation>
        </message>
        <message>
            <location line="+8" />
            <source>&amp;Add Template</source>
            <translation>Vorlage &amp;hinzufügen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Re&amp;move</source>
            <translation>&amp;Entfernen</translation>
        </message>
        <message>
            <location line="+106" />
            <source>Placeholders: {placeholders}. Any other brace is copied as it is.</source>
            <translation>Platzhalter: {placeholders}. Jede andere geschweifte Klammer wird unverändert kopiert.</translation>
        </message>
        <message>
            <location line="-72" />
            <source>two templates are named “{name}”</source>
            <translation>zwei Vorlagen heißen „{name}“</translation>
        </message>
        <message>
            <location line="+14" />
            <source>row {row}</source>
            <translation>Zeile {row}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{name}: {reason}</source>
            <translation>{name}: {reason}</translation>
        </message>
        <message>
            <location line="+14" />
            <source>{braces} is not a placeholder: it is copied as typed.</source>
            <translation>{braces} ist kein Platzhalter: Es wird so kopiert, wie es eingegeben wurde.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Template {number}</source>
            <translation>Vorlage {number}</translation>
        </message>
    </context>
    <context>
        <name>Thumbnails</name>
        <message>
            <location filename="../uploader_gui/ui/base/thumbnails.py" line="+78" />
            <source>cannot read the file</source>
            <translation>Datei kann nicht gelesen werden</translation>
        </message>
        <message>
            <location line="+8" />
            <source>no preview: not an image uploader-gui can show</source>
            <translation>keine Vorschau: kein Bild, das uploader-gui anzeigen kann</translation>
        </message>
        <message>
            <location line="+9" />
            <source>cannot read the file: {reason}</source>
            <translation>Datei kann nicht gelesen werden: {reason}</translation>
        </message>
        <message>
            <location line="+22" />
            <source>no preview: the image is too large</source>
            <translation>keine Vorschau: das Bild ist zu groß</translation>
        </message>
        <message>
            <location line="+7" />
            <location line="+34" />
            <source>no preview: {reason}</source>
            <translation>keine Vorschau: {reason}</translation>
        </message>
        <message>
            <location line="+104" />
            <source>no preview</source>
            <translation>keine Vorschau</translation>
        </message>
    </context>
    <context>
        <name>TopBar</name>
        <message>
            <location filename="../uploader_gui/ui/links/top_bar.py" line="+28" />
            <source>Add images…</source>
            <translation>Bilder hinzufügen…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add images</source>
            <translation>Bilder hinzufügen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Paste</source>
            <translation>Einfügen</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Copy as</source>
            <translation>Kopieren als</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Copy format</source>
            <translation>Kopierformat</translation>
        </message>
        <message>
            <location line="+2" />
            <source>How links are copied: plain URL, Markdown, HTML, BBCode, a JSON string, or a template of yours (Settings ▸ Copying)</source>
            <translation>Wie Links kopiert werden: einfache URL, Markdown, HTML, BBCode, ein JSON-String oder eine eigene Vorlage (Einstellungen ▸ Kopieren)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Copy all</source>
            <translation>Alle kopieren</translation>
        </message>
    </context>
    <context>
        <name>UploadRow</name>
        <message>
            <location filename="../uploader_gui/ui/uploads/delegate.py" line="+73" />
            <source>The server rejected the API key: enter another</source>
            <translation>Der Server hat den API-Schlüssel abgelehnt: bitte einen anderen eingeben</translation>
        </message>
        <message>
            <location line="+50" />
            <location line="+21" />
            <source>Copied ✓</source>
            <translation>Kopiert ✓</translation>
        </message>
        <message>
            <location line="-19" />
            <location line="+21" />
            <source>Send</source>
            <translation>Senden</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/uploads/model.py" line="+31" />
            <source>Waiting for an API key</source>
            <translation>Warten auf einen API-Schlüssel</translation>
        </message>
        <message>
            <location line="+109" />
            <source>not uploaded: uploader-gui stopped before it was sent</source>
            <translation>nicht hochgeladen: uploader-gui wurde vor dem Senden beendet</translation>
        </message>
        <message>
            <location line="+48" />
            <source>Queued</source>
            <translation>In Warteschlange</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Waiting for the server…</source>
            <translation>Warten auf den Server…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Preparing…</source>
            <translation>Wird vorbereitet…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Uploading {percent}%</source>
            <translation>Wird hochgeladen: {percent} %</translation>
        </message>
        <message numerus="yes">
            <location line="+6" />
            <source>Retrying in %n s ({reason})</source>
            <translation>
                <numerusform>Neuer Versuch in %n s ({reason})</numerusform>
                <numerusform>Neuer Versuch in %n s ({reason})</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>Retrying in %n s</source>
            <translation>
                <numerusform>Neuer Versuch in %n s</numerusform>
                <numerusform>Neuer Versuch in %n s</numerusform>
            </translation>
        </message>
        <message>
            <location line="+3" />
            <source>Deleted from the server</source>
            <translation>Vom Server gelöscht</translation>
        </message>
        <message>
            <location line="+3" />
            <source>uploaded before, link reused</source>
            <translation>bereits hochgeladen, Link wiederverwendet</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Interrupted: uploader-gui stopped before it was sent</source>
            <translation>Unterbrochen: uploader-gui wurde vor dem Senden beendet</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Can't be uploaded: {reason}</source>
            <translation>Hochladen nicht möglich: {reason}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Failed: {reason}</source>
            <translation>Fehlgeschlagen: {reason}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancelled</source>
            <translation>Abgebrochen</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{name}: {status}</source>
            <translation>{name}: {status}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{name}, {size}: {status}</source>
            <translation>{name}, {size}: {status}</translation>
        </message>
        <message>
            <location filename="../uploader_gui/ui/uploads/outcomes.py" line="+50" />
            <source>the API key was rejected</source>
            <translation>der API-Schlüssel wurde abgelehnt</translation>
        </message>
        <message>
            <location line="+12" />
            <source>unexpected error: {name}</source>
            <translation>unerwarteter Fehler: {name}</translation>
        </message>
    </context>
    <context>
        <name>Window</name>
        <message>
            <location filename="../uploader_gui/ui/main_window.py" line="-160" />
            <source>&amp;Uploads</source>
            <translation>&amp;Uploads</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;History</source>
            <translation>&amp;Verlauf</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Overall progress</source>
            <translation>Gesamtfortschritt</translation>
        </message>
        <message>
            <location line="+103" />
            <source>{app} (sandbox)</source>
            <translation>{app} (Sandbox)</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Uploading {current} of {total} — {title}</source>
            <translation>Hochladen: {current} von {total} — {title}</translation>
        </message>
    </context>
</TS>
