package io.dealledger.gateway.widget;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import io.dealledger.gateway.auth.AuthProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refuses start-up when the widget's local mode is on where it must not be. Local mode makes the gateway sign
 * whatever its widget routes are asked to, so it needs all of:
 * <ol>
 *   <li>{@code dealledger.gateway.widget.local-mode.enabled=true} ({@code DEALLEDGER_WIDGET_LOCAL_MODE=true});</li>
 *   <li>the gateway listening on a loopback address only ({@code server.address}, {@code SERVER_ADDRESS=127.0.0.1}):
 *       neither Zoho nor another machine can reach it, so it cannot be the production gateway;</li>
 *   <li>every CRM signing secret marked as a throwaway one: starting with {@code local-} (or {@code e2e-}, the
 *       system tests'). Production secrets are random strings without such a prefix, so a gateway configured
 *       with them refuses local mode.</li>
 * </ol>
 * With local mode off (the default) nothing is checked and the widget routes answer 404.
 */
@Component
public class LocalModeGuard {

    static final List<String> LOCAL_SECRET_PREFIXES = List.of("local-", "e2e-");

    public LocalModeGuard(WidgetProperties widget, AuthProperties auth,
                          @Value("${server.address:}") String serverAddress) {
        check(widget.localMode().enabled(), serverAddress, auth.crm().secrets());
    }

    /** Returns normally when local mode is off, or on where it is allowed; throws naming what is wrong. */
    static void check(boolean enabled, String serverAddress, List<String> crmSecrets) {
        if (!enabled) {
            return;
        }
        String refused = "the widget's local mode (DEALLEDGER_WIDGET_LOCAL_MODE=true) is refused: ";
        if (serverAddress == null || serverAddress.isBlank() || !loopback(serverAddress.trim())) {
            throw new IllegalStateException(refused + "the gateway must listen on loopback only (SERVER_ADDRESS="
                    + "127.0.0.1), got " + (serverAddress == null || serverAddress.isBlank() ? "all interfaces"
                    : serverAddress.trim()));
        }
        for (String secret : crmSecrets) {
            if (LOCAL_SECRET_PREFIXES.stream().noneMatch(secret::startsWith)) {
                throw new IllegalStateException(refused + "DEALLEDGER_CRM_SIGNING_SECRET(_PREVIOUS) is not a local"
                        + " secret (it must start with " + String.join(" or ", LOCAL_SECRET_PREFIXES)
                        + "): local mode never runs with production secrets");
            }
        }
    }

    private static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
