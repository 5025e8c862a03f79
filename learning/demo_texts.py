"""Texts of the demo course "Good client encounters", written for Arvokas from the facts in
shared/seeds: Finnish (the source) with Swedish and English translations.

The five required lessons follow the five webinars of Keusote's customer-service training for all
staff; the sixth is an optional live webinar. Every language has the same blocks and the same quiz
questions in the same order with the same correct options; only the words differ. learning/demo.py
turns these into pages.
"""

from cms.demo_texts import callout, case, checklist, h, p, quote


def _option(text: str, correct: bool, feedback: str) -> dict:
    return {"text": text, "correct": correct, "feedback": feedback}


def _question(question: str, options: list[dict], multiple: bool = False) -> dict:
    return {"question": question, "multiple": multiple, "options": options}


COURSE_INDEX = {
    "fi": (
        "Kurssit",
        "Verkkokursseja asiakkaan kohtaamisesta ja osallisuudesta sosiaali- ja "
        "terveydenhuollon henkilöstölle. Opiskele omaan tahtiisi, tee oppituntien tietovisat ja "
        "saat kurssin suoritettuasi todistuksen.",
    ),
    "sv": (
        "Kurser",
        "Webbkurser om bemötande och klientens delaktighet för personalen inom social- och "
        "hälsovården. Studera i din egen takt, svara på lektionernas quiz och få ett intyg när "
        "du har gått igenom kursen.",
    ),
    "en": (
        "Courses",
        "Online courses on client encounters and participation for social and health care "
        "staff. Study at your own pace, take the lesson quizzes and receive a certificate when "
        "you complete a course.",
    ),
}

COURSE = {
    "slug": "hyva-asiakaskohtaaminen",
    "values": ["dignity", "empathy", "trust"],
    "estimated_minutes": 150,
    "fi": {
        "title": "Hyvä asiakaskohtaaminen",
        "summary": "Viisi oppituntia arvostavasta asiakastyöstä: selkeä viestintä, kunnioittava "
        "kohtaaminen, ongelmien ennaltaehkäisy, haastavat tilanteet ja kuormituksesta "
        "palautuminen.",
        "intro": [
            h("Tietoa kurssista"),
            p(
                "<p>Kurssi on tarkoitettu kaikille, jotka kohtaavat asiakkaita puhelimessa, "
                "vastaanotolla tai kotikäynneillä. Se noudattaa Keski-Uudenmaan sote-kuntayhtymän "
                "(Keusote) koko henkilöstölle järjestämää asiakaspalvelukoulutusta, jonka viisi "
                "webinaaria käsittelevät asiakasviestintää, arvostavaa kohtaamista, ongelmien "
                "ennaltaehkäisyä, haastavia asiakastilanteita ja kuormittavista tilanteista "
                "palautumista.</p><p>Voit opiskella yksin tai tiimin kanssa. Yhdessä kannattaa "
                "sopia aikataulusta ja keskustella oppitunneista esimerkiksi viikkopalaverissa; "
                "yksikön itsearvioinnissa voitte sitten arvioida samoja arvoja oman työnne "
                "kannalta.</p>"
            ),
            checklist(
                "Näin kurssi etenee",
                [
                    "Viisi pakollista oppituntia; kuhunkin kuluu noin puoli tuntia",
                    "Oppitunnin lopussa on lyhyt tietovisa, jonka voit tehdä uudelleen niin "
                    "monta kertaa kuin tarvitset",
                    "Toisella oppitunnilla katsot tekstitetyn webinaaritallenteen",
                    "Pohdintakysymysten vastaukset näkyvät vain sinulle",
                    "Kun pakolliset oppitunnit on suoritettu, saat todistuksen",
                    "Lopuksi voit osallistua vapaaehtoiseen suoraan webinaariin",
                ],
            ),
        ],
    },
    "sv": {
        "title": "Gott bemötande av klienter",
        "summary": "Fem lektioner om respektfullt klientarbete: tydlig kommunikation, "
        "respektfullt bemötande, att förebygga problem, utmanande situationer och återhämtning "
        "efter belastning.",
        "intro": [
            h("Om kursen"),
            p(
                "<p>Kursen är avsedd för alla som möter klienter per telefon, på mottagningen "
                "eller vid hembesök. Den följer den kundserviceutbildning som social- och "
                "hälsovårdssamkommunen i Mellersta Nyland (Keusote) ordnar för hela sin personal. "
                "Utbildningens fem webbinarier handlar om kommunikation med klienter, "
                "respektfullt bemötande, att förebygga problem, utmanande klientsituationer och "
                "återhämtning efter belastande situationer.</p><p>Du kan studera ensam eller "
                "tillsammans med teamet. Det lönar sig att komma överens om en gemensam tidtabell "
                "och diskutera lektionerna till exempel på veckomötet; i enhetens självvärdering "
                "kan ni sedan bedöma samma värden utifrån ert eget arbete.</p>"
            ),
            checklist(
                "Så går kursen till",
                [
                    "Fem obligatoriska lektioner; var och en tar ungefär en halvtimme",
                    "Varje lektion avslutas med ett kort quiz som du kan göra om så många "
                    "gånger du behöver",
                    "I den andra lektionen ser du en textad inspelning av ett webbinarium",
                    "Svaren på reflektionsfrågorna ser bara du",
                    "När de obligatoriska lektionerna är klara får du ett intyg",
                    "Till sist kan du delta i ett frivilligt direktsänt webbinarium",
                ],
            ),
        ],
    },
    "en": {
        "title": "Good client encounters",
        "summary": "Five lessons on respectful client work: clear communication, respectful "
        "encounters, preventing problems, challenging situations and recovering from stressful "
        "situations.",
        "intro": [
            h("About the course"),
            p(
                "<p>This course is for everyone who meets clients by phone, at a reception desk "
                "or on home visits. It follows the customer-service training that the Central "
                "Uusimaa social and health care joint authority (Keusote) runs for all its staff. "
                "The training's five webinars cover client communication, respectful encounters, "
                "preventing problems, challenging client situations and recovering from "
                "stressful situations.</p><p>You can study on your own or with your team. It "
                "helps to agree on a shared schedule and discuss the lessons, for example at your "
                "weekly meeting; in the unit self-assessment you can then assess the same values "
                "from the point of view of your own work.</p>"
            ),
            checklist(
                "How the course works",
                [
                    "Five required lessons, each taking about half an hour",
                    "Each lesson ends with a short quiz that you can retake as many times as "
                    "you need",
                    "In the second lesson you watch a captioned webinar recording",
                    "Only you see your answers to the reflection questions",
                    "When you have completed the required lessons, you receive a certificate",
                    "Finally, you can join an optional live webinar",
                ],
            ),
        ],
    },
}


# Lesson 1 -----------------------------------------------------------------------------------

_COMMUNICATION = {
    "slug": "asiakasviestinta",
    "kind": "reading",
    "required": True,
    "fi": {
        "title": "Asiakasviestintä: selkeästi ja ymmärrettävästi",
        "summary": "Miten kerrot asiat niin, että asiakas ymmärtää ne, ja miten varmistat "
        "ymmärtämisen puhelimessa, kirjeessä ja kasvokkain.",
        "body": [
            p(
                "<p>Satakunnan sosiaalipalveluissa vuonna 2020 tehdyssä FinSote-kyselyssä vain "
                "60 % asiakkaista koki, että asiat oli selitetty heille ymmärrettävästi, ja yli "
                "30 % ei ollut voinut kysyä omasta palvelustaan. Kun asiakas ei ymmärrä, mitä "
                "hänen asiassaan tapahtuu, hän ei voi osallistua siihen: hän soittaa uudelleen, "
                "arvailee tai jättää asian sikseen.</p>"
            ),
            h("Selkeä kieli"),
            checklist(
                "Näin puhut ja kirjoitat selkeästi",
                [
                    "Aloita tärkeimmästä: mitä seuraavaksi tapahtuu ja milloin",
                    "Käytä arkisia sanoja ja selitä ammattitermit, joita et voi välttää",
                    "Kerro yksi asia kerrallaan ja pidä lauseet lyhyinä",
                    "Kerro, kuka asiaa hoitaa ja miten hänet tavoittaa",
                    "Anna sovitut asiat asiakkaalle myös kirjallisina",
                    "Kysy, tarvitaanko tulkkia tai selkokieltä",
                ],
            ),
            h("Varmista, että viesti meni perille"),
            p(
                "<p>Kysymykseen <em>”Ymmärsittekö?”</em> vastataan melkein aina myöntävästi, "
                "vaikka jokin olisi jäänyt epäselväksi. Pyydä sen sijaan asiakasta kertomaan "
                "omin sanoin, mitä hän tekee seuraavaksi: <em>”Haluan varmistaa, että kerroin "
                "asian selkeästi. Mitä teette ensi viikolla?”</em> Näin vastuu selkeydestä pysyy "
                "työntekijällä, eikä asiakkaan tarvitse hävetä kysymistä.</p>"
            ),
            callout(
                "tip",
                "Palaute heti puhelun jälkeen",
                "<p>Keski-Uudenmaan asiakasohjauksessa asiakas saa tekstiviestillä lyhyen "
                "palautekyselyn heti puhelun päätyttyä. Tuore palaute näyttää nopeasti, mikä jäi "
                "epäselväksi, ja tiimi voi korjata ohjeitaan yhdessä esihenkilön kanssa.</p>",
            ),
        ],
        "quiz": [
            _question(
                "Miten varmistat parhaiten, että asiakas ymmärsi ohjeen?",
                [
                    _option(
                        "Kysyn: ”Ymmärsittekö?”",
                        False,
                        "Useimmat vastaavat myöntävästi, vaikka jokin jäisi epäselväksi. "
                        "Kysymys ei kerro, mitä asiakas todella ymmärsi.",
                    ),
                    _option(
                        "Pyydän asiakasta kertomaan omin sanoin, mitä hän tekee seuraavaksi",
                        True,
                        "Oikein. Kun asiakas kertoo asian omin sanoin, kuulet heti, mikä meni "
                        "perille ja mitä pitää vielä selventää.",
                    ),
                    _option(
                        "Toistan ohjeen samoin sanoin mutta hitaammin",
                        False,
                        "Toisto voi auttaa, mutta et silti tiedä, mitä asiakas ymmärsi. Kokeile "
                        "mieluummin toisia sanoja ja pyydä asiakasta kertomaan asia omin "
                        "sanoin.",
                    ),
                ],
            ),
            _question(
                "Mitkä kaksi tapaa tekevät ohjeesta selkeämmän?",
                [
                    _option(
                        "Kerrot ensin, mitä seuraavaksi tapahtuu ja milloin",
                        True,
                        "Oikein. Kun tärkein asia tulee ensin, asiakas tietää, mihin kiinnittää "
                        "huomionsa.",
                    ),
                    _option(
                        "Selität välttämättömät ammattitermit arkikielellä",
                        True,
                        "Oikein. Ammattisanat ovat työntekijälle tuttuja mutta asiakkaalle "
                        "usein vieraita.",
                    ),
                    _option(
                        "Luettelet kaikki mahdolliset poikkeukset heti alussa",
                        False,
                        "Liian monta asiaa kerralla hukuttaa tärkeimmän. Kerro poikkeuksista "
                        "silloin, kun ne koskevat asiakkaan tilannetta.",
                    ),
                    _option(
                        "Jätät kirjallisen yhteenvedon pois, jottei asiakas huku papereihin",
                        False,
                        "Lyhyt kirjallinen yhteenveto auttaa asiakasta muistamaan, mitä "
                        "sovittiin. Pidä se tiiviinä, mutta älä jätä sitä pois.",
                    ),
                ],
                multiple=True,
            ),
        ],
        "reflection": "Muistele tilannetta, jossa asiakas ei ymmärtänyt, mitä hänen asiassaan "
        "tapahtuu. Mitä sanoisit tai kirjoittaisit nyt toisin?",
    },
    "sv": {
        "title": "Kommunikation med klienter: tydligt och begripligt",
        "summary": "Hur du förklarar så att klienten förstår, och hur du försäkrar dig om att "
        "det gick fram – per telefon, i brev och ansikte mot ansikte.",
        "body": [
            p(
                "<p>I FinSote-enkäten 2020 upplevde bara 60 % av klienterna inom socialservicen i "
                "Satakunta att saker hade förklarats begripligt för dem, och över 30 % hade inte "
                "kunnat fråga om sin egen tjänst. En klient som inte förstår vad som händer i "
                "ärendet kan inte vara delaktig: hen ringer igen, gissar eller låter saken "
                "bero.</p>"
            ),
            h("Ett klart språk"),
            checklist(
                "Så talar och skriver du tydligt",
                [
                    "Börja med det viktigaste: vad som händer härnäst och när",
                    "Använd vardagliga ord och förklara de facktermer du inte kan undvika",
                    "Ta en sak i taget och håll meningarna korta",
                    "Berätta vem som sköter ärendet och hur man når hen",
                    "Ge klienten det ni har kommit överens om också skriftligt",
                    "Fråga om det behövs tolk eller lättläst språk",
                ],
            ),
            h("Kontrollera att budskapet gick fram"),
            p(
                "<p>På frågan <em>”Förstod du?”</em> svarar nästan alla ja, också när något "
                "förblev oklart. Be i stället klienten berätta med egna ord vad hen ska göra "
                "härnäst: <em>”Jag vill vara säker på att jag förklarade tydligt. Vad gör du "
                "nästa vecka?”</em> Då ligger ansvaret för tydligheten hos medarbetaren, och "
                "klienten behöver inte skämmas för att fråga.</p>"
            ),
            callout(
                "tip",
                "Respons direkt efter samtalet",
                "<p>Inom klienthandledningen i Mellersta Nyland får klienten en kort "
                "responsenkät per sms direkt efter telefonsamtalet. Färsk respons visar snabbt "
                "vad som förblev oklart, och teamet kan rätta till sina anvisningar tillsammans "
                "med chefen.</p>",
            ),
        ],
        "quiz": [
            _question(
                "Hur försäkrar du dig bäst om att klienten förstod anvisningen?",
                [
                    _option(
                        "Jag frågar: ”Förstod du?”",
                        False,
                        "De flesta svarar ja även om något är oklart. Frågan visar inte vad "
                        "klienten faktiskt förstod.",
                    ),
                    _option(
                        "Jag ber klienten berätta med egna ord vad hen ska göra härnäst",
                        True,
                        "Rätt. När klienten säger det med egna ord hör du genast vad som gick "
                        "fram och vad som behöver förtydligas.",
                    ),
                    _option(
                        "Jag upprepar anvisningen med samma ord men långsammare",
                        False,
                        "Upprepning kan hjälpa, men du vet fortfarande inte vad klienten "
                        "förstod. Pröva hellre andra ord och be klienten återberätta med egna "
                        "ord.",
                    ),
                ],
            ),
            _question(
                "Vilka två sätt gör en anvisning tydligare?",
                [
                    _option(
                        "Du berättar först vad som händer härnäst och när",
                        True,
                        "Rätt. När det viktigaste kommer först vet klienten vad hen ska fästa "
                        "uppmärksamheten vid.",
                    ),
                    _option(
                        "Du förklarar nödvändiga facktermer med vardagliga ord",
                        True,
                        "Rätt. Facktermer är bekanta för personalen men ofta främmande för "
                        "klienten.",
                    ),
                    _option(
                        "Du räknar upp alla tänkbara undantag redan i början",
                        False,
                        "För mycket på en gång dränker det viktigaste. Ta upp undantagen när de "
                        "gäller klientens situation.",
                    ),
                    _option(
                        "Du hoppar över den skriftliga sammanfattningen så att klienten inte "
                        "drunknar i papper",
                        False,
                        "En kort skriftlig sammanfattning hjälper klienten att minnas vad ni kom "
                        "överens om. Håll den kort, men hoppa inte över den.",
                    ),
                ],
                multiple=True,
            ),
        ],
        "reflection": "Tänk på en situation där en klient inte förstod vad som hände i hens "
        "ärende. Vad skulle du säga eller skriva annorlunda nu?",
    },
    "en": {
        "title": "Client communication: clear and understandable",
        "summary": "How to explain things so that clients understand them, and how to check "
        "that they did – on the phone, in letters and face to face.",
        "body": [
            p(
                "<p>In the FinSote 2020 survey of social services in Satakunta, only 60 % of "
                "clients felt that things had been explained to them understandably, and more "
                "than 30 % had not been able to ask about their own service. A client who does "
                "not understand what is happening in their case cannot take part in it: they "
                "call again, guess, or give up.</p>"
            ),
            h("Plain language"),
            checklist(
                "How to speak and write clearly",
                [
                    "Start with what matters most: what happens next and when",
                    "Use everyday words and explain any professional terms you cannot avoid",
                    "Say one thing at a time and keep your sentences short",
                    "Tell the client who is handling the matter and how to reach them",
                    "Give the client what you agreed in writing, too",
                    "Ask whether an interpreter or easy-to-read language is needed",
                ],
            ),
            h("Check that the message got through"),
            p(
                "<p>Almost everyone answers <em>“Did you understand?”</em> with a yes, even when "
                "something is still unclear. Instead, ask the client to tell you in their own "
                "words what they will do next: <em>“I want to make sure I explained this "
                "clearly. What will you do next week?”</em> That way the responsibility for "
                "being clear stays with the worker, and the client need not feel embarrassed to "
                "ask.</p>"
            ),
            callout(
                "tip",
                "Feedback right after the call",
                "<p>In client guidance in Central Uusimaa, clients receive a short feedback "
                "survey by text message as soon as a phone call ends. Fresh feedback quickly "
                "shows what was left unclear, and the team can correct its instructions together "
                "with the supervisor.</p>",
            ),
        ],
        "quiz": [
            _question(
                "What is the best way to check that a client understood your instructions?",
                [
                    _option(
                        "I ask: “Did you understand?”",
                        False,
                        "Most people say yes even if something is unclear. The question does "
                        "not tell you what the client actually understood.",
                    ),
                    _option(
                        "I ask the client to tell me in their own words what they will do next",
                        True,
                        "Correct. When clients put it in their own words, you hear straight away "
                        "what got through and what still needs clarifying.",
                    ),
                    _option(
                        "I repeat the instructions in the same words, only more slowly",
                        False,
                        "Repeating may help, but you still do not know what the client "
                        "understood. Try other words instead, and ask the client to say it back "
                        "in their own words.",
                    ),
                ],
            ),
            _question(
                "Which two ways make instructions clearer?",
                [
                    _option(
                        "You first say what happens next and when",
                        True,
                        "Correct. When the most important thing comes first, the client knows "
                        "what to pay attention to.",
                    ),
                    _option(
                        "You explain necessary professional terms in everyday language",
                        True,
                        "Correct. Professional terms are familiar to staff but often foreign to "
                        "clients.",
                    ),
                    _option(
                        "You list every possible exception right at the start",
                        False,
                        "Too much at once buries the main point. Mention exceptions when they "
                        "apply to the client's situation.",
                    ),
                    _option(
                        "You leave out the written summary so the client is not swamped with paper",
                        False,
                        "A short written summary helps the client remember what was agreed. Keep "
                        "it brief, but do not leave it out.",
                    ),
                ],
                multiple=True,
            ),
        ],
        "reflection": "Think of a situation in which a client did not understand what was "
        "happening in their case. What would you say or write differently now?",
    },
}


# Lesson 2: the recorded webinar --------------------------------------------------------------

CAPTIONS = {
    "fi": [
        (0.0, 4.0, "Tervetuloa kunnioittavan kohtaamisen webinaariin."),
        (4.0, 8.0, "Rauhallinen hetki kertoo: sinulle on aikaa."),
        (8.0, 12.0, "Kuuntele loppuun ennen kuin ehdotat ratkaisua."),
        (12.0, 16.0, "Jos et tiedä, selvitä asia ja palaa siihen."),
        (16.0, 20.0, "Sovi yhdessä, mitä seuraavaksi tapahtuu."),
    ],
    "sv": [
        (0.0, 4.0, "Välkommen till webbinariet om respektfullt bemötande."),
        (4.0, 8.0, "En lugn stund säger: det finns tid för dig."),
        (8.0, 12.0, "Lyssna klart innan du föreslår en lösning."),
        (12.0, 16.0, "Vet du inte svaret, ta reda på det och återkom."),
        (16.0, 20.0, "Kom överens om vad som händer härnäst."),
    ],
    "en": [
        (0.0, 4.0, "Welcome to the webinar on respectful encounters."),
        (4.0, 8.0, "A calm moment says: there is time for you."),
        (8.0, 12.0, "Listen to the end before you suggest a solution."),
        (12.0, 16.0, "If you don't know, find out and come back to it."),
        (16.0, 20.0, "Agree together on what happens next."),
    ],
}

_RESPECTFUL = {
    "slug": "kunnioittava-kohtaaminen",
    "kind": "recorded",
    "required": True,
    "fi": {
        "title": "Kunnioittava kohtaaminen",
        "summary": "Tallennettu webinaari siitä, miten kiireetön hetki, kuunteleminen ja "
        "pidetyt lupaukset kertovat asiakkaalle, että häntä arvostetaan. Videossa on "
        "tekstitys, ja sen alla on tekstivastine.",
        "body": [
            p(
                "<p>Kun Keski-Uudenmaan asukaskehittäjiltä kysyttiin, mikä tekee kohtaamisesta "
                "kunnioittavan, vastauksissa toistuivat kiireettömyys, asioiden selvittäminen "
                "loppuun ja yhteisymmärrys. Webinaarissa käydään läpi, miten nämä toteutuvat "
                "arjen työssä.</p>"
            ),
            quote(
                "Tärkeintä oli, että sain kertoa asiani loppuun. Työntekijä ei tiennyt vastausta "
                "heti, mutta hän soitti seuraavana päivänä, kuten oli luvannut.",
                "Esimerkki asukaskehittäjän kokemuksesta",
            ),
            h("Ennen kuin katsot"),
            checklist(
                "Kiinnitä videolla huomiota",
                [
                    "Miten kiireettömyys näkyy, vaikka aikaa on vähän",
                    "Mitä kuunteleminen loppuun tarkoittaa käytännössä",
                    "Mitä teet, kun et tiedä vastausta",
                    "Miten seuraavat vaiheet sovitaan yhdessä",
                ],
            ),
        ],
        "transcript": (
            "<p><b>Kouluttaja:</b> Tervetuloa kunnioittavan kohtaamisen webinaariin. Käymme "
            "läpi neljä tapaa osoittaa asiakkaalle arvostusta myös kiireisenä päivänä.</p>"
            "<p><b>Rauhallinen hetki.</b> Jo muutama rauhallinen minuutti kertoo asiakkaalle, "
            "että hänelle on aikaa. Istu alas, katso asiakasta ja kerro, kuinka paljon aikaa "
            "teillä on käytettävissä. Puhelimessa sama näkyy siinä, ettet hoida samalla muita "
            "asioita.</p>"
            "<p><b>Kuuntele loppuun.</b> Anna asiakkaan kertoa asiansa loppuun ennen kuin "
            "ehdotat ratkaisua. Tarkenna kysymyksillä ja kerro lyhyesti, mitä kuulit, jotta "
            "asiakas voi korjata väärinkäsitykset.</p>"
            "<p><b>Selvitä ja palaa asiaan.</b> Jos et tiedä vastausta, sano se suoraan. "
            "Selvitä asia ja palaa siihen sovittuna aikana. Asukkaat pitävät tätä yhtenä "
            "tärkeimmistä kunnioituksen merkeistä.</p>"
            "<p><b>Sovi yhdessä.</b> Sovi lopuksi asiakkaan kanssa, mitä seuraavaksi "
            "tapahtuu:</p>"
            "<ul><li>kuka tekee mitä</li><li>mihin mennessä</li>"
            "<li>miten asiakas saa tiedon, jos jokin muuttuu.</li></ul>"
            "<p>Jos asiakas on eri mieltä, kirjaa myös hänen näkemyksensä. <i>Kiitos, kun olit "
            "mukana.</i></p>"
        ),
        "quiz": [
            _question(
                "Asiakas kysyy etuudesta, jota et tunne. Mikä on kunnioittavin tapa toimia?",
                [
                    _option(
                        "Arvaan todennäköisen vastauksen, ettei asiakas joudu odottamaan",
                        False,
                        "Väärä tieto voi johtaa asiakkaan harhaan ja heikentää luottamusta. On "
                        "parempi myöntää, ettet tiedä, ja selvittää asia.",
                    ),
                    _option(
                        "Kerron, etten tiedä, selvitän asian ja sovin, milloin palaan siihen",
                        True,
                        "Oikein. Rehellisyys ja pidetty lupaus kertovat asiakkaalle, että hänen "
                        "asiansa on tärkeä.",
                    ),
                    _option(
                        "Neuvon asiakasta etsimään tiedon itse verkkosivuilta",
                        False,
                        "Verkkosivut ovat hyvä lisä, mutta asiakas jää yksin kysymyksensä "
                        "kanssa. Selvitä asia ja kerro sitten, mistä hän löytää lisätietoa.",
                    ),
                ],
            ),
            _question(
                "Miksi asiakkaan kannattaa antaa kertoa asiansa loppuun ennen kuin ehdotat "
                "ratkaisua?",
                [
                    _option(
                        "Saat kokonaiskuvan tilanteesta, ja asiakas kokee tulleensa kuulluksi",
                        True,
                        "Oikein. Hätäisesti tehty ratkaisu voi osua väärään ongelmaan, ja "
                        "kuulluksi tuleminen rakentaa luottamusta.",
                    ),
                    _option(
                        "Se on kohteliasta, mutta lopputulokseen sillä ei ole vaikutusta",
                        False,
                        "Kuunteleminen vaikuttaa myös lopputulokseen: kun tiedät koko "
                        "tilanteen, ratkaisu sopii paremmin asiakkaan arkeen.",
                    ),
                    _option(
                        "Asiakas tietää aina itse parhaan ratkaisun",
                        False,
                        "Asiakas on oman elämänsä asiantuntija, mutta ratkaisu etsitään "
                        "yhdessä. Kuuntelemalla ymmärrät, mitä hän tarvitsee.",
                    ),
                ],
            ),
            _question(
                "Asiakas ei hyväksy ehdottamaasi ratkaisua. Miten toimit?",
                [
                    _option(
                        "Kirjaan hänen näkemyksensä ja perustelunsa ja kerron, miten asia etenee",
                        True,
                        "Oikein. Asiakkaalla on oikeus olla eri mieltä, ja kun se näkyy "
                        "kirjauksissa, hänen näkemyksensä otetaan huomioon myös jatkossa.",
                    ),
                    _option(
                        "Jätän erimielisyyden kirjaamatta, jotta asiakirjat pysyvät selkeinä",
                        False,
                        "Kirjaamatta jätetty näkemys katoaa. Erimielisyyden kirjaaminen kuuluu "
                        "asiakkaan oikeuksiin ja hyvään asiakastyöhön.",
                    ),
                    _option(
                        "Perustelen ehdotustani, kunnes asiakas suostuu siihen",
                        False,
                        "Painostaminen ei ole yhteisymmärrystä. Kerro vaihtoehdot ja perustelut, "
                        "kuuntele asiakkaan näkemys ja kirjaa se.",
                    ),
                ],
            ),
        ],
    },
    "sv": {
        "title": "Respektfullt bemötande",
        "summary": "Ett inspelat webbinarium om hur en lugn stund, lyssnande och hållna löften "
        "visar klienten att hen blir respekterad. Videon är textad, och under den finns en "
        "transkription.",
        "body": [
            p(
                "<p>När invånarutvecklare i Mellersta Nyland fick berätta vad som gör ett möte "
                "respektfullt återkom samma saker: tid utan brådska, att ärendet utreds till "
                "slut och att man når samförstånd. I webbinariet går vi igenom hur det ser ut i "
                "det dagliga arbetet.</p>"
            ),
            quote(
                "Det viktigaste var att jag fick berätta klart. Medarbetaren visste inte svaret "
                "direkt, men ringde dagen därpå, precis som hen hade lovat.",
                "Exempel på en invånarutvecklares erfarenhet",
            ),
            h("Innan du tittar"),
            checklist(
                "Lägg märke till i videon",
                [
                    "Hur lugnet syns även när tiden är knapp",
                    "Vad det betyder i praktiken att lyssna klart",
                    "Vad du gör när du inte vet svaret",
                    "Hur ni tillsammans kommer överens om nästa steg",
                ],
            ),
        ],
        "transcript": (
            "<p><b>Utbildaren:</b> Välkommen till webbinariet om respektfullt bemötande. Vi går "
            "igenom fyra sätt att visa klienten respekt även en hektisk dag.</p>"
            "<p><b>En lugn stund.</b> Redan några lugna minuter säger klienten att det finns tid "
            "för hen. Sätt dig ner, se på klienten och berätta hur mycket tid ni har. I telefon "
            "märks samma sak på att du inte sköter annat samtidigt.</p>"
            "<p><b>Lyssna klart.</b> Låt klienten berätta klart innan du föreslår en lösning. "
            "Ställ preciserande frågor och sammanfatta kort vad du hörde, så att klienten kan "
            "rätta eventuella missförstånd.</p>"
            "<p><b>Ta reda på det och återkom.</b> Om du inte vet svaret, säg det rakt ut. Ta "
            "reda på saken och återkom vid den tid ni har kommit överens om. Invånarna ser "
            "detta som ett av de viktigaste tecknen på respekt.</p>"
            "<p><b>Kom överens tillsammans.</b> Kom till sist överens med klienten om vad som "
            "händer härnäst:</p>"
            "<ul><li>vem som gör vad</li><li>när det ska vara klart</li>"
            "<li>hur klienten får veta om något ändras.</li></ul>"
            "<p>Om klienten är av annan åsikt, anteckna också hens synpunkt. <i>Tack för att du "
            "var med.</i></p>"
        ),
        "quiz": [
            _question(
                "En klient frågar om en förmån som du inte känner till. Vad är det mest "
                "respektfulla sättet att agera?",
                [
                    _option(
                        "Jag gissar det troliga svaret så att klienten slipper vänta",
                        False,
                        "Felaktig information kan leda klienten fel och försvaga förtroendet. "
                        "Det är bättre att medge att du inte vet och ta reda på saken.",
                    ),
                    _option(
                        "Jag säger att jag inte vet, tar reda på saken och kommer överens om "
                        "när jag återkommer",
                        True,
                        "Rätt. Ärlighet och ett hållet löfte visar klienten att hens ärende är "
                        "viktigt.",
                    ),
                    _option(
                        "Jag ber klienten söka informationen själv på webbplatsen",
                        False,
                        "Webbplatsen är ett bra komplement, men klienten blir ensam med sin "
                        "fråga. Ta reda på saken och berätta sedan var hen hittar mer "
                        "information.",
                    ),
                ],
            ),
            _question(
                "Varför lönar det sig att låta klienten berätta klart innan du föreslår en "
                "lösning?",
                [
                    _option(
                        "Du får en helhetsbild av situationen, och klienten upplever att hen "
                        "blir hörd",
                        True,
                        "Rätt. En förhastad lösning kan träffa fel problem, och att bli hörd "
                        "bygger förtroende.",
                    ),
                    _option(
                        "Det är artigt men påverkar inte resultatet",
                        False,
                        "Lyssnandet påverkar också resultatet: när du känner till hela "
                        "situationen passar lösningen bättre i klientens vardag.",
                    ),
                    _option(
                        "Klienten vet alltid själv vilken lösning som är bäst",
                        False,
                        "Klienten är expert på sitt eget liv, men lösningen söks tillsammans. "
                        "Genom att lyssna förstår du vad hen behöver.",
                    ),
                ],
            ),
            _question(
                "Klienten godtar inte den lösning du föreslår. Hur gör du?",
                [
                    _option(
                        "Jag antecknar hens synpunkt och motivering och berättar hur ärendet går "
                        "vidare",
                        True,
                        "Rätt. Klienten har rätt att vara av annan åsikt, och när det syns i "
                        "anteckningarna beaktas hens synpunkt även i fortsättningen.",
                    ),
                    _option(
                        "Jag låter bli att anteckna oenigheten så att handlingarna förblir tydliga",
                        False,
                        "En synpunkt som inte antecknas försvinner. Att anteckna oenighet hör "
                        "till klientens rättigheter och till gott klientarbete.",
                    ),
                    _option(
                        "Jag argumenterar för mitt förslag tills klienten går med på det",
                        False,
                        "Påtryckning är inte samförstånd. Berätta om alternativen och skälen, "
                        "lyssna på klientens synpunkt och anteckna den.",
                    ),
                ],
            ),
        ],
    },
    "en": {
        "title": "Respectful encounters",
        "summary": "A recorded webinar on how a calm moment, listening and kept promises show "
        "clients that they are respected. The video has captions, and a transcript is "
        "available below it.",
        "body": [
            p(
                "<p>When resident developers in Central Uusimaa were asked what makes an "
                "encounter respectful, the same things kept coming up: unhurried time, matters "
                "followed through to the end, and reaching a mutual understanding. The webinar "
                "looks at what these mean in everyday work.</p>"
            ),
            quote(
                "What mattered most was that I could finish telling my story. The worker didn't "
                "know the answer straight away, but called me the next day, just as promised.",
                "Example of a resident developer's experience",
            ),
            h("Before you watch"),
            checklist(
                "Watch the video for",
                [
                    "How calm shows even when time is short",
                    "What listening to the end means in practice",
                    "What to do when you don't know the answer",
                    "How to agree on the next steps together",
                ],
            ),
        ],
        "transcript": (
            "<p><b>Trainer:</b> Welcome to the webinar on respectful encounters. We will go "
            "through four ways of showing clients respect, even on a busy day.</p>"
            "<p><b>A calm moment.</b> Even a few calm minutes tell clients that there is time "
            "for them. Sit down, look at the client and say how much time you have. On the "
            "phone, the same shows in not doing other things at the same time.</p>"
            "<p><b>Listen to the end.</b> Let clients finish telling you what they came about "
            "before you suggest a solution. Ask clarifying questions and briefly sum up what "
            "you heard, so that the client can correct any misunderstanding.</p>"
            "<p><b>Find out and come back.</b> If you don't know the answer, say so plainly. "
            "Find out and come back to it at the time you agreed. Residents see this as one of "
            "the most important signs of respect.</p>"
            "<p><b>Agree together.</b> Finally, agree with the client on what happens next:</p>"
            "<ul><li>who does what</li><li>by when</li>"
            "<li>how the client will hear if something changes.</li></ul>"
            "<p>If the client disagrees, record their view too. <i>Thank you for joining "
            "us.</i></p>"
        ),
        "quiz": [
            _question(
                "A client asks about a benefit you are not familiar with. What is the most "
                "respectful way to act?",
                [
                    _option(
                        "I guess the likely answer so that the client does not have to wait",
                        False,
                        "Wrong information can mislead the client and weaken trust. It is better "
                        "to admit that you don't know and to find out.",
                    ),
                    _option(
                        "I say that I don't know, find out, and agree when I will come back to it",
                        True,
                        "Correct. Honesty and a kept promise show the client that their matter "
                        "is important.",
                    ),
                    _option(
                        "I tell the client to look it up on the website",
                        False,
                        "The website is a useful extra, but the client is left alone with the "
                        "question. Find out, and then tell them where to find more information.",
                    ),
                ],
            ),
            _question(
                "Why is it worth letting clients finish what they are saying before you suggest "
                "a solution?",
                [
                    _option(
                        "You get the whole picture, and the client feels heard",
                        True,
                        "Correct. A hasty solution may address the wrong problem, and being "
                        "heard builds trust.",
                    ),
                    _option(
                        "It is polite, but it makes no difference to the outcome",
                        False,
                        "Listening affects the outcome too: when you know the whole situation, "
                        "the solution fits the client's everyday life better.",
                    ),
                    _option(
                        "Clients always know the best solution themselves",
                        False,
                        "Clients are experts on their own lives, but the solution is found "
                        "together. By listening you understand what they need.",
                    ),
                ],
            ),
            _question(
                "The client does not accept the solution you propose. What do you do?",
                [
                    _option(
                        "I record their view and reasons, and tell them how the matter will "
                        "proceed",
                        True,
                        "Correct. Clients have the right to disagree, and when this shows in the "
                        "records, their view is taken into account later on as well.",
                    ),
                    _option(
                        "I leave the disagreement out of the records to keep them clear",
                        False,
                        "A view that is not recorded is lost. Recording disagreement is part of "
                        "the client's rights and of good client work.",
                    ),
                    _option(
                        "I keep arguing for my proposal until the client agrees",
                        False,
                        "Pressure is not mutual understanding. Explain the options and your "
                        "reasons, listen to the client's view and record it.",
                    ),
                ],
            ),
        ],
    },
}


# Lesson 3 -----------------------------------------------------------------------------------

_PREVENTING = {
    "slug": "ongelmien-ennaltaehkaisy",
    "kind": "reading",
    "required": True,
    "fi": {
        "title": "Ongelmien ennaltaehkäisy",
        "summary": "Moni hankala tilanne syntyy epätietoisuudesta, odottamisesta tai "
        "pitämättömistä lupauksista. Opi tunnistamaan nämä kohdat ajoissa ja korjaamaan ne.",
        "body": [
            p(
                "<p>Suuri osa asiakkaan turhautumisesta syntyy jo ennen kuin hän tapaa "
                "työntekijää: yhteyttä on vaikea saada, ohjeet ovat ristiriitaisia tai kukaan ei "
                "kerro, kuinka kauan asian käsittely kestää. Kun nämä kohdat korjataan, moni "
                "vaikea tilanne jää syntymättä.</p>"
            ),
            h("Valmistaudu etukäteen"),
            checklist(
                "Ennen tapaamista tai puhelua",
                [
                    "Lue asiakkaan aiemmat tiedot ja viimeisimmät sopimukset",
                    "Tarkista, odottaako asiakas vastausta tai takaisinsoittoa",
                    "Varaa rauhallinen tila, jossa voi puhua luottamuksellisesti",
                    "Selvitä etukäteen, tarvitaanko tulkkia",
                ],
            ),
            h("Kerro, mitä on odotettavissa"),
            p(
                "<p>Epätietoisuus kuormittaa usein enemmän kuin itse odottaminen. Kerro "
                "asiakkaalle:</p>"
                "<ul><li>mikä on seuraava vaihe ja milloin se suunnilleen tapahtuu</li>"
                "<li>kuka asiaa hoitaa</li>"
                "<li>mitä hän voi tehdä, jos asia viivästyy.</li></ul>"
                "<p>Kun lupaat soittaa takaisin, sovi aika ja pidä siitä kiinni. Jos et ehdi, "
                "ilmoita siitä ennen sovittua aikaa.</p>"
            ),
            case(
                "Kolme puhelua samalla viikolla",
                "<p>Asiakas soitti samalla viikolla kolme kertaa kysyäkseen hakemuksensa "
                "tilannetta ja oli joka kerta aiempaa kiihtyneempi.</p>",
                "<p>Työntekijä kertoi, missä vaiheissa hakemus käsitellään ja milloin päätös "
                "arviolta tulee, ja lupasi ilmoittaa tekstiviestillä, jos aikataulu muuttuu. "
                "Soitot loppuivat, ja asiakas kiitti selkeistä tiedoista.</p>",
            ),
        ],
        "quiz": [
            _question(
                "Mikä ehkäisee parhaiten sitä, että asiakas soittaa yhä uudelleen saman asian "
                "vuoksi?",
                [
                    _option(
                        "Asiakkaalle kerrotaan seuraava vaihe, arvioitu aikataulu ja se, miten "
                        "viivästyksestä ilmoitetaan",
                        True,
                        "Oikein. Kun asiakas tietää, mitä on odotettavissa, hänen ei tarvitse "
                        "soittaa varmistaakseen asiaa.",
                    ),
                    _option(
                        "Asiakasta pyydetään olemaan kärsivällinen",
                        False,
                        "Kehotus odottaa ei poista epätietoisuutta. Asiakas tarvitsee tietoa "
                        "siitä, mitä tapahtuu ja milloin.",
                    ),
                    _option(
                        "Asiakkaalle annetaan oma suora numero, johon voi soittaa milloin tahansa",
                        False,
                        "Ele on ystävällinen, mutta lupaat tavoitettavuutta, jota et pysty "
                        "takaamaan. Selkeä aikataulu ja sovittu yhteydenotto auttavat enemmän.",
                    ),
                ],
            ),
            _question(
                "Lupasit soittaa asiakkaalle kello 14, mutta et ehdi. Mitä teet?",
                [
                    _option(
                        "Soitan heti, kun ehdin, vaikka vasta seuraavana päivänä",
                        False,
                        "Asiakas on voinut varata ajan puhelulle ja jää odottamaan turhaan. "
                        "Pitämätön lupaus heikentää luottamusta.",
                    ),
                    _option(
                        "Ilmoitan asiakkaalle ennen kahta, että aikataulu muuttuu, ja sovin "
                        "uuden ajan",
                        True,
                        "Oikein. Kun kerrot muutoksesta ajoissa, asiakas tietää, mitä odottaa, "
                        "ja luottamus säilyy.",
                    ),
                    _option(
                        "Pyydän kollegaa soittamaan kertomatta hänelle asiakkaan tilanteesta",
                        False,
                        "Kollegan apu on hyvä ajatus, mutta ilman taustatietoja asiakas joutuu "
                        "kertomaan kaiken alusta. Kerro kollegalle olennainen.",
                    ),
                ],
            ),
            _question(
                "Mitkä kaksi asiaa kannattaa tehdä ennen asiakastapaamista?",
                [
                    _option(
                        "Lukea asiakkaan aiemmat tiedot ja sopimukset",
                        True,
                        "Oikein. Asiakkaan ei tarvitse aloittaa alusta, ja voitte jatkaa siitä, "
                        "mihin viimeksi jäätiin.",
                    ),
                    _option(
                        "Varata rauhallinen tila luottamukselliselle keskustelulle",
                        True,
                        "Oikein. Rauhallinen, luottamuksellisuutta suojaava tila helpottaa "
                        "asiakasta kertomaan asiastaan.",
                    ),
                    _option(
                        "Päättää valmiiksi, mikä ratkaisu asiakkaalle sopii",
                        False,
                        "Valmis ratkaisu sulkee asiakkaan päätöksenteon ulkopuolelle. "
                        "Valmistaudu huolella, mutta päättäkää yhdessä.",
                    ),
                    _option(
                        "Varata mahdollisimman lyhyt aika, jottei jono kasva",
                        False,
                        "Liian tiukka aika luo kiireen tunnun ja johtaa helposti uusiin "
                        "yhteydenottoihin. Varaa aikaa asian tarpeen mukaan.",
                    ),
                ],
                multiple=True,
            ),
        ],
    },
    "sv": {
        "title": "Att förebygga problem",
        "summary": "Många svåra situationer uppstår ur ovisshet, väntan eller löften som inte "
        "hålls. Lär dig känna igen de punkterna i tid och rätta till dem.",
        "body": [
            p(
                "<p>En stor del av klientens frustration uppstår redan innan hen träffar en "
                "medarbetare: det är svårt att få kontakt, anvisningarna går isär eller ingen "
                "berättar hur länge handläggningen tar. När de punkterna rättas till uppstår "
                "många svåra situationer aldrig.</p>"
            ),
            h("Förbered dig"),
            checklist(
                "Före mötet eller samtalet",
                [
                    "Läs klientens tidigare uppgifter och de senaste överenskommelserna",
                    "Kontrollera om klienten väntar på svar eller på att bli uppringd",
                    "Boka ett lugnt rum där ni kan tala konfidentiellt",
                    "Ta reda på i förväg om det behövs tolk",
                ],
            ),
            h("Berätta vad klienten kan vänta sig"),
            p(
                "<p>Ovisshet belastar ofta mer än själva väntan. Berätta för klienten</p>"
                "<ul><li>vad som är nästa steg och ungefär när det sker</li>"
                "<li>vem som sköter ärendet</li>"
                "<li>vad hen kan göra om ärendet drar ut på tiden.</li></ul>"
                "<p>När du lovar att ringa tillbaka, kom överens om en tid och håll den. Om du "
                "inte hinner, meddela det före den avtalade tiden.</p>"
            ),
            case(
                "Tre samtal samma vecka",
                "<p>En klient ringde tre gånger samma vecka för att fråga hur det gick med "
                "ansökan och var mer upprörd för varje gång.</p>",
                "<p>Medarbetaren berättade vilka skeden handläggningen har och när beslutet "
                "beräknas komma, och lovade skicka ett sms om tidtabellen ändras. Samtalen "
                "upphörde, och klienten tackade för den tydliga informationen.</p>",
            ),
        ],
        "quiz": [
            _question(
                "Vad förebygger bäst att en klient ringer gång på gång om samma sak?",
                [
                    _option(
                        "Klienten får veta nästa steg, en ungefärlig tidtabell och hur hen "
                        "informeras om en försening",
                        True,
                        "Rätt. När klienten vet vad hen kan vänta sig behöver hen inte ringa för "
                        "att försäkra sig.",
                    ),
                    _option(
                        "Klienten ombeds ha tålamod",
                        False,
                        "En uppmaning att vänta tar inte bort ovissheten. Klienten behöver veta "
                        "vad som händer och när.",
                    ),
                    _option(
                        "Klienten får ditt direktnummer och kan ringa när som helst",
                        False,
                        "Gesten är vänlig, men du lovar en tillgänglighet som du inte kan "
                        "garantera. En tydlig tidtabell och en avtalad kontakt hjälper mer.",
                    ),
                ],
            ),
            _question(
                "Du lovade ringa klienten klockan 14 men hinner inte. Vad gör du?",
                [
                    _option(
                        "Jag ringer så snart jag hinner, även om det blir först nästa dag",
                        False,
                        "Klienten kan ha reserverat tid för samtalet och väntar förgäves. Ett "
                        "löfte som inte hålls försvagar förtroendet.",
                    ),
                    _option(
                        "Jag meddelar klienten före klockan 14 att tiden ändras och kommer "
                        "överens om en ny tid",
                        True,
                        "Rätt. När du berättar om ändringen i tid vet klienten vad hen kan vänta "
                        "sig, och förtroendet består.",
                    ),
                    _option(
                        "Jag ber en kollega ringa utan att berätta om klientens situation",
                        False,
                        "Det är bra att be en kollega om hjälp, men utan bakgrund måste klienten "
                        "berätta allt från början. Ge kollegan det väsentliga.",
                    ),
                ],
            ),
            _question(
                "Vilka två saker lönar det sig att göra före ett klientmöte?",
                [
                    _option(
                        "Läsa klientens tidigare uppgifter och överenskommelser",
                        True,
                        "Rätt. Klienten behöver inte börja från början, och ni kan fortsätta där "
                        "ni slutade senast.",
                    ),
                    _option(
                        "Boka ett lugnt rum för ett konfidentiellt samtal",
                        True,
                        "Rätt. Ett lugnt rum som skyddar konfidentialiteten gör det lättare för "
                        "klienten att berätta.",
                    ),
                    _option(
                        "Bestämma i förväg vilken lösning som passar klienten",
                        False,
                        "En färdig lösning stänger klienten ute från besluten. Förbered dig "
                        "noga, men bestäm tillsammans.",
                    ),
                    _option(
                        "Boka en så kort tid som möjligt så att kön inte växer",
                        False,
                        "En alltför snäv tid skapar en känsla av brådska och leder lätt till nya "
                        "kontakter. Reservera tid efter ärendets behov.",
                    ),
                ],
                multiple=True,
            ),
        ],
    },
    "en": {
        "title": "Preventing problems",
        "summary": "Many difficult situations grow out of uncertainty, waiting or broken "
        "promises. Learn to spot these points in time and to fix them.",
        "body": [
            p(
                "<p>Much of a client's frustration builds up before they even meet a worker: it "
                "is hard to get through, instructions contradict each other, or nobody says how "
                "long the matter will take. When these points are fixed, many difficult "
                "situations never arise.</p>"
            ),
            h("Prepare in advance"),
            checklist(
                "Before a meeting or a call",
                [
                    "Read the client's earlier information and the latest agreements",
                    "Check whether the client is waiting for an answer or a call-back",
                    "Book a quiet room where you can talk in confidence",
                    "Find out in advance whether an interpreter is needed",
                ],
            ),
            h("Tell the client what to expect"),
            p(
                "<p>Uncertainty is often harder to bear than the wait itself. Tell the "
                "client:</p>"
                "<ul><li>what the next step is and roughly when it will happen</li>"
                "<li>who is handling the matter</li>"
                "<li>what they can do if things are delayed.</li></ul>"
                "<p>When you promise to call back, agree on a time and keep to it. If you cannot "
                "make it, let the client know before the agreed time.</p>"
            ),
            case(
                "Three calls in one week",
                "<p>A client called three times in the same week to ask about their application "
                "and was more upset each time.</p>",
                "<p>The worker explained the stages of handling the application and when the "
                "decision was expected, and promised to send a text message if the schedule "
                "changed. The calls stopped, and the client thanked them for the clear "
                "information.</p>",
            ),
        ],
        "quiz": [
            _question(
                "What best prevents a client from calling again and again about the same matter?",
                [
                    _option(
                        "The client is told the next step, an estimated schedule and how they "
                        "will hear about any delay",
                        True,
                        "Correct. When clients know what to expect, they do not need to call to "
                        "check.",
                    ),
                    _option(
                        "The client is asked to be patient",
                        False,
                        "Being told to wait does not remove the uncertainty. The client needs to "
                        "know what will happen and when.",
                    ),
                    _option(
                        "The client is given your direct number to call at any time",
                        False,
                        "The gesture is kind, but you are promising availability you cannot "
                        "guarantee. A clear schedule and an agreed contact help more.",
                    ),
                ],
            ),
            _question(
                "You promised to call a client at 2 pm, but you will not make it. What do you do?",
                [
                    _option(
                        "I call as soon as I can, even if that is only the next day",
                        False,
                        "The client may have set time aside for the call and waits in vain. A "
                        "broken promise weakens trust.",
                    ),
                    _option(
                        "I let the client know before 2 pm that the time has changed and agree "
                        "on a new one",
                        True,
                        "Correct. When you tell the client about the change in good time, they "
                        "know what to expect and trust is kept.",
                    ),
                    _option(
                        "I ask a colleague to call without telling them about the client's "
                        "situation",
                        False,
                        "Asking a colleague for help is a good idea, but without the background "
                        "the client has to start all over again. Give your colleague the "
                        "essentials.",
                    ),
                ],
            ),
            _question(
                "Which two things are worth doing before meeting a client?",
                [
                    _option(
                        "Reading the client's earlier information and agreements",
                        True,
                        "Correct. The client does not have to start from scratch, and you can "
                        "pick up where you left off.",
                    ),
                    _option(
                        "Booking a quiet room for a confidential conversation",
                        True,
                        "Correct. A quiet room that protects confidentiality makes it easier for "
                        "the client to talk.",
                    ),
                    _option(
                        "Deciding in advance which solution suits the client",
                        False,
                        "A ready-made solution shuts the client out of the decision. Prepare "
                        "well, but decide together.",
                    ),
                    _option(
                        "Booking as short a slot as possible so the queue does not grow",
                        False,
                        "Too tight a slot creates a sense of hurry and easily leads to further "
                        "contacts. Set aside the time the matter needs.",
                    ),
                ],
                multiple=True,
            ),
        ],
    },
}


# Lesson 4 -----------------------------------------------------------------------------------

_CHALLENGING = {
    "slug": "haastavat-asiakastilanteet",
    "kind": "reading",
    "required": True,
    "fi": {
        "title": "Haastavat asiakastilanteet",
        "summary": "Miten tunnistat tilanteen kiristymisen ajoissa, rauhoitat sitä ja huolehdit "
        "omasta ja muiden turvallisuudesta.",
        "body": [
            p(
                "<p>Vihainen tai pelokas asiakas ei yleensä ole hankala ihminen, vaan ihminen "
                "hankalassa tilanteessa. Taustalla on usein huoli, kipu, pettymys tai kokemus "
                "siitä, ettei tule kuulluksi. Mitä varhemmin huomaat tilanteen kiristyvän, sitä "
                "helpommin se rauhoittuu. Kiristymisestä kertovat esimerkiksi nämä merkit:</p>"
                "<ul><li>ääni kovenee tai puhe nopeutuu</li>"
                "<li>asiakas toistaa samaa asiaa yhä painokkaammin</li>"
                "<li>levottomuus: asiakas nousee seisomaan, puristaa käsiään tai kävelee "
                "edestakaisin</li>"
                "<li>uhkailu tai tavaroiden paiskominen – silloin turvallisuus menee kaiken muun "
                "edelle.</li></ul>"
            ),
            h("Näin rauhoitat tilannetta"),
            checklist(
                "Rauhoittavia keinoja",
                [
                    "Puhu rauhallisesti ja hieman tavallista hitaammin",
                    "Sanoita tunne: ”Kuulostaa siltä, että olette todella turhautunut.”",
                    "Kerro, mitä voit tehdä juuri nyt, äläkä lupaa mitään, mihin et pysty",
                    "Anna tilaa: älä mene liian lähelle äläkä vähättele asiakkaan tunnetta",
                    "Aseta rauhallisesti raja käytökselle, ei ihmiselle: ”Haluan auttaa, mutta se "
                    "ei onnistu, jos minulle huudetaan.”",
                ],
            ),
            callout(
                "warning",
                "Turvallisuus ensin",
                "<p>Jos tunnet olosi uhatuksi, keskeytä tapaaminen ja hae apua. Istu niin, että "
                "pääset ovelle, ja sopikaa tiimissä, miten apua pyydetään, esimerkiksi "
                "hälyttimellä tai sovitulla sanalla. Kirjaa tilanne ja tee siitä ilmoitus "
                "yksikkösi ohjeen mukaan.</p>",
            ),
            case(
                "Huolestunut poika",
                "<p>Iäkkään asiakkaan poika tulee vastaanotolle kiihtyneenä, koska äidin "
                "kotihoidon käynnit ovat myöhästyneet useita kertoja.</p>",
                "<p>Työntekijä pyysi hänet rauhalliseen huoneeseen, kuunteli keskeyttämättä ja "
                "kertasi hänen huolensa. Sovittiin, että kotihoidon esihenkilö soittaa "
                "seuraavana päivänä ja käyntiajat tarkistetaan. Äidiltä itseltään kysyttiin "
                "myös, mikä hänelle sopii.</p>",
            ),
        ],
        "quiz": [
            _question(
                "Asiakas korottaa ääntään ja toistaa vaatimustaan. Mitkä kaksi keinoa "
                "rauhoittavat tilannetta todennäköisimmin?",
                [
                    _option(
                        "Sanoitan asiakkaan tunteen ja kerron haluavani ymmärtää hänen asiansa",
                        True,
                        "Oikein. Kun asiakas kokee tulevansa ymmärretyksi, hänen ei tarvitse "
                        "enää korottaa ääntään.",
                    ),
                    _option(
                        "Kerron, mitä voin tehdä hänen asiassaan juuri nyt",
                        True,
                        "Oikein. Konkreettinen seuraava askel antaa asiakkaalle tunteen, että "
                        "asia etenee.",
                    ),
                    _option(
                        "Korotan omaa ääntäni, jotta saan puheenvuoron",
                        False,
                        "Kova ääni kiihdyttää tilannetta entisestään. Puhu rauhallisesti ja "
                        "hieman tavallista hitaammin.",
                    ),
                    _option(
                        "Sanon, ettei tällainen käytös sovi aikuiselle",
                        False,
                        "Moralisointi saa asiakkaan puolustautumaan. Voit asettaa rauhallisesti "
                        "rajan käytökselle, esimerkiksi: ”Haluan auttaa, mutta se ei onnistu, "
                        "jos minulle huudetaan.”",
                    ),
                ],
                multiple=True,
            ),
            _question(
                "Asiakas uhkaa sinua ja nousee seisomaan aivan viereesi. Mikä on ensisijaista?",
                [
                    _option(
                        "Oma ja muiden turvallisuus: keskeytän tapaamisen ja haen apua",
                        True,
                        "Oikein. Turvallisuus menee kaiken edelle. Asiakkaan asiaan voidaan "
                        "palata, kun tilanne on rauhoittunut.",
                    ),
                    _option(
                        "Jatkan keskustelua, jotta asia saadaan hoidettua loppuun",
                        False,
                        "Uhkaavassa tilanteessa asian hoitaminen ei ole tärkeintä. Keskeytä "
                        "tapaaminen ja hae apua.",
                    ),
                    _option(
                        "Asetun oven eteen, ettei asiakas lähde ennen kuin asia on selvitetty",
                        False,
                        "Kulkureitin tukkiminen voi kärjistää tilannetta. Huolehdi, että sekä "
                        "sinä että asiakas pääsette tarvittaessa poistumaan.",
                    ),
                ],
            ),
            _question(
                "Miksi kiristymisen merkit kannattaa tunnistaa varhain?",
                [
                    _option(
                        "Tilanne on helpointa rauhoittaa, kun siihen tartutaan ajoissa",
                        True,
                        "Oikein. Varhain reagoimalla voit usein estää tilanteen kärjistymisen "
                        "kokonaan.",
                    ),
                    _option(
                        "Jotta tapaaminen voidaan lopettaa heti ensimmäisestä merkistä",
                        False,
                        "Kiristyminen ei yleensä ole syy lopettaa tapaamista. Merkit kertovat, "
                        "että nyt kannattaa hidastaa, kuunnella ja sanoittaa.",
                    ),
                    _option(
                        "Jotta asiakas voidaan merkitä tietoihin hankalaksi",
                        False,
                        "Leima seuraa asiakasta ja vaikuttaa siihen, miten hänet kohdataan "
                        "jatkossa. Kirjaa tapahtunut asiallisesti, älä arvioi ihmistä.",
                    ),
                ],
            ),
        ],
        "reflection": "Muistele haastavaa asiakastilannetta. Mikä auttoi rauhoittamaan sitä, "
        "tai mikä olisi auttanut? Mitä haluaisit sopia tiimisi kanssa avun pyytämisestä?",
    },
    "sv": {
        "title": "Utmanande klientsituationer",
        "summary": "Hur du i tid känner igen att en situation håller på att tillspetsas, lugnar "
        "ner den och ser till din egen och andras säkerhet.",
        "body": [
            p(
                "<p>En arg eller rädd klient är sällan en besvärlig människa, utan en människa i "
                "en besvärlig situation. Bakom ligger ofta oro, smärta, besvikelse eller "
                "känslan av att inte bli hörd. Ju tidigare du märker att situationen håller på "
                "att tillspetsas, desto lättare är det att lugna den. Typiska tecken är:</p>"
                "<ul><li>rösten höjs eller talet blir snabbare</li>"
                "<li>klienten upprepar samma sak allt mer eftertryckligt</li>"
                "<li>rastlöshet: klienten ställer sig upp, knyter händerna eller går fram och "
                "tillbaka</li>"
                "<li>hot eller föremål som kastas – då går säkerheten före allt annat.</li></ul>"
            ),
            h("Så lugnar du situationen"),
            checklist(
                "Sätt som lugnar",
                [
                    "Tala lugnt och lite långsammare än vanligt",
                    "Sätt ord på känslan: ”Det låter som att du är riktigt frustrerad.”",
                    "Berätta vad du kan göra just nu, och lova inget du inte kan hålla",
                    "Ge utrymme: gå inte för nära och förringa inte klientens känsla",
                    "Sätt lugnt en gräns för beteendet, inte för människan: ”Jag vill hjälpa dig, "
                    "men det går inte om du skriker åt mig.”",
                ],
            ),
            callout(
                "warning",
                "Säkerheten först",
                "<p>Om du känner dig hotad, avbryt mötet och hämta hjälp. Sitt så att du når "
                "dörren, och kom överens i teamet om hur ni kallar på hjälp, till exempel med "
                "ett larm eller ett avtalat ord. Dokumentera händelsen och gör en anmälan enligt "
                "enhetens anvisningar.</p>",
            ),
            case(
                "En orolig son",
                "<p>En äldre klients son kommer upprörd till mottagningen, eftersom hemvårdens "
                "besök hos hans mamma har blivit försenade flera gånger.</p>",
                "<p>Medarbetaren bad honom följa med till ett lugnt rum, lyssnade utan att "
                "avbryta och sammanfattade hans oro. De kom överens om att hemvårdens chef "
                "ringer nästa dag och att besökstiderna ses över. Mamman fick också själv "
                "berätta vad som passar henne.</p>",
            ),
        ],
        "quiz": [
            _question(
                "Klienten höjer rösten och upprepar sitt krav. Vilka två sätt lugnar sannolikt "
                "situationen?",
                [
                    _option(
                        "Jag sätter ord på klientens känsla och säger att jag vill förstå hens "
                        "ärende",
                        True,
                        "Rätt. När klienten känner sig förstådd behöver hen inte längre höja "
                        "rösten.",
                    ),
                    _option(
                        "Jag berättar vad jag kan göra i ärendet just nu",
                        True,
                        "Rätt. Ett konkret nästa steg ger klienten en känsla av att ärendet går "
                        "framåt.",
                    ),
                    _option(
                        "Jag höjer själv rösten för att få ordet",
                        False,
                        "En hög röst trappar upp situationen ytterligare. Tala lugnt och lite "
                        "långsammare än vanligt.",
                    ),
                    _option(
                        "Jag säger att ett sådant beteende inte passar en vuxen",
                        False,
                        "Moralisering får klienten att gå i försvar. Du kan lugnt sätta en gräns "
                        "för beteendet, till exempel: ”Jag vill hjälpa dig, men det går inte om "
                        "du skriker åt mig.”",
                    ),
                ],
                multiple=True,
            ),
            _question(
                "Klienten hotar dig och ställer sig alldeles intill dig. Vad kommer först?",
                [
                    _option(
                        "Min egen och andras säkerhet: jag avbryter mötet och hämtar hjälp",
                        True,
                        "Rätt. Säkerheten går före allt annat. Klientens ärende kan tas upp igen "
                        "när situationen har lugnat sig.",
                    ),
                    _option(
                        "Jag fortsätter samtalet för att få ärendet avklarat",
                        False,
                        "I en hotfull situation är ärendet inte det viktigaste. Avbryt mötet och "
                        "hämta hjälp.",
                    ),
                    _option(
                        "Jag ställer mig framför dörren så att klienten inte går innan saken är "
                        "utredd",
                        False,
                        "Att blockera vägen ut kan trappa upp situationen. Se till att både du "
                        "och klienten kan lämna rummet vid behov.",
                    ),
                ],
            ),
            _question(
                "Varför lönar det sig att känna igen tecknen på tillspetsning tidigt?",
                [
                    _option(
                        "En situation är lättast att lugna när man tar tag i den i tid",
                        True,
                        "Rätt. Genom att reagera tidigt kan du ofta förhindra att situationen "
                        "trappas upp över huvud taget.",
                    ),
                    _option(
                        "För att kunna avsluta mötet vid första tecken",
                        False,
                        "Att situationen tillspetsas är sällan ett skäl att avsluta mötet. "
                        "Tecknen säger att det är dags att sakta ner, lyssna och sätta ord på "
                        "känslan.",
                    ),
                    _option(
                        "För att kunna anteckna att klienten är besvärlig",
                        False,
                        "En stämpel följer klienten och påverkar hur hen bemöts i fortsättningen. "
                        "Dokumentera sakligt vad som hände, men bedöm inte människan.",
                    ),
                ],
            ),
        ],
        "reflection": "Tänk på en utmanande klientsituation. Vad hjälpte till att lugna den, "
        "eller vad hade hjälpt? Vad vill du komma överens om med ditt team när det gäller att be "
        "om hjälp?",
    },
    "en": {
        "title": "Challenging client situations",
        "summary": "How to recognise early that a situation is escalating, how to calm it down, "
        "and how to look after your own and others' safety.",
        "body": [
            p(
                "<p>An angry or frightened client is rarely a difficult person, but rather a "
                "person in a difficult situation. Behind it there is often worry, pain, "
                "disappointment or a sense of not being heard. The earlier you notice a "
                "situation escalating, the easier it is to calm down. Typical signs are:</p>"
                "<ul><li>the voice gets louder or speech speeds up</li>"
                "<li>the client repeats the same point more and more forcefully</li>"
                "<li>restlessness: the client stands up, clenches their hands or paces back and "
                "forth</li>"
                "<li>threats or throwing things – then safety comes before everything else.</li>"
                "</ul>"
            ),
            h("How to calm the situation"),
            checklist(
                "Ways to calm things down",
                [
                    "Speak calmly and a little more slowly than usual",
                    "Name the feeling: “It sounds like you are really frustrated.”",
                    "Say what you can do right now, and promise nothing you cannot keep",
                    "Give space: do not come too close, and do not play down the client's feelings",
                    "Calmly set a limit on the behaviour, not on the person: “I want to help you, "
                    "but I can't do that if you shout at me.”",
                ],
            ),
            callout(
                "warning",
                "Safety first",
                "<p>If you feel threatened, end the meeting and get help. Sit so that you can "
                "reach the door, and agree in your team how to call for help, for example with "
                "an alarm or an agreed code word. Record what happened and report it as your "
                "unit's instructions require.</p>",
            ),
            case(
                "A worried son",
                "<p>The son of an older client arrives at the reception upset, because the home "
                "care visits to his mother have been late several times.</p>",
                "<p>The worker invited him to a quiet room, listened without interrupting and "
                "summed up his concern. They agreed that the home care supervisor would call "
                "the next day and that the visit times would be reviewed. The mother herself "
                "was also asked what suits her.</p>",
            ),
        ],
        "quiz": [
            _question(
                "A client raises their voice and repeats their demand. Which two approaches "
                "are most likely to calm the situation?",
                [
                    _option(
                        "I name the client's feeling and say that I want to understand their "
                        "concern",
                        True,
                        "Correct. When clients feel understood, they no longer need to raise "
                        "their voice.",
                    ),
                    _option(
                        "I tell them what I can do about their matter right now",
                        True,
                        "Correct. A concrete next step gives the client a sense that the matter "
                        "is moving forward.",
                    ),
                    _option(
                        "I raise my own voice so that I can get a word in",
                        False,
                        "A loud voice escalates the situation further. Speak calmly and a "
                        "little more slowly than usual.",
                    ),
                    _option(
                        "I say that such behaviour is not appropriate for an adult",
                        False,
                        "Moralising makes clients defensive. You can calmly set a limit on the "
                        "behaviour instead, for example: “I want to help you, but I can't do "
                        "that if you shout at me.”",
                    ),
                ],
                multiple=True,
            ),
            _question(
                "A client threatens you and stands up right next to you. What comes first?",
                [
                    _option(
                        "My own and others' safety: I end the meeting and get help",
                        True,
                        "Correct. Safety comes before everything else. The client's matter can "
                        "be taken up again once the situation has calmed down.",
                    ),
                    _option(
                        "I carry on talking so that the matter gets settled",
                        False,
                        "In a threatening situation the matter at hand is not the priority. End "
                        "the meeting and get help.",
                    ),
                    _option(
                        "I stand in front of the door so that the client cannot leave before the "
                        "matter is resolved",
                        False,
                        "Blocking the way out can escalate the situation. Make sure that both "
                        "you and the client can leave if needed.",
                    ),
                ],
            ),
            _question(
                "Why is it worth recognising the signs of escalation early?",
                [
                    _option(
                        "A situation is easiest to calm when you respond to it in time",
                        True,
                        "Correct. By reacting early you can often stop the situation from "
                        "escalating at all.",
                    ),
                    _option(
                        "So that the meeting can be ended at the very first sign",
                        False,
                        "Escalation is rarely a reason to end a meeting. The signs tell you it "
                        "is time to slow down, listen and name the feeling.",
                    ),
                    _option(
                        "So that the client can be flagged as difficult in the records",
                        False,
                        "A label follows the client and affects how they are met in future. "
                        "Record what happened factually; do not judge the person.",
                    ),
                ],
            ),
        ],
        "reflection": "Think of a challenging client situation. What helped to calm it down, or "
        "what would have helped? What would you like to agree with your team about asking for "
        "help?",
    },
}


# Lesson 5 -----------------------------------------------------------------------------------

_RECOVERY = {
    "slug": "kuormituksesta-palautuminen",
    "kind": "reading",
    "required": True,
    "fi": {
        "title": "Palautuminen kuormittavista tilanteista",
        "summary": "Vaikea asiakastilanne voi jäädä mieleen pitkäksi aikaa. Opi keinoja purkaa "
        "kuormitusta heti tilanteen jälkeen, yhdessä tiimin kanssa ja työpäivän päätteeksi.",
        "body": [
            p(
                "<p>Esihenkilöt pitävät työntekijöiden kuormittumista yhtenä suurimmista "
                "esteistä hyvälle kohtaamiselle. Väsyneenä asiakkaat alkavat helposti näyttää "
                "tehtäviltä eivätkä ihmisiltä, ja empatia tulee liian myöhään. Palautuminen ei "
                "siis ole vain yksityisasia, vaan osa asiakastyön laatua.</p>"
            ),
            h("Heti tilanteen jälkeen"),
            checklist(
                "Muutaman minuutin palautuminen",
                [
                    "Pidä lyhyt tauko ennen seuraavaa asiakasta aina, kun se on mahdollista",
                    "Hengitä rauhallisesti niin, että uloshengitys on sisäänhengitystä pidempi",
                    "Kirjaa tapahtunut, kun muistat sen vielä tarkasti",
                    "Kerro kollegalle tai esihenkilölle, ettei tilanne jää vain sinun "
                    "kannettavaksesi",
                ],
            ),
            h("Purkakaa tilanne yhdessä"),
            p(
                "<p>Käykää vaikea tilanne läpi mahdollisimman pian, mieluiten saman päivän "
                "aikana. Hyvä purkukeskustelu ei etsi syyllistä, vaan kysyy:</p>"
                "<ul><li>mitä tapahtui ja miltä se tuntui</li><li>mikä toimi</li>"
                "<li>mitä teemme ensi kerralla toisin.</li></ul>"
                "<p>Sopikaa samalla, tarvitaanko työterveyshuollon tai työnohjauksen tukea.</p>"
            ),
            callout(
                "tip",
                "Rajat suojaavat sinua ja asiakasta",
                "<p>Käy työpäivän lopuksi läpi, mitä jäi kesken ja milloin hoidat sen. Kirjoita "
                "asiat ylös ja jätä ne työpaikalle. Jos uni, mieliala tai jaksaminen kärsivät "
                "pitkään, ota yhteyttä työterveyshuoltoon.</p>",
            ),
        ],
        "quiz": [
            _question(
                "Mikä on hyvän purkukeskustelun tärkein periaate?",
                [
                    _option(
                        "Selvitetään, kuka teki virheen",
                        False,
                        "Syyllisen etsiminen saa ihmiset vaikenemaan, eikä siitä opita mitään. "
                        "Keskittykää siihen, mitä tapahtui ja mitä voitte tehdä toisin.",
                    ),
                    _option(
                        "Käydään läpi tapahtumat ja tunteet syyllistämättä ja sovitaan, mitä "
                        "tehdään toisin",
                        True,
                        "Oikein. Näin kuormitus kevenee ja koko tiimi oppii tilanteesta.",
                    ),
                    _option(
                        "Tilanne käsitellään vasta kuukausipalaverissa, kun kaikki ovat paikalla",
                        False,
                        "Kuukauden kuluttua tilanne on ehtinyt kuormittaa jo pitkään. Lyhyt "
                        "purku saman päivän aikana auttaa eniten.",
                    ),
                ],
            ),
            _question(
                "Miten työntekijän palautuminen liittyy asiakaskohtaamisen laatuun?",
                [
                    _option(
                        "Kuormittunut työntekijä alkaa helpommin nähdä asiakkaat tehtävinä, ja "
                        "empatia voi tulla liian myöhään",
                        True,
                        "Oikein. Siksi palautuminen ja tiimin tuki ovat myös asiakkaan etu.",
                    ),
                    _option(
                        "Se ei liity laatuun, koska ammattilainen erottaa aina omat tunteensa "
                        "työstä",
                        False,
                        "Ammattitaitokaan ei suojaa kuormitukselta. Väsymys näkyy kohtaamisissa, "
                        "vaikka sitä yrittäisi peittää.",
                    ),
                    _option(
                        "Palautumisella on merkitystä vain, jos tilanteessa oli väkivaltaa",
                        False,
                        "Myös toistuvat pienet kuormittavat hetket kasautuvat. Palautumisesta "
                        "kannattaa huolehtia joka päivä.",
                    ),
                ],
            ),
        ],
        "reflection": "Mikä auttaa sinua palautumaan raskaan työpäivän tai vaikean "
        "asiakastilanteen jälkeen? Mitä tukea toivoisit tiimiltäsi tai esihenkilöltäsi?",
    },
    "sv": {
        "title": "Återhämtning efter belastande situationer",
        "summary": "En svår klientsituation kan stanna kvar i tankarna länge. Lär dig sätt att "
        "lätta på belastningen direkt efteråt, tillsammans med teamet och när arbetsdagen är "
        "slut.",
        "body": [
            p(
                "<p>Cheferna ser medarbetarnas belastning som ett av de största hindren för ett "
                "gott bemötande. När man är trött börjar klienterna lätt te sig som uppgifter i "
                "stället för människor, och empatin kommer för sent. Återhämtning är alltså "
                "ingen privatsak utan en del av kvaliteten i klientarbetet.</p>"
            ),
            h("Direkt efter situationen"),
            checklist(
                "Återhämtning på några minuter",
                [
                    "Ta en kort paus före nästa klient när det bara är möjligt",
                    "Andas lugnt så att utandningen blir längre än inandningen",
                    "Dokumentera det som hände medan du minns det tydligt",
                    "Berätta för en kollega eller din chef så att du inte bär situationen ensam",
                ],
            ),
            h("Gå igenom situationen tillsammans"),
            p(
                "<p>Gå igenom en svår situation så snart som möjligt, helst samma dag. Ett bra "
                "avlastningssamtal letar inte efter en syndabock utan frågar:</p>"
                "<ul><li>vad hände och hur kändes det</li><li>vad fungerade</li>"
                "<li>vad gör vi annorlunda nästa gång.</li></ul>"
                "<p>Kom samtidigt överens om det behövs stöd från företagshälsovården eller "
                "arbetshandledning.</p>"
            ),
            callout(
                "tip",
                "Gränser skyddar både dig och klienten",
                "<p>Gå i slutet av arbetsdagen igenom vad som blev ogjort och när du tar itu med "
                "det. Skriv upp det och lämna det på arbetsplatsen. Om sömnen, humöret eller "
                "orken blir lidande under en längre tid, kontakta företagshälsovården.</p>",
            ),
        ],
        "quiz": [
            _question(
                "Vilken är den viktigaste principen i ett bra avlastningssamtal?",
                [
                    _option(
                        "Man tar reda på vem som gjorde fel",
                        False,
                        "Att leta efter en syndabock får människor att tystna, och ingen lär sig "
                        "något. Fokusera på vad som hände och vad ni kan göra annorlunda.",
                    ),
                    _option(
                        "Man går igenom händelser och känslor utan att skuldbelägga och kommer "
                        "överens om vad man gör annorlunda",
                        True,
                        "Rätt. Så lättar belastningen, och hela teamet lär sig av situationen.",
                    ),
                    _option(
                        "Situationen tas upp först på månadsmötet när alla är på plats",
                        False,
                        "Efter en månad har situationen redan belastat länge. Ett kort samtal "
                        "samma dag hjälper mest.",
                    ),
                ],
            ),
            _question(
                "Hur hänger medarbetarens återhämtning ihop med kvaliteten i klientmötet?",
                [
                    _option(
                        "En överbelastad medarbetare ser lättare klienterna som uppgifter, och "
                        "empatin kan komma för sent",
                        True,
                        "Rätt. Därför är återhämtning och stöd i teamet också i klientens "
                        "intresse.",
                    ),
                    _option(
                        "Det hänger inte ihop, eftersom en professionell alltid skiljer sina "
                        "känslor från arbetet",
                        False,
                        "Inte ens yrkeskunskap skyddar mot belastning. Trötthet syns i mötena, "
                        "även om man försöker dölja den.",
                    ),
                    _option(
                        "Återhämtning spelar roll bara om situationen innehöll våld",
                        False,
                        "Också små belastande stunder hopar sig när de upprepas. Det lönar sig "
                        "att ta hand om återhämtningen varje dag.",
                    ),
                ],
            ),
        ],
        "reflection": "Vad hjälper dig att återhämta dig efter en tung arbetsdag eller en svår "
        "klientsituation? Vilket stöd skulle du önska av ditt team eller din chef?",
    },
    "en": {
        "title": "Recovering from stressful situations",
        "summary": "A difficult client situation can stay on your mind for a long time. Learn "
        "ways to ease the strain straight afterwards, together with your team and at the end "
        "of the working day.",
        "body": [
            p(
                "<p>Supervisors see staff overload as one of the biggest barriers to good "
                "encounters. When you are tired, clients easily start to look like tasks rather "
                "than people, and empathy comes too late. Recovery is therefore not just a "
                "private matter but part of the quality of client work.</p>"
            ),
            h("Straight after the situation"),
            checklist(
                "A few minutes of recovery",
                [
                    "Take a short break before the next client whenever you can",
                    "Breathe calmly, making each breath out longer than the breath in",
                    "Record what happened while you still remember it clearly",
                    "Tell a colleague or your supervisor, so that you do not carry the "
                    "situation alone",
                ],
            ),
            h("Debrief together"),
            p(
                "<p>Go through a difficult situation as soon as possible, preferably the same "
                "day. A good debrief does not look for someone to blame; it asks:</p>"
                "<ul><li>what happened and how it felt</li><li>what worked</li>"
                "<li>what we will do differently next time.</li></ul>"
                "<p>Agree at the same time whether support from occupational health care or "
                "work counselling is needed.</p>"
            ),
            callout(
                "tip",
                "Boundaries protect both you and the client",
                "<p>At the end of the working day, go over what was left unfinished and when you "
                "will deal with it. Write it down and leave it at work. If your sleep, mood or "
                "energy suffer for a long time, contact occupational health care.</p>",
            ),
        ],
        "quiz": [
            _question(
                "What is the most important principle of a good debrief?",
                [
                    _option(
                        "Finding out who made the mistake",
                        False,
                        "Looking for someone to blame makes people fall silent, and nobody "
                        "learns anything. Focus on what happened and what you can do "
                        "differently.",
                    ),
                    _option(
                        "Going through events and feelings without blame and agreeing on what "
                        "to do differently",
                        True,
                        "Correct. This eases the strain, and the whole team learns from the "
                        "situation.",
                    ),
                    _option(
                        "Discussing the situation only at the monthly meeting, when everyone is "
                        "present",
                        False,
                        "A month later the situation has already weighed on people for a long "
                        "time. A short debrief on the same day helps most.",
                    ),
                ],
            ),
            _question(
                "How is a worker's recovery linked to the quality of client encounters?",
                [
                    _option(
                        "An overloaded worker more easily sees clients as tasks, and empathy "
                        "may come too late",
                        True,
                        "Correct. That is why recovery and team support are in the client's "
                        "interest, too.",
                    ),
                    _option(
                        "It is not linked, because professionals always keep their feelings "
                        "separate from work",
                        False,
                        "Professional skill does not protect anyone from overload. Tiredness "
                        "shows in encounters, even when you try to hide it.",
                    ),
                    _option(
                        "Recovery only matters if the situation involved violence",
                        False,
                        "Small stressful moments also add up when they repeat. Recovery is "
                        "worth looking after every day.",
                    ),
                ],
            ),
        ],
        "reflection": "What helps you recover after a hard working day or a difficult client "
        "situation? What support would you like from your team or supervisor?",
    },
}


# Lesson 6: the optional live webinar ---------------------------------------------------------

_LIVE = {
    "slug": "kysy-kouluttajalta-live",
    "kind": "live",
    "required": False,
    "fi": {
        "title": "Kysy kouluttajalta: kurssin opit yksikön arkeen",
        "summary": "Vapaaehtoinen suora webinaari, jossa kouluttaja vastaa kysymyksiin ja "
        "pohditaan yhdessä, miten kurssin opit viedään oman yksikön käytäntöihin.",
        "body": [
            p(
                "<p>Tunnin mittaisessa suorassa webinaarissa kouluttaja vastaa kurssia "
                "koskeviin kysymyksiin. Lisäksi pohditaan yhdessä, miten yksikkö voi ottaa "
                "opitun käyttöön: esimerkiksi sovitut takaisinsoitot, purkukeskustelut tai "
                "asiakaspalautteen kerääminen heti yhteydenoton jälkeen.</p>"
            ),
            h("Ennen webinaaria"),
            checklist(
                "Valmistaudu näin",
                [
                    "Valitse yksi oman työsi tilanne, josta haluat keskustella",
                    "Kirjoita ylös kysymys, joka kurssista jäi mieleen",
                    "Mieti, minkä yhden asian tiimisi voisi ottaa käyttöön jo ensi viikolla",
                ],
            ),
            callout(
                "important",
                "Osallistuminen",
                "<p>Webinaari on vapaaehtoinen, eikä se vaikuta kurssin suorittamiseen. "
                "Kouluttaja merkitsee osallistumisen tilaisuuden jälkeen. Tilaisuutta ei "
                "tallenneta, joten voit kertoa työtilanteista vapaasti – kunhan et mainitse "
                "tietoja, joista asiakkaan voisi tunnistaa.</p>",
            ),
        ],
        "quiz": [],
        "place": "Teams-verkkotapaaminen (liittymislinkki lähetetään sähköpostitse ennen "
        "tilaisuutta)",
    },
    "sv": {
        "title": "Fråga utbildaren: kursen i enhetens vardag",
        "summary": "Ett frivilligt direktsänt webbinarium där utbildaren svarar på frågor och "
        "där vi tillsammans funderar på hur kursens lärdomar kan bli en del av enhetens "
        "praxis.",
        "body": [
            p(
                "<p>I det entimmes direktsända webbinariet svarar utbildaren på frågor om "
                "kursen. Vi funderar också tillsammans på hur enheten kan ta det ni har lärt er "
                "i bruk, till exempel avtalade återuppringningar, avlastningssamtal eller "
                "respons som samlas in direkt efter en kontakt.</p>"
            ),
            h("Före webbinariet"),
            checklist(
                "Förbered dig så här",
                [
                    "Välj en situation från ditt eget arbete som du vill diskutera",
                    "Skriv ner en fråga som kursen väckte",
                    "Fundera på en sak som ditt team kunde börja med redan nästa vecka",
                ],
            ),
            callout(
                "important",
                "Deltagande",
                "<p>Webbinariet är frivilligt och påverkar inte om du blir klar med kursen. "
                "Utbildaren antecknar deltagandet efter tillfället. Tillfället spelas inte in, "
                "så du kan berätta fritt om arbetssituationer – nämn bara inga uppgifter som kan "
                "identifiera en klient.</p>",
            ),
        ],
        "quiz": [],
        "place": "Teams-möte på nätet (länken skickas per e-post före tillfället)",
    },
    "en": {
        "title": "Ask the trainer: bringing the course into your unit",
        "summary": "An optional live webinar in which the trainer answers questions and we "
        "consider together how to turn what the course teaches into your unit's everyday "
        "practice.",
        "body": [
            p(
                "<p>In this one-hour live webinar the trainer answers questions about the "
                "course. We also consider together how your unit can put what you have learned "
                "into practice, for example agreed call-backs, debriefs or collecting feedback "
                "straight after a client contact.</p>"
            ),
            h("Before the webinar"),
            checklist(
                "How to prepare",
                [
                    "Choose one situation from your own work that you would like to discuss",
                    "Write down a question the course left you with",
                    "Think of one thing your team could start doing as early as next week",
                ],
            ),
            callout(
                "important",
                "Taking part",
                "<p>The webinar is optional and does not affect completing the course. The "
                "trainer marks attendance after the session. The session is not recorded, so "
                "you can talk freely about work situations – just do not mention anything that "
                "could identify a client.</p>",
            ),
        ],
        "quiz": [],
        "place": "Teams online meeting (the joining link is emailed before the session)",
    },
}

LESSONS = [_COMMUNICATION, _RESPECTFUL, _PREVENTING, _CHALLENGING, _RECOVERY, _LIVE]
