package io.dealledger.gateway;

import io.dealledger.testkit.service.ServiceHealthContract;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.server.port=0")
class GatewayApplicationIT extends ServiceHealthContract {
}
