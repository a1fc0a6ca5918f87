package dev.hubjobs.twin;

import java.util.List;

/**
 * What loading a fleet produced: the twins that could be read, the first problems met (at most
 * {@link FleetReader#MAX_LISTED_PROBLEMS}) and how many there were in all.
 */
public record FleetLoad(Fleet fleet, List<LoadProblem> problems, long problemCount) {
    public FleetLoad {
        problems = List.copyOf(problems);
    }
}
