/**
 * `npm run bench [-- name]`: prints one JSON object per line and per figure. Benchmarks live here,
 * never as timed assertions in tests.
 */
import { benchCounting } from './counting.bench';
import { benchDuplicates } from './duplicates.bench';
import { benchHostile } from './hostile.bench';
import { benchLive } from './live.bench';
import { benchNewsroom } from './newsroom.bench';
import { benchPhoto } from './photo.bench';
import { benchPublish } from './publish.bench';
import { benchSave } from './save.bench';
import { benchSearch } from './search.bench';
import { benchServer } from './server.bench';
import { benchSpelling } from './spelling.bench';
import { benchTyping } from './typing.bench';

const BENCHES: Record<string, () => Promise<void>> = {
  save: benchSave,
  counting: benchCounting,
  typing: benchTyping,
  search: benchSearch,
  photo: benchPhoto,
  publish: benchPublish,
  live: benchLive,
  newsroom: benchNewsroom,
  hostile: benchHostile,
  server: benchServer,
  duplicates: benchDuplicates,
  spelling: benchSpelling,
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  console.error(`unknown bench: ${unknown.join(', ')} (known: ${Object.keys(BENCHES).join(', ')})`);
  process.exit(2);
}
for (const name of wanted.length > 0 ? wanted : Object.keys(BENCHES)) {
  await BENCHES[name]!();
}
