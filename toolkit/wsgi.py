"""The WSGI application for gunicorn. Without DJANGO_SETTINGS_MODULE it loads the production
settings, which stop the start naming any missing variable: an app server never runs the dev
settings (DEBUG, demo logins, a placeholder key) by accident. runserver goes through manage.py."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "toolkit.settings.production")
application = get_wsgi_application()
