"""Sign-up, double opt-in, one-click unsubscribe, preference centre. The token in the link is the key."""

from __future__ import annotations

import json

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from newsdesk.core.errors import ServiceError
from newsdesk.core.privacy import client_ip
from newsdesk.core.validation import whole_number
from newsdesk.subscriptions import services
from newsdesk.subscriptions.models import Subscription
from newsdesk.subscriptions.targets import resolve_target


def _page(request: HttpRequest, title: str, message: str = "", *, status: int = 200, form_action: str = "",
          button: str = "", link: tuple[str, str] | None = None) -> HttpResponse:
    return render(request, "action_page.html", {"title": title, "message": message,
                                                       "form_action": form_action, "button": button, "link": link},
                  status=status)


@require_POST
def subscribe(request: HttpRequest) -> HttpResponse:
    try:
        target = resolve_target(request.POST.get("kind", ""), request.POST.get("target", ""))
        services.subscribe(email=request.POST.get("email", ""), target=target, ip=client_ip(request))
    except ServiceError as exc:
        return _page(request, _("Not subscribed"), exc.message, status=exc.status)
    # The same answer whether or not the address was subscribed already: it tells nobody anything.
    return _page(request, _("Almost done"), _("We have sent you an e-mail. Please confirm your subscription with "
                                              "the link in it; until then you receive nothing else."))


@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET only shows a button: mail scanners follow links, and must not confirm for the reader."""
    if request.method == "GET":
        try:
            subscription = services.subscription_to_confirm(token)
        except ServiceError as exc:
            return _page(request, _("Not confirmed"), exc.message, status=exc.status)
        what = subscription.target_title or subscription.get_kind_display()
        email = subscription.subscriber.email
        if subscription.status == Subscription.Status.CONFIRMED:
            preferences_url = reverse("subscriptions:preferences", kwargs={"token": subscription.subscriber.token})
            return _page(request, _("Subscribed"), _("This subscription is confirmed already."),
                         link=(preferences_url, _("Manage your subscriptions")))
        return _page(request, _("Confirm subscription"),
                     _("Please confirm that we may send e-mails to %(email)s: %(what)s.") % {"email": email,
                                                                                            "what": what},
                     form_action=request.path, button=_("Confirm subscription"))
    try:
        subscription = services.confirm(token=token, ip=client_ip(request))
    except ServiceError as exc:
        return _page(request, _("Not confirmed"), exc.message, status=exc.status)
    preferences_url = reverse("subscriptions:preferences", kwargs={"token": subscription.subscriber.token})
    return _page(request, _("Subscribed"), _("Thank you, your subscription is confirmed."),
                 link=(preferences_url, _("Manage your subscriptions")))


@csrf_exempt  # RFC 8058: mail clients POST without cookies or tokens; the secret is in the URL
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        subscriber = services.subscriber_by_token(token)
    except ServiceError as exc:
        return _page(request, _("Unsubscribe"), exc.message, status=exc.status)
    if request.method == "GET":
        return _page(request, _("Unsubscribe"), _("Stop all e-mails to %(email)s?") % {"email": subscriber.email},
                     form_action=request.path, button=_("Unsubscribe from everything"))
    services.unsubscribe(subscriber=subscriber)
    return _page(request, _("Unsubscribed"), _("You will receive no more e-mails from us."))


@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest, token: str) -> HttpResponse:
    try:
        subscriber = services.subscriber_by_token(token)
    except ServiceError as exc:
        return _page(request, _("Your subscriptions"), exc.message, status=exc.status)
    notice, status = "", 200
    if request.method == "POST":
        unsubscribe = whole_number(request.POST.get("unsubscribe"))
        resubscribe = whole_number(request.POST.get("resubscribe"))
        if unsubscribe is not None:
            ended = services.unsubscribe(subscriber=subscriber, subscription_id=unsubscribe)
            notice = (_("You are unsubscribed: we will send no more e-mails of this kind. Changed your mind? "
                        "“Subscribe again” below.") if ended else _("This subscription had already ended."))
        elif resubscribe is not None:
            try:
                services.resubscribe(subscriber=subscriber, subscription_id=resubscribe)
            except ServiceError as exc:
                notice, status = exc.message, exc.status
            else:
                notice = _("Almost done: we have sent you an e-mail. The subscription starts again once you "
                           "confirm it with the link in it.")
        else:
            notice, status = _("Nothing was changed: choose a subscription."), 400
    return render(request, "subscriptions/preferences.html", {
        "subscriber": subscriber, "subscriptions": subscriber.subscriptions.order_by("-signed_up_at"),
        "notice": notice,
    }, status=status)


def export(request: HttpRequest, token: str) -> HttpResponse:
    try:
        subscriber = services.subscriber_by_token(token)
    except ServiceError as exc:
        return _page(request, _("Your subscriptions"), exc.message, status=exc.status)
    response = HttpResponse(json.dumps(services.export_data(subscriber), ensure_ascii=False, indent=1),
                            content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="newsdesk-abonnements.json"'
    return response


@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest, token: str) -> HttpResponse:
    try:
        subscriber = services.subscriber_by_token(token)
    except ServiceError as exc:
        return _page(request, _("Your subscriptions"), exc.message, status=exc.status)
    if request.method == "GET":
        # Cannot be undone: the preference centre only links here, this page asks once more.
        return _page(request, _("Delete your data"),
                     _("Delete %(email)s and all its subscriptions? This cannot be undone.")
                     % {"email": subscriber.email},
                     form_action=request.path, button=_("Delete my address and all subscriptions"))
    services.delete_subscriber(subscriber)
    return _page(request, _("Deleted"), _("Your address and all your subscriptions are deleted."))

