package dev.hubjobs.lsp.services;

import dev.hubjobs.job.JobFields;
import dev.hubjobs.job.JobType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What completion inserts after a job field's key. The fields themselves, where they appear and
 * what they mean are the toolkit's ({@link JobFields}); only the editor's rendering lives here.
 */
final class FieldSnippets {

    /** The job types as the service spells them. */
    static final List<String> TYPES =
            Arrays.stream(JobType.values()).map(JobType::wireName).toList();

    private static final Map<String, String> SNIPPETS = Map.ofEntries(
            Map.entry(JobFields.TYPE, TYPES.stream().collect(Collectors.joining(",", "\"${1|", "|}\""))),
            Map.entry(JobFields.MAX_EXECUTION_TIME, "${1:3600}"),
            Map.entry(JobFields.CLOUD_TO_DEVICE_METHOD, "{\n\t\"" + JobFields.METHOD_NAME + "\": \"$1\"\n}"),
            Map.entry(
                    JobFields.UPDATE_TWIN,
                    "{\n\t\"" + JobFields.ETAG + "\": \"" + JobFields.FORCE_ETAG + "\",\n\t\"" + JobFields.PROPERTIES
                            + "\": {\n\t\t\"" + JobFields.DESIRED + "\": {$1}\n\t}\n}"),
            Map.entry(JobFields.PAYLOAD, "{$1}"),
            Map.entry(JobFields.RESPONSE_TIMEOUT, "${1:30}"),
            Map.entry(JobFields.CONNECT_TIMEOUT, "${1:0}"),
            Map.entry(JobFields.ETAG, "\"" + JobFields.FORCE_ETAG + "\""),
            Map.entry(JobFields.TAGS, "{$1}"),
            Map.entry(JobFields.PROPERTIES, "{\n\t\"" + JobFields.DESIRED + "\": {$1}\n}"),
            Map.entry(JobFields.DESIRED, "{$1}"));

    private FieldSnippets() {}

    /** The value completion inserts after {@code "field": }, as an LSP snippet. */
    static String snippet(JobFields.Field field) {
        return SNIPPETS.getOrDefault(field.name(), field.kind() == JobFields.Kind.OBJECT ? "{$1}" : "\"$1\"");
    }

    /**
     * A snippet as plain text, for clients without snippet support: a choice becomes its first
     * option, a placeholder its default, a tab stop nothing.
     */
    static String plain(String snippet) {
        return snippet.replaceAll("\\$\\{\\d+\\|([^,|}]*)[^}]*}", "$1")
                .replaceAll("\\$\\{\\d+:([^}]*)}", "$1")
                .replaceAll("\\$\\d+", "");
    }
}
