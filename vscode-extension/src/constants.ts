// Identifiers shared between the code and package.json; src/test/manifest.test.ts keeps them in step.

/** The language id contributed for `*.job.json` files. */
export const LANGUAGE_ID = 'hubjobs-job';

/** The configuration section shared with the language server, and the language client's id. */
export const SETTINGS_SECTION = 'hubjobs';
export const JAVA_HOME_SETTING = 'hubjobs.java.home';
export const VALIDATE_TRIGGER_SETTING = 'hubjobs.validate.trigger';

export const RESTART_SERVER_COMMAND = 'hubjobs.restartServer';
export const SHOW_OUTPUT_COMMAND = 'hubjobs.showOutput';
