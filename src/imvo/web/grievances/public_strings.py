"""Strings of shared code that appear on the public complaint pages, for this app's catalogues.

The upload checks (``imvo.web.upload_limits``) and the skip link are translated into Dutch by the
platform's catalogue; the public pages also offer French, Spanish, Portuguese, Bengali, Hindi,
Vietnamese and simplified Chinese, which only this app's catalogues carry. Listing the messages here
lets ``makemessages`` keep them in those catalogues (the text must stay identical to the original).
A message left untranslated here falls back to Django's own catalogue for the language.
"""

from __future__ import annotations

from django.utils.translation import gettext_noop

SHARED_PUBLIC_STRINGS = (
    gettext_noop("Skip to content"),
    gettext_noop("Language"),
    gettext_noop("The file is too large: at most %(megabytes)s MB is accepted."),
    gettext_noop("Files of type %(extension)s are not accepted; use one of: %(allowed)s."),
    gettext_noop("The file's content does not match its %(extension)s extension."),
    # Month names of the dates on the case page: Django's Hindi catalogue misspells these three
    # (सितमबर, नवमबर, दिसमबर); this app's Hindi catalogue corrects them. Other languages keep Django's.
    gettext_noop("September"),
    gettext_noop("November"),
    gettext_noop("December"),
)
