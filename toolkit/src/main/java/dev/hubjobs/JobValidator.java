package dev.hubjobs;

import dev.hubjobs.config.ConfigFile;
import dev.hubjobs.config.ValidatorConfig;
import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.job.JobJson;
import dev.hubjobs.job.JobRequest;
import dev.hubjobs.json.JsonDocument;
import dev.hubjobs.json.JsonDocumentParser;
import dev.hubjobs.json.JsonValue;
import dev.hubjobs.json.JsonValue.JsonObject;
import dev.hubjobs.json.JsonValue.JsonString;
import dev.hubjobs.query.Condition;
import dev.hubjobs.query.ParseResult;
import dev.hubjobs.query.QueryParser;
import dev.hubjobs.rules.FleetFacts;
import dev.hubjobs.rules.Rule;
import dev.hubjobs.rules.RuleRunner;
import dev.hubjobs.rules.Rules;
import dev.hubjobs.text.Span;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates job requests: the one call a back end makes before it submits a job.
 *
 * <pre>{@code
 * JobValidator validator = JobValidator.builder().build();
 * ValidationResult result = validator.validate(Path.of("reboot.job.json"));
 * if (result.hasErrors()) { ... }
 * }</pre>
 *
 * <p>Immutable, thread-safe and reusable. Without an explicit configuration, {@link #validate(Path)}
 * uses the {@code .hubjobs.json} found by walking up from the file.
 */
public final class JobValidator {

    /** How many array elements that are not jobs are listed, one finding each; one more counts the rest. */
    private static final int MAX_NOT_JOBS = 100;

    /**
     * How many jobs of one document are checked; one HJ005 marks the first that is not. Far more
     * than a job file holds (a hub runs at most ten jobs at a time), and few enough that a 4 MB
     * array of a million {@code {}} is checked in bounded time and memory.
     */
    public static final int MAX_JOBS = 10_000;

    private final Clock clock;
    private final ValidatorConfig explicitConfig;
    private final FleetFacts fleet;
    private final List<Rule> rules;
    private final Map<Path, ConfigFile.Loaded> configs = new ConcurrentHashMap<>();
    /** Where each directory's configuration is, looked up once: a run over many files in few directories. */
    private final Map<Path, Optional<Path>> configLocations = new ConcurrentHashMap<>();
    /** For the explicit (or default) configuration, which most inputs use. */
    private final RuleRunner defaultRunner;

    private JobValidator(Builder b) {
        this.clock = b.clock;
        this.explicitConfig = b.config;
        this.fleet = b.fleet;
        this.rules = b.rules;
        this.defaultRunner = new RuleRunner(rules, configOrDefault(), clock, fleet);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Validates a job document's text with the explicit (or default) configuration. */
    public ValidationResult validate(String text) {
        return validate(text, () -> {});
    }

    /**
     * As {@link #validate(String)}, running {@code checkpoint} before each job of the document. A
     * checkpoint that throws abandons the validation with its exception: an editor passes one that
     * throws once the text being validated is out of date.
     */
    public ValidationResult validate(String text, Runnable checkpoint) {
        return result(Optional.empty(), JsonDocumentParser.parse(text), configOrDefault(), checkpoint);
    }

    /** Validates a job built in code, as the JSON the service would receive. */
    public ValidationResult validate(JobRequest request) {
        String text;
        try {
            text = JobJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(request);
        } catch (IOException e) {
            throw new IllegalArgumentException("the request cannot be serialised: " + e.getMessage(), e);
        }
        return validate(text);
    }

    /**
     * Validates a job file with the configuration that applies to it; a file that is too large or
     * cannot be read gives one HJ005 finding (a large file is not read at all).
     */
    public ValidationResult validate(Path file) {
        try {
            long size = Files.size(file);
            if (size > JsonDocumentParser.MAX_SIZE) {
                return unchecked(file, JsonDocumentParser.tooLarge(size + " bytes"));
            }
            try (InputStream in = Files.newInputStream(file)) {
                return validate(file, in);
            }
        } catch (IOException | RuntimeException e) {
            return unchecked(file, Diagnostic.error(Codes.INPUT_LIMIT, "cannot read file: " + reason(e), Span.at(0)));
        }
    }

    /**
     * Validates text that stands for {@code asFile} (an editor's unsaved buffer, a file being
     * fixed) with the configuration that applies to that file.
     */
    public ValidationResult validate(Path asFile, String text) {
        return validate(asFile, text, () -> {});
    }

    /** As {@link #validate(Path, String)}, running {@code checkpoint} as {@link #validate(String, Runnable)} does. */
    public ValidationResult validate(Path asFile, String text, Runnable checkpoint) {
        return result(Optional.of(asFile), JsonDocumentParser.parse(text), configurationOf(asFile), checkpoint);
    }

    /**
     * Validates a document read from {@code in} (standard input) as if it were {@code asFile}; at
     * most one byte past the size limit is read.
     */
    public ValidationResult validate(Path asFile, InputStream in) throws IOException {
        return result(
                Optional.of(asFile),
                JsonDocumentParser.parse(JsonDocumentParser.readBounded(in)),
                configurationOf(asFile),
                () -> {});
    }

    private static ValidationResult unchecked(Path file, Diagnostic why) {
        return new ValidationResult(
                Optional.of(file), "", List.of(why), dev.hubjobs.text.LineMap.of(""), Optional.empty());
    }

    private ValidatorConfig configurationOf(Path file) {
        return explicitConfig != null
                ? explicitConfig
                : configFor(file).map(ConfigFile.Loaded::config).orElse(ValidatorConfig.DEFAULT);
    }

    /** Why a file could not be read, in words: some exceptions' message is only the file's path. */
    private static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * The configuration file that applies to {@code file}, with its own findings. Each directory's
     * is found and loaded once: a validator takes configuration files as they were when first read.
     */
    public Optional<ConfigFile.Loaded> configFor(Path file) {
        if (explicitConfig != null) {
            return Optional.empty();
        }
        Path start = ConfigFile.searchStart(file);
        Optional<Path> location =
                start == null ? Optional.empty() : configLocations.computeIfAbsent(start, ConfigFile::findFrom);
        return location.map(p -> configs.computeIfAbsent(p, q -> ConfigFile.load(q, Rules::isKnown)));
    }

    public List<Rule> rules() {
        return rules;
    }

    private ValidatorConfig configOrDefault() {
        return explicitConfig != null ? explicitConfig : ValidatorConfig.DEFAULT;
    }

    private ValidationResult result(
            Optional<Path> path, JsonDocument doc, ValidatorConfig config, Runnable checkpoint) {
        List<Diagnostic> out = config.configured(doc.diagnostics());
        RuleRunner runner = config == configOrDefault() ? defaultRunner : new RuleRunner(rules, config, clock, fleet);
        doc.root().ifPresent(root -> {
            if (root instanceof JsonObject o) {
                checkpoint.run();
                out.addAll(check(runner, doc, o, config));
            } else if (root instanceof JsonValue.JsonArray a) {
                int notJobs = 0;
                int jobs = 0;
                Span firstUnlisted = null;
                for (JsonValue v : a.elements()) {
                    checkpoint.run();
                    if (v instanceof JsonObject
                            && (jobs == MAX_JOBS || out.size() >= JsonDocumentParser.MAX_FINDINGS)) {
                        out.add(Diagnostic.error(
                                Codes.INPUT_LIMIT,
                                (jobs == MAX_JOBS
                                                ? "more than " + MAX_JOBS + " jobs"
                                                : "more than " + JsonDocumentParser.MAX_FINDINGS + " findings")
                                        + " in this document; the jobs from here on were not checked",
                                Span.at(v.span().start())));
                        break;
                    }
                    if (v instanceof JsonObject o) {
                        jobs++;
                        out.addAll(check(runner, doc, o, config));
                    } else if (++notJobs <= MAX_NOT_JOBS) {
                        out.add(Diagnostic.error(
                                Codes.FIELD_TYPE, "expected a job object, found " + v.typeName(), v.span()));
                    } else if (firstUnlisted == null) {
                        firstUnlisted = v.span();
                    }
                }
                if (firstUnlisted != null) {
                    out.add(Diagnostic.error(
                            Codes.FIELD_TYPE,
                            "and " + (notJobs - MAX_NOT_JOBS) + " more elements that are not job objects, not listed",
                            firstUnlisted));
                }
            } else {
                out.add(Diagnostic.error(
                        Codes.FIELD_TYPE,
                        "a job file holds a job object or an array of them, not a " + root.typeName(),
                        root.span()));
            }
        });
        out.sort(Diagnostic.BY_POSITION);
        return new ValidationResult(path, doc.text(), Superseded.remove(out), doc.lines(), Optional.of(doc));
    }

    private List<Diagnostic> check(RuleRunner runner, JsonDocument doc, JsonObject job, ValidatorConfig config) {
        JsonString conditionString = job.getOrNull("queryCondition") instanceof JsonString s ? s : null;
        ParseResult<Condition> condition =
                conditionString == null ? null : QueryParser.parseCondition(conditionString.value());
        List<Diagnostic> out = new ArrayList<>();
        if (condition != null) {
            for (Diagnostic d : config.configured(condition.diagnostics())) {
                out.add(d.relocate(conditionString::documentSpan, conditionString::encode));
            }
        }
        out.addAll(runner.run(doc, job, conditionString, condition));
        return out;
    }

    /** Configures a {@link JobValidator}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private ValidatorConfig config;
        private FleetFacts fleet;
        private List<Rule> rules = Rules.all();

        private Builder() {}

        /** The clock HJ208 compares {@code startTime} with. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Use this configuration for every input instead of looking for {@code .hubjobs.json}. */
        public Builder config(ValidatorConfig config) {
            this.config = config;
            return this;
        }

        /** Turns the fleet rules (HJ4xx) on. */
        public Builder fleet(FleetFacts fleet) {
            this.fleet = fleet;
            return this;
        }

        /** Run only these rules (tests use this to prove rule isolation). */
        public Builder rules(List<Rule> rules) {
            this.rules = List.copyOf(rules);
            return this;
        }

        public JobValidator build() {
            return new JobValidator(this);
        }
    }
}
