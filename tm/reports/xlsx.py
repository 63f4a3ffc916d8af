"""An Excel workbook for reviewers: a Findings sheet (filterable, frozen header) and a Summary sheet."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from glossary.core.atomic import atomic_path

COLUMNS = [
    "check",
    "severity",
    "tuid",
    "source",
    "target",
    "message",
    "concept",
    "expected",
    "found",
    "path",
    "line",
    "signature",
]
_WIDTHS = {
    "check": 20,
    "severity": 9,
    "tuid": 14,
    "source": 50,
    "target": 50,
    "message": 60,
    "concept": 18,
    "expected": 24,
    "found": 18,
    "path": 20,
    "line": 7,
    "signature": 22,
}


def write_xlsx(result, path: str | Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = "Findings"
    ws.append(COLUMNS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE4EC")
    wrap = Alignment(wrap_text=True, vertical="top")
    fills = {
        "error": PatternFill("solid", fgColor="FDE2E1"),
        "warning": PatternFill("solid", fgColor="FFF1C2"),
    }
    for f in result.findings:
        d = f.to_dict()
        row = [_cell(d.get(c)) for c in COLUMNS]
        ws.append(row)
        r = ws.max_row
        for cell in ws[r]:
            cell.alignment = wrap
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # a segment is never a spreadsheet formula
        if f.severity in fills:
            ws.cell(r, 2).fill = fills[f.severity]
    for i, name in enumerate(COLUMNS, start=1):
        ws.column_dimensions[ws.cell(1, i).column_letter].width = _WIDTHS[name]
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions

    summary = wb.create_sheet("Summary")
    summary.append(["check", "findings"])
    for check, n in Counter(f.check for f in result.findings).most_common():
        summary.append([check, n])
    summary.append([])
    summary.append(["concept", "rendering", "units"])
    for concept, renderings in sorted(result.term_report.items()):
        for rendering, n in sorted(renderings.items(), key=lambda kv: -kv[1]):
            summary.append([concept, rendering, n])
    summary.append([])
    summary.append(["units checked", result.units])
    for cell in summary[1]:
        cell.font = Font(bold=True)
    with atomic_path(path) as tmp:
        wb.save(tmp)


def _cell(value):
    if value is None:
        return None
    if isinstance(value, list):
        return " / ".join(str(v) for v in value)
    return value if isinstance(value, int) else str(value)
