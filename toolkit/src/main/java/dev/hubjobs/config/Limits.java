package dev.hubjobs.config;

/**
 * The service limits the rules check against. Defaults are the current public limits; a project
 * may change them in {@code .hubjobs.json} (e.g. for a hub that still has older limits).
 */
public record Limits(
        int maxQueryLength,
        int maxJobIdLength,
        int maxPayloadBytes,
        int maxTwinKeyBytes,
        int maxStringBytes,
        int maxTwinDepth,
        int maxTagsBytes,
        int maxDesiredBytes,
        int maxPropertyBytes) {

    public static final Limits DEFAULT = new Limits(8192, 64, 128 * 1024, 1024, 4096, 10, 8 * 1024, 32 * 1024, 4096);

    /** Names accepted in the {@code limits} object of the configuration file. */
    public static final java.util.List<String> NAMES = java.util.List.of(
            "maxQueryLength", "maxJobIdLength", "maxPayloadBytes", "maxTwinKeyBytes", "maxStringBytes",
            "maxTwinDepth", "maxTagsBytes", "maxDesiredBytes", "maxPropertyBytes");

    public Limits with(String name, int value) {
        return switch (name) {
            case "maxQueryLength" -> new Limits(value, maxJobIdLength, maxPayloadBytes, maxTwinKeyBytes,
                    maxStringBytes, maxTwinDepth, maxTagsBytes, maxDesiredBytes, maxPropertyBytes);
            case "maxJobIdLength" -> new Limits(maxQueryLength, value, maxPayloadBytes, maxTwinKeyBytes,
                    maxStringBytes, maxTwinDepth, maxTagsBytes, maxDesiredBytes, maxPropertyBytes);
            case "maxPayloadBytes" -> new Limits(maxQueryLength, maxJobIdLength, value, maxTwinKeyBytes,
                    maxStringBytes, maxTwinDepth, maxTagsBytes, maxDesiredBytes, maxPropertyBytes);
            case "maxTwinKeyBytes" -> new Limits(maxQueryLength, maxJobIdLength, maxPayloadBytes, value,
                    maxStringBytes, maxTwinDepth, maxTagsBytes, maxDesiredBytes, maxPropertyBytes);
            case "maxStringBytes" -> new Limits(maxQueryLength, maxJobIdLength, maxPayloadBytes, maxTwinKeyBytes,
                    value, maxTwinDepth, maxTagsBytes, maxDesiredBytes, maxPropertyBytes);
            case "maxTwinDepth" -> new Limits(maxQueryLength, maxJobIdLength, maxPayloadBytes, maxTwinKeyBytes,
                    maxStringBytes, value, maxTagsBytes, maxDesiredBytes, maxPropertyBytes);
            case "maxTagsBytes" -> new Limits(maxQueryLength, maxJobIdLength, maxPayloadBytes, maxTwinKeyBytes,
                    maxStringBytes, maxTwinDepth, value, maxDesiredBytes, maxPropertyBytes);
            case "maxDesiredBytes" -> new Limits(maxQueryLength, maxJobIdLength, maxPayloadBytes, maxTwinKeyBytes,
                    maxStringBytes, maxTwinDepth, maxTagsBytes, value, maxPropertyBytes);
            case "maxPropertyBytes" -> new Limits(maxQueryLength, maxJobIdLength, maxPayloadBytes, maxTwinKeyBytes,
                    maxStringBytes, maxTwinDepth, maxTagsBytes, maxDesiredBytes, value);
            default -> throw new IllegalArgumentException("unknown limit " + name);
        };
    }
}
