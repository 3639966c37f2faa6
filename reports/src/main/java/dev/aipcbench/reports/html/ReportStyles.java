package dev.aipcbench.reports.html;

/** The report's stylesheet, inline: system fonts only (no web font to fetch), readable printed too. */
final class ReportStyles {
    static final String CSS = """
            :root { --ok: #1a7f37; --skip: #6e7781; --unsup: #57606a; --fail: #b42318; --line: #d0d7de; --head: #f6f8fa; }
            * { box-sizing: border-box; }
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
                   margin: 0 auto; max-width: 1400px; padding: 0 24px 48px; color: #1f2328; line-height: 1.45; }
            header { border-bottom: 1px solid var(--line); margin-bottom: 8px; }
            h1 { font-size: 1.6rem; margin: 20px 0 4px; }
            h2 { font-size: 1.3rem; margin: 32px 0 8px; padding-top: 8px; border-top: 1px solid var(--line); }
            h3 { font-size: 1.1rem; margin: 20px 0 6px; }
            nav a { margin-right: 14px; }
            a { color: #0969da; }
            dl.facts { display: grid; grid-template-columns: max-content auto; gap: 2px 16px; margin: 6px 0 12px; }
            dl.facts dt { color: #57606a; }
            dl.facts dd { margin: 0; }
            .table-scroll { overflow-x: auto; margin: 8px 0 16px; }
            table { border-collapse: collapse; font-size: 0.88rem; }
            th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
            th { background: var(--head); position: sticky; top: 0; }
            table.sortable th { cursor: pointer; user-select: none; white-space: nowrap; }
            table.sortable th[aria-sort="ascending"]::after { content: " \\25B2"; }
            table.sortable th[aria-sort="descending"]::after { content: " \\25BC"; }
            tbody tr:nth-child(even) { background: #fbfcfd; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            td.reason { max-width: 340px; font-size: 0.82rem; }
            td.id, td.model { white-space: nowrap; font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
                    font-size: 0.82rem; }
            details.telemetry-cell { margin: 6px 0; }
            details.telemetry-cell > summary { font-weight: 600; }
            .status { font-weight: 600; }
            .status-ok { color: var(--ok); }
            .status-skipped { color: var(--skip); }
            .status-unsupported { color: var(--unsup); }
            .status-failed { color: var(--fail); }
            .badge { display: inline-block; padding: 0 8px; border-radius: 10px; border: 1px solid currentColor;
                     margin-right: 6px; font-size: 0.85rem; }
            td.better { background: #dafbe1; }
            table.which td.best, table.side-by-side td.best { background: #dafbe1; font-weight: 600; }
            table.which th[scope="rowgroup"] { background: #fff; vertical-align: middle; }
            table.side-by-side th.contender { text-align: center; }
            table.side-by-side colgroup.contender { border-left: 2px solid #8c959f; }
            table.side-by-side td.not-run { font-size: 0.82rem; max-width: 420px; }
            .ratio { color: #57606a; font-size: 0.8rem; }
            p.not-run { margin: 4px 0 14px; }
            td.worse { background: #ffebe9; }
            tr.defect td { color: var(--fail); font-weight: 600; }
            tr.differs th, tr.differs td { background: #fff8c5; }
            table#hosts td { max-width: 560px; }
            td.fingerprint { word-break: break-all; font-family: ui-monospace, Menlo, Consolas, monospace;
                             font-size: 0.8rem; }
            pre { white-space: pre-wrap; font-size: 0.8rem; background: var(--head); padding: 6px; margin: 4px 0; }
            figure { margin: 12px 0 24px; }
            figure img { max-width: 100%; height: auto; border: 1px solid var(--line); }
            figcaption { color: #57606a; font-size: 0.9rem; max-width: 900px; }
            .note { color: #9a6700; }
            .muted { color: #57606a; }
            details summary { cursor: pointer; }
            footer { margin-top: 40px; color: #57606a; font-size: 0.85rem; }
                        .anatomy-bar { display: flex; width: 520px; height: 22px; border: 1px solid var(--line); overflow: hidden; }
            .anatomy-part { color: #fff; font-size: 11px; line-height: 22px; white-space: nowrap; overflow: hidden; padding-left: 3px; }
            .anatomy-text { font-size: 12px; color: #57606a; }
            """;

    private ReportStyles() {
    }
}
