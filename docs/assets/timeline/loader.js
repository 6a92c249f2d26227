/*
 * Timeline loader: loaded on every page (mkdocs.yml extra_javascript).
 *
 * On every page view, including mkdocs-material's instant navigation (which
 * swaps the page content without reloading scripts and emits on the global
 * `document$` observable), it looks for `.tl-app` elements. Only when a page
 * has one does it load, once, the vendored vis-timeline bundle + CSS and the
 * timeline app (timeline.js + timeline.css), then asks the app to initialise
 * every `.tl-app` that it has not initialised yet.
 *
 * Asset URLs are resolved against this script's own URL, so the site works
 * under any sub-path (e.g. GitHub Pages project sites).
 */
(function () {
  "use strict";

  if (window.__siteTimelineLoader) return; // this script was included twice
  window.__siteTimelineLoader = true;

  var self = document.currentScript;
  // Directory of this script: .../assets/timeline/
  var here = new URL(".", self && self.src ? self.src : document.baseURI);
  var vendor = new URL("../vendor/vis-timeline/", here);

  var CSS = [
    new URL("vis-timeline-graph2d.min.css", vendor).href,
    new URL("timeline.css", here).href
  ];
  var JS = [
    new URL("vis-timeline-graph2d.min.js", vendor).href,
    new URL("timeline.js", here).href
  ];

  var links = {}; // href -> <link>
  var scriptsPromise = null;

  // Stylesheets go at the end of <body>, not in <head>: on instant navigation
  // mkdocs-material removes every <head> child that the next page's <head>
  // does not have. They are re-attached if something removed them anyway.
  function ensureCss() {
    return Promise.all(CSS.map(function (href) {
      var link = links[href];
      if (link && link.isConnected) return link._tlLoaded;
      link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = href;
      link.setAttribute("data-tl-asset", "");
      link._tlLoaded = new Promise(function (resolve) {
        link.onload = resolve;
        // A missing stylesheet must not block the timeline; it is reported by
        // the browser itself.
        link.onerror = resolve;
      });
      links[href] = link;
      document.body.appendChild(link);
      return link._tlLoaded;
    }));
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src;
      s.async = false;
      s.setAttribute("data-tl-asset", "");
      s.onload = function () { resolve(); };
      s.onerror = function () { reject(new Error("could not load " + src)); };
      document.body.appendChild(s);
    });
  }

  function ensureScripts() {
    if (!scriptsPromise) {
      // Sequential: timeline.js needs window.vis.
      scriptsPromise = JS.reduce(function (p, src) {
        return p.then(function () { return loadScript(src); });
      }, Promise.resolve());
      scriptsPromise.catch(function () { scriptsPromise = null; }); // allow a retry on the next page view
    }
    return scriptsPromise;
  }

  function showFailure(apps, err) {
    Array.prototype.forEach.call(apps, function (el) {
      if (el.querySelector(".tl-error")) return;
      var p = document.createElement("p");
      p.className = "tl-error";
      p.setAttribute("role", "status");
      p.textContent = "The interactive timeline could not be loaded. The list below has every entry.";
      el.appendChild(p);
    });
    if (window.console) console.warn("timeline:", err && err.message ? err.message : err);
  }

  function scan() {
    if (window.SiteTimeline) window.SiteTimeline.cleanup();
    var apps = document.querySelectorAll(".tl-app");
    if (!apps.length) return;
    Promise.all([ensureCss(), ensureScripts()]).then(function () {
      if (!window.SiteTimeline) throw new Error("timeline.js did not define SiteTimeline");
      window.SiteTimeline.initAll(document);
    }).catch(function (err) { showFailure(apps, err); });
  }

  // mkdocs-material exposes `document$` (a ReplaySubject that emits on first
  // load and after every instant navigation). Without it, run once.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(scan);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", scan);
  } else {
    scan();
  }
})();
