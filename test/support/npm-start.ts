import { type ChildProcess, spawn } from 'node:child_process';

/** The project folder, where `npm start` runs. */
export const ROOT = new URL('../..', import.meta.url).pathname;

/** A running `npm start` and its collected standard output and error. */
export interface NpmRun {
  child: ChildProcess;
  /** The exit code once the process ended. */
  exited: Promise<number | null>;
  /** Standard output and error interleaved as they arrived. */
  output(): string;
  /** Standard output only (the console's chat). */
  stdout(): string;
  /** Resolves when the text has appeared in the output; throws after a minute or at exit. */
  waitFor(text: string): Promise<void>;
  /** Sends a signal to npm, as a process manager or `kill` would; npm passes it on. */
  signal(signal: NodeJS.Signals): void;
  /** Kills npm and the assistant, for clean-up after a test. */
  kill(): void;
}

/**
 * Runs `npm start` (or another npm script) in the project, that is the compiled program in dist/
 * (built before the tests by test/support/build-program.ts), with only PATH, HOME and the given
 * variables, with the HTTP server off unless `HTTP_PORT` is given (parallel runs would all want
 * port 8080) and the logs on standard error unless `LOG_FILE` is given (empty: the default file). Standard input is a pipe the test may write to and end. Kill the child when done.
 */
export function npmStart(env: Record<string, string>, script = 'start'): NpmRun {
  const child = spawn('npm', ['run', script, '--silent'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, HTTP_PORT: '0', LOG_FILE: '-', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  let stdout = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = async (text: string) => {
    const deadline = Date.now() + 60_000;
    while (!output.includes(text)) {
      if (Date.now() > deadline || child.exitCode !== null) {
        throw new Error(`"${text}" never appeared; output:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const signal = (name: NodeJS.Signals) => {
    child.kill(name);
  };
  // The assistant's own pid is in every log line; npm's death alone would leave it running.
  const appPid = () => Number(/"pid":(\d+)/.exec(output)?.[1]) || undefined;
  const kill = () => {
    child.kill('SIGKILL');
    const pid = appPid();
    try {
      if (pid) process.kill(pid, 'SIGKILL');
    } catch {
      // Already ended.
    }
  };
  return { child, exited, waitFor, signal, kill, output: () => output, stdout: () => stdout };
}
