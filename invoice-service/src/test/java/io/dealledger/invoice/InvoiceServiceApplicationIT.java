package io.dealledger.invoice;

import io.dealledger.invoice.support.InvoiceServiceIT;
import io.dealledger.testkit.service.ServiceHealthContract;

@InvoiceServiceIT
class InvoiceServiceApplicationIT extends ServiceHealthContract {
}
