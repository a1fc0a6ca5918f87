package dev.hubjobs.cli;

import dev.hubjobs.JobValidator;
import dev.hubjobs.ValidationResult;
import dev.hubjobs.config.ConfigFile;
import dev.hubjobs.exec.DeclaredBehaviours;
import dev.hubjobs.exec.FleetSummary;
import dev.hubjobs.exec.Throttle;
import dev.hubjobs.fix.FixAll;
import dev.hubjobs.json.JsonDocumentParser;
import dev.hubjobs.rules.Rules;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Validates job files and reports the findings in one of the contract's formats. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        sortOptions = false,
        description = {
            "Validate job files (*.job.json).",
            "Directories are searched recursively, skipping .git, node_modules, target and files git ignores;"
                    + " '-' reads one job document from standard input.",
            "",
            "Exit status: 0 no error, 1 at least one error-severity finding, 2 usage or internal error.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  hubjobs validate jobs/reboot.job.json",
            "  hubjobs validate --format sarif . > hubjobs.sarif",
            "  hubjobs validate --fix jobs/",
            "  hubjobs validate --quiet --fail-on warning jobs/",
            "  cat reboot.job.json | hubjobs validate -",
        })
final class ValidateCommand implements Callable<Integer> {

    /** From this many files on, validation runs on every core; below it threads cost more than they save. */
    static final int PARALLEL_FROM = 16;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ParentCommand
    Main main;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Report.Format format;

    @Option(names = "--fix", description = "Apply every safe fix in place (atomically), then report what is left.")
    boolean fix;

    @Option(
            names = {"-q", "--quiet"},
            description = "Report error-severity findings only (the summary line still counts all).")
    boolean quiet;

    /** The least severe finding that makes the exit status 1. */
    enum FailOn {
        error,
        warning
    }

    @Option(
            names = "--fail-on",
            paramLabel = "SEVERITY",
            defaultValue = "error",
            description = "Exit with 1 when a finding is at least this severe: ${COMPLETION-CANDIDATES}"
                    + " (default: ${DEFAULT-VALUE}). 'warning' stops a commit or a CI job on warnings too.")
    FailOn failOn;

    /** When the text report is coloured. */
    enum ColorMode {
        auto,
        always,
        never
    }

    @Option(
            names = "--color",
            paramLabel = "WHEN",
            defaultValue = "auto",
            description =
                    "Colour the severities of the text report: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}:"
                            + " when standard output is a terminal and NO_COLOR is not set; never on a pipe or in a file).")
    ColorMode color;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Use this configuration file instead of the .hubjobs.json found above each job file.")
    Path config;

    @Mixin
    FleetOptions fleetOptions;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Job files, directories, or '-' for standard input.")
    List<String> paths;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        InputFiles files = new InputFiles(Path.of(""), err);

        List<FileResult> results = new ArrayList<>();
        JobValidator.Builder builder = JobValidator.builder();
        ConfigFile.Loaded explicit = null;
        if (config != null) {
            if (!Files.isRegularFile(config) || !Files.isReadable(config)) {
                throw new UsageException("cannot read configuration file " + config);
            }
            explicit = ConfigFile.load(config, Rules::isKnown);
            builder.config(explicit.config());
            if (!explicit.diagnostics().isEmpty()) {
                results.add(configResult(files, explicit));
            }
        }
        Optional<FleetSummary> fleet = fleet(err);
        fleet.ifPresent(builder::fleet);
        JobValidator validator = builder.build();
        List<Input> inputs = files.collect(paths);
        if (fix && inputs.stream().anyMatch(i -> i instanceof Input.Stdin)) {
            throw new UsageException("--fix rewrites files in place and cannot be used with '-' (standard input)");
        }
        // A fixed file's last validation is of the text now on disk: its report, without validating again.
        Map<Input, FileResult> known = new IdentityHashMap<>();
        if (fix) {
            for (Input input : inputs) {
                fix((Input.File) input, validator, err).ifPresent(r -> known.put(input, r));
            }
        }

        List<FileResult> validated = validateAll(inputs, validator, known, err);
        Set<Path> reportedConfigs = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            Input input = inputs.get(i);
            // A configuration file's own problems are reported once, before the first file it governs.
            if (explicit == null) {
                Optional<ConfigFile.Loaded> loaded = input instanceof Input.File f
                        ? validator.configFor(f.path())
                        : validator.configFor(STDIN_STANDS_FOR);
                loaded.filter(l -> !l.diagnostics().isEmpty() && reportedConfigs.add(l.path()))
                        .ifPresent(l -> results.add(configResult(files, l)));
            }
            results.add(validated.get(i));
        }

        List<FileResult> shown =
                quiet ? results.stream().map(FileResult::errorsOnly).toList() : results;
        Report report = format == Report.Format.text ? new TextReport(colour()) : format.report();
        report.write(shown, out);
        boolean fails =
                results.stream().anyMatch(r -> r.errors() > 0 || (failOn == FailOn.warning && r.warnings() > 0));
        return fails ? Main.FINDINGS : Main.OK;
    }

    /** Colour on a terminal, never on a pipe, never with NO_COLOR set (https://no-color.org). */
    private boolean colour() {
        return switch (color) {
            case always -> true;
            case never -> false;
            case auto -> TextReport.colourByDefault(System.getenv(), System.console() != null);
        };
    }

    /** The fleet facts that turn the HJ4xx rules on, when {@code --fleet} is given. */
    private Optional<FleetSummary> fleet(PrintWriter err) {
        if (fleetOptions.fleet.file == null) {
            if (fleetOptions.tier != null) {
                throw new UsageException("--tier needs --fleet: the throttle rule counts the devices a job matches");
            }
            return Optional.empty();
        }
        Throttle throttle = fleetOptions.throttle();
        DeclaredBehaviours.Extracted loaded = fleetOptions
                .load(err)
                .orElseThrow(() -> new UsageException("validate: the fleet file could not be read"));
        return Optional.of(new FleetSummary(loaded.fleet(), throttle));
    }

    private static FileResult configResult(InputFiles files, ConfigFile.Loaded loaded) {
        return FileResult.of(files.display(loaded.path()), loaded.lines(), loaded.diagnostics(), false);
    }

    /** Validates in input order; large sets in parallel, results still in input order. */
    private List<FileResult> validateAll(
            List<Input> inputs, JobValidator validator, Map<Input, FileResult> known, PrintWriter err) {
        Progress progress = new Progress(err, inputs.size(), Progress.stderrIsTerminal());
        List<FileResult> results = new ArrayList<>(inputs.size());
        int threads = Runtime.getRuntime().availableProcessors();
        if (inputs.size() < PARALLEL_FROM || threads < 2) {
            for (Input input : inputs) {
                results.add(known.containsKey(input) ? known.get(input) : validate(input, validator));
                progress.step();
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "hubjobs-validate");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<FileResult>> futures = new ArrayList<>(inputs.size());
                for (Input input : inputs) {
                    futures.add(pool.submit(() -> {
                        FileResult r = known.containsKey(input) ? known.get(input) : validate(input, validator);
                        progress.step();
                        return r;
                    }));
                }
                for (Future<FileResult> f : futures) {
                    results.add(f.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        progress.finish();
        return results;
    }

    /** The findings of one input; the document text is not kept, so that large runs stay small. */
    private FileResult validate(Input input, JobValidator validator) {
        return report(input, read(input, validator));
    }

    private static FileResult report(Input input, ValidationResult r) {
        return FileResult.of(input.display(), r.lines(), r.diagnostics(), true);
    }

    private ValidationResult read(Input input, JobValidator validator) {
        if (input instanceof Input.File f) {
            return validator.validate(f.path());
        }
        try {
            return validator.validate(STDIN_STANDS_FOR, main.stdin());
        } catch (IOException e) {
            throw new UsageException("cannot read standard input: " + e.getMessage());
        }
    }

    /** Standard input is governed by the configuration of the current directory. */
    private static final Path STDIN_STANDS_FOR = Path.of("").toAbsolutePath().resolve("stdin.job.json");

    /**
     * Fixes one file in place. A file that is too large or cannot be read is left alone: the
     * validation that follows reports it (HJ005), and the other files are fixed all the same.
     *
     * @return the report of the text the file now holds, when fixing validated exactly that text
     */
    private Optional<FileResult> fix(Input.File input, JobValidator validator, PrintWriter err) {
        byte[] bytes;
        try {
            if (Files.size(input.path()) > JsonDocumentParser.MAX_SIZE) {
                return Optional.empty();
            }
            try (InputStream in = Files.newInputStream(input.path())) {
                bytes = JsonDocumentParser.readBounded(in); // the file may have grown since its size was asked
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        if (bytes.length > JsonDocumentParser.MAX_SIZE) {
            return Optional.empty();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            // Re-encoding would replace the bad bytes; leave the file as it is and let HJ005 say why.
            return Optional.empty();
        }
        FixAll.Validated<ValidationResult> fixed =
                FixAll.apply(text, t -> validator.validate(input.path(), t), ValidationResult::diagnostics);
        FixAll.Outcome outcome = fixed.outcome();
        Optional<FileResult> report = Optional.of(report(input, fixed.validation()));
        outcome.stoppedBy().ifPresent(worse -> {
            err.println("hubjobs: " + Printable.escape(input.display()) + ": "
                    + (outcome.changed() ? "the other" : "the") + " safe fixes were not applied: they would make"
                    + " a new error: " + Printable.escape(worse.message()) + " [" + worse.code() + "]");
            err.flush();
        });
        if (!outcome.changed()) {
            return report;
        }
        if (Files.isSymbolicLink(input.path())) {
            // The link is checked like any file, but what it points to may be anywhere.
            err.println("hubjobs: not fixed: " + Printable.escape(input.display())
                    + ": symbolic link (fixes are never written through a link)");
            err.flush();
            return Optional.empty();
        }
        try {
            AtomicFile.write(input.path(), outcome.text().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UsageException("cannot write " + input.display() + " (left unchanged): " + e.getMessage());
        }
        err.println("fixed: " + Printable.escape(input.display()) + ": " + outcome.edits() + " "
                + (outcome.edits() == 1 ? "edit" : "edits") + " (" + String.join(", ", outcome.codes()) + ")");
        err.flush();
        return report;
    }
}
