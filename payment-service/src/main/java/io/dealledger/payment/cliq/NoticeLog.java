package io.dealledger.payment.cliq;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.dealledger.events.PaymentNoticePosted;

import org.apache.avro.specific.SpecificRecord;

/** Payments already announced in Cliq (org:payment), rebuilt from payment.notices.v1 at start. */
public class NoticeLog {

    private final Set<String> posted = ConcurrentHashMap.newKeySet();

    public void remember(String org, String paymentId) {
        posted.add(org + ":" + paymentId);
    }

    /** A record of payment.notices.v1 as it is read back at start; only notices are kept. */
    public void readBack(String key, SpecificRecord record) {
        if (record instanceof PaymentNoticePosted notice) {
            remember(notice.getOrganizationId(), notice.getPaymentId());
        }
    }

    public boolean posted(String org, String paymentId) {
        return posted.contains(org + ":" + paymentId);
    }
}
