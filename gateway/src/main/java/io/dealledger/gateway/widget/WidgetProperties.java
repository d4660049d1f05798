package io.dealledger.gateway.widget;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The CRM Deal widget's local mode (prefix {@code dealledger.gateway.widget}): the gateway serves the widget
 * page at {@code /widget/?dealId=…} with a stand-in for Zoho's embedded-app SDK and signs its calls itself.
 * Off by default; {@link LocalModeGuard} refuses start-up when it is switched on where it must not be.
 *
 * @param localMode {@code local-mode.enabled} ({@code DEALLEDGER_WIDGET_LOCAL_MODE}), default false
 */
@ConfigurationProperties("dealledger.gateway.widget")
public record WidgetProperties(@DefaultValue LocalMode localMode) {

    /** @param enabled serve the widget and sign its calls on this gateway (development only) */
    public record LocalMode(@DefaultValue("false") boolean enabled) {
    }
}
