package io.dealledger.payment.cliq;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Payments already announced in Cliq (org:payment), rebuilt from payment.notices.v1 at start. */
public class NoticeLog {

    private final Set<String> posted = ConcurrentHashMap.newKeySet();

    public void remember(String org, String paymentId) {
        posted.add(org + ":" + paymentId);
    }

    public boolean posted(String org, String paymentId) {
        return posted.contains(org + ":" + paymentId);
    }
}
