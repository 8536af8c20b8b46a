// The command-line interface: one file per command, each with a register(program).
import { Command } from 'commander';
import { oneLine } from '../errors.js';
import { register as analyze } from './analyze.js';
import { register as serve } from './serve.js';
import { register as demo } from './demo.js';

const COMMANDS: ((p: Command) => void)[] = [analyze, serve, demo];

export async function main(argv: string[]): Promise<void> {
  const program = new Command();
  program
    .name('dossier')
    .description('Dossier: an evidence workbench for contested questions')
    .version('0.1.0')
    .showHelpAfterError();
  for (const register of COMMANDS) register(program);
  try {
    await program.parseAsync(argv);
  } catch (err) {
    process.stderr.write(`dossier: ${oneLine(err)}\n`);
    process.exitCode = 1;
  }
}
