"""Names the content tests use for the five source documents and the three documented roles."""

COORDINATEUR = "coordinateur-commercial-e-commerce"
RESPONSABLE = "responsable-e-commerce"
DIRECTEUR = "directeur-e-commerce"

DOC_000 = "doc-000-coordinateur-commercial-e-commerce"
DOC_001 = "doc-001-devenir-responsable-e-commerce"
DOC_002 = "doc-002-recruter-directeur-e-commerce"
DOC_003 = "doc-003-recruter-responsable-e-commerce"
DOC_004 = "doc-004-directeur-ecommerce-multicanal"


def plain(text):
    """The documents put non-breaking spaces before « ? » and « : »; compare without them."""
    return text.replace("\xa0", " ")
