package io.dealledger.emulator.support;

import java.net.http.HttpHeaders;

/** An HTTP answer as a client sees it: status, headers, JSON body. */
public record Response(int status, HttpHeaders headers, String rawBody) {

    public Json json() {
        return Json.parse(rawBody);
    }

    @Override
    public String toString() {
        return status + " " + rawBody;
    }
}
