"""Private files: unit report PDFs and certificates, which only a view that checks permission
hands out (assessments.views.reports, learning.views.progress).

They live in the "private" storage (settings.STORAGES), never in the public media storage: on a
server that is a folder outside MEDIA_ROOT (PRIVATE_MEDIA_ROOT), on S3 a prefix whose objects are
private. So no URL under MEDIA_URL reaches them, whatever serves /media/ (runserver in the
embedded default, a web server or the bucket in production). Wagtail's documents and images stay
in the default storage, served as Wagtail serves them.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core import checks
from django.core.files.storage import FileSystemStorage, Storage, storages

PRIVATE = "private"


class PrivateFileSystemStorage(FileSystemStorage):
    """A folder of files that have no public URL: asking for one is a programming error."""

    def url(self, name):
        raise ValueError(f"{name} is private: serve it through a view that checks permission")


def private_storage() -> Storage:
    """The storage of files served only through a permission check."""
    return storages[PRIVATE]


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


@checks.register(checks.Tags.security)
def check_private_storage(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """The private folder must not be one that is served publicly (media or static files)."""
    if PRIVATE not in settings.STORAGES:
        return [checks.Error("STORAGES has no 'private' storage.", id="toolkit.E001")]
    if not isinstance(private_storage(), FileSystemStorage):
        return []  # a bucket prefix: its privacy is the bucket's policy (docs/deploy.md)
    private = Path(private_storage().location).resolve()
    public = [Path(p).resolve() for p in (settings.MEDIA_ROOT, settings.STATIC_ROOT) if p]
    return [
        checks.Error(
            f"PRIVATE_MEDIA_ROOT ({private}) is inside a public folder ({folder}).",
            hint="Set PRIVATE_MEDIA_ROOT to a folder outside MEDIA_ROOT and STATIC_ROOT.",
            id="toolkit.E002",
        )
        for folder in public
        if _inside(private, folder) or _inside(folder, private)
    ]
