import { commands, env, ExtensionContext, Uri, window } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { JAVA_HOME_SETTING, RESTART_SERVER_COMMAND, SHOW_OUTPUT_COMMAND } from './constants';
import { RequirementsAction, RequirementsError } from './server/requirements';

const GET_JAVA_URL = 'https://adoptium.net/temurin/releases/?version=17';

const ACTION_LABELS: Record<RequirementsAction, string> = {
  openJavaHomeSetting: 'Open Settings',
  getJava: 'Get Java',
};

export function registerCommands(context: ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    commands.registerCommand(RESTART_SERVER_COMMAND, async () => {
      const current = client();
      if (current) {
        await current.restart();
      } else {
        void window.showInformationMessage('The hubjobs language server is not running; reload the window to retry.');
      }
    }),
    commands.registerCommand(SHOW_OUTPUT_COMMAND, () => client()?.outputChannel.show()),
  );
}

/** Shows a missing prerequisite with buttons that lead to the fix. */
export async function showRequirementsError(error: RequirementsError): Promise<void> {
  const labels = error.actions.map((action) => ACTION_LABELS[action]);
  const choice = await window.showErrorMessage(error.message, ...labels);
  if (choice === ACTION_LABELS.openJavaHomeSetting) {
    await commands.executeCommand('workbench.action.openSettings', JAVA_HOME_SETTING);
  } else if (choice === ACTION_LABELS.getJava) {
    await env.openExternal(Uri.parse(GET_JAVA_URL));
  }
}
