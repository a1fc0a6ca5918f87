package dev.hubjobs.emulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hubjobs.emulator.HubErrors;
import dev.hubjobs.job.JobJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One request, independent of the HTTP server: method (after {@code X-HTTP-Method-Override}),
 * percent-decoded path segments, query parameters, headers (case-insensitive) and the body.
 */
public record Request(
        String method,
        List<String> segments,
        Map<String, String> query,
        Function<String, String> headers,
        byte[] body,
        Map<String, String> params) {

    public String header(String name) {
        return headers.apply(name);
    }

    public String param(String name) {
        return params.get(name);
    }

    public Request withParams(Map<String, String> p) {
        return new Request(method, segments, query, headers, body, p);
    }

    /** The body as JSON; an empty body is {@code {}}. */
    public JsonNode json() {
        if (body.length == 0) {
            return JobJson.MAPPER.createObjectNode();
        }
        try {
            return JobJson.MAPPER.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw HubErrors.badFormat("The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** An optional positive integer header such as {@code x-ms-max-item-count}. */
    public Integer intHeader(String name) {
        String v = header(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw HubErrors.badRequest(name + " must be an integer");
        }
    }
}
