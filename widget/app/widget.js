/*
 * dealledger CRM Deal widget: Financial Insight and Invoice Association.
 *
 * Every call to dealledger goes through the Deluge function DEALLEDGER_FUNCTION (ZOHO.CRM.FUNCTIONS.execute),
 * which signs it server-side with the CRM signing secret (signature v2: method, path, nonce, body); this page
 * never sees that secret. The function answers a JSON string {"status": <HTTP status>, "body": "<the gateway's
 * answer>"}. Every user action that changes something (a link, an unlink, an invoice request) carries one
 * Idempotency-Key, the same on every retry of that action, so a retried request is never a second one.
 * Plain ES2019, no build step, no dependencies besides Zoho's embedded-app SDK.
 */
(function () {
  "use strict";

  var DEALLEDGER_FUNCTION = "dealledger_widget_call";
  var CONFIG = window.DEALLEDGER_WIDGET_CONFIG || {};
  var POLL_SECONDS = Number(CONFIG.pollSeconds) >= 1 ? Number(CONFIG.pollSeconds) : 5; // ledger refresh while visible
  var HIDDEN_POLL_SECONDS = 60;   // while the tab or panel is hidden
  var CANDIDATES_RETRY_SECONDS = 30; // a failed candidates list is asked again this long after
  var LINK_TIMEOUT_SECONDS = 30;  // a link that does not reach the ledger by then is reported as not linked
  var RETRY_DELAYS_MS = [1000, 3000]; // a change the gateway could not take (503, no answer) is sent again, same key

  var STATUS_LABELS = {
    NOT_INVOICED: "Not invoiced", UNPAID: "Unpaid", PARTIALLY_PAID: "Partially paid", PAID: "Paid",
    OVERDUE: "Overdue"
  };
  var CATEGORY_LABELS = {
    MISSING_TAX_MAPPING: "Missing tax mapping", MISSING_ORG_MAPPING: "Missing Books organization mapping",
    UNKNOWN_SKU: "Unknown or ambiguous SKU", DEAL_WITHOUT_ACCOUNT: "Deal without account",
    CRM_RECORD_MISSING: "CRM record missing", CRM_FIELD_MISSING: "CRM field missing",
    INVALID_REQUEST: "Invoice request not valid for the deal", BOOKS_VALIDATION: "Books validation error",
    BOOKS_UNAVAILABLE: "Books unavailable", BOOKS_DAILY_LIMIT: "Books daily API limit reached",
    CRM_UNAVAILABLE: "CRM unavailable",
    ZOHO_AUTHORIZATION: "Zoho authorization failed", LINK_REFUSED: "Invoice link refused",
    UNREADABLE_EVENT: "Unreadable event", INTERNAL: "Unexpected error"
  };
  var INVOICE_STATUS_LABELS = {
    paid: "Paid", partially_paid: "Partially paid", unpaid: "Sent", sent: "Sent", overdue: "Overdue", void: "Void",
    draft: "Draft", viewed: "Viewed"
  };

  var state = {
    dealId: null,
    version: -1,
    asOf: null,           // the date whose figures are shown ("yyyy-MM-dd"), null for today's
    ledger: null,
    candidates: [],
    candidatesLoaded: false,
    candidatesRetryAt: 0, // when a failed candidates list is asked again (0: it did not fail)
    linkedInvoices: null, // the ids of the invoices linked to the deal, as the ledger last said
    candidatesOrg: null,
    candidateDates: {},   // invoiceId -> invoice date, from the candidates list (older ledgers carry no date)
    pendingLinks: {},     // invoiceId -> {number, requestId, deadline}
    pendingUnlinks: {},   // invoiceId -> {number, deadline}
    actionKeys: {},       // what a user asked for -> its Idempotency-Key, until the gateway answered it for good
    messageTimer: null,
    pollTimer: null,
    locale: (navigator.languages && navigator.languages[0]) || navigator.language || "en-US"
  };

  function $(id) { return document.getElementById(id); }

  // ---- calls through the signing function ------------------------------------------------------------

  function call(method, path, body, idempotencyKey) {
    var args = { method: method, path: path, body: body === undefined ? "" : JSON.stringify(body),
      idempotencyKey: idempotencyKey || "" };
    return ZOHO.CRM.FUNCTIONS.execute(DEALLEDGER_FUNCTION, { arguments: JSON.stringify(args) })
      .then(function (response) {
        if (!response || response.code !== "success" || !response.details) {
          throw new Error("the dealledger function failed: " + ((response && response.message) || "no answer"));
        }
        var output = typeof response.details.output === "string"
          ? JSON.parse(response.details.output) : response.details.output;
        var parsed = null;
        if (output.body) {
          try { parsed = JSON.parse(output.body); } catch (notJson) { parsed = { detail: String(output.body) }; }
        }
        return { status: Number(output.status), body: parsed };
      });
  }

  // One Idempotency-Key per user action: asking again for the same thing after a failure (no answer, a 503) is
  // the same action, so it reuses the key and the gateway answers with the same request instead of a second one.
  function newKey() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function keyFor(action) {
    if (!state.actionKeys[action]) { state.actionKeys[action] = newKey(); }
    return state.actionKeys[action];
  }

  function retryable(answer) { return answer.status === 502 || answer.status === 503 || answer.status === 504; }

  // A change: sent with its action's key, and sent again (same key) while the gateway could not take it. Once the
  // gateway has answered for good (accepted or refused), the action is over and the next one gets a new key.
  function change(action, method, path, body) {
    var key = keyFor(action);
    function attempt(retriesLeft) {
      return call(method, path, body, key).then(function (answer) {
        if (retryable(answer) && retriesLeft.length) {
          return wait(retriesLeft[0]).then(function () { return attempt(retriesLeft.slice(1)); });
        }
        if (!retryable(answer)) { delete state.actionKeys[action]; }
        return answer;
      }, function (failure) {
        if (!retriesLeft.length) { throw failure; }
        return wait(retriesLeft[0]).then(function () { return attempt(retriesLeft.slice(1)); });
      });
    }
    return attempt(RETRY_DELAYS_MS);
  }

  function wait(ms) { return new Promise(function (resolve) { setTimeout(resolve, ms); }); }

  function problemText(answer) {
    var p = answer.body || {};
    var text = p.detail || p.title || ("HTTP " + answer.status);
    if (p.reason && text.indexOf(p.reason) < 0) { text += " (" + p.reason + ")"; }
    return text;
  }

  // ---- formatting -----------------------------------------------------------------------------------

  function money(amount, currency) {
    if (amount === null || amount === undefined || amount === "") { return "–"; }
    try {
      // Intl accepts the exact decimal string (no float rounding on large amounts)
      return new Intl.NumberFormat(state.locale, { style: "currency", currency: currency || "USD" }).format(amount);
    } catch (e) {
      return amount + " " + (currency || "");
    }
  }

  function date(isoDate) {
    if (!isoDate) { return "–"; }
    var parts = String(isoDate).split("-");
    var d = new Date(Date.UTC(Number(parts[0]), Number(parts[1]) - 1, Number(parts[2])));
    return new Intl.DateTimeFormat(state.locale, { dateStyle: "medium", timeZone: "UTC" }).format(d);
  }

  function positive(amount) { return amount !== null && amount !== undefined && Number(amount) > 0; }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { node.textContent = attrs[k]; } else if (k === "className") { node.className = attrs[k]; }
      else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { node.appendChild(c); } });
    return node;
  }

  // A link/unlink confirmation fades after a while; errors stay until the next action.
  function linkMessage(kind, text) {
    var node = $("link-message");
    clearTimeout(state.messageTimer);
    message(node, kind, text);
    if (kind === "success") { state.messageTimer = setTimeout(function () { node.hidden = true; }, 20000); }
  }

  function message(node, kind, text, items) {
    node.className = "message" + (kind ? " " + kind : "");
    node.textContent = text;
    if (items && items.length) {
      var list = el("ul");
      items.forEach(function (item) { list.appendChild(el("li", { text: item })); });
      node.appendChild(list);
    }
    node.hidden = false;
  }

  // ---- Financial insight ------------------------------------------------------------------------------

  function renderLedger(ledger) {
    if (!state.asOf) { renderFigures(ledger); }

    var error = $("last-invoice-error");
    if (ledger.lastInvoiceError && ledger.lastInvoiceErrorCategory === "BOOKS_DAILY_LIMIT") {
      // parked until the Books organization's day turns, then tried again by itself
      error.textContent = "Last invoice request is waiting: " + ledger.lastInvoiceError;
      error.hidden = false;
    } else if (ledger.lastInvoiceError) {
      var category = CATEGORY_LABELS[ledger.lastInvoiceErrorCategory];
      error.textContent = "Last invoice request was rejected" + (category ? " (" + category + ")" : "") + ": "
        + ledger.lastInvoiceError;
      error.hidden = false;
    } else {
      error.hidden = true;
    }
    renderLinked(ledger);
  }

  // The figures and status of a ledger: today's, or one as of a date (same field names, no version or errors).
  function renderFigures(ledger) {
    var c = ledger.currency;
    ["dealValue", "totalInvoiced", "totalPaid", "totalCredited", "outstanding", "uninvoiced", "overdue"]
      .forEach(function (field) {
        document.querySelector('dd[data-field="' + field + '"]').textContent = money(ledger[field], c);
      });
    var overdue = document.querySelector('dd[data-field="overdue"]');
    overdue.classList.toggle("overdue-amount", positive(ledger.overdue));
    document.querySelector('dd[data-field="lastPaymentDate"]').textContent = date(ledger.lastPaymentDate);

    var status = $("payment-status");
    status.textContent = STATUS_LABELS[ledger.paymentStatus] || ledger.paymentStatus;
    status.className = "badge " + String(ledger.paymentStatus).toLowerCase();
    status.setAttribute("data-status", ledger.paymentStatus);

    var progress = $("progress");
    if (positive(ledger.dealValue)) {
      var value = Number(ledger.dealValue);
      var invoiced = Math.min(100, Math.round(100 * Number(ledger.totalInvoiced || 0) / value));
      var paid = Math.min(100, Math.round(100 * (Number(ledger.totalPaid || 0) + Number(ledger.totalCredited || 0)) / value));
      $("bar-invoiced").style.width = invoiced + "%";
      $("bar-paid").style.width = paid + "%";
      progress.setAttribute("aria-label", "Invoiced " + invoiced + "% and paid or credited " + paid
        + "% of the deal value");
      progress.hidden = false;
    } else {
      progress.hidden = true;
    }
  }

  // ---- the ledger as of a date ----------------------------------------------------------------------------

  function localToday() {
    var now = new Date();
    return now.getFullYear() + "-" + ("0" + (now.getMonth() + 1)).slice(-2) + "-" + ("0" + now.getDate()).slice(-2);
  }

  // Read once per date picked (a past day does not change by itself); today's figures come back with "Back to today".
  function showAsOf(day) {
    var note = $("as-of-note");
    if (!day) { return showToday(); }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
      note.textContent = "Pick a date as year, month and day.";
      return Promise.resolve();
    }
    state.asOf = day;
    $("as-of-today").hidden = false;
    note.textContent = "Reading the figures as of " + date(day) + "…";
    return call("GET", "/api/v1/deals/" + state.dealId + "/ledger?asOf=" + day).then(function (answer) {
      if (state.asOf !== day) { return; } // another date was picked meanwhile
      if (answer.status !== 200) {
        note.textContent = "No figures as of " + date(day) + ": " + problemText(answer);
        return;
      }
      renderFigures(answer.body);
      $("insight").setAttribute("data-as-of", day);
      note.textContent = "Figures as of the end of " + date(day) + " (" + answer.body.zone + "), with the invoices"
        + " linked to the deal then. The invoice list below is today's.";
    }, function (failure) {
      note.textContent = "No figures as of " + date(day) + ": " + failure.message;
    });
  }

  function showToday() {
    state.asOf = null;
    $("as-of").value = "";
    $("as-of-today").hidden = true;
    $("insight").removeAttribute("data-as-of");
    $("as-of-note").textContent = "Today's figures. Pick a date to see them as they stood at the end of that day.";
    if (state.ledger) { renderFigures(state.ledger); }
    return Promise.resolve();
  }

  function invoiceItem(invoice, currency, linked) {
    var status = String(invoice.status || "");
    var mismatch = status.indexOf("currency_mismatch:") === 0;
    var label = mismatch ? "Other currency (" + status.split(":")[1] + ")" : (INVOICE_STATUS_LABELS[status] || status);
    var amountCurrency = mismatch ? status.split(":")[1] : (invoice.currency || currency);
    var number = invoice.invoiceNumber || invoice.invoiceId;
    var title = invoice.invoiceUrl
      ? el("a", { href: invoice.invoiceUrl, target: "_blank", rel: "noopener", className: "number",
        text: number, "aria-label": "Invoice " + number + " (opens Zoho Books)" })
      : el("span", { className: "number", text: number });
    var badge = el("span", { className: "badge " + (mismatch ? "" : status), text: label, "data-status": status });
    var invoiceDate = invoice.date || invoice.invoiceDate || state.candidateDates[invoice.invoiceId];
    var details = el("dl", {}, [
      invoiceDate ? el("dt", { text: "Date" }) : null, invoiceDate ? el("dd", { text: date(invoiceDate) }) : null,
      el("dt", { text: "Due" }), el("dd", { text: date(invoice.dueDate) }),
      el("dt", { text: "Total" }), el("dd", { text: money(invoice.total, amountCurrency), "data-field": "total" }),
      el("dt", { text: "Balance" }), el("dd", { text: money(invoice.balance, amountCurrency), "data-field": "balance" })
    ]);
    var button = linked
      ? el("button", { type: "button", className: "unlink", text: "Unlink", "aria-label": "Unlink invoice " + number })
      : el("button", { type: "button", className: "link", text: "Link", "aria-label": "Link invoice " + number + " to this deal" });
    button.addEventListener("click", function () {
      if (linked) { unlink(invoice, button); } else { link(invoice, button); }
    });
    var refused = linked ? null : linkRejection(invoice.invoiceId);
    var item = el("li", { className: "invoice" + (status === "overdue" ? " is-overdue" : ""),
      "data-invoice-id": invoice.invoiceId, "data-status": status }, [
      el("div", { className: "head" }, [title, badge]), details,
      refused ? el("p", { className: "refused", "data-field": "link-refused",
        text: "Link refused: " + refused.message }) : null,
      el("div", { className: "actions" }, [button])
    ]);
    return item;
  }

  // The ledger keeps the latest refused link per invoice until that invoice is linked.
  function linkRejection(invoiceId) {
    var found = null;
    ((state.ledger && state.ledger.linkRejections) || []).forEach(function (r) {
      if (r.invoiceId === invoiceId) { found = r; }
    });
    return found;
  }

  function renderLinked(ledger) {
    var list = $("linked");
    list.textContent = "";
    (ledger.invoices || []).forEach(function (invoice) { list.appendChild(invoiceItem(invoice, ledger.currency, true)); });
    $("linked-empty").hidden = (ledger.invoices || []).length > 0;
  }

  function renderCandidates() {
    var linkedIds = {};
    ((state.ledger && state.ledger.invoices) || []).forEach(function (i) { linkedIds[i.invoiceId] = true; });
    var list = $("candidates");
    list.textContent = "";
    var shown = state.candidates.filter(function (i) { return !linkedIds[i.invoiceId]; });
    shown.forEach(function (invoice) {
      var item = invoiceItem(invoice, state.ledger && state.ledger.currency, false);
      if (state.pendingLinks[invoice.invoiceId]) {
        var b = item.querySelector("button");
        b.disabled = true;
        b.textContent = "Linking…";
      }
      list.appendChild(item);
    });
    var empty = $("candidates-empty");
    empty.textContent = "No other invoice of this customer is waiting to be linked.";
    empty.hidden = shown.length > 0;
  }

  // ---- loading and refreshing ---------------------------------------------------------------------------

  function loadLedger() {
    return call("GET", "/api/v1/deals/" + state.dealId + "/ledger").then(function (answer) {
      if (answer.status === 404) {
        $("refresh-status").textContent = "dealledger has no ledger for this deal yet.";
        $("candidates-empty").hidden = false;
        return false;
      }
      if (answer.status !== 200) { throw new Error(problemText(answer)); }
      $("load-error").hidden = true;
      var changed = answer.body.version !== state.version;
      // the candidates list costs a Books call: it is asked again only when the invoices linked to the deal change
      var links = (answer.body.invoices || []).map(function (i) { return i.invoiceId; }).sort().join(",");
      var linksChanged = links !== state.linkedInvoices;
      state.linkedInvoices = links;
      state.ledger = answer.body;
      if (changed) {
        state.version = answer.body.version;
        renderLedger(answer.body);
        checkPendingLinks();
      }
      $("refresh-status").textContent = "Updated " + new Intl.DateTimeFormat(state.locale, { timeStyle: "medium" })
        .format(new Date());
      return linksChanged;
    });
  }

  function loadCandidates() {
    return call("GET", "/api/v1/deals/" + state.dealId + "/invoice-candidates").then(function (answer) {
      var empty = $("candidates-empty");
      state.candidatesLoaded = true;
      if (answer.status !== 200) {
        // retried when the deal's linked invoices change, or after CANDIDATES_RETRY_SECONDS (a Books budget that was
        // short for a moment, a slow answer), not on every poll; the invoices already shown stay
        state.candidatesRetryAt = Date.now() + CANDIDATES_RETRY_SECONDS * 1000;
        renderCandidates();
        empty.textContent = "Candidate invoices cannot be shown: " + problemText(answer);
        empty.hidden = false;
        return;
      }
      state.candidatesOrg = answer.body.organizationId;
      state.candidatesRetryAt = 0;
      state.candidates = answer.body.invoices || [];
      state.candidates.forEach(function (i) { if (i.date) { state.candidateDates[i.invoiceId] = i.date; } });
      renderCandidates();
      if (state.ledger) { renderLinked(state.ledger); }
    });
  }

  function refresh() {
    clearTimeout(state.pollTimer);
    return loadLedger()
      .then(function (linksChanged) {
        var retry = state.candidatesRetryAt && Date.now() >= state.candidatesRetryAt;
        if (linksChanged || !state.candidatesLoaded || retry) { return loadCandidates(); }
      })
      .catch(function (error) {
        message($("load-error"), "error", "dealledger cannot be reached: " + error.message + ". Retrying…");
      })
      .then(function () {
        $("widget").setAttribute("aria-busy", "false");
        var pending = Object.keys(state.pendingLinks).length + Object.keys(state.pendingUnlinks).length > 0;
        var seconds = document.visibilityState === "hidden" ? HIDDEN_POLL_SECONDS : (pending ? 1 : POLL_SECONDS);
        state.pollTimer = setTimeout(refresh, seconds * 1000);
      });
  }

  // ---- Invoice association --------------------------------------------------------------------------------

  function link(invoice, button) {
    var number = invoice.invoiceNumber || invoice.invoiceId;
    button.disabled = true;
    button.textContent = "Linking…";
    change("link|" + invoice.invoiceId, "POST", "/api/v1/deals/" + state.dealId + "/invoice-links",
      { invoiceId: invoice.invoiceId, organizationId: invoice.organizationId || candidatesOrg() })
      .then(function (answer) {
        if (answer.status !== 202) {
          linkMessage("error", "Invoice " + number + " was not linked: " + problemText(answer));
          button.disabled = false;
          button.textContent = "Link";
          return;
        }
        state.pendingLinks[invoice.invoiceId] = { number: number, requestId: answer.body && answer.body.requestId,
          deadline: Date.now() + LINK_TIMEOUT_SECONDS * 1000 };
        linkMessage("", "Linking invoice " + number + ": dealledger is checking it against Books…");
        refresh();
      })
      .catch(function (error) {
        linkMessage("error", "Invoice " + number + " was not linked: " + error.message);
        button.disabled = false;
        button.textContent = "Link";
      });
  }

  function candidatesOrg() {
    return state.candidatesOrg || (state.ledger && state.ledger.organizationId);
  }

  // A pending link ends when the invoice appears among the linked ones, or when the ledger carries the refusal
  // of this very request (its reason is shown); one that has done neither by its deadline is reported as not linked.
  function checkPendingLinks() {
    var linked = {};
    ((state.ledger && state.ledger.invoices) || []).forEach(function (i) { linked[i.invoiceId] = true; });
    Object.keys(state.pendingLinks).forEach(function (invoiceId) {
      var pending = state.pendingLinks[invoiceId];
      var refused = linkRejection(invoiceId);
      if (linked[invoiceId]) {
        delete state.pendingLinks[invoiceId];
        linkMessage("success", "Invoice " + pending.number + " is linked to this deal.");
      } else if (refused && refused.requestId === pending.requestId) {
        delete state.pendingLinks[invoiceId];
        linkMessage("error", "Invoice " + pending.number + " was not linked: " + refused.message);
        renderCandidates();
      }
    });
    Object.keys(state.pendingUnlinks).forEach(function (invoiceId) {
      if (!linked[invoiceId]) {
        var unlinked = state.pendingUnlinks[invoiceId];
        linkMessage("success", "Invoice " + unlinked.number + " is no longer linked to this deal.");
        delete state.pendingUnlinks[invoiceId];
        // it is the customer's again: shown among the candidates at once, without waiting for a Books read
        var known = state.candidates.some(function (c) { return c.invoiceId === invoiceId; });
        if (!known && unlinked.invoice) {
          state.candidates = state.candidates.concat([unlinked.invoice]);
          renderCandidates();
        }
      }
    });
  }

  function expirePendingLinks() {
    Object.keys(state.pendingLinks).forEach(function (invoiceId) {
      var pending = state.pendingLinks[invoiceId];
      if (Date.now() > pending.deadline) {
        delete state.pendingLinks[invoiceId];
        linkMessage("error", "Invoice " + pending.number + " was not linked: dealledger refused the"
          + " link (the invoice may belong to another customer or deal, or be void in Books), or Books did not"
          + " answer in time. Check the invoice in Books and try again.");
        renderCandidates();
      }
    });
    Object.keys(state.pendingUnlinks).forEach(function (invoiceId) {
      var pending = state.pendingUnlinks[invoiceId];
      if (Date.now() > pending.deadline) {
        delete state.pendingUnlinks[invoiceId];
        linkMessage("error", "Invoice " + pending.number + " is still linked: the unlink did not reach the ledger."
          + " Try again, or check the invoice in Books.");
        if (state.ledger) { renderLinked(state.ledger); }
      }
    });
  }

  function unlink(invoice, button) {
    var number = invoice.invoiceNumber || invoice.invoiceId;
    button.disabled = true;
    button.textContent = "Unlinking…";
    change("unlink|" + invoice.invoiceId, "DELETE", "/api/v1/deals/" + state.dealId + "/invoice-links/"
      + invoice.invoiceId + "?organizationId=" + encodeURIComponent(invoice.organizationId))
      .then(function (answer) {
        if (answer.status !== 202) { throw new Error(problemText(answer)); }
        state.pendingUnlinks[invoice.invoiceId] = { number: number, invoice: invoice,
          deadline: Date.now() + LINK_TIMEOUT_SECONDS * 1000 };
        linkMessage("", "Unlinking invoice " + number + "…");
        refresh();
      })
      .catch(function (error) {
        linkMessage("error", "Invoice " + number + " was not unlinked: " + error.message);
        button.disabled = false;
        button.textContent = "Unlink";
      });
  }

  // ---- Invoice this deal ------------------------------------------------------------------------------------

  function scope() { return document.querySelector('input[name="scope"]:checked').value; }

  function onScopeChange() {
    var s = scope();
    $("stage-fields").hidden = s === "whole";
    $("percentage-field").hidden = s !== "percentage";
    $("fixed-field").hidden = s !== "fixed";
  }

  function requestBody() {
    var s = scope();
    if (s === "whole") { return {}; }
    var label = $("stage-label").value.trim();
    if (!label) { throw { field: "stage-label", message: "Give the stage a label, e.g. Deposit 30%." }; }
    if (s === "percentage") {
      var p = $("stage-percentage").value.trim().replace(",", ".");
      if (!/^\d{1,3}(\.\d{1,4})?$/.test(p) || Number(p) <= 0 || Number(p) > 100) {
        throw { field: "stage-percentage", message: "The percentage must be more than 0 and at most 100." };
      }
      return { stage: { label: label, percentage: Number(p) } };
    }
    var a = $("stage-amount").value.trim().replace(",", ".");
    if (!/^\d{1,17}(\.\d{1,3})?$/.test(a) || Number(a) <= 0) {
      throw { field: "stage-amount", message: "The amount must be a positive number, e.g. 1500.00." };
    }
    return { stage: { label: label, fixedAmount: a, currency: (state.ledger && state.ledger.currency) || undefined } };
  }

  function submitRequest(event) {
    event.preventDefault();
    var outcome = $("request-outcome");
    var body;
    try {
      body = requestBody();
    } catch (invalid) {
      message(outcome, "error", invalid.message);
      var field = $(invalid.field);
      field.setAttribute("aria-invalid", "true");
      field.focus();
      return;
    }
    ["stage-label", "stage-percentage", "stage-amount"].forEach(function (id) { $(id).removeAttribute("aria-invalid"); });
    var submit = $("request-submit");
    submit.disabled = true;
    outcome.removeAttribute("data-outcome");
    message(outcome, "", "Preparing a preview: nothing is created yet…");
    call("POST", "/api/v1/deals/" + state.dealId + "/invoice-previews", body)
      .then(function (answer) {
        if (answer.status !== 200) { throw new Error(problemText(answer)); }
        outcome.hidden = true;
        showPreview(answer.body, body);
      })
      .catch(function (error) { message(outcome, "error", "The preview failed: " + error.message); })
      .then(function () { submit.disabled = false; });
  }

  // ---- the preview: what the request would create, and every reason it would be refused ----

  function showPreview(preview, body) {
    var currency = (preview.totals && preview.totals.currency) || (state.ledger && state.ledger.currency);
    var parts = [];
    if (preview.organization) {
      parts.push(row("Books organization", preview.organization.organizationId
        + (preview.organization.legalEntity ? " (" + preview.organization.legalEntity + ")" : "")));
    }
    if (preview.customer) {
      parts.push(row("Customer", preview.customer.action === "CREATE"
        ? "New customer " + preview.customer.name + " will be created"
        : preview.customer.name + " (existing, " + preview.customer.customerId + ")"));
    }
    var lines = el("ul", { className: "preview-lines", id: "preview-lines" });
    (preview.lines || []).forEach(function (line) { lines.appendChild(previewLine(line, currency)); });
    if ((preview.lines || []).length) { parts.push(lines); }
    if (preview.totals && preview.totals.total !== null && preview.totals.total !== undefined) {
      parts.push(el("dl", { className: "preview-totals" }, [
        el("dt", { text: "Sub-total" }), el("dd", { text: money(preview.totals.subTotal, currency) }),
        el("dt", { text: "Tax" }), el("dd", { text: money(preview.totals.taxTotal, currency) }),
        el("dt", { text: "Total" }), el("dd", { text: money(preview.totals.total, currency), "data-field": "preview-total" })
      ]));
    }
    var reasons = (preview.reasons || []).map(function (r) {
      return (r.categoryLabel || CATEGORY_LABELS[r.category] || r.category) + ": " + r.message;
    });
    if (reasons.length) {
      var refused = el("div", { className: "message error", id: "preview-reasons", role: "alert" });
      message(refused, "error", "It would be rejected, so fix these first:", reasons);
      parts.push(refused);
    }
    var container = $("preview-body");
    container.textContent = "";
    parts.forEach(function (p) { container.appendChild(p); });
    $("preview").setAttribute("data-would-invoice", String(Boolean(preview.wouldInvoice)));
    $("preview-confirm").hidden = !preview.wouldInvoice;
    $("preview-confirm").onclick = function () { $("preview").hidden = true; sendRequest(body); };
    $("preview-cancel").onclick = function () { $("preview").hidden = true; $("request-submit").focus(); };
    $("preview").hidden = false;
    (preview.wouldInvoice ? $("preview-confirm") : $("preview-cancel")).focus();
  }

  function row(label, value) {
    return el("p", { className: "preview-row" }, [el("strong", { text: label + ": " }), document.createTextNode(value)]);
  }

  function previewLine(line, currency) {
    var notes = [];
    var item = line.item;
    if (item && item.action === "USE") {
      notes.push("Books item " + item.name + (item.sku ? " (SKU \u201c" + item.sku + "\u201d)" : ""));
      if (item.nearDuplicate && line.product) {
        notes.push("\u26a0 Near-duplicate SKU: \u201c" + line.product.sku + "\u201d in CRM matches \u201c" + item.sku
          + "\u201d in Books; the existing item is used, no duplicate is created");
      }
    } else if (item && item.action === "CREATE") {
      notes.push("New Books item will be created" + (item.sku ? " (SKU \u201c" + item.sku + "\u201d)" : ""));
    }
    if ((line.skuCollisions || []).length) {
      notes.push("\u26a0 Books already holds " + line.skuCollisions.length + " items with this SKU: "
        + line.skuCollisions.map(function (c) { return c.name + " (" + c.itemId + ")"; }).join(", "));
    }
    if (line.tax) {
      notes.push("Tax " + (line.tax.taxName || line.tax.taxId)
        + (line.tax.percentage !== null && line.tax.percentage !== undefined ? " " + line.tax.percentage + "%" : "")
        + (line.tax.taxAuthorityName ? ", authority " + line.tax.taxAuthorityName : ""));
    }
    return el("li", { className: "preview-line" }, [
      el("div", { className: "head" }, [el("span", { text: line.name }),
        el("span", { text: line.quantity + " \u00d7 " + money(line.rate, currency) + " = " + money(line.amount, currency) })]),
      notes.length ? el("ul", { className: "notes" }, notes.map(function (n) {
        return el("li", { text: n, className: n.indexOf("\u26a0") === 0 ? "warning" : "" });
      })) : null
    ]);
  }

  function sendRequest(body) {
    var outcome = $("request-outcome");
    var submit = $("request-submit");
    submit.disabled = true;
    message(outcome, "", "Sending the invoice request…");
    change("request|" + JSON.stringify(body), "POST", "/api/v1/deals/" + state.dealId + "/invoice-requests", body)
      .then(function (answer) {
        if (answer.status !== 202) { throw new Error(problemText(answer)); }
        message(outcome, "", "Request accepted: creating the invoice in Books…");
        return waitForOutcome(answer.body.requestId, 15);
      })
      .then(function (status) { showOutcome(status); refresh(); })
      .catch(function (error) { message(outcome, "error", "The invoice request failed: " + error.message); })
      .then(function () { submit.disabled = false; });
  }

  // Long-polls the request's status. waitSeconds stays below the gateway's ledger-timeout (5 s by default), which
  // would otherwise answer 503 before the ledger does; a 404 (not projected yet) or 503 is asked again.
  function waitForOutcome(requestId, attempts) {
    return call("GET", "/api/v1/invoice-requests/" + requestId + "?waitSeconds=4").then(function (answer) {
      if (answer.status === 200 && answer.body.status !== "accepted") { return answer.body; }
      if (answer.status !== 200 && answer.status !== 404 && answer.status !== 503) {
        throw new Error(problemText(answer));
      }
      if (attempts <= 1) { return { status: "accepted" }; }
      return waitForOutcome(requestId, attempts - 1);
    });
  }

  function showOutcome(status) {
    var outcome = $("request-outcome");
    if (status.status === "issued") {
      var number = (status.invoice && status.invoice.invoiceNumber) || "";
      message(outcome, "success", "Invoice " + number + " issued in Books. ");
      if (status.invoice && status.invoice.invoiceUrl) {
        outcome.appendChild(el("a", { href: status.invoice.invoiceUrl, target: "_blank", rel: "noopener",
          text: "Open " + number + " in Books" }));
      }
    } else if (status.status === "waiting") {
      // the Books organization's calls for today are spent: invoice-service tries again after its midnight
      message(outcome, "", "The invoice request is waiting:", (status.reasons || []).map(function (r) {
        return r.message;
      }));
    } else if (status.status === "rejected") {
      var reasons = (status.reasons || []).map(function (r) {
        var category = CATEGORY_LABELS[r.category];
        return (category ? category + ": " : "") + r.message + (r.field ? " (" + r.field + ")" : "");
      });
      message(outcome, "error", "The invoice request was rejected:", reasons.length ? reasons : ["no reason given"]);
      outcome.setAttribute("data-outcome", "rejected");
      return;
    } else {
      message(outcome, "", "The request is still being processed; the figures above update when the invoice is issued.");
    }
    outcome.setAttribute("data-outcome", status.status);
  }

  // ---- start -----------------------------------------------------------------------------------------------

  function start(dealId) {
    if (!/^\d{1,30}$/.test(String(dealId || ""))) {
      message($("load-error"), "error", "Open this widget from a Deal record.");
      $("widget").setAttribute("aria-busy", "false");
      return;
    }
    state.dealId = String(dealId);
    refresh();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll('input[name="scope"]').forEach(function (r) { r.addEventListener("change", onScopeChange); });
    $("request-form").addEventListener("submit", submitRequest);
    $("as-of").max = localToday();
    $("as-of").addEventListener("change", function () { if (state.dealId) { showAsOf($("as-of").value); } });
    $("as-of-form").addEventListener("submit", function (event) { event.preventDefault(); });
    $("as-of-today").addEventListener("click", showToday);
    document.addEventListener("visibilitychange", function () { if (state.dealId && !document.hidden) { refresh(); } });
    setInterval(expirePendingLinks, 1000);
    if (typeof ZOHO === "undefined" || !ZOHO.embeddedApp) {
      message($("load-error"), "error", "Zoho's embedded-app SDK did not load.");
      return;
    }
    ZOHO.embeddedApp.on("PageLoad", function (data) {
      var id = data && data.EntityId;
      start(Array.isArray(id) ? id[0] : id);
    });
    ZOHO.embeddedApp.init();
  });
}());
