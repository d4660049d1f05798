package io.dealledger.invoice.doctor;

import java.util.List;
import java.util.stream.Collectors;

import io.dealledger.zoho.crm.CrmWebhook;

/**
 * Whether CRM tells the gateway about deal edits: a Deals webhook action posting to {@code <gateway>/webhooks/crm}
 * that an active workflow rule runs (CRM's list says {@code associated}). CRM's list shows no headers, so the secret
 * header stays a thing to check by hand. Not having it never stops invoicing: a deal amount changed in CRM then
 * reaches the ledger only with the deal's next invoice request.
 */
final class DealChangeCheck {

    static final String NAME = "CRM deal changes";
    private static final String SETUP = "docs/zoho-setup.md §3 a)";

    private DealChangeCheck() {
    }

    /** CRM refused or did not answer the webhook list. */
    static SetupCheck unreadable(String reason) {
        return SetupCheck.warn(NAME, "CRM did not list its webhooks: " + reason, "grant"
                + " ZohoCRM.settings.automation_actions.READ (and the Manage Workflow permission), or check the Deals"
                + " webhook by hand: " + SETUP);
    }

    static SetupCheck of(String gatewayUrl, List<CrmWebhook> dealWebhooks) {
        String url = gatewayUrl + "/webhooks/crm";
        List<CrmWebhook> ours = dealWebhooks.stream().filter(w -> url.equals(w.url())).toList();
        if (ours.isEmpty()) {
            return SetupCheck.warn(NAME, "no Deals webhook posts to " + url, "add it in CRM (Setup > Automation >"
                    + " Actions > Webhooks, POST, header X-Dealledger-Crm-Secret) and a workflow rule on Deals"
                    + " \"Create or Edit\" that runs it: " + SETUP + "; until then a changed deal amount reaches the"
                    + " ledger only with the deal's next invoice");
        }
        List<CrmWebhook> running = ours.stream().filter(CrmWebhook::associated)
                .filter(w -> "POST".equalsIgnoreCase(w.httpMethod())).toList();
        if (running.isEmpty()) {
            String names = ours.stream().map(w -> "\"" + w.name() + "\" (" + w.httpMethod()
                    + (w.associated() ? "" : ", no active rule runs it") + ")").collect(Collectors.joining(", "));
            return SetupCheck.warn(NAME, "the Deals webhook to " + url + " does not run: " + names, "make it POST and"
                    + " attach it to an active workflow rule on Deals \"Create or Edit\": " + SETUP);
        }
        return SetupCheck.pass(NAME, "\"" + running.get(0).name() + "\" posts Deal edits to " + url + " (run by a"
                + " workflow rule); CRM does not list its headers: X-Dealledger-Crm-Secret is checked by the gateway"
                + " (401 on a wrong one)");
    }
}
