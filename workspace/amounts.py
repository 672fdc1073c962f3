"""The figures a salary line gives, read as the document writes them, or none.

Never a guess: a line that gives no figure, or more than two, or only figures that could be
something else (a year, « 5 ans »), gives none, and the editor is asked for the amounts.
"""

import re

# « 35 000 », « 35.000 », « 35000 », « 35 k », « 35 K€ »; thin and non-breaking spaces too.
FIGURE = re.compile(
    r"(?<![\d,.])(\d{1,3}(?:[ .\u202f\u00a0]\d{3})+|\d+)(?:,\d+)?(\s?[kK](?![a-zA-Z]))?"
)
MONEY = re.compile(r"€|\beuros?\b|\bk€|\bEUR\b", re.IGNORECASE)
YEARS = range(1900, 2101)


def salary_figures(line):
    """(low, high) in euros when the line gives one or two amounts in euros, else None."""
    if not MONEY.search(line or ""):
        return None
    found = []
    for digits, thousands in FIGURE.findall(line):
        plain = re.sub(r"[ .\u202f\u00a0]", "", digits)
        found.append((int(plain), bool(thousands), plain == digits))
    if any(thousands for _, thousands, _ in found):
        # « 35-45 k€ »: the « k » says thousands for every figure of the range
        found = [(value * 1000 if value < 1000 else value, True, p) for value, _, p in found]
    amounts = [
        value
        for value, thousands, written_plain in found
        if value >= 1000 and not (written_plain and not thousands and value in YEARS)
    ]
    if not 1 <= len(amounts) <= 2:
        return None
    return min(amounts), max(amounts)
