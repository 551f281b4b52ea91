"""The chain of rounds a case belongs to: its order, its numbering and the checks a link or an
edit must pass. Kept apart from `rounds` so that the case services can use them."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from common.errors import ApplicationError

from .. import selectors
from ..models import Case


def rounds_renumber(case: Case) -> None:
    """Number every round of this case's chain by its place in it."""
    chain = selectors.chain_ids(case)
    for number, pk in enumerate(chain, start=1):
        Case.objects.filter(pk=pk).exclude(round_number=number).update(round_number=number)
    case.round_number = chain.index(case.pk) + 1


def check_round_order(case: Case, previous: Case) -> None:
    """A round comes after the one it follows: it ends later and does not start earlier."""
    if case.year_end <= previous.year_end or case.year_start < previous.year_start:
        raise ApplicationError(
            {
                "previous_round": _(
                    "A round must come after the one it follows: %(title)s covers %(period)s, "
                    "so this one must end after %(end)d."
                )
                % {"title": previous.title, "period": previous.period, "end": previous.year_end}
            }
        )


def check_round_link(case: Case, previous: Case) -> None:
    """Why `case` cannot follow `previous`, as a field error; nothing when it can."""
    if previous.pk == case.pk:
        raise ApplicationError({"previous_round": _("A case cannot follow itself.")})
    if previous.place_id != case.place_id:
        raise ApplicationError(
            {
                "previous_round": _(
                    "Rounds are of one place: %(title)s is at %(other)s, this case at %(place)s."
                )
                % {
                    "title": previous.title,
                    "other": previous.place.name,
                    "place": case.place.name,
                }
            }
        )
    chain = selectors.chain_ids(previous)
    if case.pk is not None and case.pk in chain[: chain.index(previous.pk) + 1]:
        raise ApplicationError(
            {
                "previous_round": _(
                    "%(title)s already comes after this case; linking it would make a loop."
                )
                % {"title": previous.title}
            }
        )
    check_round_order(case, previous)
    followers = Case.objects.filter(previous_round=previous)
    follower = (followers.exclude(pk=case.pk) if case.pk is not None else followers).first()
    if follower is not None:
        raise ApplicationError(
            {
                "previous_round": _("%(title)s is already followed by %(next)s.")
                % {"title": previous.title, "next": follower.title}
            }
        )


def check_round_neighbours(case: Case, *, place_changes: bool, previous: Case | None) -> None:
    """A case in a chain keeps its place and its order among its rounds when it is edited
    (`previous`: the round it will follow)."""
    follower = Case.objects.filter(previous_round_id=case.pk).first()
    leaves_previous = previous is not None and previous.place_id != case.place_id
    if place_changes and (leaves_previous or follower is not None):
        raise ApplicationError(
            {"place": _("This case is one of several rounds of its place; unlink it first.")}
        )
    if previous is not None:
        check_round_order(case, previous)
    if follower is not None and (
        follower.year_end <= case.year_end or follower.year_start < case.year_start
    ):
        raise ApplicationError(
            {
                "year_end": _("The next round, %(title)s, covers %(period)s: end before %(end)d.")
                % {"title": follower.title, "period": follower.period, "end": follower.year_end}
            }
        )


def round_unlink_for_delete(case: Case) -> tuple[int | None, int | None]:
    """Before a case is deleted: (its previous round, its next round), to be joined after."""
    follower_id = Case.objects.filter(previous_round_id=case.pk).values_list("pk", flat=True)
    return case.previous_round_id, follower_id.first()


def rounds_join(previous_id: int | None, follower_id: int | None) -> None:
    """After a case in the middle of a chain is deleted, the round after it follows the round
    before it, so the chain stays whole and in order."""
    if follower_id is None:
        return
    Case.objects.filter(pk=follower_id).update(previous_round_id=previous_id)
    rounds_renumber(Case.objects.get(pk=follower_id))


@transaction.atomic
def round_link(*, case: Case, previous: Case | None) -> Case:
    """Make `case` follow `previous` (or, with None, start a chain of its own)."""
    # Both rows locked: two links to one round at once must not both pass the check.
    ids = [case.pk] + ([previous.pk] if previous is not None else [])
    list(Case.objects.select_for_update().filter(pk__in=ids).order_by("pk"))
    if previous is not None:
        check_round_link(case, previous)
    case.previous_round = previous
    Case.objects.filter(pk=case.pk).update(previous_round=previous)
    rounds_renumber(case)
    return case
