package io.dealledger.gateway.hostile;

import static io.dealledger.gateway.support.GatewayIT.newId;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.dealledger.gateway.support.Signatures;
import io.dealledger.gateway.support.TestSecrets;

import org.springframework.http.HttpMethod;

/**
 * Requests no HTTP client library would send, written to a socket byte for byte: request lines with a space or
 * a {@code %zz} escape, targets and headers too long, a Host or Content-Length that means nothing, a header line
 * without a colon. Each answer is read back as the status and the media type.
 */
final class RawRequests {

    /** One raw request, the public route it aims at, and the status code and content type it got. */
    record Raw(String route, String name, String request) {
    }

    record Answer(int status, String contentType, String text) {
    }

    private RawRequests() {
    }

    static List<Raw> all() {
        String deal = newId();
        List<Raw> raws = new ArrayList<>();
        for (String target : List.of("/api/v1/deals/%zz/ledger", "/api/v1/deals/" + deal + "/ledger?asOf=%zz",
                "/api/v1/deals/%/ledger", "/api/v1/deals/" + deal + "/ledger?%%%", "/api/v1/deals/1 2/ledger",
                "/api/v1/deals/" + deal + "/ledger#frag%zz", "/api/v1/deals/\u0001/ledger", "api/v1/deals/1/ledger")) {
            raws.add(get("deal-ledger", target));
        }
        raws.add(get("invoice-candidates", "/api/v1/deals/%zz/invoice-candidates"));
        raws.add(get("account-ledger", "/api/v1/accounts/%zz/ledger"));
        raws.add(get("invoice-request-status", "/api/v1/invoice-requests/%zz"));
        raws.add(get("dead-letters", "/api/v1/dead-letters?limit=%zz"));
        raws.add(get("backfill-status", "/api/v1/backfill/organizations/%zz"));
        raws.add(request("invoice-unlink", "DELETE", "/api/v1/deals/" + deal + "/invoice-links/1?organizationId=%GG", ""));
        for (String route : List.of("invoice-requests", "invoice-previews", "invoice-links")) {
            raws.add(request(route, "POST", "/api/v1/deals/%zz/" + route, "{}"));
            raws.add(request(route, "POST", "/api/v1/deals/" + deal + " /" + route, "{}"));
        }
        raws.add(request("dead-letter-replays", "POST", "/api/v1/dead-letters/replays?x=%zz", "{}"));
        raws.add(request("backfill", "POST", "/api/v1/backfill/organizations/%zz", ""));
        raws.add(request("reconciliations", "POST", "/api/v1/reconciliations?rewrite=%zz", ""));
        raws.add(request("books-webhook", "POST", "/webhooks/books/%zz", "{}"));
        raws.add(request("crm-webhook", "POST", "/webhooks/crm?%zz", "{}"));
        raws.add(request("dead-letters", "PATCH", "/api/v1/dead-letters", "{}"));
        raws.add(request("deal-ledger", "OPTIONS", "*", ""));
        raws.add(new Raw("deal-ledger", "HTTP/1.0 with %zz", "GET /api/v1/deals/%zz/ledger HTTP/1.0\r\n\r\n"));
        String signed = "/api/v1/deals/" + deal + "/ledger";
        String signature = "X-Dealledger-Signature: " + Signatures.crm(HttpMethod.GET, signed, "") + "\r\n";
        raws.add(new Raw("deal-ledger", "target too long", "GET /api/v1/deals/" + "1".repeat(10_000)
                + "/ledger HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        raws.add(new Raw("deal-ledger", "headers too long", "GET " + signed + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-Big: "
                + "x".repeat(20_000) + "\r\n\r\n"));
        raws.add(new Raw("deal-ledger", "a Host with a space", "GET " + signed + " HTTP/1.1\r\nHost: bad host\r\nConnection: close\r\n"
                + signature + "\r\n"));
        raws.add(new Raw("deal-ledger", "a Host with a bad port", "GET " + signed + " HTTP/1.1\r\nHost: localhost:http\r\nConnection: close\r\n"
                + signature + "\r\n"));
        raws.add(new Raw("deal-ledger", "a header line without a colon", "GET " + signed + " HTTP/1.1\r\nHost: localhost\r\n"
                + "NoColonHere\r\n\r\n"));
        raws.add(new Raw("deal-ledger", "an unknown HTTP version", "GET " + signed + " HTTP/x\r\nHost: localhost\r\n\r\n"));
        raws.add(new Raw("invoice-requests", "a Content-Length that is no number", "POST /api/v1/deals/" + deal
                + "/invoice-requests HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: abc"
                + "\r\n\r\n{}"));
        raws.add(new Raw("invoice-requests", "two Content-Lengths", "POST /api/v1/deals/" + deal
                + "/invoice-requests HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2"
                + "\r\nContent-Length: 3\r\n\r\n{}"));
        raws.add(new Raw("books-webhook", "a Content-Length that is negative", "POST /webhooks/books/" + TestSecrets.ORG
                + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: -5\r\n\r\n{}"));
        return raws;
    }

    /** {@code hostile} as raw bytes: for the media types an HTTP client library refuses to send. */
    static Raw of(HostileCase hostile) {
        StringBuilder head = new StringBuilder(hostile.method() + " " + hostile.path() + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n");
        hostile.auth().headers(hostile).forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        hostile.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (hostile.contentType() != null) {
            head.append("Content-Type: ").append(hostile.contentType()).append("\r\n");
        }
        head.append("Content-Length: ").append(hostile.body().length).append("\r\n\r\n");
        return new Raw(hostile.route(), hostile.name(), head + new String(hostile.body(), StandardCharsets.UTF_8));
    }

    private static Raw get(String route, String target) {
        return request(route, "GET", target, "");
    }

    private static Raw request(String route, String method, String target, String body) {
        String head = method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + (body.isEmpty() ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n");
        return new Raw(route, method + " " + target, head + "\r\n" + body);
    }

    /** Sends {@code raw} as it is and reads the answer until the gateway closes the connection. */
    static Answer send(int port, Raw raw) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(raw.request().getBytes(StandardCharsets.UTF_8));
            out.flush();
            socket.shutdownOutput();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    answer.write(buffer, 0, read);
                }
            } catch (SocketTimeoutException stillOpen) {
                // the gateway kept the connection open after answering: the answer is complete
            }
            return parse(answer.toString(StandardCharsets.UTF_8));
        }
    }

    private static Answer parse(String text) {
        String[] lines = text.split("\r\n");
        if (lines.length == 0 || !lines[0].matches("HTTP/1\\.[01] [0-9]{3}.*")) {
            return new Answer(-1, null, text);
        }
        int status = Integer.parseInt(lines[0].substring(9, 12));
        String type = null;
        for (String line : lines) {
            if (line.isEmpty()) {
                break;
            }
            if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                type = line.substring("content-type:".length()).trim();
            }
        }
        return new Answer(status, type, text);
    }
}
