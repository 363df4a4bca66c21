"""The site's own public address, for links that leave the browser (e-mails, exports).

A request knows its host, but an e-mail sent by the background worker or a management command has
no request, and the ``Host`` header behind a proxy may not be the address people use. So every
absolute link is built from one setting, ``IMVO_SITE_URL`` (e.g. ``https://imvo.example.org``).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import reverse


def site_url() -> str:
    """The configured address without a trailing slash, e.g. ``https://imvo.example.org``."""
    return str(settings.IMVO_SITE_URL).rstrip("/")


def absolute_url(path: str) -> str:
    """``path`` (starting with ``/``) as an absolute URL on this site."""
    if not path.startswith("/"):
        path = "/" + path
    return site_url() + path


def absolute_reverse(view_name: str, **kwargs: Any) -> str:
    """``reverse(view_name, kwargs=kwargs)`` as an absolute URL on this site."""
    return absolute_url(reverse(view_name, kwargs=kwargs or None))
