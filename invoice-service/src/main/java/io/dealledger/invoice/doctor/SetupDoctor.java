package io.dealledger.invoice.doctor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.dealledger.invoice.books.BooksFields;
import io.dealledger.invoice.crm.CrmFields;
import io.dealledger.invoice.routing.RoutingProperties;
import io.dealledger.zoho.ZohoClients;
import io.dealledger.zoho.books.BooksClient;
import io.dealledger.zoho.books.BooksRecords.Organization;
import io.dealledger.zoho.books.BooksRecords.Tax;
import io.dealledger.zoho.books.BooksRecords.TaxAuthority;
import io.dealledger.zoho.books.BooksRecords.Webhook;
import io.dealledger.zoho.limits.Priority;

/**
 * Checks the configured Zoho against what dealledger needs, read through Zoho's published APIs only (the token
 * answer, {@code GET /organizations}, {@code /settings/taxes}, {@code /settings/taxauthorities},
 * {@code /settings/webhooks}, CRM {@code /settings/fields}, {@code /settings/variables},
 * {@code /settings/automation/webhooks}, the open deals' accounts);
 * writes nothing. What
 * those APIs do not show (Books custom fields, the Cliq channel) or invoice-service does not configure (the
 * ledger's CRM fields) is listed as a manual check with what to verify.
 */
public class SetupDoctor {

    /** The checklist, and whether invoicing can work. */
    public record Report(String zohoApiUrl, boolean invoicingCanWork, List<SetupCheck> checks) {
    }

    private final ZohoClients zoho;
    private final RoutingProperties routes;
    private final CrmFields crm;
    private final BooksFields booksFields;
    private final DoctorProperties doctor;
    private final String zohoApiUrl;
    private final Duration timeout;
    private final TaxChecks taxes;

    SetupDoctor(ZohoClients zoho, RoutingProperties routes, CrmFields crm, BooksFields booksFields,
                DoctorProperties doctor, String zohoApiUrl, Duration timeout, TaxChecks taxes) {
        this.zoho = zoho;
        this.taxes = taxes;
        this.routes = routes;
        this.crm = crm;
        this.booksFields = booksFields;
        this.doctor = doctor;
        this.zohoApiUrl = zohoApiUrl;
        this.timeout = timeout;
    }

    public Report examine() {
        List<SetupCheck> checks = new ArrayList<>();
        SetupCheck token = check("Zoho OAuth client", this::token);
        checks.add(token);
        if (token.status() == SetupCheck.Status.FAIL) {
            checks.add(SetupCheck.skipped("everything else", "no access token", "fix the OAuth client first"));
            return report(checks);
        }
        checks.add(check("OAuth scopes", this::scopes));
        BooksClient books = zoho.books().at(Priority.LOW);
        Map<String, Organization> orgs = new LinkedHashMap<>();
        SetupCheck organizations = check("Books organizations", () -> organizations(books, orgs));
        checks.add(organizations);
        checks.add(routing(orgs));
        checks.add(check("CRM fields", this::crmFields));
        checks.add(check("Deals line-item subform", this::subform));
        checks.add(check("CRM Variables", () -> variables(orgs)));
        checks.add(check("Tax table", () -> taxes.table(books, configuredOrganizations().keySet(), orgs)));
        checks.add(check("Tax regions of open deals", taxes::regionsOfOpenDeals));
        checks.add(check("Books webhooks", () -> webhooks(books, orgs)));
        checks.add(dealChanges());
        checks.addAll(manualChecks());
        return report(checks);
    }

    private Report report(List<SetupCheck> checks) {
        return new Report(zohoApiUrl, checks.stream().noneMatch(SetupCheck::stopsInvoicing), List.copyOf(checks));
    }

    private static SetupCheck check(String name, Supplier<SetupCheck> check) {
        try {
            return check.get();
        } catch (RuntimeException e) {
            return SetupCheck.fail(name, "Zoho refused or did not answer: " + e.getMessage(),
                    "see the error; a 401 is a missing scope or a refresh token of another data centre");
        }
    }

    private SetupCheck token() {
        zoho.tokens().accessToken().block(timeout);
        return SetupCheck.pass("Zoho OAuth client", "the refresh token mints access tokens");
    }

    private SetupCheck scopes() {
        Set<String> granted = zoho.tokens().grantedScopes().block(timeout);
        if (granted == null || granted.isEmpty()) {
            return SetupCheck.warn("OAuth scopes", "Zoho did not list the token's scopes; the checks below call with it",
                    "grant " + RequiredScopes.all());
        }
        List<RequiredScopes.Scope> missing = RequiredScopes.missing(granted);
        if (missing.isEmpty()) {
            return SetupCheck.pass("OAuth scopes", "every scope dealledger calls with is granted");
        }
        String names = missing.stream().map(s -> s.name() + " (" + s.usedFor() + ")").collect(Collectors.joining(", "));
        String fix = "make a new grant code with every scope (" + RequiredScopes.all()
                + ") and a new refresh token from it: docs/zoho-setup.md §6";
        return missing.stream().anyMatch(RequiredScopes.Scope::blocking)
                ? SetupCheck.fail("OAuth scopes", "missing " + names, fix)
                : SetupCheck.warn("OAuth scopes", "missing " + names, fix);
    }

    private SetupCheck organizations(BooksClient books, Map<String, Organization> found) {
        books.organizations().collectList().block(timeout).forEach(org -> found.put(org.organizationId(), org));
        Map<String, String> configured = configuredOrganizations();
        List<String> unknown = configured.entrySet().stream().filter(e -> !found.containsKey(e.getKey()))
                .map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
        if (configured.isEmpty()) {
            return SetupCheck.fail("Books organizations", "no Books organization is configured",
                    "set INVOICE_DEFAULT_ORGANIZATION to one of " + listed(found));
        }
        if (!unknown.isEmpty()) {
            return SetupCheck.fail("Books organizations", "not in this Zoho account: " + String.join(", ", unknown),
                    "use the ids GET /organizations lists: " + listed(found)
                            + " (dealledger.invoice.organizations, or blank a built-in entry with \"\")");
        }
        return SetupCheck.pass("Books organizations", configured.keySet().stream()
                .map(id -> id + " " + found.get(id).name() + " (" + found.get(id).currencyCode() + ")")
                .collect(Collectors.joining(", ")));
    }

    /** Org id → what names it in the configuration. */
    private Map<String, String> configuredOrganizations() {
        Map<String, String> configured = new LinkedHashMap<>();
        routes.organizations().forEach((entity, org) -> {
            if (org != null && !org.isBlank()) {
                configured.merge(org.trim(), "legal entity " + entity, (a, b) -> a + ", " + b);
            }
        });
        if (routes.defaultOrganization() != null) {
            configured.merge(routes.defaultOrganization(), "default", (a, b) -> a + ", default");
        }
        return configured;
    }

    private static String listed(Map<String, Organization> orgs) {
        return orgs.isEmpty() ? "(none: is this the right data centre?)" : orgs.values().stream()
                .map(o -> o.organizationId() + " " + o.name()).collect(Collectors.joining(", "));
    }

    private SetupCheck routing(Map<String, Organization> orgs) {
        String field = crm.legalEntityField();
        return routes.organizationWithoutLegalEntity()
                .map(org -> orgs.isEmpty() || orgs.containsKey(org)
                        ? SetupCheck.pass("Routing", "an account without " + field + " is invoiced in " + org)
                        : SetupCheck.fail("Routing", "an account without " + field + " would go to " + org
                                + ", which this Zoho account does not hold", "set INVOICE_DEFAULT_ORGANIZATION to one of "
                                + listed(orgs)))
                .orElseGet(() -> SetupCheck.warn("Routing", "several organizations and no default: every account needs "
                        + field, "set INVOICE_DEFAULT_ORGANIZATION, or fill in " + field + " on every account"));
    }

    /** Module → field → the data types accepted (empty: any), for what invoice-service reads and writes. */
    private Map<String, Map<String, Set<String>>> requiredCrmFields() {
        Set<String> any = Set.of();
        Set<String> text = Set.of("text", "textarea");
        Map<String, Set<String>> deals = new LinkedHashMap<>();
        deals.put("Deal_Name", any);
        deals.put("Stage", any);
        deals.put("Amount", Set.of("currency", "double", "bigint", "integer"));
        deals.put("Currency", any);
        deals.put("Account_Name", Set.of("lookup"));
        deals.put("Contact_Name", Set.of("lookup"));
        Map<String, Set<String>> accounts = new LinkedHashMap<>();
        for (String field : List.of("Account_Name", "Billing_Street", "Billing_City", "Billing_State", "Billing_Code",
                "Billing_Country")) {
            accounts.put(field, any);
        }
        accounts.put(crm.customerIdField(), text);
        if (routes.organizationWithoutLegalEntity().isEmpty() || configuredOrganizations().size() > 1) {
            accounts.put(crm.legalEntityField(), Set.of("text", "picklist"));
        }
        Map<String, Set<String>> products = new LinkedHashMap<>();
        products.put("Product_Name", any);
        products.put(crm.skuField(), any);
        products.put("Unit_Price", any);
        products.put(crm.itemIdField(), text);
        return Map.of("Deals", deals, "Accounts", accounts, "Products", products);
    }

    private SetupCheck crmFields() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (String module : List.of("Deals", "Accounts", "Products")) {
            Map<String, String> types = zoho.crm().fieldTypes(module).block(timeout);
            for (Map.Entry<String, Set<String>> field : requiredCrmFields().get(module).entrySet()) {
                checked++;
                String type = types.get(field.getKey());
                if (type == null) {
                    wrong.add(module + "." + field.getKey() + " missing");
                } else if (!field.getValue().isEmpty() && !field.getValue().contains(type)) {
                    wrong.add(module + "." + field.getKey() + " is " + type + ", wants " + String.join(" or ",
                            new TreeSet<>(field.getValue())));
                }
            }
        }
        if (!wrong.isEmpty()) {
            return SetupCheck.fail("CRM fields", String.join(", ", wrong), "create or fix them in CRM Setup > "
                    + "Customization > Modules and Fields (API names as listed), or set the INVOICE_CRM_*_FIELD variables"
                    + " to yours: docs/zoho-setup.md §8");
        }
        return SetupCheck.pass("CRM fields", checked + " fields on Deals, Accounts and Products, with their types");
    }

    private SetupCheck subform() {
        String subform = crm.lineItemsSubform();
        String type = zoho.crm().fieldTypes("Deals").block(timeout).get(subform);
        if ("subform".equals(type)) {
            return SetupCheck.pass("Deals line-item subform", subform + " is a subform of Deals");
        }
        return SetupCheck.fail("Deals line-item subform", type == null ? "Deals has no " + subform
                        : "Deals." + subform + " is " + type + ", not a subform",
                "add a subform " + subform + " to Deals with Product_Name (lookup to Products), Quantity and List_Price,"
                        + " or set INVOICE_CRM_LINE_ITEMS_SUBFORM: docs/zoho-setup.md §8");
    }

    private SetupCheck variables(Map<String, Organization> orgs) {
        if (!routes.organizationsFromCrmVariables()) {
            return SetupCheck.skipped("CRM Variables", "organizations-from-crm-variables is off", null);
        }
        Map<String, String> variables = zoho.crm().variables().block(timeout);
        String prefix = routes.crmVariablePrefix();
        String taxPrefix = prefix + "tax_";
        List<String> wrong = new ArrayList<>();
        int routing = 0;
        for (Map.Entry<String, String> v : variables.entrySet()) {
            if (v.getKey().startsWith(prefix) && !v.getKey().startsWith(taxPrefix)) {
                routing++;
                if (v.getValue() == null || !orgs.containsKey(v.getValue().trim())) {
                    wrong.add(v.getKey() + " = " + v.getValue());
                }
            }
        }
        if (!wrong.isEmpty()) {
            return SetupCheck.fail("CRM Variables", "not a Books organization of this account: " + String.join(", ", wrong),
                    "set each to an org id of " + listed(orgs) + " (CRM Setup > Developer Hub > Variables)");
        }
        return SetupCheck.pass("CRM Variables", variables.size() + " readable, " + routing + " routing a legal entity");
    }

    private SetupCheck webhooks(BooksClient books, Map<String, Organization> orgs) {
        if (doctor.gatewayUrl() == null) {
            return SetupCheck.skipped("Books webhooks", "no public gateway URL configured",
                    "set DEALLEDGER_PUBLIC_URL (the gateway's public HTTPS URL) to check them");
        }
        String header = doctor.webhookSecretHeader().toLowerCase(Locale.ROOT);
        List<String> without = new ArrayList<>();
        for (String org : new TreeSet<>(configuredOrganizations().keySet())) {
            if (!orgs.containsKey(org)) {
                continue;
            }
            String url = doctor.gatewayUrl() + "/webhooks/books/" + org;
            List<Webhook> hooks = books.listWebhooks(org).collectList().block(timeout);
            boolean ok = hooks.stream().anyMatch(w -> url.equals(w.url()) && w.headers().entrySet().stream()
                    .anyMatch(h -> h.getKey() != null && h.getKey().toLowerCase(Locale.ROOT).equals(header)
                            && h.getValue() != null && !h.getValue().isBlank()));
            if (!ok) {
                without.add(org + " (wants POST " + url + " with header " + doctor.webhookSecretHeader() + ")");
            }
        }
        if (!without.isEmpty()) {
            return SetupCheck.warn("Books webhooks", "no webhook to the gateway with its secret header in "
                    + String.join(", ", without), "add the webhook in Books (Settings > Automation > Workflow"
                    + " Actions > Webhooks) with the org's DEALLEDGER_BOOKS_WEBHOOK_SECRETS secret: docs/zoho-setup.md"
                    + " §2; until then payments arrive only through payment-service's poller");
        }
        return SetupCheck.pass("Books webhooks", "every organization posts to " + doctor.gatewayUrl()
                + " with " + doctor.webhookSecretHeader());
    }

    /** CRM's Deals webhook to the gateway; never blocking (a refused list is a warning naming the scope). */
    private SetupCheck dealChanges() {
        if (doctor.gatewayUrl() == null) {
            return SetupCheck.skipped(DealChangeCheck.NAME, "no public gateway URL configured",
                    "set DEALLEDGER_PUBLIC_URL (the gateway's public HTTPS URL) to check it");
        }
        try {
            return DealChangeCheck.of(doctor.gatewayUrl(), zoho.crm().webhooks("Deals").block(timeout));
        } catch (RuntimeException e) {
            return DealChangeCheck.unreadable(e.getMessage());
        }
    }

    private List<SetupCheck> manualChecks() {
        return List.of(
                SetupCheck.manual("Books custom fields", "Books publishes no API listing custom fields",
                        "in every org: invoice " + booksFields.requestIdField() + " (Text, Prevent Duplicate Values), "
                        + booksFields.dealIdField() + " (Text), " + booksFields.billedAmountField()
                        + " (Decimal); contact " + booksFields.accountIdField() + " and item "
                        + booksFields.productIdField() + " (Text, Prevent Duplicate Values): docs/zoho-setup.md §7"),
                SetupCheck.manual("The ledger's CRM fields", "their names are ledger-projection-service's settings", "the Deals and Accounts fields ledger-projection-service"
                        + " writes (Total_Invoiced, Total_Paid, Outstanding_Balance, ..., with its configured names):"
                        + " docs/zoho-setup.md §4"),
                SetupCheck.manual("Cliq channel", "only a posted message would prove it reachable", "the channel PAYMENT_CLIQ_CHANNEL exists and the OAuth user may post"
                        + " in it (or PAYMENT_CLIQ_ENABLED=false): docs/zoho-setup.md §9"));
    }
}
