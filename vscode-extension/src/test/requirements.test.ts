import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import {
  findJava,
  javaExecutableName,
  parseJavaVersion,
  RequirementsError,
  resolveRequirements,
} from '../server/requirements';

// `java -version` output as printed by real distributions (stderr, verbatim).
const OPENJDK_11_UBUNTU = `openjdk version "11.0.7" 2020-04-14
OpenJDK Runtime Environment (build 11.0.7+10-post-Ubuntu-3ubuntu1)
OpenJDK 64-Bit Server VM (build 11.0.7+10-post-Ubuntu-3ubuntu1, mixed mode, sharing)
`;
const TEMURIN_11 = `openjdk version "11.0.18" 2023-01-17
OpenJDK Runtime Environment Temurin-11.0.18+10 (build 11.0.18+10)
OpenJDK 64-Bit Server VM Temurin-11.0.18+10 (build 11.0.18+10, mixed mode)
`;
const OPENJDK_17_DEBIAN = `openjdk version "17.0.15" 2025-04-15
OpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)
OpenJDK 64-Bit Server VM (build 17.0.15+6-Debian-1deb12u1, mixed mode, sharing)
`;
const TEMURIN_17 = `openjdk version "17.0.12" 2024-07-16
OpenJDK Runtime Environment Temurin-17.0.12+7 (build 17.0.12+7)
OpenJDK 64-Bit Server VM Temurin-17.0.12+7 (build 17.0.12+7, mixed mode, sharing)
`;
const OPENJDK_21_GA = `openjdk version "21" 2023-09-19
OpenJDK Runtime Environment (build 21+35-2513)
OpenJDK 64-Bit Server VM (build 21+35-2513, mixed mode, sharing)
`;
const TEMURIN_21_LTS = `openjdk version "21.0.7" 2025-04-15 LTS
OpenJDK Runtime Environment Temurin-21.0.7+6 (build 21.0.7+6-LTS)
OpenJDK 64-Bit Server VM Temurin-21.0.7+6 (build 21.0.7+6-LTS, mixed mode, sharing)
`;
const TEMURIN_25_LTS = `openjdk version "25.0.3" 2026-04-21 LTS
OpenJDK Runtime Environment Temurin-25.0.3+9 (build 25.0.3+9-LTS)
OpenJDK 64-Bit Server VM Temurin-25.0.3+9 (build 25.0.3+9-LTS, mixed mode, sharing)
`;
const ORACLE_8 = `java version "1.8.0_401"
Java(TM) SE Runtime Environment (build 1.8.0_401-b10)
Java HotSpot(TM) 64-Bit Server VM (build 25.401-b10, mixed mode)
`;

describe('parseJavaVersion', () => {
  const cases: [string, string, number][] = [
    ['OpenJDK 11 (Ubuntu)', OPENJDK_11_UBUNTU, 11],
    ['Temurin 11', TEMURIN_11, 11],
    ['OpenJDK 17 (Debian)', OPENJDK_17_DEBIAN, 17],
    ['Temurin 17', TEMURIN_17, 17],
    ['OpenJDK 21 GA, no minor version', OPENJDK_21_GA, 21],
    ['Temurin 21 LTS', TEMURIN_21_LTS, 21],
    ['Temurin 25 LTS', TEMURIN_25_LTS, 25],
    ['Oracle Java 8, old 1.x scheme', ORACLE_8, 8],
    ['early access build', 'openjdk version "26-ea" 2026-03-17\n', 26],
    ['after a JAVA_TOOL_OPTIONS notice', `Picked up JAVA_TOOL_OPTIONS: -Dfile.encoding=UTF-8\n${TEMURIN_17}`, 17],
    ['`java --version` style', 'openjdk 21.0.6 2025-01-21 LTS\nOpenJDK Runtime Environment Temurin-21.0.6+7 (build 21.0.6+7-LTS)\n', 21],
  ];
  for (const [name, output, expected] of cases) {
    test(name, () => assert.equal(parseJavaVersion(output), expected));
  }

  test('returns undefined for output that is not a version', () => {
    assert.equal(parseJavaVersion('Error: could not find libjava.so\n'), undefined);
    assert.equal(parseJavaVersion(''), undefined);
  });
});

/** Creates `<root>/<name>/bin/java` as an executable script printing `versionOutput` to stderr. */
function fakeJdk(root: string, name: string, versionOutput = OPENJDK_17_DEBIAN): string {
  const home = path.join(root, name);
  fs.mkdirSync(path.join(home, 'bin'), { recursive: true });
  const script = `#!/bin/sh\ncat >&2 <<'END'\n${versionOutput}END\n`;
  fs.writeFileSync(path.join(home, 'bin', javaExecutableName()), script, { mode: 0o755 });
  return home;
}

describe('findJava', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hubjobs-java-'));
  const settingHome = fakeJdk(root, 'setting-jdk');
  const javaHome = fakeJdk(root, 'java-home-jdk');
  const pathJdk = fakeJdk(root, 'path-jdk');
  const emptyDir = path.join(root, 'empty');
  fs.mkdirSync(emptyDir);
  const PATH = [emptyDir, path.join(pathJdk, 'bin')].join(path.delimiter);
  const java = (home: string) => path.join(home, 'bin', javaExecutableName());

  test('the setting hubjobs.java.home comes first', () => {
    assert.deepEqual(findJava(settingHome, { JAVA_HOME: javaHome, PATH }), {
      source: 'hubjobs.java.home',
      executable: java(settingHome),
    });
  });

  test('then JAVA_HOME', () => {
    assert.deepEqual(findJava(undefined, { JAVA_HOME: javaHome, PATH }), { source: 'JAVA_HOME', executable: java(javaHome) });
    assert.deepEqual(findJava('  ', { JAVA_HOME: javaHome, PATH }), { source: 'JAVA_HOME', executable: java(javaHome) });
  });

  test('then the first java on PATH', () => {
    assert.deepEqual(findJava(undefined, { PATH }), { source: 'PATH', executable: java(pathJdk) });
  });

  test('a JAVA_HOME without bin/java is skipped for PATH', () => {
    assert.deepEqual(findJava(undefined, { JAVA_HOME: emptyDir, PATH }), { source: 'PATH', executable: java(pathJdk) });
  });

  test('a wrong hubjobs.java.home is an error naming the setting, not a silent fallback', () => {
    assert.throws(
      () => findJava(emptyDir, { JAVA_HOME: javaHome, PATH }),
      (error: unknown) =>
        error instanceof RequirementsError &&
        error.message.includes('hubjobs.java.home') &&
        error.message.includes(emptyDir) &&
        error.actions.includes('openJavaHomeSetting'),
    );
  });

  test('no Java anywhere: the message says where it looked and what to do', () => {
    assert.throws(
      () => findJava(undefined, { JAVA_HOME: emptyDir, PATH: emptyDir }),
      (error: unknown) =>
        error instanceof RequirementsError &&
        error.message.includes(`JAVA_HOME (${emptyDir})`) &&
        error.message.includes('PATH') &&
        error.message.includes('Install a JDK 17+') &&
        error.actions.includes('getJava'),
    );
  });

  test('uses java.exe on Windows', () => {
    assert.equal(javaExecutableName('win32'), 'java.exe');
    assert.equal(javaExecutableName('linux'), 'java');
  });
});

describe('resolveRequirements', { skip: process.platform === 'win32' && 'uses shell scripts as stand-in JDKs' }, () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hubjobs-java-'));

  test('accepts Java 17 and reports where it came from', async () => {
    const home = fakeJdk(root, 'jdk17', OPENJDK_17_DEBIAN);
    const requirements = await resolveRequirements(undefined, { JAVA_HOME: home, PATH: '' });
    assert.deepEqual(requirements, { source: 'JAVA_HOME', executable: path.join(home, 'bin', 'java'), version: 17 });
  });

  test('accepts Java 21', async () => {
    const home = fakeJdk(root, 'jdk21', TEMURIN_21_LTS);
    assert.equal((await resolveRequirements(home, {})).version, 21);
  });

  test('rejects Java 11 with the version, the location and the fix', async () => {
    const home = fakeJdk(root, 'jdk11', TEMURIN_11);
    await assert.rejects(resolveRequirements(undefined, { JAVA_HOME: home }), (error: unknown) => {
      assert.ok(error instanceof RequirementsError);
      assert.match(error.message, /needs Java 17 or newer, but .*jdk11.* \(from JAVA_HOME\) is Java 11\./);
      assert.match(error.message, /set hubjobs\.java\.home/);
      return true;
    });
  });

  test('a java that cannot run is reported, not thrown as a raw error', async () => {
    const home = path.join(root, 'broken');
    fs.mkdirSync(path.join(home, 'bin'), { recursive: true });
    fs.writeFileSync(path.join(home, 'bin', 'java'), 'not a program', { mode: 0o644 });
    await assert.rejects(resolveRequirements(home, {}), (error: unknown) => {
      assert.ok(error instanceof RequirementsError);
      assert.match(error.message, /Could not run .*broken.*java -version/);
      return true;
    });
  });

  test('finds the Java this build runs on', async () => {
    // The Maven build that runs these tests needs Java 17 itself.
    const requirements = await resolveRequirements(undefined, process.env);
    assert.ok(requirements.version >= 17, `found Java ${requirements.version} at ${requirements.executable}`);
  });
});
