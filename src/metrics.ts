/** Process counters exposed at /metrics in the Prometheus text format. */
export class Metrics {
  private readonly counters = new Map<string, { help: string; value: number }>();
  private readonly startedAt = Date.now();

  inc(name: string, help: string, by = 1): void {
    const counter = this.counters.get(name);
    if (counter) counter.value += by;
    else this.counters.set(name, { help, value: by });
  }

  value(name: string): number {
    return this.counters.get(name)?.value ?? 0;
  }

  render(): string {
    const lines = [
      '# HELP phoenix_uptime_seconds Seconds since the process started.',
      '# TYPE phoenix_uptime_seconds gauge',
      `phoenix_uptime_seconds ${Math.round((Date.now() - this.startedAt) / 1000)}`,
    ];
    for (const [name, { help, value }] of this.counters) {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`, `${name} ${value}`);
    }
    return `${lines.join('\n')}\n`;
  }
}
