"""Demo and benchmark data: a small believable organisation, and a county-scale synthetic one.

Both are idempotent: running them again changes nothing that already exists."""

import random
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.db import transaction

from . import roles
from .models import Membership, Unit, User

DEMO_PASSWORD = "arvokas-demo"
DEMO_UNIT_CODE = "DEMO-PO"

FIRST_NAMES = [
    "Aino",
    "Eino",
    "Helmi",
    "Onni",
    "Sofia",
    "Leo",
    "Aada",
    "Väinö",
    "Linnea",
    "Elias",
    "Iida",
    "Oliver",
    "Ella",
    "Eetu",
    "Venla",
    "Juho",
    "Saara",
    "Mikael",
    "Emma",
    "Niilo",
    "Anni",
    "Tuomas",
    "Kaisa",
    "Jussi",
    "Minna",
    "Pekka",
    "Hanna",
    "Ville",
    "Sanna",
    "Ari",
]
LAST_NAMES = [
    "Virtanen",
    "Korhonen",
    "Mäkinen",
    "Nieminen",
    "Mäkelä",
    "Hämäläinen",
    "Laine",
    "Heikkinen",
    "Koskinen",
    "Järvinen",
    "Lehtonen",
    "Lehtinen",
    "Saarinen",
    "Salminen",
    "Heinonen",
    "Niemi",
    "Heikkilä",
    "Kinnunen",
    "Salonen",
    "Turunen",
    "Holmström",
    "Lindqvist",
    "Åberg",
]

# (code, fi, sv, en, parent code)
DEMO_UNITS = [
    (
        "DEMO",
        "Demon hyvinvointialue",
        "Demo välfärdsområde",
        "Demo wellbeing services county",
        None,
    ),
    ("SOS", "Sosiaalipalvelut", "Socialtjänster", "Social services", "DEMO"),
    ("TER", "Terveyspalvelut", "Hälsotjänster", "Health services", "DEMO"),
    ("IKA", "Ikääntyneiden palvelut", "Äldreomsorg", "Services for older people", "DEMO"),
    (
        DEMO_UNIT_CODE,
        "Palveluohjaus, Keskusta",
        "Servicehandledning, Centrum",
        "Service guidance, Centre",
        "SOS",
    ),
    ("SOS-AIK", "Aikuissosiaalityö", "Socialt arbete för vuxna", "Adult social work", "SOS"),
    (
        "SOS-LAP",
        "Lapsiperheiden palvelut",
        "Tjänster för barnfamiljer",
        "Services for families with children",
        "SOS",
    ),
    ("TER-TK1", "Terveysasema, Pohjoinen", "Hälsostation, Norr", "Health station, North", "TER"),
    ("TER-TK2", "Terveysasema, Etelä", "Hälsostation, Söder", "Health station, South", "TER"),
    ("TER-SUU", "Suun terveydenhuolto", "Munhälsovård", "Oral health care", "TER"),
    ("IKA-KOT", "Kotihoito, Itä", "Hemvård, Öster", "Home care, East", "IKA"),
    ("IKA-PAL", "Palvelukoti Kotiranta", "Servicehemmet Kotiranta", "Kotiranta care home", "IKA"),
]


@dataclass(frozen=True)
class DemoAccount:
    email: str
    first_name: str
    last_name: str
    description: str


DEMO_ACCOUNTS = [
    DemoAccount("tyontekija@example.org", "Tiina", "Työntekijä", "employee of the demo unit"),
    DemoAccount("esihenkilo@example.org", "Eero", "Esihenkilö", "supervisor of the demo unit"),
    DemoAccount("kouluttaja@example.org", "Kaarina", "Kouluttaja", "trainer"),
    DemoAccount("admin@example.org", "Aili", "Ylläpitäjä", "administrator"),
]


def _demo_user(email: str, first_name: str, last_name: str, password: str | None) -> User:
    user, created = User.objects.get_or_create(
        email=email, defaults={"first_name": first_name, "last_name": last_name}
    )
    if created:
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
        EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
    return user


@transaction.atomic
def seed_demo_organisation() -> dict[str, User]:
    """The demo units, the four demo logins and a realistic number of colleagues."""
    groups = roles.ensure_role_groups()
    units: dict[str, Unit] = {}
    for code, fi, sv, en, parent in DEMO_UNITS:
        units[code], _created = Unit.objects.get_or_create(
            code=code,
            defaults={"name_fi": fi, "name_sv": sv, "name_en": en, "parent": units.get(parent)},
        )
    accounts = {
        a.email: _demo_user(a.email, a.first_name, a.last_name, DEMO_PASSWORD)
        for a in DEMO_ACCOUNTS
    }
    demo_unit = units[DEMO_UNIT_CODE]
    Membership.objects.get_or_create(
        user=accounts["tyontekija@example.org"],
        unit=demo_unit,
        defaults={"role": Membership.Role.EMPLOYEE},
    )
    Membership.objects.get_or_create(
        user=accounts["esihenkilo@example.org"],
        unit=demo_unit,
        defaults={"role": Membership.Role.SUPERVISOR},
    )
    accounts["kouluttaja@example.org"].groups.add(groups[roles.TRAINERS])
    admin = accounts["admin@example.org"]
    admin.groups.add(groups[roles.ADMINISTRATORS])
    _seed_colleagues(units)
    return accounts


def _seed_colleagues(units: dict[str, Unit]) -> None:
    """Eight to fourteen colleagues in every leaf unit (they can sign in with the demo password)."""
    rng = random.Random(2026)
    leaves = [units[code] for code, *_names, parent in DEMO_UNITS if "-" in code]
    for unit in leaves:
        for index in range(rng.randint(8, 14)):
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            email = f"{unit.code.lower()}.{index + 1}@example.org"
            user = _demo_user(email, first, last, DEMO_PASSWORD)
            leads = index == 0 and unit.code != DEMO_UNIT_CODE
            role = Membership.Role.SUPERVISOR if leads else Membership.Role.EMPLOYEE
            Membership.objects.get_or_create(user=user, unit=unit, defaults={"role": role})


def _existing(model, field: str, values: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(values), 5000):
        found |= set(
            model.objects.filter(**{f"{field}__in": values[start : start + 5000]}).values_list(
                field, flat=True
            )
        )
    return found


@transaction.atomic
def seed_scale_organisation(*, units: int, staff: int, areas: int = 10) -> tuple[int, int]:
    """A county-scale synthetic organisation for benchmarks: `units` units under `areas` areas
    and `staff` people spread over them, a supervisor in each unit. Returns (units, people) made."""
    rng = random.Random(500)
    root, _created = Unit.objects.get_or_create(
        code="SCALE",
        defaults={"name_fi": "Mittakaava-alue", "name_sv": "Skalområde", "name_en": "Scale county"},
    )
    area_units = []
    for a in range(areas):
        area, _created = Unit.objects.get_or_create(
            code=f"SCALE-A{a:02d}",
            defaults={
                "name_fi": f"Alue {a + 1}",
                "name_sv": f"Område {a + 1}",
                "name_en": f"Area {a + 1}",
                "parent": root,
            },
        )
        area_units.append(area)
    codes = [f"SCALE-U{i:04d}" for i in range(units)]
    have = _existing(Unit, "code", codes)
    Unit.objects.bulk_create(
        [
            Unit(
                code=code,
                name_fi=f"Yksikkö {i + 1}",
                name_sv=f"Enhet {i + 1}",
                name_en=f"Unit {i + 1}",
                parent=area_units[i % areas],
            )
            for i, code in enumerate(codes)
            if code not in have
        ]
    )
    unit_ids = list(
        Unit.objects.filter(code__in=codes).order_by("code").values_list("pk", flat=True)
    )
    emails = [f"staff{i:05d}@scale.example.org" for i in range(staff)]
    have = _existing(User, "email", emails)
    new_users = [
        User(
            email=email,
            first_name=rng.choice(FIRST_NAMES),
            last_name=rng.choice(LAST_NAMES),
            password="!unusable",
        )
        for email in emails
        if email not in have
    ]
    User.objects.bulk_create(new_users, batch_size=2000)
    user_ids = dict(User.objects.filter(email__in=emails).values_list("email", "pk"))
    memberships = []
    first_in_unit: set[int] = set()
    for index, email in enumerate(emails):
        unit_id = unit_ids[index % len(unit_ids)]
        role = (
            Membership.Role.SUPERVISOR if unit_id not in first_in_unit else Membership.Role.EMPLOYEE
        )
        first_in_unit.add(unit_id)
        memberships.append(Membership(user_id=user_ids[email], unit_id=unit_id, role=role))
    Membership.objects.bulk_create(memberships, batch_size=2000, ignore_conflicts=True)
    return units, len(new_users)
