/* The header search (partials/search.html), on the Pagefind index in site/pagefind/, which `make site`
 * builds after `mkdocs build`. Pagefind is loaded on first use and fetches only the index chunks a query
 * needs; results are drawn with Material's own search-result markup. Every URL is relative to this
 * script, so the site works under a sub-path, and nothing is fetched from another host.
 * Result text is set as text, never as HTML: only Pagefind's <mark> highlights are kept as elements. */
(function () {
  "use strict";

  var root = document.querySelector("[data-site-search]");
  if (!root || !document.currentScript) return;
  var bundle = new URL("../pagefind/", document.currentScript.src).href; // assets/search.js → pagefind/
  var form = root.querySelector("[data-site-search-form]");
  var input = root.querySelector("[data-site-search-query]");
  var meta = root.querySelector("[data-site-search-meta]");
  var list = root.querySelector("[data-site-search-results]");
  var toggle = document.getElementById("__search");
  var config = document.getElementById("__config");
  var words = (config && JSON.parse(config.textContent).translations) || {};
  var SHOWN = 10;
  var pagefind = null;
  var latest = 0;

  function say(key, fallback, count) {
    return (words[key] || fallback).replace("#", String(count));
  }

  /* The other shards' folders, relative to the bundle (none: a site indexed in one run has no shards.json). */
  function shards() {
    return fetch(bundle + "shards.json").then(function (response) {
      return response.ok ? response.json() : [];
    }).catch(function () { return []; });
  }

  function load() {
    if (!pagefind) {
      pagefind = import(bundle + "pagefind.js").then(function (module) {
        return Promise.resolve(module.options({ excerptLength: 24 })).then(shards).then(function (others) {
          /* A large site's index is in shards (build_site/search_index.py): one search over all of them. */
          return Promise.all(others.map(function (name) {
            /* Results' URLs from the site's root path, as the first bundle's are (the site may be under a sub-path). */
            return module.mergeIndex(new URL(name, bundle).href, { excerptLength: 24, baseUrl: new URL("../", bundle).pathname });
          }));
        }).then(function () {
          module.init();
          return module;
        });
      });
      pagefind.catch(function () { pagefind = null; });
    }
    return pagefind;
  }

  function open() {
    if (toggle) toggle.checked = true;
    load().catch(function () {});
  }

  function close() {
    if (toggle) toggle.checked = false;
    input.blur();
  }

  /* Runs of Arabic script (with the spaces and punctuation between their words), isolated in <bdi> so that
   * they do not reorder the English around them. */
  var ARABIC_RUN = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff](?:[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff\s\u060c\u061b\u061f]*[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff])?/g;

  function appendText(parent, text) {
    var at = 0;
    text.replace(ARABIC_RUN, function (run, offset) {
      if (offset > at) parent.appendChild(document.createTextNode(text.slice(at, offset)));
      var bdi = document.createElement("bdi");
      bdi.lang = "ar";
      bdi.dir = "rtl";
      bdi.textContent = run;
      parent.appendChild(bdi);
      at = offset + run.length;
      return run;
    });
    if (at < text.length) parent.appendChild(document.createTextNode(text.slice(at)));
  }

  /* Pagefind's excerpt is text with <mark> around the matches: rebuild it from text nodes only. */
  function excerpt(html) {
    var paragraph = document.createElement("p");
    paragraph.dir = "ltr";
    var parsed = new DOMParser().parseFromString("<body>" + html, "text/html").body;
    parsed.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        appendText(mark, node.textContent);
        paragraph.appendChild(mark);
      } else {
        appendText(paragraph, node.textContent);
      }
    });
    return paragraph;
  }

  function draw(pages, count) {
    meta.textContent = count === 0 ? say("search.result.none", "No matching documents")
      : count === 1 ? say("search.result.one", "1 matching document")
      : say("search.result.other", "# matching documents", count);
    list.textContent = "";
    pages.forEach(function (page) {
      var item = document.createElement("li");
      item.className = "md-search-result__item";
      var link = document.createElement("a");
      link.className = "md-search-result__link";
      link.href = page.url;
      link.tabIndex = -1;
      var article = document.createElement("article");
      article.className = "md-search-result__article md-typeset";
      var title = document.createElement("h1");
      title.dir = "auto";
      title.textContent = (page.meta && page.meta.title) || page.url;
      article.appendChild(title);
      article.appendChild(excerpt(page.excerpt || ""));
      link.appendChild(article);
      item.appendChild(link);
      list.appendChild(item);
    });
  }

  function search() {
    var query = input.value.trim();
    var ticket = ++latest;
    if (!query) {
      list.textContent = "";
      meta.textContent = say("search.result.placeholder", "Type to start searching");
      return;
    }
    load()
      .then(function (module) { return module.debouncedSearch(query, {}, 80); })
      .then(function (found) {
        if (found === null || ticket !== latest) return null; // a newer query superseded this one
        return Promise.all(found.results.slice(0, SHOWN).map(function (result) { return result.data(); }))
          .then(function (pages) { if (ticket === latest) draw(pages, found.results.length); });
      })
      .catch(function () {
        if (ticket === latest) meta.textContent = "Search is not available here: its index is built by `make site`.";
      });
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a.md-search-result__link"));
  }

  input.addEventListener("focus", open);
  input.addEventListener("input", search);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(function () { search(); input.focus(); }); });
  list.addEventListener("click", function (event) { if (event.target.closest("a")) close(); });

  /* Tabbing (or clicking) out of the search closes its overlay, which would otherwise cover the page. */
  root.addEventListener("focusout", function (event) {
    var next = event.relatedTarget;
    if (next && !root.contains(next) && toggle && toggle.checked) toggle.checked = false;
  });

  /* Other search boxes on a page (the 404 page's) hand their query to this one. */
  document.querySelectorAll("[data-site-search-elsewhere]").forEach(function (other) {
    other.addEventListener("submit", function (event) {
      event.preventDefault();
      var field = other.querySelector("input");
      input.value = field ? field.value : "";
      input.focus();
      search();
    });
  });

  root.addEventListener("keydown", function (event) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (event.key === "Escape") {
      close();
    } else if (event.key === "Enter" && document.activeElement === input && all.length) {
      event.preventDefault();
      all[0].click();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!all.length) return;
      event.preventDefault();
      var next = event.key === "ArrowDown" ? Math.min(at + 1, all.length - 1) : at - 1;
      (next < 0 ? input : all[next]).focus();
    }
  });

  /* "/" focuses the search from anywhere but a text field, as in Material. */
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      input.focus();
    }
  });
})();
