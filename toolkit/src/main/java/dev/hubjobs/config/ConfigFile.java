package dev.hubjobs.config;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.json.JsonDocument;
import dev.hubjobs.json.JsonDocumentParser;
import dev.hubjobs.json.JsonValue;
import dev.hubjobs.json.JsonValue.JsonNumber;
import dev.hubjobs.json.JsonValue.JsonObject;
import dev.hubjobs.json.JsonValue.JsonString;
import dev.hubjobs.json.JsonValue.Member;
import dev.hubjobs.text.LineMap;
import dev.hubjobs.text.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The project configuration file {@code .hubjobs.json}, found by walking up from a job file:
 * <pre>{"rules": {"HJ301": "warning", "HJ402": "off"}, "limits": {"maxTwinDepth": 5}}</pre>
 * Problems in it are HJ003 findings on the configuration file; they never stop validation, which
 * goes on with whatever parts of the file are good.
 *
 * <p>The walk up stays within the project, so that a file somewhere above it (in a shared or
 * temporary directory, or another user's) cannot decide how the project's jobs are checked:
 * <ul>
 *   <li>inside a git work tree, it stops at the work tree's root (the nearest directory with a
 *       {@code .git} entry), whose own {@code .hubjobs.json} still counts;
 *   <li>outside any work tree, it goes up only through directories that the current user owns
 *       and that others cannot write to, and stops below the first that is not (so a
 *       {@code /tmp/.hubjobs.json}, for one, is never read); directories that do not exist are
 *       passed. On a file system without POSIX owners, only the file's own directory counts.
 * </ul>
 * A configuration can change rules and limits, but never turn off or lower the findings that
 * mean the input is not a job at all ({@link ValidatorConfig#ALWAYS_ERRORS}); trying is an HJ003
 * finding.
 */
public final class ConfigFile {

    public static final String NAME = ".hubjobs.json";

    /** The configuration and the findings on the configuration file itself. */
    public record Loaded(Path path, ValidatorConfig config, String text, List<Diagnostic> diagnostics, LineMap lines) {}

    private ConfigFile() {}

    /** The nearest {@code .hubjobs.json} in the directory of {@code file} or above it. */
    public static Optional<Path> find(Path file) {
        return findFrom(searchStart(file));
    }

    /** Where the search for {@code file}'s configuration starts: the file's directory, or itself if it is one. */
    public static Path searchStart(Path file) {
        Path dir = file.toAbsolutePath().normalize();
        return Files.isDirectory(dir) ? dir : dir.getParent();
    }

    /** The nearest configuration file in {@code dir} or above it, within the bounds of the class comment. */
    public static Optional<Path> findFrom(Path dir) {
        Path workTree = workTreeRoot(dir);
        for (Path d = dir; d != null; d = d.getParent()) {
            if (workTree == null && !trusted(d, d.equals(dir))) {
                break;
            }
            Path candidate = d.resolve(NAME);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
            if (d.equals(workTree)) {
                break;
            }
        }
        return Optional.empty();
    }

    /** The nearest directory at or above {@code dir} with a {@code .git} entry (a work tree's root), or null. */
    static Path workTreeRoot(Path dir) {
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
                return d;
            }
        }
        return null;
    }

    /** Whether a configuration in {@code dir} (outside any work tree) is the user's own. */
    private static boolean trusted(Path dir, boolean first) {
        if (!Files.isDirectory(dir)) {
            return true; // holds no file to read; what is above it is asked in turn
        }
        try {
            PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class);
            return a.owner().getName().equals(System.getProperty("user.name"))
                    && !a.permissions().contains(PosixFilePermission.OTHERS_WRITE);
        } catch (UnsupportedOperationException notPosix) {
            return first;
        } catch (IOException e) {
            return false;
        }
    }

    public static Loaded load(Path path, Predicate<String> knownCode) {
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException | RuntimeException e) {
            return new Loaded(
                    path,
                    ValidatorConfig.DEFAULT,
                    "",
                    List.of(Diagnostic.error(
                            Codes.CONFIG, "cannot read configuration file: " + e.getMessage(), Span.at(0))),
                    LineMap.of(""));
        }
        return parse(path, text, knownCode);
    }

    public static Loaded parse(Path path, String text, Predicate<String> knownCode) {
        JsonDocument doc = JsonDocumentParser.parse(text);
        List<Diagnostic> problems = new ArrayList<>();
        for (Diagnostic d : doc.diagnostics()) {
            problems.add(new Diagnostic(
                    Codes.CONFIG, d.severity(), "configuration file: " + d.message(), d.span(), d.fixes(), d.data()));
        }
        Map<String, Severity> severities = new HashMap<>();
        Set<String> off = new HashSet<>();
        Limits limits = Limits.DEFAULT;
        if (doc.root().orElse(null) instanceof JsonObject root) {
            for (Member m : root.members()) {
                switch (m.key().value()) {
                    case "rules" -> readRules(m.value(), knownCode, severities, off, problems);
                    case "limits" -> limits = readLimits(m.value(), problems);
                    default ->
                        problems.add(Diagnostic.error(
                                Codes.CONFIG,
                                "unknown setting '" + m.key().value() + "'; expected \"rules\" or \"limits\"",
                                m.key().span()));
                }
            }
        } else if (doc.root().isPresent()) {
            problems.add(Diagnostic.error(
                    Codes.CONFIG,
                    "the configuration must be a JSON object",
                    doc.root().get().span()));
        }
        return new Loaded(path, new ValidatorConfig(severities, off, limits), text, problems, doc.lines());
    }

    private static void readRules(
            JsonValue value,
            Predicate<String> knownCode,
            Map<String, Severity> severities,
            Set<String> off,
            List<Diagnostic> problems) {
        if (!(value instanceof JsonObject rules)) {
            problems.add(
                    Diagnostic.error(Codes.CONFIG, "\"rules\" must be an object of code → severity", value.span()));
            return;
        }
        for (Member m : rules.members()) {
            String code = m.key().value();
            if (!knownCode.test(code)) {
                problems.add(Diagnostic.error(
                        Codes.CONFIG,
                        "unknown rule code '" + code + "'",
                        m.key().span()));
                continue;
            }
            String setting = m.value() instanceof JsonString s ? s.value() : null;
            if (ValidatorConfig.ALWAYS_ERRORS.contains(code) && !"error".equals(setting)) {
                problems.add(Diagnostic.error(
                        Codes.CONFIG,
                        code + " cannot be turned off or lowered: it means" + " the file is not a job at all",
                        m.value().span()));
            } else if ("off".equals(setting)) {
                off.add(code);
            } else if ("error".equals(setting) || "warning".equals(setting) || "info".equals(setting)) {
                severities.put(code, Severity.parse(setting));
            } else {
                problems.add(Diagnostic.error(
                        Codes.CONFIG,
                        "bad severity for " + code + "; expected \"error\", \"warning\", \"info\" or \"off\"",
                        m.value().span()));
            }
        }
    }

    private static Limits readLimits(JsonValue value, List<Diagnostic> problems) {
        Limits limits = Limits.DEFAULT;
        if (!(value instanceof JsonObject o)) {
            problems.add(Diagnostic.error(Codes.CONFIG, "\"limits\" must be an object", value.span()));
            return limits;
        }
        for (Member m : o.members()) {
            String name = m.key().value();
            if (!Limits.NAMES.contains(name)) {
                problems.add(Diagnostic.error(
                        Codes.CONFIG,
                        "unknown limit '" + name + "'; known: " + String.join(", ", Limits.NAMES),
                        m.key().span()));
            } else if (m.value() instanceof JsonNumber n
                    && n.isIntegral()
                    && n.decimal().signum() > 0
                    && n.decimal().compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
                limits = limits.with(name, n.decimal().intValueExact());
            } else {
                problems.add(Diagnostic.error(
                        Codes.CONFIG,
                        "limit " + name + " must be a positive whole number",
                        m.value().span()));
            }
        }
        return limits;
    }
}
