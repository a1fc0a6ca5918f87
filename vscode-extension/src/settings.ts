import { workspace } from 'vscode';
import type { ValidationTrigger } from './client/validationTrigger';
import { SETTINGS_SECTION } from './constants';

export function getJavaHomeSetting(): string | undefined {
  return workspace.getConfiguration(SETTINGS_SECTION).get<string | null>('java.home') ?? undefined;
}

export function getValidationTrigger(): ValidationTrigger | undefined {
  return workspace.getConfiguration(SETTINGS_SECTION).get<ValidationTrigger>('validate.trigger');
}

/** The settings the server reads (`fleet`, `validate.trigger`), sent at start-up. */
export function getServerSettings(): object {
  return { [SETTINGS_SECTION]: workspace.getConfiguration(SETTINGS_SECTION) };
}
