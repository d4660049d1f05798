package io.dealledger.emulator.crm;

import java.util.List;
import java.util.Map;

/** Told about every saved CRM write (notifications subscribe through this). */
public interface RecordChangeListener {

    /**
     * @param operation {@code insert}, {@code update} or {@code delete}
     * @param affectedFields per record id, the fields whose value changed (updates only)
     * @param trigger the request's {@code trigger} array, or null when the request had none
     */
    void recordsChanged(CrmModule module, String operation, List<String> ids, Map<String, List<String>> affectedFields,
            List<String> trigger);
}
