package dev.hubjobs.emulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hubjobs.job.JobJson;
import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON response: status, body (null for none) and extra headers. */
public record Response(int status, Object body, Map<String, String> headers) {

    /** The content type of every body. */
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";

    /** The body as JSON bytes, or null when there is none. */
    public byte[] bytes() throws JsonProcessingException {
        return body == null ? null : JobJson.MAPPER.writeValueAsBytes(body);
    }

    public static Response ok(Object body) {
        return new Response(200, body, new LinkedHashMap<>());
    }

    public static Response noContent() {
        return new Response(204, null, new LinkedHashMap<>());
    }

    public Response header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public static Response json(int status, JsonNode body) {
        return new Response(status, body, new LinkedHashMap<>());
    }
}
