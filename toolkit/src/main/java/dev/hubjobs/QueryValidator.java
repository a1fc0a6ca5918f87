package dev.hubjobs;

import dev.hubjobs.config.ValidatorConfig;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.query.Condition;
import dev.hubjobs.query.ParseResult;
import dev.hubjobs.query.Query;
import dev.hubjobs.query.QueryParser;
import dev.hubjobs.rules.RuleRunner;
import dev.hubjobs.rules.Rules;
import java.time.Clock;
import java.util.List;

/**
 * Checks a job condition or a full query given alone, with the parser and the same query rules
 * (HJ0xx, HJ1xx) that {@link JobValidator} runs on a job's {@code queryCondition}: what the
 * service refuses is an error here exactly as it is in a job file.
 *
 * <pre>{@code
 * ParseResult<Condition> checked = QueryValidator.standard().validateCondition("tags.ring = 'canary'");
 * if (!checked.hasErrors()) { ... checked.get() ... }
 * }</pre>
 *
 * <p>The result carries the tree (when the text parsed) and every finding, in text order;
 * positions are in the text. Immutable and thread-safe.
 */
public final class QueryValidator {

    private static final QueryValidator STANDARD = new QueryValidator(ValidatorConfig.DEFAULT);

    private final ValidatorConfig config;
    private final RuleRunner runner;

    private QueryValidator(ValidatorConfig config) {
        this.config = config;
        this.runner = new RuleRunner(Rules.all(), config, Clock.systemUTC(), null);
    }

    /** With every rule at its default severity. */
    public static QueryValidator standard() {
        return STANDARD;
    }

    /** With a project's rule severities and limits. */
    public static QueryValidator of(ValidatorConfig config) {
        return config.equals(ValidatorConfig.DEFAULT) ? STANDARD : new QueryValidator(config);
    }

    /** A job {@code queryCondition}: {@code *}, a condition, or {@code FROM devices.modules WHERE ...}. */
    public ParseResult<Condition> validateCondition(String text) {
        ParseResult<Condition> parsed = QueryParser.parseCondition(text);
        return merge(parsed, runner.runCondition(text, parsed));
    }

    /** A full {@code SELECT} query, as sent to {@code POST /devices/query}. */
    public ParseResult<Query> validateQuery(String text) {
        ParseResult<Query> parsed = QueryParser.parseQuery(text);
        return merge(parsed, runner.runQuery(text, parsed));
    }

    private <T> ParseResult<T> merge(ParseResult<T> parsed, List<Diagnostic> findings) {
        List<Diagnostic> all = config.configured(parsed.diagnostics());
        all.addAll(findings);
        all.sort(Diagnostic.BY_POSITION);
        return new ParseResult<>(parsed.value(), all);
    }
}
