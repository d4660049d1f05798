package io.dealledger.ledger;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Projects ledger facts into per-deal ledgers, writes them back to CRM, rebuilds and reconciles them. */
@SpringBootApplication
public class LedgerProjectionApplication {

    public static void main(String[] args) {
        SpringApplication.run(LedgerProjectionApplication.class, args);
    }
}
