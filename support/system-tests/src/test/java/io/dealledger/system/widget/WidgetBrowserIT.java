package io.dealledger.system.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.dealledger.testkit.kafka.UsesKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * The CRM Deal widget in headless Chromium at side-panel width, served by the gateway's local mode against the
 * whole system: figures after a partial payment (and how long they take to show), linking a Books invoice, an
 * overdue invoice in red, unlinking it, a rejected invoice request with its reason. Screenshots: target/screenshots.
 * The tests build on each other's Globex deal (ordered). The stack runs on its own Kafka broker: surefire forks a
 * JVM per test class in this module, so EndToEndIT's stack (same seeded ids) never shares topics with it.
 */
@UsesKafka
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WidgetBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String RED = "rgb(179, 38, 30)";
    private static final NumberFormat USD = NumberFormat.getCurrencyInstance(Locale.US);

    static WidgetStack stack;
    static WidgetBrowser browser;
    static String customer;
    static BigDecimal invoiced = BigDecimal.ZERO;

    @BeforeAll
    static void start() throws Exception {
        stack = WidgetStack.get();
        browser = new WidgetBrowser();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        WidgetStack.stop();
    }

    private static String usd(BigDecimal amount) {
        return USD.format(amount);
    }

    private static String style(String css, String property) {
        return (String) browser.js("return getComputedStyle(document.querySelector(arguments[0]))[arguments[1]]",
                css, property);
    }

    private static String figure(String field) {
        return browser.text("dd[data-field=\"" + field + "\"]");
    }

    @Test
    @Order(1)
    void showsTheRightFiguresAfterAPartialPayment() throws Exception {
        JsonNode deposit = stack.issueInvoice(WidgetStack.GLOBEX_DEAL, "{\"label\":\"Deposit 40%\",\"percentage\":40}");
        customer = deposit.path("customer_id").asString();
        BigDecimal total = deposit.path("total").decimalValue();
        invoiced = total;
        browser.open(stack.widgetUrl(WidgetStack.GLOBEX_DEAL, 1));
        browser.until("the deposit invoice in the widget", WAIT, d -> figure("totalInvoiced").equals(usd(total)));
        assertThat(figure("totalPaid")).isEqualTo(usd(BigDecimal.ZERO));

        BigDecimal paid = new BigDecimal("1000.00");
        stack.recordPayment(customer, deposit.path("invoice_id").asString(), paid);
        long recorded = System.nanoTime();
        browser.until("the payment in the widget", WAIT, d -> figure("totalPaid").equals(usd(paid)));
        Duration latency = Duration.ofNanos(System.nanoTime() - recorded);
        System.out.printf("payment recorded in Books -> figures in the widget: %d ms (widget polls every 1 s)%n",
                latency.toMillis());

        assertThat(figure("dealValue")).isEqualTo("$16,800.00");
        assertThat(figure("totalInvoiced")).isEqualTo(usd(total));
        assertThat(figure("outstanding")).isEqualTo(usd(total.subtract(paid)));
        // the ledger counts the uninvoiced part of the deal value before tax: shown as the ledger has it
        assertThat(figure("uninvoiced")).isEqualTo(usd(new BigDecimal(stack.ledger(WidgetStack.GLOBEX_DEAL)
                .path("uninvoiced").asString())));
        assertThat(figure("totalCredited")).isEqualTo(usd(BigDecimal.ZERO));
        assertThat(figure("overdue")).isEqualTo(usd(BigDecimal.ZERO));
        assertThat(figure("lastPaymentDate")).isNotEqualTo("–");
        assertThat(browser.text("#payment-status")).isEqualTo("Partially paid");
        assertThat(browser.text("#linked li[data-invoice-id=\"" + deposit.path("invoice_id").asString() + "\"]"))
                .contains(deposit.path("invoice_number").asString()).contains("Partially paid")
                .contains(usd(total.subtract(paid)))
                // never a candidate, so its date comes from the ledger
                .contains(LocalDate.parse(deposit.path("date").asString())
                        .format(DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US)));
        assertThat(browser.driver.findElement(By.id("progress")).getAttribute("aria-label"))
                .startsWith("Invoiced ").contains("% of the deal value");

        // side-panel width: nothing overflows sideways; every field and button is named for assistive technology
        assertThat(((Number) browser.js("return document.documentElement.scrollWidth")).intValue())
                .isLessThanOrEqualTo(WidgetBrowser.WIDTH);
        assertThat(browser.js("return [...document.querySelectorAll('input')].filter(i => i.labels.length === 0"
                + " && !i.closest('label')).map(i => i.id)")).asList().isEmpty();
        assertThat(browser.js("return [...document.querySelectorAll('button')].filter(b => !(b.getAttribute("
                + "'aria-label') || b.textContent.trim())).length")).isEqualTo(0L);
        browser.screenshot("01-figures-after-partial-payment");
    }

    @Test
    @Order(2)
    void linkingACandidateInvoiceMovesItToTheLinkedListAndUpdatesTheTotals() throws Exception {
        JsonNode typed = stack.createInvoice(customer, new BigDecimal("500.00"));
        String invoiceId = typed.path("invoice_id").asString();
        BigDecimal total = stack.invoice(invoiceId).path("total").decimalValue();
        String candidate = "#candidates li[data-invoice-id=\"" + invoiceId + "\"]";
        browser.open(stack.widgetUrl(WidgetStack.GLOBEX_DEAL, 1));
        browser.until("the Books invoice among the candidates", WAIT, d -> !browser.all(candidate).isEmpty());
        assertThat(browser.text(candidate)).contains(typed.path("invoice_number").asString()).contains("Sent")
                .contains(usd(total));
        browser.screenshot("02-candidate-invoice-before-link");

        // by keyboard: focus the Link button and press Enter
        WebElement link = browser.driver.findElement(By.cssSelector(candidate + " button.link"));
        browser.js("arguments[0].focus()", link);
        assertThat(browser.js("return document.activeElement.getAttribute('aria-label')"))
                .isEqualTo("Link invoice " + typed.path("invoice_number").asString() + " to this deal");
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);

        String linked = "#linked li[data-invoice-id=\"" + invoiceId + "\"]";
        browser.until("the invoice in the linked list", WAIT, d -> !browser.all(linked).isEmpty());
        invoiced = invoiced.add(total);
        browser.until("the totals with the linked invoice", WAIT, d -> figure("totalInvoiced").equals(usd(invoiced)));
        browser.until("the invoice gone from the candidates", WAIT, d -> browser.all(candidate).isEmpty());
        browser.until("the link confirmation", WAIT, d -> browser.text("#link-message").contains("is linked"));
        assertThat(browser.text(linked)).contains(usd(total)).contains("Sent");
        browser.screenshot("03-candidate-invoice-linked");
    }

    @Test
    @Order(3)
    void anOverdueInvoiceIsRed() throws Exception {
        JsonNode late = stack.createPastDueInvoice(customer, new BigDecimal("300.00"), 10);
        String invoiceId = late.path("invoice_id").asString();
        BigDecimal total = stack.invoice(invoiceId).path("total").decimalValue();
        stack.linkInvoice(WidgetStack.GLOBEX_DEAL, invoiceId);   // linked elsewhere: the open widget refreshes itself

        String linked = "#linked li[data-invoice-id=\"" + invoiceId + "\"]";
        browser.until("the overdue invoice in the widget", WAIT, d -> "Overdue".equals(browser.js(
                "const b = document.querySelector(arguments[0]); return b && b.textContent", linked + " .badge"))
                && "Overdue".equals(browser.text("#payment-status")));
        // the list is re-rendered on every ledger change: styles are read in one script, never from stale elements
        assertThat(style(linked + " .badge", "color")).isEqualTo(RED);
        assertThat(style(linked, "border-left-color")).isEqualTo(RED);
        assertThat(figure("overdue")).isEqualTo(usd(total));
        assertThat(style("dd[data-field=\"overdue\"]", "color")).isEqualTo(RED);
        assertThat(style("#payment-status", "color")).isEqualTo(RED);
        browser.screenshot("04-overdue-invoice-in-red");
    }

    @Test
    @Order(4)
    void unlinkingMovesTheInvoiceBackAmongTheCandidates() {
        String overdueItem = (String) browser.js("const li = document.querySelector('#linked li[data-status=overdue]');"
                + " return li && li.getAttribute('data-invoice-id')");
        assertThat(overdueItem).as("the overdue invoice of the previous test").isNotNull();
        WebElement unlink = browser.driver.findElement(By.cssSelector(
                "#linked li[data-invoice-id=\"" + overdueItem + "\"] button.unlink"));
        browser.js("arguments[0].focus()", unlink);
        browser.driver.switchTo().activeElement().sendKeys(Keys.SPACE);

        browser.until("the invoice back among the candidates", WAIT, d -> !browser.all(
                "#candidates li[data-invoice-id=\"" + overdueItem + "\"]").isEmpty());
        assertThat(browser.all("#linked li[data-invoice-id=\"" + overdueItem + "\"]")).isEmpty();
        browser.until("the totals without it", WAIT, d -> figure("totalInvoiced").equals(usd(invoiced))
                && "Partially paid".equals(browser.text("#payment-status")));
        assertThat(figure("overdue")).isEqualTo(usd(BigDecimal.ZERO));
        assertThat(browser.text("#link-message")).contains("is no longer linked");
    }

    @Test
    @Order(5)
    void aRefusedLinkShowsWhyItWasRefused() throws Exception {
        JsonNode typed = stack.createInvoice(customer, new BigDecimal("250.00"));
        String invoiceId = typed.path("invoice_id").asString();
        String number = typed.path("invoice_number").asString();
        String candidate = "#candidates li[data-invoice-id=\"" + invoiceId + "\"]";
        browser.open(stack.widgetUrl(WidgetStack.GLOBEX_DEAL, 1));
        browser.until("the Books invoice among the candidates", WAIT, d -> !browser.all(candidate).isEmpty());

        // meanwhile a Books user moves the invoice to another customer: the link must be refused, saying why
        stack.reassignInvoice(invoiceId, WidgetStack.BOOKS_CONTACT_SOYLENT);
        browser.driver.findElement(By.cssSelector(candidate + " button.link")).click();

        browser.until("the refusal", WAIT, d -> browser.text("#link-message").contains("was not linked"));
        String refusal = browser.text("#link-message");
        assertThat(refusal).startsWith("Invoice " + number + " was not linked: ").contains("Soylent Corp")
                .contains("Globex Corporation").doesNotContain("likely").doesNotContain("may belong");
        assertThat(style("#link-message", "color")).isEqualTo(RED);
        assertThat(browser.all("#linked li[data-invoice-id=\"" + invoiceId + "\"]")).isEmpty();
        assertThat(figure("totalInvoiced")).isEqualTo(usd(invoiced));
        browser.screenshot("06-refused-link-with-its-reason");
    }

    @Test
    @Order(6)
    void aRejectedInvoiceRequestShowsItsReasonAndThePreviewSaysSoBeforeSending() throws Exception {
        // the CRM button (no preview) on a deal without account: the ledger carries the rejection and its category
        stack.requestInvoice(WidgetStack.DEAL_WITHOUT_ACCOUNT);
        browser.open(stack.widgetUrl(WidgetStack.DEAL_WITHOUT_ACCOUNT, 1));
        browser.until("the rejection on the deal", WAIT, d -> browser.text("#last-invoice-error")
                .startsWith("Last invoice request was rejected (Deal without account): "));
        assertThat(browser.text("#last-invoice-error")).contains("Account_Name");
        assertThat(style("#last-invoice-error", "color")).isEqualTo(RED);

        // the widget's action previews first: the same reason, before anything is sent, and no way to confirm
        browser.driver.findElement(By.id("request-submit")).click();
        browser.until("the preview", WAIT, d -> browser.driver.findElement(By.id("preview")).isDisplayed());
        assertThat(browser.driver.findElement(By.id("preview")).getAttribute("data-would-invoice")).isEqualTo("false");
        String reasons = browser.text("#preview-reasons");
        assertThat(reasons).startsWith("It would be rejected, so fix these first:")
                .contains("Deal without account: ").contains("Account_Name");
        assertThat(browser.driver.findElement(By.id("preview-confirm")).isDisplayed()).isFalse();
        assertThat(browser.js("return document.activeElement.id")).isEqualTo("preview-cancel");
        assertThat(style("#preview-reasons", "color")).isEqualTo(RED);
        browser.screenshot("05-rejected-invoice-request-and-its-preview");
    }

    @Test
    @Order(7)
    void invoicingTheDealShowsThePreviewThenCreatesExactlyThatInvoice() throws Exception {
        browser.open(stack.widgetUrl(WidgetStack.GLOBEX_DEAL, 1));
        browser.until("the widget loaded", WAIT, d -> figure("totalInvoiced").equals(usd(invoiced)));
        browser.driver.findElement(By.cssSelector("input[name=scope][value=fixed]")).click();
        browser.driver.findElement(By.id("stage-label")).sendKeys("Milestone 2");
        browser.driver.findElement(By.id("stage-amount")).sendKeys("1000.00");
        browser.driver.findElement(By.id("request-submit")).click();

        browser.until("the preview", WAIT, d -> browser.driver.findElement(By.id("preview")).isDisplayed());
        assertThat(browser.driver.findElement(By.id("preview")).getAttribute("data-would-invoice")).isEqualTo("true");
        String preview = browser.text("#preview-body");
        assertThat(preview).contains("Books organization: " + WidgetStack.US_ORG).contains("Globex Corporation")
                .contains("existing").contains("Milestone 2").contains("Tax ");
        String previewTotal = browser.text("dd[data-field=\"preview-total\"]");
        assertThat(browser.all("#preview-reasons")).isEmpty();
        browser.screenshot("07-invoice-preview");
        int invoicesBefore = stack.invoicesOfGlobex().size();

        WebElement confirm = browser.driver.findElement(By.id("preview-confirm"));
        assertThat(browser.js("return document.activeElement.id")).isEqualTo("preview-confirm");
        confirm.click();
        browser.until("the issued invoice", WAIT, d -> "issued".equals(
                browser.driver.findElement(By.id("request-outcome")).getAttribute("data-outcome")));
        assertThat(browser.text("#request-outcome")).startsWith("Invoice ").contains("issued in Books");
        var created = stack.invoicesOfGlobex();
        assertThat(created).hasSize(invoicesBefore + 1);
        BigDecimal total = created.stream().map(i -> i.path("total").decimalValue())
                .filter(t -> usd(t).equals(previewTotal)).findFirst().orElseThrow(() -> new AssertionError(
                        "no Books invoice with the previewed total " + previewTotal + " among " + created));
        invoiced = invoiced.add(total);
        browser.until("the totals with the new invoice", WAIT, d -> figure("totalInvoiced").equals(usd(invoiced)));
        browser.screenshot("08-invoice-created-after-preview");
    }

    @Test
    @Order(8)
    void aStageRequestWhoseAnswerWasLostIsSentAgainWithTheSameKeyAndInvoicedOnce() throws Exception {
        browser.open(stack.widgetUrl(WidgetStack.GLOBEX_DEAL, 1));
        browser.until("the widget loaded", WAIT, d -> figure("totalInvoiced").equals(usd(invoiced)));
        // the network loses the gateway's answer to the first invoice request (the request itself got through)
        browser.js("window.__invoiceRequests = []; var realFetch = window.fetch;"
                + "window.fetch = function (url, options) {"
                + "  var args = options && options.body ? JSON.parse(options.body) : {};"
                + "  var sent = realFetch.apply(this, arguments);"
                + "  if (args.method === 'POST' && /\\/invoice-requests$/.test(args.path)) {"
                + "    window.__invoiceRequests.push(args.idempotencyKey);"
                + "    if (window.__invoiceRequests.length === 1) {"
                + "      return sent.then(function () { throw new TypeError('Failed to fetch'); });"
                + "    }"
                + "  }"
                + "  return sent;"
                + "};");
        int invoicesBefore = stack.invoicesOfGlobex().size();
        browser.driver.findElement(By.cssSelector("input[name=scope][value=fixed]")).click();
        browser.driver.findElement(By.id("stage-label")).sendKeys("Milestone 3");
        browser.driver.findElement(By.id("stage-amount")).sendKeys("500.00");
        browser.driver.findElement(By.id("request-submit")).click();
        browser.until("the preview", WAIT, d -> browser.driver.findElement(By.id("preview")).isDisplayed());
        browser.driver.findElement(By.id("preview-confirm")).click();

        browser.until("the issued invoice", WAIT, d -> "issued".equals(
                browser.driver.findElement(By.id("request-outcome")).getAttribute("data-outcome")));
        @SuppressWarnings("unchecked")
        List<String> keys = (List<String>) browser.js("return window.__invoiceRequests");
        assertThat(keys).as("the request was sent again after the lost answer, with its key").hasSize(2);
        assertThat(keys.get(1)).isNotBlank().isEqualTo(keys.get(0));
        var created = stack.invoicesOfGlobex();
        assertThat(created).as("one Books invoice for the one action").hasSize(invoicesBefore + 1);
    }

    /** Issue 20: the date picker shows the deal as it stood at the end of a day, and "Back to today" the live one. */
    @Test
    @Order(9)
    void theDatePickerShowsTheDealAsItStoodAtTheEndOfADayThenTodaysFiguresAgain() throws Exception {
        // Given the widget with today's figures (invoices issued and paid today, in this run)
        browser.open(stack.widgetUrl(WidgetStack.GLOBEX_DEAL, 1));
        browser.until("the widget loaded", WAIT, d -> !figure("totalInvoiced").equals("–")
                && !figure("totalInvoiced").equals(usd(BigDecimal.ZERO)));
        String invoicedToday = figure("totalInvoiced");
        String paidToday = figure("totalPaid");

        // When the user picks yesterday, Then nothing was invoiced or paid on the deal yet then
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        pick(today.minusDays(1));
        browser.until("yesterday's figures", WAIT, d -> browser.text("#as-of-note").startsWith("Figures as of the end of")
                && "true".equals(browser.js("return document.getElementById('insight').getAttribute('data-as-of') === "
                + "arguments[0] ? 'true' : 'false'", today.minusDays(1).toString())));
        assertThat(figure("totalInvoiced")).isEqualTo(usd(BigDecimal.ZERO));
        assertThat(figure("totalPaid")).isEqualTo(usd(BigDecimal.ZERO));
        assertThat(browser.driver.findElement(By.id("as-of-today")).isDisplayed()).isTrue();

        // When the user picks today, Then the end of today is what the deal holds now
        pick(today);
        browser.until("today's figures as of today", WAIT, d -> figure("totalInvoiced").equals(invoicedToday));
        assertThat(figure("totalPaid")).isEqualTo(paidToday);

        // And "Back to today" shows the live figures again
        browser.driver.findElement(By.id("as-of-today")).click();
        browser.until("the live figures", WAIT, d -> browser.text("#as-of-note").startsWith("Today's figures"));
        assertThat(figure("totalInvoiced")).isEqualTo(invoicedToday);
        assertThat(figure("totalPaid")).isEqualTo(paidToday);
        browser.screenshot("09-as-of-a-date");
    }

    private static void pick(LocalDate day) {
        browser.js("var input = document.getElementById('as-of'); input.value = arguments[0];"
                + " input.dispatchEvent(new Event('change'));", day.toString());
    }
}
