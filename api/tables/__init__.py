"""The tables of the open data, described once: for each table its rows and its ordered columns.

A column has a `field` (its name in the API's JSON, where the serializer of api/serializers.py
says how it nests), a `header` (its name in the CSV file of the downloads), the `description`
LISEZMOI.txt and /donnees/ give of the CSV column, and how the CSV cell is read from a row.
A column with no `header` is in the API only (a link, a nested list); one with no `field` is
in the CSV only (a figure the JSON nests in an object, a row's rank).

The serializers take their `Meta.fields` from here (`table.fields()`, without the columns that
point at the row they nest in); the downloads write each table's CSV columns in order.
"""

from .columns import LICENCE_NOT_STATED, Column, Table
from .hub import ALIASES, EDUCATION, EMPLOYERS, FACTS, MISSIONS, MOVES, ROLES, SOURCES
from .satellites import CASE_STUDIES, QUESTIONS, SALARIES
from .skills import MATRIX, ROLE_SKILLS, ROLE_TRAININGS, SKILLS, TRAININGS

# The CSV files of the downloads, in this order.
TABLES = [
    SOURCES,
    ROLES,
    ALIASES,
    MISSIONS,
    SKILLS,
    ROLE_SKILLS,
    MATRIX,
    TRAININGS,
    ROLE_TRAININGS,
    EDUCATION,
    EMPLOYERS,
    FACTS,
    MOVES,
    SALARIES,
    QUESTIONS,
    CASE_STUDIES,
]

__all__ = [
    "ALIASES",
    "CASE_STUDIES",
    "EDUCATION",
    "EMPLOYERS",
    "FACTS",
    "LICENCE_NOT_STATED",
    "MATRIX",
    "MISSIONS",
    "MOVES",
    "QUESTIONS",
    "ROLES",
    "ROLE_SKILLS",
    "ROLE_TRAININGS",
    "SALARIES",
    "SKILLS",
    "SOURCES",
    "TABLES",
    "TRAININGS",
    "Column",
    "Table",
]
