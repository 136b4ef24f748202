// kommlint serve: the marked text, moving between findings, and the explanation card.
// Marks are buttons for assistive technology (role, tabindex, a label with the finding);
// Tab and the arrow keys move between them, Enter opens the card, Esc closes it.
"use strict";

(function () {
  const page = () => window.kommlintPage;
  const $ = (id) => document.getElementById(id);
  const NARROW = "(max-width: 48rem)";
  let origin = null; // the mark or list item the open card belongs to

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

  function markFor(piece, diagnostics) {
    const { el, principleClass, SEVERITY_TITLES } = page();
    // The narrowest finding is the one a click opens.
    const primary = piece.covering.reduce((a, b) => (b.end - b.start < a.end - a.start ? b : a));
    const d = diagnostics[primary.finding];
    const mark = el("mark", {
      class: "f " + principleClass(d.principle) + " s-" + d.severity,
      "data-finding": String(primary.finding),
      "data-code": d.code,
      role: "button",
      tabindex: "0",
      "aria-expanded": "false",
      "aria-controls": "detalj",
      "aria-label": piece.text + " – " + d.code + ", " + (SEVERITY_TITLES[d.severity] || d.severity) + ": " + d.message,
    }, piece.text);
    mark.addEventListener("click", () => select(primary.finding, "click", mark));
    return mark;
  }

  function renderDocument() {
    const { el, state, file } = page();
    const area = $("dokument");
    area.replaceChildren();
    const diagnostics = file().diagnostics;
    for (const block of state.result.view.blocks) {
      const paragraph = el("p", { class: block.kind });
      for (const piece of pieces(block.text, block.marks)) {
        paragraph.append(piece.covering.length ? markFor(piece, diagnostics) : document.createTextNode(piece.text));
      }
      area.append(paragraph);
    }
    if (!state.result.view.blocks.length) area.append(el("p", { class: "hint" }, "Texten har inget innehåll att visa."));
  }

  // Selecting a finding ---------------------------------------------------------------
  async function ruleInfo(code) {
    const { state, api } = page();
    if (!state.rules.has(code)) {
      state.rules.set(code, api("/api/rules/" + encodeURIComponent(code)).then((r) => r.json()).catch(() => null));
    }
    return state.rules.get(code);
  }

  // `how`: "click" (a mark, by mouse), "key" (a mark, by keyboard) or "list".
  async function select(index, how, from) {
    const { state, file } = page();
    state.selected = index;
    origin = from || document.querySelector('button.finding[data-finding="' + index + '"]');
    for (const mark of document.querySelectorAll("mark.f")) {
      const current = mark.dataset.finding === String(index);
      mark.classList.toggle("selected", current);
      mark.setAttribute("aria-expanded", current ? "true" : "false");
    }
    for (const button of document.querySelectorAll("button.finding")) {
      button.setAttribute("aria-current", button.dataset.finding === String(index) ? "true" : "false");
    }
    const first = document.querySelector('mark.f[data-finding="' + index + '"]');
    const diagnostic = file().diagnostics[index];
    const rule = await ruleInfo(diagnostic.code);
    if (state.selected !== index) return;
    renderDetail(diagnostic, rule);
    $("detalj").hidden = false;
    keepInView(first, how === "list");
    if (how !== "click") $("detalj-rubrik").focus({ preventScroll: true });
  }

  // The card stands beside the text (or over its lower part on a phone): keep the mark
  // above it and the card itself on screen, without moving the list the user clicked in.
  function keepInView(mark, fromList) {
    const card = $("detalj");
    const narrow = window.matchMedia(NARROW).matches;
    if (mark && !$("granskad").hidden) {
      const box = mark.getBoundingClientRect();
      const summary = $("sammanfattning").getBoundingClientRect().height;
      const bottom = narrow ? window.innerHeight - card.getBoundingClientRect().height : window.innerHeight;
      if (box.top < summary || box.bottom > bottom || fromList) {
        window.scrollBy({ top: box.top - summary - Math.max(16, (bottom - summary) / 4) });
      }
    }
    card.scrollTop = 0;
  }

  function closeDetail(restoreFocus) {
    const card = $("detalj");
    if (card.hidden) return;
    card.hidden = true;
    for (const mark of document.querySelectorAll("mark.f.selected")) {
      mark.classList.remove("selected");
      mark.setAttribute("aria-expanded", "false");
    }
    if (restoreFocus && origin && document.contains(origin)) origin.focus();
    origin = null;
  }

  function section(title, text) {
    const { el } = page();
    if (!text) return [];
    return [el("h4", {}, title), el("p", {}, text)];
  }

  function renderDetail(d, rule) {
    const { el, PRINCIPLE_TITLES, SEVERITY_TITLES } = page();
    $("detalj-rubrik").textContent = d.code + " " + d.name;
    const content = $("detalj-innehall");
    content.replaceChildren();
    content.append(el("p", { class: "message" }, d.message));
    const place = (d.page ? "sida " + d.page + ", " : "") + "rad " + d.line + ", kolumn " + d.column;
    const facts = el("dl", {},
      el("dt", {}, "Princip"), el("dd", {}, PRINCIPLE_TITLES[d.principle] || d.principle),
      el("dt", {}, "Nivå"), el("dd", {}, SEVERITY_TITLES[d.severity] || d.severity),
      el("dt", {}, "Plats"), el("dd", {}, place),
      el("dt", {}, "Träff"), el("dd", {}, "”" + d.match + "”"));
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

  // Why there is no button, when there is none: the user should not have to guess.
  function fixControls(d) {
    const { el, state } = page();
    if (!d.fix || d.fix.safety !== "safe") {
      if (d.fix) return [el("p", { class: "hint no-fix" }, "Ingen knapp för förslaget: det kan ändra vad texten betyder, så skriv om meningen själv.")];
      if (d.suggestions.length) return [el("p", { class: "hint no-fix" }, "Ingen knapp för förslaget: det är en vägledning som du behöver anpassa och skriva in själv.")];
      return [];
    }
    const button = el("button", { type: "button", id: "anvand-forslaget" }, "Använd förslaget");
    const usable = state.mode === "text" && state.checkedText !== null && $("text").value === state.checkedText;
    if (!usable) {
      button.disabled = true;
      let why = "Texten har ändrats: vänta på den nya granskningen.";
      if (state.mode === "file") why = "Förslag kan bara föras in i inklistrad text." + (/\.docx$/i.test(state.file.name) ? " Ladda ner Word-filen med kommentarer för att få rättningen som spårad ändring." : "");
      return [el("div", { class: "actions" }, button), el("p", { class: "hint" }, why)];
    }
    button.addEventListener("click", () => applyFix(d));
    return [el("div", { class: "actions" }, button)];
  }

  function applyFix(d) {
    const { state, setStatus, check } = page();
    const textarea = $("text");
    let text = textarea.value;
    if (text !== state.checkedText) return;
    const edits = d.fix.edits.slice().sort((a, b) => b.offset - a.offset);
    for (const edit of edits) {
      text = text.slice(0, unitIndex(text, edit.offset)) + edit.replacement + text.slice(unitIndex(text, edit.end_offset));
    }
    textarea.value = text;
    setStatus("Förslaget är infört. Granskar igen …");
    const showing = !$("granskad").hidden;
    check(showing).then(() => {
      // Keyboard users go on with the next finding (or back to the text).
      const next = showing ? document.querySelector("mark.f") : document.querySelector("button.finding");
      (next || (showing ? $("dokument") : textarea)).focus();
    });
  }

  // Keyboard ---------------------------------------------------------------------------
  function step(items, current, key) {
    const index = items.indexOf(current);
    if (key === "Home") return items[0];
    if (key === "End") return items[items.length - 1];
    const forward = key === "ArrowRight" || key === "ArrowDown";
    return items[Math.min(items.length - 1, Math.max(0, index + (forward ? 1 : -1)))];
  }

  const MOVES = ["ArrowRight", "ArrowDown", "ArrowLeft", "ArrowUp", "Home", "End"];

  function onDocumentKey(event) {
    const mark = event.target.closest && event.target.closest("mark.f");
    if (!mark) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      select(Number(mark.dataset.finding), "key", mark);
    } else if (MOVES.includes(event.key)) {
      event.preventDefault();
      step(Array.from(document.querySelectorAll("#dokument mark.f")), mark, event.key).focus();
    }
  }

  function onListKey(event) {
    const button = event.target.closest && event.target.closest("button.finding");
    if (!button || !MOVES.includes(event.key)) return;
    event.preventDefault();
    step(Array.from(document.querySelectorAll("#fyndlista button.finding")), button, event.key).focus();
  }

  function listen() {
    $("dokument").addEventListener("keydown", onDocumentKey);
    $("fyndlista").addEventListener("keydown", onListKey);
    $("stang-detalj").addEventListener("click", () => closeDetail(true));
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && !$("detalj").hidden) {
        event.preventDefault();
        closeDetail(true);
      }
    });
  }

  window.kommlintMarks = { renderDocument, select, closeDetail, listen, unitIndex };
})();
