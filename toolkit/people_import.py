"""Importing people from CSV: parse and validate every row, preview, then commit atomically.

Columns (header row required, comma or semicolon separated, UTF-8):
email, first_name, last_name, unit_code, role, language.
One row is one membership: a person in two units has two rows. Nothing is written unless every
row is valid; each bad row is named with its line number and the reason.

For people who already have an account the preview lists every change (name, language, each
unit's role: old → new) in a plan; the commit applies exactly that plan, once the administrator
has confirmed it, and refuses if the people changed in between (the plan's digest differs).
"""

import csv
import hashlib
import io
import json
from dataclasses import asdict, dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from .audit import audit_record
from .formats import megabytes
from .models import AuditEvent, Membership, PeopleImport, Unit, User
from .validators import FORMULA_STARTS, control_characters

REQUIRED_COLUMNS = ("email", "first_name", "last_name", "unit_code", "role")
OPTIONAL_COLUMNS = ("language",)
# Spreadsheet programs run cells that start with these as formulas (CSV injection): the rule of
# toolkit/validators.py, which every other form that sets a name uses too.
FORMULA_PREFIXES = (*FORMULA_STARTS, "\t", "\r")
ROLE_WORDS = {
    "employee": Membership.Role.EMPLOYEE,
    "työntekijä": Membership.Role.EMPLOYEE,
    "tyontekija": Membership.Role.EMPLOYEE,
    "anställd": Membership.Role.EMPLOYEE,
    "supervisor": Membership.Role.SUPERVISOR,
    "esihenkilö": Membership.Role.SUPERVISOR,
    "esihenkilo": Membership.Role.SUPERVISOR,
    "chef": Membership.Role.SUPERVISOR,
}
MAX_CELL_LENGTH = 150


@dataclass(frozen=True)
class PersonRow:
    line: int
    email: str
    first_name: str
    last_name: str
    unit_code: str
    role: str
    language: str


@dataclass(frozen=True)
class RowError:
    line: int
    message: str


class ImportFileError(Exception):
    """The file as a whole cannot be read (size, encoding, header)."""


def _decode(data: bytes) -> str:
    if len(data) > settings.PEOPLE_IMPORT_MAX_BYTES:
        raise ImportFileError(
            _("The file is too large (%(size)s MB). The largest file accepted is %(max)s MB.")
            % {
                "size": megabytes(len(data)),
                "max": megabytes(settings.PEOPLE_IMPORT_MAX_BYTES, 0),
            }
        )
    if not data.strip():
        raise ImportFileError(_("The file is empty."))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            _(
                "The file is not UTF-8 text (unreadable bytes at position %(pos)s). Save it as "
                "“CSV UTF-8” and try again."
            )
            % {"pos": error.start}
        ) from None


def _reader(text: str) -> csv.DictReader:
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header = [name.strip().lower() for name in (reader.fieldnames or [])]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise ImportFileError(
            _("Columns missing from the header row: %(columns)s. Required: %(required)s.")
            % {"columns": ", ".join(missing), "required": ", ".join(REQUIRED_COLUMNS)}
        )
    reader.fieldnames = header
    return reader


def _row_problems(cells: dict[str, str]) -> list[str]:
    problems = []
    for column, value in cells.items():
        if control_characters(value):
            problems.append(
                _("column %(column)s contains a control character (such as a NUL byte)")
                % {"column": column}
            )
        elif value.startswith(FORMULA_PREFIXES):
            problems.append(
                _("column %(column)s starts with “%(char)s”, which spreadsheets run as a formula")
                % {"column": column, "char": value[0].strip() or _("a control character")}
            )
        elif len(value) > MAX_CELL_LENGTH:
            problems.append(
                _("column %(column)s is longer than %(max)s characters")
                % {"column": column, "max": MAX_CELL_LENGTH}
            )
    for column in REQUIRED_COLUMNS:
        if not cells.get(column):
            problems.append(_("column %(column)s is empty") % {"column": column})
    if cells.get("email"):
        try:
            validate_email(cells["email"])
        except ValidationError:
            problems.append(
                _("“%(email)s” is not a valid e-mail address") % {"email": cells["email"]}
            )
    if cells.get("role") and cells["role"].lower() not in ROLE_WORDS:
        problems.append(
            _("unknown role “%(role)s” (use employee or supervisor)") % {"role": cells["role"]}
        )
    language = cells.get("language", "")
    if language and language.lower() not in dict(settings.LANGUAGES):
        problems.append(
            _("unknown language “%(language)s” (use fi, sv or en)") % {"language": language}
        )
    return problems


def parse_people_csv(data: bytes) -> tuple[list[PersonRow], list[RowError]]:
    """Read and check every row against the file itself and the database.

    Returns the valid rows and the errors; any error means nothing may be imported."""
    reader = _reader(_decode(data))
    rows: list[PersonRow] = []
    errors: list[RowError] = []
    seen: dict[tuple[str, str], int] = {}
    try:
        records = list(reader)
    except csv.Error as error:
        raise ImportFileError(
            _("The file is not valid CSV: %(error)s") % {"error": error}
        ) from None
    codes = {(r.get("unit_code") or "").strip() for r in records}
    unit_codes = set(  # PostgreSQL refuses a NUL even in a query: those rows fail below
        Unit.objects.filter(
            code__in={code for code in codes if not control_characters(code)}
        ).values_list("code", flat=True)
    )
    for index, record in enumerate(records):
        line = index + 2  # the header is line 1
        if None in record:
            errors.append(RowError(line, _("the row has more cells than the header")))
            continue
        cells = {k: (v or "").strip() for k, v in record.items() if k}
        if not any(cells.values()):
            continue
        problems = _row_problems(cells)
        code = cells.get("unit_code", "")
        readable = not control_characters(code) and not code.startswith(FORMULA_PREFIXES)
        if code and code not in unit_codes and readable:
            problems.append(_("no unit has the code “%(code)s”") % {"code": code})
        key = (cells.get("email", "").lower(), code)
        if key in seen:
            problems.append(
                _("the same person and unit are already on line %(line)s") % {"line": seen[key]}
            )
        seen.setdefault(key, line)
        if problems:
            errors.append(RowError(line, "; ".join(problems)))
            continue
        rows.append(
            PersonRow(
                line=line,
                email=cells["email"].lower(),
                first_name=cells["first_name"],
                last_name=cells["last_name"],
                unit_code=code,
                role=ROLE_WORDS[cells["role"].lower()],
                language=(cells.get("language") or settings.LANGUAGE_CODE).lower(),
            )
        )
    if not rows and not errors:
        raise ImportFileError(_("The file has a header but no people."))
    return rows, errors


def people_import_preview(*, data: bytes, file_name: str, created_by: User) -> PeopleImport:
    """Validate a CSV and keep its rows for the commit. Raises ImportFileError or
    ValidationError (with one message per bad row); nothing is stored for a bad file."""
    rows, errors = parse_people_csv(data)
    if errors:
        raise ValidationError(
            [
                _("Line %(line)s: %(message)s") % {"line": e.line, "message": e.message}
                for e in errors
            ]
        )
    return PeopleImport.objects.create(
        created_by=created_by, file_name=file_name[:255], rows=[asdict(row) for row in rows]
    )


@dataclass(frozen=True)
class MembershipChange:
    """A unit role of an existing person: a new membership (old_role "") or another role."""

    unit_code: str
    old_role: str
    new_role: str

    @property
    def old_role_label(self) -> str:
        return Membership.Role(self.old_role).label if self.old_role else ""

    @property
    def new_role_label(self) -> str:
        return Membership.Role(self.new_role).label

    @property
    def is_demotion(self) -> bool:
        return (self.old_role, self.new_role) == (
            Membership.Role.SUPERVISOR,
            Membership.Role.EMPLOYEE,
        )


@dataclass(frozen=True)
class PersonChange:
    """What the import changes for one person who already has an account."""

    email: str
    old_name: str
    new_name: str
    old_language: str
    new_language: str
    memberships: tuple[MembershipChange, ...]

    @property
    def name_changes(self) -> bool:
        return self.old_name != self.new_name

    @property
    def language_changes(self) -> bool:
        return self.old_language != self.new_language

    @property
    def old_language_label(self) -> str:
        return dict(settings.LANGUAGES).get(self.old_language, self.old_language)

    @property
    def new_language_label(self) -> str:
        return dict(settings.LANGUAGES).get(self.new_language, self.new_language)


@dataclass(frozen=True)
class ImportPlan:
    """Everything a commit would write, as the preview shows it."""

    new_people: int
    changes: tuple[PersonChange, ...]
    unchanged_people: int

    @property
    def digest(self) -> str:
        """Names this exact plan: the commit runs only the plan the administrator saw."""
        text = json.dumps(asdict(self), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()

    @property
    def demotions(self) -> int:
        return sum(m.is_demotion for c in self.changes for m in c.memberships)


def _existing_people(rows: list[PersonRow]) -> dict[str, User]:
    # Addresses typed in the Wagtail admin keep their case; the rows are lower case.
    return {
        u.email.lower(): u
        for u in User.objects.annotate(email_lower=Lower("email")).filter(
            email_lower__in={r.email for r in rows}
        )
    }


def _first_rows(rows: list[PersonRow]) -> dict[str, PersonRow]:
    """Each person's first row: where the name and language are read from."""
    first: dict[str, PersonRow] = {}
    for row in rows:
        first.setdefault(row.email, row)
    return first


def people_import_plan(*, rows: list[PersonRow]) -> ImportPlan:
    """What committing `rows` would do now: new people, and each change (name, language, unit
    roles) for people who already have an account. Three queries, whatever the size."""
    existing = _existing_people(rows)
    roles = {
        (m.user_id, m.unit.code): m.role
        for m in Membership.objects.filter(user__in=existing.values()).select_related("unit")
    }
    first = _first_rows(rows)
    changes, unchanged = [], 0
    for email, user in sorted(existing.items()):
        row = first[email]
        memberships = tuple(
            MembershipChange(r.unit_code, roles.get((user.pk, r.unit_code), ""), r.role)
            for r in rows
            if r.email == email and roles.get((user.pk, r.unit_code)) != r.role
        )
        change = PersonChange(
            email=email,
            old_name=user.get_full_name(),
            new_name=f"{row.first_name} {row.last_name}".strip(),
            old_language=user.preferred_language,
            new_language=row.language,
            memberships=memberships,
        )
        if change.name_changes or change.language_changes or memberships:
            changes.append(change)
        else:
            unchanged += 1
    return ImportPlan(
        new_people=len(set(first) - set(existing)),
        changes=tuple(changes),
        unchanged_people=unchanged,
    )


def people_import_start(
    *, people_import: PeopleImport, plan_digest: str, changes_confirmed: bool
) -> None:
    """Mark a previewed import as being imported, for the plan the administrator saw. Raises
    ValidationError when it ran already, when the people changed since the preview, or when the
    plan changes existing people and the administrator did not confirm it."""
    with transaction.atomic():
        locked = PeopleImport.objects.select_for_update().get(pk=people_import.pk)
        if locked.status != PeopleImport.Status.PREVIEWED:
            raise ValidationError(_("This import has already been run."))
        plan = _check_plan(locked, plan_digest)
        if plan.changes and not changes_confirmed:
            raise ValidationError(
                _(
                    "Nothing was imported: tick the box to confirm the changes to people who "
                    "already have an account."
                )
            )
        locked.status = PeopleImport.Status.COMMITTING
        locked.save(update_fields=["status"])
    people_import.refresh_from_db()


def _check_plan(record: PeopleImport, plan_digest: str) -> ImportPlan:
    plan = people_import_plan(rows=[PersonRow(**row) for row in record.rows])
    if plan.digest != plan_digest:
        raise ValidationError(
            _(
                "The people in this file changed after the preview, so nothing was imported. "
                "Check the changes below and confirm again."
            )
        )
    return plan


def people_import_commit(*, people_import: PeopleImport, plan_digest: str) -> list[int]:
    """Run exactly the confirmed plan of an import (people_import_start), all or nothing: create
    the new people, change the names, languages and unit roles the preview showed.

    Returns the ids of the people created, who are then sent an invitation."""
    with transaction.atomic():
        locked = PeopleImport.objects.select_for_update().get(pk=people_import.pk)
        if locked.status not in (PeopleImport.Status.PREVIEWED, PeopleImport.Status.COMMITTING):
            raise ValidationError(_("This import has already been run."))
        rows = [PersonRow(**row) for row in locked.rows]
        units = Unit.objects.in_bulk({r.unit_code for r in rows}, field_name="code")
        missing = sorted({r.unit_code for r in rows} - set(units))
        if missing:
            raise ValidationError(
                _("These units no longer exist: %(codes)s") % {"codes": ", ".join(missing)}
            )
        plan = _check_plan(locked, plan_digest)
        created_ids, membership_count = _write_people(rows, units, plan)
        locked.status = PeopleImport.Status.COMMITTED
        locked.created_count = len(created_ids)
        locked.membership_count = membership_count
        locked.committed_at = timezone.now()
        locked.save()
        audit_record(
            actor=locked.created_by,
            action=AuditEvent.Action.IMPORT,
            message="people_import",
            params={
                "file": locked.file_name,
                "created": len(created_ids),
                "memberships": membership_count,
            },
        )
    people_import.refresh_from_db()
    return created_ids


def _write_people(
    rows: list[PersonRow], units: dict[str, Unit], plan: ImportPlan
) -> tuple[list[int], int]:
    from allauth.account.models import EmailAddress

    existing = _existing_people(rows)
    first = _first_rows(rows)
    for change in plan.changes:
        user, row = existing[change.email], first[change.email]
        if change.name_changes or change.language_changes:
            user.first_name, user.last_name = row.first_name, row.last_name
            user.preferred_language = row.language
            user.save(update_fields=["first_name", "last_name", "preferred_language"])
    created_ids = []
    for email, row in first.items():
        if email not in existing:
            user = User.objects.create_user(
                email=row.email,
                first_name=row.first_name,
                last_name=row.last_name,
                preferred_language=row.language,
            )
            # The address comes from the organisation's own staff directory, and the invitation
            # link proves it again: it counts as verified.
            EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
            existing[email] = user
            created_ids.append(user.pk)
    memberships = [
        Membership(user=existing[r.email], unit=units[r.unit_code], role=r.role) for r in rows
    ]
    Membership.objects.bulk_create(
        memberships,
        update_conflicts=True,
        unique_fields=["user", "unit"],
        update_fields=["role"],
    )
    return created_ids, len(memberships)
