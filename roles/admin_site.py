"""The admin site as editors use it: the index (and the side menu) in the order of their work,
Métiers first, then each app's models in the order its AppConfig gives (`admin_models`):
the role, its documents, the rows of a sheet, then the shared lists. Apps without an
`admin_position` (accounts and groups) come last."""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig


class EditorsAdminSite(admin.AdminSite):
    # The index opens on the editors' dashboard (roles/templatetags/editors.py).
    index_template = "admin/editors_index.html"

    def get_app_list(self, request, app_label=None):
        app_dict = self._build_app_dict(request, app_label)
        return sorted(
            (_with_models_ordered(app) for app in app_dict.values()),
            key=lambda app: (_position(app["app_label"]), app["name"]),
        )


class EditorsAdminConfig(AdminConfig):
    default_site = "roles.admin_site.EditorsAdminSite"


def _app_config(label):
    from django.apps import apps

    return apps.get_app_config(label)


def _position(app_label):
    return getattr(_app_config(app_label), "admin_position", 1000)


def _with_models_ordered(app):
    order = getattr(_app_config(app["app_label"]), "admin_models", [])

    def key(model):
        name = model["object_name"].lower()
        return (order.index(name) if name in order else len(order), model["name"])

    app["models"].sort(key=key)
    return app
