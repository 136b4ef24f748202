// kommlint serve: checking, the summary bar, the findings list and the downloads.
// marks.js draws the marked text and the explanation card. Plain JavaScript, no build step.
// Every text from the user or the rule packs is put in the page with textContent or
// createTextNode, never as HTML (the Content-Security-Policy enforces Trusted Types).
"use strict";

(function () {
  const token = document.querySelector('meta[name="kommlint-token"]').content;
  const $ = (id) => document.getElementById(id);
  const PRINCIPLES = ["klarspråk", "målgrupp", "avsändare", "offentlighet", "tillgänglighet", "språkriktighet", "kommlint"];
  const PRINCIPLE_TITLES = {
    "klarspråk": "Klarspråk", "målgrupp": "Målgrupp", "avsändare": "Avsändare",
    "offentlighet": "Offentlighet", "tillgänglighet": "Tillgänglighet", "språkriktighet": "Språkriktighet", "kommlint": "Undantag",
  };
  const SEVERITY_TITLES = { error: "fel", warning: "varning", info: "info" };
  const SOURCE_TITLES = {
    cli: "vald av dig i listan", metadata: "angiven i dokumentet", config: "från konfigurationen",
    detected: "igenkänd från texten", default: "standardprofil",
  };
  const DEBOUNCE_MS = 500;
  const MIN_OVIX_WORDS = 100;

  const state = {
    settings: { max_live_chars: 20000, max_upload_bytes: 10485760, extensions: [], profiles: [] },
    mode: "text", // "text" (pasted) or "file" (uploaded)
    file: null,
    result: null, // the JSON answer of /api/check?view=1
    checkedText: null, // the pasted text the result belongs to
    showMarked: false, // after this check, show the marked text in place of the text area
    selected: null,
    sequence: 0,
    timer: null,
    rules: new Map(),
  };

  function principleOf(d) {
    return PRINCIPLES.includes(d.principle) ? d.principle : "kommlint";
  }

  function principleClass(principle) {
    const ascii = principle.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    return "p-" + (PRINCIPLES.includes(principle) ? ascii : "kommlint");
  }

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes || {})) {
      if (key === "class") node.className = value;
      else node.setAttribute(key, value);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  function setStatus(message, isError) {
    const status = $("status");
    status.textContent = message;
    status.classList.toggle("error", Boolean(isError));
    $("sammanfattning").hidden = !message && !state.result;
  }

  async function api(path, options) {
    const request = Object.assign({}, options || {});
    request.headers = Object.assign({ "X-Kommlint-Token": token }, request.headers || {});
    const response = await fetch(path, request);
    if (!response.ok) {
      let message = "Servern svarade med fel " + response.status + ".";
      try {
        const body = await response.json();
        if (body && body.error) message = body.error;
      } catch (ignored) { /* not JSON */ }
      throw new Error(message);
    }
    return response;
  }

  // What the current check is about: the pasted text or the chosen file.
  function requestBody() {
    const profile = $("profil").value;
    if (state.mode === "file" && state.file) {
      const form = new FormData();
      form.append("file", state.file, state.file.name);
      if (profile) form.append("profile", profile);
      return { body: form };
    }
    const body = { text: $("text").value, format: $("format").value };
    if (profile) body.profile = profile;
    return { body: JSON.stringify(body), headers: { "Content-Type": "application/json" } };
  }

  async function check(showMarked) {
    clearTimeout(state.timer);
    if (showMarked) state.showMarked = true;
    if (state.mode === "text" && !$("text").value.trim()) {
      setStatus("Skriv eller klistra in en text först.");
      return;
    }
    if (state.mode === "file" && state.file && state.file.size > state.settings.max_upload_bytes) {
      setStatus("Filen är för stor att granska här.", true);
      return;
    }
    const sequence = ++state.sequence;
    const text = $("text").value;
    setStatus("Granskar …");
    try {
      const response = await api("/api/check?view=1", Object.assign({ method: "POST" }, requestBody()));
      const result = await response.json();
      if (sequence !== state.sequence) return; // a newer check has started
      state.result = result;
      state.checkedText = state.mode === "text" ? text : null;
      state.selected = null;
      render();
    } catch (error) {
      if (sequence === state.sequence) setStatus(error.message, true);
    }
  }

  function scheduleCheck() {
    state.mode = "text";
    state.file = null;
    $("fil-namn").textContent = "Ingen fil vald";
    clearTimeout(state.timer);
    const length = $("text").value.length;
    if (length > state.settings.max_live_chars) {
      setStatus("Texten är lång (" + length + " tecken): tryck på Granska texten när du vill granska den.");
      return;
    }
    state.timer = setTimeout(() => check(false), DEBOUNCE_MS);
  }

  // Rendering -----------------------------------------------------------------------
  function file() {
    return state.result.files[0];
  }

  function render() {
    const current = file();
    const count = current.diagnostics.length;
    const unreadable = current.errors.filter((error) => error.code === "E001");
    if (unreadable.length) {
      setStatus(unreadable.map((error) => error.message).join(" "), true);
    } else {
      const problems = current.errors.length ? " Något gick fel i granskningen, se Meddelanden." : "";
      const what = state.mode === "file" && state.file ? "Granskat (" + state.file.name + "): " : "Granskat: ";
      setStatus(what + (count === 0 ? "inga fynd." : count + " fynd.") + problems);
    }
    renderProfile(current);
    window.kommlintMarks.renderDocument();
    renderSummary();
    renderList();
    renderMetrics();
    renderNotices();
    window.kommlintMarks.closeDetail(false);
    $("fynd").hidden = false;
    $("resultat").hidden = false;
    $("word-kommentarer").hidden = !(isWordFile() && !unreadable.length);
    if (state.showMarked || state.mode === "file") showMarkedText(true);
    state.showMarked = false;
  }

  // The marked text stands where the text area was; "Redigera texten" brings it back.
  function showMarkedText(marked) {
    const textarea = $("text");
    $("skriv").hidden = marked;
    $("granskad").hidden = !marked;
    $("redigera").hidden = !marked || state.mode === "file";
    if (!marked) textarea.focus();
  }

  function renderProfile(current) {
    const info = $("profilinfo");
    if (!current.profile) {
      info.textContent = "";
      return;
    }
    const known = state.settings.profiles.find((profile) => profile.name === current.profile);
    const title = known ? known.title : current.profile;
    // A profile chosen in the list reaches the engine like --profile; say it in the page's words.
    const why = current.profile_source === "cli" ? SOURCE_TITLES.cli : current.profile_reason || SOURCE_TITLES[current.profile_source] || current.profile_source;
    info.textContent = "Profil: " + title + " – " + why + ".";
    $("profil").options[0].textContent = "Känn igen automatiskt (nu: " + title + ")";
  }

  function renderSummary() {
    const diagnostics = file().diagnostics;
    const chips = $("per-princip");
    chips.replaceChildren();
    for (const principle of PRINCIPLES) {
      const number = diagnostics.filter((d) => principleOf(d) === principle).length;
      if (!number) continue;
      chips.append(el("li", { class: "chip " + principleClass(principle) }, (PRINCIPLE_TITLES[principle] || principle) + " " + number));
    }
    const metrics = state.result.view.metrics || {};
    $("lix-kort").textContent = metrics.words ? "LIX " + formatNumber(metrics.lix) + (metrics.band ? " (" + metrics.band + ")" : "") : "";
  }

  function where(d, index) {
    if (new Set(state.result.view.outside).has(index)) return "utanför den visade texten";
    return (d.page ? "sida " + d.page + ", " : "") + "rad " + d.line;
  }

  function renderList() {
    const list = $("fyndlista");
    list.replaceChildren();
    const diagnostics = file().diagnostics;
    if (!diagnostics.length) {
      list.append(el("p", {}, "Inga fynd. Bra jobbat!"));
      return;
    }
    for (const principle of PRINCIPLES) {
      const indices = diagnostics.map((d, i) => i).filter((i) => principleOf(diagnostics[i]) === principle);
      if (!indices.length) continue;
      const items = el("ul", {});
      for (const index of indices) {
        const d = diagnostics[index];
        const button = el("button", {
          type: "button",
          class: "finding " + principleClass(d.principle),
          "data-finding": String(index),
          "aria-current": "false",
        }, el("span", { class: "code" }, d.code), " · " + (SEVERITY_TITLES[d.severity] || d.severity) + " · " + where(d, index) + ": " + d.message);
        button.addEventListener("click", () => window.kommlintMarks.select(index, "list"));
        items.append(el("li", {}, button));
      }
      const title = (PRINCIPLE_TITLES[principle] || principle) + " (" + indices.length + ")";
      list.append(el("section", { class: "group", "data-principle": principle }, el("h4", {}, title), items));
    }
  }

  function formatNumber(value) {
    if (value === null || value === undefined) return "–";
    return String(value).replace(".", ",");
  }

  function ovixText(metrics) {
    if (metrics.ovix !== null && metrics.ovix !== undefined) return formatNumber(metrics.ovix);
    if ((metrics.words || 0) < MIN_OVIX_WORDS) return "– (ordvariationen mäts i texter med minst " + MIN_OVIX_WORDS + " ord)";
    return "– (går inte att räkna: alla ord är olika)";
  }

  function renderMetrics() {
    const metrics = state.result.view.metrics || {};
    const untagged = "– (kräver ordklasser i språkmodellen)";
    const rows = [
      ["LIX", formatNumber(metrics.lix) + (metrics.band ? " (" + metrics.band + ")" : "")],
      ["OVIX", ovixText(metrics)],
      ["Nominalkvot", metrics.nk === null || metrics.nk === undefined ? untagged : formatNumber(metrics.nk)],
      ["Ord", formatNumber(metrics.words)],
      ["Meningar", formatNumber(metrics.sentences)],
      ["Andel passiv", metrics.passive_share === null || metrics.passive_share === undefined ? untagged : Math.round(metrics.passive_share * 100) + " %"],
    ];
    const list = $("matt");
    list.replaceChildren();
    for (const [name, value] of rows) list.append(el("dt", {}, name), el("dd", {}, value));
    const chart = $("diagram");
    chart.replaceChildren();
    let number = 0;
    for (const block of state.result.view.blocks) {
      if (block.kind === "heading" || !block.metrics || !block.metrics.words) continue;
      number += 1;
      const bar = el("div", { class: "bar band-" + block.metrics.band.replace(/ /g, "-") });
      bar.style.width = Math.min(100, (block.metrics.lix / 70) * 100) + "%";
      const label = "Stycke " + number + " ”" + block.metrics.opening + "”: LIX " + formatNumber(block.metrics.lix) + " (" + block.metrics.band + "), " + block.metrics.words + " ord";
      chart.append(el("li", {}, el("span", {}, label), el("div", { class: "bar-track", "aria-hidden": "true" }, bar)));
    }
  }

  function renderNotices() {
    const errors = file().errors.filter((error) => error.code !== "E001").map((error) => error.message);
    const notices = errors.concat(state.result.notices || []);
    const list = $("meddelande-lista");
    list.replaceChildren(...notices.map((notice) => el("li", {}, notice)));
    $("meddelanden").hidden = notices.length === 0;
    $("meddelanden").open = errors.length > 0;
  }

  // Uploads and downloads ---------------------------------------------------------------
  function chooseFile(chosen) {
    if (!chosen) return;
    const dot = chosen.name.lastIndexOf(".");
    const extension = dot >= 0 ? chosen.name.slice(dot).toLowerCase() : "";
    if (state.settings.extensions.length && !state.settings.extensions.includes(extension)) {
      setStatus("Filtypen " + (extension || "(ingen)") + " kan inte granskas här. Tillåtna: " + state.settings.extensions.join(", ") + ".", true);
      return;
    }
    state.mode = "file";
    state.file = chosen;
    $("fil-namn").textContent = chosen.name;
    check(true);
  }

  function save(blob, name) {
    const url = URL.createObjectURL(blob);
    const link = el("a", { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  async function download(kind) {
    try {
      const response = await api("/api/report?format=" + kind, Object.assign({ method: "POST" }, requestBody()));
      save(await response.blob(), "kommlint-rapport." + kind);
    } catch (error) {
      setStatus(error.message, true);
    }
  }

  function isWordFile() {
    return state.mode === "file" && state.file && /\.docx$/i.test(state.file.name);
  }

  async function downloadWord() {
    try {
      setStatus("Skriver kommentarerna i Word-filen …");
      const response = await api("/api/annotate", Object.assign({ method: "POST" }, requestBody()));
      save(await response.blob(), state.file.name.replace(/\.docx$/i, "") + ".kommlint.docx");
      setStatus("Word-filen med kommentarer är nedladdad. Öppna den i Word och välj Granska för att se kommentarerna och ändringarna.");
    } catch (error) {
      setStatus(error.message, true);
    }
  }

  function listen() {
    const textarea = $("text");
    textarea.addEventListener("input", scheduleCheck);
    textarea.addEventListener("paste", () => { state.showMarked = true; });
    $("granska").addEventListener("click", () => {
      if (state.mode === "file" && state.file) { check(true); return; }
      state.mode = "text";
      state.file = null;
      check(true);
    });
    $("redigera").addEventListener("click", () => showMarkedText(false));
    $("profil").addEventListener("change", () => { if (state.result) check(false); });
    $("format").addEventListener("change", () => { if (state.mode === "text" && state.result) check(false); });
    $("fil").addEventListener("change", (event) => chooseFile(event.target.files[0]));
    const drop = $("drop");
    drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("over"); });
    drop.addEventListener("dragleave", () => drop.classList.remove("over"));
    drop.addEventListener("drop", (event) => {
      event.preventDefault();
      drop.classList.remove("over");
      chooseFile(event.dataTransfer.files[0]);
    });
    // A file dropped beside the zone must not make the browser leave the page.
    document.addEventListener("dragover", (event) => event.preventDefault());
    document.addEventListener("drop", (event) => event.preventDefault());
    $("rapport-html").addEventListener("click", () => download("html"));
    $("rapport-json").addEventListener("click", () => download("json"));
    $("word-kommentarer").addEventListener("click", downloadWord);
  }

  async function start() {
    try {
      const response = await api("/api/settings");
      state.settings = await response.json();
    } catch (error) {
      setStatus(error.message, true);
    }
    const select = $("profil");
    for (const profile of state.settings.profiles) select.append(el("option", { value: profile.name }, profile.title));
    if (state.settings.extensions.length) $("fil").setAttribute("accept", state.settings.extensions.join(","));
    listen();
    window.kommlintMarks.listen();
    // The side column sticks just below the summary bar, whatever height the bar wraps to.
    const bar = $("sammanfattning");
    new ResizeObserver(() => document.documentElement.style.setProperty("--summary-h", bar.offsetHeight + "px")).observe(bar);
    document.body.dataset.ready = "true";
  }

  window.kommlintPage = {
    $, el, api, state, file, setStatus, check, principleClass, where,
    PRINCIPLE_TITLES, SEVERITY_TITLES,
  };
  document.addEventListener("DOMContentLoaded", start);
})();
