"""Learning's background work: certificate PDFs."""

from celery import shared_task

from .certificates import certificate_pdf_failed, certificate_pdf_store


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def build_certificate(self, certificate_id: int, language: str) -> str:
    """Make the certificate PDF in `language`; storage errors are retried, and a final failure
    is recorded so the certificate page offers to try again."""
    try:
        return certificate_pdf_store(certificate_id=certificate_id, language=language)
    except OSError:
        if self.request.retries >= self.max_retries:
            certificate_pdf_failed(certificate_id=certificate_id, language=language)
        raise
    except Exception:
        certificate_pdf_failed(certificate_id=certificate_id, language=language)
        raise
