from django.core.management.base import BaseCommand, CommandError

from roles.provenance import missing_excerpts, quoting_models


class Command(BaseCommand):
    help = (
        "Vérifie que chaque passage cité sur le site figure dans le texte de son document "
        "(espaces, apostrophes et majuscules mis à part) et liste ceux qui n'y sont pas. "
        "Les textes marqués « rédaction de l'équipe » ne citent aucun document : ils sont "
        "seulement comptés."
    )

    def handle(self, *args, **options):
        missing = list(missing_excerpts())
        for item in missing:
            self.stdout.write(f"- {item.label} : « {item.excerpt[:120]} »")
        worded = sum(
            model._default_manager.filter(team_wording_on__isnull=False).count()
            for model in quoting_models()
            if model.can_be_team_worded()
        )
        if worded:
            self.stdout.write(
                f"{worded} texte(s) en « rédaction de l'équipe » : sans badge, non vérifiés."
            )
        if missing:
            raise CommandError(f"{len(missing)} passage(s) introuvable(s) dans leur document.")
        self.stdout.write(self.style.SUCCESS("Chaque passage cité figure dans son document."))
