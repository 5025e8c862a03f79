"""The answering services: answers sealed for the unit until the night, then unsealed shuffled
with only the day; free text scrubbed of identity codes, phone numbers and e-mail addresses."""

import datetime

import pytest
from django.utils import timezone, translation

from assessments.sealing import box_unseal
from feedback.models import (
    ClientAnswer,
    ClientScore,
    FeedbackMessage,
    MessageContact,
    SealedClientAnswer,
)
from feedback.services import answering
from feedback.services.answering import ClientSubmission, answer_submit, answers_unseal
from feedback.services.scrubbing import scrub
from tests.assessments.factories import framework_version

pytestmark = pytest.mark.django_db

TOMORROW = timezone.localdate() + datetime.timedelta(days=1)


def submit(unit, version, **fields):
    submission = ClientSubmission(version_id=version.pk, **{"scores": {"dignity": 4}, **fields})
    answer_submit(unit=unit, submission=submission)


def test_an_answer_is_sealed_for_its_unit_until_the_night(org):
    version = framework_version()
    submit(org.unit_a, version, scores={"dignity": 5, "trust": None}, recommend=10)
    sealed = SealedClientAnswer.objects.get()
    assert not ClientAnswer.objects.exists()
    payload = box_unseal(
        purpose=answering.SEAL_PURPOSE, context=str(org.unit_a.pk), ciphertext=sealed.ciphertext
    )
    assert payload == {
        "day": timezone.localdate().isoformat(),
        "version": version.pk,
        "recommend": 10,
        "scores": {"dignity": 5, "trust": None},
    }
    with pytest.raises(Exception):  # noqa: B017 - sealed for unit A, not B
        box_unseal(
            purpose=answering.SEAL_PURPOSE,
            context=str(org.unit_b.pk),
            ciphertext=sealed.ciphertext,
        )


def test_sealed_answers_have_the_same_length_whatever_they_say(org):
    version = framework_version()
    submit(org.unit_a, version, scores={}, recommend=None)
    submit(
        org.unit_a,
        version,
        scores=dict.fromkeys(("dignity", "trust", "equality", "empathy"), 5),
        recommend=10,
        text="x" * 1000,
    )
    lengths = {len(bytes(row.ciphertext)) for row in SealedClientAnswer.objects.all()}
    assert len(lengths) == 1


def test_unsealing_keeps_only_the_day_and_leaves_todays_answers_sealed(org):
    version = framework_version()
    submit(org.unit_a, version, scores={"dignity": 2, "empathy": None}, recommend=3)
    assert answers_unseal() == 0  # today's answers wait for the night
    assert answers_unseal(before=TOMORROW) == 1
    answer = ClientAnswer.objects.get()
    assert answer.day == timezone.localdate()
    assert (answer.unit, answer.version, answer.recommend) == (org.unit_a, version, 3)
    assert sorted(answer.scores.values_list("value_key", "score")) == [
        ("dignity", 2),
        ("empathy", None),
    ]
    assert not SealedClientAnswer.objects.exists()
    assert answers_unseal(before=TOMORROW) == 0  # idempotent
    assert not [f for f in ClientAnswer._meta.fields if f.get_internal_type() == "DateTimeField"]


def test_unsealing_shuffles_the_answers(org, monkeypatch):
    """Neither the row order nor the ids follow the order the answers came in."""
    version = framework_version()
    for recommend in range(10):
        submit(org.unit_a, version, recommend=recommend)
    shuffled = []
    real_shuffle = answering.random.SystemRandom.shuffle

    def watching(self, items):
        real_shuffle(self, items)
        shuffled.append(len(items))

    monkeypatch.setattr(answering.random.SystemRandom, "shuffle", watching)
    assert answers_unseal(before=TOMORROW) == 10
    assert shuffled == [10, 10]  # the answers, then their scores
    by_id = list(ClientAnswer.objects.order_by("pk").values_list("recommend", flat=True))
    assert sorted(by_id) == list(range(10))
    assert ClientScore.objects.count() == 10


def test_free_text_is_scrubbed_and_the_contact_kept_apart(org):
    version = framework_version()
    with translation.override("fi"):
        submit(
            org.unit_a,
            version,
            text="Hetuni on 131052-308T, soita 040 123 4567",
            contact="name@example.fi",
            language="sv",
        )
    message = FeedbackMessage.objects.get()
    assert message.text == "Hetuni on [poistettu], soita [poistettu]"
    assert message.language == "sv"
    assert message.received_on == timezone.localdate()
    assert MessageContact.objects.get(message=message).contact == "name@example.fi"


def test_an_answer_without_text_leaves_the_inbox_empty(org):
    submit(org.unit_a, framework_version(), text="   ", contact="name@example.fi")
    assert not FeedbackMessage.objects.exists()
    assert not MessageContact.objects.exists()


@pytest.mark.parametrize(
    "personal",
    [
        "131052-308T",
        "010594Y9032",
        "010594y9032",
        "280301A123K",
        "+358 40 123 4567",
        "+358401234567",
        "+358 (0)40 123 4567",
        "040-1234567",
        "040 123 4567",
        "0401234567",
        "(09) 123 456",
        "09-123 4567",
        "name@example.fi",
        "Etu.Suku+tag@sub.example.com",
    ],
)
def test_scrub_removes_real_formats(personal):
    with translation.override("en"):
        scrubbed = scrub(f"Minun tietoni: {personal}. Kiitos!")
    assert personal not in scrubbed
    assert "[removed]" in scrubbed
    assert scrubbed.startswith("Minun tietoni: ") and scrubbed.endswith("Kiitos!")


@pytest.mark.parametrize(
    "ordinary",
    ["Jonotin 45 minuuttia", "Kello 14.30 oli ruuhkaa", "Huone 2 oli kylmä", "vuonna 2025"],
)
def test_scrub_leaves_ordinary_numbers(ordinary):
    assert scrub(ordinary) == ordinary
