from django import forms
from django.utils.translation import gettext_lazy as _

from newsdesk.comments.models import BODY_MAX_LENGTH, DISPLAY_NAME_MAX_LENGTH, NoticeCategory, Reason


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


class NoticeForm(forms.Form):
    """The Art. 16 DSA notice ("Melden"): renders and keeps the input; the service validates."""

    category = forms.ChoiceField(label=_("What is wrong with this comment?"), choices=NoticeCategory.choices,
                                 required=False, widget=forms.RadioSelect)
    explanation = forms.CharField(label=_("Why? Please explain (what exactly, and why it is illegal or against "
                                          "our rules)"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 5, "maxlength": 2000}))
    name = forms.CharField(label=_("Your name (optional)"), required=False, max_length=120,
                           widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.CharField(label=_("Your e-mail (optional: for the confirmation and our decision)"),
                            required=False, widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    good_faith = forms.BooleanField(label=_("I am convinced in good faith that the information and allegations in "
                                            "this notice are accurate and complete."), required=False)
