// The command-line interface: one file per command, each with a register(program).
import { Command } from 'commander';
import { oneLine } from '../errors.js';
import { register as analyze } from './analyze.js';
import { register as add } from './add.js';
import { register as list } from './list.js';
import { register as show } from './show.js';
import { register as search } from './search.js';
import { register as timeline } from './timeline.js';
import { register as entities } from './entities.js';
import { register as entity } from './entity.js';
import { register as claims } from './claims.js';
import { register as serve } from './serve.js';
import { register as demo } from './demo.js';
import { register as question } from './question.js';
import { register as grade } from './grade.js';
import { register as credibility } from './credibility.js';
import { register as hypothesis } from './hypothesis.js';
import { register as rate } from './rate.js';
import { register as ach } from './ach.js';
import { register as report } from './report.js';
import { register as exportCmd } from './export.js';

const COMMANDS: ((p: Command) => void)[] = [analyze, add, list, show, search, timeline, entities, entity, claims, question, grade, credibility, hypothesis, rate, ach, report, exportCmd, serve, demo];

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
