from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand

from roles.models import Role, Source

FIXTURES = ["reference", "roles", "salaries", "interviews"]


class Command(BaseCommand):
    help = (
        "Charge le contenu des documents sources (fixtures/) dans une base qui n'en a pas encore. "
        "Ne touche jamais une base déjà remplie, pour ne pas écraser le travail des éditeurs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Recharge les fixtures même si la base a déjà du contenu "
            "(remet les fiches d'origine à leur texte initial).",
        )

    def handle(self, *args, force=False, **options):
        if has_content() and not force:
            self.stdout.write(
                "La base contient déjà du contenu (métiers, documents ou questions) : "
                "contenu laissé tel quel."
            )
            return
        call_command("loaddata", *FIXTURES, verbosity=options["verbosity"])
        # A first history record for every row, so that the first change to any of them
        # shows its old and new values (and a stale form finds the version its editor saw).
        call_command("populate_history", auto=True, verbosity=0)
        self.stdout.write(self.style.SUCCESS(f"{Role.objects.count()} métiers chargés."))


def has_content():
    """Whether editors may have worked here: any role (archived ones too), document or
    question. The questions are looked up by name: the hub imports no satellite."""
    question = apps.get_model("interviews", "InterviewQuestion")
    return Role.objects.exists() or Source.objects.exists() or question.objects.exists()
