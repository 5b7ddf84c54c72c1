/** The sandbox EHR's stylesheet, served as a file so the page needs no inline styles under CSP. */
export const CHART_CSS = `
:root {
  --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --panel: #ffffff; --page: #f0f4f8;
  --brand: #243b53; --accent: #0b69a3; --high: #a61b1b; --low: #1f5fa8;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  color: var(--ink); background: var(--page); line-height: 1.4;
}
* { box-sizing: border-box; }
body { margin: 0; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, select:focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
.skip-link { position: absolute; left: -999px; }
.skip-link:focus { left: 0.5rem; top: 0.5rem; background: #fff; padding: 0.5rem; z-index: 10; }
.topbar {
  display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.5rem;
  background: var(--brand); color: #fff; padding: 0.5rem 1rem;
}
.topbar a { color: #fff; }
.topbar .product { font-weight: 700; letter-spacing: 0.02em; text-decoration: none; }
.topbar .user { margin: 0 0 0 auto; font-size: 0.9rem; }
.topbar nav ul { display: flex; gap: 1rem; list-style: none; margin: 0; padding: 0; }
.list-page { max-width: 72rem; margin: 0 auto; padding: 1rem; }
.panel {
  background: var(--panel); border: 1px solid var(--line); border-radius: 6px;
  padding: 0.75rem 1rem; margin-bottom: 1rem;
}
h1 { font-size: 1.4rem; margin: 0 0 0.5rem; }
h2 { font-size: 1.05rem; margin: 0 0 0.5rem; color: var(--brand); }
table { width: 100%; border-collapse: collapse; font-size: 0.92rem; }
th, td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
tbody tr:last-child td, tbody tr:last-child th { border-bottom: 0; }
.empty, .note { color: var(--muted); font-size: 0.9rem; margin: 0.25rem 0; }
.tag {
  display: inline-block; border: 1px solid var(--line); border-radius: 999px;
  padding: 0 0.5rem; font-size: 0.8rem; color: var(--muted);
}
.narrow { max-width: 32rem; margin: 2rem auto; padding: 1rem 1.5rem; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; }
.narrow label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
.narrow select, .narrow button { font: inherit; padding: 0.4rem 0.6rem; }
.narrow select { width: 100%; }
.narrow button { background: var(--accent); color: #fff; border: 0; border-radius: 4px; }
.practitioner-form { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
.practitioner-form select, .practitioner-form button { font: inherit; padding: 0.25rem 0.5rem; }
.chart-layout {
  display: grid; grid-template-columns: minmax(0, 1fr) 380px; gap: 1rem; padding: 1rem;
  align-items: start;
}
.banner {
  display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.5rem 2rem;
  border-left: 4px solid var(--accent);
}
.banner h1 { margin: 0; }
.banner dl, .encounter dl { display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; margin: 0; }
.banner dl div, .encounter dl div { display: flex; gap: 0.35rem; }
dt { color: var(--muted); }
dd { margin: 0; font-weight: 600; }
.code { font-family: ui-monospace, 'SFMono-Regular', Menlo, monospace; font-size: 0.85rem; color: var(--muted); }
.value { font-variant-numeric: tabular-nums; }
.code, .when { white-space: nowrap; }
.flag { font-weight: 700; }
.flag-high { color: var(--high); }
.flag-low { color: var(--low); }
.flag-abnormal { color: var(--high); }
.suggestions h2:focus { outline: none; }
.suggestion { border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 4px; padding: 0.5rem 0.75rem; margin-top: 0.5rem; }
.suggestion-warning { border-left-color: #cb6e17; }
.suggestion-critical { border-left-color: var(--high); }
.suggestion h3 { font-size: 1rem; margin: 0 0 0.25rem; }
.suggestion .tag { margin: 0 0 0.25rem; }
.suggestion .detail p { white-space: pre-line; margin: 0.25rem 0; }
.suggestion .detail ul { margin: 0.25rem 0; padding-left: 1.25rem; }
.suggestion-actions, .suggestion-dismiss { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin-top: 0.5rem; }
.suggestion button, .suggestion select { font: inherit; padding: 0.25rem 0.6rem; }
.suggestion-actions button { background: var(--accent); color: #fff; border: 0; border-radius: 4px; }
.sidebar { position: sticky; top: 1rem; }
.sidebar iframe {
  display: block; width: 100%; height: calc(100vh - 5rem); min-height: 32rem;
  border: 1px solid var(--line); border-radius: 6px; background: #fff;
}
@media (max-width: 60rem) {
  .chart-layout { grid-template-columns: minmax(0, 1fr); }
  .sidebar { position: static; }
  .sidebar iframe { height: 80vh; }
}
`;
