package dev.hubjobs.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code hubjobs} command: exit 0 when clean, 1 on error findings, 2 on usage or internal errors. */
@Command(
        name = "hubjobs",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Validate, query and simulate Azure IoT Hub jobs before they run on real devices.",
        footer = {
            "",
            "Exit status: 0 no error, 1 error findings, 2 usage or internal error.",
            "",
            "Examples:",
            "  hubjobs validate jobs/",
            "  hubjobs validate --format sarif . > hubjobs.sarif",
            "  hubjobs validate --fix jobs/reboot.job.json",
            "  hubjobs rules",
            "  hubjobs parse --condition \"tags.building = '43' AND tags.floor = '3'\"",
            "  hubjobs parse 'SELECT COUNT() AS n FROM devices GROUP BY tags.floor'",
            "  hubjobs match \"tags.building = '43'\" --fleet fleet.ndjson --format json",
            "  hubjobs query 'SELECT COUNT() AS n FROM devices' --fleet fleet.json",
            "  source <(hubjobs completion)",
            "  hubjobs serve --fleet fleet.ndjson --port 8443",
        })
public final class Main implements java.util.concurrent.Callable<Integer> {

    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final InputStream stdin;

    private Main(InputStream stdin) {
        this.stdin = stdin;
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("validate")) {
            Warmup.start(); // on another core, while picocli reads the command line
        }
        // UTF-8 whatever the locale: JSON, SARIF and XML reports must be UTF-8, and messages quote
        // the user's text. stdout is buffered and flushed once at the end.
        PrintWriter out = new PrintWriter(new BufferedWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16));
        PrintWriter err = new PrintWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        System.exit(run(args, System.in, out, err));
    }

    /** Runs the command line with the given streams; used by {@link #main} and by tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, InputStream.nullInputStream(), out, err);
    }

    /** Runs the command line with the given streams, {@code in} being what {@code -} reads. */
    public static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
        CommandLine cmd = commandLine(in, args);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExitCodeExceptionMapper(t -> USAGE);
        // A wrong option gets one line and a pointer to the help, not the whole help text.
        cmd.setParameterExceptionHandler((e, a) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println("hubjobs: " + Printable.escape(e.getMessage()));
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            c.getErr().flush();
            return USAGE;
        });
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // A user mistake is one line; anything else is a bug, still one line and exit 2.
            if (e instanceof UsageException) {
                commandLine.getErr().println("hubjobs: " + Printable.escape(e.getMessage()));
            } else {
                commandLine.getErr().println("hubjobs: internal error: " + Printable.escape(e.toString()));
            }
            commandLine.getErr().flush();
            return USAGE;
        });
        try {
            return cmd.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // picocli passes errors through; without this the JVM would print a stack trace and
            // exit with 1, which reads as "findings".
            err.println("hubjobs: internal error: " + e + " (try HUBJOBS_JAVA_OPTS=-Xmx2g or a smaller input)");
            return USAGE;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The command line with the subcommands {@code args} needs (all of them for none). */
    static CommandLine commandLine(InputStream in, String[] args) {
        CommandLine cmd = new CommandLine(new Main(in));
        addSubcommands(cmd, args);
        return cmd;
    }

    /** The subcommands in the order the help lists them. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("validate", ValidateCommand::new);
        m.put("match", MatchCommand::new);
        m.put("query", QueryCommand::new);
        m.put("dry-run", DryRunCommand::new);
        m.put("serve", ServeCommand::new);
        m.put("rules", RulesCommand::new);
        m.put("schema", SchemaCommand::new);
        m.put("parse", ParseCommand::new);
        m.put("completion", CompletionCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return m;
    }

    /**
     * picocli builds each command's model by reflection, which costs a short run more than its
     * work: a command line that names a command gets that one only. Anything else (no command, a
     * misspelt one, --help, help) gets them all, so usage, help and suggestions are complete.
     */
    private static void addSubcommands(CommandLine cmd, String[] args) {
        String first = args.length > 0 ? args[0] : "";
        if (SUBCOMMANDS.containsKey(first) && !first.equals("help")) {
            cmd.addSubcommand(first, SUBCOMMANDS.get(first).get());
            return;
        }
        SUBCOMMANDS.forEach((name, command) -> cmd.addSubcommand(name, command.get()));
    }

    InputStream stdin() {
        return stdin;
    }

    /** Without a command there is nothing to do: the usage goes to stderr, as for any usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    /** The version from the jar manifest, or the development version when run from classes. */
    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"hubjobs " + version()};
        }
    }
}
