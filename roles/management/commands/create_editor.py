import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

EDITOR_GROUP = "Éditeurs"


class Command(BaseCommand):
    help = (
        "Crée un compte éditeur : accès à l'administration, droits sur le contenu seulement. "
        "Mot de passe : --password, la variable EDITOR_PASSWORD, ou saisi au clavier."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument("--password", default=None)

    def handle(self, *args, username, email, password, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            raise CommandError(f"Le compte « {username} » existe déjà.")
        try:
            group = Group.objects.get(name=EDITOR_GROUP)
        except Group.DoesNotExist as error:
            raise CommandError(
                f"Le groupe « {EDITOR_GROUP} » n'existe pas : lancez d'abord « migrate »."
            ) from error
        password = password or os.environ.get("EDITOR_PASSWORD") or self.ask_password()
        user = User(username=username, email=email, is_staff=True)
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        user.set_password(password)
        user.save()
        user.groups.add(group)
        self.stdout.write(self.style.SUCCESS(f"Compte éditeur « {username} » créé."))

    def ask_password(self):
        first = getpass.getpass("Mot de passe : ")
        if first != getpass.getpass("Mot de passe (encore) : "):
            raise CommandError("Les deux mots de passe diffèrent.")
        return first
