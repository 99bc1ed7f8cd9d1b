// Lasso-path explorer: the exact path is piecewise linear in alpha, so the
// weights at any alpha are a linear interpolation between two knots.
(function () {
  "use strict";
  var ns = (window.sparsityExplorers = window.sparsityExplorers || {});
  if (ns.path) {
    return;
  }
  var core = ns.core;

  // Weights at alpha: knots are data.alphas (decreasing) with data.coefs[k]
  // the weights at knot k. A weight that is zero at both ends of a stretch
  // is exactly 0 on the whole stretch.
  function coefAt(data, alpha) {
    var A = data.alphas;
    var W = data.coefs;
    var last = A.length - 1;
    var lo = 0;
    var hi = last;
    var mid, tau;
    if (alpha >= A[0]) {
      return W[0].slice();
    }
    if (alpha <= A[last]) {
      return W[last].slice();
    }
    while (hi - lo > 1) {
      mid = (lo + hi) >> 1;
      if (A[mid] >= alpha) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    tau = (A[lo] - alpha) / (A[lo] - A[hi]);
    return W[lo].map(function (w, j) {
      return w + tau * (W[hi][j] - w);
    });
  }

  function events(data, k) {
    var W = data.coefs;
    var words = [];
    data.names.forEach(function (name, j) {
      var before = k > 0 ? W[k - 1][j] : 0;
      var after = k + 1 < W.length ? W[k + 1][j] : W[k][j];
      if (W[k][j] === 0 && after !== 0) {
        words.push(name + " enters");
      } else if (W[k][j] === 0 && before !== 0) {
        words.push(name + " leaves");
      }
    });
    return words;
  }

  function mount(root, data) {
    var S = core.svg;
    var H = core.html;
    var p = data.names.length;
    var hi = data.range[0];
    var lo = data.range[1];
    var steps = 1000;
    var state = { alpha: data.alpha };
    var width = 480;
    var height = 250;
    var left = 52;
    var right = 12;
    var top = 10;
    var bottom = 36;
    var logHi = Math.log(hi);
    var logLo = Math.log(lo);
    function X(alpha) {
      return left + ((logHi - Math.log(alpha)) / (logHi - logLo)) * (width - left - right);
    }
    var grid = [];
    var k, j;
    for (k = 0; k <= 240; k += 1) {
      grid.push(Math.exp(logHi + ((logLo - logHi) * k) / 240));
    }
    data.alphas.forEach(function (a) {
      if (a > lo && a < hi) {
        grid.push(a);
      }
    });
    grid.sort(function (u, v) {
      return v - u;
    });
    var curves = grid.map(function (a) {
      return coefAt(data, a);
    });
    var ymin = 0;
    var ymax = 0;
    curves.forEach(function (w) {
      w.forEach(function (v) {
        ymin = Math.min(ymin, v);
        ymax = Math.max(ymax, v);
      });
    });
    var span = ymax - ymin || 1;
    ymin -= 0.06 * span;
    ymax += 0.06 * span;
    function Y(v) {
      return top + ((ymax - v) / (ymax - ymin)) * (height - top - bottom);
    }

    var box = H("div", { class: "sx-panels" }, root);
    var plotBox = H("div", { class: "sx-plotbox" }, box);
    var side = H("div", { class: "sx-side" }, box);
    var svgNode = S("svg", {
      viewBox: "0 0 " + width + " " + height,
      class: "sx-plot sx-wide",
      role: "img",
      "aria-label": "Lasso path: each weight against alpha on a reversed log axis, " +
        "with a vertical line at the chosen alpha",
    }, plotBox);
    S("rect", {
      x: left, y: top, width: width - left - right, height: height - top - bottom, class: "sx-frame",
    }, svgNode);
    var e10;
    for (e10 = Math.ceil(Math.log10(lo)); e10 <= Math.floor(Math.log10(hi)); e10 += 1) {
      var xt = X(Math.pow(10, e10));
      S("line", { x1: xt, x2: xt, y1: top, y2: height - bottom, class: "sx-grid" }, svgNode);
      S("text", { x: xt, y: height - bottom + 13, class: "sx-tick" }, svgNode,
        e10 >= 0 ? String(Math.pow(10, e10)) : Math.pow(10, e10).toFixed(-e10));
    }
    data.alphas.forEach(function (a) {
      if (a > lo && a < hi) {
        S("line", {
          x1: X(a), x2: X(a), y1: height - bottom, y2: height - bottom - 6, class: "sx-knot",
        }, svgNode);
      }
    });
    S("line", { x1: left, x2: width - right, y1: Y(0), y2: Y(0), class: "sx-axis" }, svgNode);
    S("text", { x: (left + width - right) / 2, y: height - 4, class: "sx-label" }, svgNode,
      data.xlabel);
    S("text", {
      x: 12, y: (top + height - bottom) / 2, class: "sx-label",
      transform: "rotate(-90 12 " + (top + height - bottom) / 2 + ")",
    }, svgNode, data.ylabel);
    var raw = (ymax - ymin) / 5;
    var unit = Math.pow(10, Math.floor(Math.log10(raw)));
    var step = [1, 2, 5, 10].map(function (m) { return m * unit; }).filter(function (v) {
      return v >= raw;
    })[0];
    var v;
    for (v = Math.ceil(ymin / step) * step; v <= ymax; v += step) {
      S("text", { x: left - 4, y: Y(v) + 3, class: "sx-tick sx-end" }, svgNode,
        core.number(Math.abs(v) < 1e-9 * step ? 0 : v, step < 1 ? 1 : 0));
    }
    for (j = 0; j < p; j += 1) {
      S("polyline", {
        points: grid.map(function (a, i) {
          return X(a).toFixed(2) + "," + Y(curves[i][j]).toFixed(2);
        }).join(" "),
        class: "sx-curve" + (data.dashed[j] ? " sx-dashed" : ""),
        stroke: data.colors[j],
      }, svgNode);
    }
    var cursor = S("line", { y1: top, y2: height - bottom, class: "sx-cursor" }, svgNode);
    var dots = data.names.map(function (name, i) {
      return S("circle", { r: 3.2, class: "sx-dot", fill: data.colors[i] }, svgNode);
    });

    var controls = H("div", { class: "sx-controls" }, root);
    function toAlpha(pos) {
      return Math.exp(logHi + ((logLo - logHi) * pos) / steps);
    }
    function toPos(alpha) {
      return Math.round(((logHi - Math.log(alpha)) / (logHi - logLo)) * steps);
    }
    var slider = core.slider(controls, {
      label: "alpha (Lasso scale)", min: 0, max: steps, step: 1, value: toPos(state.alpha),
      shown: state.alpha,
      aria: "the penalty; to the right it is smaller",
      read: toAlpha,
      format: function (v) { return v.toPrecision(4); },
      onInput: function (v) { state.alpha = v; update(); },
    });
    var buttons = H("div", { class: "sx-buttons" }, controls);
    var prev = H("button", { type: "button", "aria-label": "previous knot: larger alpha" }, buttons,
      "\u25c0 previous knot");
    var next = H("button", { type: "button", "aria-label": "next knot: smaller alpha" }, buttons,
      "next knot \u25b6");
    var knots = data.alphas.filter(function (a) {
      return a >= lo && a <= hi;
    });
    prev.addEventListener("click", function () {
      var cands = knots.filter(function (a) { return a > state.alpha * (1 + 1e-12); });
      if (cands.length) {
        setAlpha(cands[cands.length - 1]);
      }
    });
    next.addEventListener("click", function () {
      var cands = knots.filter(function (a) { return a < state.alpha * (1 - 1e-12); });
      if (cands.length) {
        setAlpha(cands[0]);
      }
    });

    var table = H("table", { class: "sx-table" }, side);
    H("caption", {}, table, data.caption);
    var headRow = H("tr", {}, H("thead", {}, table));
    H("th", { scope: "col" }, headRow, "feature");
    H("th", { scope: "col" }, headRow, "weight");
    var body = H("tbody", {}, table);
    var cells = data.names.map(function (name, i) {
      var row = H("tr", {}, body);
      var th = H("th", { scope: "row" }, row);
      var sw = H("span", { class: "sx-swatch", "aria-hidden": "true" }, th);
      sw.style.background = data.colors[i];
      th.appendChild(document.createTextNode(name));
      return H("td", {}, row);
    });
    var live = H("p", { class: "sx-readout", "aria-live": "polite" }, root);
    H("p", { class: "sx-help" }, root,
      "Drag the slider or use the arrow keys on it; the buttons jump to the knots, " +
      "where features enter and leave. Between knots every weight is a linear " +
      "interpolation of the exact knots; an exact zero prints as a bare 0.");

    var current = [];
    function update() {
      var w = coefAt(data, state.alpha);
      var x = X(Math.min(hi, Math.max(lo, state.alpha)));
      current = w;
      cursor.setAttribute("x1", x);
      cursor.setAttribute("x2", x);
      w.forEach(function (v, i) {
        dots[i].setAttribute("cx", x);
        dots[i].setAttribute("cy", Y(v));
        cells[i].textContent = core.weight(v, 3);
      });
      var nonzero = w.filter(function (v) { return v !== 0; }).length;
      var text = "alpha = " + state.alpha.toPrecision(4) + ": " + nonzero + " of " + p +
        " weights non-zero.";
      var at = data.alphas.indexOf(state.alpha);
      if (at >= 0) {
        var words = events(data, at);
        text += " At a knot" + (words.length ? ": " + words.join(", ") + "." : ".");
      }
      live.textContent = text;
    }
    function setAlpha(alpha) {
      state.alpha = alpha;
      slider.input.value = String(toPos(alpha));
      slider.show(alpha);
      update();
    }
    update();
    return {
      kind: "path",
      alpha: function () { return state.alpha; },
      coef: function () { return current.slice(); },
      setAlpha: setAlpha,
    };
  }

  ns.path = { coefAt: coefAt, events: events, mount: mount };
})();
