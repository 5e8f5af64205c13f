// iframe-worker (c) Martin Donath, MIT (LICENSE): the script shim.js once wrote inline into the frame that
// stands in for a Web Worker (file:// pages cannot start one), as a file for a strict Content-Security-Policy.
// The worker's messages go to the page; importScripts loads scripts in order; errors are the page's.
"use strict";
(function () {
  var worker = document.currentScript.getAttribute("data-worker");
  window.postMessage = function (s, n) { parent.postMessage(s, n || "*"); };
  window.importScripts = function () {
    return Array.prototype.reduce.call(arguments, function (n, e) {
      return n.then(function () {
        return new Promise(function (r) {
          var t = document.createElement("script");
          t.src = e;
          t.onload = r;
          document.body.appendChild(t);
        });
      });
    }, Promise.resolve());
  };
  addEventListener("error", function (ev) {
    parent.dispatchEvent(new ErrorEvent("error", {filename: worker, error: ev.error}));
  });
})();
