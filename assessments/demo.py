"""Demo and benchmark data for the self-assessment: the Arvokas framework, closed rounds with
anonymous answers for the demo units, and years of rounds for the county-scale organisation.

Everything is idempotent: running it again changes nothing that already exists. The statements
are written for this product from what residents value in the Keusote survey (shared/seeds).
"""

from __future__ import annotations

import datetime
import random
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from toolkit.demo import DEMO_UNIT_CODE, DEMO_UNITS
from toolkit.models import Membership, Unit

from .anonymity import ROLE_NOT_KEPT, current_threshold, roles_kept
from .models import (
    AnonymitySettings,
    Answer,
    AssessmentRound,
    Framework,
    FrameworkVersion,
    Invitation,
    OpenAnswer,
    Participation,
    RespondentRole,
    Response,
    Statement,
    Value,
    ValueKey,
)
from .selectors.comparison import rounds_changed
from .services.rounds import rounds_record_parent

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

# What staff write in the open questions (Finnish, as most answers in the demo county would be).
BARRIERS = {
    ValueKey.DIGNITY: (
        "Päivät ovat niin täynnä, että asiakkaalle jää liian vähän aikaa.",
        "Päällekkäiset tehtävät katkaisevat asiakastapaamiset.",
        "Kun kuormitus on kova, asiakkaista tulee helposti pelkkiä suoritteita.",
        "Oma väsymys näkyy välillä kärsimättömyytenä.",
    ),
    ValueKey.CLIENT_CENTREDNESS: (
        "Asiakasmäärät kasvavat nopeammin kuin resurssit.",
        "Välillä päätämme asiakkaan puolesta, koska luulemme tietävämme paremmin.",
        "Asiakkaan palvelupolku ja vastuut eivät ole selviä edes meille itsellemme.",
        "Asiakirjoihin ei aina ehdi perehtyä ennen tapaamista.",
    ),
    ValueKey.EQUALITY: (
        "Jonotusajat vaihtelevat paljon alueittain.",
        "Palvelujen myöntämisperusteet ovat eri alueilla erilaiset.",
        "Tulkkia on vaikea saada lyhyellä varoitusajalla.",
        "Henkilöstön vaihtuvuus katkaisee asiakassuhteet.",
    ),
    ValueKey.TRUST: (
        "Ohjeet muuttuvat niin usein, ettei asiakkaalle voi luvata mitään varmaa.",
        "Vastaanottotilat ovat ahtaita, ja keskustelut kuuluvat käytävälle.",
        "Asiakas joutuu kertomaan asiansa joka kerta uudelle työntekijälle.",
        "Kiire näkyy asiakkaalle, eikä hän uskalla kertoa kaikkea.",
    ),
    ValueKey.EMPATHY: (
        "Ylikuormitus vie voimat, eikä myötätuntoa aina riitä.",
        "Asiakkaan asiaan päästään tarttumaan liian myöhään.",
        "Puhelimessa on vaikea kuulla, mitä asiakas oikeasti tarvitsee.",
        "Haastavat asiakastilanteet jäävät mieleen ja kuormittavat.",
    ),
}
MEANS = {
    ValueKey.DIGNITY: (
        "Rauhoitetaan asiakasajat, ettei puhelin keskeytä niitä.",
        "Käydään tiimipalaverissa läpi vaikeita kohtaamisia ja tuetaan toisiamme.",
        "Sijaisjärjestelyt kuntoon, jotta kukaan ei ole jatkuvasti äärirajoilla.",
        "Muistutetaan toisiamme siitä, että asiakas on työn keskiössä.",
    ),
    ValueKey.CLIENT_CENTREDNESS: (
        "Sovitaan yhteinen tapa kirjata asiakkaan oma näkemys.",
        "Päivitetään verkkosivujen ohjeet selkeiksi ja helposti löydettäviksi.",
        "Varataan aikaa perehtyä asiakkaan tietoihin ennen tapaamista.",
        "Kysytään asiakkaalta, keitä läheisiä hän haluaa mukaan.",
    ),
    ValueKey.EQUALITY: (
        "Tehdään yhteistyötä muiden palvelualueiden kanssa, jotta ohjaus onnistuu.",
        "Tarjotaan mahdollisuus varata aika myös paikan päällä.",
        "Seurataan jonotusaikoja ja puututaan havaittuihin eroihin.",
        "Käytetään selkokieltä ja tulkkipalveluja rohkeammin.",
    ),
    ValueKey.TRUST: (
        "Järjestetään rauhallinen huone luottamuksellisille keskusteluille.",
        "Pyritään siihen, että jokaisella asiakkaalla on nimetty omatyöntekijä.",
        "Kerrotaan asiakkaalle, mihin hänen tietojaan käytetään.",
        "Käydään ammatillisen käytöksen periaatteet yhdessä läpi.",
    ),
    ValueKey.EMPATHY: (
        "Lisätään työnohjausta ja purkukeskusteluja.",
        "Vastataan yhteydenottoihin nopeammin, ettei asiakas jää odottamaan.",
        "Koko tiimille koulutusta haastaviin asiakastilanteisiin.",
        "Pidetään tauot, jotta jaksamme kohdata asiakkaat lämmöllä.",
    ),
}

# (title, opens on, closes on): the demo rounds, both long closed.
DEMO_ROUNDS = (
    ("Kevät 2025", datetime.date(2025, 3, 3), datetime.date(2025, 3, 21)),
    ("Kevät 2026", datetime.date(2026, 3, 2), datetime.date(2026, 3, 20)),
)
# This unit's team is small and few answered: its results page explains the anonymity rule.
SMALL_DEMO_UNIT = "TER-SUU"
CANT_SAY_SHARE = 0.06


def seed_demo_framework() -> FrameworkVersion:
    """The Arvokas framework, version 1, published: five values with four statements each."""
    with transaction.atomic():
        framework, _created = Framework.objects.get_or_create(
            name_fi=FRAMEWORK_NAME[0],
            defaults={"name_sv": FRAMEWORK_NAME[1], "name_en": FRAMEWORK_NAME[2]},
        )
        version, created = FrameworkVersion.objects.get_or_create(
            framework=framework, number=1, defaults={"is_published": True}
        )
        if created:
            _create_values(version)
    return version


def _create_values(version: FrameworkVersion) -> None:
    for order, demo in enumerate(DEMO_VALUES):
        value = Value.objects.create(
            version=version,
            key=demo.key,
            sort_order=order,
            name_fi=demo.name[0],
            name_sv=demo.name[1],
            name_en=demo.name[2],
            description_fi=demo.description[0],
            description_sv=demo.description[1],
            description_en=demo.description[2],
        )
        Statement.objects.bulk_create(
            Statement(value=value, sort_order=s, text_fi=fi, text_sv=sv, text_en=en)
            for s, (fi, sv, en) in enumerate(demo.statements)
        )


# Answers ------------------------------------------------------------------------------------


@dataclass
class _Batch:
    """Rows of many rounds, written with a few bulk inserts."""

    invitations: list[Invitation]
    participations: list[Participation]
    responses: list[Response]
    answers: list[Answer]
    open_answers: list[OpenAnswer]

    @classmethod
    def empty(cls) -> _Batch:
        return cls([], [], [], [], [])

    def save(self, batch_size: int = 2000) -> None:
        for model, rows in (
            (Invitation, self.invitations),
            (Participation, self.participations),
            (Response, self.responses),
            (Answer, self.answers),
            (OpenAnswer, self.open_answers),
        ):
            model.objects.bulk_create(rows, batch_size=batch_size)


@dataclass(frozen=True)
class _Framework:
    """The demo version's statements and values, read once."""

    statements: list[tuple[int, str]]  # (statement id, value key)
    values: list[tuple[int, str]]  # (value id, value key)

    @classmethod
    def of(cls, version: FrameworkVersion) -> _Framework:
        return cls(
            statements=list(
                Statement.objects.filter(value__version=version)
                .order_by("value__sort_order", "sort_order")
                .values_list("pk", "value__key")
            ),
            values=list(Value.objects.filter(version=version).values_list("pk", "key")),
        )


def _score(rng: random.Random, mean: float) -> int | None:
    if rng.random() < CANT_SAY_SHARE:
        return None
    return min(5, max(1, round(rng.gauss(mean, 0.85))))


def _add_answers(
    batch: _Batch,
    rng: random.Random,
    *,
    round: AssessmentRound,
    framework: _Framework,
    roles: list[str],
    means: dict[str, float],
    text_share: float,
) -> None:
    """One anonymous response per role in `roles`, scored around the value means. Each written
    text is used at most once a round, as real answers would differ."""
    unused = {
        (key, kind): rng.sample(pool[key], len(pool[key]))
        for _value_id, key in framework.values
        for kind, pool in ((OpenAnswer.Kind.BARRIER, BARRIERS), (OpenAnswer.Kind.MEANS, MEANS))
    }
    for role in roles:
        response = Response(round_id=round.pk, respondent_role=role)
        batch.responses.append(response)
        batch.answers.extend(
            Answer(
                response_id=response.pk, statement_id=statement_id, score=_score(rng, means[key])
            )
            for statement_id, key in framework.statements
        )
        for value_id, key in framework.values:
            for kind in (OpenAnswer.Kind.BARRIER, OpenAnswer.Kind.MEANS):
                texts = unused[key, kind]
                if texts and rng.random() < text_share:
                    batch.open_answers.append(
                        OpenAnswer(
                            response=response, value_id=value_id, kind=kind, text=texts.pop()
                        )
                    )


def _closed_round(
    unit_id: int,
    version: FrameworkVersion,
    title: str,
    opens_on,
    closes_on,
    created_by_id,
    *,
    threshold: int,
) -> AssessmentRound:
    tz = timezone.get_current_timezone()
    return AssessmentRound(
        unit_id=unit_id,
        framework_version=version,
        title=title,
        opens_on=opens_on,
        closes_on=closes_on,
        status=AssessmentRound.Status.CLOSED,
        created_by_id=created_by_id,
        opened_at=datetime.datetime.combine(opens_on, datetime.time(8), tz),
        closed_at=datetime.datetime.combine(closes_on, datetime.time(23, 59), tz),
        reminder_before_sent=True,
        reminder_last_day_sent=True,
        closed_threshold=threshold,
    )


def _members_by_unit(unit_ids: Iterable[int]) -> dict[int, list[tuple[int, str]]]:
    """unit id -> [(user id, role)], in a stable order."""
    members: dict[int, list[tuple[int, str]]] = defaultdict(list)
    rows = (
        Membership.objects.filter(unit_id__in=list(unit_ids), user__is_active=True)
        .order_by("unit_id", "user_id")
        .values_list("unit_id", "user_id", "role")
    )
    for unit_id, user_id, role in rows:
        members[unit_id].append((user_id, role))
    return members


def _fill_round(
    batch: _Batch,
    rng: random.Random,
    *,
    round: AssessmentRound,
    framework: _Framework,
    members: list[tuple[int, str]],
    answered: int,
    means: dict[str, float],
    text_share: float,
) -> None:
    """Invite every member; `answered` of them took part, each leaving one anonymous response."""
    batch.invitations.extend(
        Invitation(round_id=round.pk, user_id=user_id) for user_id, _ in members
    )
    participants = rng.sample(members, min(answered, len(members)))
    batch.participations.extend(
        Participation(round_id=round.pk, user_id=user_id) for user_id, _ in participants
    )
    roles = [
        RespondentRole.SUPERVISOR if role == Membership.Role.SUPERVISOR else RespondentRole.STAFF
        for _, role in participants
    ]
    rng.shuffle(roles)
    if not roles_kept(
        staff=roles.count(RespondentRole.STAFF),
        supervisors=roles.count(RespondentRole.SUPERVISOR),
        threshold=round.closed_threshold,
    ):
        roles = [ROLE_NOT_KEPT] * len(roles)  # as round_close stores them
    _add_answers(
        batch,
        rng,
        round=round,
        framework=framework,
        roles=roles,
        means=means,
        text_share=text_share,
    )


def _unit_profile(rng: random.Random) -> dict[str, float]:
    """Each unit's own strengths and weaknesses: a mean score per value."""
    return {key: rng.uniform(2.9, 4.3) for key in ValueKey.values}


def _demo_answer_count(code: str, members: int, round_index: int, rng: random.Random) -> int:
    if code == SMALL_DEMO_UNIT:
        return 3 + (round_index == 0)  # 4, then 3: under the default threshold of 5
    return min(members, max(6, round(members * rng.uniform(0.6, 0.9))))


def seed_demo_rounds() -> int:
    """Closed rounds of spring 2025 and 2026 in every demo team, with anonymous answers that
    improve a little between the rounds; one small team stays under the anonymity threshold.
    No open round is made (the demo unit's supervisor opens one). Returns the rounds made."""
    version = seed_demo_framework()
    framework = _Framework.of(version)
    codes = [code for code, *_names, _parent in DEMO_UNITS if "-" in code]
    units = dict(Unit.objects.filter(code__in=codes).values_list("code", "pk"))
    members = _members_by_unit(units.values())
    have = set(
        AssessmentRound.objects.filter(unit_id__in=units.values()).values_list("unit_id", "title")
    )
    batch, made, made_ids = _Batch.empty(), 0, []
    with transaction.atomic():
        if not AnonymitySettings.objects.exists():
            AnonymitySettings.objects.create(threshold=5)
        k = current_threshold()
        for code in (code for code in codes if code in units):
            rng = random.Random(f"arvokas-demo-{code}")
            unit_members = members[units[code]]
            supervisor = next(
                (u for u, role in unit_members if role == Membership.Role.SUPERVISOR), None
            )
            rounds = zip(DEMO_ROUNDS, _demo_profiles(code, rng), strict=True)
            for index, ((title, opens_on, closes_on), means) in enumerate(rounds):
                if (units[code], title) in have:
                    continue
                round = _closed_round(
                    units[code], version, title, opens_on, closes_on, supervisor, threshold=k
                )
                round.save()
                made_ids.append(round.pk)
                made += 1
                _fill_round(
                    batch,
                    rng,
                    round=round,
                    framework=framework,
                    members=unit_members,
                    answered=_demo_answer_count(code, len(unit_members), index, rng),
                    means=means,
                    text_share=0.3,
                )
        batch.save()
        rounds_record_parent(round_ids=made_ids)
    return made


def _demo_profiles(code: str, rng: random.Random) -> list[dict[str, float]]:
    """The mean score per value in each demo round. The demo unit's weakest value is trust (so
    the trust-building courses are offered); it rises after the team's actions."""
    if code == DEMO_UNIT_CODE:
        first = dict(zip(ValueKey.values, (3.9, 3.6, 3.4, 2.7, 4.1), strict=True))
        second = dict(zip(ValueKey.values, (4.0, 3.8, 3.5, 3.0, 4.1), strict=True))
        return [first, second]
    profiles = [_unit_profile(rng)]
    while len(profiles) < len(DEMO_ROUNDS):
        profiles.append(
            {key: min(4.6, m + rng.uniform(-0.15, 0.45)) for key, m in profiles[-1].items()}
        )
    return profiles


# County scale -------------------------------------------------------------------------------


def scale_round_dates(
    *, years: int, rounds_per_year: int, today: datetime.date
) -> list[tuple[str, datetime.date, datetime.date]]:
    """(title, opens on, closes on) of `years` × `rounds_per_year` rounds, all closed before
    today: spread evenly over each year, the latest in the last year that has them all past."""
    months = [1 + (12 * k + 2) // rounds_per_year for k in range(rounds_per_year)]
    last_year = today.year if datetime.date(today.year, months[-1], 20) < today else today.year - 1
    dates = []
    for year in range(last_year - years + 1, last_year + 1):
        for k, month in enumerate(months):
            closes_on = datetime.date(year, month, 20)
            title = f"{year}/{k + 1}" if rounds_per_year > 1 else str(year)
            dates.append((title, closes_on - datetime.timedelta(days=18), closes_on))
    return dates


def seed_scale_rounds(
    units: Iterable[Unit],
    *,
    years: int = 3,
    rounds_per_year: int = 1,
    answers_per_round: int = 10,
    today: datetime.date | None = None,
) -> int:
    """Closed rounds for every unit over `years` past years, each with about
    `answers_per_round` anonymous responses, written in bulk. Returns the responses made."""
    if years <= 0 or rounds_per_year <= 0:
        return 0
    version = seed_demo_framework()
    framework = _Framework.of(version)
    dates = scale_round_dates(
        years=years, rounds_per_year=rounds_per_year, today=today or timezone.localdate()
    )
    unit_ids = [unit.pk for unit in units]
    made = 0
    for start in range(0, len(unit_ids), 100):
        with transaction.atomic():
            made += _scale_chunk(
                unit_ids[start : start + 100], version, framework, dates, answers_per_round
            )
    return made


def _scale_chunk(
    unit_ids: list[int],
    version: FrameworkVersion,
    framework: _Framework,
    dates: list[tuple[str, datetime.date, datetime.date]],
    answers_per_round: int,
) -> int:
    """Rounds and answers of up to a hundred units, in one transaction."""
    members = _members_by_unit(unit_ids)
    have = set(AssessmentRound.objects.filter(unit_id__in=unit_ids).values_list("unit_id", "title"))
    k = current_threshold()
    rounds, plans = [], []
    for unit_id in unit_ids:
        rng = random.Random(f"arvokas-scale-{unit_id}")
        means = _unit_profile(rng)
        supervisor = next(
            (u for u, role in members[unit_id] if role == Membership.Role.SUPERVISOR), None
        )
        for title, opens_on, closes_on in dates:
            means = {
                key: min(4.6, max(1.8, m + rng.uniform(-0.3, 0.35))) for key, m in means.items()
            }
            if (unit_id, title) in have:
                continue
            rounds.append(
                _closed_round(unit_id, version, title, opens_on, closes_on, supervisor, threshold=k)
            )
            plans.append((unit_id, dict(means), rng.random()))
    AssessmentRound.objects.bulk_create(rounds, batch_size=1000)
    batch = _Batch.empty()
    for round, (unit_id, means, seed) in zip(rounds, plans, strict=True):
        _fill_round(
            batch,
            random.Random(seed),
            round=round,
            framework=framework,
            members=members[unit_id],
            answered=answers_per_round,
            means=means,
            text_share=0.04,
        )
    batch.save(batch_size=5000)
    rounds_record_parent(round_ids=[r.pk for r in rounds])
    rounds_changed()  # bulk_create sends no signal: retire cached comparisons here
    return len(batch.responses)
