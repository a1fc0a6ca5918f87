import { LanguageClient, LanguageClientOptions, RevealOutputChannelOn, type Executable } from 'vscode-languageclient/node';
import { LANGUAGE_ID, SETTINGS_SECTION } from '../constants';
import { getServerSettings, getValidationTrigger } from '../settings';
import { ClientErrorHandler } from './clientErrorHandler';
import { diagnosticPullOptions } from './validationTrigger';

/**
 * Starts the client. Its id is the settings section, so `hubjobs.trace.server` controls tracing,
 * and changes under `hubjobs` are sent to the server as `workspace/didChangeConfiguration`.
 */
export async function startLanguageClient(executable: Executable): Promise<LanguageClient> {
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
    ],
    synchronize: { configurationSection: SETTINGS_SECTION },
    initializationOptions: { settings: getServerSettings() },
    diagnosticPullOptions: diagnosticPullOptions(getValidationTrigger()),
    errorHandler: new ClientErrorHandler(),
    revealOutputChannelOn: RevealOutputChannelOn.Never,
  };
  const client = new LanguageClient(SETTINGS_SECTION, 'hubjobs', executable, clientOptions);
  await client.start();
  return client;
}
