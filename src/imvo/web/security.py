"""Security middleware (response headers Django does not set, the request-size limit) and the
sanitiser for error texts shown to users (:func:`public_error_text`)."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.translation import gettext as _

# Every asset is local (htmx is vendored), so the policy can forbid all third-party origins.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'self'; object-src 'none'"
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


class SecurityHeadersMiddleware:
    """Adds CSP, Permissions-Policy and CORP unless the view set its own (e.g. a stricter one)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


class RequestSizeLimitMiddleware:
    """Refuse bodies above IMVO_MAX_UPLOAD_SIZE before Django reads them (413 Payload Too Large)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = settings.IMVO_MAX_UPLOAD_SIZE
        if length > limit:
            message = _("The upload is too large: at most %(megabytes)s MB is accepted.") % {
                "megabytes": limit // (1024 * 1024)
            }
            return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


#: The longest error text shown to a user; the full text stays in the server log.
PUBLIC_ERROR_CHARS = 1000
# An absolute POSIX path of two or more parts, or a Windows path: never shown to users.
_POSIX_PATH = re.compile(r"(?<![\w.:/])/(?:[^\s'\"/:,;()]+/)+[^\s'\"/:,;()]*")
_WINDOWS_PATH = re.compile(r"\b[A-Za-z]:\\(?:[^\s'\"\\:,;()]+\\)*[^\s'\"\\:,;()]*")
# Random stored names (secrets.token_hex of 12 or 16 bytes, with or without a suffix).
_RANDOM_NAME = re.compile(r"\b[0-9a-f]{24,64}(?:\.[A-Za-z0-9]{1,8})?\b")
HIDDEN = "…"


def public_error_text(text: str, known_names: Mapping[str, str] | Iterable[str] = ()) -> str:
    """An error text fit to show a user: without server paths and stored (random) file names.

    ``known_names`` maps stored names or paths to what the user knows the file as (its uploaded
    name); an iterable of stored names replaces them by the hidden marker. Every other absolute path
    and every random stored name left is replaced by the marker, and the text is cut to
    :data:`PUBLIC_ERROR_CHARS` characters. Use it wherever an exception's text (a job's failure, a
    file that could not be read) reaches a page.
    """
    pairs = (
        known_names.items() if isinstance(known_names, Mapping) else ((name, HIDDEN) for name in known_names)
    )
    replacements: dict[str, str] = {}
    for stored, shown in pairs:
        if not stored:
            continue
        for variant in (stored, os.path.basename(stored)):
            if variant:
                replacements.setdefault(variant, shown)
    ordered = sorted(replacements, key=len, reverse=True)  # whole names before their base names

    def path(match: re.Match[str]) -> str:
        found = match.group(0)
        return next((replacements[name] for name in ordered if found.endswith(name)), HIDDEN)

    text = _POSIX_PATH.sub(path, text)
    text = _WINDOWS_PATH.sub(path, text)
    for stored in ordered:
        text = text.replace(stored, replacements[stored])
    text = _RANDOM_NAME.sub(HIDDEN, text)
    text = re.sub(f"{HIDDEN}+", HIDDEN, text)
    if len(text) > PUBLIC_ERROR_CHARS:
        text = text[: PUBLIC_ERROR_CHARS - 1] + HIDDEN
    return text
