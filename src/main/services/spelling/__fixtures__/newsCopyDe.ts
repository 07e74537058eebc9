/**
 * German news copy written for the spelling accuracy test: six articles as a German desk files
 * them (politics, economy, sport, courts, local, weather), correct, with the compounds such copy
 * is full of. Names are invented.
 */

/** One article of the fixture copy. */
export interface NewsCopy {
  desk: string
  kicker: string
  headline: string
  teaser: string
  body: string[]
}

/** A typo seeded into the copy: the first whole-word `correct` in `desk`'s article becomes `typo`. */
export interface SeededTypo {
  desk: string
  correct: string
  typo: string
  kind: 'swap' | 'dropped' | 'doubled' | 'inserted' | 'wrong letter' | 'umlaut' | 'ß/ss'
}

export const NEWS_COPY_DE: readonly NewsCopy[] = [
  {
    desk: 'politics',
    kicker: 'Haushaltsstreit',
    headline: 'Koalition einigt sich nach langer Nacht auf Kompromiss',
    teaser:
      'Nach zwölf Stunden Verhandlungen im Kanzleramt haben die Spitzen der Koalition den ' +
      'Haushaltsentwurf für das kommende Jahr vorgelegt. Die Opposition spricht von Flickwerk.',
    body: [
      'Berlin. Nach einer langen Verhandlungsnacht im Kanzleramt hat sich die Koalition auf einen ' +
        'Kompromiss im Haushaltsstreit geeinigt. Der Entwurf für den Bundeshaushalt des kommenden ' +
        'Jahres sieht Ausgaben von rund 480 Milliarden Euro vor, wie Finanzministerin Katrin Albers ' +
        'am Morgen auf einer Pressekonferenz mitteilte. Die Schuldenbremse werde eingehalten, ' +
        'betonte die Ministerin. Zugleich sollen die Investitionen in Schienen, Brücken und Schulen ' +
        'steigen.',
      'Strittig war bis zuletzt vor allem die Frage, wie eine Finanzierungslücke von knapp 17 ' +
        'Milliarden Euro geschlossen werden kann. Die Fraktionen hatten sich in den vergangenen ' +
        'Wochen gegenseitig vorgeworfen, den Koalitionsvertrag nicht einzuhalten. Nun sollen ' +
        'Subventionen gekürzt, Förderprogramme zusammengelegt und ungenutzte Mittel aus dem ' +
        'Vorjahr umgeschichtet werden. Auch das Verteidigungsministerium muss nach Angaben aus ' +
        'Verhandlungskreisen Abstriche machen.',
      '„Wir haben eine Lösung gefunden, die unser Land zusammenhält“, sagte der Bundeskanzler ' +
        'nach der Sitzung. Die Einigung zeige, dass die Regierung auch unter schwierigen ' +
        'Bedingungen handlungsfähig sei. Der Fraktionsvorsitzende der größten Oppositionspartei ' +
        'sprach dagegen von einem „Haushalt der Taschenspielertricks“. Die Regierung verschiebe ' +
        'die Probleme lediglich in die Zukunft und belaste kommende Generationen.',
      'Der Entwurf soll in der kommenden Woche vom Kabinett beschlossen und anschließend dem ' +
        'Bundestag zugeleitet werden. Die Haushälter der Regierungsfraktionen kündigten an, die ' +
        'Vorlage im Haushaltsausschuss genau zu prüfen. Mehrere Bundestagsabgeordnete aus den ' +
        'eigenen Reihen hatten zuvor Nachbesserungen bei der Kindergrundsicherung und bei den ' +
        'Zuschüssen für den öffentlichen Nahverkehr gefordert. Die abschließende Abstimmung im ' +
        'Parlament ist für Ende November geplant.',
      'Auch die Länder meldeten sich zu Wort. Die Ministerpräsidentenkonferenz verlangte, dass ' +
        'der Bund seine Zusagen für die Unterbringung von Geflüchteten und für den Ausbau der ' +
        'Ganztagsbetreuung einhalte. Ein Sprecher des Städtetags warnte, viele Kommunen stünden ' +
        'finanziell mit dem Rücken zur Wand. Ohne zusätzliche Mittel müssten Schwimmbäder ' +
        'geschlossen und Bauprojekte verschoben werden.'
    ]
  },
  {
    desk: 'economy',
    kicker: 'Verbraucherpreise',
    headline: 'Inflation sinkt deutlich – Verbraucher schöpfen Hoffnung',
    teaser:
      'Die Teuerungsrate ist im Oktober auf den niedrigsten Stand seit mehr als zwei Jahren ' +
      'gefallen. Ökonomen rechnen dennoch nicht mit einer schnellen Zinswende.',
    body: [
      'Wiesbaden. Die Inflationsrate in Deutschland ist im Oktober spürbar zurückgegangen. Die ' +
        'Verbraucherpreise lagen nach einer ersten Schätzung des Statistischen Bundesamtes um 2,3 ' +
        'Prozent über dem Niveau des Vorjahresmonats. Im September hatte die Teuerung noch bei ' +
        '3,1 Prozent gelegen. Vor allem Energie und Heizöl wurden billiger, während ' +
        'Dienstleistungen und Lebensmittel weiterhin deutlich mehr kosteten als vor einem Jahr.',
      'Volkswirte zeigten sich erleichtert, mahnten aber zur Vorsicht. „Die Kerninflation bleibt ' +
        'hartnäckig“, sagte die Chefvolkswirtin einer großen Landesbank. Gerade in der ' +
        'Gastronomie und im Handwerk würden gestiegene Lohnkosten an die Kundschaft ' +
        'weitergegeben. Die Europäische Zentralbank werde den Leitzins deshalb wohl erst im ' +
        'Frühjahr senken.',
      'Für die Verbraucher ist die Entwicklung dennoch eine gute Nachricht. Nach Berechnungen von ' +
        'Verbraucherschützern geben Haushalte mit geringem Einkommen einen besonders großen Teil ' +
        'ihres Geldes für Lebensmittel und Energie aus. Sie hatten unter den Preissprüngen der ' +
        'vergangenen Jahre am stärksten gelitten. Die Reallöhne steigen inzwischen wieder, weil ' +
        'die Tarifabschlüsse über der Inflationsrate liegen.',
      'Unternehmen blicken dagegen skeptisch auf die kommenden Monate. Der Geschäftsklimaindex ' +
        'des Münchner Ifo-Instituts sank zuletzt zum dritten Mal in Folge. Viele Industriebetriebe ' +
        'klagen über hohe Energiekosten, eine schwache Nachfrage aus dem Ausland und zu viel ' +
        'Bürokratie. Besonders der Maschinenbau und die Chemieindustrie spüren die Flaute. Im ' +
        'Einzelhandel hoffen die Händler auf ein gutes Weihnachtsgeschäft.',
      'Die Bundesregierung verweist auf ihr Wachstumspaket, das unter anderem schnellere ' +
        'Genehmigungsverfahren und steuerliche Anreize für Investitionen vorsieht. Kritiker ' +
        'halten die Maßnahmen für unzureichend. Der Präsident eines Wirtschaftsverbands forderte ' +
        'eine Senkung der Stromsteuer für alle Betriebe und einen verlässlichen Zeitplan für den ' +
        'Abbau von Berichtspflichten.'
    ]
  },
  {
    desk: 'sport',
    kicker: 'Bundesliga',
    headline: 'Last-Minute-Sieg: Aufsteiger stürmt an die Tabellenspitze',
    teaser:
      'Mit einem Treffer in der Nachspielzeit hat der Aufsteiger das Spitzenspiel gewonnen. Der ' +
      'Trainer des Gegners haderte mit dem Schiedsrichter.',
    body: [
      'Die Serie hält: Der Aufsteiger aus dem Norden hat auch sein siebtes Heimspiel der Saison ' +
        'gewonnen und ist neuer Tabellenführer der Bundesliga. Vor ausverkauftem Haus setzte sich ' +
        'die Mannschaft von Trainer Jonas Brandtner am Samstagabend mit 2:1 gegen den ' +
        'Titelverteidiger durch. Den Siegtreffer erzielte Mittelfeldspieler Luca Ferreira in der ' +
        'vierten Minute der Nachspielzeit per Kopfball nach einer Ecke.',
      'Dabei hatte der Favorit zunächst besser ins Spiel gefunden. Nach einer Viertelstunde traf ' +
        'der Nationalstürmer der Gäste nach einem schnellen Konter zur Führung. Die Gastgeber ' +
        'brauchten einige Minuten, um sich von dem Rückschlag zu erholen, erspielten sich dann ' +
        'aber Chance um Chance. Kurz vor der Halbzeitpause glich der Kapitän mit einem ' +
        'sehenswerten Freistoß aus.',
      'In der zweiten Hälfte entwickelte sich eine hitzige Partie mit vielen Zweikämpfen und ' +
        'wenigen Torchancen. Der Schiedsrichter verteilte insgesamt sieben Gelbe Karten. Für ' +
        'Aufregung sorgte eine Szene in der 78. Minute, als der Videobeweis einen vermeintlichen ' +
        'Handelfmeter für die Gäste zurücknahm. „Das ist für mich ein klarer Strafstoß, ich ' +
        'verstehe die Entscheidung nicht“, sagte der Trainer des Titelverteidigers nach dem ' +
        'Abpfiff.',
      'Brandtner lobte die Moral seiner Mannschaft. „Die Jungs haben nie aufgegeben, das zeichnet ' +
        'uns in dieser Saison aus“, sagte der Fußballlehrer. An die Meisterschaft wolle er ' +
        'trotzdem nicht denken. Das Ziel bleibe der Klassenerhalt, auch wenn der Vorsprung auf die ' +
        'Abstiegsränge inzwischen komfortabel sei. Am kommenden Wochenende tritt der ' +
        'Spitzenreiter auswärts beim Tabellenvorletzten an.',
      'Die Fans feierten ihre Mannschaft noch lange nach dem Schlusspfiff. Vor dem Stadion ' +
        'bildeten sich Schlangen an den Fanartikelständen, das neue Trikot war bereits am Abend ' +
        'ausverkauft. Der Verein meldete für das Spiel einen Zuschauerrekord.'
    ]
  },
  {
    desk: 'courts',
    kicker: 'Prozess um Millionenbetrug',
    headline: 'Angeklagter legt vor dem Landgericht ein Geständnis ab',
    teaser:
      'Der frühere Geschäftsführer einer Immobilienfirma hat eingeräumt, Anleger um ihr ' +
      'Erspartes gebracht zu haben. Das Urteil wird Ende des Monats erwartet.',
    body: [
      'Hannover. Im Prozess um einen mutmaßlichen Anlagebetrug mit einem Schaden in ' +
        'Millionenhöhe hat der Hauptangeklagte am dritten Verhandlungstag ein umfassendes ' +
        'Geständnis abgelegt. Der 54 Jahre alte frühere Geschäftsführer einer ' +
        'Immobiliengesellschaft räumte vor der Wirtschaftsstrafkammer des Landgerichts ein, ' +
        'zwischen 2017 und 2021 mehr als 300 Anleger getäuscht zu haben. Er habe das Geld nicht in ' +
        'Wohnungen investiert, sondern damit ältere Forderungen bedient und seinen aufwendigen ' +
        'Lebensstil finanziert.',
      'Nach der Anklage der Staatsanwaltschaft entstand ein Schaden von rund 23 Millionen Euro. ' +
        'Viele der Geschädigten sind Rentnerinnen und Rentner, die ihre Altersvorsorge verloren ' +
        'haben. Mehrere von ihnen verfolgten die Verhandlung im Zuschauerraum. „Es tut mir ' +
        'aufrichtig leid“, sagte der Angeklagte mit leiser Stimme. Er wolle mit seinem Geständnis ' +
        'dazu beitragen, dass möglichst viel Geld an die Betroffenen zurückfließe.',
      'Die Verteidigung hatte sich zuvor mit dem Gericht und der Staatsanwaltschaft auf eine ' +
        'Verständigung geeinigt. Im Gegenzug für das Geständnis stellte die Vorsitzende Richterin ' +
        'eine Freiheitsstrafe zwischen sechs und sieben Jahren in Aussicht. Die Nebenklage ' +
        'kritisierte die Absprache. Die Opfer hätten ein Recht darauf, dass alle Einzelheiten ' +
        'öffentlich aufgeklärt würden, sagte eine Anwältin, die mehrere Geschädigte vertritt.',
      'Ein Mitangeklagter, der als Vermittler tätig war, bestreitet die Vorwürfe weiterhin. Er ' +
        'habe von den Machenschaften seines früheren Chefs nichts gewusst, ließ er über seinen ' +
        'Verteidiger erklären. Die Kammer hat für das Verfahren noch vier weitere ' +
        'Verhandlungstage angesetzt. Unter anderem sollen ein Wirtschaftsprüfer und mehrere ' +
        'Ermittler der Kriminalpolizei als Zeugen gehört werden.',
      'Der Insolvenzverwalter der Firma hat bislang etwa vier Millionen Euro sichergestellt. Er ' +
        'geht davon aus, dass die Anleger am Ende nur einen kleinen Teil ihres Geldes ' +
        'zurückbekommen.'
    ]
  },
  {
    desk: 'local',
    kicker: 'Nach jahrelanger Debatte',
    headline: 'Gemeinderat beschließt Sanierung des Hallenbads',
    teaser:
      'Das Hallenbad wird für knapp zwölf Millionen Euro saniert. Dafür steigt die Grundsteuer, ' +
      'und die Schwimmkurse ziehen für zwei Jahre in den Nachbarort.',
    body: [
      'Nach einer mehr als dreistündigen Sitzung hat der Gemeinderat am Dienstagabend die ' +
        'Sanierung des Hallenbads beschlossen. Für den Antrag der Verwaltung stimmten 24 ' +
        'Ratsmitglieder, elf votierten dagegen, zwei enthielten sich. Die Arbeiten sollen im ' +
        'kommenden Frühjahr beginnen und etwa zwei Jahre dauern. Während dieser Zeit müssen ' +
        'Schulen und Vereine auf die Bäder der Nachbargemeinden ausweichen.',
      'Das Gebäude aus den Siebzigerjahren gilt seit Langem als marode. Das Dach ist undicht, die ' +
        'Lüftungsanlage veraltet, und die Technik verbraucht große Mengen an Energie. Ein ' +
        'Gutachten hatte im vergangenen Jahr ergeben, dass eine Sanierung günstiger ist als ein ' +
        'Neubau. Die Stadtverwaltung rechnet nach dem Umbau mit deutlich niedrigeren ' +
        'Betriebskosten, weil unter anderem eine Photovoltaikanlage auf dem Dach und eine moderne ' +
        'Wärmepumpe eingebaut werden.',
      'Zur Finanzierung will die Stadt neben Fördermitteln des Landes auch einen Kredit ' +
        'aufnehmen. Außerdem wird der Hebesatz der Grundsteuer angehoben. Für den Besitzer eines ' +
        'durchschnittlichen Einfamilienhauses bedeutet das nach Berechnungen der Kämmerei ' +
        'Mehrkosten von etwa 60 Euro im Jahr. Die Fraktion der Freien Wähler lehnte die Erhöhung ' +
        'ab und schlug vor, stattdessen auf den geplanten Ausbau des Rathausplatzes zu verzichten.',
      'Die Bürgermeisterin zeigte sich nach der Abstimmung erleichtert. „Ein Hallenbad gehört für ' +
        'mich zur Grundversorgung, gerade für unsere Kinder“, sagte sie. Immer weniger ' +
        'Grundschüler könnten sicher schwimmen, das sei alarmierend. Der Vorsitzende der ' +
        'örtlichen Schwimmgemeinschaft dankte dem Rat für die Entscheidung. Der Verein hatte mehr ' +
        'als 3000 Unterschriften für den Erhalt des Bades gesammelt.',
      'Während der Bauzeit sollen die Schwimmkurse für Kinder in einem Nachbarort stattfinden. ' +
        'Die Stadt will dafür einen Bus einsetzen, der die Kinder nach dem Unterricht an der ' +
        'Grundschule abholt.'
    ]
  },
  {
    desk: 'weather',
    kicker: 'Unwetter',
    headline: 'Sturm knickt Bäume um, Bahn stellt Fernverkehr ein',
    teaser:
      'Ein kräftiges Sturmtief ist in der Nacht über den Norden und die Mitte Deutschlands ' +
      'gezogen. Feuerwehr und Polizei rückten zu Hunderten Einsätzen aus.',
    body: [
      'Ein heftiges Sturmtief hat in der Nacht zum Donnerstag in weiten Teilen Deutschlands für ' +
        'Behinderungen gesorgt. Umgestürzte Bäume blockierten Straßen und Bahnstrecken, in ' +
        'mehreren Orten fiel zeitweise der Strom aus. Die Deutsche Bahn stellte den Fernverkehr in ' +
        'Norddeutschland am Abend vorsorglich ein. Tausende Reisende saßen in Bahnhöfen fest, ' +
        'einige Städte öffneten Turnhallen für Gestrandete.',
      'Nach Angaben des Deutschen Wetterdienstes erreichten die Orkanböen an der Küste ' +
        'Geschwindigkeiten von bis zu 140 Kilometern pro Stunde. Auch im Binnenland wurden schwere ' +
        'Sturmböen gemessen. Die Meteorologen hatten bereits am Mittwoch eine Unwetterwarnung ' +
        'herausgegeben und dazu geraten, Wälder und Parks zu meiden.',
      'Die Feuerwehren rückten zu Hunderten Einsätzen aus. Meist ging es um umgestürzte Bäume, ' +
        'herabfallende Dachziegel und abgerissene Äste. In einer Kleinstadt wurde ein Autofahrer ' +
        'leicht verletzt, als ein Baum auf sein Fahrzeug stürzte. Ansonsten blieb es nach ersten ' +
        'Erkenntnissen bei Sachschäden. Ein Sprecher des Innenministeriums lobte die gute ' +
        'Zusammenarbeit von Einsatzkräften, Rettungsdiensten und freiwilligen Helfern.',
      'Am Donnerstagmorgen lief der Bahnverkehr nur langsam wieder an. Reisende müssen sich nach ' +
        'Angaben des Unternehmens noch den ganzen Tag auf Verspätungen und Zugausfälle ' +
        'einstellen. Fahrgäste, die ihre Reise wegen des Sturms verschieben, können ihr Ticket ' +
        'flexibel nutzen. Für das Wochenende sagen die Meteorologen ruhigeres, aber deutlich ' +
        'kühleres Wetter voraus.'
    ]
  }
]

/**
 * What a desk would put on its word list for this copy: the people's names (igerman98 lists
 * neither these surnames nor the first names `Jonas` and `Luca`) and the institute `Ifo`.
 */
export const NEWSROOM_WORDS_DE: readonly string[] = [
  'Albers',
  'Brandtner',
  'Ferreira',
  'Ifo',
  'Jonas',
  'Luca'
]

/** 30 typos of the kinds reporters make, one per place in the copy. */
export const SEEDED_TYPOS_DE: readonly SeededTypo[] = [
  { desk: 'politics', correct: 'Bundestag', typo: 'Bundestga', kind: 'swap' },
  { desk: 'politics', correct: 'Koalitionsvertrag', typo: 'Koalitionsvetrag', kind: 'dropped' },
  { desk: 'politics', correct: 'Pressekonferenz', typo: 'Pressekonferentz', kind: 'inserted' },
  { desk: 'politics', correct: 'Haushaltsausschuss', typo: 'Haushaltsauschuss', kind: 'dropped' },
  { desk: 'politics', correct: 'Finanzministerin', typo: 'Finanzminsterin', kind: 'dropped' },
  { desk: 'politics', correct: 'Schuldenbremse', typo: 'Schuldenbrmese', kind: 'swap' },
  { desk: 'politics', correct: 'Bundeskanzler', typo: 'Bundeskanlzer', kind: 'swap' },
  { desk: 'politics', correct: 'Opposition', typo: 'Oppossition', kind: 'doubled' },
  { desk: 'politics', correct: 'Kommunen', typo: 'Kommunnen', kind: 'doubled' },
  { desk: 'economy', correct: 'Inflationsrate', typo: 'Inflatiosnrate', kind: 'swap' },
  { desk: 'economy', correct: 'Verbraucherpreise', typo: 'Verbraucherpriese', kind: 'swap' },
  { desk: 'economy', correct: 'Zentralbank', typo: 'Zentralbnak', kind: 'swap' },
  { desk: 'economy', correct: 'Dienstleistungen', typo: 'Dienstleisungen', kind: 'dropped' },
  { desk: 'economy', correct: 'Geschäftsklimaindex', typo: 'Geschäfsklimaindex', kind: 'dropped' },
  { desk: 'economy', correct: 'Bürokratie', typo: 'Bürokratei', kind: 'swap' },
  { desk: 'economy', correct: 'Maßnahmen', typo: 'Massnahmen', kind: 'ß/ss' },
  { desk: 'sport', correct: 'Tabellenführer', typo: 'Tabellenfüher', kind: 'dropped' },
  { desk: 'sport', correct: 'Nachspielzeit', typo: 'Nachspeilzeit', kind: 'swap' },
  { desk: 'sport', correct: 'Schiedsrichter', typo: 'Schiedrichter', kind: 'dropped' },
  { desk: 'sport', correct: 'Mannschaft', typo: 'Mannschafft', kind: 'doubled' },
  { desk: 'sport', correct: 'Halbzeitpause', typo: 'Halbzeitpasue', kind: 'swap' },
  { desk: 'sport', correct: 'Rückschlag', typo: 'Rückschlga', kind: 'swap' },
  { desk: 'courts', correct: 'Staatsanwaltschaft', typo: 'Staatsanwaltschft', kind: 'dropped' },
  { desk: 'courts', correct: 'Geständnis', typo: 'Geständniss', kind: 'doubled' },
  { desk: 'courts', correct: 'Verhandlungstag', typo: 'Verhandlungstga', kind: 'swap' },
  { desk: 'courts', correct: 'Freiheitsstrafe', typo: 'Freiheitstrafe', kind: 'dropped' },
  { desk: 'local', correct: 'Gemeinderat', typo: 'Gemeinderta', kind: 'swap' },
  { desk: 'local', correct: 'Sanierung', typo: 'Sanirung', kind: 'dropped' },
  { desk: 'local', correct: 'Bürgermeisterin', typo: 'Burgermeisterin', kind: 'umlaut' },
  { desk: 'weather', correct: 'Einsatzkräften', typo: 'Einsatzkrätfen', kind: 'swap' }
]
