package dev.hubjobs.twin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The twins of a hub, in file order: device twins ({@code FROM devices}) and module twins
 * ({@code FROM devices.modules}, the twins that carry a {@code moduleId}). Immutable.
 */
public final class Fleet {

    private final List<TwinObject> devices;
    private final List<TwinObject> modules;

    private Fleet(TwinObject[] devices, TwinObject[] modules) {
        this.devices = Collections.unmodifiableList(Arrays.asList(devices));
        this.modules = Collections.unmodifiableList(Arrays.asList(modules));
    }

    /** Splits twins into devices and modules, keeping their order; every twin needs a deviceId. */
    public static Fleet of(List<TwinObject> twins) {
        List<TwinObject> d = new ArrayList<>();
        List<TwinObject> m = new ArrayList<>();
        for (TwinObject t : twins) {
            if (deviceId(t) == null) {
                throw new IllegalArgumentException("twin without a deviceId: " + t);
            }
            (moduleId(t) == null ? d : m).add(t);
        }
        return new Fleet(d.toArray(new TwinObject[0]), m.toArray(new TwinObject[0]));
    }

    public List<TwinObject> devices() {
        return devices;
    }

    public List<TwinObject> modules() {
        return modules;
    }

    public int size() {
        return devices.size() + modules.size();
    }

    public static String deviceId(TwinObject twin) {
        return twin.getString("deviceId");
    }

    public static String moduleId(TwinObject twin) {
        return twin.getString("moduleId");
    }

    /** {@code deviceId}, or {@code deviceId/moduleId} for a module twin. */
    public static String id(TwinObject twin) {
        String module = moduleId(twin);
        return module == null ? deviceId(twin) : deviceId(twin) + "/" + module;
    }
}
