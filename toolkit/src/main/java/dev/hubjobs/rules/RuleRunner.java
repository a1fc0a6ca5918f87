package dev.hubjobs.rules;

import dev.hubjobs.config.ValidatorConfig;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.json.JsonDocument;
import dev.hubjobs.json.JsonValue.JsonObject;
import dev.hubjobs.json.JsonValue.JsonString;
import dev.hubjobs.query.Condition;
import dev.hubjobs.query.ParseResult;
import dev.hubjobs.query.Query;
import dev.hubjobs.text.Span;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Runs every enabled rule on one job, isolating rules from each other's failures. */
public final class RuleRunner {

    private final ValidatorConfig config;
    private final Clock clock;
    private final FleetFacts fleet;
    /** The rules that run: enabled by the configuration, and given a fleet if they need one. */
    private final List<Rule> active;
    /** Codes of the enabled rules, fleet or not, for {@link JobContext#isEnabled}. */
    private final Set<String> enabled;

    /** Decides once which rules run; reusable for any number of jobs, from any thread. */
    public RuleRunner(List<Rule> rules, ValidatorConfig config, Clock clock, FleetFacts fleet) {
        this.config = config;
        this.clock = clock;
        this.fleet = fleet;
        List<Rule> on = rules.stream()
                .filter(r -> config.severity(r.code(), r.defaultSeverity()).isPresent())
                .toList();
        this.enabled = on.stream().map(Rule::code).collect(Collectors.toUnmodifiableSet());
        this.active = on.stream().filter(r -> !r.needsFleet() || fleet != null).toList();
    }

    public List<Diagnostic> run(
            JsonDocument doc, JsonObject job, JsonString conditionString, ParseResult<Condition> condition) {
        JobContext context =
                new JobContext(doc, job, conditionString, condition, clock, config, fleet, enabled::contains);
        Findings findings = new Findings(config);
        Span internalErrorAt = Span.of(job.span().start(), job.span().start() + 1);
        for (Rule rule : active) {
            findings.begin(rule, conditionString);
            try {
                rule.check(context, findings);
            } catch (RuntimeException | StackOverflowError e) {
                internalError(rule, e, findings, internalErrorAt);
            }
        }
        return findings.diagnostics();
    }

    /** Runs the query rules on a job condition given alone ({@code text} and its parse). */
    public List<Diagnostic> runCondition(String text, ParseResult<Condition> parsed) {
        return runQueryRules(
                QueryContext.ofCondition(text, parsed.value().orElse(null), Optional.empty(), config.limits()));
    }

    /** Runs the query rules on a full query given alone ({@code text} and its parse). */
    public List<Diagnostic> runQuery(String text, ParseResult<Query> parsed) {
        return runQueryRules(QueryContext.ofQuery(text, parsed.value().orElse(null), config.limits()));
    }

    private List<Diagnostic> runQueryRules(QueryContext query) {
        Findings findings = new Findings(config);
        for (Rule rule : active) {
            if (rule instanceof QueryRule q) {
                findings.begin(rule, null);
                try {
                    q.check(query, findings);
                } catch (RuntimeException | StackOverflowError e) {
                    internalError(rule, e, findings, Span.at(0));
                }
            }
        }
        return findings.diagnostics();
    }

    /**
     * A rule that throws costs that rule only, reported as an internal error. (The rule is called
     * where it runs, not through a lambda: a document of thousands of jobs would make one per rule
     * and job.)
     */
    private static void internalError(Rule rule, Throwable e, Findings findings, Span at) {
        findings.diagnostics()
                .add(Diagnostic.of(
                        rule.code(),
                        Severity.ERROR,
                        "internal error in rule " + rule.code() + " (" + rule.name() + "): " + e
                                + "; the other rules still ran",
                        at));
    }
}
