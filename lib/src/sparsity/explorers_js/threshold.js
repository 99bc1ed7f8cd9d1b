// Thresholding explorer: one weight of an orthogonal design with
// X^T X = n I (standardised columns), on scikit-learn's scales:
//   Lasso(alpha): soft-thresholding S(w_ols, alpha);
//   hard thresholding at alpha (the L0 penalty alpha^2 / 2 [w != 0]);
//   Ridge(alpha): w_ols * n / (n + alpha).
(function () {
  "use strict";
  var ns = (window.sparsityExplorers = window.sparsityExplorers || {});
  if (ns.threshold) {
    return;
  }
  var core = ns.core;

  function soft(z, alpha) {
    return Math.sign(z) * Math.max(Math.abs(z) - alpha, 0);
  }

  function hard(z, alpha) {
    return Math.abs(z) > alpha ? z : 0;
  }

  function ridge(z, alpha, n) {
    return (z * n) / (n + alpha);
  }

  function mount(root, data) {
    var S = core.svg;
    var H = core.html;
    var state = { z: data.z, alpha: data.alpha, ridge: data.ridge_alpha };
    var lim = data.zlim;
    var size = 300;
    var pad = 26;
    var bottom = 40;
    var scale = (size - 2 * pad) / (2 * lim);
    function X(x) {
      return pad + (x + lim) * scale;
    }
    function Y(y) {
      return pad + (lim - y) * scale;
    }
    function line(points) {
      return points.map(function (v) {
        return X(v[0]).toFixed(2) + "," + Y(v[1]).toFixed(2);
      }).join(" ");
    }
    var box = H("div", { class: "sx-panels" }, root);
    var fig = H("div", { class: "sx-panel sx-panel-wide" }, box);
    var svgNode = S("svg", {
      viewBox: "0 0 " + size + " " + (size - pad + bottom),
      class: "sx-plot",
      role: "img",
      "aria-label": "Soft thresholding, hard thresholding and ridge shrinkage of one " +
        "weight, against its least-squares value, with the chosen value marked",
    }, fig);
    S("rect", { x: pad, y: pad, width: size - 2 * pad, height: size - 2 * pad, class: "sx-frame" },
      svgNode);
    var band = S("rect", { y: pad, height: size - 2 * pad, class: "sx-band" }, svgNode);
    var tick;
    for (tick = -Math.floor(lim); tick <= Math.floor(lim); tick += 1) {
      S("text", { x: X(tick), y: size - pad + 12, class: "sx-tick" }, svgNode, core.number(tick, 0));
      S("text", { x: pad - 4, y: Y(tick) + 3, class: "sx-tick sx-end" }, svgNode,
        core.number(tick, 0));
    }
    S("line", { x1: X(-lim), x2: X(lim), y1: Y(0), y2: Y(0), class: "sx-axis" }, svgNode);
    S("line", { x1: X(0), x2: X(0), y1: Y(-lim), y2: Y(lim), class: "sx-axis" }, svgNode);
    S("text", { x: size / 2, y: size - pad + bottom - 6, class: "sx-label" }, svgNode, data.xlabel);
    S("polyline", {
      points: line([[-lim, -lim], [lim, lim]]), class: "sx-curve sx-dashed", stroke: data.colors.ols,
    }, svgNode);
    var guide = S("line", { y1: pad, y2: size - pad, class: "sx-cursor" }, svgNode);
    // drawn in this order: the lasso's curve and its (larger) dot stay
    // visible under the others where the rules agree
    var rules = [
      { key: "soft", name: data.names.soft, color: data.colors.soft, width: 3.2, r: 6.5 },
      { key: "hard", name: data.names.hard, color: data.colors.hard, width: 1.6, r: 4 },
      { key: "ridge", name: data.names.ridge, color: data.colors.ridge, width: 1.8, r: 4 },
    ];
    rules.forEach(function (r) {
      r.curve = S("g", { stroke: r.color, "stroke-width": r.width, class: "sx-rule" }, svgNode);
    });
    rules.forEach(function (r) {
      r.dot = S("circle", { r: r.r, class: "sx-point", fill: r.color }, svgNode);
    });
    var legend = H("div", { class: "sx-legend" }, fig);
    rules.forEach(function (r) {
      var item = H("span", {}, legend);
      var sw = H("span", { class: "sx-swatch", "aria-hidden": "true" }, item);
      sw.style.background = r.color;
      item.appendChild(document.createTextNode(r.name));
    });

    var side = H("div", { class: "sx-panel sx-panel-wide" }, box);
    var table = H("table", { class: "sx-table" }, side);
    H("caption", {}, table, data.caption);
    var body = H("tbody", {}, table);
    function row(name) {
      var tr = H("tr", {}, body);
      H("th", { scope: "row" }, tr, name);
      return H("td", {}, tr);
    }
    var zCell = row(data.names.ols);
    rules.forEach(function (r) {
      r.cell = row(r.name);
    });
    var controls = H("div", { class: "sx-controls" }, side);
    var sliders = {};
    sliders.z = core.slider(controls, {
      label: data.labels.z, min: -lim, max: lim, step: 0.01, value: state.z,
      format: function (v) { return core.number(v, 2); },
      onInput: function (v) { state.z = v; update(); },
    });
    sliders.alpha = core.slider(controls, {
      label: data.labels.alpha, min: data.ranges.alpha[0], max: data.ranges.alpha[1], step: 0.01,
      value: state.alpha, format: function (v) { return v.toFixed(2); },
      onInput: function (v) { state.alpha = v; update(); },
    });
    sliders.ridge = core.slider(controls, {
      label: data.labels.ridge, min: data.ranges.ridge[0], max: data.ranges.ridge[1], step: 1,
      value: state.ridge, format: function (v) { return v.toFixed(0); },
      onInput: function (v) { state.ridge = v; update(); },
    });
    var live = H("p", { class: "sx-readout", "aria-live": "polite" }, root);
    H("p", { class: "sx-help" }, root,
      "Move the sliders (or focus one and use the arrow keys). The grey band is " +
      "|w_ols| \u2264 alpha, where both thresholding rules return exactly 0; " +
      "ridge multiplies every weight by n / (n + alpha) and returns 0 only for w_ols = 0.");

    var current = {};
    function update() {
      var a = state.alpha;
      var f = data.n / (data.n + state.ridge);
      band.setAttribute("x", X(-a));
      band.setAttribute("width", Math.max(0, X(a) - X(-a)));
      guide.setAttribute("x1", X(state.z));
      guide.setAttribute("x2", X(state.z));
      var shapes = {
        soft: [[[-lim, soft(-lim, a)], [-a, 0], [a, 0], [lim, soft(lim, a)]]],
        hard: [[[-lim, hard(-lim, a)], [-a, -a]], [[-a, 0], [a, 0]], [[a, a], [lim, hard(lim, a)]]],
        ridge: [[[-lim, -lim * f], [lim, lim * f]]],
      };
      current = {
        z: state.z,
        soft: soft(state.z, a),
        hard: hard(state.z, a),
        ridge: ridge(state.z, state.ridge, data.n),
      };
      zCell.textContent = core.weight(state.z, 3);
      rules.forEach(function (r) {
        while (r.curve.firstChild) {
          r.curve.removeChild(r.curve.firstChild);
        }
        shapes[r.key].forEach(function (pts) {
          S("polyline", { points: line(pts), class: "sx-line" }, r.curve);
        });
        r.dot.setAttribute("cx", X(state.z));
        r.dot.setAttribute("cy", Y(current[r.key]));
        r.cell.textContent = core.weight(current[r.key], 3);
      });
      live.textContent = data.names.ols + " " + core.weight(state.z, 3) + ", alpha " +
        a.toFixed(2) + ", ridge alpha " + state.ridge.toFixed(0) + ": " +
        rules.map(function (r) {
          return r.name + " " + core.weight(current[r.key], 3);
        }).join(", ") + ".";
    }
    update();
    return {
      kind: "threshold",
      values: function () {
        return { z: current.z, soft: current.soft, hard: current.hard, ridge: current.ridge };
      },
      set: function (values) {
        ["z", "alpha", "ridge"].forEach(function (key) {
          if (values[key] !== undefined) {
            state[key] = values[key];
            sliders[key].input.value = String(values[key]);
            sliders[key].show(values[key]);
          }
        });
        update();
      },
    };
  }

  ns.threshold = { soft: soft, hard: hard, ridge: ridge, mount: mount };
})();
