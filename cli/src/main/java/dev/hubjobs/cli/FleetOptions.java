package dev.hubjobs.cli;

import dev.hubjobs.exec.DeclaredBehaviours;
import dev.hubjobs.exec.Throttle;
import dev.hubjobs.exec.Tier;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --fleet PATH [--fleet-format F] [--tier T --units N]}: the fleet and hub tier that the fleet rules (HJ4xx) and the dry run use. */
final class FleetOptions {

    @Mixin
    FleetFile fleet;

    @Option(
            names = "--tier",
            paramLabel = "TIER",
            description = "Hub tier for the throttle: F1, S1, S2 or S3 (default: unthrottled).")
    String tier;

    @Option(
            names = "--units",
            paramLabel = "N",
            defaultValue = "1",
            description = "Number of units of the tier (default 1).")
    int units;

    /** The throttle the options name; a bad tier or unit count is a usage error. */
    Throttle throttle() {
        if (units < 1) {
            throw new UsageException("--units must be at least 1");
        }
        if (tier == null) {
            return Throttle.UNTHROTTLED;
        }
        Tier t = Tier.parse(tier)
                .orElseThrow(() -> new UsageException("unknown tier '" + tier + "' (F1, S1, S2 or S3)"));
        return Throttle.of(t, units);
    }

    /**
     * The fleet with its declared device behaviours taken out; empty after a one-line error on
     * {@code err} (the command then exits 2). Skipped records are warnings on {@code err}.
     */
    Optional<DeclaredBehaviours.Extracted> load(PrintWriter err) {
        return FleetFile.load(fleet.file, fleet.format(), err).map(load -> {
            DeclaredBehaviours.Extracted extracted = DeclaredBehaviours.extract(load.fleet());
            for (String problem : extracted.problems()) {
                err.println(Printable.escape(fleet.file + ": warning: " + problem));
            }
            return extracted;
        });
    }
}
