/*
 * Local stand-in for Zoho's embedded-app SDK, served by the gateway's widget local mode only
 * (GET /widget/local/sdk.js). It gives the widget the two things it uses:
 *   ZOHO.embeddedApp.on("PageLoad", fn) + init()  -> fn({Entity: "Deals", EntityId: [<?dealId=…>]})
 *   ZOHO.CRM.FUNCTIONS.execute(name, {arguments})  -> POST /widget/local/call, which signs on the gateway as the
 *                                                     Deluge function does in Zoho; same answer shape as Zoho's.
 * Optional ?pollSeconds=N sets the widget's refresh interval.
 */
(function () {
  "use strict";
  var params = new URLSearchParams(window.location.search);
  var handlers = {};
  window.DEALLEDGER_WIDGET_CONFIG = { pollSeconds: params.get("pollSeconds") };
  window.ZOHO = {
    embeddedApp: {
      on: function (event, handler) { handlers[event] = handler; },
      init: function () {
        return Promise.resolve().then(function () {
          if (handlers.PageLoad) { handlers.PageLoad({ Entity: "Deals", EntityId: [params.get("dealId")] }); }
        });
      }
    },
    CRM: {
      FUNCTIONS: {
        execute: function (name, request) {
          if (name !== "dealledger_widget_call") {
            return Promise.resolve({ code: "error", message: "no such function: " + name });
          }
          return fetch("local/call", {
            method: "POST", headers: { "Content-Type": "application/json" }, body: request.arguments
          }).then(function (response) {
            return response.text().then(function (text) {
              if (!response.ok) { return { code: "error", message: "HTTP " + response.status + ": " + text }; }
              return { code: "success", message: "function executed successfully",
                details: { output: text, output_type: "string" } };
            });
          });
        }
      }
    }
  };
}());
