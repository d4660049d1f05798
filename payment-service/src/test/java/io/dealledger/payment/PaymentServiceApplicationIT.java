package io.dealledger.payment;

import io.dealledger.payment.support.PaymentServiceTest;
import io.dealledger.testkit.service.ServiceHealthContract;

@PaymentServiceTest
class PaymentServiceApplicationIT extends ServiceHealthContract {
}
