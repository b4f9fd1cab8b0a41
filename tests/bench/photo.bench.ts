import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { MediaRepository } from '../../electron/db/media-repo';
import { openDatabase } from '../../electron/db/database';
import { migrate } from '../../electron/db/migrate';
import { MediaFileStore } from '../../electron/media/file-store';
import { renderRenditions, UNTRUSTED_INPUT } from '../../electron/media/renditions';
import { MediaService } from '../../electron/services/media';
import { RENDITION_FORMATS, RENDITION_WIDTHS } from '../../shared/media';
import { percentile, report } from './report';

const WIDTH = 6000;
const HEIGHT = 4000;
const WARMUP = 2;
const RUNS = 8;
const BASELINE_RUNS = 3;

/**
 * A 24-megapixel camera frame with what makes real photos expensive to decode and encode: gradients,
 * shapes at several scales and sensor-like noise (a flat colour would compress to nothing).
 */
async function cameraJpeg(): Promise<Buffer> {
  const data = Buffer.alloc(WIDTH * HEIGHT * 3);
  let s = 0x2a;
  for (let y = 0; y < HEIGHT; y += 1) {
    for (let x = 0; x < WIDTH; x += 1) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      const grain = ((s >>> 24) - 128) * 0.22;
      const large = Math.sin(x / 310) * Math.cos(y / 190) * 55;
      const fine = Math.sin((x + y) / 7) * 12;
      const i = (y * WIDTH + x) * 3;
      data[i] = Math.max(0, Math.min(255, (x / WIDTH) * 170 + large + fine + grain + 30));
      data[i + 1] = Math.max(0, Math.min(255, (y / HEIGHT) * 150 - large + grain + 50));
      data[i + 2] = Math.max(0, Math.min(255, 120 + large * 0.8 - fine + grain));
    }
  }
  return sharp(data, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** The same picture under a new hash (a JPEG comment with the run number), so every run is a first import. */
function variant(jpeg: Buffer, run: number): Buffer {
  const text = Buffer.from(`byline bench run ${run}`, 'latin1');
  const head = Buffer.from([0xff, 0xfe, 0, 0]);
  head.writeUInt16BE(text.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), head, text, jpeg.subarray(2)]);
}

/** What the hint warns against: each rendition decoded from the original on its own. */
async function naiveRenditions(jpeg: Buffer): Promise<void> {
  await Promise.all(
    RENDITION_WIDTHS.flatMap((width) =>
      RENDITION_FORMATS.map((format) => {
        const image = sharp(jpeg, UNTRUSTED_INPUT).autoOrient().resize({ width });
        return (format === 'webp' ? image.webp({ quality: 80 }) : image.jpeg({ quality: 82 })).toBuffer();
      }),
    ),
  );
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/**
 * A 24-megapixel JPEG imported through MediaService into a real sqlite file and data folder: hash,
 * metadata, every rendition, durable files, the row. Then the renditions alone, ours against decoding
 * the original once per rendition.
 */
export async function benchPhoto(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'byline-bench-photo-'));
  const db = await openDatabase(path.join(dir, 'bench.sqlite3'));
  try {
    await migrate(db);
    const service = new MediaService({ repo: new MediaRepository(db), files: new MediaFileStore(path.join(dir, 'media')) });
    const jpeg = await cameraJpeg();
    const imports: number[] = [];
    for (let run = 0; run < WARMUP + RUNS; run += 1) {
      const data = variant(jpeg, run);
      const ms = await timed(async () => {
        const { reused } = await service.import({ fileName: `DSC_${run}.JPG`, data });
        if (reused) throw new Error('bench photo was already in the library');
      });
      if (run >= WARMUP) imports.push(ms);
    }
    const renditions: number[] = [];
    for (let run = 0; run < RUNS; run += 1) renditions.push(await timed(() => renderRenditions(jpeg, 'bench.jpg')));
    const naive: number[] = [];
    for (let run = 0; run < BASELINE_RUNS; run += 1) naive.push(await timed(() => naiveRenditions(jpeg)));

    report({ bench: 'photo', metric: 'import_24mp_ms', value: percentile(imports, 50), unit: 'ms', target: 400 });
    report({ bench: 'photo', metric: 'import_24mp_max_ms', value: percentile(imports, 100), unit: 'ms', target: 400 });
    report({ bench: 'photo', metric: 'renditions_24mp_ms', value: percentile(renditions, 50), unit: 'ms', baseline: percentile(naive, 50) });
    report({ bench: 'photo', metric: 'source_jpeg_mb', value: Math.round((jpeg.length / 1024 / 1024) * 10) / 10, unit: 'MB' });
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
