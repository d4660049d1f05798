package io.dealledger.service.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the settings every dealledger service shares (idempotent producer with acks=all, the project's
 * serde, dead-letter-friendly deserialization, actuator exposure) with the lowest precedence, so a
 * service's application.yml or the environment can still override any of them. Applies to applications
 * that name themselves with {@code dealledger.service.name}.
 */
public class ServiceDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "dealledger-service-defaults.properties";
    static final String SERVICE_NAME = "dealledger.service.name";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // only dealledger services: another Spring app in the same JVM (the in-process Zoho emulator) keeps its own
        if (!environment.containsProperty(SERVICE_NAME)) {
            return;
        }
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource("dealledger-service-defaults",
                    new ClassPathResource(RESOURCE, ServiceDefaults.class.getClassLoader())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
