import { execFile } from 'node:child_process';

// pdf.js loads its worker with a dynamic import, which Jest's module sandbox cannot run; a plain
// Node child process reads the PDF instead (the real parser on the real bytes).
const SCRIPT = `
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const { PDFParse } = require('pdf-parse');
  const result = await new PDFParse({ data: Buffer.concat(chunks) }).getText();
  process.stdout.write(result.text);
});`;

/** The text of a PDF, as a reader would copy it out. */
export function pdfText(pdf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['-e', SCRIPT],
      { maxBuffer: 10_000_000 },
      (error, stdout) => (error ? reject(new Error(error.message)) : resolve(stdout)),
    );
    child.stdin?.end(pdf);
  });
}
