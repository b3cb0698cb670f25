/* Draw the question charts (plugins/questions.py, templates/_chart.html).
 *
 * Each <figure class="question-chart"> carries its Vega-Lite spec (from
 * metadata.yml) in data-spec and the URL of its query's rows in data-url.
 * The rows are fetched as JSON and drawn with vega-embed as SVG.
 *
 * Vega compiles its expressions with `new Function` unless it is given an
 * interpreter: `ast: true` with vega-interpreter's expressionInterpreter
 * keeps these pages working under a Content-Security-Policy without
 * 'unsafe-eval'. Nothing here is inline, so script-src 'self' is enough.
 *
 * When a chart is drawn, the figure gets data-state="drawn" and data-rows
 * (how many rows it was given); on failure data-state="failed" and a
 * message in words. The browser test reads both.
 */
(function () {
  "use strict";

  var OPTIONS = {
    renderer: "svg",
    actions: false,
    ast: true,
    expr: window.vegaInterpreter && window.vegaInterpreter.expressionInterpreter,
    // vega-embed would add a <style> element of its own; peshawar.css
    // styles the charts instead.
    defaultStyle: false,
    tooltip: { theme: "custom", disableDefaultStyle: true }
  };

  function fail(figure, message) {
    figure.setAttribute("data-state", "failed");
    var note = document.createElement("p");
    note.className = "chart-failed";
    note.textContent = "The chart could not be drawn (" + message + "); the table below has every row.";
    figure.appendChild(note);
  }

  function draw(figure) {
    var spec;
    try {
      spec = JSON.parse(figure.getAttribute("data-spec"));
    } catch (error) {
      return fail(figure, "its settings are not valid JSON");
    }
    var target = figure.querySelector(".chart-canvas");
    figure.setAttribute("data-state", "loading");
    fetch(figure.getAttribute("data-url"), { headers: { accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("the data answered " + response.status);
        }
        return response.json();
      })
      .then(function (rows) {
        spec.data = { values: rows };
        figure.setAttribute("data-rows", String(rows.length));
        if (!rows.length) {
          target.textContent = "No rows to draw.";
          figure.setAttribute("data-state", "drawn");
          return null;
        }
        return window.vegaEmbed(target, spec, OPTIONS).then(function (result) {
          figure.setAttribute("data-state", "drawn");
          return result;
        });
      })
      .catch(function (error) {
        fail(figure, error && error.message ? error.message : String(error));
      });
  }

  function drawAll() {
    var figures = document.querySelectorAll("figure.question-chart[data-spec]");
    if (!figures.length) {
      return;
    }
    if (!window.vegaEmbed || !OPTIONS.expr) {
      Array.prototype.forEach.call(figures, function (figure) {
        fail(figure, "the chart library did not load");
      });
      return;
    }
    Array.prototype.forEach.call(figures, draw);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
