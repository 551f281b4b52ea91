"""Raters of a case, and the private questionnaire links of its informants."""

from __future__ import annotations

import secrets
from collections.abc import Collection

from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.errors import ApplicationError
from common.saving import validated_save

from .. import selectors
from ..models import Case, Rater, User
from .results import case_results_store

ACCOUNT_NAME_MAX = 150  # Django's first_name


@transaction.atomic
def rater_create(
    *,
    case: Case,
    name: str,
    kind: str = Rater.Kind.RESEARCHER,
    role: str = "",
    institution: str = "",
    user: User | None = None,
) -> Rater:
    rater = Rater(case=case, name=name, kind=kind, role=role, institution=institution, user=user)
    validated_save(rater)
    return rater


@transaction.atomic
def rater_for_user(*, case: Case, user: User, name: str = "") -> Rater:
    """The researcher's own rater in a case, created the first time they rate. Evidence is
    attributed to a person's name, never to a login: without `name`, the account's full name
    is taken, and with neither the save is refused with a field error asking for it. A name
    given for an account that has none is kept on the account, so the next case knows it."""
    rater = selectors.researcher_rater(case, user)
    if rater is not None:
        return rater
    name = " ".join(name.split()) or selectors.researcher_rater_name(case, user)
    if not name:
        message = _("Write your name first: evidence is attributed to it, not to a login.")
        raise ApplicationError({"rater_name": message})
    longest = Rater._meta.get_field("name").max_length or 0
    if len(name) > longest:
        raise ApplicationError(
            {"rater_name": _("At most %(count)d characters.") % {"count": longest}}
        )
    if case.raters.filter(name=name).exists():
        raise ApplicationError(
            {
                "rater_name": _(
                    "This case already has a rater named %(name)s: pick them under “Rating as”, "
                    "or write your name so that it differs."
                )
                % {"name": name}
            }
        )
    if not user.get_full_name().strip() and len(name) <= ACCOUNT_NAME_MAX:
        user.first_name = name
        user.save(update_fields=["first_name"])
    return rater_create(case=case, name=name, kind=Rater.Kind.RESEARCHER, user=user)


@transaction.atomic
def rater_delete(*, rater: Rater) -> None:
    """Removes a rater with their ratings; the case's scores are stored again without them."""
    case = rater.case
    rater.delete()
    case_results_store(cases=[case])


INFORMANT_LINK_SALT = "kolaborasi.informant-link"


class InformantLinkError(ApplicationError):
    """A questionnaire link that cannot be used; `reason` is "revoked", "expired" or
    "invalid"."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@transaction.atomic
def informant_link_issue(*, rater: Rater) -> str:
    """A new signed link token for an informant; any earlier link stops working."""
    if rater.kind != Rater.Kind.INFORMANT:
        raise ApplicationError(_("Only informant raters get a questionnaire link."))
    rater.access_nonce = secrets.token_urlsafe(24)
    rater.access_issued = timezone.now()
    rater.save(update_fields=["access_nonce", "access_issued"])
    return informant_link_token(rater)


@transaction.atomic
def informant_link_renew(*, rater: Rater) -> None:
    """The same link works INFORMANT_LINK_DAYS from now, expired or not."""
    if not rater.access_nonce:
        raise ApplicationError(_("This informant has no link to renew; create one."))
    rater.access_issued = timezone.now()
    rater.save(update_fields=["access_issued"])


def informant_link_token(rater: Rater) -> str:
    """The token of the informant's current link (the same each time until it is revoked)."""
    return signing.dumps({"r": rater.pk, "n": rater.access_nonce}, salt=INFORMANT_LINK_SALT)


@transaction.atomic
def informant_link_revoke(*, rater: Rater) -> None:
    rater.access_nonce = ""
    rater.access_issued = None
    rater.save(update_fields=["access_nonce", "access_issued"])


def informant_rater_from_token(token: str) -> Rater:
    try:
        payload = signing.loads(token, salt=INFORMANT_LINK_SALT)
    except signing.BadSignature:
        raise InformantLinkError(
            "invalid", _("This link is damaged or incomplete. Ask the researcher for a new one.")
        ) from None
    rater = (
        Rater.objects.select_related("case__framework")
        .filter(pk=payload.get("r"), kind=Rater.Kind.INFORMANT)
        .first()
    )
    if rater is None or not rater.access_nonce or rater.access_nonce != payload.get("n"):
        raise InformantLinkError(
            "revoked", _("This link has been withdrawn by the researcher. Thank you for your help.")
        )
    expires = rater.access_expires
    if expires is None or timezone.now() >= expires:
        raise InformantLinkError(
            "expired", _("This link has expired. Ask the researcher to renew it.")
        )
    return rater


@transaction.atomic
def informant_quotes_set(*, case: Case, quotable: Collection[int]) -> int:
    """Which informant answers (with free text) the chapter may quote: those named, and no
    other. How many changed; each change is kept in the rating's history."""
    answers = list(selectors.case_informant_answers(case).select_for_update(of=("self",)))
    unknown = set(quotable) - {answer.pk for answer in answers}
    if unknown:
        raise ApplicationError(
            {
                "quotable": _("Not an informant's written answer in this case: %(ids)s.")
                % {"ids": ", ".join(str(pk) for pk in sorted(unknown))}
            }
        )
    changed = [answer for answer in answers if answer.quotable != (answer.pk in quotable)]
    for answer in changed:
        answer.quotable = answer.pk in quotable
        answer.save(update_fields=["quotable"])
    return len(changed)
