import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const RUN = join(__dirname, '..', '..', '..', 'var', 'run');

/** user + system seconds of one /proc/<pid>/stat line. */
const ticks = (stat: string) => {
  const fields = stat.split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

/**
 * CPU seconds (user + system) of the named processes `npm run up` started (var/run/<name>.pid), of PostgreSQL
 * (every server process alive at the time) and NATS, from /proc; `bench`: this process; and `machine`: every
 * core's busy time.
 */
export function cpuSeconds(processes: readonly string[]): Record<string, number> {
  const result: Record<string, number> = {};
  for (const name of processes) {
    try {
      result[name] = ticks(readFileSync(`/proc/${readFileSync(join(RUN, `${name}.pid`), 'utf8').trim()}/stat`, 'utf8'));
    } catch {
      result[name] = NaN;
    }
  }
  result.postgres = 0;
  result.nats = 0;
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const command = stat.slice(stat.indexOf('(') + 1, stat.indexOf(')'));
      if (command === 'postgres') {
        result.postgres += ticks(stat);
      } else if (command === 'nats-server') {
        result.nats += ticks(stat);
      }
    } catch {
      // gone meanwhile
    }
  }
  const usage = process.cpuUsage();
  result.bench = (usage.user + usage.system) / 1e6;
  const [, user, nice, system, , , irq, softirq] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]
    .split(/\s+/)
    .map(Number);
  result.machine = (user + nice + system + irq + softirq) / 100;
  return result;
}

/** "name 1.2, other 0.4, …": what each process spent between two readings. */
export function cpuSpent(before: Record<string, number>, after: Record<string, number>, per = 1, digits = 1): string {
  return Object.entries(after)
    .map(([name, value]) => `${name} ${((value - before[name]) / per).toFixed(digits)}`)
    .join(', ');
}
