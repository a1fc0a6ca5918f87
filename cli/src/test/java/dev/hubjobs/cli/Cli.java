package dev.hubjobs.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs {@link Main} in-process and captures what it prints. */
final class Cli {

    record Result(int exit, String out, String err) {}

    private Cli() {}

    static Result run(String... args) {
        return runWithInput(InputStream.nullInputStream(), args);
    }

    static Result runWithStdin(String stdin, String... args) {
        return runWithInput(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
    }

    private static Result runWithInput(InputStream in, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, in, new PrintWriter(out), new PrintWriter(err));
        return new Result(exit, out.toString(), err.toString());
    }
}
