"""Client feedback's rows of `make bench` (toolkit.bench): the unit page (where the mirror of
staff and client views sits) of the unit with most client answers, as its supervisor."""

from django.db.models import Count

from toolkit import bench
from toolkit.bench import BenchRow, signed_in_get
from toolkit.models import Membership, Unit, User


def _subjects() -> dict:
    from .models import ClientAnswer

    supervised = Unit.objects.filter(memberships__role=Membership.Role.SUPERVISOR)
    busiest = (
        ClientAnswer.objects.filter(unit__in=supervised)
        .values("unit")
        .annotate(n=Count("pk"))
        .order_by("-n", "unit")
        .first()
    )
    # Without client answers (the demo data), the first unit with a supervisor.
    unit = Unit.objects.get(pk=busiest["unit"]) if busiest else supervised.order_by("pk").first()
    supervisor = User.objects.filter(
        memberships__unit=unit, memberships__role=Membership.Role.SUPERVISOR
    ).first()
    return {"client_unit": unit, "client_unit_supervisor": supervisor}


def _size() -> dict[str, int]:
    from .models import ClientAnswer

    return {"client answers": ClientAnswer.objects.count()}


def register() -> None:
    bench.subjects_register(400, _subjects)
    bench.size_register(400, _size)
    bench.row_register(
        BenchRow(
            "Unit page",
            250,
            lambda s: (
                f"{s['client_unit'].code}, the unit with most client answers, as its supervisor",
                signed_in_get(s["client_unit_supervisor"], f"/fi/units/{s['client_unit'].code}/"),
            ),
            ratio_target=3.0,
        )
    )
