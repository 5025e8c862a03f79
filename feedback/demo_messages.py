"""The demo unit's feedback inbox: a dozen client messages of the last weeks, as clients of a
service guidance unit write them, in every status; one past its answer date, some with a
contact to answer to. Idempotent: a message whose text is there already is not made again."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from toolkit.demo import DEMO_UNIT_CODE
from toolkit.models import Membership, Unit

from .models import FeedbackMessage, MessageContact, MessageReply, MessageStatus
from .services.working_days import is_working_day, reply_due


@dataclass(frozen=True)
class DemoMessage:
    working_days_ago: int
    text: str
    status: str = MessageStatus.NEW
    contact: str = ""
    language: str = "fi"
    reply: str = ""


S = MessageStatus
DEMO_MESSAGES = [
    DemoMessage(
        1,
        "Puhelinaika on liian lyhyt. Soitin kolmena aamuna enkä päässyt läpi ennen kuin "
        "linja suljettiin. Voisiko soittopyynnön jättää?",
        contact="maija.asiakas@example.org",
    ),
    DemoMessage(
        2,
        "Odotustilassa ei ole mitään tietoa siitä, kauanko jonottaminen kestää. Numeronäyttö "
        "olisi hyvä.",
    ),
    DemoMessage(
        3,
        "Sain hyvää palvelua, mutta kirjeessä olleet sanat olivat vaikeita ymmärtää. "
        "Selkokielinen ohje auttaisi.",
        contact="040 123 4567",
    ),
    DemoMessage(
        8,
        "Hakemukseni on ollut käsittelyssä kuukauden, eikä kukaan ole kertonut missä vaiheessa "
        "se on. Toivoisin edes viestin.",
    ),
    DemoMessage(
        4,
        "Työntekijä kuunteli ja otti tilanteeni vakavasti. Kiitos siitä. Toivoisin, että saisin "
        "jatkossa asioida saman ihmisen kanssa.",
        status=S.HANDLING,
    ),
    DemoMessage(
        9,
        "Tulkkia ei ollut varattu, vaikka pyysin sitä ajanvarauksessa. Jouduin tulemaan "
        "uudestaan toisena päivänä.",
        status=S.HANDLING,
        contact="+358 50 765 4321",
    ),
    DemoMessage(
        5,
        "Ovet ovat raskaat avata pyörätuolista, ja ovikello ei toimi.",
        status=S.HANDLING,
    ),
    DemoMessage(
        6,
        "Minulle luvattiin soittaa takaisin, mutta soittoa ei koskaan tullut.",
        status=S.ANSWERED,
        contact="pekka.palaute@example.org",
        reply="Pahoittelemme, että lupaamanne soitto jäi tulematta. Olemme ottaneet "
        "soittopyynnöille käyttöön seurantalistan, ja palveluohjaajamme soittaa teille tällä "
        "viikolla.",
    ),
    DemoMessage(
        10,
        "Det vore bra om man kunde få service på svenska utan att behöva be om det flera gånger.",
        status=S.ANSWERED,
        language="sv",
        reply="Tack för er respons. Vi har nu två handledare som talar svenska, och ni kan "
        "välja svenska redan när ni bokar tid.",
    ),
    DemoMessage(
        12,
        "Verkkoajanvaraus ei toiminut puhelimella, nappi jäi näytön ulkopuolelle.",
        status=S.ANSWERED,
        reply="Kiitos tarkasta palautteesta. Vika on korjattu, ja ajanvaraus toimii nyt myös "
        "puhelimen näytöllä.",
    ),
    DemoMessage(
        15,
        "Odotusaula oli kylmä koko talven. Toivottavasti asialle tehdään jotain.",
        status=S.CLOSED,
        reply="Kiinteistöhuolto on säätänyt aulan lämmityksen. Kiitos, että kerroitte.",
    ),
    DemoMessage(
        18,
        "Kaikki sujui hyvin, ei parannettavaa tällä kertaa.",
        status=S.CLOSED,
    ),
]


def working_days_before(day: datetime.date, count: int) -> datetime.date:
    """The working day `count` working days before `day`."""
    current = day
    while count > 0:
        current -= datetime.timedelta(days=1)
        if is_working_day(current):
            count -= 1
    return current


def seed_demo_messages() -> int:
    """The demo unit's inbox (nothing without the demo unit). Returns the messages made."""
    unit = Unit.objects.filter(code=DEMO_UNIT_CODE).first()
    if unit is None:
        return 0
    supervisor = (
        Membership.objects.filter(unit=unit, role=Membership.Role.SUPERVISOR)
        .order_by("pk")
        .values_list("user", flat=True)
        .first()
    )
    have = set(FeedbackMessage.objects.filter(unit=unit).values_list("text", flat=True))
    today = timezone.localdate()
    made = 0
    with transaction.atomic():
        for demo in DEMO_MESSAGES:
            if demo.text in have:
                continue
            _seed_message(unit, demo, today, supervisor)
            made += 1
    return made


def _seed_message(unit: Unit, demo: DemoMessage, today: datetime.date, supervisor_id) -> None:
    received = working_days_before(today, demo.working_days_ago)
    due = reply_due(received)
    answered = demo.status == S.ANSWERED or bool(demo.reply)
    answered_on = min(working_days_before(due, 2), today) if answered else None
    closed_on = min(due, today) if demo.status == S.CLOSED else None
    message = FeedbackMessage.objects.create(
        unit=unit,
        received_on=received,
        due_on=due,
        text=demo.text,
        language=demo.language,
        status=demo.status,
        answered_on=max(answered_on, received) if answered_on else None,
        closed_on=closed_on,
    )
    if demo.contact and demo.status != S.CLOSED:
        MessageContact.objects.create(message=message, contact=demo.contact)
    if demo.reply:
        MessageReply.objects.create(
            message=message,
            text=demo.reply,
            written_by_id=supervisor_id,
            sent_to_client=bool(demo.contact),
        )
