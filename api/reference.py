"""The reference page's content, read from the OpenAPI schema: what /api/ lists is what the
schema says, so the two cannot drift apart."""

import functools

from drf_spectacular.generators import SchemaGenerator

# Example addresses with a filter.
EXAMPLES = {
    "/api/v1/metiers/": "/api/v1/metiers/?niveau=management&q=e-commerce",
    "/api/v1/competences/": "/api/v1/competences/?categorie=analytique",
}


@functools.cache
def schema():
    """The OpenAPI schema, built once per process: it depends on the code only."""
    return SchemaGenerator().get_schema(request=None, public=True)


def operations(slugs):
    """[{path, summary, description, parameters: [{name, where, required, type, description,
    choices}], example}] for every GET operation, in the schema's order. `slugs` gives the
    example identifier of each path that takes one ({path: slug}); without it, no example."""
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
                "example": example(path, slugs),
            }
        )
    return result


def example(path, slugs):
    if "{slug}" in path:
        return path.replace("{slug}", slugs[path]) if slugs.get(path) else ""
    return EXAMPLES.get(path, path)
