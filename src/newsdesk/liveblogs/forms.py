from django import forms
from django.utils.translation import gettext_lazy as _

from newsdesk.liveblogs.models import LiveBlog


class LiveBlogForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    teaser = forms.CharField(label=_("Teaser"), max_length=1000, required=False,
                             widget=forms.Textarea(attrs={"rows": 3}))
    order = forms.ChoiceField(label=_("Entry order"), choices=LiveBlog.Order.choices,
                              initial=LiveBlog.Order.NEWEST_FIRST)
    image = forms.ImageField(label=_("Lead image"), required=False)
    image_alt = forms.CharField(label=_("Alt text of the image"), max_length=300, required=False)
    image_caption = forms.CharField(label=_("Caption"), max_length=500, required=False)
    image_credit = forms.CharField(label=_("Credit"), max_length=200, required=False)

    def clean(self):
        data = super().clean()
        if data.get("image") and not data.get("image_alt", "").strip():
            self.add_error("image_alt", _("Please describe the image for people who cannot see it."))
        return data


class EntryForm(forms.Form):
    headline = forms.CharField(label=_("Headline (optional)"), max_length=300, required=False)
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 5}))
    key_event = forms.BooleanField(label=_("Key event"), required=False)
    pinned = forms.BooleanField(label=_("Pin to top"), required=False)
    breaking = forms.BooleanField(label=_("Breaking news (alerts subscribers by e-mail)"), required=False)
