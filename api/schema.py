"""The answers every operation may give besides its 200, stated in the OpenAPI schema."""

from drf_spectacular.openapi import AutoSchema
from rest_framework.generics import GenericAPIView

ERROR = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
FIELD_ERRORS = {
    "type": "object",
    "description": "Les paramètres refusés, chacun avec ses messages.",
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}


def json_response(description, schema):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


class OpenDataSchema(AutoSchema):
    def get_operation(self, *args, **kwargs):
        operation = super().get_operation(*args, **kwargs)
        for parameter in (operation or {}).get("parameters", []):
            if parameter["in"] == "query" and parameter["name"] != "page":
                self._accept_empty(parameter)
        return operation

    @staticmethod
    def _accept_empty(parameter):
        """A filter left empty filters nothing, as in the site's own forms (which send
        `?niveau=` for « Tous »): the schema says the API accepts the empty value."""
        schema = parameter["schema"]
        if "enum" in schema:
            if "" in schema["enum"]:
                return
            schema["enum"] = [*schema["enum"], ""]
        elif schema.get("type") in ("number", "integer", "boolean"):
            parameter["schema"] = {"anyOf": [schema, {"type": "string", "enum": [""]}]}
        else:
            return  # a text filter: the empty text is one of its values already
        parameter["description"] = "\n\n".join(
            filter(None, [str(parameter.get("description") or ""), "Vide : sans filtre."])
        )

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if self.method != "GET":
            return responses
        responses["304"] = {
            "description": "Rien n’a changé depuis l’ETag envoyé dans If-None-Match."
        }
        view = self.view
        if isinstance(view, GenericAPIView) and (view.pagination_class or "slug" in self.path):
            responses["404"] = json_response(
                "Identifiant inconnu, ou numéro de page hors de la liste.", ERROR
            )
        if getattr(view, "filterset_class", None):
            responses["400"] = json_response("Un paramètre a une valeur refusée.", FIELD_ERRORS)
        # Any address holding a control character is refused before the API sees it
        # (config.middleware.ControlCharactersMiddleware): a short French HTML page.
        refused = responses.setdefault(
            "400", {"description": "Adresse refusée (caractère de contrôle).", "content": {}}
        )
        refused["content"]["text/html"] = {"schema": {"type": "string"}}
        responses["429"] = json_response(
            "Trop de requêtes depuis cette adresse : réessayer après Retry-After secondes.",
            ERROR,
        )
        return responses
