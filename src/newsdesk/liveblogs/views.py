"""Reader and editor pages of newsblogs. Writes go through services; the API serves the live parts."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import redirect, render
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from newsdesk.core.errors import ServiceError
from newsdesk.core.freshness import LIVEBLOGS, RELATED, SITE, conditional_page
from newsdesk.core.html import html_to_text
from newsdesk.core.seo import clip
from newsdesk.core.validation import whole_number
from newsdesk.liveblogs import embedding, selectors, services
from newsdesk.liveblogs.desk_views import audience_context, desk_context
from newsdesk.liveblogs.forms import EntryForm, LiveBlogForm
from newsdesk.liveblogs.models import DeletedLiveBlog, LiveBlog, liveblog_freshness_key
from newsdesk.liveblogs.permissions import can_create_liveblog, can_write
from newsdesk.liveblogs.seo import liveblog_json_ld
from newsdesk.media.services import image_create
from newsdesk.promos.models import Slot
from newsdesk.promos.selectors import page_keys as promo_keys


class NewsblogGone(Exception):
    """The newsblog at this address was deleted in the back office: the page answers 410."""


def _blog_or_404(slug: str) -> LiveBlog:
    blog = selectors.liveblog_by_slug(slug)
    if blog is None:
        if DeletedLiveBlog.objects.filter(slug=slug).exists():
            raise NewsblogGone(slug)
        raise Http404(_("No newsblog with this address."))
    return blog


def _gone(request: HttpRequest) -> HttpResponse:
    return render(request, "liveblogs/liveblog_gone.html", status=410)


def answers_gone(view):
    """A deleted newsblog's page and entry addresses answer 410 Gone (search engines drop them)."""
    from functools import wraps

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except NewsblogGone:
            return _gone(request)
    return wrapper


def _cursor(request: HttpRequest) -> int | None:
    raw = request.GET.get("cursor", "")
    return whole_number(raw)


@conditional_page(lambda request: [SITE, LIVEBLOGS], kind="liveblog_list")
def liveblog_list(request: HttpRequest) -> HttpResponse:
    return render(request, "liveblogs/list.html", {
        "liveblogs": selectors.liveblogs_for_listing(),
        "can_create": can_create_liveblog(request.user),
    })


def _page_context(request: HttpRequest, blog: LiveBlog, page, cursor: int | None) -> dict:
    editor = can_write(request.user, blog)
    pinned = selectors.pinned_entries(blog) if cursor is None else []
    selectors.with_coauthors(pinned, page.entries)
    return {
        **desk_context(request.user, blog),
        **audience_context(request.user, blog),
        "liveblog": blog,
        "page": page,
        "cursor": cursor,
        "pinned": pinned,
        "key_events": selectors.key_events(blog),
        "can_edit": editor,
        "entry_form": EntryForm() if editor else None,
    }


# Entries, comments and the blog itself bump the blog's own key: a post elsewhere does not touch this page.
@answers_gone
@conditional_page(lambda request, slug: [SITE, RELATED, liveblog_freshness_key(slug), *promo_keys(Slot.NEWSBLOG)],
                  kind="liveblog")
def liveblog_detail(request: HttpRequest, slug: str) -> HttpResponse:
    blog = _blog_or_404(slug)
    cursor = _cursor(request)
    page = None
    through = whole_number(request.GET.get("vor", ""))
    if cursor is None and through is not None and request.GET.get("fragment") != "1":
        # After "Ältere Einträge laden" the script keeps ?vor=<last entry loaded> in the address: a reload (or
        # going back) renders the same entries again, so the browser returns to the same place.
        # Too deep: the entries after it with a cursor, as the link without script shows them; gone: first page.
        page, cursor = selectors.entries_through(blog, through)
    if page is None:
        page = selectors.entry_page(blog, cursor=cursor)
    if request.GET.get("fragment") == "1":
        # "Ältere Einträge laden": just the next entries and the next button.
        selectors.with_coauthors(page.entries)
        return render(request, "liveblogs/_entry_page.html", {"liveblog": blog, "page": page})
    context = _page_context(request, blog, page, cursor)
    if cursor is None:  # structured data on the canonical first page only
        context["json_ld"] = liveblog_json_ld(blog, [*context["pinned"], *page.entries])
    # Cache-Control and validators: core.freshness (editors' pages are always rendered).
    return render(request, "liveblogs/detail.html", context)


@answers_gone
# A shared page like the newsblog page: entry addresses are what share links, key events and search lead to.
@conditional_page(lambda request, slug, entry_id: [SITE, RELATED, liveblog_freshness_key(slug),
                                                   *promo_keys(Slot.NEWSBLOG)], kind="liveblog")
def entry_detail(request: HttpRequest, slug: str, entry_id: int) -> HttpResponse:
    """`/newsblog/<slug>/eintrag/<id>/`: the newsblog page rendered around one entry, for any entry's age."""
    blog = _blog_or_404(slug)
    entry = selectors.entry_for_permalink(blog, entry_id)
    if entry is None:
        raise Http404(_("This newsblog has no entry with this number."))
    if entry.deleted_at is not None:
        return render(request, "liveblogs/entry_gone.html", {"liveblog": blog}, status=410)
    page, cursor = selectors.entry_page(blog), None
    if not entry.pinned and entry.pk not in {row.pk for row in page.entries}:
        # Beyond the first page: the page that starts with it (pinned entries always stand on the first page).
        page, cursor = selectors.page_around(blog, entry)
    if request.GET.get("fragment") == "1":  # a key-event click: the entries from it on, for the page to insert
        selectors.with_coauthors(page.entries)
        return render(request, "liveblogs/_entry_page.html", {"liveblog": blog, "page": page})
    context = _page_context(request, blog, page, cursor)
    text = html_to_text(entry.body)
    context.update({
        "target": entry,
        "share_title": clip(entry.headline, 110) if entry.headline else Truncator(text).words(12),
        "share_description": clip(text, 200),
    })
    return render(request, "liveblogs/detail.html", context)


# The one page other sites may frame (embedding.frameable, outermost so 304s and kept renders get it too).
# Not a reader's own page: no forms, no editor tools, the same for everybody; shared like the newsblog page.
@embedding.frameable
@conditional_page(lambda request, slug: [SITE, liveblog_freshness_key(slug)], kind="liveblog")
def liveblog_embed(request: HttpRequest, slug: str) -> HttpResponse:
    """`/newsblog/<slug>/einbetten/`: the live newsblog, compact; `?variante=teaser` the newest three entries."""
    blog = _blog_or_404(slug)
    variant = request.GET.get("variante", embedding.FULL)
    if variant not in embedding.VARIANTS:
        return HttpResponse(_("Unknown variant. Leave “variante” out for the whole newsblog or use “teaser”."),
                            status=400, content_type="text/plain; charset=utf-8")
    teaser = variant == embedding.TEASER
    limit = embedding.TEASER_ENTRIES if teaser else embedding.EMBED_ENTRIES
    return render(request, "liveblogs/embed.html", {
        "liveblog": blog,
        "entries": selectors.latest_entries(blog, limit=limit),
        "pinned": [] if teaser else selectors.pinned_entries(blog),
        "variant": variant,
        "entry_limit": limit,
    })


@login_required
def liveblog_create(request: HttpRequest) -> HttpResponse:
    if not can_create_liveblog(request.user):
        return HttpResponseForbidden(_("Only editors can create newsblogs."))
    form = LiveBlogForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            image = None
            if data["image"]:
                upload = data["image"]
                image = image_create(
                    data=upload.read(), filename=upload.name, alt_text=data["image_alt"],
                    caption=data["image_caption"], credit=data["image_credit"], uploaded_by=request.user,
                )
            blog = services.liveblog_create(title=data["title"], teaser=data["teaser"], order=data["order"],
                                            lead_image=image, author=request.user)
        except ValidationError as exc:
            form.add_error("image", exc)
        except ServiceError as exc:
            form.add_error(exc.details.get("field"), exc.message)
        else:
            messages.success(request, _("The newsblog is live. Write the first entry."))
            return redirect(blog)
    return render(request, "liveblogs/form.html", {"form": form}, status=422 if form.errors else 200)


@answers_gone
@require_POST
@login_required
def entry_create(request: HttpRequest, slug: str) -> HttpResponse:
    """The compose box without JavaScript (with it, the page posts to the API)."""
    blog = _blog_or_404(slug)
    form = EntryForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The entry was not published: ") + " ".join(
            str(e) for errors in form.errors.values() for e in errors))
        return redirect(blog)
    try:
        services.entry_create(liveblog=blog, author=request.user, **form.cleaned_data)
    except ServiceError as exc:
        messages.error(request, _("The entry was not published: ") + exc.message)
    return redirect(blog)


@answers_gone
@require_POST
@login_required
def liveblog_status(request: HttpRequest, slug: str) -> HttpResponse:
    blog = _blog_or_404(slug)
    status = request.POST.get("status")
    if status not in LiveBlog.Status.values:
        messages.error(request, _("Unknown status."))
        return redirect(blog)
    try:
        services.liveblog_set_status(liveblog=blog, editor=request.user, status=status)
    except ServiceError as exc:
        messages.error(request, exc.message)
    return redirect(blog)
