"use strict";
/*
 * The GovPulse dashboard: live warnings (Server-Sent Events, resumed by the browser with Last-Event-ID), an indicator
 * chart with actuals, forecast and interval bands, the scorecard by tier, and data-quality findings. Every number
 * comes from the API with the key given in the URL fragment (#key=...) or typed in, kept in this browser only.
 */
(() => {
  const EVENT_TYPES = ["raised", "escalated", "deescalated", "acknowledged", "resolved", "auto_resolved", "reopened"];
  const state = {
    lang: localStorage.getItem("govpulse.lang") || "zh",
    key: null, regions: {}, indicators: {}, warnings: new Map(), stream: null, lastSequence: 0,
    scorecard: null, findings: [], chart: null
  };
  const $ = id => document.getElementById(id);
  const t = k => (I18N[state.lang] && I18N[state.lang][k]) || k;
  const zh = () => state.lang === "zh";

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") e.className = v; else if (k.startsWith("data-")) e.setAttribute(k, v); else e[k] = v;
    }
    for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(c == null ? "" : String(c)));
    return e;
  }

  async function api(path) {
    const res = await fetch(path, { headers: { "Authorization": "Bearer " + state.key, "Accept": "application/json" } });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) {
      const err = new Error(body.detail || res.statusText);
      err.status = res.status;
      throw err;
    }
    return body;
  }

  function applyLanguage() {
    document.documentElement.lang = zh() ? "zh-CN" : "en";
    document.title = zh() ? "GovPulse 政务绩效预警" : "GovPulse performance and warnings";
    document.querySelectorAll("[data-i18n]").forEach(e => { e.textContent = t(e.dataset.i18n); });
    $("lang").textContent = t("switchTo");
    setStatus($("stream-status").dataset.state);
    fillSelectors();
    renderWarnings();
    renderScorecard();
    renderFindings();
    renderChartNote();
  }

  function setStatus(s) {
    const e = $("stream-status");
    e.dataset.state = s;
    e.textContent = t(s);
  }

  const regionName = code => { const r = state.regions[code]; return r ? (zh() ? r.name_zh : r.name_en) : (code || ""); };
  const indicatorName = code => { const i = state.indicators[code]; return i ? (zh() ? i.name_zh : i.name_en) : (code || ""); };

  // ---- warnings -------------------------------------------------------------------------------------------------
  function warningItem(w, fresh) {
    const li = el("li", { "data-warning-id": w.warning_id, "data-level": w.level, "data-status": w.status,
      class: fresh ? "fresh" : "" });
    li.append(el("div", { class: "wtitle" }, el("span", { class: "badge " + w.level }, t(w.level)),
      zh() ? w.title_zh : w.title_en));
    li.append(el("div", { class: "wmeta" }, [regionName(w.region_code), t(w.status), w.period,
      (w.updated_at || "").replace("T", " ").slice(0, 16)].filter(Boolean).join(" · ")));
    return li;
  }

  function renderWarnings() {
    const list = $("warnings-list");
    list.textContent = "";
    const level = $("level-filter").value;
    const items = [...state.warnings.values()].filter(w => !level || w.level === level).sort((a, b) => (b.updated_at || "").localeCompare(a.updated_at || ""));
    for (const w of items) list.append(warningItem(w, w._fresh));
    $("warnings-count").textContent = items.length + " " + t("items");
  }

  function onEvent(ev) {
    const data = JSON.parse(ev.data);
    state.lastSequence = Math.max(state.lastSequence, data.sequence || 0);
    const summary = data.warning || { warning_id: data.warning_id };
    const known = state.warnings.get(data.warning_id) || {};
    const w = Object.assign({}, known, summary, { level: data.level, status: data.status, updated_at: data.at, _fresh: true });
    state.warnings.set(w.warning_id, w);
    renderWarnings();
    w._fresh = false;
  }

  function connectStream() {
    if (state.stream) state.stream.close();
    setStatus("connecting");
    const url = "/api/v1/warnings/stream?api_key=" + encodeURIComponent(state.key) + "&last_event_id=" + state.lastSequence;
    const es = new EventSource(url);
    es.onopen = () => setStatus("live");
    es.onerror = () => setStatus(es.readyState === EventSource.CLOSED ? "offline" : "connecting");
    EVENT_TYPES.forEach(type => es.addEventListener(type, onEvent));
    state.stream = es;
  }

  // ---- chart --------------------------------------------------------------------------------------------------
  function fillSelectors() {
    const rs = $("region-select"), is = $("indicator-select");
    const r = rs.value, i = is.value;
    rs.textContent = "";
    Object.values(state.regions).forEach(x => rs.append(el("option", { value: x.region_code }, regionName(x.region_code))));
    is.textContent = "";
    Object.values(state.indicators).forEach(x => is.append(el("option", { value: x.indicator_code }, indicatorName(x.indicator_code))));
    if (r) rs.value = r;
    if (i) is.value = i;
  }

  async function loadChart() {
    const region = $("region-select").value, indicator = $("indicator-select").value;
    if (!region || !indicator) return;
    let actuals = [], forecast = [], note = "";
    try {
      const s = await api(`/api/v1/series/${encodeURIComponent(region)}/${encodeURIComponent(indicator)}`);
      actuals = s.points.map(p => ({ period: p.period, value: p.value, target: p.target_value }));
    } catch (e) { note = t("noData"); }
    try {
      const f = await api(`/api/v1/forecasts/${encodeURIComponent(region)}/${encodeURIComponent(indicator)}`);
      forecast = f.steps;
    } catch (e) { if (!note) note = t("noForecast"); }
    const last = actuals.length ? actuals[actuals.length - 1] : null;
    state.chart = { region, indicator, note, points: actuals.length, steps: forecast.length };
    Chart.draw($("chart"), actuals, forecast, last ? last.target : null);
    $("chart").dataset.points = actuals.length;
    $("chart").dataset.steps = forecast.length;
    renderChartNote();
  }

  function renderChartNote() {
    if (!state.chart) return;
    const i = state.indicators[state.chart.indicator];
    $("chart-note").textContent = state.chart.note || (i ? indicatorName(i.indicator_code) + " · " + i.unit : "");
  }

  // ---- scorecard and findings ---------------------------------------------------------------------------------
  function renderScorecard() {
    const box = $("scorecard");
    if (!state.scorecard) return;
    box.textContent = "";
    $("scorecard-year").textContent = state.scorecard.period || "";
    const byTier = {};
    state.scorecard.items.forEach(r => (byTier[r.tier || "-"] = byTier[r.tier || "-"] || []).push(r));
    for (const tier of Object.keys(byTier).sort()) {
      const rows = byTier[tier].sort((a, b) => (a.rank_in_tier || a.rank) - (b.rank_in_tier || b.rank));
      const table = el("table", {}, el("tr", {}, el("th", {}, t("rank")), el("th", {}, t("region")),
        el("th", {}, t("score")), el("th", {}, ""), el("th", {}, t("rankBand"))));
      for (const r of rows) {
        table.append(el("tr", { "data-entity": r.entity_code }, el("td", {}, r.rank_in_tier || r.rank),
          el("td", {}, regionName(r.entity_code)), el("td", {}, r.score.toFixed(1)),
          el("td", {}, el("div", { class: "bar", style: "" })), el("td", {}, r.rank_p05 + "–" + r.rank_p95)));
        table.lastChild.querySelector(".bar").style.width = Math.max(2, r.score) + "px";
      }
      box.append(el("div", { class: "tier", "data-tier": tier }, el("h3", {}, t("tier") + " " + tier), table));
    }
  }

  function renderFindings() {
    const list = $("findings");
    list.textContent = "";
    for (const f of state.findings.slice(0, 30)) {
      list.append(el("li", { "data-finding-id": f.finding_id }, el("span", { class: "badge " + f.severity }, t(f.severity)),
        f.kind.replace(/_/g, " "), " · ", regionName(f.region_code), f.indicator_code ? " · " + indicatorName(f.indicator_code) : "",
        el("div", { class: "wmeta" }, f.evidence)));
    }
    $("findings-count").textContent = state.findings.length + " " + t("items");
  }

  // ---- start ----------------------------------------------------------------------------------------------------
  async function start() {
    $("key-error").textContent = "";
    try {
      await api("/api/v1/me");
    } catch (e) {
      $("key-form").hidden = false;
      $("board").hidden = true;
      $("key-error").textContent = t("badKey") + e.message;
      return;
    }
    $("key-form").hidden = true;
    $("board").hidden = false;
    const [regions, indicators, feed, scorecard, findings] = await Promise.all([
      api("/api/v1/regions"), api("/api/v1/indicators"), api("/api/v1/warnings?status=open,acknowledged&limit=200"),
      api("/api/v1/scorecards?scope=region").catch(() => null), api("/api/v1/findings").catch(() => ({ items: [] }))]);
    regions.items.forEach(r => { state.regions[r.region_code] = r; });
    indicators.items.forEach(i => { state.indicators[i.indicator_code] = i; });
    feed.items.forEach(w => state.warnings.set(w.warning_id, w));
    state.lastSequence = feed.last_sequence || 0;
    state.scorecard = scorecard;
    state.findings = findings.items;
    fillSelectors();
    const risky = feed.items.find(w => w.kind === "target_risk" && w.indicator_code);
    if (risky) {
      $("region-select").value = risky.region_code;
      $("indicator-select").value = risky.indicator_code;
    }
    applyLanguage();
    connectStream();
    await loadChart();
  }

  $("lang").addEventListener("click", () => {
    state.lang = zh() ? "en" : "zh";
    localStorage.setItem("govpulse.lang", state.lang);
    applyLanguage();
  });
  $("level-filter").addEventListener("change", renderWarnings);
  $("region-select").addEventListener("change", loadChart);
  $("indicator-select").addEventListener("change", loadChart);
  $("key-form").addEventListener("submit", ev => {
    ev.preventDefault();
    state.key = $("key-input").value.trim();
    localStorage.setItem("govpulse.key", state.key);
    start();
  });

  const fromHash = new URLSearchParams(location.hash.slice(1)).get("key");
  if (fromHash) {
    localStorage.setItem("govpulse.key", fromHash);
    history.replaceState(null, "", location.pathname);
  }
  state.key = fromHash || localStorage.getItem("govpulse.key");
  document.querySelectorAll("[data-i18n]").forEach(e => { e.textContent = t(e.dataset.i18n); });
  $("lang").textContent = t("switchTo");
  if (state.key) start(); else $("key-form").hidden = false;
})();
