// Contact-point explorer: the exact minimiser of (w - c)^T Q (w - c) over an
// L1, L2 or elastic-net ball in 2-D, and the figure that shows it.
// Elastic-net ball (scikit-learn's l1_ratio = a):
//   a ||w||_1 + (1 - a) / 2 ||w||_2^2 <= t.
(function () {
  "use strict";
  var ns = (window.sparsityExplorers = window.sparsityExplorers || {});
  if (ns.contact) {
    return;
  }
  var core = ns.core;

  function loss(c, Q, w) {
    var d0 = w[0] - c[0];
    var d1 = w[1] - c[1];
    return Q[0][0] * d0 * d0 + 2 * Q[0][1] * d0 * d1 + Q[1][1] * d1 * d1;
  }

  function ball(w, norm, a) {
    var l1 = Math.abs(w[0]) + Math.abs(w[1]);
    var l2sq = w[0] * w[0] + w[1] * w[1];
    if (norm === "l1") {
      return l1;
    }
    if (norm === "l2") {
      return Math.sqrt(l2sq);
    }
    return a * l1 + 0.5 * (1 - a) * l2sq;
  }

  // The radius at which the ball a |w|_1 + q |w|_2^2 <= t crosses an axis.
  function axisRadius(t, a, q) {
    return q === 0 ? t / a : (2 * t) / (a + Math.sqrt(a * a + 4 * q * t));
  }

  // The disc: secular equation in the eigenbasis of Q, one 1-D root.
  function solveL2(c, Q, t) {
    var e = core.eig2(Q);
    var V = e.V;
    var d = e.d;
    var z = [V[0][0] * c[0] + V[1][0] * c[1], V[0][1] * c[0] + V[1][1] * c[1]];
    function normAt(nu) {
      return Math.hypot((d[0] * z[0]) / (d[0] + nu), (d[1] * z[1]) / (d[1] + nu));
    }
    var hi = (d[0] * Math.hypot(c[0], c[1])) / t;
    var nu = core.brent(function (v) {
      return 1 / normAt(v) - 1 / t;
    }, 0, hi);
    var u0 = (d[0] * z[0]) / (d[0] + nu);
    var u1 = (d[1] * z[1]) / (d[1] + nu);
    var w = [V[0][0] * u0 + V[0][1] * u1, V[1][0] * u0 + V[1][1] * u1];
    var scale = t / Math.hypot(w[0], w[1]);
    return [w[0] * scale, w[1] * scale];
  }

  // Corner (s r, 0) (k = 0) or (0, s r) (k = 1) of the ball a |w|_1 + q |w|^2
  // <= t is optimal when minus the gradient lies in the corner's cone of
  // normals: G_k s >= 0 and |G_other| (a + 2 q r) <= a s G_k.
  function cornerOptimal(c, Q, w, k, s, a, q, r) {
    var g0 = 2 * (Q[0][0] * (c[0] - w[0]) + Q[0][1] * (c[1] - w[1]));
    var g1 = 2 * (Q[0][1] * (c[0] - w[0]) + Q[1][1] * (c[1] - w[1]));
    var along = k === 0 ? g0 : g1;
    var across = k === 0 ? g1 : g0;
    return s * along > 0 && Math.abs(across) * (a + 2 * q * r) <= a * s * along;
  }

  // Inside quadrant s, the ball is the smooth set h_s(w) = a s.w + q |w|^2 <=
  // t; its minimiser solves (Q + 2 q nu I) w = Q c - nu a s, nu > 0 chosen so
  // that h_s(w) = t. For q = 0 (the diamond) that is a closed form.
  function quadrantPoint(c, Q, t, a, q, s, e) {
    if (q === 0) {
      var det = Q[0][0] * Q[1][1] - Q[0][1] * Q[0][1];
      var v0 = (Q[1][1] * s[0] - Q[0][1] * s[1]) / det;
      var v1 = (Q[0][0] * s[1] - Q[0][1] * s[0]) / det;
      var lam = (s[0] * c[0] + s[1] * c[1] - t / a) / (s[0] * v0 + s[1] * v1);
      return [c[0] - lam * v0, c[1] - lam * v1];
    }
    var V = e.V;
    var d = e.d;
    var z = [V[0][0] * c[0] + V[1][0] * c[1], V[0][1] * c[0] + V[1][1] * c[1]];
    var sv = [V[0][0] * s[0] + V[1][0] * s[1], V[0][1] * s[0] + V[1][1] * s[1]];
    function at(nu) {
      return [
        (d[0] * z[0] - nu * a * sv[0]) / (d[0] + 2 * q * nu),
        (d[1] * z[1] - nu * a * sv[1]) / (d[1] + 2 * q * nu),
      ];
    }
    function excess(nu) {
      var u = at(nu);
      return a * (sv[0] * u[0] + sv[1] * u[1]) + q * (u[0] * u[0] + u[1] * u[1]) - t;
    }
    if (excess(0) <= 0) {
      return null;
    }
    var hi = 1;
    var k;
    for (k = 0; k < 2000 && excess(hi) > 0; k += 1) {
      hi *= 2;
    }
    var u = at(core.brent(excess, 0, hi));
    return [V[0][0] * u[0] + V[0][1] * u[1], V[1][0] * u[0] + V[1][1] * u[1]];
  }

  // The candidate point with the lowest loss (null when there is none).
  function lowestLoss(c, Q, candidates) {
    var best = null;
    var bestLoss = Infinity;
    var j, f;
    for (j = 0; j < candidates.length; j += 1) {
      f = loss(c, Q, candidates[j]);
      if (f < bestLoss) {
        best = candidates[j];
        bestLoss = f;
      }
    }
    return best;
  }

  // The pointed balls (diamond, elastic net): a corner if one is optimal,
  // otherwise the smooth piece of the boundary in one open quadrant.
  function solvePointed(c, Q, t, a, q) {
    var r = axisRadius(t, a, q);
    var e = q === 0 ? null : core.eig2(Q);
    var corners = [];
    var optimal = [];
    var smooth = [];
    var quadrants = [[1, 1], [-1, 1], [-1, -1], [1, -1]];
    var k, s, w, j;
    for (k = 0; k < 2; k += 1) {
      for (s = 1; s >= -1; s -= 2) {
        w = k === 0 ? [s * r, 0] : [0, s * r];
        corners.push(w);
        if (cornerOptimal(c, Q, w, k, s, a, q, r)) {
          optimal.push(w);
        }
      }
    }
    if (optimal.length) {
      return lowestLoss(c, Q, optimal);
    }
    for (j = 0; j < 4; j += 1) {
      s = quadrants[j];
      w = quadrantPoint(c, Q, t, a, q, s, e);
      if (w && s[0] * w[0] > 0 && s[1] * w[1] > 0) {
        smooth.push(w);
      }
    }
    if (smooth.length) {
      return lowestLoss(c, Q, smooth);
    }
    // rounding put the answer on no piece: it is (within rounding) a corner
    return lowestLoss(c, Q, corners);
  }

  // The exact minimiser of (w - c)^T Q (w - c) subject to g(w) <= t.
  // c: [c1, c2]; Q: [[q11, q12], [q21, q22]] symmetric positive definite;
  // t > 0; norm: "l1", "l2" or "enet"; a: l1_ratio in [0, 1] (enet only).
  function solve(c, Q, t, norm, a) {
    var q12 = 0.5 * (Q[0][1] + Q[1][0]);
    var S = [[Q[0][0], q12], [q12, Q[1][1]]];
    if (norm === "enet" && a === 1) {
      norm = "l1";
    }
    if (norm === "enet" && a === 0) {
      norm = "l2";
      t = Math.sqrt(2 * t);
    }
    if (ball(c, norm, a) <= t) {
      return [c[0], c[1]];
    }
    if (norm === "l2") {
      return solveL2(c, S, t);
    }
    if (norm === "l1") {
      return solvePointed(c, S, t, 1, 0);
    }
    return solvePointed(c, S, t, a, 0.5 * (1 - a));
  }

  // Q from the two half-axes of its unit ellipse and the angle (degrees) of
  // the first one: Q = R diag(1 / h1^2, 1 / h2^2) R^T.
  function shape(h1, h2, degrees) {
    var th = (degrees * Math.PI) / 180;
    var co = Math.cos(th);
    var si = Math.sin(th);
    var l1 = 1 / (h1 * h1);
    var l2 = 1 / (h2 * h2);
    var off = (l1 - l2) * co * si;
    return [[l1 * co * co + l2 * si * si, off], [off, l1 * si * si + l2 * co * co]];
  }

  function boundaryPoints(t, norm, a) {
    var pts = [];
    var q = 0.5 * (1 - a);
    var k, th, u0, u1, l1, r;
    if (norm === "l1" || (norm === "enet" && a === 1)) {
      return [[t, 0], [0, t], [-t, 0], [0, -t]];
    }
    for (k = 0; k < 256; k += 1) {
      th = (2 * Math.PI * k) / 256;
      u0 = k % 64 === 0 ? [1, 0, -1, 0][k / 64] : Math.cos(th);
      u1 = k % 64 === 0 ? [0, 1, 0, -1][k / 64] : Math.sin(th);
      l1 = Math.abs(u0) + Math.abs(u1);
      if (norm === "l2") {
        r = t;
      } else if (a === 0) {
        r = Math.sqrt(2 * t);
      } else {
        r = (2 * t) / (a * l1 + Math.sqrt(a * a * l1 * l1 + 4 * q * t));
      }
      pts.push([r * u0, r * u1]);
    }
    return pts;
  }

  function describe(w, inside) {
    var zeros = (w[0] === 0 ? 1 : 0) + (w[1] === 0 ? 1 : 0);
    if (inside) {
      return "inside the ball: w = c";
    }
    if (zeros === 1) {
      return "on a corner: one exact zero";
    }
    return "on the boundary: no zero";
  }

  function mount(root, data) {
    var S = core.svg;
    var H = core.html;
    var state = {
      c: data.c.slice(),
      Q: [data.Q[0].slice(), data.Q[1].slice()],
      t: data.t,
      a: data.l1_ratio,
      h1: data.axes[0],
      h2: data.axes[1],
      angle: data.angle,
    };
    var lim = data.lim;
    var size = 240;
    var pad = 18;
    var scale = (size - 2 * pad) / (2 * lim);
    function X(x) {
      return pad + (x + lim) * scale;
    }
    function Y(y) {
      return pad + (lim - y) * scale;
    }
    function fromPixel(p) {
      return [(p[0] - pad) / scale - lim, lim - (p[1] - pad) / scale];
    }
    var panelsBox = H("div", { class: "sx-panels" }, root);
    var panels = data.norms.map(function (norm) {
      var fig = H("div", { class: "sx-panel" }, panelsBox);
      // The name in the text colour and the ball's colour in a swatch beside
      // it: the book's orange and green are too light for small text (3.9:1
      // and 3.4:1 on white; WCAG 1.4.3 asks 4.5:1), though not for shapes.
      var head = H("div", { class: "sx-panel-title" }, fig);
      H("span", { class: "sx-swatch", "aria-hidden": "true" }, head).style.background = data.colors[norm];
      head.appendChild(document.createTextNode(data.names[norm]));
      var clip = core.uid("clip");
      var svgNode = S("svg", {
        viewBox: "0 0 " + size + " " + size,
        class: "sx-plot",
        // a group, not an image: an image's children are hidden from
        // screen readers, and the centre's handle inside must be reachable
        role: "group",
        "aria-label": data.names[norm] + ", the loss ellipses and the contact point",
      }, fig);
      var defs = S("defs", {}, svgNode);
      var cp = S("clipPath", { id: clip }, defs);
      S("rect", { x: pad, y: pad, width: size - 2 * pad, height: size - 2 * pad }, cp);
      S("rect", {
        x: pad, y: pad, width: size - 2 * pad, height: size - 2 * pad, class: "sx-frame",
      }, svgNode);
      var tick;
      for (tick = -Math.floor(lim); tick <= Math.floor(lim); tick += 1) {
        S("text", { x: X(tick), y: size - 4, class: "sx-tick", "aria-hidden": "true" }, svgNode,
          core.number(tick, 0));
        S("text", { x: 4, y: Y(tick) + 3, class: "sx-tick", "aria-hidden": "true" }, svgNode,
          core.number(tick, 0));
      }
      var g = S("g", { "clip-path": "url(#" + clip + ")", "aria-hidden": "true" }, svgNode);
      var panel = {
        norm: norm,
        svg: svgNode,
        ball: S(norm === "l2" ? "circle" : "polygon", {
          class: "sx-ball", fill: data.colors[norm], stroke: data.colors[norm],
        }, g),
        axes: [
          S("line", { x1: X(-lim), x2: X(lim), y1: Y(0), y2: Y(0), class: "sx-axis" }, g),
          S("line", { x1: X(0), x2: X(0), y1: Y(-lim), y2: Y(lim), class: "sx-axis" }, g),
        ],
        dashed: [0, 1, 2].map(function () {
          return S("ellipse", { class: "sx-level" }, g);
        }),
        touching: S("ellipse", { class: "sx-touch" }, g),
        point: S("circle", { r: 5, class: "sx-point", fill: data.colors[norm] }, g),
        handle: S("g", {
          class: "sx-handle",
          tabindex: "0",
          role: "slider",
          "aria-label": "centre c of the loss ellipses; arrow keys move it",
          "aria-valuemin": String(-lim),
          "aria-valuemax": String(lim),
        }, svgNode),
        text: H("div", { class: "sx-weights" }, fig),
      };
      S("circle", { r: 18, class: "sx-hit" }, panel.handle);
      S("path", {
        d: star(0, 0, 8, 3.4),
        class: "sx-star",
      }, panel.handle);
      return panel;
    });
    var controls = H("div", { class: "sx-controls" }, root);
    var live = H("p", { class: "sx-readout", "aria-live": "polite" }, root);
    H("p", { class: "sx-help" }, root,
      "Drag the star, or click in a panel, to move the centre of the ellipses; " +
      "focus the star and use the arrow keys (Shift: bigger steps). " +
      "Every point is the exact solution, computed in this page; an exact " +
      "zero prints as a bare 0.");

    function star(x, y, R, r) {
      var pts = [];
      var k, ang, rad;
      for (k = 0; k < 10; k += 1) {
        ang = -Math.PI / 2 + (k * Math.PI) / 5;
        rad = k % 2 === 0 ? R : r;
        pts.push((x + rad * Math.cos(ang)).toFixed(2) + "," + (y + rad * Math.sin(ang)).toFixed(2));
      }
      return "M" + pts.join("L") + "Z";
    }

    var sliders = {};
    sliders.t = core.slider(controls, {
      label: "budget t", min: data.ranges.t[0], max: data.ranges.t[1], step: 0.01,
      value: state.t, format: function (v) { return v.toFixed(2); },
      onInput: function (v) { state.t = v; update(); },
    });
    if (data.norms.indexOf("enet") >= 0) {
      sliders.a = core.slider(controls, {
        label: "l1_ratio", min: 0, max: 1, step: 0.01, value: state.a,
        aria: "the mix of the elastic-net ball",
        format: function (v) { return v.toFixed(2); },
        onInput: function (v) { state.a = v; update(); },
      });
    }
    function reshape() {
      state.Q = shape(state.h1, state.h2, state.angle);
      update();
    }
    sliders.h1 = core.slider(controls, {
      label: "ellipse axis 1", min: data.ranges.axes[0], max: data.ranges.axes[1], step: 0.01,
      value: state.h1, aria: "half-length of the first axis of the ellipses",
      format: function (v) { return v.toFixed(2); },
      onInput: function (v) { state.h1 = v; reshape(); },
    });
    sliders.h2 = core.slider(controls, {
      label: "ellipse axis 2", min: data.ranges.axes[0], max: data.ranges.axes[1], step: 0.01,
      value: state.h2, aria: "half-length of the second axis of the ellipses",
      format: function (v) { return v.toFixed(2); },
      onInput: function (v) { state.h2 = v; reshape(); },
    });
    sliders.angle = core.slider(controls, {
      label: "rotation", min: 0, max: 179, step: 1, value: state.angle,
      aria: "of the ellipses, in degrees",
      format: function (v) { return v.toFixed(0) + "\u00b0"; },
      onInput: function (v) { state.angle = v; reshape(); },
    });

    function setEllipse(node, level, e) {
      if (!(level > 0)) {
        node.setAttribute("visibility", "hidden");
        return;
      }
      node.setAttribute("visibility", "visible");
      node.setAttribute("cx", X(state.c[0]));
      node.setAttribute("cy", Y(state.c[1]));
      node.setAttribute("rx", scale * Math.sqrt(level / e.d[0]));
      node.setAttribute("ry", scale * Math.sqrt(level / e.d[1]));
      node.setAttribute("transform", "rotate(" + (-e.angle * 180) / Math.PI + " " +
        X(state.c[0]) + " " + Y(state.c[1]) + ")");
    }

    var solutions = {};
    function update() {
      var e = core.eig2(state.Q);
      var parts = [];
      var cText = "(" + core.number(state.c[0], 2) + ", " + core.number(state.c[1], 2) + ")";
      panels.forEach(function (p) {
        var w = solve(state.c, state.Q, state.t, p.norm, state.a);
        var inside = w[0] === state.c[0] && w[1] === state.c[1] &&
          ball(state.c, p.norm, state.a) <= state.t;
        solutions[p.norm] = w;
        if (p.norm === "l2") {
          p.ball.setAttribute("cx", X(0));
          p.ball.setAttribute("cy", Y(0));
          p.ball.setAttribute("r", scale * state.t);
        } else {
          p.ball.setAttribute("points", boundaryPoints(state.t, p.norm, state.a).map(function (v) {
            return X(v[0]).toFixed(2) + "," + Y(v[1]).toFixed(2);
          }).join(" "));
        }
        var level = loss(state.c, state.Q, w);
        var factors = level > 0 ? [0.12, 0.5586, 2.6] : [0.05, 0.2236, 1];
        p.dashed.forEach(function (node, k) {
          setEllipse(node, level > 0 ? level * factors[k] : factors[k], e);
        });
        setEllipse(p.touching, level, e);
        p.point.setAttribute("cx", X(w[0]));
        p.point.setAttribute("cy", Y(w[1]));
        p.handle.setAttribute("transform", "translate(" + X(state.c[0]) + " " + Y(state.c[1]) + ")");
        p.handle.setAttribute("aria-valuenow", String(state.c[0]));
        p.handle.setAttribute("aria-valuetext", "c = " + cText);
        var wText = "w = (" + core.weight(w[0], 3) + ", " + core.weight(w[1], 3) + ")";
        p.text.textContent = wText + ", " + describe(w, inside);
        parts.push(data.names[p.norm] + ": " + wText);
      });
      live.textContent = "Centre c = " + cText + ". " + parts.join("; ") + ".";
    }

    function moveTo(c) {
      state.c = [
        Math.max(-lim, Math.min(lim, c[0])),
        Math.max(-lim, Math.min(lim, c[1])),
      ];
      update();
    }

    panels.forEach(function (p) {
      var dragging = false;
      function follow(event) {
        var pos = core.pointerIn(p.svg, event);
        if (pos) {
          moveTo(fromPixel(pos));
        }
      }
      p.svg.addEventListener("pointerdown", function (event) {
        if (event.button !== undefined && event.button !== 0) {
          return;
        }
        dragging = true;
        if (p.svg.setPointerCapture && event.pointerId !== undefined) {
          try {
            p.svg.setPointerCapture(event.pointerId);
          } catch (err) {
            // a synthetic event has no active pointer to capture
          }
        }
        follow(event);
        p.handle.focus({ preventScroll: true });
        event.preventDefault();
      });
      p.svg.addEventListener("pointermove", function (event) {
        if (dragging) {
          follow(event);
        }
      });
      function stop() {
        dragging = false;
      }
      p.svg.addEventListener("pointerup", stop);
      p.svg.addEventListener("pointercancel", stop);
      p.handle.addEventListener("keydown", function (event) {
        var step = event.shiftKey ? 0.25 : 0.05;
        var dx = { ArrowLeft: -step, ArrowRight: step }[event.key] || 0;
        var dy = { ArrowDown: -step, ArrowUp: step }[event.key] || 0;
        if (dx || dy) {
          moveTo([state.c[0] + dx, state.c[1] + dy]);
          event.preventDefault();
        }
      });
    });

    update();
    return {
      kind: "contact",
      state: function () {
        return {
          c: state.c.slice(), Q: [state.Q[0].slice(), state.Q[1].slice()],
          t: state.t, l1_ratio: state.a,
        };
      },
      solutions: function () {
        var out = {};
        Object.keys(solutions).forEach(function (k) {
          out[k] = solutions[k].slice();
        });
        return out;
      },
      set: function (values) {
        if (values.c) {
          state.c = values.c.slice();
        }
        if (values.Q) {
          state.Q = [values.Q[0].slice(), values.Q[1].slice()];
        }
        if (values.t !== undefined) {
          state.t = values.t;
          sliders.t.input.value = String(values.t);
          sliders.t.show(values.t);
        }
        if (values.l1_ratio !== undefined && sliders.a) {
          state.a = values.l1_ratio;
          sliders.a.input.value = String(values.l1_ratio);
          sliders.a.show(values.l1_ratio);
        }
        update();
      },
    };
  }

  ns.contact = {
    solve: solve, loss: loss, ball: ball, shape: shape, mount: mount,
  };
})();
