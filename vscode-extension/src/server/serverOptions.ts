import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Executable } from 'vscode-languageclient/node';
import type { RequirementsData } from './requirements';

/** Where `npm run package` puts the language server inside the extension. */
export const SERVER_JAR = path.join('server', 'hubjobs-lsp.jar');

/**
 * A server that ran out of memory is better restarted than left half-working. The JVM's own
 * messages (the one it exits with, among others) go to stderr: on stdout, where the protocol
 * runs, they would corrupt it.
 */
export const JVM_ARGS: readonly string[] = ['-XX:+ExitOnOutOfMemoryError', '-XX:+DisplayVMOutputToStderr'];

export interface ServerCommand {
  readonly command: string;
  readonly args: string[];
}

/** The command line that starts the language server on stdio. */
export function buildServerCommand(java: string, extensionPath: string): ServerCommand {
  return { command: java, args: [...JVM_ARGS, '-jar', path.join(extensionPath, SERVER_JAR)] };
}

/** The executable the language client launches; fails clearly if the extension lacks its server. */
export function prepareExecutable(requirements: RequirementsData, extensionPath: string): Executable {
  const { command, args } = buildServerCommand(requirements.executable, extensionPath);
  const jar = path.join(extensionPath, SERVER_JAR);
  if (!fs.existsSync(jar)) {
    throw new Error(`The hubjobs language server is missing from the extension (${jar}); reinstall the extension.`);
  }
  return { command, args };
}
