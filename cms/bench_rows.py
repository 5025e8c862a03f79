"""The site content's row of `make bench` (toolkit.bench): the plain Wagtail page every other
page is compared with, a published Finnish StandardPage."""

from toolkit import bench
from toolkit.bench import BenchRow, signed_in_get


def _subjects() -> dict:
    from .models import StandardPage

    page = StandardPage.objects.live().filter(locale__language_code="fi").order_by("pk").first()
    return {"page": page}


def register() -> None:
    bench.subjects_register(100, _subjects)
    bench.row_register(
        BenchRow(
            bench.WAGTAIL,
            100,
            lambda s: (
                f"{s['page'].title} (StandardPage), as a learner",
                signed_in_get(s["person"], s["page"].url),
            ),
        )
    )
