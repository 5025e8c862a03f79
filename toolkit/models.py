"""People and the organisation: the user (e-mail login), the unit tree and unit memberships.

Site-wide roles (trainer, administrator, reviewer) are Django groups so that Wagtail's own
permissions and workflows can use them; unit roles (employee, supervisor) are memberships.
"""

import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .audit_messages import audit_describe
from .languages import active_language
from .validators import validate_person_name

# The e-mail domain of erased people (RFC 2606: .invalid never resolves).
ERASED_DOMAIN = "erased.invalid"


class UserManager(BaseUserManager):
    """Creates users keyed by e-mail, the only login name."""

    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password) if password else user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A member of staff. The e-mail address is the login; the language is remembered."""

    email = models.EmailField(_("e-mail address"), unique=True)
    first_name = models.CharField(
        _("first name"), max_length=150, blank=True, validators=[validate_person_name]
    )
    last_name = models.CharField(
        _("last name"), max_length=150, blank=True, validators=[validate_person_name]
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    is_staff = models.BooleanField(_("Django admin access"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["last_name", "first_name", "email"]
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_ci_unique")]

    def __str__(self) -> str:
        if self.is_erased:
            return str(_("erased person"))
        return self.get_full_name() or self.email

    @property
    def is_erased(self) -> bool:
        """Erased at their request: an anonymous shell kept for past rounds' response rates."""
        return self.email.endswith("@" + ERASED_DOMAIN)

    def get_full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def get_short_name(self) -> str:
        return self.first_name or self.email


class Unit(models.Model):
    """A node of the organisation tree (organisation → area → unit, any depth)."""

    code = models.CharField(
        _("code"),
        max_length=32,
        unique=True,
        help_text=_("A short identifier used in imports and reports, e.g. KEU-SOS-01."),
    )
    name_fi = models.CharField(_("name in Finnish"), max_length=200)
    name_sv = models.CharField(_("name in Swedish"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["name_fi"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("pk")), name="unit_not_own_parent"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """The name in the active language, falling back to Finnish."""
        language = active_language()
        return getattr(self, f"name_{language}", "") or self.name_fi

    def clean(self) -> None:
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk:
                raise ValidationError({"parent": _("A unit cannot be placed under itself.")})
            ancestor = ancestor.parent


class Membership(models.Model):
    """A person's place in a unit, as an employee or as its supervisor (esihenkilö)."""

    class Role(models.TextChoices):
        EMPLOYEE = "employee", _("employee")
        SUPERVISOR = "supervisor", _("supervisor")

    user = models.ForeignKey(
        User, verbose_name=_("person"), on_delete=models.CASCADE, related_name="memberships"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.EMPLOYEE)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "unit"], name="membership_user_unit_unique")
        ]
        indexes = [models.Index(fields=["unit", "role"])]

    def __str__(self) -> str:
        return f"{self.user} – {self.unit} ({self.get_role_display()})"


class Notice(models.Model):
    """A notice on one person's home page (results ready, a suggestion decided, an action to
    own), until they mark it read. Only its recipient ever sees it.

    The text is kept as its untranslated message and parameters and translated when shown, so
    it follows the reader's language; a parameter may be a {language: text} dict (unit names).
    The link is a URL name and arguments, reversed under the reader's language prefix."""

    user = models.ForeignKey(
        User, verbose_name=_("person"), on_delete=models.CASCADE, related_name="notices"
    )
    message = models.CharField(max_length=300)
    params = models.JSONField(default=dict)
    detail = models.TextField(_("detail"), max_length=2000, blank=True)
    link_name = models.CharField(max_length=100, blank=True)
    link_args = models.JSONField(default=list)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.message}"


class PeopleImport(models.Model):
    """One CSV import of people: validated rows kept between the preview and the commit."""

    class Status(models.TextChoices):
        PREVIEWED = "previewed", _("previewed")
        COMMITTING = "committing", _("being imported")
        COMMITTED = "committed", _("imported")
        FAILED = "failed", _("failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_by = models.ForeignKey(
        User, verbose_name=_("imported by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    file_name = models.CharField(_("file name"), max_length=255)
    rows = models.JSONField(_("validated rows"), default=list)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PREVIEWED
    )
    created_count = models.PositiveIntegerField(_("people created"), default=0)
    membership_count = models.PositiveIntegerField(_("memberships added or changed"), default=0)
    error = models.TextField(_("error"), blank=True)
    committed_at = models.DateTimeField(_("imported at"), null=True, blank=True)

    class Meta:
        verbose_name = _("people import")
        verbose_name_plural = _("people imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.file_name


class AuditEvent(models.Model):
    """Who did what, when: role changes, imports, exports, report downloads, personal data
    exports, erasures and moves of units in the tree. Administrators read it in the admin; nothing edits it.

    Never about assessment answers: an export of a round's aggregates is logged as an export
    of that round, which says nothing about who answered what."""

    class Action(models.TextChoices):
        ROLE_CHANGE = "role_change", _("role change")
        IMPORT = "import", _("import of people")
        EXPORT = "export", _("export")
        REPORT_DOWNLOAD = "report_download", _("report download")
        DATA_EXPORT = "data_export", _("personal data download")
        ERASURE = "erasure", _("erasure of a person")
        THRESHOLD_CHANGE = "threshold_change", _("change of the anonymity threshold")
        UNIT_MOVE = "unit_move", _("move of a unit")

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        User,
        verbose_name=_("who"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("what"), max_length=20, choices=Action.choices, db_index=True)
    subject = models.CharField(_("subject"), max_length=300)
    # What happened as a message key and its parameters (toolkit.audit_messages.MESSAGES), so that the
    # log reads in each administrator's language; empty on events logged before the keys.
    message = models.CharField(_("message"), max_length=40, blank=True)
    params = models.JSONField(_("parameters"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit log")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_action_display()}: {self.description}"

    @property
    def description(self) -> str:
        """The subject in the active language (the stored text for events without a key)."""
        return audit_describe(message=self.message, params=self.params, subject=self.subject)


class OutboxTask(models.Model):
    """A Celery task written in the same transaction as the change that calls for it, and
    deleted once the broker has taken it (toolkit.outbox). A row that stays means the broker
    was down: the beat task `toolkit.replay_outbox` sends it when the broker is back."""

    name = models.CharField(max_length=200)
    args = models.JSONField(default=list)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    attempts = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.name} {self.args}"
