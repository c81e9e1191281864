from django import forms
from django.utils.translation import gettext_lazy as _

from newsdesk.comments.models import BODY_MAX_LENGTH, DISPLAY_NAME_MAX_LENGTH, Reason


class CommentForm(forms.Form):
    """Renders the reader's form and keeps its input on error; validation itself lives in services."""

    display_name = forms.CharField(label=_("Name (shown with your comment)"), max_length=DISPLAY_NAME_MAX_LENGTH,
                                   required=False, widget=forms.TextInput(attrs={"autocomplete": "nickname"}))
    email = forms.CharField(label=_("E-mail (never shown)"), required=False,
                            widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    body = forms.CharField(label=_("Your comment"), required=False,
                           widget=forms.Textarea(attrs={"rows": 5, "maxlength": BODY_MAX_LENGTH}))
    consent = forms.BooleanField(label=_("I have read the privacy notice and agree that my comment is stored."),
                                 required=False)
    notify = forms.BooleanField(label=_("Notify me when my comment is published or answered"), required=False,
                                label_suffix="")
    # Honeypot: hidden from people (CSS and aria-hidden), filled by bots.
    website = forms.CharField(label=_("Leave this field empty"), required=False,
                              widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}))
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)


class RejectForm(forms.Form):
    reason = forms.ChoiceField(choices=Reason.choices)
