import { resolve } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import type { Locale } from '../../core/campaigns/campaign.types.ts';
import { formatCommandLine } from '../../core/commands/command-line.ts';
import type { Core } from '../../core/core.ts';
import type { ErrorLog } from '../../core/deps.ts';
import { translate } from '../../core/i18n/i18n.ts';
import type { Button, CommandAction, ReplyFile } from '../../core/interaction/reply.ts';
import type { Actor } from '../../core/interaction/request.ts';
import type { Notifier } from '../../core/notifications/notifier.ts';
import type { AdapterOptions, ChatAdapter } from '../chat-adapter.ts';
import { consoleText } from './console.messages.ts';
import { CONSOLE_ACTOR, CONSOLE_WORDS } from './console-actor.ts';
import { ConsoleNotifier } from './console-notifier.ts';
import { renderMessage, saveFile } from './console-render.ts';

/** How many numbered choices stay usable after they scrolled away. */
const MAX_CHOICES = 500;

/** The console's settings: where lines come from and where replies go. */
export interface ConsoleStreams {
  /** Lines typed or piped in (standard input in the program). */
  input: NodeJS.ReadableStream;
  /** Where replies go (standard output in the program; logs stay on standard error). */
  output: NodeJS.WritableStream;
  /** Folder for files of replies (CSV, ICS, JSON); `./data/exports` by default. */
  exportDir?: string;
  /** The file the logs go to, named in the welcome so the operator knows where to look. */
  logFile?: string;
}

/** What the console adapter is built from. */
export interface ConsoleAdapterOptions extends ConsoleStreams {
  core: Pick<Core, 'text' | 'services'>;
  log: ErrorLog;
}

/** Starts the console chat on the given streams. */
export async function startConsoleAdapter({
  config,
  core,
  log,
}: AdapterOptions<ConsoleStreams>): Promise<ConsoleAdapter> {
  const adapter = new ConsoleAdapter({ ...config, core, log });
  await adapter.start();
  return adapter;
}

/**
 * The local terminal chat: each line of input goes through the text command path as
 * `console:local`; buttons are printed as numbered choices and typing a number runs that
 * button's command. Lines are handled one at a time, so a script can be piped in.
 */
export class ConsoleAdapter implements ChatAdapter {
  readonly platform = 'console';
  readonly notifier: Notifier = new ConsoleNotifier(this);
  /** Resolves once input has ended (or {@link stop} was called) and every line was answered. */
  readonly ended: Promise<void>;
  private markClosed!: () => void;
  private readline?: Interface;
  private queue: Promise<void> = Promise.resolve();
  /** Every choice shown, by number: numbers keep counting up, so none is ever rebound. */
  private readonly choices = new Map<number, CommandAction>();
  private nextChoice = 1;
  private locale: Locale = 'en';
  /** A person at a terminal (prompt shown) rather than a script (typed lines echoed). */
  private readonly interactive: boolean;
  private readonly exportDir: string;

  constructor(private readonly options: ConsoleAdapterOptions) {
    this.ended = new Promise((done) => {
      this.markClosed = done;
    });
    this.interactive = isTty(options.input) && isTty(options.output);
    this.exportDir = options.exportDir ?? resolve('data', 'exports');
  }

  /** Prints the welcome banner and starts reading lines. */
  async start(): Promise<void> {
    const campaign = await this.options.core.services.campaigns.ensureDefault();
    this.locale = campaign.locale;
    const logs = this.options.logFile ? `\n${this.say('logs')(this.options.logFile)}` : '';
    this.write(`${this.say('welcome')(campaign.name)}\n${this.say('intro')()}${logs}\n\n`);
    const readline = createInterface({
      input: this.options.input,
      output: this.interactive ? this.options.output : undefined,
      terminal: this.interactive,
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    this.readline = readline;
    readline.setPrompt('> ');
    readline.on('line', (line) => {
      this.queue = this.queue.then(() => this.onLine(line));
    });
    // Ctrl+C at the terminal ends the chat like the end of input does.
    readline.on('SIGINT', () => readline.close());
    readline.on('close', () => {
      this.queue.then(() => this.flush()).then(this.markClosed);
    });
    this.promptUser();
  }

  /**
   * Prints a message that arrives on its own (a reminder, a broadcast, a report) with its buttons
   * as numbered choices, numbered after every choice shown before; its files are saved and their
   * paths printed.
   */
  async show(
    blocks: readonly string[],
    buttons: readonly (readonly Button[])[] = [],
    files: readonly ReplyFile[] = [],
  ): Promise<void> {
    const text = this.numbered(blocks, buttons);
    const saved = await this.saveFiles(files);
    const body = [text, ...saved].filter(Boolean).join('\n\n');
    this.write(`${this.interactive ? '\n' : ''}${this.say('incoming')()}\n${body}\n\n`);
    this.promptUser();
  }

  /** Stops reading input and waits for the line in progress to be answered. */
  async stop(): Promise<void> {
    if (!this.readline) return;
    this.readline.close();
    await this.ended;
  }

  private async onLine(line: string): Promise<void> {
    const text = line.trim();
    if (text) {
      if (!this.interactive) this.write(`> ${text}\n`);
      try {
        await this.answer(text);
      } catch (error) {
        this.options.log.error({ err: error }, 'console line failed');
        this.write(`${translate(this.locale, 'error.internal')}\n\n`);
      }
    }
    this.promptUser();
  }

  /** A number picks a shown choice, unless the line answers a question the core asked. */
  private async answer(text: string): Promise<void> {
    if (/^\d+$/.test(text) && this.choices.size > 0 && !(await this.asking())) {
      const action = this.choices.get(Number(text));
      if (!action) {
        this.write(`${this.say('noChoice')(text, this.nextChoice - 1)}\n\n`);
        return;
      }
      const line = formatCommandLine(action);
      this.write(`-> ${line}\n`);
      return this.run(line);
    }
    return this.run(text);
  }

  /** Whether the core waits for the answer to a question it asked at this terminal. */
  private asking(): Promise<boolean> {
    return this.options.core.text.asking(CONSOLE_ACTOR);
  }

  private async run(line: string): Promise<void> {
    // No platform tells the console's language: the campaign's stands in for it.
    const { locale } = await this.options.core.services.campaigns.ensureDefault();
    const actor: Actor = {
      ...CONSOLE_ACTOR,
      displayName: consoleText.userName[locale](),
      platformLocale: locale,
    };
    const reply = await this.options.core.text.handle(line, { actor, words: CONSOLE_WORDS });
    if (!reply) {
      // Neither a command nor an answer: any question asked before has expired.
      this.write(`${this.say('hint')()}\n\n`);
      return;
    }
    this.locale = reply.locale;
    const text = this.numbered(reply.blocks, reply.buttons);
    const saved = await this.saveFiles(reply.files ?? []);
    this.write(`${[text, ...saved].filter(Boolean).join('\n\n')}\n\n`);
  }

  /** Renders a message, numbering its buttons after the choices shown before and keeping them. */
  private numbered(blocks: readonly string[], buttons?: readonly (readonly Button[])[]): string {
    const { text, actions } = renderMessage(blocks, buttons, this.nextChoice);
    for (const action of actions) this.choices.set(this.nextChoice++, action);
    // A long session keeps the latest choices only; older numbers are then simply unknown.
    for (const number of this.choices.keys()) {
      if (this.choices.size <= MAX_CHOICES) break;
      this.choices.delete(number);
    }
    return text;
  }

  private async saveFiles(files: readonly ReplyFile[]): Promise<string[]> {
    const lines: string[] = [];
    for (const file of files) {
      try {
        lines.push(this.say('fileSaved')(await saveFile(file, this.exportDir)));
      } catch (error) {
        this.options.log.error({ err: error, file: file.name }, 'console file not saved');
        lines.push(translate(this.locale, 'error.internal'));
      }
    }
    return lines;
  }

  /** A console sentence in the language of the latest reply (the campaign's at first). */
  private say<K extends keyof typeof consoleText>(key: K): (typeof consoleText)[K][Locale] {
    return consoleText[key][this.locale];
  }

  private promptUser(): void {
    if (this.interactive) this.readline?.prompt();
  }

  private write(text: string): void {
    this.options.output.write(text);
  }

  /** Waits until what was written has left the process, so nothing is lost at exit. */
  private flush(): Promise<void> {
    return new Promise((done) => this.options.output.write('', () => done()));
  }
}

function isTty(stream: NodeJS.ReadableStream | NodeJS.WritableStream): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true;
}
