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

    /** Names accepted in the {@code limits} object of the configuration file: the components' names. */
    public static final java.util.List<String> NAMES = java.util.Arrays.stream(Limits.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName)
            .toList();

    /** These limits with the one named {@code name} (one of {@link #NAMES}) set to {@code value}. */
    public Limits with(String name, int value) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown limit " + name);
        }
        java.lang.reflect.RecordComponent[] components = Limits.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int k = 0; k < components.length; k++) {
                types[k] = components[k].getType();
                values[k] = components[k].getName().equals(name)
                        ? value
                        : components[k].getAccessor().invoke(this);
            }
            return Limits.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + this, e);
        }
    }
}
