import datetime

import pytest
from django.utils import timezone

from assessments.demo import seed_demo_framework
from feedback.models import ClientAnswer, ClientMonth, FeedbackMessage, SealedClientAnswer
from feedback.selectors.client_results import client_figures
from feedback.services.answering import (
    ClientSubmission,
    answer_submit,
    answers_unseal,
    current_version,
)
from toolkit.models import Unit

pytestmark = pytest.mark.django_db


def test_smoke():
    version = seed_demo_framework()
    assert current_version() == version
    unit = Unit.objects.create(code="u1", name_fi="Yksikkö")
    for n in range(6):
        answer_submit(
            unit=unit,
            submission=ClientSubmission(
                version_id=version.pk,
                scores={"dignity": 4, "trust": None},
                recommend=9 if n % 2 else 5,
                text="soita 040 123 4567" if n == 0 else "",
                contact="a@example.org" if n == 0 else "",
            ),
        )
    assert SealedClientAnswer.objects.count() == 6
    assert FeedbackMessage.objects.get().text == "soita [poistettu]"
    assert answers_unseal() == 0
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    assert answers_unseal(before=tomorrow) == 6
    assert ClientAnswer.objects.count() == 6 and not SealedClientAnswer.objects.exists()
    assert ClientMonth.objects.count() == 3
    today = timezone.localdate()
    figures = client_figures([unit.pk], today, today, threshold=5)[unit.pk]
    assert figures.answers == 6
    assert figures.values["dignity"].mean == 4
    assert figures.values["trust"].mean is None and figures.values["trust"].cant_say == 6
    assert figures.recommend.share_recommend == 50
    assert (
        client_figures([unit.pk], today, today, threshold=7)[unit.pk].values["dignity"].mean is None
    )
