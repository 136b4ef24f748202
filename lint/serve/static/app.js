// kommlint serve: the page's behaviour. Plain JavaScript, no build step.
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

  const state = {
    settings: { max_live_chars: 20000, max_upload_bytes: 10485760, extensions: [], profiles: [] },
    mode: "text", // "text" (pasted) or "file" (uploaded)
    file: null,
    result: null, // the JSON answer of /api/check?view=1
    checkedText: null, // the pasted text the result belongs to
    selected: null,
    sequence: 0,
    timer: null,
    rules: new Map(),
  };

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
    const payload = { text: $("text").value, format: $("format").value, profile: profile || null };
    return { body: JSON.stringify(payload), headers: { "Content-Type": "application/json" } };
  }

  async function check() {
    clearTimeout(state.timer);
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
    clearTimeout(state.timer);
    const length = $("text").value.length;
    if (length > state.settings.max_live_chars) {
      setStatus("Texten är lång (" + length + " tecken): tryck på Granska texten när du vill granska den.");
      return;
    }
    state.timer = setTimeout(check, DEBOUNCE_MS);
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
    renderDocument();
    renderList();
    renderMetrics();
    renderNotices();
    $("detalj").hidden = true;
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

  // The server counts characters (code points); JavaScript strings count UTF-16 units, so
  // every offset is converted before slicing (they differ after an emoji, say).
  function unitIndex(text, points) {
    if (!/[\uD800-\uDFFF]/.test(text)) return points;
    let units = 0;
    let count = 0;
    for (const character of text) {
      if (count === points) break;
      units += character.length;
      count += 1;
    }
    return units;
  }

  // Cut a block's text at every mark boundary; each piece knows the findings covering it.
  function pieces(text, pointMarks) {
    const marks = pointMarks.map((mark) => ({ finding: mark.finding, start: unitIndex(text, mark.start), end: unitIndex(text, mark.end) }));
    const cuts = new Set([0, text.length]);
    for (const mark of marks) {
      cuts.add(mark.start);
      cuts.add(mark.end);
    }
    const sorted = Array.from(cuts).sort((a, b) => a - b);
    const result = [];
    for (let i = 0; i + 1 < sorted.length; i++) {
      const start = sorted[i];
      const end = sorted[i + 1];
      const covering = marks.filter((mark) => mark.start <= start && end <= mark.end);
      result.push({ text: text.slice(start, end), covering });
    }
    return result;
  }

  function renderDocument() {
    const area = $("dokument");
    area.replaceChildren();
    const diagnostics = file().diagnostics;
    for (const block of state.result.view.blocks) {
      const paragraph = el("p", { class: block.kind });
      for (const piece of pieces(block.text, block.marks)) {
        if (!piece.covering.length) {
          paragraph.append(document.createTextNode(piece.text));
          continue;
        }
        // The narrowest finding is the one a click opens.
        const primary = piece.covering.reduce((a, b) => (b.end - b.start < a.end - a.start ? b : a));
        const diagnostic = diagnostics[primary.finding];
        const mark = el("mark", {
          class: "f " + principleClass(diagnostic.principle) + " s-" + diagnostic.severity,
          "data-finding": String(primary.finding),
          "data-code": diagnostic.code,
        }, piece.text);
        mark.addEventListener("click", () => select(primary.finding, false));
        paragraph.append(mark);
      }
      area.append(paragraph);
    }
    if (!state.result.view.blocks.length) area.append(el("p", { class: "hint" }, "Texten har inget innehåll att visa."));
  }

  function renderList() {
    const list = $("fyndlista");
    list.replaceChildren();
    const diagnostics = file().diagnostics;
    if (!diagnostics.length) {
      list.append(el("p", {}, "Inga fynd. Bra jobbat!"));
      return;
    }
    const outside = new Set(state.result.view.outside);
    for (const principle of PRINCIPLES) {
      const indices = diagnostics.map((d, i) => i).filter((i) => (PRINCIPLES.includes(diagnostics[i].principle) ? diagnostics[i].principle : "kommlint") === principle);
      if (!indices.length) continue;
      const items = el("ul", {});
      for (const index of indices) {
        const d = diagnostics[index];
        const where = outside.has(index) ? "utanför den visade texten" : "rad " + d.line;
        const button = el("button", {
          type: "button",
          class: "finding " + principleClass(d.principle),
          "data-finding": String(index),
          "aria-current": "false",
        }, el("span", { class: "code" }, d.code), " · " + (SEVERITY_TITLES[d.severity] || d.severity) + " · " + where + ": " + d.message);
        button.addEventListener("click", () => select(index, true));
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

  function renderMetrics() {
    const metrics = state.result.view.metrics || {};
    const rows = [
      ["LIX", formatNumber(metrics.lix) + (metrics.band ? " (" + metrics.band + ")" : "")],
      ["OVIX", formatNumber(metrics.ovix)],
      ["Nominalkvot", metrics.nk === null || metrics.nk === undefined ? "– (kräver ordklasser i språkmodellen)" : formatNumber(metrics.nk)],
      ["Ord", formatNumber(metrics.words)],
      ["Meningar", formatNumber(metrics.sentences)],
      ["Andel passiv", metrics.passive_share === null || metrics.passive_share === undefined ? "– (kräver ordklasser i språkmodellen)" : Math.round(metrics.passive_share * 100) + " %"],
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

  // Selecting a finding ---------------------------------------------------------------
  async function ruleInfo(code) {
    if (!state.rules.has(code)) {
      state.rules.set(code, api("/api/rules/" + encodeURIComponent(code)).then((r) => r.json()).catch(() => null));
    }
    return state.rules.get(code);
  }

  async function select(index, fromList) {
    state.selected = index;
    for (const mark of document.querySelectorAll("mark.f")) {
      mark.classList.toggle("selected", mark.dataset.finding === String(index));
    }
    for (const button of document.querySelectorAll("button.finding")) {
      button.setAttribute("aria-current", button.dataset.finding === String(index) ? "true" : "false");
    }
    const first = document.querySelector('mark.f[data-finding="' + index + '"]');
    if (first && fromList) first.scrollIntoView({ block: "nearest" });
    const diagnostic = file().diagnostics[index];
    const rule = await ruleInfo(diagnostic.code);
    if (state.selected !== index) return;
    renderDetail(index, diagnostic, rule);
    $("detalj").hidden = false;
    if (fromList) $("detalj-rubrik").focus();
  }

  function section(title, text) {
    if (!text) return [];
    return [el("h4", {}, title), el("p", {}, text)];
  }

  function renderDetail(index, d, rule) {
    $("detalj-rubrik").textContent = d.code + " " + d.name;
    const content = $("detalj-innehall");
    content.replaceChildren();
    content.append(el("p", { class: "message" }, d.message));
    const facts = el("dl", {},
      el("dt", {}, "Princip"), el("dd", {}, PRINCIPLE_TITLES[d.principle] || d.principle),
      el("dt", {}, "Nivå"), el("dd", {}, SEVERITY_TITLES[d.severity] || d.severity),
      el("dt", {}, "Plats"), el("dd", {}, "rad " + d.line + ", kolumn " + d.column),
      el("dt", {}, "Träff"), el("dd", {}, "»" + d.match + "«"));
    if (d.suggestions.length) facts.append(el("dt", {}, "Förslag"), el("dd", {}, d.suggestions.join(", ")));
    content.append(facts);
    content.append(...fixControls(d));
    if (rule) {
      const explanation = rule.explanation || {};
      content.append(...section("Vad regeln gör", explanation.vad));
      content.append(...section("Varför", explanation.varfor));
      content.append(...section("Skriv hellre", explanation.skriv_hellre));
      content.append(...section("Källa", rule.source));
      if (rule.link && /^https:\/\//.test(rule.link)) {
        content.append(el("p", {}, el("a", { href: rule.link, rel: "noopener noreferrer", target: "_blank" }, "Läs mer om regeln (öppnas i ny flik)")));
      }
    }
  }

  function fixControls(d) {
    if (!d.fix || d.fix.safety !== "safe") return [];
    const button = el("button", { type: "button", id: "anvand-forslaget" }, "Använd förslaget");
    const usable = state.mode === "text" && state.checkedText !== null && $("text").value === state.checkedText;
    if (!usable) {
      button.disabled = true;
      const why = state.mode === "file" ? "Förslag kan bara föras in i inklistrad text." : "Texten har ändrats: vänta på den nya granskningen.";
      return [el("div", { class: "actions" }, button), el("p", { class: "hint" }, why)];
    }
    button.addEventListener("click", () => applyFix(d));
    return [el("div", { class: "actions" }, button)];
  }

  function applyFix(d) {
    const textarea = $("text");
    let text = textarea.value;
    if (text !== state.checkedText) return;
    const edits = d.fix.edits.slice().sort((a, b) => b.offset - a.offset);
    for (const edit of edits) {
      text = text.slice(0, unitIndex(text, edit.offset)) + edit.replacement + text.slice(unitIndex(text, edit.end_offset));
    }
    textarea.value = text;
    setStatus("Förslaget är infört. Granskar igen …");
    check().then(() => {
      // Keyboard users go on with the next finding (or back to the text).
      const next = document.querySelector("button.finding");
      (next || textarea).focus();
    });
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
    check();
  }

  async function download(kind) {
    if (!state.result) {
      setStatus("Granska en text först, sedan kan du ladda ner rapporten.");
      return;
    }
    try {
      const response = await api("/api/report?format=" + kind, Object.assign({ method: "POST" }, requestBody()));
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const link = el("a", { href: url, download: "kommlint-rapport." + kind });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    } catch (error) {
      setStatus(error.message, true);
    }
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
    $("text").addEventListener("input", scheduleCheck);
    $("granska").addEventListener("click", () => { state.mode = "text"; state.file = null; check(); });
    select.addEventListener("change", () => { if (state.result) check(); });
    $("format").addEventListener("change", () => { if (state.mode === "text" && state.result) check(); });
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
    document.body.dataset.ready = "true";
  }

  start();
})();
