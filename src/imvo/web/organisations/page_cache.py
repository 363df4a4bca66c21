"""Rendered parts of the most-read pages, kept until the organisation's data changes.

The overview and the register answer with the same HTML until something of the organisation
changes, and rendering them costs tens of queries and milliseconds of templates. A part is kept
under everything it depends on: the organisation and its data version
(:func:`imvo.web.organisations.data_version.data_version`, moved by the database on every write),
the day (what is overdue changes at midnight), the language, the visitor's role (what they may do
decides links and tiles) and the page's own variant (its query string). Parts hold no per-visitor
secret: they are rendered without the request, so no CSRF token or session value can be in them.

Nothing is kept or served from inside a transaction (``transaction.atomic``): what it reads may be
its own uncommitted writes, which may yet be rolled back. The site's pages run outside one.

Stored compressed in the ``pages`` cache (by default in each server process's memory, bounded in
entries); ``IMVO_PAGE_CACHE_SECONDS=0`` turns the cache off.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

import imvo
from imvo.web.organisations.access import Access
from imvo.web.organisations.data_version import data_version

CACHE_ALIAS = "pages"


def part_key(access: Access, name: str, variant: str) -> str:
    """The cache key of one rendered part for ``access`` now (reads the data version)."""
    parts = (
        imvo.__version__,
        name,
        access.organisation.pk,
        data_version(access.organisation.pk),
        timezone.localdate().isoformat(),
        get_language(),
        access.role,
        variant,
    )
    return "imvo-page:" + hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


def cached_part(access: Access, name: str, variant: str, render: Callable[[], str]) -> SafeString:
    """The HTML ``render`` returns for this organisation, role, language, day and ``variant``,
    from the cache while the organisation's data has not changed."""
    seconds = settings.IMVO_PAGE_CACHE_SECONDS
    if seconds <= 0 or connection.in_atomic_block:
        return mark_safe(render())  # noqa: S308 (HTML rendered by our templates)
    cache = caches[CACHE_ALIAS]
    key = part_key(access, name, variant)
    stored = cache.get(key)
    if stored is not None:
        return mark_safe(zlib.decompress(stored).decode("utf-8"))  # noqa: S308 (as rendered below)
    html = render()
    cache.set(key, zlib.compress(html.encode("utf-8"), 1), seconds)
    return mark_safe(html)  # noqa: S308 (HTML rendered by our templates)
