package dev.hubjobs.emulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hubjobs.emulator.HubErrors;
import dev.hubjobs.job.JobJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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

    /** The largest request body read; the service's limits (a twin, a 128 KB method payload) fit. */
    public static final int MAX_BODY = 256 * 1024;

    private static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    /**
     * A request from what an HTTP server gives: the method ({@code X-HTTP-Method-Override} applies
     * to POST), the raw path and query (percent-decoded here), the headers and the body.
     *
     * @throws dev.hubjobs.exec.JobServiceException 400 for malformed percent-encoding
     */
    public static Request of(
            String method, String rawPath, String rawQuery, Function<String, String> headers, byte[] body) {
        method = method.toUpperCase(Locale.ROOT);
        String override = headers.apply("X-HTTP-Method-Override");
        if (method.equals("POST") && override != null && !override.isBlank()) {
            method = override.trim().toUpperCase(Locale.ROOT);
        }
        List<String> segments = new ArrayList<>();
        if (rawPath != null) {
            for (String s : rawPath.split("/")) {
                if (!s.isEmpty()) {
                    segments.add(percentDecode(s));
                }
            }
        }
        Map<String, String> query = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = percentDecode(eq < 0 ? pair : pair.substring(0, eq));
                String v = eq < 0 ? "" : percentDecode(pair.substring(eq + 1).replace('+', ' '));
                query.putIfAbsent(k, v);
            }
        }
        return new Request(method, segments, query, headers, body, Map.of());
    }

    /**
     * Reads a request body of at most {@link #MAX_BODY} bytes. A longer one is read on without
     * keeping it (bounded memory), so that the client gets the 413 instead of a reset connection;
     * past 16 MB the rest is left unread.
     *
     * @throws dev.hubjobs.exec.JobServiceException 413 for a body over the limit
     */
    public static byte[] readBody(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            if (out.size() + n > MAX_BODY) {
                long skipped = 0;
                while (skipped < DRAIN_LIMIT && (n = in.read(buf)) > 0) {
                    skipped += n;
                }
                throw HubErrors.tooLarge(MAX_BODY);
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** Strict percent-decoding of a path segment; {@code +} stays {@code +}. */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw HubErrors.badFormat("Malformed percent-encoding in the request line.");
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw HubErrors.badFormat("Malformed percent-encoding in the request line.");
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

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
