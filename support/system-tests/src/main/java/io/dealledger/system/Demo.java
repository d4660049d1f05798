package io.dealledger.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * {@code bin/dealledger demo}: drives the scenario through the running local stack (gateway on 8080, Zoho
 * emulator on 8090, secrets from .local/dealledger.env) and prints each deal's ledger as CRM shows it.
 */
public final class Demo {

    /** The money a deal's ledger shows, which nothing may change once a run ended (overdue moves with the date). */
    static final List<String> KEPT = List.of("Total_Invoiced", "Total_Paid", "Total_Credited", "Outstanding_Balance",
            "Uninvoiced_Amount", "Invoice_Error");
    static final List<String> FIELDS = List.of("Total_Invoiced", "Total_Paid", "Total_Credited", "Outstanding_Balance",
            "Overdue_Amount", "Uninvoiced_Amount", "Payment_Status", "Last_Payment_Date", "Invoice_Error");

    private Demo() {
    }

    public static void main(String[] args) throws IOException {
        Path envFile = Path.of(args.length > 0 ? args[0] : ".local/dealledger.env");
        Map<String, String> env = readEnv(envFile);
        GatewayClient gateway = new GatewayClient("http://127.0.0.1:8080", env.get("DEALLEDGER_CRM_SIGNING_SECRET"),
                env.get("DEALLEDGER_OPERATOR_SIGNING_SECRET"));
        ZohoApi zoho = new ZohoApi(env.get("ZOHO_API_URL"), env.get("ZOHO_CLIENT_ID"), env.get("ZOHO_CLIENT_SECRET"),
                env.get("ZOHO_REFRESH_TOKEN"));
        Path earlierRuns = envFile.resolveSibling("demo-deals.tsv");
        checkEarlierRuns(zoho, earlierRuns);
        long start = System.nanoTime();
        Scenario scenario = new Scenario(gateway, zoho, System.out, Duration.ofSeconds(60));
        scenario.run();
        scenario.runOtherDeals();
        System.out.printf("%nDemo done in %d s (%d payments). The deals as CRM shows them:%n%n",
                (System.nanoTime() - start) / 1_000_000_000, scenario.payments);
        printLedgers(zoho, scenario.deals());
        for (String deal : scenario.deals()) {
            Files.writeString(earlierRuns, deal + "\t" + kept(zoho.deal(deal)) + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    /**
     * The deals of earlier runs on this world (recorded in {@code .local/demo-deals.tsv}, which {@code up --reset}
     * clears) must still show the money they ended with: a restart keeps one consistent world (issue 23).
     */
    static void checkEarlierRuns(ZohoApi zoho, Path earlierRuns) throws IOException {
        if (!Files.exists(earlierRuns)) {
            System.out.println("No earlier demo run on this world.");
            return;
        }
        List<String> changed = new java.util.ArrayList<>();
        List<String> lines = Files.readAllLines(earlierRuns).stream().filter(line -> !line.isBlank()).toList();
        for (String line : lines) {
            String[] dealAndFields = line.split("\t", 2);
            String now = kept(zoho.deal(dealAndFields[0]));
            if (!now.equals(dealAndFields[1])) {
                changed.add("deal " + dealAndFields[0] + " ended with " + dealAndFields[1] + " but shows " + now);
            }
        }
        if (!changed.isEmpty()) {
            throw new IllegalStateException("deals of earlier demo runs changed:\n  " + String.join("\n  ", changed));
        }
        System.out.printf("The %d deals of earlier demo runs on this world still show the money they ended with.%n%n",
                lines.size());
    }

    private static String kept(JsonNode deal) {
        StringBuilder fields = new StringBuilder();
        for (String field : KEPT) {
            JsonNode value = deal.path(field);
            String text = value.isMissingNode() || value.isNull() ? "" : value.asString();
            if (value.isNumber() || text.matches("-?\\d+(\\.\\d+)?")) {
                text = new java.math.BigDecimal(text).stripTrailingZeros().toPlainString();
            }
            fields.append(fields.length() == 0 ? "" : ";").append(field).append('=').append(text.replace('\t', ' '));
        }
        return fields.toString();
    }

    static void printLedgers(ZohoApi zoho, List<String> deals) {
        StringBuilder header = new StringBuilder(String.format("%-22s", "field"));
        List<JsonNode> records = deals.stream().map(zoho::deal).toList();
        for (JsonNode deal : records) {
            header.append(String.format(" | %-26s", truncate(deal.path("Deal_Name").asString(deal.path("id").asString()))));
        }
        System.out.println(header);
        System.out.println("-".repeat(header.length()));
        System.out.println(row("Amount", records, "Amount"));
        System.out.println(row("Currency", records, "Currency"));
        FIELDS.forEach(field -> System.out.println(row(field, records, field)));
    }

    private static String row(String label, List<JsonNode> records, String field) {
        StringBuilder row = new StringBuilder(String.format("%-22s", label));
        for (JsonNode deal : records) {
            JsonNode value = deal.path(field);
            row.append(String.format(" | %-26s", value.isMissingNode() || value.isNull() ? "" : truncate(value.asString())));
        }
        return row.toString();
    }

    private static String truncate(String text) {
        return text.length() <= 26 ? text : text.substring(0, 25) + "…";
    }

    static Map<String, String> readEnv(Path file) throws IOException {
        Map<String, String> env = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                env.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return env;
    }
}
