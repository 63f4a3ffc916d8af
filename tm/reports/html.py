"""One self-contained HTML report (inline CSS and JS, no network) for reviewers.

The rows are rendered here, so the page reads without JavaScript; the script only filters them (by
check, severity, term, free text) and makes the summary tables clickable.
"""

from __future__ import annotations

from collections import Counter
from html import escape

from tm.checks import CHECKS
from tm.checks.base import CheckFinding

_CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d232b;background:#f6f7f9}
header{background:#1f3b57;color:#fff;padding:14px 24px}header h1{margin:0;font-size:20px}
header p{margin:4px 0 0;opacity:.85}main{padding:16px 24px}
.summaries{display:flex;gap:24px;flex-wrap:wrap;align-items:flex-start}
table{border-collapse:collapse;background:#fff;box-shadow:0 1px 2px #0002}
th,td{padding:5px 9px;border-bottom:1px solid #e3e6ea;text-align:left;vertical-align:top}
th{background:#eef1f4;font-weight:600}
.summary td.n{text-align:right;font-variant-numeric:tabular-nums}
.summary tr.pick{cursor:pointer}.summary tr.pick:hover td{background:#eef6ff}
.filters{margin:18px 0 10px;display:flex;gap:12px;flex-wrap:wrap;align-items:center}
.filters label{font-weight:600}select,input{font:inherit;padding:3px 6px}
#findings{width:100%}#findings td.text{max-width:34em}
.sev{font-weight:600;border-radius:3px;padding:1px 6px;font-size:12px}
.sev-error{background:#fde2e1;color:#9b1c1c}.sev-warning{background:#fff1c2;color:#7a5200}
.sev-note{background:#e0ecff;color:#1c4b9b}
code.check{font-size:12px;background:#eef1f4;padding:1px 4px;border-radius:3px}
mark{background:#ffe066;padding:0 1px;border-radius:2px}
.msg{color:#444;font-size:13px}.muted{color:#777}#count{margin-left:auto;color:#555}
tr.hidden{display:none}
"""

_JS = """
(function(){
  var rows=[].slice.call(document.querySelectorAll('#findings tbody tr'));
  var fc=document.getElementById('f-check'),fs=document.getElementById('f-severity'),
      ft=document.getElementById('f-term'),fq=document.getElementById('f-text'),
      count=document.getElementById('count');
  function apply(){
    var c=fc.value,s=fs.value,t=ft.value,q=fq.value.toLowerCase(),shown=0;
    rows.forEach(function(r){
      var ok=(!c||r.dataset.check===c)&&(!s||r.dataset.severity===s)&&(!t||r.dataset.concept===t)&&
             (!q||r.textContent.toLowerCase().indexOf(q)>=0);
      r.classList.toggle('hidden',!ok); if(ok)shown++;
    });
    count.textContent=shown+' of '+rows.length+' findings shown';
  }
  [fc,fs,ft].forEach(function(e){e.addEventListener('change',apply)});
  fq.addEventListener('input',apply);
  document.querySelectorAll('.summary tr.pick').forEach(function(tr){
    tr.addEventListener('click',function(){
      var sel=document.getElementById(tr.dataset.filter); sel.value=tr.dataset.value; apply();
    });
  });
  apply();
})();
"""


def highlight(text: str, spans: list[tuple[int, int]]) -> str:
    """Escaped *text* with each span wrapped in <mark>."""
    out, pos = [], 0
    for start, end in sorted(spans):
        if start < pos or end > len(text):
            continue
        out.append(escape(text[pos:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def _term_label(concept: str, termbase) -> str:
    c = termbase.get(concept) if termbase is not None else None
    if c is None:
        return concept
    ru, en = c.preferred("ru"), c.preferred("en")
    parts = [p.text for p in (ru, en) if p is not None]
    return f"{concept} ({' → '.join(parts)})" if parts else concept


def render_html(result, termbase=None, title: str = "tm check report") -> str:
    findings: list[CheckFinding] = result.findings
    by_check = Counter(f.check for f in findings)
    by_sev = Counter(f.severity for f in findings)
    by_term = Counter(f.concept for f in findings if f.concept)
    h: list[str] = []
    h.append('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">')
    h.append('<meta name="viewport" content="width=device-width,initial-scale=1">')
    h.append(f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>")
    h.append(
        f"<header><h1>{escape(title)}</h1><p>{result.units} units checked · {len(findings)} findings · "
        + " · ".join(f"{n} {s}" for s, n in by_sev.most_common())
        + (f" · {result.suppressed} suppressed" if result.suppressed else "")
        + "</p></header><main>"
    )

    h.append(
        '<div class="summaries"><table class="summary" id="by-check"><thead><tr><th>Check</th>'
        "<th>Findings</th></tr></thead><tbody>"
    )
    for cid in CHECKS:
        n = by_check.get(cid, 0)
        cls = ' class="pick"' if n else ""
        h.append(
            f'<tr{cls} data-filter="f-check" data-value="{cid}"><td><code class="check">{cid}</code>'
            f' <span class="muted">{escape(CHECKS[cid].title)}</span></td><td class="n">{n}</td></tr>'
        )
    h.append("</tbody></table>")
    if by_term:
        h.append(
            '<table class="summary" id="by-term"><thead><tr><th>Term</th><th>Findings</th><th>Renderings'
            "</th></tr></thead><tbody>"
        )
        for concept, n in by_term.most_common():
            renderings = result.term_report.get(concept, {})
            rend = ", ".join(
                f"{escape(k)} ×{v}" for k, v in sorted(renderings.items(), key=lambda kv: -kv[1])
            )
            h.append(
                f'<tr class="pick" data-filter="f-term" data-value="{escape(concept)}"><td>'
                f'{escape(_term_label(concept, termbase))}</td><td class="n">{n}</td><td>{rend}</td></tr>'
            )
        h.append("</tbody></table>")
    h.append("</div>")

    def options(values, label):
        return f'<option value="">{label}</option>' + "".join(
            f'<option value="{escape(v)}">{escape(v)}</option>' for v in values
        )

    h.append(
        '<div class="filters"><label for="f-check">Check</label><select id="f-check">'
        + options(sorted(by_check), "all checks")
        + "</select>"
        '<label for="f-severity">Severity</label><select id="f-severity">'
        + options([s for s in ("error", "warning", "note") if s in by_sev], "all severities")
        + "</select>"
        '<label for="f-term">Term</label><select id="f-term">'
        + options(sorted(by_term), "all terms")
        + "</select>"
        '<label for="f-text">Text</label><input id="f-text" type="search" placeholder="filter…">'
        '<span id="count"></span></div>'
    )

    h.append(
        '<table id="findings"><thead><tr><th>Severity</th><th>Check</th><th>Unit</th><th>Source</th>'
        "<th>Target</th><th>Message</th></tr></thead><tbody>"
    )
    for f in findings:
        where = escape(f.tuid if len(f.tuid) <= 40 else f.tuid[:39] + "…")
        if f.line:
            where += f'<br><span class="muted">{escape(f.path or "")}:{f.line}</span>'
        expected = ""
        if f.expected:
            expected = '<br><span class="muted">expected: ' + escape(" / ".join(f.expected)) + "</span>"
        h.append(
            f'<tr data-check="{f.check}" data-severity="{f.severity}" data-concept="{escape(f.concept or "")}">'
            f'<td><span class="sev sev-{f.severity}">{f.severity}</span></td>'
            f'<td><code class="check">{f.check}</code></td><td>{where}</td>'
            f'<td class="text" lang="ru">{highlight(f.source, f.source_spans)}</td>'
            f'<td class="text">{highlight(f.target, f.target_spans)}</td>'
            f'<td class="msg">{escape(f.message)}{expected}</td></tr>'
        )
    h.append("</tbody></table></main>")
    h.append(f"<script>{_JS}</script></body></html>\n")
    return "".join(h)
