package dev.hubjobs.lsp.services;

import dev.hubjobs.JobValidator;
import dev.hubjobs.config.ConfigFile;
import dev.hubjobs.rules.Rules;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The validator for a document: configured by the {@code .hubjobs.json} that applies to its file.
 * Lookups are cached per directory because a keystroke must not walk the file system; editing,
 * creating or deleting a configuration file calls {@link #invalidate()}.
 */
final class ValidatorProvider {

    private final JobValidator defaultValidator = JobValidator.builder().build();
    private final Map<Path, Optional<ConfigFile.Loaded>> configByDirectory = new ConcurrentHashMap<>();
    private final Map<Path, JobValidator> validatorByConfig = new ConcurrentHashMap<>();

    JobValidator forUri(String uri) {
        return configFor(uri)
                .map(loaded -> validatorByConfig.computeIfAbsent(loaded.path(),
                        p -> JobValidator.builder().config(loaded.config()).build()))
                .orElse(defaultValidator);
    }

    Optional<ConfigFile.Loaded> configFor(String uri) {
        Optional<Path> file = path(uri);
        if (file.isEmpty() || file.get().getParent() == null) {
            return Optional.empty();
        }
        Path directory = file.get().getParent();
        return configByDirectory.computeIfAbsent(directory,
                d -> ConfigFile.find(d).map(p -> ConfigFile.load(p, Rules::isKnown)));
    }

    void invalidate() {
        configByDirectory.clear();
        validatorByConfig.clear();
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
