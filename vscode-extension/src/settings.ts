import { workspace } from 'vscode';

/** The configuration section shared with the language server. */
export const SETTINGS_SECTION = 'hubjobs';
export const JAVA_HOME_SETTING = 'hubjobs.java.home';

export function getJavaHomeSetting(): string | undefined {
  return workspace.getConfiguration(SETTINGS_SECTION).get<string | null>('java.home') ?? undefined;
}

/** The settings the server reads (`fleet`, `validate.trigger`), sent at start-up. */
export function getServerSettings(): object {
  return { [SETTINGS_SECTION]: workspace.getConfiguration(SETTINGS_SECTION) };
}
