package dev.hubjobs.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code hubjobs} command: exit 0 when clean, 1 on error findings, 2 on usage or internal errors. */
@Command(
        name = "hubjobs",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Validate, query and simulate Azure IoT Hub jobs before they run on real devices.",
        subcommands = {ParseCommand.class, MatchCommand.class, QueryCommand.class, DryRunCommand.class,
            CommandLine.HelpCommand.class},
        footer = {
            "",
            "Examples:",
            "  hubjobs parse --condition \"tags.building = '43' AND tags.floor = '3'\"",
            "  hubjobs parse 'SELECT COUNT() AS n FROM devices GROUP BY tags.floor'",
            "  hubjobs match \"tags.building = '43' AND properties.reported.battery < 20\" --fleet fleet.ndjson",
            "  hubjobs query 'SELECT tags.floor, COUNT() AS n FROM devices GROUP BY tags.floor' --fleet fleet.json --format table",
        })
public final class Main implements Runnable {

    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; used by {@link #main} and by tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new Main());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExitCodeExceptionMapper(t -> USAGE);
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("hubjobs: internal error: " + e);
            return USAGE;
        });
        return cmd.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"hubjobs " + (v == null ? "0.1.0-SNAPSHOT" : v)};
        }
    }
}
