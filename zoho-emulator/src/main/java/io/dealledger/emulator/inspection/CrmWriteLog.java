package io.dealledger.emulator.inspection;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;

/** Every CRM insert/update/delete call with how many records it carried, so API economy can be asserted. */
@Component
public class CrmWriteLog implements io.dealledger.emulator.reset.Resettable {

    private final List<CrmWrite> writes = new CopyOnWriteArrayList<>();

    public void record(CrmWrite write) {
        writes.add(write);
    }

    public List<CrmWrite> list(String module) {
        return writes.stream().filter(w -> module == null || w.module().equals(module)).toList();
    }

    @Override
    public void reset() {
        writes.clear();
    }

    @tools.jackson.databind.annotation.JsonNaming(tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CrmWrite(String time, String operation, String module, int recordCount, int successCount,
            List<String> ids, List<String> trigger) {
    }
}
