// hyde's LiveReload client (LiveReload protocol 7, the one `jekyll serve --livereload`
// speaks). Loaded by the snippet the server injects into every HTML page:
// <script src="//HOST:PORT/livereload.js?snipver=1&amp;port=PORT"></script>
(function () {
  "use strict";
  var script = document.currentScript;
  var src = script ? script.src : "";
  function param(name, fallback) {
    var m = new RegExp("[?&](?:amp;)?" + name + "=([0-9.]+)").exec(src);
    return m ? m[1] : fallback;
  }
  var host = (location.host || "localhost").split(":")[0];
  var port = param("port", "35729");
  // Reconnection delays in milliseconds; `mindelay`/`maxdelay` as livereload.js reads them.
  var minDelay = Number(param("mindelay", "1000"));
  var maxDelay = Number(param("maxdelay", "60000"));
  var scheme = location.protocol === "https:" ? "wss://" : "ws://";

  function reloadStylesheets(path) {
    var name = path.split("/").pop();
    var links = document.querySelectorAll('link[rel="stylesheet"][href]');
    var matched = [];
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute("href").split("?")[0].split("#")[0];
      if (href.split("/").pop() === name) matched.push(links[i]);
    }
    // As livereload.js does: when no stylesheet matches the changed file, reload them all.
    if (matched.length === 0) matched = Array.prototype.slice.call(links);
    matched.forEach(function (link) {
      var href = link.getAttribute("href").replace(/([?&])livereload=\d+&?/, "$1").replace(/[?&]$/, "");
      var sep = href.indexOf("?") === -1 ? "?" : "&";
      link.setAttribute("href", href + sep + "livereload=" + Date.now());
    });
  }

  function onMessage(event) {
    var msg;
    try {
      msg = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    if (msg.command === "reload") {
      if (msg.liveCSS && /\.css$/i.test(msg.path || "")) {
        reloadStylesheets(msg.path);
      } else {
        location.reload();
      }
    } else if (msg.command === "alert") {
      alert(msg.message);
    }
  }

  function connect(delay) {
    var ws;
    try {
      ws = new WebSocket(scheme + host + ":" + port + "/livereload");
    } catch (e) {
      return;
    }
    ws.onopen = function () {
      delay = minDelay;
      ws.send(JSON.stringify({ command: "hello", protocols: ["http://livereload.com/protocols/official-7"] }));
      ws.send(JSON.stringify({ command: "info", plugins: {}, url: location.href }));
      ws.send(JSON.stringify({ command: "url", url: location.href }));
    };
    ws.onmessage = onMessage;
    ws.onclose = function () {
      setTimeout(function () {
        connect(Math.min(delay * 2, maxDelay));
      }, delay);
    };
  }

  connect(minDelay);
})();
