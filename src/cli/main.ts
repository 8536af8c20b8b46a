// The command-line interface: one file per command, each with a register(program).
import { Command } from 'commander';
import { oneLine } from '../errors.js';

type Register = (p: Command) => void;

/** Each command's module, loaded when the command is run. Loading them all took ~0.6 s, half of it the
 * analysis pipeline and its model, which `dossier list` or `dossier show` never use; a command that reads
 * the dossier now starts in what opening the store takes. */
const COMMANDS: Record<string, () => Promise<Register>> = {
  analyze: async () => (await import('./analyze.js')).register,
  add: async () => (await import('./add.js')).register,
  list: async () => (await import('./list.js')).register,
  show: async () => (await import('./show.js')).register,
  search: async () => (await import('./search.js')).register,
  timeline: async () => (await import('./timeline.js')).register,
  entities: async () => (await import('./entities.js')).register,
  entity: async () => (await import('./entity.js')).register,
  claims: async () => (await import('./claims.js')).register,
  question: async () => (await import('./question.js')).register,
  grade: async () => (await import('./grade.js')).register,
  credibility: async () => (await import('./credibility.js')).register,
  hypothesis: async () => (await import('./hypothesis.js')).register,
  rate: async () => (await import('./rate.js')).register,
  ach: async () => (await import('./ach.js')).register,
  report: async () => (await import('./report.js')).register,
  export: async () => (await import('./export.js')).register,
  serve: async () => (await import('./serve.js')).register,
  demo: async () => (await import('./demo.js')).register,
};

/** The commands to register for `argv`: the one named, else (help, the version, an unknown or missing
 * command, or an option before the command) all of them, so that help lists them all and a mistyped
 * name gets commander's suggestion. */
export function wanted(argv: string[]): string[] {
  const args = argv.slice(2);
  const at = args.findIndex((a) => !a.startsWith('-'));
  return at === 0 && Object.hasOwn(COMMANDS, args[0]) ? [args[0]] : Object.keys(COMMANDS);
}

export async function main(argv: string[]): Promise<void> {
  const program = new Command();
  program
    .name('dossier')
    .description('Dossier: an evidence workbench for contested questions')
    .version('0.1.0')
    .showHelpAfterError();
  for (const register of await Promise.all(wanted(argv).map((name) => COMMANDS[name]()))) register(program);
  try {
    await program.parseAsync(argv);
  } catch (err) {
    process.stderr.write(`dossier: ${oneLine(err)}\n`);
    process.exitCode = 1;
  }
}
