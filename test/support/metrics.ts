/** Reads a Prometheus text page: the value of the series `name` whose labels include `labels`, summed (0 if none). */
export function sampleOf(page: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const line of page.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) {
      continue;
    }
    const has = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([key, value]) => has[key] === value)) {
      total += Number(match[3]);
    }
  }
  return total;
}

/** GET /metrics of a process. */
export async function scrape(port: number, host = '127.0.0.1'): Promise<string> {
  const response = await fetch(`http://${host}:${port}/metrics`);
  if (response.status !== 200) {
    throw new Error(`metrics on ${host}:${port} answered ${response.status}`);
  }
  return response.text();
}
