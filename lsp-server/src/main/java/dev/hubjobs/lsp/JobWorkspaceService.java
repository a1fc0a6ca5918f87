package dev.hubjobs.lsp;

import dev.hubjobs.config.ConfigFile;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.services.WorkspaceService;

/** Protocol glue for workspace notifications: settings and {@code .hubjobs.json} changes. */
final class JobWorkspaceService implements WorkspaceService {

    private final JobLanguageServer server;

    JobWorkspaceService(JobLanguageServer server) {
        this.server = server;
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        server.settingsChanged(params.getSettings());
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        boolean config = params.getChanges().stream().anyMatch(c -> c.getUri().endsWith("/" + ConfigFile.NAME));
        if (config) {
            server.configurationFileChanged();
        }
    }
}
