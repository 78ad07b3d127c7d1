// diglot web app: progress while the server works, glossary entries on focus as on hover,
// and the translation editable in place. Every form also works without this file.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // Long work (aligning, translating) shows a progress bar and a status line until the page comes back.
  for (const form of document.querySelectorAll("form[data-progress]")) {
    form.addEventListener("submit", (event) => {
      const button = event.submitter;
      if (button && button.hasAttribute("data-download")) return; // a download leaves the page as it is
      const bar = form.querySelector("progress.working");
      if (bar) bar.hidden = false;
      let status = form.querySelector(".working-status");
      if (!status) {
        status = document.createElement("p");
        status.className = "working-status";
        status.setAttribute("role", "status");
        form.append(status);
      }
      status.textContent = form.dataset.progress;
    });
  }

  // A glossary term shows its entry on keyboard focus, not only on mouse hover.
  let tip = null;
  const hide = () => { if (tip) { tip.remove(); tip = null; } };
  for (const mark of document.querySelectorAll("mark.term[title]")) {
    mark.tabIndex = 0;
    mark.dataset.note = mark.title;
    mark.addEventListener("focus", () => {
      hide();
      tip = document.createElement("div");
      tip.className = "tip";
      tip.setAttribute("role", "tooltip");
      tip.textContent = mark.dataset.note;
      document.body.append(tip);
      const box = mark.getBoundingClientRect();
      tip.style.left = `${Math.max(8, Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8))}px`;
      tip.style.top = `${window.scrollY + box.bottom + 6}px`;
    });
    mark.addEventListener("blur", hide);
  }
  document.addEventListener("keydown", (event) => { if (event.key === "Escape") hide(); });

  // On the translate page, each entry's first mention in the article is marked (first-mention style matters there).
  for (const side of ["src", "tgt"]) {
    const seen = new Set();
    for (const mark of document.querySelectorAll(`.bead.paragraph > p.${side} mark.term[data-entry]`)) {
      if (!seen.has(mark.dataset.entry)) {
        seen.add(mark.dataset.entry);
        mark.classList.add("first-mention");
      }
    }
  }

  // The translation, paragraph by paragraph, is edited in place; the download form follows the edits.
  const target = document.querySelector("textarea#translation");
  const cells = document.querySelectorAll(".editable[data-paragraph]");
  if (target && cells.length) {
    for (const cell of cells) {
      cell.contentEditable = "true";
      cell.spellcheck = true;
      cell.addEventListener("input", () => {
        target.value = Array.from(cells, (c) => c.innerText.replace(/\s+/g, " ").trim()).join("\n\n") + "\n";
      });
    }
  }
});
