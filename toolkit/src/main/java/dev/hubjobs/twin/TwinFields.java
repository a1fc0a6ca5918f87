package dev.hubjobs.twin;

import java.util.List;

/**
 * The fields of a device or module twin as the service names them: the one list that the query
 * rules, the job patch rules, the schema and the editor read.
 */
public final class TwinFields {

    public static final String DEVICE_ID = "deviceId";
    public static final String MODULE_ID = "moduleId";
    public static final String ETAG = "etag";
    public static final String TAGS = "tags";
    public static final String PROPERTIES = "properties";
    public static final String DESIRED = "desired";
    public static final String REPORTED = "reported";
    public static final String CAPABILITIES = "capabilities";
    /** The one capability a twin has: whether the device is an IoT Edge device. */
    public static final String IOT_EDGE = "iotEdge";

    /** Top-level fields of a twin; all but etag, tags and properties are read-only to a back end. */
    public static final List<String> ROOTS = List.of(
            DEVICE_ID,
            MODULE_ID,
            ETAG,
            "deviceEtag",
            "version",
            "status",
            "statusReason",
            "statusUpdateTime",
            "connectionState",
            "lastActivityTime",
            "cloudToDeviceMessageCount",
            "authenticationType",
            "x509Thumbprint",
            CAPABILITIES,
            "deviceScope",
            "parentScopes",
            "modelId",
            "configurations",
            TAGS,
            PROPERTIES);

    /** The sections under {@code properties}. */
    public static final List<String> SECTIONS = List.of(DESIRED, REPORTED);

    /** Metadata keys the service keeps itself inside a section. */
    public static final List<String> SECTION_METADATA = List.of("$metadata", "$version");

    /**
     * Twin fields as the Java SDK names them when it serialises a whole twin as a job's patch (each
     * set to null); the service ignores them as it ignores the other read-only fields.
     */
    public static final List<String> SDK_SPELLINGS =
            List.of("generationId", "statusUpdatedTime", "connectionStateUpdatedTime");

    private TwinFields() {}
}
