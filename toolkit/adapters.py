"""django-allauth adapter: nobody signs up on their own (people are invited by administrators)."""

from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        return False

    def get_login_redirect_url(self, request) -> str:
        """After login, the dashboard in the person's own language."""
        with translation.override(request.user.preferred_language):
            return reverse("toolkit:dashboard")
