package dev.hubjobs.rules;

import dev.hubjobs.query.Condition;
import java.util.Optional;
import java.util.Set;

/**
 * What the fleet rules (HJ4xx) need to know about a fleet and a hub tier, computed by whoever
 * holds the fleet (the evaluator and executor) so that the rules stay free of them.
 */
public interface FleetFacts {

    /** Number of devices (or modules, for a module condition) in the fleet. */
    int size(Condition condition);

    /** How many of them the condition matches. */
    int matchCount(Condition condition);

    /** Whether a property path (dotted, lower-cased) occurs in at least one twin of the fleet. */
    boolean pathExists(String dottedPath);

    /** Device operations per second at the configured tier, if a tier was given. */
    Optional<Double> operationsPerSecond();

    /** All paths seen in the fleet, each spelled as first seen, for suggestions. */
    Set<String> paths();
}
