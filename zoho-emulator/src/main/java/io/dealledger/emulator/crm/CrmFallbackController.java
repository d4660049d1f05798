package io.dealledger.emulator.crm;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Any CRM path not served answers as CRM does for an unknown URL. */
@RestController
public class CrmFallbackController {

    @RequestMapping({"/crm/v7/**", "/crm/v8/**"})
    public Map<String, Object> unknown() {
        throw new CrmException(HttpStatus.NOT_FOUND, "INVALID_URL_PATTERN", "Please check if the URL trying to access is a correct one", Map.of());
    }
}
