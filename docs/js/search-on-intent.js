// Search loads when the reader shows they will search (issue 22), not with every page: a reader who only
// reads pays neither for the search index (search/search_index.json, 150 kB compressed) nor for the engine
// (search/worker.js). The signs: focus on the search box (a click or tap on it or on the magnifying glass,
// or the /, s or f key, which Material turns into focus), the search opened, or an address that carries a
// search: ?q= (Material opens the search with it) or ?h= (the page a result opened: its reader may search
// again).
//
// Material's bundle asks for both at once, as it starts: it creates its search worker (config.search) and
// requests the index with an XMLHttpRequest, then sends the index to the worker. So this file runs before
// the bundle (overrides/main.html) and holds both until a sign: the worker's script is loaded when the
// reader shows intent, and the index is fetched then, by the worker itself (macros/search_worker.js, its
// message INDEX): Material's page is busy starting when a reader searches at once, and would read the
// index, parse it and send it to the worker only when done; the worker reads it and indexes it
// meanwhile, then says it is ready as Material's setup would have it say. Material's own request is not
// sent, unless the worker could not read the index (INDEX_FAILED): then it goes as Material sends it. The
// same worker answers the same queries.
//
// Online only: from disk (the offline copy, file://) Material already waits for the search to open before
// it reads the index, and this file is not in the offline copy.
(function () {
  "use strict";

  if (location.protocol === "file:" || !window.Worker || !window.XMLHttpRequest) return;

  var wanted = false, waiting = [];
  function want() {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach(function (run) { run(); });
  }
  function whenWanted(run) {
    if (wanted) run(); else waiting.push(run);
  }

  function path(url) {
    try { return new URL(String(url), location.href).pathname; } catch (e) { return ""; }
  }
  // Under the site's address (config.base), wherever it is published.
  function isIndex(url) { return /\/search\/search_index\.json$/.test(path(url)); }
  function isEngine(url) { return /\/search\/worker\.js$/.test(path(url)); }

  // The index: when the reader shows intent, the worker fetches it; Material's request waits, in case the
  // worker cannot.
  var INDEX = "opsc-index", INDEX_FAILED = "opsc-index-failed", engine = null;
  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send, held = new WeakMap();
  XMLHttpRequest.prototype.open = function (method, url) {
    if (isIndex(url)) held.set(this, new URL(String(url), location.href).href); else held.delete(this);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (!held.has(request)) return send.apply(request, args);
    whenWanted(function () {
      var worker = engine;
      if (!worker) { send.apply(request, args); return; }
      worker.addEventListener("message", function failed(event) {
        if (!event.data || event.data.type !== INDEX_FAILED) return;
        worker.removeEventListener("message", failed);
        send.apply(request, args);
      });
      worker.postMessage({type: INDEX, url: held.get(request)});
    });
    return undefined;
  };

  // The engine: a stand-in that starts the worker when the reader shows intent (or when a message is sent
  // to it), with the listeners and messages it was given meanwhile.
  var RealWorker = window.Worker;
  function Deferred(url, options) {
    var self = this, real = null, listeners = [], queue = [], handlers = {};
    function start() {
      if (real) return;
      // Named so, the worker fetches the index as it starts (macros/search_worker.js).
      real = new RealWorker(url, Object.assign({name: INDEX}, options));
      listeners.forEach(function (l) { real.addEventListener(l[0], l[1], l[2]); });
      Object.keys(handlers).forEach(function (name) { real[name] = handlers[name]; });
      queue.forEach(function (args) { real.postMessage.apply(real, args); });
      listeners = queue = null;
    }
    this.addEventListener = function (type, listener, options) {
      if (real) real.addEventListener(type, listener, options); else listeners.push([type, listener, options]);
    };
    this.removeEventListener = function (type, listener, options) {
      if (real) real.removeEventListener(type, listener, options);
      else listeners = listeners.filter(function (l) { return l[0] !== type || l[1] !== listener; });
    };
    this.postMessage = function () {
      if (real) real.postMessage.apply(real, arguments);
      else { queue.push(arguments); start(); }
    };
    this.terminate = function () {
      if (real) real.terminate();
      else queue = [];
    };
    ["onmessage", "onmessageerror", "onerror"].forEach(function (name) {
      Object.defineProperty(self, name, {
        get: function () { return real ? real[name] : handlers[name] || null; },
        set: function (value) { if (real) real[name] = value; else handlers[name] = value; }
      });
    });
    engine = this;
    whenWanted(start);
  }
  window.Worker = function Worker(url, options) {
    return isEngine(url) ? new Deferred(url, options) : new RealWorker(url, options);
  };
  window.Worker.prototype = RealWorker.prototype;

  // The signs.
  var params = new URLSearchParams(location.search);
  if (params.has("q") || params.has("h")) {
    want();
    return;
  }
  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest(".md-search")) want();
  });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) want();
  });
  document.addEventListener("keydown", function (event) {
    var key = event.key, target = event.target;
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    if (target && (target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName))) return;
    if (key === "/" || key === "s" || key === "S" || key === "f" || key === "F") want();
  });
})();
