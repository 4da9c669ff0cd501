/**
 * The page's only stylesheet, inlined: system fonts, no images, no external anything.
 * Colours pass WCAG AA on their backgrounds; status is always written out as well.
 */
export const PAGE_STYLES = `
:root{--fg:#1f2328;--muted:#59636e;--bg:#f6f8fa;--card:#fff;--line:#d1d9e0;--accent:#0969da;
--good:#1a7f37;--good-bg:#dafbe1;--warn:#7d4e00;--warn-bg:#fff8c5;--bad:#c4141f;--bad-bg:#ffebe9;--neutral:#59636e;--neutral-bg:#eff2f5}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;padding:1.5rem;background:var(--bg);color:var(--fg);font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:75rem;margin:0 auto}
h1{font-size:1.6rem;margin:0 0 .75rem}
h2{font-size:1.05rem;margin:0}
code{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.muted{color:var(--muted);font-weight:normal}
.page-head{margin-bottom:1.25rem}
.report-facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,14rem),1fr));gap:.5rem 1.5rem;margin:0 0 .75rem}
.report-facts div,.facts div{min-width:0}
dt{color:var(--muted);font-size:.8rem}
dd{margin:0;overflow-wrap:anywhere}
.summary{list-style:none;display:flex;flex-wrap:wrap;gap:.5rem;padding:0;margin:0}
.status{display:inline-block;border-radius:999px;padding:.1rem .6rem;font-size:.8rem;font-weight:600;white-space:nowrap}
.status-good{color:var(--good);background:var(--good-bg)}
.status-warn{color:var(--warn);background:var(--warn-bg)}
.status-bad{color:var(--bad);background:var(--bad-bg)}
.status-neutral{color:var(--neutral);background:var(--neutral-bg)}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,22rem),1fr));gap:1rem;align-items:start}
.card{background:var(--card);border:1px solid var(--line);border-left:6px solid var(--neutral);border-radius:8px;padding:1rem;box-shadow:0 1px 3px rgba(31,35,40,.08);min-width:0;break-inside:avoid;page-break-inside:avoid}
.card.tone-good{border-left-color:var(--good)}
.card.tone-warn{border-left-color:#bf8700}
.card.tone-bad{border-left-color:var(--bad)}
.card-head{display:flex;justify-content:space-between;align-items:flex-start;gap:.5rem}
.card-title{min-width:0}
.card-head h2{overflow-wrap:anywhere}
.meta{margin:.1rem 0 0;color:var(--muted);font-size:.8rem;overflow-wrap:anywhere}
.headline{margin:.5rem 0 .25rem}
.value{font-size:2.2rem;font-weight:700;font-variant-numeric:tabular-nums;letter-spacing:-.02em}
.unit{color:var(--muted)}
.reason{color:var(--muted);margin:.25rem 0}
.delta{margin:.25rem 0 .5rem;font-size:.9rem}
.delta-favourable .delta-arrow,.delta-favourable .verdict{color:var(--good)}
.delta-unfavourable .delta-arrow,.delta-unfavourable .verdict{color:var(--bad)}
.verdict{font-weight:600}
.facts{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;margin:.5rem 0}
.facts dd{font-variant-numeric:tabular-nums}
.trend{margin:.75rem 0 0}
.sparkline{display:block;width:100%;max-width:20rem;height:auto}
.spark-line{fill:none;stroke:var(--accent);stroke-width:1.5;stroke-linejoin:round;stroke-linecap:round}
.spark-dot{fill:var(--accent)}
.spark-axis,.spark-tick{stroke:var(--line);stroke-width:1}
.spark-last{fill:var(--card);stroke:var(--accent);stroke-width:1.5}
figcaption{display:flex;justify-content:space-between;gap:.5rem;max-width:20rem;color:var(--muted);font-size:.75rem}
.segments{list-style:none;padding:0;margin:.75rem 0 0;display:grid;gap:.3rem}
.segment{display:grid;grid-template-columns:minmax(0,6.5rem) minmax(2rem,1fr) auto;grid-template-areas:"label bar value" "label n n";column-gap:.5rem;align-items:center;font-size:.85rem}
.seg-label{grid-area:label;overflow-wrap:anywhere}
.bar{grid-area:bar;width:100%;height:.8rem}
.bar-track{fill:var(--neutral-bg)}
.bar-fill{fill:var(--accent)}
.bar-fill.negative{fill:#8250df}
.bar-zero{stroke:var(--muted);stroke-width:1;vector-effect:non-scaling-stroke}
.seg-value{grid-area:value;text-align:right;font-variant-numeric:tabular-nums;font-weight:600}
.seg-n{grid-area:n;color:var(--muted);font-size:.75rem;text-align:right}
.seg-status{font-weight:600}
.accounting{margin-top:.75rem;font-size:.85rem}
.accounting summary{cursor:pointer;color:var(--muted)}
.accounting ul{padding-left:1.1rem;margin:.4rem 0 0}
.accounting li{overflow-wrap:anywhere}
.page-foot{margin-top:2rem;font-size:.85rem}
.page-foot section{margin-bottom:1.25rem;overflow-x:auto}
.page-foot h2{margin-bottom:.4rem}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.3rem .5rem .3rem 0;border-bottom:1px solid var(--line);vertical-align:top}
th{color:var(--muted);font-weight:600}
.num{text-align:right}
.path{overflow-wrap:anywhere}
.hash{word-break:break-all}
@media (max-width:40rem){body{padding:.75rem}
.inputs thead{display:none}
.inputs tr{display:grid;grid-template-columns:minmax(0,1fr) auto;padding:.35rem 0;border-bottom:1px solid var(--line)}
.inputs td{border:0;padding:0 .5rem 0 0}
.inputs td:nth-child(1),.inputs td:nth-child(4){grid-column:1/-1}
.inputs td:nth-child(1){font-weight:600}}
@media print{
body{background:#fff;padding:0;font-size:11pt}
main{max-width:none}
.card{box-shadow:none;border-color:#999}
.cards{display:block}
.card{margin-bottom:.75rem}
.status,.card,.bar-fill,.bar-track{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.accounting summary{color:var(--fg)}
.page-foot section{overflow:visible}
h1,h2{break-after:avoid}
}
@page{margin:14mm}
`.trim();
