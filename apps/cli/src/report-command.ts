import { writeFile } from 'node:fs/promises';
import { Command, InvalidArgumentError, Option } from 'commander';
import cliProgress from 'cli-progress';
import type { INestApplicationContext } from '@nestjs/common';
import { ProjectionRunner } from '@convene/event-store';
import {
  asciiFileName,
  DOCUMENT_FORMATS,
  type DocumentFormat,
  PARTICIPATION_FORMATS,
  type ParticipationFormat,
  renderChairSummary,
  renderParticipation,
  renderSeriesReport,
  type ReportRequest,
  Reports,
} from '@convene/reports';

interface ReportOptions {
  format: string;
  output?: string;
  asOf?: Date;
  edition?: number | 'published';
}

/** The whole application without HTTP: the same read models, store and builders as the API. */
export type OpenApp = () => Promise<INestApplicationContext>;

const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

function parseAsOf(value: string): Date {
  const at = new Date(value);
  if (!INSTANT.test(value) || Number.isNaN(at.getTime())) throw new InvalidArgumentError('an instant: a date, or a date and time with Z or an offset (2019-01-24T17:00:00Z)');
  return at;
}

function parseEdition(value: string): number | 'published' {
  if (value === 'published') return value;
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError('an edition number, or "published"');
  return Number(value);
}

const asOfOption = () => new Option('--as-of <instant>', 'as it stood at this instant, rebuilt from the events up to it').argParser(parseAsOf);
const editionOption = () =>
  new Option('--edition <n|published>', 'a published edition (number: a consultation only), or the latest published one; default: the working text').argParser(parseEdition);
const outputOption = () => new Option('-o, --output <file>', 'where to write it (default: a file named after the title, here)');

/** The operator of the CLI holds the database: they see what the secretariat sees. */
const request = (o: ReportOptions): ReportRequest => ({ viewer: { staff: true }, asOf: o.asOf, edition: o.edition });

async function write(body: Buffer, title: string, format: DocumentFormat | ParticipationFormat, output: string | undefined): Promise<void> {
  const file = output ?? asciiFileName(title, format);
  await writeFile(file, body);
  console.log(`Wrote ${file} (${format}, ${(body.length / 1024).toFixed(1)} kB): ${title}`);
}

/** A progress bar on a terminal, for a series report of several consultations; nothing otherwise. */
function progressBar(): { update(done: number, total: number): void; stop(): void } {
  let bar: cliProgress.SingleBar | undefined;
  return {
    update(done, total) {
      if (!process.stdout.isTTY || total < 2) return;
      if (!bar) {
        bar = new cliProgress.SingleBar({ format: 'series report [{bar}] {value}/{total} {stage}' }, cliProgress.Presets.shades_classic);
        // One step per consultation gathered, and one for rendering.
        bar.start(total + 1, 0, { stage: 'consultations' });
      }
      bar.update(done, { stage: done < total ? 'consultations' : 'rendering' });
    },
    stop() {
      bar?.update(bar.getTotal(), { stage: 'done' });
      bar?.stop();
      bar = undefined;
    },
  };
}

/** `convene report consultation|series|participation <id>`: documents from the command line. */
export function createReportCommand(openApp: OpenApp): Command {
  const report = new Command('report').description("Write a Chair's summary, a series report or a participation report to a file");

  /** Runs `fn` in the application once the in-process projections have caught up (their read models are what "current" reads). */
  const inApp = async (fn: (reports: Reports) => Promise<void>) => {
    const app = await openApp();
    try {
      if (!process.env.KAFKA_BROKERS) await app.get(ProjectionRunner).waitForCatchUp(60_000);
      await fn(app.get(Reports));
    } finally {
      await app.close();
    }
  };
  /** A subcommand taking an id, a format among `formats`, an output file and an instant; a text choice for summaries. */
  const subcommand = (name: string, description: string, id: string, formats: readonly string[], fallback: string, withEdition: boolean) => {
    const command = report
      .command(name)
      .description(description)
      .argument('<id>', id)
      .addOption(new Option('-f, --format <format>', 'output format').choices([...formats]).default(fallback))
      .addOption(outputOption())
      .addOption(asOfOption());
    return withEdition ? command.addOption(editionOption()) : command;
  };

  subcommand('consultation', "The Chair's summary of a consultation (DRAFT unless it shows a published edition)", 'consultation id', DOCUMENT_FORMATS, 'pdf', true).action(
    async (id: string, o: ReportOptions) =>
      inApp(async (reports) => {
        const doc = await reports.chairSummary(id, request(o));
        await write(await renderChairSummary(doc, o.format as DocumentFormat), doc.title, o.format as DocumentFormat, o.output);
      }),
  );

  subcommand('series', "The series report: an overview, then each consultation's summary", 'series id', DOCUMENT_FORMATS, 'pdf', true).action(
    async (id: string, o: ReportOptions) =>
      inApp(async (reports) => {
        const bar = progressBar();
        try {
          const doc = await reports.seriesReport(id, request(o), (done, total) => bar.update(done, total));
          const body = await renderSeriesReport(doc, o.format as DocumentFormat);
          bar.stop();
          await write(body, doc.title, o.format as DocumentFormat, o.output);
        } finally {
          bar.stop();
        }
      }),
  );

  subcommand('participation', 'The participation report of a consultation: figures and charts (HTML) or CSV', 'consultation id', PARTICIPATION_FORMATS, 'html', false).action(
    async (id: string, o: ReportOptions) =>
      inApp(async (reports) => {
        const doc = await reports.participationReport(id, { asOf: o.asOf });
        await write(await renderParticipation(doc, o.format as ParticipationFormat), `${doc.consultation.title}: participation report`, o.format as ParticipationFormat, o.output);
      }),
  );
  return report;
}
