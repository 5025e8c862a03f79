"""Client feedback's Celery tasks: thin wrappers of the services."""

from celery import shared_task

from .services.answering import answers_unseal


@shared_task
def unseal_client_answers() -> int:
    return answers_unseal()
