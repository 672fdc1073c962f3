"""What the explorer's tests read: its two addresses, its table's rows, its CSV, and many bands."""

import csv
import html as html_module
import io
import re

from django.urls import reverse

EXPLORER = reverse("salaries:explorer")
CSV = reverse("salaries:csv")


def table_rows(page):
    """(role, low, high, year) of each row of the explorer's table, as the page shows it."""
    table = page[page.index('class="salaries salary-table"') :]
    body = table[table.index("<tbody>") : table.index("</table>")]
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        role = re.search(r'<th scope="row"><a [^>]*>(.*?)</a>', row).group(1)
        figure = re.search(
            r'<td class="num salary-figure">(.*?)(?:<span class="note">|</td>)', row, re.S
        ).group(1)
        amounts = [int(a.replace("\u202f", "")) for a in re.findall(r"\d[\d\u202f]*", figure)]
        cells = re.findall(r"<td>(.*?)</td>", row, re.S)
        year = cells[-2].strip()
        rows.append((html_module.unescape(role), amounts[0], amounts[-1], year))
    return rows


def read_csv(response):
    content = b"".join(response.streaming_content).decode("utf-8")
    assert content.startswith("\ufeff")
    return list(csv.reader(io.StringIO(content[1:]), delimiter=";"))


def many_bands(make_role, make_level, make_band, count):
    for i in range(count):
        role = make_role(f"Métier {i:03}")
        level = make_level(f"Niveau {i}", "junior", role.sources.get())
        make_band(role, 30000 + i, 40000 + i, level=level, location=f"Ville {i % 7}", date="2024")
