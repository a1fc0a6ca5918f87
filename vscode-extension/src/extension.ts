import { ExtensionContext, workspace } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { startLanguageClient } from './client/jobClient';
import { registerCommands, showRequirementsError } from './commands';
import { JAVA_HOME_SETTING, VALIDATE_TRIGGER_SETTING } from './constants';
import { RequirementsError, resolveRequirements } from './server/requirements';
import { prepareExecutable } from './server/serverOptions';
import { getJavaHomeSetting } from './settings';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  registerCommands(context, () => client);
  context.subscriptions.push(workspace.onDidChangeConfiguration(async (event) => {
    if (event.affectsConfiguration(JAVA_HOME_SETTING) || event.affectsConfiguration(VALIDATE_TRIGGER_SETTING)) {
      await restart(context);
    }
  }));
  await start(context);
}

export async function deactivate(): Promise<void> {
  await stop();
}

async function start(context: ExtensionContext): Promise<void> {
  try {
    const requirements = await resolveRequirements(getJavaHomeSetting());
    const executable = prepareExecutable(requirements, context.extensionPath);
    client = await startLanguageClient(executable);
  } catch (error) {
    if (error instanceof RequirementsError) {
      void showRequirementsError(error);
      return;
    }
    throw error;
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  await running?.stop();
}

/** A different Java needs a new server process; a different trigger, new client options. */
async function restart(context: ExtensionContext): Promise<void> {
  await stop();
  await start(context);
}
