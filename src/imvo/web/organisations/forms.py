from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from imvo.web.organisations.models import TOKEN_ACCESS_CHOICES, Role


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    role = forms.ChoiceField(
        label=_("Role"),
        choices=Role.choices,
        initial=Role.VIEWER,
        help_text=_(
            "Reviewers are external auditors or supervisors: they read everything and change nothing."
        ),
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=100, help_text=_("What the token is for, e.g. 'ERP export'.")
    )
    role = forms.ChoiceField(
        label=_("Access"),
        choices=TOKEN_ACCESS_CHOICES,
        initial=Role.VIEWER,
    )
