/*
 * Missions widget: a chat button and panel that any page adds with one script tag.
 *
 *   <script src="https://HOST/widget.js" data-title="..." data-position="left|right"
 *           data-api-key="..." data-mission="..." async></script>
 *
 * Everything lives in a Shadow DOM whose :host resets every inherited style, so the page's CSS
 * cannot reach it. The server is the script's own origin (POST /api/ask). Server text is only
 * ever set through textContent: no HTML from an answer or an article is interpreted.
 */
(function () {
  "use strict";

  if (window.__missionsWidget) return; // the tag pasted twice: one widget
  var script = document.currentScript || document.querySelector('script[src$="/widget.js"]');
  if (!script) return;
  window.__missionsWidget = true;

  var data = script.dataset;
  var server = new URL(script.src, document.baseURI).origin;
  var config = {
    title: data.title || "Les missions de la CCI",
    position: data.position === "left" ? "left" : "right",
    apiKey: data.apiKey || "",
    mission: data.mission || null
  };
  var MAX_TURNS = 6; // earlier exchanges sent with each question, so a follow-up keeps its mission
  var TEXT = {
    open: "Poser une question sur les missions",
    launcher: "Une question ?",
    close: "Fermer",
    log: "Conversation",
    label: "Votre question",
    placeholder: "Par exemple : qui a organisé la mission Silicon Valley ?",
    send: "Envoyer",
    hint: "Entrée pour envoyer, Maj+Entrée pour aller à la ligne, Échap pour fermer.",
    welcome: "Bonjour ! Posez une question sur les missions d'affaires : chaque réponse cite ses sources.",
    waiting: "Recherche dans les articles…",
    you: "Vous",
    bot: "Missions",
    source: "Source",
    paragraph: "paragraphe",
    article: "Lire l'article",
    noMission: "Mission non précisée",
    empty: "La question est vide : écrivez une question sur les missions.",
    refused: "Ce site n'est pas autorisé à interroger le service Missions : son adresse doit figurer " +
      "dans la liste des origines autorisées du serveur.",
    down: "Le service Missions est injoignable pour le moment : réessayez dans quelques instants.",
    badAnswer: "Réponse inattendue du serveur"
  };

  var STYLE = [
    ":host { all: initial !important; position: fixed !important; bottom: 20px !important;",
    "  z-index: 2147483000 !important; display: block !important; visibility: visible !important;",
    "  opacity: 1 !important; transform: none !important; filter: none !important; }",
    ":host(.left) { left: 20px !important; right: auto !important; }",
    ":host(.right) { right: 20px !important; left: auto !important; }",
    ".root { font: 15px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif;",
    "  color: #1b1f24; text-align: left; letter-spacing: normal; word-spacing: normal;",
    "  text-transform: none; direction: ltr; }",
    ".root *, .root *::before, .root *::after { box-sizing: border-box; }",
    "button, textarea { font: inherit; color: inherit; margin: 0; }",
    "[hidden] { display: none !important; }",
    // Two rings, white then blue: one of them stands out on any background (page, header, button).
    ":focus-visible { outline: 3px solid #0b4a8f; outline-offset: 2px; box-shadow: 0 0 0 2px #ffffff; }",
    ".head :focus-visible { outline-color: #ffffff; box-shadow: 0 0 0 2px #0b4a8f; }",
    ".launcher { display: inline-flex; align-items: center; gap: 8px; padding: 12px 18px;",
    "  border: 2px solid #ffffff; border-radius: 999px; background: #0b4a8f; color: #ffffff;",
    "  font-weight: 600; cursor: pointer; box-shadow: 0 4px 14px rgba(0,0,0,.3); }",
    ".launcher:hover { background: #083a72; }",
    ".launcher svg { width: 20px; height: 20px; fill: currentColor; }",
    ".panel { position: absolute; bottom: 64px; width: min(390px, calc(100vw - 40px));",
    "  height: min(580px, calc(100vh - 110px)); display: flex; flex-direction: column;",
    "  background: #ffffff; border: 1px solid #8a94a3; border-radius: 14px; overflow: hidden;",
    "  box-shadow: 0 10px 34px rgba(0,0,0,.3); }",
    ":host(.right) .panel { right: 0; } :host(.left) .panel { left: 0; }",
    ".head { display: flex; align-items: center; justify-content: space-between; gap: 8px;",
    "  padding: 10px 12px 10px 16px; background: #0b4a8f; color: #ffffff; }",
    ".head h2 { margin: 0; font-size: 16px; font-weight: 700; }",
    ".close { border: 0; background: transparent; color: #ffffff; font-size: 22px; line-height: 1;",
    "  width: 36px; height: 36px; border-radius: 8px; cursor: pointer; }",
    ".close:hover { background: rgba(255,255,255,.18); }",
    ".log { flex: 1; overflow-y: auto; padding: 14px; display: flex; flex-direction: column; gap: 10px;",
    "  background: #f4f6f9; }",
    ".msg { position: relative; max-width: 92%; padding: 9px 12px; border-radius: 12px; white-space: pre-wrap;",
    "  overflow-wrap: anywhere; }",
    ".msg .who { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }",
    ".user { align-self: flex-end; background: #0b4a8f; color: #ffffff; }",
    ".bot { align-self: flex-start; background: #ffffff; border: 1px solid #c9d0da; }",
    ".error { align-self: stretch; background: #fdecec; color: #8a1111; border: 1px solid #e3a3a3; }",
    ".waiting { align-self: flex-start; color: #4a5361; font-style: italic; }",
    ".cite { display: inline; padding: 0 3px; border: 1px solid #0b4a8f; border-radius: 5px;",
    "  background: #e7eef8; color: #0b4a8f; font-weight: 700; font-size: 13px; cursor: pointer; }",
    ".cite[aria-expanded='true'] { background: #0b4a8f; color: #ffffff; }",
    ".source { margin-top: 8px; padding: 8px 10px; border-left: 4px solid #0b4a8f; background: #eef2f7;",
    "  white-space: normal; }",
    ".source blockquote { margin: 4px 0; font-style: italic; }",
    ".source .meta { font-size: 13px; color: #3d4550; }",
    ".source .title { font-weight: 700; }",
    ".source a { color: #0b4a8f; }",
    ".notice { margin: 6px 0 0; font-size: 13px; color: #4a5361; white-space: normal; }",
    "form { display: flex; flex-direction: column; gap: 6px; padding: 10px 12px 12px;",
    "  border-top: 1px solid #c9d0da; background: #ffffff; }",
    "label { font-weight: 600; font-size: 14px; }",
    ".row { display: flex; gap: 8px; align-items: flex-end; }",
    "textarea { flex: 1; min-height: 44px; max-height: 120px; resize: vertical; padding: 8px 10px;",
    "  border: 1px solid #6b7480; border-radius: 8px; background: #ffffff; }",
    "textarea::placeholder { color: #5d6673; opacity: 1; }",
    ".send { padding: 10px 14px; border: 0; border-radius: 8px; background: #0b4a8f; color: #ffffff;",
    "  font-weight: 600; cursor: pointer; }",
    ".send:disabled { background: #5d6673; cursor: progress; }",
    ".hint { font-size: 12px; color: #4a5361; }"
  ].join("\n");

  var ICON = "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z";

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === false || value === null || value === undefined) return;
      if (name === "text") node.textContent = value;
      else if (name === "className") node.className = value;
      else node.setAttribute(name, value === true ? "" : String(value));
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function icon() {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var path = document.createElementNS(ns, "path");
    path.setAttribute("d", ICON);
    svg.appendChild(path);
    return svg;
  }

  var host = el("div", { "data-missions-widget": "", className: config.position });
  var shadow = host.attachShadow({ mode: "open" });
  var history = [];
  var messageCount = 0;
  var busy = false;

  var launcher = el("button", {
    type: "button", className: "launcher", "aria-expanded": "false", "aria-controls": "missions-panel",
    "aria-haspopup": "dialog", "aria-label": TEXT.open
  }, [icon(), el("span", { text: TEXT.launcher })]);
  var closeButton = el("button", { type: "button", className: "close", "aria-label": TEXT.close, text: "×" });
  var log = el("div", {
    className: "log", role: "log", "aria-live": "polite", "aria-label": TEXT.log, tabindex: "0"
  });
  var box = el("textarea", {
    id: "missions-question", name: "question", rows: "2", placeholder: TEXT.placeholder,
    "aria-describedby": "missions-hint", autocomplete: "off"
  });
  var send = el("button", { type: "submit", className: "send", text: TEXT.send });
  var form = el("form", {}, [
    el("label", { for: "missions-question", text: TEXT.label }),
    el("div", { className: "row" }, [box, send]),
    el("div", { id: "missions-hint", className: "hint", text: TEXT.hint })
  ]);
  var panel = el("div", {
    id: "missions-panel", className: "panel", role: "dialog", "aria-modal": "false",
    "aria-labelledby": "missions-title", hidden: true
  }, [
    el("div", { className: "head" }, [el("h2", { id: "missions-title", text: config.title }), closeButton]),
    log,
    form
  ]);
  shadow.appendChild(el("style", { text: STYLE }));
  shadow.appendChild(el("div", { className: "root", lang: "fr" }, [panel, launcher]));
  addMessage("bot", [TEXT.welcome]).setAttribute("data-role", "welcome");

  function isOpen() { return !panel.hidden; }

  function openPanel() {
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    box.focus();
  }

  function closePanel() {
    panel.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    launcher.focus();
  }

  launcher.addEventListener("click", function () { if (isOpen()) closePanel(); else openPanel(); });
  closeButton.addEventListener("click", closePanel);
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { event.preventDefault(); closePanel(); }
  });
  box.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit ? form.requestSubmit() : submit();
    }
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); submit(); });

  function addMessage(kind, children, label) {
    var who = kind === "user" ? TEXT.you : TEXT.bot;
    var node = el("div", { className: "msg " + kind, "data-role": kind },
      [el("span", { className: "who", text: (label || who) + " : " })].concat(children));
    log.appendChild(node);
    log.scrollTop = log.scrollHeight;
    return node;
  }

  function describeMission(citation) {
    var mission = citation.mission || TEXT.noMission;
    return citation.year ? mission + " (" + citation.year + ")" : mission;
  }

  function sourceBox(citation, id) {
    var where = citation.source || "";
    if (citation.paragraph !== null && citation.paragraph !== undefined) {
      where += ", " + TEXT.paragraph + " " + citation.paragraph;
    }
    var link = null;
    if (typeof citation.url === "string" && /^https?:\/\//i.test(citation.url)) {
      link = el("a", { href: citation.url, target: "_blank", rel: "noopener noreferrer", text: TEXT.article });
    }
    return el("div", {
      id: id, className: "source", role: "region", hidden: true,
      "aria-label": TEXT.source + " " + citation.n, "data-source": citation.n
    }, [
      el("div", { className: "title", text: "[" + citation.n + "] " + (citation.title || "") }),
      el("blockquote", { text: "« " + (citation.quote || "") + " »" }),
      el("div", { className: "meta", text: describeMission(citation) }),
      el("div", { className: "meta", text: where }),
      link
    ]);
  }

  // 'Une quinzaine [1].' -> ['Une quinzaine ', <button>[1]</button>, '.'] with the quoted passages below.
  function answerNodes(answer) {
    var id = "m" + (++messageCount);
    var citations = {};
    (answer.citations || []).forEach(function (c) { citations[String(c.n)] = c; });
    var text = el("span", { className: "text" });
    var sources = el("div", { className: "sources" });
    var made = {};
    var parts = String(answer.answer || "").split(/\[(\d+)\]/);
    parts.forEach(function (part, i) {
      if (i % 2 === 0) { if (part) text.appendChild(document.createTextNode(part)); return; }
      var citation = citations[part];
      if (!citation) { text.appendChild(document.createTextNode("[" + part + "]")); return; }
      var boxId = id + "-source-" + part;
      if (!made[part]) { sources.appendChild(sourceBox(citation, boxId)); made[part] = true; }
      var button = el("button", {
        type: "button", className: "cite", "aria-expanded": "false", "aria-controls": boxId,
        "aria-label": TEXT.source + " " + part + " : " + describeMission(citation), text: "[" + part + "]"
      });
      button.addEventListener("click", function () { toggleSource(button, boxId); });
      text.appendChild(button);
    });
    var nodes = [text, sources];
    if (typeof answer.notice === "string" && answer.notice) {
      nodes.push(el("p", { className: "notice", text: answer.notice }));
    }
    return nodes;
  }

  function toggleSource(button, boxId) {
    var target = shadow.getElementById(boxId);
    var open = button.getAttribute("aria-expanded") !== "true";
    shadow.querySelectorAll('.cite[aria-controls="' + boxId + '"]').forEach(function (b) {
      b.setAttribute("aria-expanded", open ? "true" : "false");
    });
    target.hidden = !open;
    if (open) target.scrollIntoView({ block: "nearest" });
  }

  function headers() {
    var out = { "Content-Type": "application/json", "Accept": "application/json" };
    if (config.apiKey) out.Authorization = "Bearer " + config.apiKey;
    return out;
  }

  function readError(response) {
    return response.json().then(function (body) {
      if (body && body.error && body.error.message) return String(body.error.message);
      throw new Error("no message");
    }).catch(function () {
      return TEXT.badAnswer + " (HTTP " + response.status + ").";
    });
  }

  function setBusy(value) {
    busy = value;
    send.disabled = value;
    log.setAttribute("aria-busy", value ? "true" : "false");
  }

  // A failed fetch hides why. If the server still serves this script (an opaque, no-cors request),
  // it is up, so the browser refused the answer: this origin is not on the server's allow-list.
  function diagnose() {
    return fetch(server + "/widget.js", { mode: "no-cors", credentials: "omit", cache: "no-store" })
      .then(function () { return TEXT.refused; }, function () { return TEXT.down; });
  }

  function submit() {
    if (busy) return;
    var question = box.value.trim();
    if (!question) { addMessage("error", [TEXT.empty]); box.focus(); return; }
    addMessage("user", [question]);
    var waiting = addMessage("waiting", [TEXT.waiting]);
    setBusy(true);
    var body = { question: question, history: history.slice(-MAX_TURNS), mission: config.mission };
    fetch(server + "/api/ask", {
      method: "POST", mode: "cors", credentials: "omit", headers: headers(), body: JSON.stringify(body)
    }).then(function (response) {
      if (!response.ok) return readError(response).then(function (message) { throw new Error(message); });
      return response.json().catch(function () { throw new Error(TEXT.badAnswer + "."); });
    }, function () {
      return diagnose().then(function (message) { throw new Error(message); });
    }).then(function (answer) {
      waiting.remove();
      addMessage("bot", answerNodes(answer));
      history.push({ question: question, answer: String(answer.answer || "") });
      box.value = "";
    }).catch(function (error) {
      waiting.remove();
      addMessage("error", [error.message], "Erreur");
    }).then(function () {
      setBusy(false);
      box.focus();
    });
  }

  function mount() { document.body.appendChild(host); }
  if (document.body) mount(); else document.addEventListener("DOMContentLoaded", mount);
})();
