"""What the search stores for each role (`RoleSearch`, `SearchKey`, `SearchWord` rows), and
rebuilding it: `refresh_search_documents()`, run by roles/signals.py and `rebuild_search`."""

import operator
from dataclasses import dataclass
from functools import reduce

from django.contrib.postgres.search import SearchVector
from django.db import connections
from django.db.models import Count, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce

from ..models import (
    Mission,
    Role,
    RoleAlias,
    RoleSearch,
    RoleSkill,
    RoleTraining,
    SearchKey,
    SearchWord,
    Skill,
)
from .text import CONFIG, key, stem_text, words


@dataclass
class Document:
    """What the search stores for one role, section by section."""

    titles: list  # name, then aliases (weight A)
    skills: list  # skills and tools (B)
    missions: list  # mission titles (C)
    training: list  # training names (D)
    body: list  # summary, mission texts, what sources say of skills and training

    @classmethod
    def for_role(cls, role):
        """From a role with its rows prefetched by `documents_queryset()`."""
        missions = list(role.missions.all())
        role_skills = list(role.role_skills.all())
        role_trainings = list(role.role_trainings.all())
        return cls(
            titles=[role.name, *(alias.name for alias in role.aliases.all())],
            # a skill or a training two sources cite is still one
            skills=list(dict.fromkeys(rs.skill.name for rs in role_skills)),
            missions=[mission.title for mission in missions],
            training=list(dict.fromkeys(rt.training.name for rt in role_trainings)),
            body=[
                role.summary,
                *(mission.description for mission in missions),
                *(rs.wording for rs in role_skills),
                *(text for rt in role_trainings for text in (rt.training.institution, rt.note)),
            ],
        )

    def fields(self, vendor):
        """The values of the role's `RoleSearch` row, for `vendor`'s database."""
        if vendor != "postgresql":
            everything = self.titles + self.skills + self.missions + self.training + self.body
            return {"titles": stem_text(self.titles), "text": stem_text(everything)}
        sections = zip(
            "ABCD", (self.titles, self.skills, self.missions, self.training), strict=True
        )
        return {
            "titles": "",  # SQLite only: PostgreSQL reads the documents
            "text": "",
            "document": reduce(
                operator.add, (_vector(texts, weight) for weight, texts in sections)
            ),
            "body": _vector(self.body),
        }

    def lexicon(self):
        """The words a misspelt query may be corrected to: those of titles and phrases."""
        texts = self.titles + self.skills + self.missions + self.training
        return {word for text in texts for word in words(text) if len(word) >= 4}

    def search_keys(self):
        """[(kind, key)]: the name, each alias and each phrase, normalised, without repeats
        (an alias written like the name counts once; a mission titled like a skill, twice)."""
        kinds = SearchKey.Kind
        titles = list(dict.fromkeys(k for k in map(key, self.titles) if k))
        phrases = [k for k in map(key, self.skills + self.missions + self.training) if k]
        return [
            *((kinds.NAME if i == 0 else kinds.ALIAS, k) for i, k in enumerate(titles)),
            *((kinds.PHRASE, k) for k in phrases),
        ]


def _vector(texts, weight=None):
    text = " ".join(word for text in texts if text for word in words(text))
    return SearchVector(Value(text), config=CONFIG, weight=weight)


def documents_queryset(queryset):
    """The roles with exactly what `Document.for_role` reads, in five queries."""
    return queryset.only("pk", "name", "summary").prefetch_related(
        Prefetch("aliases", queryset=RoleAlias.objects.only("role_id", "name")),
        Prefetch("missions", queryset=Mission.objects.only("role_id", "title", "description")),
        Prefetch(
            "role_skills",
            queryset=RoleSkill.objects.select_related("skill").only(
                "role_id", "wording", "skill__name"
            ),
        ),
        Prefetch(
            "role_trainings",
            queryset=RoleTraining.objects.select_related("training").only(
                "role_id", "note", "training__name", "training__institution"
            ),
        ),
    )


def refresh_search_documents(role_ids=None, *, using="default", batch_size=200, progress=None):
    """Rebuilds the search rows of the given roles (all roles when None): 8 queries a batch."""
    vendor = connections[using].vendor
    queryset = Role.objects.using(using).order_by("pk")
    if role_ids is not None:
        queryset = queryset.filter(pk__in=list(role_ids))
    pks = list(queryset.values_list("pk", flat=True))
    fields = ["titles", "text"] + (["document", "body"] if vendor == "postgresql" else [])
    for start in range(0, len(pks), batch_size):
        batch = pks[start : start + batch_size]
        rows, keys, lexicon = [], [], set()
        for role in documents_queryset(Role.objects.using(using).filter(pk__in=batch)):
            document = Document.for_role(role)
            lexicon |= document.lexicon()
            rows.append(RoleSearch(role=role, **document.fields(vendor)))
            keys += [
                SearchKey(role=role, kind=kind, key=k[:250]) for kind, k in document.search_keys()
            ]
        RoleSearch.objects.using(using).bulk_create(
            rows, update_conflicts=True, unique_fields=["role"], update_fields=fields
        )
        SearchKey.objects.using(using).filter(role__in=batch).delete()
        SearchKey.objects.using(using).bulk_create(keys, batch_size=2000)
        SearchWord.objects.using(using).bulk_create(
            [SearchWord(word=word[:100]) for word in sorted(lexicon)],
            ignore_conflicts=True,
            batch_size=2000,
        )
        if progress:
            progress(min(start + batch_size, len(pks)), len(pks))
    return len(pks)


def refresh_skill_counts(skill_ids=None, *, using="default"):
    """Recounts the roles that need each skill (all skills when None): one UPDATE."""
    roles = (
        RoleSkill.objects.using(using)
        .filter(skill=OuterRef("pk"))
        .order_by()
        .values("skill")
        .annotate(count=Count("role", distinct=True))
        .values("count")
    )
    skills = Skill.objects.using(using)
    if skill_ids is not None:
        skills = skills.filter(pk__in=list(skill_ids))
    skills.update(role_count=Coalesce(Subquery(roles), 0))


def name_search_text(*texts):
    """The stored text of a skill or a training: its name's stems, for word matches."""
    return stem_text(texts, keep_stop_words=False)
