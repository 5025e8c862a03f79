"""gunicorn settings for production: a few synchronous workers per core, each with threads, so a
slow client or a PDF download does not hold up the rest; requests that hang are cut off."""

import multiprocessing
import os

workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2))
threads = int(os.environ.get("GUNICORN_THREADS", 4))
timeout = 30
graceful_timeout = 20
keepalive = 5
max_requests = 2000  # recycle workers now and then, against slow leaks
max_requests_jitter = 200
# Standard output by default; ACCESS_LOG names a file (the load test reads the servers' times).
accesslog = os.environ.get("ACCESS_LOG", "-")
# The common format, then the worker's process id, the request's X-Request-Id and the server's
# own time in microseconds (from the request read to the response sent), last so a parser finds
# them from the end.
access_log_format = (
    '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(p)s "%({x-request-id}i)s" %(D)s'
)
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "warning").lower()
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def post_worker_init(worker):
    """Each worker renders a few pages to itself before its first client (toolkit.warmup)."""
    from toolkit.warmup import warm_up

    warm_up(worker.wsgi)
