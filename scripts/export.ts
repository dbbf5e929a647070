// npm run export -- [file]: writes every service as Open Referral UK service_full JSON (an array),
// as the API serves it: what feeds sent that has no column put back where it came, numbers as numbers.
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { once } from 'node:events';
import { serviceIds } from '../src/lib/directory/service-reader';
import { asPublished, readServedRecords } from '../src/lib/openreferral/api/records';
import { fail, openDirectory } from './cli';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
if (values.help || positionals.length > 1) fail('Usage: npm run export -- [file.json]   (standard output when no file is given)');

const { directory } = await openDirectory();
const out = positionals[0] ? createWriteStream(positionals[0]) : process.stdout;
const write = async (text: string) => {
  if (!out.write(text)) await once(out, 'drain');
};
try {
  const ids = await serviceIds(directory.db);
  await write('[');
  for (let i = 0; i < ids.length; i += 500) {
    const records = await readServedRecords(directory.db, ids.slice(i, i + 500));
    for (const [j, record] of records.entries()) await write(`${i + j ? ',' : ''}\n${JSON.stringify(asPublished(record))}`);
  }
  await write('\n]\n');
  if (out !== process.stdout) {
    out.end();
    await once(out, 'finish');
    process.stderr.write(`Exported ${ids.length} services to ${positionals[0]}.\n`);
  }
} finally {
  await directory.close();
}
