"""Prepare the round-closing rush of the load test (tests/load/rush.py).

    manage.py seed_rush --employees 200 --out rush.json

Makes a unit RUSH with that many employees, an open round of the demo framework to which they are
all invited, and a signed-in session for each of them (people are already signed in when the
reminder of the last day comes; password hashing is not what the rush measures). Writes the round
id and the session keys to --out. Run it again for a fresh round: the unit's open round is closed
first, and the people are reused."""

import datetime
import json
from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand
from django.utils import timezone

from assessments.demo import seed_demo_framework
from assessments.models import AssessmentRound
from assessments.services import rounds
from toolkit.models import Membership, Unit, User


class Command(BaseCommand):
    help = "An open round for N signed-in employees of a unit RUSH, for the load test."

    def add_arguments(self, parser):
        parser.add_argument("--employees", type=int, default=200)
        parser.add_argument("--out", required=True)

    def handle(self, *args, employees: int, out: str, **options):
        version = seed_demo_framework()
        unit, _created = Unit.objects.get_or_create(code="RUSH", defaults={"name_fi": "Kuormitus"})
        password = make_password(None)  # nobody logs in with a password here
        emails = [f"rush.{n}@example.org" for n in range(employees)]
        existing = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
        User.objects.bulk_create(
            [
                User(email=e, first_name="Kuorma", password=password)
                for e in emails
                if e not in existing
            ]
        )
        people = list(User.objects.filter(email__in=emails))
        Membership.objects.bulk_create(
            [Membership(user=p, unit=unit) for p in people], ignore_conflicts=True
        )
        for open_round in AssessmentRound.objects.filter(unit=unit).exclude(
            status=AssessmentRound.Status.CLOSED
        ):
            rounds.round_close(round=open_round)
        today = timezone.localdate()
        round = rounds.round_create(
            unit=unit,
            framework_version=version,
            title=f"Kuormitus {timezone.now():%H:%M:%S}",
            opens_on=today,
            closes_on=today + datetime.timedelta(days=1),
            created_by=None,
            today=today,
        )
        engine = import_module(settings.SESSION_ENGINE)
        sessions = []
        for person in people:
            session = engine.SessionStore()
            session[SESSION_KEY] = str(person.pk)
            session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
            session[HASH_SESSION_KEY] = person.get_session_auth_hash()
            session.create()
            sessions.append(session.session_key)
        with open(out, "w") as file:
            json.dump({"round": round.pk, "sessions": sessions}, file)
        self.stdout.write(f"Round {round.pk} open for {len(sessions)} signed-in employees.")
