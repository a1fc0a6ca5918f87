import {
  CloseAction,
  CloseHandlerResult,
  ErrorAction,
  ErrorHandler,
  ErrorHandlerResult,
  Message,
} from 'vscode-languageclient/node';
import { RestartPolicy } from './restartPolicy';

/**
 * Restarts the language server when it exits unexpectedly, unless it has already been restarted
 * {@link RestartPolicy.maxRestarts} times within {@link RestartPolicy.windowMs}.
 */
export class ClientErrorHandler implements ErrorHandler {
  constructor(readonly policy: RestartPolicy = new RestartPolicy()) {}

  error(_error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    // A few broken messages are survivable; a stream of them means the connection is gone.
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
  }

  closed(): CloseHandlerResult {
    if (this.policy.shouldRestart()) {
      return { action: CloseAction.Restart, handled: true };
    }
    const minutes = Math.round(this.policy.windowMs / 60_000);
    return {
      action: CloseAction.DoNotRestart,
      message:
        `The hubjobs language server stopped ${this.policy.maxRestarts} times in ${minutes} minutes and will not be ` +
        `restarted. See the "hubjobs" output for the cause, then run "hubjobs: Restart Language Server".`,
    };
  }
}
