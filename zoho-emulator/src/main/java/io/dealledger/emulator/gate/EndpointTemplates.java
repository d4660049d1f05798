package io.dealledger.emulator.gate;

/** Turns a concrete path into the endpoint template calls are counted by: ids become {@code {id}}. */
final class EndpointTemplates {

    private EndpointTemplates() {
    }

    static String of(String path) {
        String[] segments = path.split("/", -1);
        StringBuilder template = new StringBuilder();
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            if ("channelsbyname".equals(segments[i - 1]) || "bots".equals(segments[i - 1])) {
                segment = "{name}";
            } else if (segment.matches("\\d{5,}")) {
                segment = "{id}";
            }
            template.append('/').append(segment);
        }
        return template.toString();
    }
}
