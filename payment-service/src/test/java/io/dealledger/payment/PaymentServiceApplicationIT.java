package io.dealledger.payment;

import io.dealledger.testkit.service.ServiceHealthContract;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = PaymentServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.server.port=0")
class PaymentServiceApplicationIT extends ServiceHealthContract {
}
