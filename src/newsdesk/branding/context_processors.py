from django.http import HttpRequest

from newsdesk.branding.selectors import frame


def identity(request: HttpRequest) -> dict:
    """The site's identity for every template; site_name overrides core's setting-based one."""
    current = frame()
    return {"site_name": current.name, "brand": current}
