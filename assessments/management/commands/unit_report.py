"""Make a unit report PDF from the command line, e.g. for batch runs for management.

    manage.py unit_report --unit KEU-SOS-01 --round 12 --lang fi --out report.pdf

Without --round the unit's latest closed round is used. The anonymity rule holds as on the page.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from assessments.models import AssessmentRound
from assessments.reports.pdf import unit_report_pdf
from toolkit.models import Unit


class Command(BaseCommand):
    help = "Write the unit report PDF of a closed round (default: the unit's latest closed round)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--unit", required=True, help="Unit code, e.g. KEU-SOS-01.")
        parser.add_argument("--round", type=int, help="Round id (default: latest closed round).")
        parser.add_argument("--lang", default=settings.LANGUAGE_CODE, help="fi, sv or en.")
        parser.add_argument("--out", required=True, help="Path of the PDF file to write.")

    def handle(self, *args, **options) -> None:
        languages = [code for code, _name in settings.LANGUAGES]
        if options["lang"] not in languages:
            raise CommandError(
                f"Unknown language {options['lang']!r}; choose one of: {', '.join(languages)}."
            )
        unit = Unit.objects.filter(code=options["unit"]).first()
        if unit is None:
            raise CommandError(f"No unit with the code {options['unit']!r}.")
        round = self._round(unit, options["round"])
        pdf = unit_report_pdf(round=round, language=options["lang"])
        out = Path(options["out"])
        try:
            out.write_bytes(pdf)
        except OSError as exc:
            raise CommandError(f"Cannot write {out}: {exc.strerror}.") from exc
        self.stdout.write(f"Wrote {out} ({len(pdf)} bytes): {unit.code}, {round.title}.")

    def _round(self, unit: Unit, round_id: int | None) -> AssessmentRound:
        closed = AssessmentRound.objects.filter(unit=unit, status=AssessmentRound.Status.CLOSED)
        if round_id is None:
            round = closed.order_by("-closes_on", "-pk").first()
            if round is None:
                raise CommandError(f"Unit {unit.code} has no closed round yet.")
            return round
        round = AssessmentRound.objects.filter(pk=round_id).first()
        if round is None or round.unit_id != unit.pk:
            raise CommandError(f"Unit {unit.code} has no round with the id {round_id}.")
        if round.status != AssessmentRound.Status.CLOSED:
            raise CommandError(f"Round {round_id} is not closed: it has no results yet.")
        return round
