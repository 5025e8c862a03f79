"""The demo framework's words in Finnish, Swedish and English: its name, and each value's name,
description and four statements. Written for this product from what residents value in the
Keusote survey (shared/seeds)."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import ValueKey

Texts = tuple[str, str, str]  # Finnish, Swedish, English

FRAMEWORK_NAME: Texts = ("Arvokas-arvot", "Arvokas-värden", "Arvokas values")


@dataclass(frozen=True)
class DemoValue:
    key: str
    name: Texts
    description: Texts
    statements: tuple[Texts, ...]


DEMO_VALUES = (
    DemoValue(
        ValueKey.DIGNITY,
        ("Ihmisarvon kunnioittaminen", "Respekt för människovärdet", "Respect for human dignity"),
        (
            "Jokainen asiakas kohdataan arvokkaana ihmisenä, vaikka työtä olisi paljon.",
            "Varje klient möts som en värdefull människa, även när arbetet hopar sig.",
            "Every client is met as a person of worth, however much work there is.",
        ),
        (
            (
                "Varaamme asiakkaan asioille riittävästi aikaa myös kiireisinä päivinä.",
                "Vi reserverar tillräckligt med tid för klientens ärenden även under hektiska dagar.",
                "We set aside enough time for the client's matters, even on busy days.",
            ),
            (
                "Jos emme tiedä vastausta, selvitämme asian ja palaamme asiakkaalle sovitusti.",
                "Om vi inte vet svaret tar vi reda på saken och återkommer till klienten som vi lovat.",
                "When we don't know the answer, we find out and get back to the client as agreed.",
            ),
            (
                "Etsimme ratkaisuja yhteisymmärryksessä asiakkaan kanssa.",
                "Vi söker lösningar i samförstånd med klienten.",
                "We look for solutions in mutual understanding with the client.",
            ),
            (
                "Kohtelemme asiakasta ihmisenä emmekä tapauksena silloinkaan, kun kuormitus on kova.",
                "Vi behandlar klienten som en människa och inte som ett ärende, även när belastningen är hög.",
                "We treat the client as a person, not a case, even when the workload is heavy.",
            ),
        ),
    ),
    DemoValue(
        ValueKey.CLIENT_CENTREDNESS,
        ("Asiakaslähtöisyys", "Klientorientering", "Client-centredness"),
        (
            "Asiakkaan oma tilanne ja näkemys ohjaavat ratkaisuja.",
            "Klientens egen situation och syn styr lösningarna.",
            "The client's own situation and views guide the solutions.",
        ),
        (
            (
                "Perehdymme asiakkaan tilanteeseen ennen tapaamista.",
                "Vi sätter oss in i klientens situation före mötet.",
                "We read up on the client's situation before we meet them.",
            ),
            (
                "Kerromme asiakkaalle avoimesti, miten häntä koskevat päätökset tehdään.",
                "Vi berättar öppet för klienten hur beslut som gäller hen fattas.",
                "We tell clients openly how decisions about them are made.",
            ),
            (
                "Jos asiakas on eri mieltä, kirjaamme sen ja otamme sen huomioon suunnitelmissa.",
                "Om klienten är av annan åsikt antecknar vi det och beaktar det i planerna.",
                "If the client disagrees, we record it and take it into account in the plans.",
            ),
            (
                "Kuulemme asiakkaan läheisiä, kun asiakas ei itse pysty kertomaan toiveistaan.",
                "Vi hör klientens närstående när klienten inte själv kan berätta om sina önskemål.",
                "We listen to the client's close ones when the client cannot express their wishes.",
            ),
        ),
    ),
    DemoValue(
        ValueKey.EQUALITY,
        ("Yhdenvertaisuus", "Jämlikhet", "Equality"),
        (
            "Jokainen saa yhtä hyvää palvelua asuinpaikasta, iästä ja kielestä riippumatta.",
            "Alla får lika god service oberoende av bostadsort, ålder och språk.",
            "Everyone gets equally good service, whatever their home area, age or language.",
        ),
        (
            (
                "Asiakkaan on helppo saada meihin yhteys ja sopia aika joustavasti.",
                "Det är lätt för klienten att nå oss och boka en tid flexibelt.",
                "Clients find it easy to reach us and to book an appointment flexibly.",
            ),
            (
                "Kun ohjaamme asiakkaan toiseen palveluun, varmistamme, että hän myös pääsee sinne.",
                "När vi hänvisar klienten till en annan tjänst ser vi till att hen också får den.",
                "When we refer a client to another service, we make sure they actually get there.",
            ),
            (
                "Asiakkaan oma tahto ratkaisee, vaikka läheiset tai henkilöstö painaisivat toiseen suuntaan.",
                "Klientens egen vilja avgör, även om närstående eller personal trycker på åt ett annat håll.",
                "The client's own will decides, even when relatives or staff push another way.",
            ),
            (
                "Huolehdimme, ettei kieli estä asiakasta ymmärtämästä asiaansa ja tulemasta ymmärretyksi.",
                "Vi ser till att språket inte hindrar klienten från att förstå sitt ärende och bli förstådd.",
                "We make sure language does not stop a client from understanding and being understood.",
            ),
        ),
    ),
    DemoValue(
        ValueKey.TRUST,
        ("Luottamus", "Förtroende", "Trust"),
        (
            "Asiakas voi luottaa siihen, että häntä kuunnellaan ja hänen asiansa pysyvät luottamuksellisina.",
            "Klienten kan lita på att hen blir lyssnad på och att ärendena förblir konfidentiella.",
            "Clients can rely on being listened to and on their matters staying confidential.",
        ),
        (
            (
                "Keskustelemme asiakkaan kanssa rauhallisessa tilassa, jossa muut eivät kuule.",
                "Vi samtalar med klienten i ett lugnt utrymme där andra inte hör.",
                "We talk with clients in a calm space where others cannot overhear.",
            ),
            (
                "Emme käytä tietosuojaa tekosyynä jättää asioita kertomatta tai hoitamatta.",
                "Vi använder inte dataskyddet som förevändning för att låta bli att informera eller agera.",
                "We don't use data protection as an excuse for not telling or not acting.",
            ),
            (
                "Otamme asiakkaan oman kertomuksen vakavasti emmekä kyseenalaista sitä perusteetta.",
                "Vi tar klientens egen berättelse på allvar och ifrågasätter den inte utan grund.",
                "We take the client's own account seriously and don't doubt it without reason.",
            ),
            (
                "Asiakas voi tavata tutun työntekijän kasvokkain, kun asia sitä vaatii.",
                "Klienten kan träffa en bekant medarbetare ansikte mot ansikte när ärendet kräver det.",
                "Clients can meet a worker they know face to face when their matter calls for it.",
            ),
        ),
    ),
    DemoValue(
        ValueKey.EMPATHY,
        ("Empatia", "Empati", "Empathy"),
        (
            "Asiakas kokee tulleensa kuulluksi ja ymmärretyksi.",
            "Klienten upplever att hen blivit hörd och förstådd.",
            "Clients feel heard and understood.",
        ),
        (
            (
                "Kuuntelemme asiakasta keskeyttämättä ja varmistamme, että ymmärsimme oikein.",
                "Vi lyssnar på klienten utan att avbryta och försäkrar oss om att vi förstått rätt.",
                "We listen to clients without interrupting and check that we understood them.",
            ),
            (
                "Kohtaamme asiakkaan ystävällisesti ja kohteliaasti.",
                "Vi bemöter klienten vänligt och artigt.",
                "We meet clients kindly and courteously.",
            ),
            (
                "Osaamme olla hienotunteisia ja rehellisiä samaan aikaan.",
                "Vi kan vara taktfulla och ärliga på samma gång.",
                "We manage to be tactful and honest at the same time.",
            ),
            (
                "Tartumme asiakkaan huoleen ajoissa emmekä vasta, kun tilanne on jo kärjistynyt.",
                "Vi tar tag i klientens oro i tid och inte först när situationen redan har tillspetsats.",
                "We respond to a client's worry in good time, not once things have already escalated.",
            ),
        ),
    ),
)
