// sparsity explorers: shared helpers. Plain JavaScript, no dependencies.
// Everything lives in one global namespace, window.sparsityExplorers, so that
// several explorers (and several copies of this file) on one page never clash.
(function () {
  "use strict";
  var ns = (window.sparsityExplorers = window.sparsityExplorers || {});
  if (ns.core) {
    return;
  }
  var SVG = "http://www.w3.org/2000/svg";
  var EPS = 2.220446049250313e-16;
  var counter = 0;

  // A page-unique id: explorers build their ids when they mount, so two
  // identical explorers on one page still get different ids.
  function uid(prefix) {
    counter += 1;
    return "sparsity-" + prefix + "-" + counter;
  }

  function setAttrs(node, attrs) {
    var key;
    for (key in attrs) {
      if (Object.prototype.hasOwnProperty.call(attrs, key)) {
        node.setAttribute(key, attrs[key]);
      }
    }
    return node;
  }

  function html(tag, attrs, parent, text) {
    var node = setAttrs(document.createElement(tag), attrs || {});
    if (text !== undefined) {
      node.textContent = text;
    }
    if (parent) {
      parent.appendChild(node);
    }
    return node;
  }

  function svg(tag, attrs, parent, text) {
    var node = setAttrs(document.createElementNS(SVG, tag), attrs || {});
    if (text !== undefined) {
      node.textContent = text;
    }
    if (parent) {
      parent.appendChild(node);
    }
    return node;
  }

  // A weight as the book prints it: an exact zero is a bare 0; anything else
  // keeps its sign and decimals (a tiny weight prints as +0.000, not 0).
  function weight(x, digits) {
    if (x === 0) {
      return "0";
    }
    return (x < 0 ? "\u2212" : "+") + Math.abs(x).toFixed(digits);
  }

  function number(x, digits) {
    var s = x.toFixed(digits);
    return x < 0 ? "\u2212" + s.slice(1) : s;
  }

  // Brent's root finder on [a, b], where f(a) and f(b) have opposite signs
  // (or one is zero); it stops at adjacent floating-point numbers.
  function brent(f, a, b) {
    var fa = f(a);
    var fb = f(b);
    var c, fc, d, e, tol, m, p, q, r, s, k;
    if (fa === 0) {
      return a;
    }
    if (fb === 0) {
      return b;
    }
    if ((fa > 0) === (fb > 0)) {
      throw new Error("brent: the root is not bracketed");
    }
    c = a;
    fc = fa;
    d = b - a;
    e = d;
    for (k = 0; k < 400; k += 1) {
      if ((fb > 0) === (fc > 0)) {
        c = a;
        fc = fa;
        d = b - a;
        e = d;
      }
      if (Math.abs(fc) < Math.abs(fb)) {
        a = b;
        b = c;
        c = a;
        fa = fb;
        fb = fc;
        fc = fa;
      }
      tol = 2 * EPS * Math.abs(b) + 1e-300;
      m = 0.5 * (c - b);
      if (Math.abs(m) <= tol || fb === 0) {
        return b;
      }
      if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
        s = fb / fa;
        if (a === c) {
          p = 2 * m * s;
          q = 1 - s;
        } else {
          q = fa / fc;
          r = fb / fc;
          p = s * (2 * m * q * (q - r) - (b - a) * (r - 1));
          q = (q - 1) * (r - 1) * (s - 1);
        }
        if (p > 0) {
          q = -q;
        } else {
          p = -p;
        }
        if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
          e = d;
          d = p / q;
        } else {
          d = m;
          e = m;
        }
      } else {
        d = m;
        e = m;
      }
      a = b;
      fa = fb;
      b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
      fb = f(b);
    }
    return b;
  }

  // Eigen-decomposition of a symmetric 2x2 matrix by one Jacobi rotation:
  // Q = V diag(d) V^T, V = [[cos, -sin], [sin, cos]], d[0] >= d[1] > 0.
  function eig2(Q) {
    var a = Q[0][0];
    var b = 0.5 * (Q[0][1] + Q[1][0]);
    var c = Q[1][1];
    var theta = 0.5 * Math.atan2(2 * b, a - c);
    var mean = 0.5 * (a + c);
    var radius = Math.hypot(0.5 * (a - c), b);
    var big = mean + radius;
    var small = (a * c - b * b) / big;
    var co = Math.cos(theta);
    var si = Math.sin(theta);
    return { d: [big, small], V: [[co, -si], [si, co]], angle: theta };
  }

  // Numeric input helper: a labelled range slider with its value printed.
  function slider(parent, opts) {
    var id = uid("slider");
    var row = html("div", { class: "sx-control" }, parent);
    html("label", { for: id }, row, opts.label);
    var input = html("input", {
      type: "range",
      id: id,
      min: String(opts.min),
      max: String(opts.max),
      step: String(opts.step),
      // the accessible name starts with the visible label (WCAG "label in name")
      "aria-label": opts.aria ? opts.label + ": " + opts.aria : opts.label,
    }, row);
    var out = html("output", { for: id, "aria-hidden": "true" }, row);
    input.value = String(opts.value);
    function show(v) {
      var text = opts.format ? opts.format(v) : String(v);
      out.textContent = text;
      input.setAttribute("aria-valuetext", text);
    }
    show(opts.shown !== undefined ? opts.shown : opts.value);
    input.addEventListener("input", function () {
      var v = opts.read ? opts.read(Number(input.value)) : Number(input.value);
      show(v);
      opts.onInput(v);
    });
    return { input: input, show: show, row: row };
  }

  // Pointer position in the user coordinates of an SVG element.
  function pointerIn(svgNode, event) {
    var point = svgNode.createSVGPoint();
    var matrix = svgNode.getScreenCTM();
    point.x = event.clientX;
    point.y = event.clientY;
    if (!matrix) {
      return null;
    }
    point = point.matrixTransform(matrix.inverse());
    return [point.x, point.y];
  }

  // Mount every explorer below `scope` that has not been mounted yet.
  function mount(root) {
    var dataNode, data, kind;
    if (!root || root.getAttribute("data-mounted") === "true") {
      return null;
    }
    dataNode = root.querySelector("script.sx-data");
    data = JSON.parse(dataNode.textContent);
    kind = data.kind;
    if (!ns[kind] || !ns[kind].mount) {
      return null;
    }
    root.setAttribute("data-mounted", "true");
    var fallback = root.querySelector(".sx-fallback");
    if (fallback) {
      fallback.parentNode.removeChild(fallback);
    }
    root.sparsityExplorer = ns[kind].mount(root, data);
    return root.sparsityExplorer;
  }

  // Called by the inline script that follows each explorer's markup.
  function boot(script) {
    var root = script && script.closest ? script.closest(".sparsity-explorer") : null;
    var all, k;
    if (!root) {
      all = document.querySelectorAll(".sparsity-explorer:not([data-mounted])");
      for (k = 0; k < all.length; k += 1) {
        mount(all[k]);
      }
      return;
    }
    mount(root);
  }

  ns.core = {
    uid: uid,
    html: html,
    svg: svg,
    weight: weight,
    number: number,
    brent: brent,
    eig2: eig2,
    slider: slider,
    pointerIn: pointerIn,
    mount: mount,
    boot: boot,
  };
})();
