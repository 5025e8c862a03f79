"""Thin views for readers: site search and the accessibility feedback form."""

from django.core.cache import cache
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from . import selectors, services
from .forms import AccessibilityFeedbackForm

FEEDBACK_LIMIT_PER_HOUR = 5


def search(request):
    """Search guides and news in the reader's language; empty and hopeless queries get help."""
    query = request.GET.get("q", "").strip()[:200]
    hits = selectors.site_search(query=query, language=get_language()[:2]) if query else []
    return render(request, "cms/search.html", {"query": query, "hits": hits})


def _client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "unknown")


def _over_rate_limit(request) -> bool:
    """True once this address has sent FEEDBACK_LIMIT_PER_HOUR messages within the hour."""
    key = f"cms:feedback:{_client_ip(request)}"
    cache.add(key, 0, timeout=3600)
    return cache.get(key, 0) >= FEEDBACK_LIMIT_PER_HOUR


def _count_sent(request) -> None:
    key = f"cms:feedback:{_client_ip(request)}"
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=3600)


def feedback(request):
    """The accessibility and content feedback form; nothing is stored unless all is well."""
    status = 200
    if request.method == "POST":
        form = AccessibilityFeedbackForm(request.POST)
        if _over_rate_limit(request):
            form.add_error(
                None, _("You have sent many messages in a short time. Try again in an hour.")
            )
            status = 429
        elif form.is_valid() and form.is_spam():
            # Tell a robot nothing useful; store nothing.
            return redirect("cms:feedback_thanks")
        elif form.is_valid():
            services.feedback_submit(
                message=form.cleaned_data["message"],
                page_url=form.cleaned_data["page_url"],
                email=form.cleaned_data["email"],
                language=get_language()[:2],
            )
            _count_sent(request)
            return redirect("cms:feedback_thanks")
        else:
            status = 400
    else:
        form = AccessibilityFeedbackForm(initial={"page_url": request.GET.get("page", "")[:500]})
    return render(request, "cms/feedback.html", {"form": form}, status=status)


def feedback_thanks(request):
    return render(request, "cms/feedback_thanks.html")
