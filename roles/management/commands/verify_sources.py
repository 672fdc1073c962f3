from django.core.management.base import BaseCommand, CommandError

from roles.provenance import missing_excerpts


class Command(BaseCommand):
    help = (
        "Vérifie que chaque passage cité sur le site figure dans le texte de son document "
        "(espaces, apostrophes et majuscules mis à part) et liste ceux qui n'y sont pas."
    )

    def handle(self, *args, **options):
        missing = list(missing_excerpts())
        for item in missing:
            self.stdout.write(f"- {item.label} : « {item.excerpt[:120]} »")
        if missing:
            raise CommandError(f"{len(missing)} passage(s) introuvable(s) dans leur document.")
        self.stdout.write(self.style.SUCCESS("Chaque passage cité figure dans son document."))
