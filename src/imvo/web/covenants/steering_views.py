"""The steering group: meetings, their documents, the redaction protocol (four-eyes) and the log of
document requests."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from imvo.web.covenants import actions, forms, queries
from imvo.web.covenants.models import WithholdingReason
from imvo.web.covenants.views import _invalid, _post, covenant_view
from imvo.web.organisations.access import Access
from imvo.web.organisations.roles import Role


def _url(name: str, org: str, **kwargs: Any) -> str:
    return reverse(f"covenants:{name}", kwargs={"org": org, **kwargs})


@require_GET
@covenant_view()
def meetings_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    organisation = access.organisation
    parties = queries.parties(organisation)
    context = {
        "meetings": queries.meetings(organisation),
        "requests": [
            {"item": item, "answer_form": forms.AnswerForm(prefix=f"q{item.pk}")}
            for item in queries.document_requests(organisation)
        ],
        "meeting_form": forms.MeetingForm(),
        "request_form": forms.DocumentRequestForm(parties=parties),
    }
    return render(request, "covenants/meetings.html", context)


@require_POST
@covenant_view(Role.EDITOR)
def meeting_add_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    return _post(
        request,
        forms.MeetingForm(request.POST),
        lambda d: actions.add_meeting(request.user, access.organisation, d["held_on"], d["title"]),
        _("The meeting is added."),
        _url("meetings", org),
    )


@require_GET
@covenant_view()
def meeting_view(request: HttpRequest, access: Access, org: str, meeting_id: int) -> HttpResponse:
    meeting = queries.meeting(access.organisation, meeting_id)
    context = {"meeting": meeting, "documents": meeting.documents.all(), "form": forms.DocumentForm()}
    return render(request, "covenants/meeting.html", context)


@require_POST
@covenant_view(Role.EDITOR)
def document_add_view(request: HttpRequest, access: Access, org: str, meeting_id: int) -> HttpResponse:
    meeting = queries.meeting(access.organisation, meeting_id)
    form = forms.DocumentForm(request.POST)
    if form.is_valid():
        actions.add_document(request.user, access.organisation, meeting, form.cleaned_data)
        messages.success(request, _("The document is added."))
    else:
        _invalid(request, form)
    return HttpResponseRedirect(_url("meeting", org, meeting_id=meeting.pk))


def _document_context(request: HttpRequest, access: Access, document_id: int) -> dict[str, Any]:
    document = queries.document(access.organisation, document_id)
    passages = actions.passages(document.text)
    marks = {mark["passage"]: mark["reason"] for mark in document.withheld}
    reasons = dict(WithholdingReason.choices)
    initial = {f"passage_{number}": reason for number, reason in marks.items()}
    return {
        "document": document,
        "passages": [
            {"number": n, "text": text, "withheld": reasons.get(marks.get(n, ""), "")}
            for n, text in enumerate(passages, start=1)
        ],
        "withheld": [{"passage": n, "reason": reasons.get(r, r)} for n, r in sorted(marks.items())],
        "redaction_form": forms.RedactionForm(initial=initial, passages=passages),
        "approve_form": forms.ApproveRedactionForm(),
        "can_approve": document.proposed_by_id not in (None, request.user.pk),
    }


@require_GET
@covenant_view()
def document_view(request: HttpRequest, access: Access, org: str, meeting_document_id: int) -> HttpResponse:
    return render(request, "covenants/document.html", _document_context(request, access, meeting_document_id))


@require_POST
@covenant_view(Role.EDITOR)
def redact_view(request: HttpRequest, access: Access, org: str, meeting_document_id: int) -> HttpResponse:
    document = queries.document(access.organisation, meeting_document_id)
    form = forms.RedactionForm(request.POST, passages=actions.passages(document.text))
    return _post(
        request,
        form,
        lambda _data: actions.propose_redaction(request.user, document, form.withheld()),
        _("The redaction is recorded; a second person must now approve it."),
        _url("document", org, meeting_document_id=document.pk),
    )


@require_POST
@covenant_view(Role.EDITOR)
def approve_view(request: HttpRequest, access: Access, org: str, meeting_document_id: int) -> HttpResponse:
    document = queries.document(access.organisation, meeting_document_id)
    form = forms.ApproveRedactionForm(request.POST)
    if form.is_valid():
        try:
            actions.approve_redaction(request.user, document, form.cleaned_data["decision"] == "approve")
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The decision is recorded."))
    else:
        _invalid(request, form)
    return HttpResponseRedirect(_url("document", org, meeting_document_id=document.pk))


@require_POST
@covenant_view(Role.EDITOR)
def request_add_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    form = forms.DocumentRequestForm(request.POST, parties=queries.parties(access.organisation))
    return _post(
        request,
        form,
        lambda data: actions.log_request(request.user, access.organisation, data),
        _("The request is logged."),
        _url("meetings", org),
    )


@require_POST
@covenant_view(Role.EDITOR)
def request_answer_view(
    request: HttpRequest, access: Access, org: str, document_request_id: int
) -> HttpResponse:
    logged = queries.document_request(access.organisation, document_request_id)
    return _post(
        request,
        forms.AnswerForm(request.POST, prefix=f"q{logged.pk}"),
        lambda d: actions.answer_request(
            request.user, access.organisation, logged, d["answer"], d["answered_on"]
        ),
        _("The answer is logged."),
        _url("meetings", org),
    )
