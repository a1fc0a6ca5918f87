package dev.hubjobs.examples;

// README:begin
import dev.hubjobs.JobValidator;
import dev.hubjobs.ValidationResult;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.fix.FixAll;
import dev.hubjobs.text.LineMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

public final class ReadmeExample {
    public static void main(String[] args) throws IOException {
        JobValidator validator = JobValidator.builder().build(); // thread-safe, reusable
        Path file = Path.of(args[0]);
        ValidationResult result = validator.validate(file); // also validate(String), validate(JobRequest)
        for (Diagnostic d : result.diagnostics()) { // code, severity, message, span, fixes
            LineMap.Position at = result.lines().humanPosition(d.span().start());
            System.out.println(file + ":" + at.line() + ":" + at.column() + ": "
                    + d.severity().label() + ": " + d.message() + " [" + d.code() + "]");
        }
        if (result.hasErrors()) { // the safe fixes, as --fix applies them
            FixAll.Outcome fixed = FixAll.apply(
                    Files.readString(file), t -> validator.validate(t).diagnostics());
            System.out.println(fixed.edits() + " safe edits would give:\n" + fixed.text());
        }
    }
}
// README:end
