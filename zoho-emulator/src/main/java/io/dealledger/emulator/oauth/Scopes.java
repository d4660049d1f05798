package io.dealledger.emulator.oauth;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The OAuth scope a Zoho call needs, as Zoho's docs name them: Books {@code ZohoBooks.<module>.<CREATE|READ|
 * UPDATE|DELETE|ALL>} (items, taxes, currencies and organizations are {@code settings}) or {@code
 * ZohoBooks.fullaccess.all}; CRM {@code ZohoCRM.modules.ALL} / {@code ZohoCRM.modules.<module>.<op>}, {@code
 * ZohoCRM.settings.ALL} / {@code ZohoCRM.settings.variables.<op>}, {@code ZohoCRM.notifications.<op>}; Cliq
 * {@code ZohoCliq.Webhooks.CREATE}. Compared ignoring case.
 */
public final class Scopes {

    /** Any of {@code accepted} allows the call; {@code name} is the one a message names. */
    public record Required(String name, Set<String> accepted) {
        boolean allowedBy(Set<String> granted) {
            return accepted.stream().anyMatch(granted::contains);
        }
    }

    private Scopes() {
    }

    static Set<String> normalized(List<String> scopes) {
        return scopes.stream().flatMap(s -> List.of(s.split("[,\\s]+")).stream()).filter(s -> !s.isBlank())
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public static Required books(String method, String path) {
        String[] segments = path.split("/");
        String first = segments.length > 3 ? segments[3] : "";
        String module = switch (first) {
            case "contacts", "invoices", "customerpayments", "creditnotes", "estimates", "salesorders", "bills",
                 "expenses", "projects" -> first;
            default -> "settings";
        };
        String op = operation(method);
        return new Required("ZohoBooks." + module + "." + op, lower("ZohoBooks.fullaccess.all",
                "ZohoBooks." + module + ".ALL", "ZohoBooks." + module + "." + op));
    }

    public static Required crm(String method, String path) {
        String[] segments = path.split("/");
        String first = segments.length > 3 ? segments[3] : "";
        String op = operation(method);
        if (first.equals("settings")) {
            // the automation webhooks' scope is ZohoCRM.settings.automation_actions (crm-oas v8.0 getWebhooks)
            String setting = segments.length > 4 ? segments[4].replace("automation", "automation_actions") : "";
            String read = op.equals("READ") ? "READ" : "ALL";
            return new Required("ZohoCRM.settings." + setting + "." + read, lower("ZohoCRM.settings.ALL",
                    "ZohoCRM.settings." + setting + ".ALL", "ZohoCRM.settings." + setting + "." + read));
        }
        if (first.equals("actions")) {
            return new Required("ZohoCRM.notifications.ALL", lower("ZohoCRM.notifications.ALL",
                    "ZohoCRM.notifications." + op, "ZohoCRM.notifications.WRITE"));
        }
        String module = first.toLowerCase(Locale.ROOT);
        return new Required("ZohoCRM.modules." + module + "." + op, lower("ZohoCRM.modules.ALL",
                "ZohoCRM.modules." + module + ".ALL", "ZohoCRM.modules." + module + "." + op,
                op.equals("READ") ? "ZohoCRM.modules." + module + ".READ" : "ZohoCRM.modules." + module + ".WRITE"));
    }

    public static Required cliq() {
        return new Required("ZohoCliq.Webhooks.CREATE", lower("ZohoCliq.Webhooks.CREATE"));
    }

    private static String operation(String method) {
        return switch (method) {
            case "GET" -> "READ";
            case "POST" -> "CREATE";
            case "PUT", "PATCH" -> "UPDATE";
            case "DELETE" -> "DELETE";
            default -> "ALL";
        };
    }

    private static Set<String> lower(String... scopes) {
        return normalized(List.of(scopes));
    }
}
