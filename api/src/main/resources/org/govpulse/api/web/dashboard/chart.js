"use strict";
/*
 * A line chart in SVG, written for the dashboard (no library): actual values, the forecast with its 80% and 95%
 * interval bands, and the annual target when one applies.
 */
const Chart = (() => {
  const NS = "http://www.w3.org/2000/svg";
  const W = 800, H = 320, M = { left: 64, right: 16, top: 14, bottom: 38 };

  function node(tag, attrs, text) {
    const e = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text != null) e.textContent = text;
    return e;
  }

  /** Round tick values covering [lo, hi]. */
  function ticks(lo, hi, count) {
    const span = hi - lo || Math.abs(hi) || 1;
    const raw = span / count;
    const mag = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = [1, 2, 2.5, 5, 10].map(f => f * mag).find(s => span / s <= count) || 10 * mag;
    const out = [];
    for (let v = Math.floor(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(+v.toPrecision(12));
    return out;
  }

  function format(v) {
    const a = Math.abs(v);
    if (a >= 1e8) return (v / 1e8).toFixed(1) + "e8";
    if (a >= 1e4) return Math.round(v).toLocaleString();
    if (a >= 100) return v.toFixed(0);
    return v.toFixed(a >= 10 ? 1 : 2);
  }

  /**
   * Draws into a container.
   * actuals: [{period, value}], forecast: [{period, point, lower_80, upper_80, lower_95, upper_95}],
   * target: a number or null.
   */
  function draw(container, actuals, forecast, target) {
    container.textContent = "";
    const periods = actuals.map(p => p.period).concat(forecast.map(s => s.period));
    if (periods.length === 0) return null;
    const values = actuals.map(p => p.value);
    forecast.forEach(s => values.push(s.lower_95, s.upper_95, s.point));
    if (target != null) values.push(target);
    const finite = values.filter(v => v != null && isFinite(v));
    let lo = Math.min(...finite), hi = Math.max(...finite);
    if (lo === hi) { lo -= 1; hi += 1; }
    const pad = (hi - lo) * 0.06;
    lo -= pad; hi += pad;
    const x = i => M.left + (periods.length === 1 ? 0 : i * (W - M.left - M.right) / (periods.length - 1));
    const y = v => M.top + (hi - v) * (H - M.top - M.bottom) / (hi - lo);
    const svg = node("svg", { viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: "none" });

    for (const t of ticks(lo, hi, 6)) {
      if (t < lo || t > hi) continue;
      svg.append(node("line", { class: "grid", x1: M.left, x2: W - M.right, y1: y(t), y2: y(t) }));
      svg.append(node("text", { class: "tick", x: M.left - 6, y: y(t) + 4, "text-anchor": "end" }, format(t)));
    }
    const every = Math.max(1, Math.ceil(periods.length / 10));
    periods.forEach((p, i) => {
      if (i % every === 0 || i === periods.length - 1) {
        svg.append(node("text", { class: "tick", x: x(i), y: H - M.bottom + 16, "text-anchor": "middle" }, p));
      }
    });
    svg.append(node("line", { class: "axis", x1: M.left, x2: M.left, y1: M.top, y2: H - M.bottom }));
    svg.append(node("line", { class: "axis", x1: M.left, x2: W - M.right, y1: H - M.bottom, y2: H - M.bottom }));

    const offset = actuals.length;
    const band = (lowKey, highKey, cls) => {
      if (forecast.length === 0) return;
      const top = forecast.map((s, i) => `${x(offset + i)},${y(s[highKey])}`);
      const bottom = forecast.map((s, i) => `${x(offset + i)},${y(s[lowKey])}`).reverse();
      if (offset > 0) {
        const last = `${x(offset - 1)},${y(actuals[offset - 1].value)}`;
        top.unshift(last);
        bottom.push(last);
      }
      svg.append(node("polygon", { class: cls, points: top.concat(bottom).join(" ") }));
    };
    band("lower_95", "upper_95", "band95");
    band("lower_80", "upper_80", "band80");
    if (target != null && isFinite(target)) {
      svg.append(node("line", { class: "target", x1: M.left, x2: W - M.right, y1: y(target), y2: y(target) }));
    }
    if (actuals.length > 0) {
      const d = actuals.map((p, i) => `${i ? "L" : "M"}${x(i)},${y(p.value)}`).join(" ");
      svg.append(node("path", { class: "actual", d }));
    }
    if (forecast.length > 0) {
      const start = offset > 0 ? [`M${x(offset - 1)},${y(actuals[offset - 1].value)}`] : [];
      const d = start.concat(forecast.map((s, i) => `${start.length || i ? "L" : "M"}${x(offset + i)},${y(s.point)}`));
      svg.append(node("path", { class: "forecast", d: d.join(" ") }));
    }
    container.append(svg);
    return svg;
  }

  return { draw, ticks };
})();
