"""Who may see and do what in the self-assessment: the one place views ask.

Views answer 404, never 403, for another unit's rounds, so that unit names and rounds do not leak.
The Wagtail admin's pages (frameworks, their versions, the anonymity threshold) ask the permission
policies at the end, registered in wagtail_hooks.py.
"""

from toolkit import permissions as toolkit_permissions
from toolkit.permissions import AdministratorsOnlyPolicy

from .models import AnonymitySettings, AssessmentRound


def can_see_round_unit(user, round: AssessmentRound) -> bool:
    """Members of the round's unit and administrators; everyone else gets a 404."""
    return toolkit_permissions.can_view_unit(user, round.unit)


def can_view_results(user, round: AssessmentRound) -> bool:
    """Results of a closed round: for its unit's supervisors and employees, and administrators.

    Employees see the same published summary as supervisors: every figure and text on the page
    has already passed the anonymity rule. Nobody sees results of a draft or open round."""
    return round.status == AssessmentRound.Status.CLOSED and can_see_round_unit(user, round)


def can_manage_rounds_of(user, unit) -> bool:
    """Supervisors open and run rounds for the units they lead; administrators for any unit."""
    return toolkit_permissions.can_manage_unit(user, unit)


def can_manage_round(user, round: AssessmentRound) -> bool:
    return can_manage_rounds_of(user, round.unit)


def can_open_answer_page(user, round: AssessmentRound, *, invited: bool) -> bool:
    """The answer page exists for the invited (who may have left the unit since) and for the
    unit's members, who are told why they cannot answer; for anyone else it is a 404."""
    return invited or can_see_round_unit(user, round)


def can_view_combined_results(user, unit) -> bool:
    """The pooled result of the units below `unit`: for the unit's supervisors and
    administrators (a supervisor of a child unit only is not enough; they get a 404)."""
    return toolkit_permissions.can_manage_unit(user, unit)


# --- Improvement actions and team conclusions ---


def can_view_actions_of(user, unit) -> bool:
    """The unit's members (every role) and administrators see its conclusions and actions."""
    return toolkit_permissions.can_view_unit(user, unit)


def can_manage_actions_of(user, unit) -> bool:
    """The unit's supervisors (and administrators) create, edit and decide on actions."""
    return toolkit_permissions.can_manage_unit(user, unit)


def can_view_action(user, action) -> bool:
    return can_view_actions_of(user, action.unit)


def can_edit_action(user, action) -> bool:
    return can_manage_actions_of(user, action.unit)


def can_add_progress_note(user, action) -> bool:
    """The action's owner, while a member of the unit, and the unit's supervisors."""
    if can_edit_action(user, action):
        return True
    return action.owner_id == user.pk and toolkit_permissions.is_member_of(user, action.unit)


def can_suggest_action(user, unit) -> bool:
    """Any member of the unit may suggest an action (administrators outside it may not)."""
    return toolkit_permissions.is_member_of(user, unit)


def can_edit_conclusions(user, round: AssessmentRound) -> bool:
    """The team's conclusions are recorded by the unit's supervisors, on a closed round."""
    return round.status == AssessmentRound.Status.CLOSED and can_manage_round(user, round)


def can_view_organisation_overview(user) -> bool:
    """The organisation overview: administrators (every unit) and supervisors (the units they
    lead and those under them); everyone else gets a 404."""
    return toolkit_permissions.is_administrator(user) or toolkit_permissions.is_supervisor(user)


def can_prepare_unit_report(user, round: AssessmentRound) -> bool:
    """The unit report PDF and the round's CSV hold what the results page shows: same people."""
    return can_view_results(user, round)


def can_export_unit_timeline(user, unit) -> bool:
    """A unit's timeline (value means per closed round) is for its members and administrators,
    as on the results page."""
    return toolkit_permissions.can_view_unit(user, unit)


# --- The framework in the Wagtail admin ---


def can_manage_frameworks(user) -> bool:
    """Frameworks, their versions and the anonymity threshold are for administrators only."""
    return toolkit_permissions.is_administrator(user)


class FrameworkPolicy(AdministratorsOnlyPolicy):
    """A framework with versions cannot be deleted (its rounds refer to them)."""

    def user_has_permission_for_instance(self, user, action: str, instance) -> bool:
        if action == "delete" and instance.versions.exists():
            return False
        return self.user_has_permission(user, action)


class FrameworkVersionPolicy(AdministratorsOnlyPolicy):
    """A frozen version (a round uses it) cannot be deleted; its edit page offers a copy."""

    def user_has_permission_for_instance(self, user, action: str, instance) -> bool:
        if action == "delete" and instance.is_frozen:
            return False
        return self.user_has_permission(user, action)


class AnonymitySettingsPolicy(AdministratorsOnlyPolicy):
    """One row for the organisation: it can be added once and never deleted."""

    def user_has_permission(self, user, action: str) -> bool:
        if action == "delete":
            return False
        if action == "add" and AnonymitySettings.objects.exists():
            return False
        return can_manage_frameworks(user)

    def user_has_any_permission(self, user, actions) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)
