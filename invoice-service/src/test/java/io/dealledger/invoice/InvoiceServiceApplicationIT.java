package io.dealledger.invoice;

import io.dealledger.testkit.service.ServiceHealthContract;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = InvoiceServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.server.port=0")
class InvoiceServiceApplicationIT extends ServiceHealthContract {
}
