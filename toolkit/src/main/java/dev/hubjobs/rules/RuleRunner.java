package dev.hubjobs.rules;

import dev.hubjobs.config.ValidatorConfig;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.json.JsonDocument;
import dev.hubjobs.json.JsonValue.JsonObject;
import dev.hubjobs.json.JsonValue.JsonString;
import dev.hubjobs.query.Condition;
import dev.hubjobs.query.ParseResult;
import java.time.Clock;
import java.util.List;

/** Runs every enabled rule on one job, isolating rules from each other's failures. */
public final class RuleRunner {

    private final List<Rule> rules;
    private final ValidatorConfig config;
    private final Clock clock;
    private final FleetFacts fleet;

    public RuleRunner(List<Rule> rules, ValidatorConfig config, Clock clock, FleetFacts fleet) {
        this.rules = rules;
        this.config = config;
        this.clock = clock;
        this.fleet = fleet;
    }

    public List<Diagnostic> run(JsonDocument doc, JsonObject job, JsonString conditionString,
            ParseResult<Condition> condition) {
        JobContext context = new JobContext(doc, job, conditionString, condition, clock, config.limits(),
                fleet, code -> config.severity(code, Severity.ERROR).isPresent()
                        && rules.stream().anyMatch(r -> r.code().equals(code)));
        Findings findings = new Findings(config);
        for (Rule rule : rules) {
            if (config.severity(rule.code(), rule.defaultSeverity()).isEmpty()
                    || (rule.needsFleet() && fleet == null)) {
                continue;
            }
            findings.begin(rule, conditionString);
            try {
                rule.check(context, findings);
            } catch (RuntimeException | StackOverflowError e) {
                findings.diagnostics().add(Diagnostic.of(rule.code(), Severity.ERROR,
                        "internal error in rule " + rule.code() + " (" + rule.name() + "): " + e
                                + "; the other rules still ran",
                        dev.hubjobs.text.Span.of(job.span().start(), job.span().start() + 1)));
            }
        }
        return findings.diagnostics();
    }
}
