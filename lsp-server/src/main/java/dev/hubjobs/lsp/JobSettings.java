package dev.hubjobs.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * The {@code hubjobs} settings section:
 * <pre>{"validate": {"trigger": "onType"}, "fleet": "fleet/devices.json", "tier": "S1", "units": 2}</pre>
 * Dotted keys ({@code "validate.trigger"}) are accepted too, because clients differ in how they
 * send nested settings. Anything unreadable keeps its default.
 *
 * @param fleet path of a fleet file (JSON array or NDJSON of twins), relative to the workspace
 *     root; null for none
 * @param tier the hub tier (F1, S1, S2, S3) the throttle rule uses with the fleet; null for unthrottled
 * @param units the number of units of the tier
 */
record JobSettings(Trigger trigger, String fleet, String tier, int units) {

    static final JobSettings DEFAULT = new JobSettings(Trigger.ON_TYPE, null, null, 1);

    /** When push diagnostics are computed. */
    enum Trigger {
        ON_TYPE,
        ON_SAVE
    }

    static JobSettings from(Object settings) {
        if (!(settings instanceof JsonObject o)) {
            return DEFAULT;
        }
        Trigger trigger = Trigger.ON_TYPE;
        String t = string(o, "validate", "trigger");
        if ("onSave".equalsIgnoreCase(t)) {
            trigger = Trigger.ON_SAVE;
        }
        String fleet = string(o, "fleet", null);
        String tier = string(o, "tier", null);
        int units = o.get("units") instanceof JsonPrimitive p && p.isNumber() ? Math.max(1, p.getAsInt()) : 1;
        return new JobSettings(
                trigger,
                fleet == null || fleet.isBlank() ? null : fleet,
                tier == null || tier.isBlank() ? null : tier,
                units);
    }

    /** The {@code hubjobs} section of a whole-settings object, or the object itself if it is one. */
    static Object section(Object settings) {
        if (settings instanceof JsonObject o && o.get("hubjobs") instanceof JsonObject section) {
            return section;
        }
        return settings;
    }

    private static String string(JsonObject o, String key, String child) {
        JsonElement e = o.get(key);
        if (child != null) {
            e = e instanceof JsonObject nested ? nested.get(child) : o.get(key + "." + child);
        }
        return e instanceof JsonPrimitive p && p.isString() ? p.getAsString() : null;
    }
}
