package io.dealledger.system.widget;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.dealledger.emulator.ZohoEmulator;
import tools.jackson.databind.JsonNode;

/**
 * The one system stack every widget browser test shares (Kafka, the Zoho emulator, the four services with the
 * gateway's widget local mode on), started on first use and stopped when the test JVM exits; separate from
 * EndToEndIT's. It reuses the harness of {@code io.dealledger.system} — SystemStack, GatewayClient and
 * ZohoApi are package-private there, so they are reached by reflection (test code only).
 */
final class WidgetStack {

    static final String US_ORG = "10234695";
    static final String GLOBEX_DEAL = "5725767000000400001";
    static final String DEAL_WITHOUT_ACCOUNT = "5725767000000400005";
    static final String BOOKS_ITEM_ROBOT_ARM = "460000000002001";
    static final String BOOKS_CONTACT_SOYLENT = "460000000001002";

    private static WidgetStack instance;

    private final Object stack;
    final ZohoEmulator zoho;
    final String gatewayUrl;
    private final Object gateway;
    private final Object zohoApi;
    private boolean closed;

    private WidgetStack() throws ReflectiveOperationException {
        Class<?> type = Class.forName("io.dealledger.system.SystemStack");
        Class<?> options = Class.forName("io.dealledger.system.SystemStack$Options");
        Constructor<?> withOptions = options.getDeclaredConstructor(int.class, int.class, Map.class);
        withOptions.setAccessible(true);
        // a deployment whose users work in the widget: ledger-projection-service, which lists the candidate
        // invoices, gets 20 of the org's 100 Books calls a minute instead of 10 (payment-service keeps 20, enough
        // for its poller's 12); with 10, a few widget loads in a minute make the next list wait for the next minute
        Object chosen = withOptions.newInstance(1, 1, Map.of("LEDGER_BOOKS_SHARE", "0.2", "PAYMENT_BOOKS_SHARE", "0.2"));
        Constructor<?> constructor = type.getDeclaredConstructor(options);
        constructor.setAccessible(true);
        stack = unwrap(() -> constructor.newInstance(chosen));
        zoho = (ZohoEmulator) field(stack, "zoho");
        Map<?, ?> services = (Map<?, ?>) field(stack, "services");
        gatewayUrl = (String) invoke(services.get("gateway"), "baseUrl");
        gateway = invoke(stack, "gateway");
        zohoApi = invoke(stack, "zohoApi");
        System.out.printf("widget stack started in %s%n", field(stack, "startedIn"));
    }

    static synchronized WidgetStack get() throws ReflectiveOperationException {
        if (instance == null) {
            instance = new WidgetStack();
            WidgetStack started = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "widget-stack-stop"));
        }
        return instance;
    }

    /** Stops the services as soon as the widget tests are done (not only at JVM exit). */
    static synchronized void stop() {
        if (instance != null) {
            instance.close();
            instance = null;
        }
    }

    /** The local widget page of a deal (gateway local mode), refreshing every {@code pollSeconds}. */
    String widgetUrl(String dealId, int pollSeconds) {
        return gatewayUrl + "/widget/?dealId=" + dealId + "&pollSeconds=" + pollSeconds;
    }

    // ---- the CRM button (signed gateway calls), as GatewayClient makes them ----

    /** Presses the CRM invoice button (which shows no preview); answers the request id. */
    String requestInvoice(String dealId) throws ReflectiveOperationException {
        return (String) invoke(gateway, "requestInvoice", dealId, null);
    }

    /** Presses the invoice button for a stage and waits until the invoice is issued; answers the Books invoice. */
    JsonNode issueInvoice(String dealId, String stageJson) throws ReflectiveOperationException {
        String requestId = (String) invoke(gateway, "requestInvoice", dealId, stageJson);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            // a 503 problem (the gateway's ledger-timeout is shorter than the long-poll) or 404: ask again
            JsonNode outcome = (JsonNode) invoke(gateway, "requestOutcome", requestId);
            String status = outcome.path("status").isString() ? outcome.path("status").asString() : "accepted";
            if ("issued".equals(status)) {
                return invoice(outcome.path("invoice").path("invoiceId").asString());
            }
            if (!"accepted".equals(status)) {
                throw new IllegalStateException("invoice request " + requestId + " was not issued: " + outcome);
            }
        }
        throw new IllegalStateException("invoice request " + requestId + " still not issued");
    }

    /** The deal's ledger as the gateway serves it (signed GET). */
    JsonNode ledger(String dealId) throws ReflectiveOperationException {
        return (JsonNode) invoke(invoke(invoke(gateway, "ledger", dealId), "expect", 200), "body");
    }

    void linkInvoice(String dealId, String invoiceId) throws ReflectiveOperationException {
        invoke(gateway, "linkInvoice", dealId, US_ORG, invoiceId);
    }

    // ---- a Books user's actions, as ZohoApi makes them ----

    JsonNode invoice(String invoiceId) throws ReflectiveOperationException {
        return (JsonNode) invoke(zohoApi, "invoice", US_ORG, invoiceId);
    }

    String recordPayment(String customerId, String invoiceId, BigDecimal amount) throws ReflectiveOperationException {
        return (String) invoke(zohoApi, "recordPayment", US_ORG, customerId, invoiceId, amount);
    }

    /** A sent invoice typed straight into Books, due in 30 days. */
    JsonNode createInvoice(String customerId, BigDecimal rate) throws ReflectiveOperationException {
        return (JsonNode) invoke(zohoApi, "createInvoice", US_ORG, customerId, BOOKS_ITEM_ROBOT_ARM, rate);
    }

    /** A sent invoice typed into Books with a due date in the past. */
    JsonNode createPastDueInvoice(String customerId, BigDecimal rate, int daysPastDue) throws ReflectiveOperationException {
        LocalDate due = LocalDate.now().minusDays(daysPastDue);
        String body = "{\"customer_id\":\"" + customerId + "\",\"date\":\"" + due.minusDays(30) + "\",\"due_date\":\""
                + due + "\",\"line_items\":[{\"item_id\":\"" + BOOKS_ITEM_ROBOT_ARM + "\",\"rate\":" + rate
                + ",\"quantity\":1}]}";
        Object created = invoke(zohoApi, "books", "POST", US_ORG, "/invoices", body);
        JsonNode invoice = ((JsonNode) invoke(invoke(created, "expect", 201), "body")).path("invoice");
        invoke(invoke(zohoApi, "books", "POST", US_ORG, "/invoices/" + invoice.path("invoice_id").asString()
                + "/status/sent", null), "expect", 200);
        return invoice;
    }

    /** The Books invoices pushed for the Globex deal (Books ties them to the deal by zcrm_potential_id). */
    List<JsonNode> invoicesOfGlobex() throws ReflectiveOperationException {
        List<JsonNode> invoices = new ArrayList<>();
        ((JsonNode) invoke(zohoApi, "invoicesOfDeal", US_ORG, GLOBEX_DEAL)).forEach(invoices::add);
        return invoices;
    }

    /** A Books user moves the invoice to another customer. */
    void reassignInvoice(String invoiceId, String customerId) throws ReflectiveOperationException {
        invoke(invoke(zohoApi, "books", "PUT", US_ORG, "/invoices/" + invoiceId,
                "{\"customer_id\":\"" + customerId + "\"}"), "expect", 200);
    }

    private synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            invoke(stack, "close");
        } catch (ReflectiveOperationException e) {
            System.err.println("widget stack did not stop cleanly: " + e);
        }
    }

    // ---- reflection on the package-private harness ----

    private interface Call {
        Object run() throws ReflectiveOperationException;
    }

    private static Object unwrap(Call call) throws ReflectiveOperationException {
        try {
            return call.run();
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private static Object field(Object target, String name) throws ReflectiveOperationException {
        Field field = target.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
    }

    private static Object invoke(Object target, String name, Object... args) throws ReflectiveOperationException {
        Method method = Arrays.stream(target.getClass().getDeclaredMethods())
                .filter(m -> m.getName().equals(name) && m.getParameterCount() == args.length)
                .findFirst().orElseThrow(() -> new NoSuchMethodException(target.getClass() + "." + name));
        method.setAccessible(true);
        return unwrap(() -> method.invoke(target, args));
    }
}
