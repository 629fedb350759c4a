"""index.html of a report folder: one row per page written, one per input that failed.

`analyze --format html --out DIR` writes a page per article, named after its input; this
page lists them with what each holds, so a folder of reports can be browsed from one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import __version__
from ..errors import NewsprobeError
from ..model import Analysis
from .as_html import esc, page_head
from . import headline


@dataclass
class IndexEntry:
    file: str        # the page's file name, relative to the index
    analysis: Analysis


def render_index(entries: list[IndexEntry], failures: list[NewsprobeError]) -> str:
    rows = []
    for e in entries:
        a = e.analysis
        origin = a.meta.get("origin") or a.id
        rows.append(
            f'<tr><td><a href="{esc(e.file)}">{esc(headline(a))}</a>'
            f'<div class="sub">{esc(origin)}</div></td>'
            f"<td>{esc(a.outlet or '')}</td><td>{esc(a.published or '')}</td>"
            f"<td class=n>{len(a.quotes)}</td><td class=n>{len(a.claims)}</td>"
            f"<td class=n>{len(a.techniques)}</td><td class=n>{len(a.integrity)}</td></tr>")
    failed = "".join(
        f"<li><code>{esc(f.code)}</code> {esc(f.origin or '')}: {esc(f.message)}</li>"
        for f in failures)
    failed_part = (f"<h2>{len(failures)} failed</h2><ul class=failed>{failed}</ul>"
                   if failures else "")
    return page_head("newsprobe reports", _STYLE) + _INDEX.format(
        count=len(entries), rows="\n".join(rows), failed=failed_part,
        version=esc(__version__))


_STYLE = """
body{margin:0 auto;max-width:76rem;padding:1.4rem 2rem;color:#1b1f24;
font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.45rem .6rem;border-bottom:1px solid #d0d7de;vertical-align:top}
th{font-size:.8rem;text-transform:uppercase;color:#57606a}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
a{color:#0550ae} .sub{color:#57606a;font-size:.8rem;overflow-wrap:anywhere}
.failed code{color:#a40e26}
"""

_INDEX = """<body>
<h1>{count} articles analysed</h1>
<table>
<thead><tr><th>article</th><th>outlet</th><th>published</th><th class=n>quotes</th>
<th class=n>claims</th><th class=n>techniques</th><th class=n>integrity</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
{failed}
<footer class="sub">newsprobe {version}</footer>
</body>
</html>
"""
