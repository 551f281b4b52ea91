"""One actor recorded twice (two spellings, two papers) made one: every case, tie,
partnership and member of the merged actor moves to the one kept."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from assessments.models import User
from common.errors import ApplicationError, NotPermitted

from .models import Actor, Addressee, Participation, Tie


@transaction.atomic
def actor_merge(*, keep: Actor, merge: Actor, user: User) -> Actor:
    """Moves `merge`'s participations, ties, partnerships and members to `keep`, then deletes
    `merge`. Actors are shared across cases, so only an administrator merges them."""
    if not user.is_admin_role:
        raise NotPermitted(_("Only an administrator merges actors: they are shared by cases."))
    if keep.pk == merge.pk:
        raise ApplicationError({"merge": _("Choose two different actors.")})
    if keep.kind != merge.kind:
        raise ApplicationError(
            {"merge": _("A person and an institution cannot be merged into one actor.")}
        )
    keep, merge = (Actor.objects.select_for_update().get(pk=a.pk) for a in (keep, merge))
    kept_cases = set(Participation.objects.filter(actor=keep).values_list("case_id", flat=True))
    for participation in Participation.objects.filter(actor=merge):
        if participation.case_id in kept_cases:
            participation.delete()  # the case knows the kept actor already, in its own role
        else:
            participation.actor = keep
            participation.save(update_fields=["actor"])
    for tie in Tie.objects.filter(Q(source=merge) | Q(target=merge)).select_related(
        "source", "target"
    ):
        source = keep if tie.source_id == merge.pk else tie.source
        target = keep if tie.target_id == merge.pk else tie.target
        twin = Tie.objects.filter(case=tie.case, source=source, target=target, stage=tie.stage)
        if source.pk == target.pk or twin.exclude(pk=tie.pk).exists():
            tie.delete()  # a tie of the actor with itself, or one the case already has
            continue
        tie.source, tie.target = source, target
        if tie.dominant_id == merge.pk:
            tie.dominant = keep
        tie.save(update_fields=["source", "target", "dominant"])
    for partnership in merge.partnerships.all():
        partnership.partners.remove(merge)
        partnership.partners.add(keep)
    addressed = set(
        Addressee.objects.filter(actor=keep).values_list("recommendation_id", flat=True)
    )
    Addressee.objects.filter(actor=merge, recommendation_id__in=list(addressed)).delete()
    Addressee.objects.filter(actor=merge).update(actor=keep)
    Actor.objects.filter(institution=merge).update(institution=keep)
    merge.delete()
    return keep
