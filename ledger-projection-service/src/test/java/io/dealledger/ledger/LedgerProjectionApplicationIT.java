package io.dealledger.ledger;

import io.dealledger.testkit.service.ServiceHealthContract;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = LedgerProjectionApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.server.port=0")
class LedgerProjectionApplicationIT extends ServiceHealthContract implements UsesZohoEmulator {
}
