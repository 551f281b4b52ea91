// Place picker: a search box whose htmx results are buttons that fill a hidden code field.
document.addEventListener("click", function (event) {
  var option = event.target.closest(".place-picker .option");
  if (!option) return;
  var picker = option.closest(".place-picker");
  picker.querySelector("input[type=hidden]").value = option.dataset.code;
  var search = picker.querySelector("input[type=search]");
  search.value = option.dataset.label;
  picker.querySelector(".chosen").textContent = option.dataset.label + " (" + option.dataset.code + ")";
  picker.querySelector("ul").innerHTML = "";
  search.focus();
});
// Copy an informant link to the clipboard.
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-copy]");
  if (!button || !navigator.clipboard) return;
  navigator.clipboard.writeText(button.dataset.copy);
  button.textContent = button.dataset.copied || button.textContent;
});
// A picker that shows its choice at once (no inline handlers: the CSP allows scripts from
// this file only).
document.addEventListener("change", function (event) {
  var field = event.target.closest("[data-submit-on-change]");
  if (field && field.form) field.form.submit();
});
// Rating rows not saved yet: the browser asks before leaving them (another variable, another
// rater, any link). A row saved (htmx swaps in a fresh one) or submitted is no longer pending.
document.addEventListener("input", function (event) {
  var row = event.target.closest("form.rating-row");
  if (row) row.dataset.unsaved = "1";
});
document.addEventListener("submit", function (event) {
  if (event.target.matches("form.rating-row")) delete event.target.dataset.unsaved;
});
window.addEventListener("beforeunload", function (event) {
  if (!document.querySelector("form.rating-row[data-unsaved]")) return;
  event.preventDefault();
  event.returnValue = "";
});
// "Save every indicator": one form that gathers what each rating row holds, sent as one save.
document.querySelectorAll("form[data-collects]").forEach(function (form) {
  form.hidden = false;
  form.addEventListener("submit", function () {
    document.querySelectorAll(form.dataset.collects).forEach(function (row) {
      new FormData(row).forEach(function (value, name) {
        if (name === "csrfmiddlewaretoken" || name === "rater") return;
        var input = document.createElement("input");
        input.type = "hidden";
        input.name = name;
        input.value = value;
        form.appendChild(input);
      });
      delete row.dataset.unsaved;
    });
  });
});
