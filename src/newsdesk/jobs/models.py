"""Job postings ("Stellenangebote"): shown from their posting time until the end of their valid-through day."""

from __future__ import annotations

from datetime import datetime, time

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# http(s) only: a job seeker's browser must open the link, and "javascript:" must never get through.
_apply_url = URLValidator(schemes=["http", "https"])


def validate_apply_link(value: str) -> None:
    """An apply link is a web address (https://…) or an e-mail address."""
    value = (value or "").strip()
    if value.lower().startswith("mailto:"):
        value = value[len("mailto:"):]
    if "@" in value and "://" not in value:
        try:
            validate_email(value)
        except ValidationError:
            raise ValidationError(_("“%(value)s” is not a valid e-mail address."), code="invalid_email",
                                  params={"value": value}) from None
        return
    try:
        _apply_url(value)
    except ValidationError:
        raise ValidationError(
            _("Enter a web address starting with https:// (or http://) or an e-mail address; “%(value)s” is "
              "neither."), code="invalid_apply_link", params={"value": value}) from None


class EmploymentType(models.TextChoices):
    FULL_TIME = "full_time", _("Full-time")
    PART_TIME = "part_time", _("Part-time")
    TEMPORARY = "temporary", _("Temporary")
    FREELANCE = "freelance", _("Freelance")
    INTERNSHIP = "internship", _("Internship")
    TRAINEESHIP = "traineeship", _("Traineeship")


# schema.org JobPosting.employmentType values (Google's list). A traineeship (Volontariat) is full-time
# training employment, which the vocabulary has no word for: full-time plus "other".
SCHEMA_EMPLOYMENT_TYPES: dict[str, list[str]] = {
    EmploymentType.FULL_TIME: ["FULL_TIME"],
    EmploymentType.PART_TIME: ["PART_TIME"],
    EmploymentType.TEMPORARY: ["TEMPORARY"],
    EmploymentType.FREELANCE: ["CONTRACTOR"],
    EmploymentType.INTERNSHIP: ["INTERN"],
    EmploymentType.TRAINEESHIP: ["FULL_TIME", "OTHER"],
}


class Country(models.TextChoices):
    GERMANY = "DE", _("Germany")
    AUSTRIA = "AT", _("Austria")
    SWITZERLAND = "CH", _("Switzerland")


class JobPostingQuerySet(models.QuerySet):
    def current(self) -> JobPostingQuerySet:
        """Posted already and valid through today (the newsroom's date): expired ones drop out by themselves."""
        return self.filter(posted_at__lte=timezone.now(), valid_through__gte=timezone.localdate())


class JobPosting(models.Model):
    title = models.CharField(_("job title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, blank=True,
                            help_text=_("The address /jobs/<slug>/; made from the title when left empty."))
    employer = models.CharField(_("employer"), max_length=200)
    employer_url = models.URLField(_("employer's website"), blank=True)
    location = models.CharField(_("place of work"), max_length=120, blank=True,
                                help_text=_("Town or city, e.g. “Kelmsbrück”. May stay empty for remote jobs."))
    country = models.CharField(_("country"), max_length=2, choices=Country.choices, default=Country.GERMANY)
    remote = models.BooleanField(_("remote work"), default=False,
                                 help_text=_("The job can be done entirely from home."))
    employment_type = models.CharField(_("type of employment"), max_length=20, choices=EmploymentType.choices,
                                       default=EmploymentType.FULL_TIME)
    description = models.TextField(_("description"))  # sanitized HTML (core.html)
    apply_link = models.CharField(_("how to apply"), max_length=500, validators=[validate_apply_link],
                                  help_text=_("A web address (https://…) or an e-mail address."))
    posted_at = models.DateTimeField(_("posted"), default=timezone.now,
                                     help_text=_("Shown from this time on."))
    valid_through = models.DateField(_("valid through"),
                                     help_text=_("Shown until the end of this day, then removed by itself."))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = JobPostingQuerySet.as_manager()

    class Meta:
        verbose_name = _("job posting")
        verbose_name_plural = _("job postings")
        ordering = ["-posted_at", "-id"]
        indexes = [models.Index(fields=["valid_through", "posted_at"], name="jobposting_current_idx")]

    def __str__(self) -> str:
        return f"{self.title} ({self.employer})"

    def get_absolute_url(self) -> str:
        return reverse("jobs:detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        errors = {}
        if not self.remote and not (self.location or "").strip():
            errors["location"] = _("Name the place of work, or mark the job as remote.")
        if self.valid_through and self.posted_at and self.valid_through < timezone.localdate(self.posted_at):
            errors["valid_through"] = _("The posting cannot end before it is posted.")
        if errors:
            raise ValidationError(errors)

    @property
    def apply_is_email(self) -> bool:
        return "@" in self.apply_link and "://" not in self.apply_link

    @property
    def apply_href(self) -> str:
        link = self.apply_link.strip()
        if self.apply_is_email and not link.lower().startswith("mailto:"):
            return "mailto:" + link
        return link

    @property
    def expires_at(self) -> datetime:
        """The last moment it is shown: the end of the valid-through day in the newsroom's time zone."""
        return datetime.combine(self.valid_through, time(23, 59, 59), tzinfo=timezone.get_current_timezone())

    @property
    def is_current(self) -> bool:
        return self.posted_at <= timezone.now() and self.valid_through >= timezone.localdate()

    @property
    def schema_employment_types(self) -> list[str]:
        return SCHEMA_EMPLOYMENT_TYPES[self.employment_type]
