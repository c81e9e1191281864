"""The calibration form of the back office: a site's target for the hold threshold."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class CalibrationForm(forms.Form):
    HOLD = "hold"
    CATCH = "catch"

    target = forms.ChoiceField(
        label=_("Target"), initial=HOLD, widget=forms.RadioSelect,
        choices=[(HOLD, _("hold at most this share of comments")),
                 (CATCH, _("catch at least this share of what the moderators reject"))])
    percent = forms.IntegerField(label=_("Share in percent"), min_value=1, max_value=100, initial=20,
                                 error_messages={"min_value": _("Enter a share between 1 and 100 percent."),
                                                 "max_value": _("Enter a share between 1 and 100 percent."),
                                                 "invalid": _("Enter a whole number of percent, e.g. 20.")})
    since = forms.DateField(label=_("Only decisions from"), required=False,
                            widget=forms.DateInput(attrs={"type": "date"}),
                            help_text=_("Empty: all decisions."))

    def shares(self) -> tuple[float | None, float | None]:
        """(hold_at_most, catch) as shares, one of them None."""
        share = self.cleaned_data["percent"] / 100
        return (share, None) if self.cleaned_data["target"] == self.HOLD else (None, share)
