import PDFDocument from 'pdfkit';
import type { JobGoalRow } from './citizen.types';
import type { PlanModel } from './models/citizen.models';

const STATUS_DA: Record<string, string> = {
  open: 'I gang',
  reached: 'Nået',
  missed: 'Ikke nået',
  dropped: 'Droppet',
};
const dateDa = (iso: string | null): string =>
  iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : '-';

/** The citizen's plan as a PDF in Danish, to take home (principle 1: the citizen's goal steers). */
export function renderPlanPdf(input: {
  name: string;
  plan: PlanModel | null;
  goals: JobGoalRow[];
  today: string;
}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: `Min plan - ${input.name}`, Author: 'Jobbro' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const heading = (text: string): void => {
    doc
      .moveDown(1)
      .font('Helvetica-Bold')
      .fontSize(14)
      .text(text)
      .moveDown(0.3)
      .font('Helvetica')
      .fontSize(11);
  };

  doc.font('Helvetica-Bold').fontSize(22).text('Min plan');
  doc
    .font('Helvetica')
    .fontSize(11)
    .text(`${input.name} - udskrevet ${dateDa(input.today)}`);
  if (input.plan) doc.text(`Version ${input.plan.version}`);

  heading('Mit jobmål');
  if (input.goals.length === 0) doc.text('Du har ikke skrevet et jobmål endnu. Det gør vi sammen.');
  for (const goal of input.goals) {
    doc.text(`"${goal.ownWords}"`);
    const details = [
      goal.hoursNow ? `${goal.hoursNow} timer om ugen nu` : null,
      goal.hoursLater ? `${goal.hoursLater} timer senere` : null,
      goal.maxCommuteKm !== null ? `højst ${goal.maxCommuteKm} km transport` : null,
    ].filter(Boolean);
    if (details.length) doc.fillColor('#555555').text(details.join(', ')).fillColor('black');
    doc.moveDown(0.4);
  }

  heading('Mit langsigtede mål');
  doc.text(input.plan?.longTermGoal || 'Ikke skrevet endnu.');

  heading('Delmål');
  const milestones = input.plan?.milestones ?? [];
  if (milestones.length === 0) doc.text('Ingen delmål endnu.');
  for (const m of milestones) {
    doc.text(`- ${m.title}  (frist ${dateDa(m.deadline)}, ${STATUS_DA[m.status] ?? m.status})`);
  }

  heading('Aktiviteter');
  const activities = input.plan?.activities ?? [];
  if (activities.length === 0) doc.text('Ingen aktiviteter endnu.');
  for (const a of activities) {
    const when = a.startsOn
      ? ` ${dateDa(a.startsOn)}${a.endsOn ? ` - ${dateDa(a.endsOn)}` : ''}`
      : '';
    doc.text(`- ${a.title}${when}${a.responsible ? ` (ansvarlig: ${a.responsible})` : ''}`);
  }

  doc
    .moveDown(2)
    .fontSize(9)
    .fillColor('#555555')
    .text('Du kan altid se din plan og hvem der har set dine oplysninger i Jobbro.');
  doc.end();
  return done;
}
