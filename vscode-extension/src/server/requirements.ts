import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The language server is compiled for Java 17. */
export const MIN_JAVA_VERSION = 17;

/** Where a Java executable was found, in the order they are tried. */
export type JavaSource = 'hubjobs.java.home' | 'JAVA_HOME' | 'PATH';

export interface JavaCandidate {
  readonly source: JavaSource;
  readonly executable: string;
}

export interface RequirementsData extends JavaCandidate {
  readonly version: number;
}

/** What the user can do about a failed requirement; the extension turns it into a button. */
export type RequirementsAction = 'openJavaHomeSetting' | 'getJava';

/** A missing prerequisite, with a message meant for the user. */
export class RequirementsError extends Error {
  constructor(message: string, readonly actions: readonly RequirementsAction[]) {
    super(message);
    this.name = 'RequirementsError';
  }
}

/**
 * Finds Java 17 or newer: the setting `hubjobs.java.home`, then `JAVA_HOME`, then `PATH`.
 * Throws {@link RequirementsError} with an actionable message when none is usable.
 */
export async function resolveRequirements(
  javaHomeSetting: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RequirementsData> {
  const java = findJava(javaHomeSetting, env);
  const version = parseJavaVersion(await runJavaVersion(java));
  if (version === undefined) {
    throw new RequirementsError(
      `Could not tell which Java version ${java.executable} (from ${java.source}) is. ` +
        `hubjobs needs Java ${MIN_JAVA_VERSION} or newer; set hubjobs.java.home to a JDK ${MIN_JAVA_VERSION}+ folder.`,
      ['openJavaHomeSetting', 'getJava'],
    );
  }
  if (version < MIN_JAVA_VERSION) {
    throw new RequirementsError(
      `hubjobs needs Java ${MIN_JAVA_VERSION} or newer, but ${java.executable} (from ${java.source}) is Java ${version}. ` +
        `Install a JDK ${MIN_JAVA_VERSION}+ and set hubjobs.java.home to its folder.`,
      ['openJavaHomeSetting', 'getJava'],
    );
  }
  return { ...java, version };
}

/**
 * Picks the Java executable to use, without running it. An explicit `hubjobs.java.home` must be
 * valid; a `JAVA_HOME` without `bin/java` is skipped (and named in the error if nothing is found).
 */
export function findJava(
  javaHomeSetting: string | undefined,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): JavaCandidate {
  const exe = javaExecutableName(platform);
  const setting = javaHomeSetting?.trim();
  if (setting) {
    const executable = path.join(setting, 'bin', exe);
    if (!isFile(executable)) {
      throw new RequirementsError(
        `The setting hubjobs.java.home is "${setting}", but there is no ${path.join('bin', exe)} in it. ` +
          `Point it at the folder of a JDK ${MIN_JAVA_VERSION}+ (the one containing bin), or clear it to use JAVA_HOME or PATH.`,
        ['openJavaHomeSetting'],
      );
    }
    return { source: 'hubjobs.java.home', executable };
  }
  const looked: string[] = [];
  const javaHome = env.JAVA_HOME?.trim();
  if (javaHome) {
    const executable = path.join(javaHome, 'bin', exe);
    if (isFile(executable)) {
      return { source: 'JAVA_HOME', executable };
    }
    looked.push(`JAVA_HOME (${javaHome}) has no ${path.join('bin', exe)}`);
  }
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir && isFile(path.join(dir, exe))) {
      return { source: 'PATH', executable: path.join(dir, exe) };
    }
  }
  looked.push(`no ${exe} on PATH`);
  throw new RequirementsError(
    `Java ${MIN_JAVA_VERSION} or newer is needed to run the hubjobs language server and none was found ` +
      `(${looked.join('; ')}). Install a JDK ${MIN_JAVA_VERSION}+ and set hubjobs.java.home or JAVA_HOME to its folder.`,
    ['getJava', 'openJavaHomeSetting'],
  );
}

/**
 * The major version from `java -version` output: `"17.0.15"` → 17, `"21"` → 21, `"22-ea"` → 22,
 * `"1.8.0_402"` → 8; also accepts `java --version` output. Lines such as `Picked up JAVA_TOOL_OPTIONS: …` before it are ignored.
 */
export function parseJavaVersion(output: string): number | undefined {
  // `java -version` prints `openjdk version "21.0.2"`; `java --version` prints `openjdk 21.0.2`.
  const match = /^\S+ version "([^"]+)"/m.exec(output) ?? /^openjdk (\d\S*)/m.exec(output);
  if (!match) {
    return undefined;
  }
  const parts = /^(\d+)(?:\.(\d+))?/.exec(match[1]);
  if (!parts) {
    return undefined;
  }
  const first = Number(parts[1]);
  return first === 1 && parts[2] !== undefined ? Number(parts[2]) : first;
}

export function javaExecutableName(platform: NodeJS.Platform = process.platform): string {
  return platform === 'win32' ? 'java.exe' : 'java';
}

/** Runs `java -version` and returns what it printed (Java prints it on stderr). */
function runJavaVersion(java: JavaCandidate): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(java.executable, ['-version'], { timeout: 15_000, windowsHide: true }, (error, stdout, stderr) => {
      if (error) {
        reject(
          new RequirementsError(
            `Could not run ${java.executable} -version (Java from ${java.source}): ${error.message.trim()}. ` +
              `Set hubjobs.java.home to a working JDK ${MIN_JAVA_VERSION}+ folder.`,
            ['openJavaHomeSetting', 'getJava'],
          ),
        );
        return;
      }
      resolve(`${stderr}${stdout}`);
    });
  });
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
