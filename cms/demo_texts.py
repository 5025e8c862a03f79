"""Demo content of the site, written for Arvokas from the facts in shared/seeds.

Each page has the same blocks in every language; only the words differ. The helpers build
StreamField values in the shape of cms.blocks.
"""


def p(html: str) -> tuple:
    return ("paragraph", html)


def h(text: str, level: str = "h2") -> tuple:
    return ("heading", {"text": text, "level": level})


def checklist(title: str, items: list[str]) -> tuple:
    return ("checklist", {"title": title, "items": items})


def case(title: str, situation: str, helped: str) -> tuple:
    return ("example_case", {"title": title, "situation": situation, "what_helped": helped})


def quote(text: str, who: str) -> tuple:
    return ("quote", {"quote": text, "attribution": who})


def callout(kind: str, title: str, text: str) -> tuple:
    return ("callout", {"kind": kind, "title": title, "text": text})


def figures(title: str, bars: list[tuple[str, float]], source: str) -> tuple:
    return (
        "figures",
        {
            "title": title,
            "unit": "%",
            "maximum": 100,
            "bars": [{"label": label, "value": value} for label, value in bars],
            "source": source,
        },
    )


INDEXES = {
    "guides": {
        "fi": ("Oppaat", "Käytännön oppaita asiakkaan osallisuuteen ja hyvään kohtaamiseen."),
        "sv": ("Guider", "Praktiska guider om klientens delaktighet och gott bemötande."),
        "en": ("Guides", "Practical guides to client participation and good encounters."),
    },
    "news": {
        "fi": ("Ajankohtaista", "Uutisia Arvokkaasta ja sen koulutuksista."),
        "sv": ("Aktuellt", "Nyheter om Arvokas och dess utbildningar."),
        "en": ("News", "News about Arvokas and its training."),
    },
}

# The home page's highlight cards: (key of the page it points to or None, title, text).
HIGHLIGHTS = {
    "fi": [
        (
            "guides",
            "Oppaat",
            "Käytännön ohjeita osallisuuteen: arvot, esteet ja keinot, asiakasraadit ja "
            "palautteen käsittely.",
        ),
        (
            None,
            "Yksikön itsearviointi",
            "Tiimi arvioi yhdessä, miten viisi arvoa toteutuvat, ja sopii parannustoimista. "
            "Kirjaudu sisään nähdäksesi yksikkösi kierrokset.",
        ),
        ("news", "Ajankohtaista", "Uutta palvelussa ja sen koulutuksissa."),
    ],
    "sv": [
        (
            "guides",
            "Guider",
            "Praktiska råd om delaktighet: värdena, hinder och medel, klientråd och "
            "hantering av respons.",
        ),
        (
            None,
            "Enhetens självvärdering",
            "Teamet bedömer tillsammans hur de fem värdena förverkligas och kommer överens om "
            "förbättringsåtgärder. Logga in för att se enhetens omgångar.",
        ),
        ("news", "Aktuellt", "Nytt i tjänsten och dess utbildningar."),
    ],
    "en": [
        (
            "guides",
            "Guides",
            "Practical advice on participation: the values, barriers and means, client panels "
            "and handling feedback.",
        ),
        (
            None,
            "Unit self-assessment",
            "The team assesses together how the five values are lived and agrees on "
            "improvement actions. Sign in to see your unit's rounds.",
        ),
        ("news", "News", "What is new in the service and its training."),
    ],
}

FINSOTE = "FinSote 2020, Satakunta"
HELSINKI = "Helsinki 2016 (242 esihenkilöä / förmän / supervisors)"

GUIDES = [
    {
        "slug": "mita-osallisuus-on",
        "values": ["client_centredness", "dignity"],
        "fi": (
            "Mitä asiakkaan osallisuus tarkoittaa ja miksi sillä on väliä",
            "Osallisuus on sitä, että asiakas saa tietoa, tulee kuulluksi ja on mukana päättämässä "
            "omista palveluistaan.",
            [
                p(
                    "<p>Asiakas on oman elämänsä asiantuntija. Kun hän pääsee vaikuttamaan siihen, "
                    "mitä hänen asiassaan tehdään, ratkaisut sopivat paremmin hänen arkeensa ja "
                    "luottamus palveluun kasvaa.</p>"
                ),
                figures(
                    "Miten asiakkaat kokivat sosiaalipalvelut",
                    [
                        ("Ei voinut kysyä omasta palvelustaan", 30),
                        ("Ei ollut mukana omia asioitaan koskevissa päätöksissä", 40),
                        ("Asiat selitettiin ymmärrettävästi", 60),
                        ("Luottaa sosiaalipalvelujen henkilöstöön", 70),
                    ],
                    FINSOTE,
                ),
                h("Hyvinvoiva työntekijä mahdollistaa osallisuuden"),
                p(
                    "<p>Työntekijä, joka voi itse vaikuttaa työhönsä ja jaksaa, ehtii myös kuunnella "
                    "asiakasta. Siksi yksikön itsearviointi kysyy myös, mikä työssä estää arvojen "
                    "toteutumista.</p>"
                ),
                callout(
                    "tip",
                    "Kokeile tällä viikolla",
                    "<p>Kysy tapaamisen lopuksi: <em>Jäikö jotain, mitä haluaisit vielä "
                    "kysyä?</em></p>",
                ),
            ],
        ),
        "sv": (
            "Vad klientens delaktighet betyder och varför den spelar roll",
            "Delaktighet betyder att klienten får information, blir hörd och är med och "
            "beslutar om sina egna tjänster.",
            [
                p(
                    "<p>Klienten är expert på sitt eget liv. När hen kan påverka vad som görs i "
                    "ärendet passar lösningarna bättre i vardagen och förtroendet för tjänsten "
                    "växer.</p>"
                ),
                figures(
                    "Hur klienterna upplevde socialservicen",
                    [
                        ("Kunde inte fråga om sin egen tjänst", 30),
                        ("Var inte med i beslut om sig själv", 40),
                        ("Saker förklarades begripligt", 60),
                        ("Litar på personalen inom socialservicen", 70),
                    ],
                    FINSOTE,
                ),
                h("En personal som mår bra gör delaktighet möjlig"),
                p(
                    "<p>Den som själv kan påverka sitt arbete och orkar hinner också lyssna på "
                    "klienten. Därför frågar enhetens självvärdering också vad som hindrar "
                    "värdena i arbetet.</p>"
                ),
                callout(
                    "tip",
                    "Pröva den här veckan",
                    "<p>Fråga i slutet av mötet: <em>Finns det något mer du vill fråga?</em></p>",
                ),
            ],
        ),
        "en": (
            "What client participation means and why it matters",
            "Participation means that clients get information, are heard and take part in "
            "decisions about their own services.",
            [
                p(
                    "<p>Clients are experts on their own lives. When they can influence what is "
                    "done in their case, solutions fit their everyday life better and trust in "
                    "the service grows.</p>"
                ),
                figures(
                    "How clients experienced social services",
                    [
                        ("Could not ask about their own service", 30),
                        ("Did not take part in decisions about themselves", 40),
                        ("Things were explained understandably", 60),
                        ("Trust social services staff", 70),
                    ],
                    FINSOTE,
                ),
                h("Staff who are well make participation possible"),
                p(
                    "<p>Staff who can shape their own work and have the energy for it also have "
                    "time to listen. That is why the unit self-assessment also asks what stands "
                    "in the way of the values.</p>"
                ),
                callout(
                    "tip",
                    "Try this week",
                    "<p>At the end of a meeting, ask: <em>Is there anything else you would "
                    "like to ask?</em></p>",
                ),
            ],
        ),
    },
    {
        "slug": "viisi-arvoa",
        "values": ["dignity", "client_centredness", "equality", "trust", "empathy"],
        "fi": (
            "Viisi arvoa ja mitä asukkaat niiltä odottavat",
            "Hyvän palveluohjauksen arvot asukkaiden silmin: ihmisarvo, asiakaslähtöisyys, "
            "luottamus, yhdenvertaisuus ja empatia.",
            [
                h("Ihmisarvon kunnioittaminen"),
                p(
                    "<p>Asiakkaalle varataan aikaa ilman kiirettä. Jos työntekijä ei tiedä "
                    "vastausta, hän selvittää asian ja palaa siihen.</p>"
                ),
                h("Asiakaslähtöisyys"),
                p(
                    "<p>Asiakkaan oma tilanne ohjaa ratkaisuja. Työntekijä on perehtynyt asiaan "
                    "etukäteen, ja asiakkaan eriävä mielipide kirjataan.</p>"
                ),
                h("Luottamus"),
                p(
                    "<p>Luottamus syntyy ajan kanssa. Asiakkaan kertomaa ei vähätellä, eikä "
                    "tietosuojaa käytetä tekosyynä.</p>"
                ),
                h("Yhdenvertaisuus"),
                p(
                    "<p>Yhteyden saa helposti ja ajan joustavasti, myös paikan päällä. Iäkästä "
                    "asiakasta ei komennella.</p>"
                ),
                h("Empatia"),
                p(
                    "<p>Ammattilainen kuuntelee ja ymmärtää, on kohtelias ja hienotunteinen mutta "
                    "rehellinen.</p>"
                ),
            ],
        ),
        "sv": (
            "Fem värden och vad invånarna väntar sig av dem",
            "Värdena i god servicehandledning sedda med invånarnas ögon: människovärde, "
            "klientorientering, förtroende, jämlikhet och empati.",
            [
                h("Respekt för människovärdet"),
                p(
                    "<p>Klienten får tid utan brådska. Om medarbetaren inte vet svaret tar hen "
                    "reda på det och återkommer.</p>"
                ),
                h("Klientorientering"),
                p(
                    "<p>Klientens egen situation styr lösningarna. Medarbetaren har satt sig in i "
                    "ärendet i förväg, och klientens avvikande åsikt antecknas.</p>"
                ),
                h("Förtroende"),
                p(
                    "<p>Förtroende tar tid. Det klienten berättar förringas inte, och dataskyddet "
                    "används inte som ursäkt.</p>"
                ),
                h("Jämlikhet"),
                p(
                    "<p>Det är lätt att få kontakt och en tid flexibelt, också på plats. Äldre "
                    "klienter kommenderas inte.</p>"
                ),
                h("Empati"),
                p(
                    "<p>Den professionella lyssnar och förstår, är artig och taktfull men "
                    "ärlig.</p>"
                ),
            ],
        ),
        "en": (
            "The five values and what residents expect of them",
            "The values of good service guidance as residents see them: dignity, "
            "client-centredness, trust, equality and empathy.",
            [
                h("Respect for human dignity"),
                p(
                    "<p>Clients get unhurried time. A professional who does not know the answer "
                    "finds out and comes back.</p>"
                ),
                h("Client-centredness"),
                p(
                    "<p>The client's own situation guides the solutions. The worker has read up on "
                    "the case beforehand, and a client's disagreement is recorded.</p>"
                ),
                h("Trust"),
                p(
                    "<p>Trust takes time. What the client says is not doubted, and data protection "
                    "is not used as an excuse.</p>"
                ),
                h("Equality"),
                p(
                    "<p>It is easy to get in touch and to get an appointment flexibly, also in "
                    "person. Older clients are not ordered about.</p>"
                ),
                h("Empathy"),
                p(
                    "<p>The professional listens and understands, with good manners and tact, "
                    "and stays honest.</p>"
                ),
            ],
        ),
    },
    {
        "slug": "esteet-ja-keinot",
        "values": ["dignity", "equality", "empathy"],
        "fi": (
            "Mikä estää arvojen toteutumista ja mikä auttaa",
            "Esihenkilöiden havaitsemat esteet ja keinot, joilla yksikkö voi edistää arvoja.",
            [
                checklist(
                    "Tavallisia esteitä",
                    [
                        "Kiire ja päällekkäiset tehtävät",
                        "Asiakasmäärät kasvavat nopeammin kuin resurssit",
                        "Epäselvät asiakaspolut ja vastuut",
                        "Kielimuurit ja henkilöstön vaihtuvuus",
                    ],
                ),
                checklist(
                    "Keinoja edistää arvoja",
                    [
                        "Pidä asiakas keskiössä ja priorisoi asiakastyö",
                        "Tiimin tuki, koulutus ja työhyvinvointi",
                        "Rakenteiset toimintatavat tasalaatuisuuden tueksi",
                        "Rauhallinen tila, joka suojaa luottamuksellisuutta",
                    ],
                ),
                case(
                    "Kiireinen puhelinpäivä",
                    "<p>Puhelinjonossa on paljon asiakkaita, ja työntekijä huomaa vastaavansa "
                    "lyhyesti.</p>",
                    "<p>Tiimi sopi, että vaikeat puhelut voi siirtää takaisinsoittoon sovittuna "
                    "aikana.</p>",
                ),
            ],
        ),
        "sv": (
            "Vad hindrar värdena och vad hjälper",
            "Hinder som förmännen ser och sätt som enheten kan främja värdena på.",
            [
                checklist(
                    "Vanliga hinder",
                    [
                        "Brådska och överlappande uppgifter",
                        "Antalet klienter växer snabbare än resurserna",
                        "Oklara klientvägar och ansvar",
                        "Språkbarriärer och personalomsättning",
                    ],
                ),
                checklist(
                    "Sätt att främja värdena",
                    [
                        "Håll klienten i centrum och prioritera klientarbetet",
                        "Stöd i teamet, utbildning och arbetsvälbefinnande",
                        "Strukturerade arbetssätt för jämn kvalitet",
                        "Ett lugnt rum som skyddar konfidentialiteten",
                    ],
                ),
                case(
                    "En hektisk telefondag",
                    "<p>Telefonkön är lång och medarbetaren märker att hen svarar kort.</p>",
                    "<p>Teamet kom överens om att svåra samtal kan flyttas till en avtalad "
                    "återuppringning.</p>",
                ),
            ],
        ),
        "en": (
            "What stands in the way of the values and what helps",
            "Barriers that supervisors see and means by which a unit can promote the values.",
            [
                checklist(
                    "Common barriers",
                    [
                        "Hurry and overlapping tasks",
                        "Client numbers grow faster than resources",
                        "Unclear client paths and responsibilities",
                        "Language barriers and staff turnover",
                    ],
                ),
                checklist(
                    "Means to promote the values",
                    [
                        "Keep the client at the centre and put client work first",
                        "Team support, training and wellbeing at work",
                        "Structured ways of working for even quality",
                        "A calm room that protects confidentiality",
                    ],
                ),
                case(
                    "A busy day on the phone",
                    "<p>The phone queue is long and the worker notices giving short answers.</p>",
                    "<p>The team agreed that difficult calls can move to a call-back at an "
                    "agreed time.</p>",
                ),
            ],
        ),
    },
    {
        "slug": "asiakasraadit",
        "values": ["client_centredness", "trust"],
        "fi": (
            "Asiakasraadit ja kokemusasiantuntijat",
            "Asiakkaat kehittäjinä: raadit, kokemusasiantuntijat, vertaisryhmät ja yhteistutkimus.",
            [
                p(
                    "<p>Asiakasraati on ryhmä asiakkaita, joka kokoontuu säännöllisesti "
                    "kommentoimaan palvelua. Kokemusasiantuntija tuo oman kokemuksensa mukaan "
                    "suunnitteluun ja koulutukseen.</p>"
                ),
                figures(
                    "Esihenkilöiden yksiköt, joissa on käytössä",
                    [
                        ("Asiakaspalautteen keruu", 91),
                        ("Asiakasraati", 19),
                        ("Kokemusasiantuntijat", 41),
                    ],
                    HELSINKI,
                ),
                checklist(
                    "Näin aloitat",
                    [
                        "Sovi, mihin päätöksiin raati voi vaikuttaa",
                        "Kutsu mukaan erilaisia asiakkaita",
                        "Kerro raadille, mitä sen ehdotuksille tapahtui",
                    ],
                ),
                quote(
                    "Kun kerroimme, mikä jonotuksessa on vaikeaa, aulan opasteet muutettiin "
                    "kuukaudessa.",
                    "Esimerkki asiakasraadin jäsenen kokemuksesta",
                ),
            ],
        ),
        "sv": (
            "Klientråd och erfarenhetsexperter",
            "Klienter som utvecklare: råd, erfarenhetsexperter, kamratgrupper och samforskning.",
            [
                p(
                    "<p>Ett klientråd är en grupp klienter som regelbundet kommenterar tjänsten. "
                    "En erfarenhetsexpert bidrar med sin egen erfarenhet i planering och "
                    "utbildning.</p>"
                ),
                figures(
                    "Förmännens enheter som använder",
                    [
                        ("Insamling av klientrespons", 91),
                        ("Klientråd", 19),
                        ("Erfarenhetsexperter", 41),
                    ],
                    HELSINKI,
                ),
                checklist(
                    "Så kommer du i gång",
                    [
                        "Kom överens om vilka beslut rådet kan påverka",
                        "Bjud in olika slags klienter",
                        "Berätta för rådet vad som hände med dess förslag",
                    ],
                ),
                quote(
                    "När vi berättade vad som var svårt med köandet ändrades skyltarna i "
                    "lobbyn inom en månad.",
                    "Exempel på en klientrådsmedlems erfarenhet",
                ),
            ],
        ),
        "en": (
            "Client panels and experts by experience",
            "Clients as developers: panels, experts by experience, peer groups and co-research.",
            [
                p(
                    "<p>A client panel is a group of clients who meet regularly to comment on the "
                    "service. An expert by experience brings their own experience into planning "
                    "and training.</p>"
                ),
                figures(
                    "Supervisors' units that use",
                    [
                        ("Collecting client feedback", 91),
                        ("A client panel", 19),
                        ("Experts by experience", 41),
                    ],
                    HELSINKI,
                ),
                checklist(
                    "How to start",
                    [
                        "Agree which decisions the panel can influence",
                        "Invite many kinds of clients",
                        "Tell the panel what happened to its proposals",
                    ],
                ),
                quote(
                    "When we told them what was hard about queueing, the signs in the lobby "
                    "were changed within a month.",
                    "Example of a client panel member's experience",
                ),
            ],
        ),
    },
    {
        "slug": "palautteen-kasittely",
        "values": ["trust", "client_centredness"],
        "fi": (
            "Asiakaspalautteen käsittely",
            "Palautteen antaminen on helppoa, jokaiseen vastataan viidessä arkipäivässä ja "
            "asiakkaalle kerrotaan, mitä muuttui.",
            [
                checklist(
                    "Hyvä käsittely",
                    [
                        "Tarjoa monta kanavaa: verkko, paperi, tekstiviesti ja kasvokkain",
                        "Vastaa viidessä arkipäivässä",
                        "Käsittele palaute tiimissä ja päätä toimenpiteet",
                        "Kerro asiakkaille, miten palaute muutti palvelua",
                    ],
                ),
                callout(
                    "important",
                    "Kielteinen palaute on lahja",
                    "<p>Verkkopalautteesta lähes puolet voi olla kielteistä. Juuri se "
                    "näyttää, mitä kannattaa korjata.</p>",
                ),
                case(
                    "Tekstiviestikysely puhelun jälkeen",
                    "<p>Asiakas saa puhelun jälkeen lyhyen kyselyn tekstiviestinä.</p>",
                    "<p>Esihenkilö ja tiimi käyvät tulokset läpi kuukausittain ja sopivat "
                    "korjaavista toimista.</p>",
                ),
            ],
        ),
        "sv": (
            "Att hantera klientrespons",
            "Det är lätt att ge respons, alla får svar inom fem vardagar och klienten får veta "
            "vad som ändrades.",
            [
                checklist(
                    "God hantering",
                    [
                        "Erbjud många kanaler: webb, papper, sms och ansikte mot ansikte",
                        "Svara inom fem vardagar",
                        "Behandla responsen i teamet och besluta om åtgärder",
                        "Berätta för klienterna hur responsen ändrade tjänsten",
                    ],
                ),
                callout(
                    "important",
                    "Negativ respons är en gåva",
                    "<p>Nästan hälften av webbresponsen kan vara negativ. Just den visar vad "
                    "som lönar sig att rätta till.</p>",
                ),
                case(
                    "Sms-enkät efter samtalet",
                    "<p>Efter samtalet får klienten en kort enkät per sms.</p>",
                    "<p>Förmannen och teamet går igenom resultaten varje månad och kommer "
                    "överens om korrigerande åtgärder.</p>",
                ),
            ],
        ),
        "en": (
            "Handling client feedback",
            "Giving feedback is easy, every message is answered within five working days and "
            "clients are told what changed.",
            [
                checklist(
                    "Good handling",
                    [
                        "Offer many channels: web, paper, text message and face to face",
                        "Answer within five working days",
                        "Go through feedback as a team and decide on actions",
                        "Tell clients how their feedback changed the service",
                    ],
                ),
                callout(
                    "important",
                    "Negative feedback is a gift",
                    "<p>Almost half of web feedback can be negative. That is exactly what "
                    "shows what is worth fixing.</p>",
                ),
                case(
                    "A text-message survey after a call",
                    "<p>After a phone call the client gets a short survey by text message.</p>",
                    "<p>The supervisor and the team go through the results every month and "
                    "agree on corrective actions.</p>",
                ),
            ],
        ),
    },
    {
        "slug": "vuosikello",
        "values": ["equality", "client_centredness"],
        "fi": (
            "Asiakaskokemuksella johtamisen vuosikello",
            "Vuoden rytmi, jossa asiakaskokemustieto kerätään, käsitellään ja muutetaan teoiksi.",
            [
                p(
                    "<p>Kun jokainen yksikkö kerää palautetta ja käsittelee sen, tieto on "
                    "vertailukelpoista ja johto näkee, missä tarvitaan tukea.</p>"
                ),
                checklist(
                    "Vuoden kulku",
                    [
                        "Alkuvuosi: edellisen vuoden palautteen yhteenveto",
                        "Kevät: yksikön itsearviointi ja kehittämistoimet",
                        "Syksy: asiakastyytyväisyyskysely (joka toinen vuosi)",
                        "Loppuvuosi: toimien seuranta ja kertominen asiakkaille",
                    ],
                ),
                callout(
                    "tip",
                    "Suositteluindeksi",
                    "<p>Kysymys asteikolla 0–10 siitä, suosittelisiko asiakas palvelua, on "
                    "helppo toistaa ja vertailla.</p>",
                ),
            ],
        ),
        "sv": (
            "Årshjulet för ledning med klientupplevelser",
            "Årets rytm där data om klientupplevelser samlas in, behandlas och blir handling.",
            [
                p(
                    "<p>När varje enhet samlar in respons och behandlar den blir informationen "
                    "jämförbar och ledningen ser var stöd behövs.</p>"
                ),
                checklist(
                    "Året i korthet",
                    [
                        "Början av året: sammanfattning av fjolårets respons",
                        "Våren: enhetens självvärdering och utvecklingsåtgärder",
                        "Hösten: enkät om klientnöjdhet (vartannat år)",
                        "Slutet av året: uppföljning och information till klienterna",
                    ],
                ),
                callout(
                    "tip",
                    "Rekommendationsindex",
                    "<p>En fråga på skalan 0–10 om klienten skulle rekommendera tjänsten är "
                    "lätt att upprepa och jämföra.</p>",
                ),
            ],
        ),
        "en": (
            "The annual cycle of leading with client-experience data",
            "A yearly rhythm in which client-experience data is collected, discussed and "
            "turned into action.",
            [
                p(
                    "<p>When every unit collects feedback and handles it, the data can be compared "
                    "and management sees where support is needed.</p>"
                ),
                checklist(
                    "The year at a glance",
                    [
                        "Early in the year: summary of last year's feedback",
                        "Spring: the unit self-assessment and improvement actions",
                        "Autumn: client satisfaction survey (every other year)",
                        "End of the year: follow-up and telling clients what changed",
                    ],
                ),
                callout(
                    "tip",
                    "Recommendation index",
                    "<p>A 0–10 question on whether the client would recommend the service is "
                    "easy to repeat and compare.</p>",
                ),
            ],
        ),
    },
]

NEWS = [
    {
        "slug": "arvokas-kayttoon",
        "date": "2026-11-02",
        "fi": (
            "Arvokas on otettu käyttöön",
            "Oppaat, koulutukset ja yksikön itsearviointi ovat nyt samassa palvelussa.",
            [
                p(
                    "<p>Kirjaudu sisään työsähköpostillasi. Esihenkilö voi avata yksikölle "
                    "ensimmäisen arviointikierroksen.</p>"
                )
            ],
        ),
        "sv": (
            "Arvokas har tagits i bruk",
            "Guider, utbildningar och enhetens självvärdering finns nu i samma tjänst.",
            [
                p(
                    "<p>Logga in med din e-postadress på jobbet. Förmannen kan öppna enhetens "
                    "första värderingsomgång.</p>"
                )
            ],
        ),
        "en": (
            "Arvokas is now in use",
            "Guides, training and the unit self-assessment are now in one service.",
            [
                p(
                    "<p>Sign in with your work e-mail. Supervisors can open their unit's first "
                    "assessment round.</p>"
                )
            ],
        ),
    },
    {
        "slug": "webinaarisarja",
        "date": "2026-11-16",
        "fi": (
            "Viiden webinaarin sarja alkaa",
            "Asiakasviestintä, arvostava kohtaaminen, ongelmien ennaltaehkäisy, haastavat "
            "asiakastilanteet ja kuormittavista tilanteista palautuminen.",
            [p("<p>Webinaarit tallennetaan tekstitettyinä, ja jokaisesta on tekstivastine.</p>")],
        ),
        "sv": (
            "En serie med fem webbinarier börjar",
            "Klientkommunikation, respektfullt bemötande, förebygga problem, utmanande "
            "klientsituationer och återhämtning efter belastande situationer.",
            [p("<p>Webbinarierna spelas in med textning och har en textversion.</p>")],
        ),
        "en": (
            "A series of five webinars begins",
            "Client communication, respectful encounters, preventing problems, challenging "
            "client situations and recovering from stressful situations.",
            [p("<p>The webinars are recorded with captions, and each has a transcript.</p>")],
        ),
    },
]

ACCESSIBILITY_STATEMENT = {
    "slug": "saavutettavuusseloste",
    "fi": (
        "Saavutettavuusseloste",
        "Tämä seloste kertoo, miten Arvokas täyttää digitaalisten palvelujen tarjoamisesta "
        "annetun lain vaatimukset.",
        [
            p(
                "<p>Palvelu on suunniteltu täyttämään WCAG 2.1 -ohjeiston AA-tason. Sivut "
                "testataan automaattisesti ja näppäimistöllä.</p>"
            ),
            h("Saavutettavuuden tila"),
            p(
                "<p>Palvelu täyttää saavutettavuusvaatimukset osittain: tunnetut puutteet on "
                "lueteltu alla. Seloste on laadittu marraskuussa 2026, ja se päivitetään, kun "
                "palvelu muuttuu.</p>"
            ),
            h("Tunnetut puutteet"),
            p("<p>Sisällönhallinnan ylläpitonäkymä ei kaikilta osin täytä vaatimuksia.</p>"),
            h("Anna palautetta"),
            p(
                '<p>Jos huomaat ongelman, kerro siitä <a href="/fi/feedback/">palautelomakkeella'
                "</a>. Vastaamme 14 päivän kuluessa. Jos vastaus ei tyydytä, voit ottaa yhteyttä "
                "saavutettavuuden valvontaviranomaiseen (saavutettavuusvaatimukset.fi).</p>"
            ),
        ],
    ),
    "sv": (
        "Tillgänglighetsutlåtande",
        "Detta utlåtande beskriver hur Arvokas uppfyller kraven i lagen om tillhandahållande "
        "av digitala tjänster.",
        [
            p(
                "<p>Tjänsten är utformad för att uppfylla nivå AA i WCAG 2.1. Sidorna testas "
                "automatiskt och med tangentbord.</p>"
            ),
            h("Tillgänglighetsstatus"),
            p(
                "<p>Tjänsten uppfyller tillgänglighetskraven delvis: de kända bristerna räknas "
                "upp nedan. Utlåtandet har utarbetats i november 2026 och uppdateras när tjänsten "
                "ändras.</p>"
            ),
            h("Kända brister"),
            p(
                "<p>Administrationsvyn för innehållshantering uppfyller inte kraven i alla "
                "delar.</p>"
            ),
            h("Ge respons"),
            p(
                '<p>Om du märker ett problem, berätta det i <a href="/sv/feedback/">'
                "responsformuläret</a>. Vi svarar inom 14 dagar. Om du inte är nöjd med svaret kan "
                "du kontakta tillsynsmyndigheten för tillgänglighet "
                "(tillganglighetskrav.fi).</p>"
            ),
        ],
    ),
    "en": (
        "Accessibility statement",
        "This statement describes how Arvokas meets the requirements of the Finnish Act on "
        "the Provision of Digital Services.",
        [
            p(
                "<p>The service is designed to meet level AA of WCAG 2.1. Pages are tested "
                "automatically and with the keyboard.</p>"
            ),
            h("Compliance status"),
            p(
                "<p>The service partially meets the accessibility requirements: the known issues "
                "are listed below. This statement was prepared in November 2026 and is updated "
                "when the service changes.</p>"
            ),
            h("Known issues"),
            p("<p>The content management admin view does not meet every requirement.</p>"),
            h("Give feedback"),
            p(
                '<p>If you notice a problem, tell us with the <a href="/en/feedback/">feedback '
                "form</a>. We answer within 14 days. If you are not satisfied with the answer, you "
                "can contact the accessibility supervisory authority "
                "(accessibilityrequirements.fi).</p>"
            ),
        ],
    ),
}
