import { z } from 'zod';
import type { Locale } from '../campaigns/campaign.types.ts';
import { answerValue, frenchForm } from '../i18n/french-words.ts';
import type { Message } from '../i18n/messages/define.ts';

/** How an option is typed on platforms with typed options (Discord) and checked in the core. */
export type OptionKind = 'text' | 'integer' | 'boolean' | 'id' | 'user' | 'choice';

/** One option of a command: its zod schema, its help and what a good value looks like. */
export interface OptionSpec<T = unknown> {
  kind: OptionKind;
  required: boolean;
  description: Message;
  /** A value that works, shown in error messages and prompts (per language when it is words). */
  example: string | Message;
  schema: z.ZodType<T>;
  min?: number;
  max?: number;
  choices?: readonly string[];
  /** Text options only: may take the rest of the line when given without a name. */
  rest?: boolean;
  /** The value used when the option is left out, shown by `/help <command>`. */
  defaultValue?: string;
}

interface Common {
  description: Message;
  example: string | Message;
  defaultValue?: string;
}

const trimmed = z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string());

/** Free text of 1 to `max` characters. */
export function text<const R extends boolean = false>(
  o: Common & { required?: R; max: number; rest?: boolean },
): OptionSpec<string> & { required: R } {
  const schema = trimmed.pipe(z.string().min(1).max(o.max));
  return { kind: 'text', required: (o.required ?? false) as R, schema, ...o };
}

/** A whole number from `min` to `max` (`"3"` is accepted from text). */
export function integer<const R extends boolean = false>(
  o: Common & { required?: R; min: number; max: number },
): OptionSpec<number> & { required: R } {
  const schema = z.preprocess(
    (v) => (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v),
    z.number().int().min(o.min).max(o.max),
  );
  return { kind: 'integer', required: (o.required ?? false) as R, schema, ...o };
}

const TRUE = ['on', 'yes', 'true', '1'];
const FALSE = ['off', 'no', 'false', '0'];

/** on/off (also yes/no, true/false, and in French activé/désactivé, oui/non). */
export function flag<const R extends boolean = false>(
  o: Common & { required?: R },
): OptionSpec<boolean> & { required: R } {
  const schema = z.preprocess((v) => {
    if (typeof v !== 'string') return v;
    const word = answerValue(v);
    return TRUE.includes(word) ? true : FALSE.includes(word) ? false : v;
  }, z.boolean());
  return { kind: 'boolean', required: (o.required ?? false) as R, schema, ...o };
}

/** A task or event number, written `12` or `#12`. */
export function id<const R extends boolean = false>(
  o: Common & { required?: R },
): OptionSpec<number> & { required: R } {
  const schema = z.preprocess(
    (v) => (typeof v === 'string' && /^\s*#?\d{1,9}\s*$/.test(v) ? Number(v.replace('#', '')) : v),
    z.number().int().positive(),
  );
  return { kind: 'id', required: (o.required ?? false) as R, schema, ...o };
}

/** The word naming the person typing, in every language (`me`, `moi`). */
export const SELF = 'me';

/** A person: `@username`, a numeric platform user id, or `me` (`moi`) for the person typing. */
export function user<const R extends boolean = false>(
  o: Common & { required?: R },
): OptionSpec<string> & { required: R } {
  const self = (v: unknown) => (typeof v === 'string' && answerValue(v) === SELF ? SELF : v);
  const schema = z.preprocess(
    self,
    trimmed.pipe(z.string().regex(/^(@\w{1,64}|<@!?\d+>|\d{1,20}|me)$/)),
  );
  return { kind: 'user', required: (o.required ?? false) as R, schema, ...o };
}

/** One word out of a fixed list (matched without regard to case; French answer words too). */
export function choice<
  const C extends readonly [string, ...string[]],
  const R extends boolean = false,
>(choices: C, o: Common & { required?: R }): OptionSpec<C[number]> & { required: R } {
  const schema = z.preprocess((v) => (typeof v === 'string' ? answerValue(v) : v), z.enum(choices));
  return { kind: 'choice', required: (o.required ?? false) as R, schema, choices, ...o };
}

export type OptionSpecs = Record<string, OptionSpec>;

/** The example value in a language: its own words, or the French form of `on`, `yes`, ... */
export function exampleValue(spec: Pick<OptionSpec, 'example'>, locale: Locale): string {
  if (typeof spec.example !== 'string') return spec.example[locale];
  return locale === 'fr' ? frenchForm(spec.example) : spec.example;
}

/** `name:value` for an option, quoted when the value has spaces: `title:"Hand out flyers"`. */
export function exampleOption(name: string, spec: OptionSpec, locale: Locale): string {
  const value = exampleValue(spec, locale);
  return `${name}:${/\s/.test(value) ? `"${value}"` : value}`;
}

/** The arguments a handler receives: required options present, others possibly undefined. */
export type ArgsOf<O extends OptionSpecs> = {
  [K in keyof O as O[K]['required'] extends true ? K : never]: O[K] extends OptionSpec<infer T>
    ? T
    : never;
} & {
  [K in keyof O as O[K]['required'] extends true ? never : K]?: O[K] extends OptionSpec<infer T>
    ? T
    : never;
};

/** The zod schema of a command's arguments, built from its options. */
export function argumentsSchema(options: OptionSpecs): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, spec] of Object.entries(options)) {
    shape[name] = spec.required ? spec.schema : spec.schema.optional();
  }
  return z.object(shape);
}
