package io.dealledger.gateway;

import io.dealledger.gateway.support.GatewayTest;
import io.dealledger.testkit.service.ServiceHealthContract;

@GatewayTest
class GatewayApplicationIT extends ServiceHealthContract {
}
