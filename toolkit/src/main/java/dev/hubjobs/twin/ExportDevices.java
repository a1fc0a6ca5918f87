package dev.hubjobs.twin;

/**
 * The export-devices format ({@code az iot hub device-identity export}, the {@code ExportDevices}
 * job): one {@code ExportImportDevice} per line. Each record becomes the twin that a twin query
 * sees, field by field:
 *
 * <table>
 *   <caption>export record to twin</caption>
 *   <tr><th>export record</th><th>twin</th></tr>
 *   <tr><td>{@code id}</td><td>{@code deviceId}</td></tr>
 *   <tr><td>{@code moduleId}</td><td>{@code moduleId}</td></tr>
 *   <tr><td>{@code twinETag}</td><td>{@code etag}</td></tr>
 *   <tr><td>{@code eTag} (the identity's)</td><td>{@code deviceEtag}</td></tr>
 *   <tr><td>{@code status}, {@code statusReason}</td><td>the same</td></tr>
 *   <tr><td>{@code authentication.type}</td><td>{@code authenticationType}</td></tr>
 *   <tr><td>{@code authentication.x509Thumbprint}</td><td>{@code x509Thumbprint}</td></tr>
 *   <tr><td>{@code capabilities}, {@code tags}, {@code properties}, {@code deviceScope},
 *       {@code parentScopes}</td><td>the same</td></tr>
 * </table>
 *
 * <p>{@code authentication.symmetricKey} (the device's keys) is never kept, nor is anything else
 * of the record ({@code importMode}); a twin's connection fields are not in an export.
 */
public final class ExportDevices {

    private ExportDevices() {}

    /** Whether a record of a line-per-record file is an export record rather than a twin. */
    public static boolean isExportRecord(TwinObject record) {
        return record.get("deviceId") == null
                && record.get("id") != null
                && (record.get("authentication") != null
                        || record.get("eTag") != null
                        || record.get("twinETag") != null
                        || record.get("importMode") != null);
    }

    /** The twin an export record stands for; a record without {@code id} gives a twin without deviceId. */
    public static TwinObject toTwin(TwinObject record, Interner interner) {
        TwinObject.Builder twin = new TwinObject.Builder(interner);
        copy(record, "id", twin, "deviceId");
        copy(record, "moduleId", twin, "moduleId");
        copy(record, "twinETag", twin, "etag");
        copy(record, "eTag", twin, "deviceEtag");
        copy(record, "status", twin, "status");
        copy(record, "statusReason", twin, "statusReason");
        if (record.get("authentication") instanceof TwinObject auth) {
            copy(auth, "type", twin, "authenticationType");
            copy(auth, "x509Thumbprint", twin, "x509Thumbprint");
        }
        for (String same : new String[] {"capabilities", "tags", "properties", "deviceScope", "parentScopes"}) {
            copy(record, same, twin, same);
        }
        return twin.build();
    }

    private static void copy(TwinObject from, String key, TwinObject.Builder to, String as) {
        Object value = from.get(key);
        if (value != null) {
            to.put(as, value);
        }
    }
}
