/*
 * Run as its own process (tests/integration/rank-extension-location.test.ts), so that its working
 * directory can be a folder the test chose: loads the ranking extension into an in-memory SQLite and
 * prints whether it loaded. argv[2], when given, is the path the host configures.
 */
import sqlite3 from 'sqlite3';
import { loadRankExtension, useRankExtension } from '../../../electron/db/search/rank-extension';

if (process.argv[2]) useRankExtension(process.argv[2]);
const db = new sqlite3.Database(':memory:');
const loaded = await loadRankExtension(db);
console.log(JSON.stringify({ loaded }));
db.close();
