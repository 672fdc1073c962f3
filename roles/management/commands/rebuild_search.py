from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, transaction

from roles import search
from roles.models import Role, Skill, Training


class Command(BaseCommand):
    help = (
        "Reconstruit ce que lit la recherche : les lignes de recherche des métiers, le texte "
        "normalisé des compétences et des formations, le nombre de métiers de chaque "
        "compétence. Les signaux les tiennent à jour ; à lancer après un chargement sans "
        "signaux ou un changement de la normalisation (roles/search/text.py)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "slugs", nargs="*", help="Seulement ces métiers (par défaut : tous, et tout le reste)."
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)
        parser.add_argument("--batch-size", type=int, default=200)

    def handle(self, *args, slugs, database, batch_size, verbosity, **options):
        self.verbosity = verbosity
        roles = Role.objects.using(database)
        role_ids = None
        if slugs:
            found = dict(roles.filter(slug__in=slugs).values_list("slug", "pk"))
            unknown = sorted(set(slugs) - set(found))
            if unknown:
                raise CommandError(f"Métiers inconnus : {', '.join(unknown)}")
            role_ids = list(found.values())
        with transaction.atomic(using=database):
            if role_ids is None:
                self.normalise_names(database)
            count = search.refresh_search_documents(
                role_ids, using=database, batch_size=batch_size, progress=self.progress
            )
            if role_ids is None:
                search.refresh_skill_counts(using=database)
        self.stdout.write(self.style.SUCCESS(f"{count} métiers indexés."))

    def normalise_names(self, database):
        """The stored texts of skills and training, as saving each would write them."""
        skills = list(Skill.objects.using(database).only("pk", "name"))
        for skill in skills:
            skill.search_text = search.name_search_text(skill.name)
        Skill.objects.using(database).bulk_update(skills, ["search_text"], batch_size=1000)
        trainings = list(Training.objects.using(database).only("pk", "name", "institution"))
        for training in trainings:
            training.search_text = search.name_search_text(training.name, training.institution)
        Training.objects.using(database).bulk_update(trainings, ["search_text"], batch_size=1000)

    def progress(self, done, total):
        if self.verbosity >= 2:
            self.stdout.write(f"{done}/{total}")
