// The command-line interface: one file per command, each with a register(program).
import { Command } from 'commander';
import { oneLine } from '../errors.js';

type Register = (p: Command) => void;

/** The commands, each in a module of its name, loaded when the command is run. Loading them all took
 * ~0.6 s, half of it the analysis pipeline and its model, which `dossier list` or `dossier show` never
 * use; a command that reads the dossier now starts in what opening the store takes. */
const COMMANDS = ['analyze', 'add', 'list', 'show', 'search', 'timeline', 'entities', 'entity', 'claims', 'question', 'grade', 'credibility',
  'hypothesis', 'rate', 'ach', 'report', 'export', 'serve', 'demo'];

const load = async (name: string): Promise<Register> => ((await import(`./${name}.js`)) as { register: Register }).register;

/** The commands to register for `argv`: the one named, else (help, the version, an unknown or missing
 * command, or an option before the command) all of them, so that help lists them all and a mistyped
 * name gets commander's suggestion. */
export function wanted(argv: string[]): string[] {
  const first = argv[2];
  return first !== undefined && COMMANDS.includes(first) ? [first] : COMMANDS;
}

export async function main(argv: string[]): Promise<void> {
  const program = new Command();
  program
    .name('dossier')
    .description('Dossier: an evidence workbench for contested questions')
    .version('0.1.0')
    .showHelpAfterError();
  for (const register of await Promise.all(wanted(argv).map(load))) register(program);
  try {
    await program.parseAsync(argv);
  } catch (err) {
    process.stderr.write(`dossier: ${oneLine(err)}\n`);
    process.exitCode = 1;
  }
}
