// mtclean review report: summary, filters, paged document list rendered on demand,
// keyboard navigation, accept/reject per change or per rule, and the decisions export.
(function () {
  "use strict";
  const DATA = JSON.parse(document.getElementById("mtclean-data").textContent);
  const PAGE_SIZE = 50;
  const FAMILIES = ["encoding", "captions", "punctuation", "whitespace", "repetition", "consistency", "language", "style"];
  const docs = DATA.documents;
  const rules = DATA.rules;
  // decisions[d][k]: is change k of document d accepted? Fixes start accepted, suggestions not.
  const decisions = docs.map((doc) => doc.changes.map((c) => c.action === "fix"));
  const filter = { rule: "", action: "" };
  let page = 0;
  let current = null; // [doc, change] of the change keyboard navigation is on

  const $ = (id) => document.getElementById(id);
  const esc = (s) => s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[ch]));
  const family = (code) => (rules[code] && FAMILIES.includes(rules[code].family) ? rules[code].family : "other");
  const matches = (c) => (!filter.rule || c.rule === filter.rule) && (!filter.action || c.action === filter.action);
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

  // ---- summary ---------------------------------------------------------------------------
  function countBy(key) {
    const counts = new Map();
    for (const doc of docs) for (const c of doc.changes) counts.set(key(c), (counts.get(key(c)) || 0) + 1);
    return counts;
  }

  function renderSummary() {
    const byRule = countBy((c) => c.rule);
    const byFamily = countBy((c) => family(c.rule));
    const byAction = countBy((c) => c.action);
    const total = docs.reduce((n, d) => n + d.changes.length, 0);
    const changed = docs.filter((d) => d.changes.length).length;
    const top = docs.map((d, i) => [d.changes.length, i]).filter(([n]) => n).sort((a, b) => b[0] - a[0] || a[1] - b[1]).slice(0, 10);
    const ruleRows = [...byRule.keys()].sort().map((code) => {
      const r = rules[code] || { name: code, action: "fix" };
      return `<tr class="fam-${family(code)}" data-rule="${esc(code)}"><td><span class="swatch"></span><button type="button" class="linkish" data-filter-rule="${esc(code)}">${esc(code)}</button></td>` +
        `<td>${esc(r.name)}</td><td><span class="tag ${esc(r.action)}">${r.action === "fix" ? "fix" : "suggestion"}</span></td>` +
        `<td class="num">${byRule.get(code)}</td><td class="num accepted-count"></td>` +
        `<td><button type="button" data-accept-rule="${esc(code)}">accept all</button> <button type="button" data-reject-rule="${esc(code)}">reject all</button></td></tr>`;
    }).join("");
    const familyRows = [...byFamily.keys()].sort().map((f) =>
      `<tr class="fam-${f}"><td><span class="swatch"></span>${esc(f)}</td><td class="num">${byFamily.get(f)}</td></tr>`).join("");
    const topRows = top.map(([n, i]) =>
      `<tr><td><button type="button" class="linkish" data-goto-doc="${i}">${esc(docs[i].name)}</button></td><td class="num">${n}</td></tr>`).join("");
    $("summary").innerHTML =
      `<div class="card"><h2>Totals</h2><table><tbody>` +
      `<tr><td>documents</td><td class="num">${docs.length}</td></tr>` +
      `<tr><td>documents with changes</td><td class="num">${changed}</td></tr>` +
      `<tr><td>changes</td><td class="num" id="total-changes">${total}</td></tr>` +
      `<tr><td>fixes</td><td class="num" id="total-fixes">${byAction.get("fix") || 0}</td></tr>` +
      `<tr><td>suggestions</td><td class="num" id="total-suggestions">${byAction.get("suggest") || 0}</td></tr>` +
      `</tbody></table></div>` +
      `<div class="card"><h2>By family</h2><table><tbody>${familyRows}</tbody></table></div>` +
      `<div class="card"><h2>Most changes</h2><table><tbody>${topRows}</tbody></table></div>` +
      `<div class="card rules"><h2>By rule</h2><table><thead><tr><th>rule</th><th>name</th><th>kind</th><th class="num">changes</th><th class="num">accepted</th><th>decide</th></tr></thead><tbody>${ruleRows}</tbody></table></div>`;
    const select = $("filter-rule");
    for (const code of [...byRule.keys()].sort()) {
      const option = document.createElement("option");
      option.value = code;
      option.textContent = `${code} ${(rules[code] || {}).name || ""} (${byRule.get(code)})`;
      select.appendChild(option);
    }
  }

  function updateTally() {
    let accepted = 0, total = 0;
    const perRule = new Map();
    docs.forEach((doc, d) => doc.changes.forEach((c, k) => {
      total += 1;
      if (decisions[d][k]) { accepted += 1; perRule.set(c.rule, (perRule.get(c.rule) || 0) + 1); }
    }));
    $("tally").textContent = `${accepted} of ${plural(total, "change")} accepted`;
    for (const row of document.querySelectorAll("tr[data-rule]")) {
      row.querySelector(".accepted-count").textContent = perRule.get(row.dataset.rule) || 0;
    }
  }

  // ---- documents -------------------------------------------------------------------------
  function visibleDocs() {
    if (!filter.rule && !filter.action) return docs.map((_, i) => i);
    return docs.map((d, i) => i).filter((i) => docs[i].changes.some(matches));
  }

  function changeHtml(d, k) {
    const c = docs[d].changes[k];
    const r = rules[c.rule] || { name: c.rule };
    const on = decisions[d][k];
    const kind = c.action === "fix" ? "fix" : "suggestion";
    const classes = ["chg", `fam-${family(c.rule)}`, c.action, on ? "on" : "off", matches(c) ? "" : "filtered"].join(" ");
    const part = (tag, text) => (text ? `<${tag}${text.trim() ? "" : ' class="blank"'}>${esc(text)}</${tag}>` : "");
    const body = c.pieces
      ? c.pieces.map(([op, text]) => (op === "=" ? esc(text) : part(op === "-" ? "del" : "ins", text))).join("")
      : part("del", c.before) + part("ins", c.after);
    const label = `${on ? "Reject" : "Accept"} ${kind} ${c.rule}`;
    return `<span class="${classes}" id="chg-${d}-${k}" data-doc="${d}" data-k="${k}" data-id="${esc(c.id)}" data-rule="${esc(c.rule)}" data-action="${c.action}" tabindex="-1">` +
      `<input type="checkbox" class="decide" aria-label="${esc(label)}"${on ? " checked" : ""}>` + body +
      `<span class="tip"><b>${esc(c.rule)}</b> ${esc(r.name)} · ${kind}<br>${esc(c.message)}<br>line ${c.line}, column ${c.column} · ${esc(c.id)}</span></span>`;
  }

  function documentHtml(d) {
    const doc = docs[d];
    if (!doc.changes.length) return `<div class="doc-text">${esc(doc.text)}</div>`;
    const out = [];
    let cursor = 0;
    doc.changes.forEach((c, k) => {
      if (c.start < cursor) { out.push(changeHtml(d, k)); return; } // overlaps the previous change
      out.push(esc(doc.text.slice(cursor, c.start)), changeHtml(d, k));
      cursor = c.end;
    });
    out.push(esc(doc.text.slice(cursor)));
    return `<div class="doc-text">${out.join("")}</div>`;
  }

  function docCounts(doc) {
    const fixes = doc.changes.filter((c) => c.action === "fix").length;
    return `${fixes} ${fixes === 1 ? "fix" : "fixes"}, ${plural(doc.changes.length - fixes, "suggestion")}`;
  }

  function renderPage() {
    const list = visibleDocs();
    const pages = Math.max(1, Math.ceil(list.length / PAGE_SIZE));
    page = Math.min(page, pages - 1);
    const shown = list.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
    $("documents").innerHTML = shown.map((d) =>
      `<details class="doc" id="doc-${d}" data-doc="${d}" data-name="${esc(docs[d].name)}"><summary><span class="name">${esc(docs[d].name)}</span>` +
      `<span class="counts">${docCounts(docs[d])}</span></summary></details>`).join("") ||
      `<p class="empty">No document has a change that matches the filters.</p>`;
    // first, last and the pages around the current one; gaps shown as an ellipsis
    const wanted = [...new Set([0, page - 2, page - 1, page, page + 1, page + 2, pages - 1])]
      .filter((p) => p >= 0 && p < pages).sort((a, b) => a - b);
    const buttons = wanted.map((p, i) => (i && p - wanted[i - 1] > 1 ? "<span>…</span>" : "") +
      `<button type="button" data-page="${p}"${p === page ? ' aria-current="page"' : ""}>${p + 1}</button>`).join("");
    const pager = pages > 1
      ? `<span>${list.length} documents, page</span>${buttons}<span>of ${pages}</span>`
      : `<span>${plural(list.length, "document")}</span>`;
    $("pager-top").innerHTML = pager;
    $("pager-top").dataset.pages = pages;
    $("pager-bottom").innerHTML = pages > 1 ? pager : "";
  }

  function openDoc(details) {
    if (!details.dataset.rendered) {
      details.insertAdjacentHTML("beforeend", documentHtml(Number(details.dataset.doc)));
      details.dataset.rendered = "1";
    }
    details.open = true;
  }

  // ---- navigation --------------------------------------------------------------------------
  function navigable() {
    const out = [];
    for (const d of visibleDocs()) docs[d].changes.forEach((c, k) => { if (matches(c)) out.push([d, k]); });
    return out;
  }

  function focusChange(d, k) {
    const list = visibleDocs();
    const wanted = Math.floor(list.indexOf(d) / PAGE_SIZE);
    if (wanted !== page) { page = wanted; renderPage(); }
    const details = $(`doc-${d}`);
    openDoc(details);
    document.querySelectorAll(".chg.current").forEach((el) => el.classList.remove("current"));
    const el = $(`chg-${d}-${k}`);
    el.classList.add("current");
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: "center" });
    current = [d, k];
  }

  function step(delta) {
    const all = navigable();
    if (!all.length) return;
    let i = current ? all.findIndex(([d, k]) => d === current[0] && k === current[1]) : -1;
    if (i < 0 && current) {
      // the current change is filtered out: continue from the nearest one after it
      i = all.findIndex(([d, k]) => d > current[0] || (d === current[0] && k > current[1])) - (delta > 0 ? 1 : 0);
    }
    const next = i < 0 ? (delta > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, i + delta));
    focusChange(...all[next]);
  }

  // ---- decisions ----------------------------------------------------------------------------
  function setDecision(d, k, on) {
    decisions[d][k] = on;
    const el = $(`chg-${d}-${k}`);
    if (el) {
      el.classList.toggle("on", on);
      el.classList.toggle("off", !on);
      const box = el.querySelector("input.decide");
      box.checked = on;
      const c = docs[d].changes[k];
      box.setAttribute("aria-label", `${on ? "Reject" : "Accept"} ${c.action === "fix" ? "fix" : "suggestion"} ${c.rule}`);
    }
  }

  function decideRule(code, on) {
    docs.forEach((doc, d) => doc.changes.forEach((c, k) => { if (c.rule === code) setDecision(d, k, on); }));
    updateTally();
  }

  function exportDecisions() {
    const accepted = {}, rejected = {};
    docs.forEach((doc, d) => {
      if (!doc.changes.length) return;
      accepted[doc.name] = doc.changes.filter((_, k) => decisions[d][k]).map((c) => c.id);
      rejected[doc.name] = doc.changes.filter((_, k) => !decisions[d][k]).map((c) => c.id);
    });
    const out = { schema: DATA.decisions_schema, source: { mtclean: DATA.mtclean, ruleset: DATA.ruleset }, accepted, rejected };
    const blob = new Blob([JSON.stringify(out, null, 2) + "\n"], { type: "application/json" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "mtclean-decisions.json";
    document.body.appendChild(link);
    link.click();
    setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }

  // ---- events --------------------------------------------------------------------------------
  function refilter() {
    filter.rule = $("filter-rule").value;
    filter.action = $("filter-action").value;
    page = 0;
    renderPage();
  }

  document.addEventListener("click", (event) => {
    const t = event.target.closest("button");
    if (!t) return;
    if (t.id === "export") exportDecisions();
    else if (t.id === "open-page") document.querySelectorAll("details.doc").forEach(openDoc);
    else if (t.id === "close-page") document.querySelectorAll("details.doc").forEach((el) => { el.open = false; });
    else if (t.dataset.page) { page = Number(t.dataset.page); renderPage(); }
    else if (t.dataset.acceptRule) decideRule(t.dataset.acceptRule, true);
    else if (t.dataset.rejectRule) decideRule(t.dataset.rejectRule, false);
    else if (t.dataset.filterRule) { $("filter-rule").value = t.dataset.filterRule; refilter(); }
    else if (t.dataset.gotoDoc) {
      const d = Number(t.dataset.gotoDoc);
      const k = docs[d].changes.findIndex(matches);
      if (k < 0) { $("filter-rule").value = ""; $("filter-action").value = ""; refilter(); }
      focusChange(d, Math.max(0, docs[d].changes.findIndex(matches)));
    }
  });

  document.addEventListener("toggle", (event) => {
    if (event.target.matches && event.target.matches("details.doc") && event.target.open) openDoc(event.target);
  }, true);

  document.addEventListener("change", (event) => {
    const t = event.target;
    if (t.matches("input.decide")) {
      const el = t.closest(".chg");
      setDecision(Number(el.dataset.doc), Number(el.dataset.k), t.checked);
      current = [Number(el.dataset.doc), Number(el.dataset.k)];
      updateTally();
    } else if (t.id === "filter-rule" || t.id === "filter-action") refilter();
  });

  // one floating tooltip, filled from the change's hidden .tip and kept inside the window
  function showTip(el) {
    const tip = $("tooltip");
    tip.innerHTML = el.querySelector(".tip").innerHTML;
    tip.hidden = false;
    const box = el.getClientRects()[0] || el.getBoundingClientRect();
    const width = tip.offsetWidth, height = tip.offsetHeight;
    const left = Math.max(4, Math.min(box.left, window.innerWidth - width - 4));
    const below = box.bottom + 4 + height <= window.innerHeight;
    tip.style.left = `${left}px`;
    tip.style.top = `${below ? box.bottom + 4 : Math.max(4, box.top - height - 4)}px`;
  }
  const hideTip = () => { $("tooltip").hidden = true; };

  document.addEventListener("focusin", (event) => {
    const el = event.target.closest && event.target.closest(".chg");
    if (el) { current = [Number(el.dataset.doc), Number(el.dataset.k)]; showTip(el); } else hideTip();
  });
  document.addEventListener("mouseover", (event) => {
    const el = event.target.closest && event.target.closest(".chg");
    if (el) showTip(el);
    else if (!(document.activeElement && document.activeElement.closest && document.activeElement.closest(".chg"))) hideTip();
  });
  window.addEventListener("scroll", () => {
    const el = document.activeElement && document.activeElement.closest && document.activeElement.closest(".chg");
    if (el) showTip(el); else hideTip();
  }, { passive: true });

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const t = event.target;
    if (t.matches && t.matches("select, textarea, input:not([type=checkbox])")) return;
    const key = event.key;
    if (key === "n" || key === "j") step(1);
    else if (key === "p" || key === "k") step(-1);
    else if (key === "x" && current) {
      const [d, k] = current;
      setDecision(d, k, !decisions[d][k]);
      updateTally();
    } else if (key === "o" && current) {
      const details = $(`doc-${current[0]}`);
      if (details && details.open) details.open = false; else focusChange(...current);
    } else return;
    event.preventDefault();
  });

  renderSummary();
  renderPage();
  updateTally();
})();
