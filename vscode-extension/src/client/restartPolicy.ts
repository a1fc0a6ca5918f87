/** Restart a crashed server at most `maxRestarts` times within `windowMs`, then give up. */
export class RestartPolicy {
  private readonly restarts: number[] = [];

  constructor(
    readonly maxRestarts = 5,
    readonly windowMs = 3 * 60_000,
  ) {}

  /** Records a restart at `now` and returns true, or returns false if the budget is spent. */
  shouldRestart(now: number = Date.now()): boolean {
    while (this.restarts.length > 0 && now - this.restarts[0] >= this.windowMs) {
      this.restarts.shift();
    }
    if (this.restarts.length >= this.maxRestarts) {
      return false;
    }
    this.restarts.push(now);
    return true;
  }

  /** Forgets earlier crashes, e.g. after the user restarted the server by hand. */
  reset(): void {
    this.restarts.length = 0;
  }
}
