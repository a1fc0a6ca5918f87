package dev.hubjobs.lsp.services;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What the editor knows about a fleet of device twins ({@code hubjobs.fleet}): the property paths
 * and values seen in it, for completion, and how many devices a condition matches, for hover.
 */
public interface FleetIndex {

    /** Number of devices in the fleet. */
    int size();

    /** Every dotted path seen in a twin (e.g. {@code tags.floor}, {@code properties.reported.fw}), sorted. */
    Set<String> paths();

    /** The distinct values seen at {@code path} (String, Number or Boolean), most frequent first. */
    List<Object> values(String path);

    /** How many devices {@code condition} matches; empty when the condition does not parse. */
    OptionalInt count(String condition);
}
