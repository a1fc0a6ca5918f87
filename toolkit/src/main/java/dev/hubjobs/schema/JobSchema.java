package dev.hubjobs.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubjobs.config.Limits;
import dev.hubjobs.job.JobFields;
import dev.hubjobs.job.JobFields.Field;
import dev.hubjobs.job.JobJson;
import dev.hubjobs.job.JobType;
import dev.hubjobs.twin.TwinFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The JSON Schema (draft 2020-12) of a job file, built from the same constants as the field rules
 * ({@link JobFields}, {@link Limits#DEFAULT}), so that editors that only speak JSON Schema check
 * what the validator checks structurally: required fields, types, the type enum, unknown fields,
 * fields of the other job type, ranges, the jobId pattern, the etag and the patch sections. The
 * rest (twin keys, sizes, the job character set, the query) needs the validator.
 *
 * <p>The committed copy is {@code docs/job.schema.json}; a test fails when it is stale. Regenerate it
 * with {@code mvn -q -o -pl toolkit -am test -Dtest=JobSchemaTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dhubjobs.regenerateSchema=true}, or run {@link #main} with the target path.
 */
public final class JobSchema {

    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    /** Where the committed copy, docs/job.schema.json, is published. */
    public static final String ID = "https://raw.githubusercontent.com/hubjobs/hubjobs/main/docs/job.schema.json";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private JobSchema() {}

    /** The schema as a Jackson tree. */
    public static ObjectNode build() {
        Limits limits = Limits.DEFAULT;
        ObjectNode schema = F.objectNode();
        schema.put("$schema", DIALECT);
        schema.put("$id", ID);
        schema.put("title", "Azure IoT Hub job request");
        schema.put("description", "A job file: one job request (PUT /jobs/v2/{jobId}) or an array of them.");
        // Job files may hold comments (docs/decisions.md); editors that read these keywords (VS Code's
        // JSON support) then leave comments and trailing commas to hubjobs, which reports the latter once.
        schema.put("allowComments", true);
        schema.put("allowTrailingCommas", true);
        ArrayNode anyOf = schema.putArray("anyOf");
        anyOf.addObject().put("$ref", "#/$defs/job");
        ObjectNode array = anyOf.addObject().put("type", "array");
        array.putObject("items").put("$ref", "#/$defs/job");

        ObjectNode defs = schema.putObject("$defs");
        defs.set("job", job(limits));
        defs.set(JobFields.CLOUD_TO_DEVICE_METHOD, method());
        defs.set(JobFields.UPDATE_TWIN, twin());
        return schema;
    }

    private static ObjectNode job(Limits limits) {
        ObjectNode job = object(JobFields.REQUIRED);
        ObjectNode properties = job.putObject("properties");
        for (Field field : JobFields.JOB_FIELDS) {
            ObjectNode p = property(field);
            switch (field.name()) {
                case JobFields.JOB_ID ->
                    p.put("minLength", 1)
                            .put("maxLength", limits.maxJobIdLength())
                            .put("pattern", "^" + JobFields.JOB_ID_CHARACTER_CLASS + "+$");
                case JobFields.TYPE -> {
                    ArrayNode names = p.putArray("enum");
                    for (JobType t : JobType.values()) {
                        names.add(t.wireName());
                    }
                }
                case JobFields.QUERY_CONDITION -> p.put("maxLength", limits.maxQueryLength());
                case JobFields.START_TIME -> p.put("pattern", JobFields.START_TIME_PATTERN);
                case JobFields.MAX_EXECUTION_TIME ->
                    p.put("minimum", JobFields.MAX_EXECUTION_TIME_MIN).put("maximum", Long.MAX_VALUE);
                case JobFields.CLOUD_TO_DEVICE_METHOD, JobFields.UPDATE_TWIN -> {
                    // null only as the other type's field (below), as the C# and Java SDKs send it
                    p.removeAll();
                    ArrayNode either = p.putArray("anyOf");
                    either.addObject().put("$ref", "#/$defs/" + field.name());
                    either.addObject().put("type", "null");
                }
                default -> {}
            }
            properties.set(field.name(), p);
        }
        // Editors name the schema in the file itself; the service ignores the field.
        properties.putObject(JobFields.SCHEMA).put("type", "string");
        job.put("additionalProperties", false);
        ArrayNode allOf = job.putArray("allOf");
        for (JobType type : JobType.values()) {
            ObjectNode rule = allOf.addObject();
            ObjectNode when = rule.putObject("if");
            when.putObject("properties").putObject(JobFields.TYPE).put("const", type.wireName());
            when.putArray("required").add(JobFields.TYPE);
            ObjectNode then = rule.putObject("then");
            ArrayNode required = then.putArray("required");
            JobFields.requiredFor(type).forEach(required::add);
            ObjectNode fields = then.putObject("properties");
            fields.putObject(
                            type == JobType.SCHEDULE_DEVICE_METHOD
                                    ? JobFields.CLOUD_TO_DEVICE_METHOD
                                    : JobFields.UPDATE_TWIN)
                    .put("type", "object");
            fields.putObject(JobFields.foreignTo(type)).put("type", "null");
        }
        return job;
    }

    private static ObjectNode method() {
        ObjectNode method = object(JobFields.METHOD_REQUIRED);
        ObjectNode properties = method.putObject("properties");
        for (Field field : JobFields.METHOD_FIELDS) {
            ObjectNode p = property(field);
            switch (field.name()) {
                case JobFields.METHOD_NAME -> p.put("minLength", 1);
                case JobFields.RESPONSE_TIMEOUT ->
                    p.put("minimum", JobFields.RESPONSE_TIMEOUT_MIN).put("maximum", JobFields.RESPONSE_TIMEOUT_MAX);
                case JobFields.CONNECT_TIMEOUT ->
                    p.put("minimum", JobFields.CONNECT_TIMEOUT_MIN).put("maximum", JobFields.CONNECT_TIMEOUT_MAX);
                default -> {}
            }
            properties.set(field.name(), p);
        }
        method.put("additionalProperties", false);
        return method;
    }

    private static ObjectNode twin() {
        ObjectNode twin = object(List.of(JobFields.ETAG));
        twin.put(
                "description",
                "Twin patch: only tags and properties.desired are applied; "
                        + "the other twin fields are accepted and ignored.");
        ObjectNode properties = twin.putObject("properties");
        for (String name : TwinFields.ROOTS) {
            properties.putObject(name);
        }
        properties.putObject(JobFields.ETAG).put("const", JobFields.FORCE_ETAG);
        properties.putObject(JobFields.TAGS).put("type", "object");
        ObjectNode sections = properties.putObject(JobFields.PROPERTIES).put("type", "object");
        ObjectNode sectionProperties = sections.putObject("properties");
        sectionProperties.putObject(JobFields.DESIRED).put("type", "object");
        ObjectNode reported = sectionProperties.putObject(JobFields.REPORTED);
        reported.put("description", "Written by the device; a job may only send it empty.");
        reported.putArray("type").add("object").add("null");
        reported.put("maxProperties", 0);
        sections.put("additionalProperties", false);
        twin.put("additionalProperties", false);
        return twin;
    }

    private static ObjectNode object(List<String> required) {
        ObjectNode o = F.objectNode().put("type", "object");
        ArrayNode r = o.putArray("required");
        required.forEach(r::add);
        return o;
    }

    private static ObjectNode property(Field field) {
        ObjectNode p = F.objectNode();
        p.put("description", field.description());
        switch (field.kind()) {
            case STRING -> p.put("type", "string");
            case INTEGER -> p.put("type", "integer");
            case OBJECT -> p.put("type", "object");
            case ANY -> {}
        }
        return p;
    }

    /** The schema as pretty-printed JSON with a final newline, as committed in {@code docs/job.schema.json}. */
    public static String json() {
        try {
            return JobJson.MAPPER
                            .writerWithDefaultPrettyPrinter()
                            .writeValueAsString(build())
                            .replace("\r\n", "\n") + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the schema tree cannot be written", e);
        }
    }

    /** Writes the schema to the path given (default {@code docs/job.schema.json}). */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "docs/job.schema.json");
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        Files.writeString(target, json(), StandardCharsets.UTF_8);
        System.out.println("wrote " + target);
    }
}
