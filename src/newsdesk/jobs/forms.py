"""The filter form of /jobs/: unknown values are refused with a message, never ignored silently."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from newsdesk.jobs.models import EmploymentType
from newsdesk.jobs.selectors import JobFilters

REMOTE_CHOICES = [("", _("Remote or on site")), ("ja", _("Remote only")), ("nein", _("On site only"))]


class JobFilterForm(forms.Form):
    art = forms.ChoiceField(label=_("Type of employment"), required=False,
                            choices=[("", _("All types")), *EmploymentType.choices],
                            error_messages={"invalid_choice": _("Unknown type of employment “%(value)s”.")})
    remote = forms.ChoiceField(label=_("Remote work"), required=False, choices=REMOTE_CHOICES,
                               error_messages={"invalid_choice": _("Choose “ja” or “nein” for remote work.")})
    ort = forms.CharField(label=_("Place of work"), required=False, max_length=120,
                          widget=forms.TextInput(attrs={"list": "job-locations", "autocomplete": "off"}))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, label_suffix="", **kwargs)

    def filters(self) -> JobFilters:
        data = self.cleaned_data
        remote = {"ja": True, "nein": False}.get(data.get("remote") or "")
        return JobFilters(remote=remote, employment_type=data.get("art") or "",
                          location=" ".join((data.get("ort") or "").split()))
