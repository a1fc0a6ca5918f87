package dev.hubjobs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the export-devices records ({@code az iot hub device-identity export}) of an NDJSON fleet,
 * one per line, for comparing the two formats: {@code ExportFleet IN.ndjson OUT.txt}. The keys are
 * made up (the same placeholder in every record).
 */
public final class ExportFleet {

    private ExportFleet() {}

    public static void main(String[] args) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8);
                BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode twin = mapper.readTree(line);
                ObjectNode r = mapper.createObjectNode();
                r.set("id", twin.get("deviceId"));
                if (twin.has("moduleId")) {
                    r.set("moduleId", twin.get("moduleId"));
                }
                r.put("eTag", "MTIzNDU2Nzg=");
                r.set("twinETag", twin.get("etag"));
                r.set("status", twin.get("status"));
                ObjectNode auth = r.putObject("authentication");
                ObjectNode keys = auth.putObject("symmetricKey");
                keys.put("primaryKey", "cGxhY2Vob2xkZXIta2V5LW5vdC1hLXNlY3JldA==");
                keys.put("secondaryKey", "cGxhY2Vob2xkZXIta2V5LW5vdC1hLXNlY3JldA==");
                auth.putObject("x509Thumbprint").putNull("primaryThumbprint").putNull("secondaryThumbprint");
                auth.put("type", "sas");
                r.putObject("capabilities").put("iotEdge", false);
                r.set("tags", twin.get("tags"));
                r.set("properties", twin.get("properties"));
                out.write(mapper.writeValueAsString(r));
                out.write('\n');
            }
        }
    }
}
