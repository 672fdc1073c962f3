"""The reference page's content, read from the OpenAPI schema: what /api/ lists is what the
schema says, so the two cannot drift apart."""

import functools

from drf_spectacular.generators import SchemaGenerator

# Example addresses with a slug of the documents' content, or a filter.
EXAMPLES = {
    "/api/v1/metiers/": "/api/v1/metiers/?niveau=management&q=e-commerce",
    "/api/v1/metiers/{slug}/": "/api/v1/metiers/directeur-e-commerce/",
    "/api/v1/competences/": "/api/v1/competences/?categorie=analytique",
    "/api/v1/competences/{slug}/": "/api/v1/competences/google-analytics/",
}


@functools.cache
def schema():
    """The OpenAPI schema, built once per process: it depends on the code only."""
    return SchemaGenerator().get_schema(request=None, public=True)


def operations():
    """[{path, summary, description, parameters: [{name, where, required, type, description,
    choices}], example}] for every GET operation, in the schema's order."""
    result = []
    for path, methods in schema()["paths"].items():
        operation = methods.get("get")
        if not operation:
            continue
        parameters = []
        for parameter in operation.get("parameters", []):
            kind = parameter.get("schema", {})
            parameters.append(
                {
                    "name": parameter["name"],
                    "where": "chemin" if parameter["in"] == "path" else "requête",
                    "required": parameter.get("required", False),
                    "type": kind.get("type", ""),
                    "description": parameter.get("description", ""),
                    "choices": [value for value in kind.get("enum", []) if value],
                }
            )
        result.append(
            {
                "path": path,
                "summary": operation.get("summary", ""),
                "description": operation.get("description", ""),
                "parameters": parameters,
                "example": EXAMPLES.get(path, "" if "{" in path else path),
            }
        )
    return result
