package dev.hubjobs.rules;

import dev.hubjobs.json.JsonValue.JsonString;
import dev.hubjobs.query.Condition;
import dev.hubjobs.query.Source;
import java.util.Locale;
import java.util.Optional;

/** What HJ401-HJ403 share: the job's matched devices in the fleet, and how to word numbers. */
final class FleetRules {

    private FleetRules() {}

    /** The condition, its string in the document, fleet size and match count. */
    record Target(Condition condition, JsonString string, int size, int matched) {
        String noun() {
            return condition.source() == Source.MODULES ? "modules" : "devices";
        }
    }

    /** Present when there is a fleet and a condition that parsed without errors and can be evaluated. */
    static Optional<Target> target(JobContext job) {
        FleetFacts fleet = job.fleet().orElse(null);
        Condition condition = job.condition().orElse(null);
        JsonString string = job.conditionString().orElse(null);
        if (fleet == null
                || condition == null
                || string == null
                || condition.source() == Source.JOBS
                || condition.misplacedPrefix().isPresent()
                || job.conditionParse().map(p -> p.hasErrors()).orElse(true)) {
            return Optional.empty();
        }
        int matched = fleet.matchCount(condition);
        if (matched < 0) {
            return Optional.empty();
        }
        return Optional.of(new Target(condition, string, fleet.size(condition), matched));
    }

    static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }

    /** {@code 0.2 s}, {@code 5000 s (1 h 23 min)}: seconds, and a reading aid when over a minute. */
    static String duration(double seconds) {
        if (seconds < 60) {
            return number(Math.ceil(seconds * 10) / 10) + " s";
        }
        long s = (long) Math.ceil(seconds);
        String exact = s + " s";
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long r = s % 60;
        String human = h > 0 ? h + " h " + m + " min" : m + " min" + (r > 0 ? " " + r + " s" : "");
        return exact + " (" + human + ")";
    }
}
