"""Importing people from CSV: parse and validate every row, preview, then commit atomically.

Columns (header row required, comma or semicolon separated, UTF-8):
email, first_name, last_name, unit_code, role, language.
One row is one membership: a person in two units has two rows. Nothing is written unless every
row is valid; each bad row is named with its line number and the reason.
"""

import csv
import io
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

REQUIRED_COLUMNS = ("email", "first_name", "last_name", "unit_code", "role")
OPTIONAL_COLUMNS = ("language",)
# Spreadsheet programs run cells that start with these as formulas (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
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
        if value.startswith(FORMULA_PREFIXES):
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
    unit_codes = set(
        Unit.objects.filter(
            code__in={(r.get("unit_code") or "").strip() for r in records}
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
        if code and code not in unit_codes and not code.startswith(FORMULA_PREFIXES):
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


def people_import_commit(*, people_import: PeopleImport) -> list[int]:
    """Create the people and memberships of a previewed import, all or nothing.

    Returns the ids of the people created, who are then sent an invitation."""
    with transaction.atomic():
        locked = PeopleImport.objects.select_for_update().get(pk=people_import.pk)
        if locked.status != PeopleImport.Status.PREVIEWED:
            raise ValidationError(_("This import has already been run."))
        rows = [PersonRow(**row) for row in locked.rows]
        units = Unit.objects.in_bulk({r.unit_code for r in rows}, field_name="code")
        missing = sorted({r.unit_code for r in rows} - set(units))
        if missing:
            raise ValidationError(
                _("These units no longer exist: %(codes)s") % {"codes": ", ".join(missing)}
            )
        created_ids, membership_count = _write_people(rows, units)
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


def _write_people(rows: list[PersonRow], units: dict[str, Unit]) -> tuple[list[int], int]:
    from allauth.account.models import EmailAddress

    # Addresses typed in the Wagtail admin keep their case; the rows are lower case.
    existing = {
        u.email.lower(): u
        for u in User.objects.annotate(email_lower=Lower("email")).filter(
            email_lower__in={r.email for r in rows}
        )
    }
    created_ids = []
    for row in rows:
        if row.email not in existing:
            user = User.objects.create_user(
                email=row.email,
                first_name=row.first_name,
                last_name=row.last_name,
                preferred_language=row.language,
            )
            # The address comes from the organisation's own staff directory, and the invitation
            # link proves it again: it counts as verified.
            EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
            existing[row.email] = user
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
