// The web page's one style sheet: readable without any download.
#include "serve/html.h"

namespace facteur::serve {

const char* StyleSheet() {
  return R"css(:root { --ink: #1d2433; --muted: #5c667a; --line: #d9dee8; --accent: #1f5fbf; --mark: #ffe58a; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, "DejaVu Sans", sans-serif; color: var(--ink); background: #f5f7fa; }
header { background: var(--ink); color: #fff; padding: .6rem 1.2rem; }
header a.brand { color: #fff; font-weight: 700; text-decoration: none; font-size: 1.15rem; }
header span { color: #aab4c8; margin-left: .4rem; }
main { max-width: 1200px; margin: 0 auto; padding: 1rem 1.2rem 3rem; }
a { color: var(--accent); }
form.search { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .8rem; }
form.search .q { display: flex; gap: .5rem; }
form.search input[name=q] { flex: 1; font-size: 1.05rem; padding: .45rem .6rem; }
form.search fieldset { border: 0; padding: 0; margin: .6rem 0 0; display: flex; flex-wrap: wrap; gap: .4rem .9rem; }
form.search label { font-size: .85rem; color: var(--muted); display: flex; flex-direction: column; }
input, select, button { font: inherit; padding: .3rem .45rem; border: 1px solid var(--line); border-radius: 4px; }
button { background: var(--accent); color: #fff; border-color: var(--accent); cursor: pointer; }
p.summary { color: var(--muted); }
p.error { background: #fde8e8; border: 1px solid #f5b5b5; padding: .5rem .8rem; border-radius: 4px; }
ol.hits { list-style: none; padding: 0; }
ol.hits li { display: flex; gap: 1rem; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .7rem; margin-bottom: .6rem; }
ol.hits img { width: 120px; border: 1px solid var(--line); background: #fff; flex: none; }
ol.hits .meta { color: var(--muted); font-size: .85rem; }
ol.hits .title { font-weight: 600; font-size: 1.05rem; }
mark { background: var(--mark); padding: 0 .1em; border-radius: 2px; }
.tag { display: inline-block; background: #e8eef9; color: #244a8f; border-radius: 3px; padding: 0 .35rem; font-size: .8rem; }
.tag.review { background: #fff1d6; color: #8a5a00; }
nav.pager { display: flex; gap: 1rem; }
.doc-head { display: flex; justify-content: space-between; align-items: baseline; flex-wrap: wrap; gap: .6rem; }
.downloads a { margin-left: .6rem; }
section.page { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1rem; margin: 1rem 0; }
section.page img { width: 100%; border: 1px solid var(--line); background: #fff; }
section.page pre { white-space: pre-wrap; background: #fff; border: 1px solid var(--line); padding: .7rem; margin: 0; font: 13px/1.45 ui-monospace, "DejaVu Sans Mono", monospace; max-height: 60rem; overflow: auto; }
table { border-collapse: collapse; background: #fff; width: 100%; margin-bottom: 1rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; font-size: .9rem; }
th { background: #eef1f6; }
td.hash { font-family: ui-monospace, monospace; font-size: .75rem; word-break: break-all; }
h2 { margin-top: 1.6rem; font-size: 1.1rem; }
@media (max-width: 800px) { section.page { grid-template-columns: 1fr; } }
)css";
}

}  // namespace facteur::serve
