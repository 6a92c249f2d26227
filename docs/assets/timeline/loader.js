/*
 * Timeline loader: loaded on every page (mkdocs.yml extra_javascript), as a
 * classic script.
 *
 * On every page view, including mkdocs-material's instant navigation (which
 * swaps the page content without reloading scripts and emits on the global
 * `document$` observable), it looks for `.tl-app` elements. Only when a page
 * has one does it load, once, the vendored vis-timeline bundle + CSS (a
 * classic UMD script that defines window.vis) and the timeline app (the ES
 * module timeline.js, which imports its pure modules, + timeline.css), then
 * asks the app to initialise every `.tl-app` that it has not initialised yet.
 *
 * Asset URLs, the module's included, are resolved against this script's own
 * URL, so the site works under any sub-path (e.g. GitHub Pages project
 * sites); the module's own imports are relative to it.
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
  var VIS_JS = new URL("vis-timeline-graph2d.min.js", vendor).href;
  var APP_MODULE = new URL("timeline.js", here).href;

  var stylesheets = new Map(); // href -> { link, loaded: Promise }
  var app = null; // the timeline.js module, once imported

  // Stylesheets go at the end of <body>, not in <head>: on instant navigation
  // mkdocs-material removes every <head> child that the next page's <head>
  // does not have. They are re-attached if something removed them anyway.
  function ensureCss() {
    return Promise.all(CSS.map(function (href) {
      var known = stylesheets.get(href);
      if (known && known.link.isConnected) return known.loaded;
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = href;
      link.setAttribute("data-tl-asset", "");
      var loaded = new Promise(function (resolve) {
        link.onload = resolve;
        // A missing stylesheet must not block the timeline; it is reported by
        // the browser itself.
        link.onerror = resolve;
      });
      stylesheets.set(href, { link: link, loaded: loaded });
      document.body.appendChild(link);
      return loaded;
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

  // load() once; a failed load is forgotten, so the next page view tries again.
  function cachedLoad(load) {
    var pending = null;
    return function () {
      if (!pending) {
        pending = load();
        pending.catch(function () { pending = null; });
      }
      return pending;
    };
  }

  var ensureVis = cachedLoad(function () { return loadScript(VIS_JS); });

  // The app is an ES module; the browser's module map imports it (and its
  // own imports) once. It reads window.vis only when asked to initialise, so
  // both load in parallel.
  var ensureApp = cachedLoad(function () {
    return import(APP_MODULE).then(function (mod) { app = mod; return mod; });
  });

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
    if (app) app.cleanup();
    var apps = document.querySelectorAll(".tl-app");
    if (!apps.length) return;
    Promise.all([ensureCss(), ensureVis(), ensureApp()]).then(function (loaded) {
      loaded[2].initAll(document);
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
