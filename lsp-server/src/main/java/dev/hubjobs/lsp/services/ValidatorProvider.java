package dev.hubjobs.lsp.services;

import dev.hubjobs.JobValidator;
import dev.hubjobs.ValidationResult;
import dev.hubjobs.config.ConfigFile;
import dev.hubjobs.exec.FleetSummary;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The validator documents are checked with: the toolkit's, which finds the {@code .hubjobs.json}
 * that applies to each file as the command line does and remembers it per directory, so a
 * keystroke does not walk the file system. Editing, creating or deleting a configuration file
 * ({@link #invalidate()}) or choosing a fleet starts a fresh one.
 */
final class ValidatorProvider {

    private volatile FleetSummary fleet;
    private volatile JobValidator validator = build(null);

    private static JobValidator build(FleetSummary fleet) {
        JobValidator.Builder builder = JobValidator.builder();
        if (fleet != null) {
            builder.fleet(fleet);
        }
        return builder.build();
    }

    /** Validates a document's text as its file; a document that is no file gets the default configuration. */
    ValidationResult validate(String uri, String text, Runnable checkpoint) {
        JobValidator v = validator;
        Optional<Path> file = path(uri);
        return file.isPresent() ? v.validate(file.get(), text, checkpoint) : v.validate(text, checkpoint);
    }

    Optional<ConfigFile.Loaded> configFor(String uri) {
        return path(uri).flatMap(validator::configFor);
    }

    void setFleet(FleetSummary fleet) {
        this.fleet = fleet;
        this.validator = build(fleet);
    }

    void invalidate() {
        validator = build(fleet);
    }

    /** The file a {@code file:} URI names; other schemes (e.g. {@code untitled:}) have none. */
    static Optional<Path> path(String uri) {
        try {
            URI u = URI.create(uri);
            return "file".equalsIgnoreCase(u.getScheme()) ? Optional.of(Path.of(u)) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
