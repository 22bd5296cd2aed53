"""The reference letter typed in the letter markup (letters.markup): the progress letter on drug
policy of 18 December 2020 by the Staatssecretaris of VWS (Kamerstuk 24 077, nr. 468).

The text is the letter's own, with the line-end hyphenation of the PDF undone; its 16 footnotes
stand at their calls, with their exact texts. The kenmerk is invented (the source does not give
it). letters/demo.py makes it a final letter in the register.
"""

import datetime

SUBJECT = "Voortgangsbrief drugsbeleid"
KENMERK = "1781234-213567-VGP"
DATE = datetime.date(2020, 12, 18)
# One for each paper the footnotes say is "Raadpleegbaar via www.tweedekamer.nl".
BIJLAGEN = "7"
SIGNATORY_OFFICE = "De Staatssecretaris van Volksgezondheid, Welzijn en Sport,"
SIGNATORY_NAME = "P. Blokhuis"
# The letter ends with its section "Afsluiting"; it has no closing words after it.
CLOSING = ""

OPENING = """\
Het afgelopen jaar was een bijzonder jaar vanwege de, nog altijd voortdurende,
coronapandemie. Ook op het gebied van drugspreventie en drugsgebruik. Zo ligt het
uitgaansleven stil, zijn er geen festivals waardoor in die setting geen drugsgebruik en
drugspreventie mogelijk is en moest het uitvragen van drugsgebruik onder de loep worden
genomen om representatieve gegevens te krijgen. Ondanks de gevolgen van de coronamaatregelen
zijn er op het gebied van drugspreventie en het tegengaan van normalisering van drugs
stappen gezet. Vanuit het Ministerie van Volksgezondheid, Welzijn en Sport zetten we in op
het zo goed mogelijk monitoren van de gevolgen van de corona-crisis op de Nederlandse
drugsmarkt, gebruik, incidenten, en het aanbod en de beschikbaarheid van harm reduction
voorzieningen. Waar nodig bieden we partijen ondersteuning bij het opstellen van protocollen
of herzien van lopende onderzoeken. Ook bij een aantal trajecten binnen het ministerie zijn
de gevolgen van de coronapandemie zichtbaar. In sommige gevallen zorgt het voor
mogelijkheden en in sommige gevallen is gepoogd de effecten zoveel mogelijk te beperken. In
deze brief licht ik dit toe. Tijdens het AO Verslavingszorg/Drugsbeleid van 10 oktober
(eerste termijn) (Kamerstuk 24 077, nr. 450), 7 november (tweede termijn) (Kamerstuk 24 077,
nr. 457) 2019 en met de voortgangsbrief van 19 december 2019[^Kamerstuk 24 077, nr. 456] heb
ik uw Kamer een aantal toezeggingen gedaan die ik met deze brief af doe. Verder informeer ik
uw Kamer over de vorderingen op een aantal trajecten rondom wet- en regelgeving en de wijze
waarop invulling is gegeven aan de motie van Kamerlid Edgar Mulder (PVV) en Kamerlid Van der
Staaij (SGP) over drugsvrije schoolpleinen (Kamerstuk 24 077, nr. 453).
"""

# A sub-heading is one line of markup; this one is longer than a line of code.
EXPLORE_HEADING = (
    "### EXPLORE-onderzoek naar middelengebruik onder scholieren in het praktijkonderwijs en "
    "voorgezet onderwijs"
)

CORONACRISIS = """\
### Uitgaansdrugs en corona

De coronacrisis heeft invloed op het gebruik van uitgaansdrugs en de reguliere
drugspreventie en monitoringactiviteiten. Tijdens de intelligente lockdown zijn de
drugstestcentra van het Drugs- en Informatie Monitoring Systeem (DIMS) voor een periode van
5 weken gesloten geweest. In deze periode is het DIMS altijd telefonisch bereikbaar geweest
en is het altijd mogelijk geweest een lab analyse uit te voeren als er sprake is geweest van
een ernstig incident of bij het vermoeden van een levensgevaarlijke stof in een gekocht
sample. Er zijn in deze periode drie lab-analyses uitgevoerd; hieruit bleken geen
vervuilingen of andere afwijkingen. Ook is geen afbreuk gedaan aan de mogelijkheid om een
landelijke, regionale, of lokale waarschuwing af te geven via het Red Alert systeem. Vanaf
week 17 van dit jaar zijn de testcentra met in achtneming van de coronamaatregelen en met
een aangepast protocol geleidelijk weer opengegaan. Na een periode van versoepeling zijn de
testcentra vanaf 14 oktober 22.00 open met het aangepaste protocol uit april dit jaar
waarbij alleen op afspraak drugs kunnen worden getest. Tijdens de huidige lockdown die 14
december middernacht is ingegaan wordt bij de testservices nog steeds met het protocol uit
april gewerkt. Daarbij wordt online extra gewaarschuwd dat het advies is om drugsgebruik
zoveel mogelijk uit te stellen en dat iemand kan bellen voor een afspraak wanneer iemand
recentelijk toch drugs heeft gekocht die men niet vertrouwt of waar al nare ervaringen mee
zijn geweest. Uit de gegevens van het DIMS blijkt een daling van het aantal ecstasy en 4-FA
samples en in mindere mate amfetamine dat werd aangeleverd. Tegelijkertijd werd een
marginale stijging van 2-CB en ketamine samples waargenomen.

Om zicht te krijgen op de impact van de coronamaatregelen op het drugsgebruik onder
(uitgaande) jongeren, heb ik het afgelopen half jaar een drietal sessies georganiseerd met
verschillende deskundigen verbonden aan Verslavingskunde Nederland (VKN) en het
Trimbos-instituut en een vertegenwoordiger van de Landelijke Kamer voor Verenigingen, een
verband van studentenverenigingen. Tijdens deze sessies zijn signalen uit de praktijk en
resultaten uit specifieke «coronamonitors» gedeeld. Hieruit is naar voren gekomen dat sinds
het uitbreken van de coronacrisis het gebruik van populaire uitgaansdrugs als ecstasy, speed
(amfetamine) en lachgas duidelijk is gedaald ten opzichte van dezelfde periode vorig jaar
(zie tabel 1). Dit blijkt zowel uit de cijfers van het DIMS als uit twee metingen die het
Trimbos heeft uitgevoerd als onderdeel van het grote uitgaansonderzoek. De eerste meting
betreft de periode van de eerste fase van de intelligente lockdown (meting maart t/m 18 mei
2020). Daarop volgend heeft het Trimbos-instituut met financiering van VWS een tweede, extra
meting uitgevoerd over de periode vanaf versoepeling van de maatregelen (meting 1 juni t/m
september 2020)

Tabel 1. Percentage uitgaanders die in die betreffende periode 1 of meer keer een bepaald
middel hebben gebruikt
| | Q2 2019 | Q3 2019 | Q2 2020 | Q3 2020
| MDMA | 39,7 | 42,0 | 26,7 | 28,0
| Amfetamine | 15,9 | 19,8 | 9,6 | 12,1
| Lachgas | 20,7 | 20,7 | 9,6 | 10,3

De daling van het gebruik van uitgaansdrugs vloeit zeer waarschijnlijk voort uit de sluiting
van uitgaansgelegenheden en afwezigheid van festivals. Het percentage gebruikers van
middelen die vaker (ook) thuis of in een huissetting gebruikt worden, zoals cannabis,
cocaïne, en psychedelica is relatief stabiel gebleven ten op zichtte van vorig jaar. Echter,
onder gebruikers van psychedelica zoals 2C-B, LSD, ketamine en paddo’s geldt dat een
relatief groot deel tijdens de coronacrisis vaker gebruikt dan dezelfde periode vorig jaar,
aanzienlijk meer dan voor de andere middelen.

Uit de monitors en de sessies met experts blijkt dat in de periode van de intelligente
lockdown en de versoepeling die daarop volgde drugsgebruik vooral thuis plaats vindt in de
vorm van kleine (virtuele) samenkomsten of huisfeesten.

Minder dan 15% van de uitgaanders uit de extra meting van het grote uitgaansonderzoek geeft
aan een illegaal feest buitenshuis te hebben bezocht sinds de start van de coronacrisis
medio maart. Ook worden relatief weinig incidenten en gezondheidsklachten gerapporteerd
tussen medio maart en medio oktober; er is weinig beroep gedaan op medische hulpdiensten.
Uitgaande jongeren geven «het vinden van een uitlaatklep» maar ook gevoelens van eenzaamheid
en somberheid als reden voor drugsgebruik tijdens de corona-crisis. Bijna de helft van de
uitgaanders uit het eerdergenoemde grote uitgaansonderzoek geeft aan zich vaak geïsoleerd te
voelen. Van deze uitgaanders heeft 70% behoefte aan ondersteuning.

Tijdens de sessies is ook zorg uitgesproken over de situatie van jongeren die door het
wegvallen van de schoolactiviteiten en gebrek aan een dagstructuur de straat opgaan en
overmatig lachgas gebruiken. Ik deel deze zorg en ben daarom in gesprek met het
Trimbos-instituut en Verslavingskunde Nederland over het bestaande aanbod voor deze groepen
en onderzoek de mogelijkheden voor inzet op meer voorlichting en preventie.

### Harm reduction en verslavingszorg

Het Harm Reduction Netwerk van het Trimbos-instituut heeft in samenwerking met Stichting
Mainline en de Belangenvereniging Druggebruikers MDHG sinds het begin van de coronacrisis
geïnventariseerd wat de gevolgen zijn van de coronamaatregelen voor de harm reduction
voorzieningen en de mensen die gebruik maken deze voorzieningen. De inventarisatie is gedaan
bij voorzieningen voor verstrekking van methadon en medicinale heroïne, spuitomruil,
gebruiksruimtes, dag&nachtopvang en dagbesteding. De vierde inventarisatie ontvangt u als
bijlage bij deze brief[^Raadpleegbaar via www.tweedekamer.nl].

De voorzieningen hebben allemaal de nodige aanpassingen gedaan om – met inachtneming van de
coronamaatregelen – toch dagelijks mensen te kunnen ontvangen en/of zorg, ondersteuning en
hulp te kunnen verlenen. Harm reduction heeft grotendeels plaats kunnen vinden met
inachtneming van de op dat moment geldende coronamaatregelen. Hoe er met de maatregelen
wordt omgegaan is divers, maar over het algemeen is de impact groot voor zowel de doelgroep
als de medewerkers. Opvallend is wel het zeer lage aantal coronabesmettingen onder de
doelgroep.

Er is sprake van een groep mensen die helemaal uit het zicht van medewerkers van de harm
reduction voorzieningen is verdwenen. Het betreft vooral mensen die gebruik maakten van de
laagdrempelige voorzieningen als inloopcentra, maaltijdverstrekking en
dagbestedingsprojecten, maar die door de aangescherpte maatregelen hier niet meer terecht
kunnen of willen komen. Daarnaast heeft niet iedereen de mogelijkheid tot digitaal contact.
Ik vind het zorgelijk dat een groep mensen die van de voorzieningen gebruik maakte van de
radar is verdwenen. Het is daarom goed dat via deze inventarisatie deze groep weer beter in
beeld wordt gebracht en dat voorzieningen verschillende initiatieven nemen om met mensen in
contact te blijven en pogingen doen om de groep terug te krijgen. Bijvoorbeeld door mensen
op te zoeken op straat, door contact via brieven, e-mail of WhatsApp en door het
thuisbezorgen van maaltijden en medicatie. Voor deze kwetsbare doelgroep die specifieke hulp
nodig heeft, heeft de coronacrisis bepaalde problemen die al bestonden uitvergroot, zoals
dakloosheid en het tekort aan geschikte en coronaproof opvang. Aan de andere kant bood de
crisis meer ruimte voor creatieve oplossingen en kwamen good practices naar voren die ook in
de toekomst vastgehouden kunnen worden. Zoals bijvoorbeeld meer rust en ruimte voor een
individuele benadering en het thuisbezorgen van medicatie zoals methadon.

Voor iedereen die kampt met problematisch middelengebruik of met problematisch gok- en/of
gamegedrag is kwalitatief goed, gedifferentieerd, evidence-based en toegankelijk zorgaanbod
beschikbaar: zowel in de eerste lijn, de basis-GGZ als de specialistische verslavingszorg.
In het begin van de intelligente lockdown had de verslavingszorg te kampen met verschillende
problemen en uitdagingen. Zorginstellingen probeerden de zorg zoveel mogelijk te continueren
en tegelijkertijd de veiligheid van cliënten, professionals en bezoekers zo goed mogelijk te
borgen. Het betreft hier (voor een deel) een kwetsbare doelgroep. Grootste en meest acute
probleem was het gebrek aan persoonlijke beschermingsmiddelen. Voor behandelafspraken werd
door verslavingszorginstellingen waar mogelijk overgestapt op beeldbellen. Behandelafspraken
konden niet altijd doorgang vinden, omdat de instelling de afspraak uitstelde of cliënten
niet kwamen (door ziekte of vanwege het advies zoveel mogelijk thuis te blijven). In de
zomer is het beleid geëvalueerd en heeft men zich voorbereid op de tweede golf. VKN heeft op
dit moment twee zorgpunten. De eerste is de afname van de instroom van cliënten, omdat
mensen hun zorgvraag uitstellen. Indien de uitgestelde zorgvraag alsnog volgend jaar wordt
ingehaald, is er risico op logistieke problemen. Het tweede zorgpunt in de verslavingszorg
is de mentale en fysieke belastbaarheid van de medewerkers. Men kampt met een toename van
ziekteverzuim door coronaverdachte medewerkers en het hele proces van testen. Daarnaast legt
de quarantaine een beslag op het personeelsbestand. Ook hier wordt gekeken hoe dit het beste
opgevangen kan worden.
"""

ONDERZOEKEN = (
    """\
### Monitor Drugs Incidenten 2019

De Monitor Drugsincidenten (MDI) verzamelt gegevens over gezondheidsincidenten gerelateerd
aan drugsgebruik en rapporteert deze jaarlijks[^Raadpleegbaar via www.tweedekamer.nl]. De
MDI wordt gecoördineerd door het Trimbos-instituut en is nauw verbonden met het DIMS, het
netwerk van testlocaties. Drugsincidenten worden in acht regio’s in Nederland gemeld vanuit
Spoedeisende Hulp (SEH) afdelingen van ziekenhuizen, door ambulancediensten, en
politieartsdiensten. Daarnaast leveren EHBO-posten op grootschalige evenementen in het hele
land hun gegevens aan.

De MDI werkt samen met het Letsel Informatie Systeem (LIS) van VeiligheidNL dat op 14
SEH-afdelingen van ziekenhuizen in het land gegevens verzamelt over letsels en
vergiftigingen, waaronder aan alcohol- en drugsgebruik gerelateerde meldingen.

De belangrijkste bevindingen van de MDI over 2019 zijn:
• In 2019 werden in totaal 6.629 incidenten geregistreerd: 5.577 bij de MDI en 1.052 bij het
LIS. Deze aantallen zijn hoger dan in voorgaande jaren: toen ging het om respectievelijk
5.157 en 951 (2018) en 5.117 en 788 (2017) meldingen. Het is niet goed duidelijk in hoeverre
hier sprake is van een reële toename, omdat tegelijkertijd de registratie aanzienlijk is
verbeterd.
• Ook in 2019 waren op EHBO-posten de meeste drugsincidenten gerelateerd aan ecstasygebruik.
Wel is er een dalende trend in de ernst van deze intoxicaties.
• Het percentage hoog gedoseerde ecstasypillen bleef stijgen: driekwart van de tabletten
bevatte meer dan 150mg van de werkzame stof MDMA.
• Het aantal ketamine-incidenten gemeld door EHBO-posten bedroeg in het rapportagejaar 11%.
Tot 2015 was dit aandeel nog <1% van alle drugsincidenten. Sindsdien steeg het percentage
jaarlijks.
• Het aandeel incidenten met lachgas was met 2% relatief beperkt in 2019, maar verdubbelde
in een jaar tijd. In de meeste gevallen was lachgas de enige geconsumeerde drug. Een vijfde
van alle patiënten met lachgas-intoxicatie was minderjarig. Dit is het hoogste percentage
van alle geregistreerde drugs.
• Het aantal incidenten met 3- en 4-MMC (3- en 4-methylmethcathinone) was met 0,4% gering in
2019, maar is wel toegenomen (5 incidenten in 2017, 9 in 2018 en 42 in 2019). In 2019 was in
77% van de gevallen sprake van gebruik in combinatie met voornamelijk GHB en cocaïne.
• Het aandeel GHB-intoxicaties bij deelnemende diensten is al jaren stabiel op 21% van het
totaal. Dat is opvallend hoog gezien het beperkte gebruik van GHB in de bevolking. Er zijn
flinke regionale verschillen.
• Incidenten met 4-FA (4-fluoramfetamine, dat in 2017 op Lijst 1 van de Opiumwet is
geplaatst) worden vrijwel alleen door EHBO-posten gemeld. Ernstige incidenten komen bijna
niet meer voor.
• Er was in het rapportagejaar geen aanleiding voor publieke waarschuwingsacties via Red
Alerts in verband met de signalering van extreem riskante middelen.

Deze cijfers over het aantal drugsgerelateerde gezondheidsincidenten, waaronder een flink
deel ernstige intoxicaties waarbij personen zwaar onder invloed zijn en verminderd
aanspreekbaar, vind ik zorgelijk en zijn mijns inziens een gevolg van de normalisering van
het gebruik van uitgaansdrugs. In de Drugspreventiebrief heb ik verschillende instrumenten
genoemd om deze trend te keren, zowel op het gebied van wetgeving als op het gebied van
onderzoek en preventie.[^Kamerstuk 24 077 nr. 426] Zo verwacht ik in 2021 een belangrijke
stap te zetten, wanneer lachgas en de meest voorkomende soorten Nieuwe Psychoactieve Drugs
(NPS) onder de Opiumwet zullen vallen. Daarnaast wordt de handreiking GHB verder
geïmplementeerd. Verder ondersteun ik het Trimbos-instituut en het Nederlands Jeugdinstituut
(NJi) om in zes gemeenten te verkennen of en hoe de succesvolle IJslandse aanpak gericht op
preventie van drugsgebruik, alcoholgebruik en roken geïmplementeerd kan worden en heb ik een
platform met experts opgericht om nieuwe ideeën te verkennen waarmee de stijging van
drugsgebruik kan worden tegengegaan.

Tijdens het Algemeen Overleg op 7 november 2019 heb ik op een vraag van mevrouw Van der
Graaf (CU) toegezegd met de spoedeisende hulp in gesprek te gaan over de registratie van
drugsincidenten. Naar aanleiding van deze toezegging is er gesproken met de vicevoorzitter
van de Nederlandse Vereniging van Spoedeisende Hulp Artsen (NVSHA) en deze bevestigde het
volgende. Op 12 SEH’s van ziekenhuizen is het systeem NEED (Netherlands Emergengy department
Evaluation Database) in gebruik, ter registratie van diagnoses, waarbij ook alcohol- en
drugsgebruik vastgelegd wordt. Per brief van 25 augustus 2020 heeft de Minister voor
Medische Zorg en Sport uw Kamer het rapport «Een programma voor regie op
kwaliteitsregistraties en verbetering van data governance» toegestuurd (Bijlage bij
Kamerstuk 29 248, nr. 323), waarin ook NEED is opgenomen. VWS is nu met partijen bezig met
het vormgeven van een implementatieplan. Zodra over dit traject meer bekend is zal uw Kamer
daarover worden geïnformeerd door de Minister voor MZS.

### Verkennend onderzoek naar gebruikers van cocaïne in Nederland

Eerder heb ik uw Kamer geïnformeerd nader te willen inzetten op terugdringing van het
gebruik van specifieke middelen waaronder cocaïne. Cocaïne staat namelijk al jaren op de
derde plek van de meest gebruikte illegale drugs in Nederland (na cannabis en ecstasy). Het
gebruik van cocaïne in Nederland ligt hoog in vergelijking tot andere Europese landen. Ook
zijn er aanwijzingen dat cocaïne in bepaalde regio’s, zoals rond Amsterdam, toeneemt in
populariteit. Gelet op deze negatieve ontwikkeling en de ernstige gezondheidsrisico’s die
gepaard kunnen gaan met cocaïnegebruik acht ik het van groot belang om het gebruik zoveel
als mogelijk te voorkomen, dan wel te verminderen. Om te komen tot de meest effectieve
cocaïne preventieaanpak is het belangrijk om de verschillende groepen gebruikers en hun
gebruiksredenen in kaart te brengen. Hierover is op dit moment nog weinig informatie
beschikbaar. Daarom heb ik het Trimbos-instituut opdracht gegeven hier onderzoek naar te
doen.

Bijgevoegd treft u het rapport «Cocaïne: wie gebruikt het en waarom?» van dit onderzoek dat
dit jaar is uitgevoerd[^Raadpleegbaar via www.tweedekamer.nl]. Een belangrijke bron voor dit
onderzoek vormen de interviews die zijn afgenomen met professionals uit verschillende
sectoren en met (voormalig) gebruikers. Veel van de geïnterviewde gebruikers blijken zich
bewust te zijn van de gezondheidsrisico’s die kleven aan cocaïnegebruik en houden daar ook
rekening mee, bijvoorbeeld door voorafgaand aan het gebruik te letten op voldoende slaap en
voeding. Motieven die worden aangevoerd om te gebruiken zijn onder meer dat het energie
geeft, het helpt om te ontspannen of om beter te presteren en dat het bijdraagt aan het
creëren van een gezellige sfeer met vrienden tijdens het uitgaan. Ook het gevoel «erbij te
willen horen» en het ontsnappen aan de dagelijkse stress worden genoemd. Professionals geven
aan dat cocaïnegebruik over het algemeen sociaal geaccepteerd wordt, met name in de
uitgaanssetting en in bepaalde werksettingen zoals de horeca, de medische sector, de bouw-
en technieksector en de seksindustrie. Op problematisch cocaïnegebruik /afhankelijkheid rust
vaak een taboe en stigma.

Uit het onderzoek is een drietal groepen van gebruikers naar voren gekomen, waaronder
verschillende subgroepen vallen. Dit zijn:
• Sociaal gebruik in «feest- en-vier» settingen. Dit betreft gebruikers die controle ervaren
over gebruik en gebruikers met problematiek die geen of verminderde controle ervaren;
• Gebruik gerelateerd aan werksettingen, zowel sociaal met collega’s na werktijd als
functioneel tijdens werktijd;
• Gebruik als «coping» bij psychische problematiek. Dit betreft gebruik om met negatieve
emoties om te gaan en gebruik als onderdeel van bestaande emotionele of psychische
problemen.

In het rapport staan enkele eerste aanknopingspunten voor preventie beschreven, zoals het
geven van meer voorlichting over de risico’s en het verbeteren van bekendheid en
bereikbaarheid van verschillende diensten. Ook liggen er belangrijke aanknopingspunten voor
werkgevers als intermediaire doelgroep. Onderhavig rapport is net uitgebracht. Ik ga na het
Kerstreces met het Trimbos-instituut in gesprek over een vervolgonderzoek om in de tweede
helft van 2021 te komen tot de ontwikkeling van een gerichte preventieaanpak voor de
verschillende in kaart gebrachte groepen gebruikers van cocaïne.

"""
    + EXPLORE_HEADING
    + """

Het Trimbos-instituut voert een landelijk onderzoek (EXPLORE-onderzoek) uit naar roken,
drinken en drugsgebruik door scholieren in het praktijkonderwijs en cluster 3 en 4 van het
voortgezet speciaal onderwijs (VSO), de residentiële jeugdhulp en justitiële
jeugdinrichtingen. Jongeren van deze scholen en instellingen lijken een extra kwetsbare
groep voor vroeg en riskant gebruik van deze middelen en het later ontwikkelen van
verslavingsproblematiek. In 2008 is dit onderzoek voor het eerst uitgevoerd, nu is deze
studie herhaald. Doel van het onderzoek is het krijgen van een beter beeld van wat deze
scholen en instellingen doen rondom het thema middelengebruik en waar zij behoefte aan
hebben.

Het huidige EXPLORE-onderzoek is het eerste onderzoek naar middelengebruik onder cluster-3
leerlingen van het VSO. Dit onderzoek is afgerond, de resultaten zijn vervat in bijgaande
factsheet[^Raadpleegbaar via www.tweedekamer.nl]. Wat opvalt is dat verschillende cluster-3
scholen het gevoel hebben dat middelengebruik niet speelt bij hun leerlingen. Uit
vragenlijstonderzoek onder de leerlingen zelf blijkt het wel degelijk voor te komen. Het is
mogelijk dat signalen van middelengebruik onvoldoende door de school worden herkend.
Verschillende schoolprofessionals bevestigen dit en geven aan open te staan voor training in
het herkennen van signalen van middelengebruik. In het rapport wordt genoemd dat de
regionale Instellingen voor Verslavingszorg kunnen hier een belangrijke rol in zouden kunnen
vervullen. Daarnaast kan worden gedacht aan het opstellen van beleid omtrent middelengebruik
op de cluster-3 scholen en kan er ingespeeld worden op aansprekend lesmateriaal en
voorlichting voor ouders.

Positief is dat het huidige EXPLORE-onderzoek laat zien dat er vergeleken met het onderzoek
uit 2008 sprake is van een sterke daling in het middelengebruik onder leerlingen van het
praktijkonderwijs en cluster 4 onderwijs. In het cluster 4-onderwijs geldt voor bijna alle
middelen dat de prevalentiecijfers beduidend hoger liggen dan in het praktijkonderwijs en
VMBO-b. De resultaten laten zien dat leerlingen uit cluster 4 het meest kwetsbaar zijn voor
middelengebruik. Dat is geen verrassing, omdat dit onderwijs zich richt op jongeren met
psychische stoornissen en/of gedragsproblemen waarvan bekend is dat dit vaak gepaard gaat
met het gebruik van middelen. De scholen voor cluster 4-onderwijs geven aan het tegengaan
van middelengebruik belangrijk te vinden. Toch is er op lang niet alle scholen sprake van
een geïntegreerde aanpak. Instellingen voor Verslavingszorg bieden deskundigheidsbevordering
in het signaleren en begeleiden van middelenproblematiek, maar daar wordt niet altijd
gebruik van gemaakt. Eerste stap in verbetering is het onder de aandacht brengen van het
beschikbare aanbod van educatieve activiteiten. Daarnaast is bevordering van
ouderbetrokkenheid een aandachtspunt. Ook op het praktijkonderwijs ontbreekt een integrale
aanpak. Op de meeste scholen is behoefte aan deskundigheidsbevordering en aan passend
lesmateriaal. Het taalniveau van het bestaande lesmateriaal is veelal te hoog voor de
leerlingen van het praktijkonderwijs. Ook in het praktijkonderwijs is contact met de ouders
belangrijk. Dit dient vooral plaats te vinden tijdens natuurlijke contactmomenten.

Beide betreffende factsheets treft u bijgaand aan[^Raadpleegbaar via www.tweedekamer.nl]. Op
basis van de bevindingen van deze onderzoeken wordt in 2021 in ieder geval nieuw
lesmateriaal ontwikkeld dat aansluit bij de behoeften, alsmede ondersteunend materiaal voor
ouders. Op dit moment is het onderzoek naar middelengebruik in de residentiële jeugdhulp en
justitiële jeugdinrichtingen nog gaande, de resultaten hiervan volgen begin 2021. Zodra ook
deze resultaten zijn ontvangen zal ik met het Trimbos-instituut nagaan welke actiepunten
naar aanleiding van deze drie onderzoeken in 2021 worden opgepakt.

### Inzet van ervaringsdeskundigen

In de Drugspreventiebrief van april 2019[^Kamerstuk 24 077, nr. 426] heb ik aangegeven beter
zicht te willen krijgen op de effectiviteit van de inzet van ervaringsdeskundigen op scholen
in het kader van drugspreventie. Oudere onderzoeken raden de inzet van ervaringsdeskundigen
in de klas af. Om te beoordelen of het zinnig was om literatuuronderzoek te doen naar nieuwe
onderzoeken op dit gebied heb ik Trimbos-instituut gevraagd een quickscan te doen naar
beschikbare onderzoeken. In het Algemeen Overleg Drugspreventiebeleid eind 2019 heb ik
toegezegd dat indien er voldoende onderzoeken voorhanden waren daarbij ook gekeken zou
worden naar de wijze van inzet van deze ervaringsdeskundigen, bijvoorbeeld door een
confronterende aanpak.

Juni jl. is de quickscan naar de beschikbaarheid van literatuur over de effectiviteit van de
inzet van ervaringsdeskundigen bij drugspreventie op scholen door het Trimbos-instituut
opgeleverd. Het Trimbos-instituut concludeert dat er de laatste 10 jaar weinig relevante
onderzoeken zijn opgeleverd. Het gaat slechts om vier onderzoeken, waaronder twee
internationale studies. Dit materiaal is te weinig om de effectiviteit van de inzet van
ervaringsdeskundigen bij drugspreventie te kunnen beoordelen. Nader literatuuronderzoek zal
dus weinig opleveren en is volgens de onderzoekers weinig zinvol. Dit advies van het
Trimbos-instituut heb ik opgevolgd. De Nederlandse onderzoeken naar interventies met
ervaringsdeskundigen die het Trimbos-instituut heeft beschreven zijn een interventie van
Stichting Voorkom waarbij ervaringsdeskundigen worden ingezet. Hoewel deze voor de korte
termijn succesvol lijkt, zal moeten worden onderzocht wat de langetermijneffecten zijn. De
tweede is een pilotonderzoek naar de interventie Be Wise Think Twice, waar inzet van
ervaringsdeskundigen met filmfragmenten onderdeel van is. Het onderzoek kan daarom geen
uitspraken doen over de effectiviteit van de inzet van ervaringsdeskundigen. In het algemeen
is het bewijzen van effectiviteit van interventies op het terrein van drugs en op andere
beleidsterreinen aan de ontwikkelaar zelf. Het Ministerie van VWS faciliteert
effectiviteitsonderzoek via diverse ZonMw programma’s. Het kabinet heeft daar deze
kabinetsperiode extra middelen voor vrijgemaakt. Met de inzet van deze middelen heeft het
kabinet gestimuleerd om meer interventies te onderzoeken op effectiviteit. Ik zal bekijken
hoe komend jaar effectiviteitsonderzoek naar interventies waarbij gebruik gemaakt wordt van
ervaringsdeskundigen verder kan worden gestimuleerd. In de interventiedatabase Gezond Leven
van het RIVM zijn overzichten beschikbaar van erkende en aanbevolen interventies voor
diverse doelgroepen en settings. Dit geldt ook voor drugspreventie voor jongeren. Op dit
thema wordt onder meer de inzet van de interventie Be Wise Think Twice aanbevolen voor het
voortgezet onderwijs.

### Persona onderzoek

Het persona onderzoek bevindt zich in de implementatiefase. Dit deel van het onderzoek is
erop gericht om met name met preventiewerkers in de verslavingszorg werksessies te
organiseren waarin de opgestelde persona’s worden getoetst aan de realiteit op de werkvloer,
en worden aangevuld met informatie over geschikte interventies en communicatiekanalen. Door
de corona-crisis heeft het Trimbos-instituut een alternatieve online werkwijze moeten
opstellen om toch de relevante kennis op te halen. Hierdoor is vertraging ontstaan in de
afronding van dit onderdeel van het traject. Ik zal uw Kamer daarom in het voorjaar van 2021
over de uitkomsten van het persona onderzoek informeren.

### Lachgas

Het Trimbos-instituut is medio 2019 met financiering van het Ministerie van VWS gestart met
een onderzoek naar het recreatief gebruik van lachgas onder jongeren met een niet-westerse
migratieachtergrond[^Raadpleegbaar via www.tweedekamer.nl]. Aanleiding voor dit onderzoek
waren signalen uit het veld dat onder deze jongeren specifieke problemen met lachgas
ontwikkelden. Ook laten onderzoeken zien dat het recreatief gebruik van lachgas hoger is
onder jongeren met een niet-westerse migratieachtergrond. Uitgaande van dergelijke signalen
heeft het Trimbos-instituut een kwalitatief onderzoek uitgevoerd. Demografische kenmerken,
wat karakteriseert de groep lachgasgebruikers met een niet-westerse migratieachtergrond,
welke gebruiksmotieven spelen binnen deze groep een rol en welke gevolgen en klachten worden
ervaren zijn onderwerpen die centraal staan in het onderzoek. Tot slot is ook onderzocht
welke aanbevelingen voor preventie voor deze doelgroep kunnen worden gedaan. Uit het
onderzoek blijkt dat het gebruik van lachgas in vriendengroepen een sociale activiteit is,
waarbij met name uit cilinders in plaats van lachgasampullen wordt gebruikt. Onderzoekers
signaleren ook problemen met jongeren die eerst in groepsverband en daarna alleen veelvuldig
lachgas gebruiken. Populaire plekken voor gebruik zijn de openbare ruime, auto,
shishalounges of thuis bij vrienden. Onder deze groep jongeren treden de bekende gevolgen
van lachgas op.[^CAM, Risicobeoordeling lachgas (2019)] Het onderzoek laat ook zien dat er
in deze groep weinig hulp wordt gezocht en dat wordt gedacht dat een hulpvraag niet nodig
is. Over het algemeen komen de factoren die van invloed zijn op het gebruik van lachgas bij
deze groepen jongeren overeen met de factoren die in het algemeen bekend zijn over het
recreatief gebruik van lachgas. Voorbeelden hier van zijn de invloed van sociale media op
het (starten van) gebruik, de brede beschikbaarheid van het middel, en dat het middel vaak
als onschuldig wordt gezien. Er is ook een aantal specifieke factoren, zoals de beperkte
kennis van lachgas onder ouders van jongeren met een niet-westerse migratieachtergrond en
schaamte en taboe om met ouders over lachgasgebruik of de daardoor ontstane problematiek te
praten. Het onderzoek eindigt in een reeks van aanbevelingen voor verschillende actoren,
waaronder het belang van gerichte preventie en voorlichting voor lachgasgebruikers met een
niet-westerse migratieachtergrond en het versterken van de rol van professionals en ouders
hierin. Ik volg deze aanbeveling op. Het Trimbos-instituut zal met financiering van het
Ministerie van VWS komend jaar bijvoorbeeld het bestaande preventiemateriaal in het Arabisch
vertalen en zal verkennen welke mogelijkheden er zijn voor gerichte preventie voor onder
andere ouders van jongeren met een niet-westerse migratieachtergrond. Naast het rapport
heeft het Trimbos-instituut ook een infosheet opgesteld waarin de aanbevelingen voor
jongerenwerkers en preventiewerkers zijn gebundeld.

Het Trimbos-instituut heeft dit jaar ook met financiering van VWS de Handreiking «Lachgas:
van zorgen naar acties» geactualiseerd[^Raadpleegbaar via www.tweedekamer.nl]. Deze
handreiking is gericht op gemeenten, handhavers, en preventieprofessionals. Deze herziening
heeft plaats gevonden in het licht van de risicobeoordeling van het Coördinatiepunt
Assessment en Monitoring nieuwe drugs (CAM) en recente ontwikkelingen op lokaal niveau. In
afwachting van de plaatsing van lachgas op lijst II bij de Opiumwet neemt een groeiend
aantal gemeenten maatregelen op grond van onder andere de Algemene Plaatselijke Verordening
om lachgasproblematiek tegen te gaan. Genoemde actoren wordt met de vernieuwde handreiking
een integraal overzicht geboden van mogelijkheden om lachgasproblematiek op dit moment aan
te pakken en van handvatten voor preventie. Gelet op de verkeersproblematiek rondom het
recreatief gebruik van lachgas heeft de Minister van Infrastructuur en Waterstaat eind vorig
jaar aangekondigd Team Alert te vragen een campagne over lachgas in het verkeer te
ontwikkelen.[^Aanhangsel Handelingen II 2019/20, nr. 243] De campagne is 19 november
gestart.[^www.rijballonvrij.nl]

Tot slot informeer ik u graag, mede namens de Minister van Justitie en Veiligheid, over de
voortgang van het voornemen om lachgas op lijst II bij de Opiumwet te plaatsen. Hiermee
geven de Minister van Justitie en Veiligheid en ik uitvoering aan de toezegging die de
Minister op 26 november jl. (Handelingen II 2020/21, nr. 30, debat over de Begroting
Justitie en Veiligheid 2021) aan uw Kamer heeft gedaan tijdens de begrotingsbehandeling van
het Ministerie van Justitie en Veiligheid voor het jaar 2021. Zoals ik uw Kamer eerder heb
geïnformeerd, heeft van 12 juni tot en met 10 juli jl. het ontwerpbesluit opengestaan voor
internetconsultatie.[^Kamerstuk 24 077, nr. 465] Daarnaast hebben de Minister van Justitie
en Veiligheid en ik zowel de betrokken handhavings- en uitvoeringsinstanties als de
rechtspraak geconsulteerd. Aan de hand van de uitvoeringstoetsen en impact analyses worden
de uitvoeringsconsequenties en financiële consequenties in beeld gebracht. Ik streef er
samen met de Minister van Justitie en Veiligheid naar het voorstel zo spoedig mogelijk, naar
verwachting in het voorjaar 2021, bij uw Kamer in te dienen. Het streven is dat het
Lachgasbesluit vervolgens in de tweede helft van 2021 in werking treedt.
"""
)

NPS = """\
Zoals bekend bereid ik samen met de Minister van JenV een wetswijziging voor waarmee we het
mogelijk maken om groepen nieuwe psychoactieve groepen met eenzelfde chemische structuur in
één keer te verbieden. Daarmee voorkomen we dat drugsproducenten de Opiumwet omzeilen door
met een kleine wijziging in de chemische structuur van een harddrug steeds een nieuwe, op
dat moment legale, NPS op de markt te brengen. Voorbeeld van zo’n NPS is het middel 3-MMC
waar recentelijk aandacht aan is besteed door de media. Momenteel worden de
uitvoeringstoetsen en (financiële) impactanalyses verwerkt van de partijen die betrokken
zullen zijn bij de uitvoering van het wetsvoorstel. Dit proces heeft enige vertraging
opgelopen, mede door drukte als gevolg van de coronacrisis. De verwachting is dat het
wetsvoorstel komend voorjaar aan uw Kamer zal worden aangeboden. Met deze stand van zaken
doen de Minister van Justitie en Veiligheid en ik tevens uitvoering aan de toezegging die de
Minister op 26 november jl. aan uw Kamer heeft gedaan tijdens de begrotingsbehandeling van
het Ministerie van Justitie en Veiligheid voor het jaar 2021.
"""

SCHOOLPLEINEN = """\
Tijdens het VAO Drugspreventiebeleid en Verslavingszorg (Handelingen II 2019/20, nr. 38,
item 5) is de motie van de leden Edgar Mulder (PVV) en Van der Staaij (SGP) over het
inzetten van maatregelen om te komen tot drugsvrije schoolpleinen aangenomen.[^Kamerstuk 24
077 nr. 453] Om invulling te geven aan deze motie is contact geweest met het
Trimbos-instituut over Helder op School. Op dit moment wordt binnen Helder op School op
verschillende manieren aandacht besteed aan drugsvrije schoolterreinen. Helder op school
bestaat uit vier pijlers: beleid, educatie, omgeving, signalering & begeleiding. Omdat een
integrale aanpak het meest effectief is bij de aanpak van middelengebruik, is het de
bedoeling dat scholen die met middelenpreventie aan de slag gaan activiteiten uitvoeren
binnen al deze pijlers. Dit is ook een voorwaarde om in aanmerking te komen voor het vignet
Gezonde School. Onderdeel van Helder op School is een stappenplan voor scholen voor het
invoeren van een middelenvrij(e) school(plein). Hierbij is aandacht voor beleid, handhaving,
toezichthouder, communicatie met ouders, sancties. Helder op School adviseert om in het
schoolbeleid op te nemen dat het gebruik, bezit of verkopen van drugs op het schoolterrein
niet is toegestaan. Daarnaast moet worden vastgelegd welke sancties worden opgelegd op het
moment dat de regels worden overtreden. Maatregelen waaraan gedacht kan worden zijn
schorsing, tijdelijke verwijdering van school en/of uitsluiten van bepaalde activiteiten.
Wanneer er sprake is van dealen wordt altijd de politie ingeschakeld. Het is belangrijk dat
de school vooraf ouders informeert over het drugsbeleid en in het geval van overtreding de
ouders hiervan op de hoogte stelt. Vanuit Helder op School wordt geadviseerd om niet alleen
de maatregelen zelf vast te leggen, maar ook wie er toeziet op de handhaving en de
uitvoering van de maatregelen. In het stappenplan wordt stap voor stap beschreven hoe de
school hierin het beste te werk kan gaan. De regiocontactpersonen van Helder op School
ondersteunen hierbij. Ook bij de zorgtaak die scholen hebben wordt geholpen om zorgen over
middelengebruik adequaat op te pakken, bijvoorbeeld door deskundigheidsbevordering aan te
bieden aan scholen. Zo is een basiscursus beschikbaar voor docenten en ondersteunend
personeel over middelenkennis en een verdiepende training om docenten en ander
schoolpersoneel te helpen bij het herkennen van signalen van drugsgebruik en het aangaan van
het gesprek met de leerling. Vanaf 1 januari 2021 wordt de basiscursus door Trimbos
aangeboden onder de naam Alcohol en Drugs-Basiscursus e-learning. Voor een verdiepende
cursus kan gebruik gemaakt worden van de Toolbox signaleren van Trimbos-Helder op School.
Deze wordt uitgevoerd door de lokale instellingen voor verslavingszorg waardoor vaardigheden
in de praktijk geoefend kunnen worden.

Het Trimbos-instituut geeft aan dat deze samenhangende aanpak en aanbod van materialen op
veel scholen afdoende is. De laatste jaren merkt het Trimbos-instituut dat het moeilijker is
geworden om scholen te bewegen tot het invoeren van een integrale aanpak van roken, alcohol
en drugs. Het ontbreekt steeds vaker aan de randvoorwaarden voor een goede borging van de
activiteiten. VWS heeft het Trimbos-instituut daarom verzocht om samen met zijn
regiopartners de implementatiestrategie te herijken om het belang van een integrale aanpak
van roken, alcohol en drugs in het onderwijs te onderstrepen en waar mogelijk belemmeringen
weg te nemen. Met een goede uitvoering van het volledige Helder op Schoolprogramma kan op
veel scholen zorg gedragen worden voor een drugsvrij schoolterrein. Daarnaast zal in de
vierde bijeenkomst van het platform tegengaan stijging drugsgebruik onder andere aandacht
zijn voor de rol en mogelijkheden van scholen in preventie van drugsgebruik. Mogelijk worden
uit deze sessie nog aanvullende lessen getrokken waarmee we scholen verder kunnen
ondersteunen. Tot slot wijs ik u op de eerder genoemde IJslandse preventieaanpak van roken,
alcohol- en drugsgebruik door jongeren. De aanpak zelf, die gebaseerd is op een community
based benadering, spreekt me zeer
aan.[^https://www.trimbos.nl/kennis/ijslands-preventie-model] Zes pilotgemeenten zijn
inmiddels met de implementatie van interventies aan de slag. De eindrapportage verwacht ik
in juni 2022. Met de hierboven beschreven inzet wordt invulling gegeven aan de motie.
"""

PLATFORM = """\
In april 2019 heb ik uw Kamer geïnformeerd over de oprichting van het Platform tegengaan
stijging drugsgebruik (Kamerstuk 24 077, nr. 426). In november 2019 heeft de eerste
bijeenkomst van het platform plaatsgevonden. Doel van het platform is om met een gemengde
groep experts, wetenschappers, en andere belanghebbenden de witte vlekken van het
Nederlandse (hard)drugspreventiebeleid in beeld te brengen. In het afgelopen jaar heeft het
Ministerie van VWS drie sessies georganiseerd. Daar zijn verschillende witte vlekken
besproken, zoals het bereiken van de juiste doelgroep met de juiste informatie. Inzichten
uit het persona onderzoek zijn daarbij behulpzaam en belangrijk gebleken. Een concreet
resultaat van de bijeenkomst over verschillende type drugsgebruikers is dat de uitrol van de
werksessies van het persona onderzoek is vergroot. Naar aanleiding van de bijeenkomst van
het Platform heeft het Trimbos-instituut een werksessie bij het preventieoverleg van
Verslavingskunde Nederland georganiseerd. Dit heeft tot verschillende werksessies bij andere
preventieafdelingen geleid. Een andere witte vlek is de vertaling van landelijk drugsbeleid
naar lokaal drugsbeleid. Uit een van de bijeenkomsten blijkt dat er winst te behalen is op
lokaal gebied door met gemeenten meer stappen te zetten. Om die reden heeft het ministerie
verschillende lokale initiatieven bij elkaar gebracht. Een belangrijke les uit deze sessie
is dat we meer kunnen halen uit kennisuitwisseling, het delen van ervaringen en
samenwerking. Zo gaven een aantal partijen aan dat het zou helpen wanneer de rijksoverheid
lokale drugspreventieprojecten een podium zou geven, zoals bijvoorbeeld het Regioproject
«Denormalisering drugsgebruik» in de politieregio Oost-Brabant, maar ook het Basispakket
Preventie van Verslavingskunde Nederland dat lokaal kan worden ingezet. Op dit moment ben ik
in gesprek met verschillende partijen om hier gevolg aan te geven. Begin volgend jaar volgt
een volgende sessie over drugspreventie en onderwijs.
"""

LADIS = """\
Het Landelijk Alcohol en Drugs Informatiesysteem Zorg (LADIS), waarin de hulpvraag
verslavingszorg wordt geregistreerd, bevat vanwege een privacy-technisch probleem geen
gegevens vanaf het jaar 2016. Met een wijziging van de Wet Kwaliteit, klachten en geschillen
in zorg (Wkkgz) in verband met het creëren van een wettelijke grondslag voor het verwerken
van de persoonsgegevens in kwaliteitsregisters LADIS en LTR (Landelijk Trauma Register) zal
dit probleem worden opgelost. De wetswijziging is eind augustus jl. naar de Tweede Kamer
gestuurd voor behandeling. Wanneer de wetswijziging in werking treedt, kan met terugwerkende
kracht data worden aangeleverd over de afgelopen jaren.
"""

AFSLUITING = """\
Als afsluiting van deze brief wil ik nogmaals kort ingaan op de gevolgen van de
coronapandemie voor drugsbeleid. Het jaar 2020 zal in de monitoring zorgen voor een
trendbreuk waardoor het mogelijk moeilijker is om te zien wat de opbrengst van de inzet is.
Dit doet uiteraard niets af aan de inzet op preventie en monitoring. Zoals ook in deze brief
duidelijk is geworden blijf ik alert en kijk ik naar het inzetten van extra acties om de
monitoring op andere wijzen vorm te geven als gebruikelijk. Zo zal het Trimbos-instituut met
financiering van het Ministerie van VWS aanvullend een panel inrichten waarin zowel
uitgaanders als professionals in het uitgaansleven vertegenwoordigd zijn om zo de actuele
situatie in het zicht te houden. Dit geeft ons de mogelijkheid om daar, zolang de
coronapandemie effect heeft op ons dagelijks leven, vinger aan de pols te houden en acties
te ondernemen waar nodig. In het eerste kwartaal van 2021 informeer ik u over genomen
stappen en over een aantal openstaande toezeggingen.
"""

SECTIONS = [
    ("Situatie tijdens de coronacrisis", CORONACRISIS),
    ("Onderzoeken en monitors", ONDERZOEKEN),
    ("Wetsvoorstel verbod groepen NPS (nieuwe psychoactieve stoffen)", NPS),
    ("Motie drugsvrije schoolpleinen", SCHOOLPLEINEN),
    ("Platform tegengaan stijging drugsgebruik", PLATFORM),
    ("LADIS", LADIS),
    ("Afsluiting", AFSLUITING),
]
