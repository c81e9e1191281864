"""Login safety: the login form with the authenticator code, the set-up page, the admins' switch, the lockout page.

Failed logins are counted by django-axes (settings: AXES_*); a user with a confirmed TOTP device must add the
six-digit code of the authenticator app to the password. With TWO_FACTOR_REQUIRED_FOR_ADMINS on, an admin whose
session is not verified by a code reaches nothing but the set-up page.
"""

from __future__ import annotations

import base64

import segno
from django import forms
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from newsdesk.accounts import services
from newsdesk.core.validation import validate_text


class TwoFactorLoginForm(AuthenticationForm):
    otp_token = forms.CharField(label=gettext_lazy("Code from the authenticator app"), required=False,
                                max_length=12, validators=[validate_text])

    def clean(self):
        cleaned = super().clean()  # the password first: django-axes counts a wrong one
        user = self.get_user()
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first() if user else None
        if device is not None:
            token = "".join(cleaned.get("otp_token", "").split())
            if not token:
                raise ValidationError(_("Two-factor login is on for this account: please also enter the six-digit "
                                        "code from your authenticator app."), code="otp_missing")
            if not device.verify_token(token):
                raise ValidationError(_("The code from the authenticator app is wrong or has expired. Please enter "
                                        "the code the app shows now."), code="otp_wrong")
            user.otp_device = device  # django-otp marks the session verified when the login completes
        return cleaned


class LoginView(auth_views.LoginView):
    authentication_form = TwoFactorLoginForm
    redirect_authenticated_user = True


def locked_out(request, response=None, credentials=None):
    """django-axes' answer after too many failed logins (429)."""
    minutes = max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))
    return render(request, "registration/locked_out.html", {"cooloff_minutes": minutes}, status=429)


def _setup_context(device: TOTPDevice) -> dict:
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return {"secret": " ".join(secret[i:i + 4] for i in range(0, len(secret), 4)),
            "qr_code": segno.make(device.config_url, error="m").svg_data_uri(scale=5),
            "config_url": device.config_url}


@login_required
def two_factor_setup(request):
    """Set up, verify (for this session) or switch off two-factor login."""
    user = request.user
    if not services.can_use_two_factor(user):
        return render(request, "action_page.html", {
            "title": _("Two-factor login"),
            "message": _("Two-factor login is for editors, moderators and admins.")}, status=403)
    confirmed = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    error = ""
    if request.method == "POST":
        action = request.POST.get("action", "")
        token = request.POST.get("otp_token", "")
        if action == "confirm":
            device = services.totp_device_confirm(user=user, token=token)
            if device is not None:
                otp_login(request, device)
                return redirect(reverse("two-factor") + "?an=1")
            error = _("The code is wrong or has expired. Please enter the code the app shows now.")
        elif action == "verify" and confirmed is not None:
            if confirmed.verify_token("".join(token.split())):
                otp_login(request, confirmed)
                return redirect(request.POST.get("next") or reverse("home"))
            error = _("The code is wrong or has expired. Please enter the code the app shows now.")
        elif action == "remove" and confirmed is not None and user.is_verified():
            services.totp_device_remove(user=user)
            return redirect("two-factor")
    context = {"confirmed": confirmed, "verified": user.is_verified(), "error": error,
               "required": settings.TWO_FACTOR_REQUIRED_FOR_ADMINS and user.is_site_admin,
               "just_enabled": request.GET.get("an") == "1", "next": request.GET.get("next", "")}
    if confirmed is None:
        pending = TOTPDevice.objects.filter(user=user, confirmed=False).first()
        if pending is None or request.method == "GET":
            pending = services.totp_device_start(user=user)
        context.update(_setup_context(pending))
    return render(request, "registration/two_factor.html", context, status=422 if error else 200)


class RequireTwoFactorMiddleware:
    """With TWO_FACTOR_REQUIRED_FOR_ADMINS: an admin's session must be verified with a code to reach anything."""

    OPEN_PREFIXES = ("/konto/zwei-faktor/", "/abmelden/", "/anmelden/", "/static/", "/healthz")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (settings.TWO_FACTOR_REQUIRED_FOR_ADMINS and user is not None and user.is_authenticated
                and user.is_site_admin and not user.is_verified()
                and not request.path.startswith(self.OPEN_PREFIXES)):
            return redirect(f"{reverse('two-factor')}?next={request.path}")
        return self.get_response(request)
