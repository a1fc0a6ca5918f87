package dev.hubjobs.twin;

import java.util.List;

/** What loading a fleet file produced: the twins that could be read, and every record skipped. */
public record FleetLoad(Fleet fleet, List<LoadProblem> problems) {
    public FleetLoad {
        problems = List.copyOf(problems);
    }
}
