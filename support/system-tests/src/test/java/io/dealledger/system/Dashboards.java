package io.dealledger.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every query of every panel of the Grafana dashboards under version control. */
final class Dashboards {

    private Dashboards() {
    }

    static List<String> queries(Path folder) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<String> queries = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode panel : json.readTree(file.toFile()).path("panels").values()) {
                    panel.path("targets").values().forEach(target -> queries.add(target.path("expr").asString()));
                }
            }
        }
        return queries;
    }
}
