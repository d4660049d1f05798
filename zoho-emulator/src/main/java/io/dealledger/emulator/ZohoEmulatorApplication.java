package io.dealledger.emulator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A stateful, in-memory stand-in for Zoho's cloud (OAuth, Books v3, CRM v7, Cliq) on one port.
 * Configuration: {@link io.dealledger.emulator.config.EmulatorProperties}; the flow of every Zoho call
 * starts at {@link io.dealledger.emulator.gate.ZohoGateFilter} (auth, limits, faults, inspection) and
 * continues in the controller of its capability package.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ZohoEmulatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(ZohoEmulatorApplication.class, args);
    }
}
